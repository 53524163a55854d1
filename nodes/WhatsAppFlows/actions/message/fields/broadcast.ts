import type { INodeProperties } from 'n8n-workflow';

/** What an A/B variant changes: the template sent, or the flow opened. */
export type VariantKind = 'template' | 'flow';

export const DEFAULT_MESSAGES_PER_SECOND = 80;
export const MAX_MESSAGES_PER_SECOND = 1000;
export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_PAIR_INTERVAL_SECONDS = 6;
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

const inBroadcast = { show: { broadcast: [true] } };

function variantFields(kind: VariantKind): INodeProperties[] {
	const common: INodeProperties[] = [
		{ displayName: 'Name', name: 'name', type: 'string', default: 'A', description: 'Shown in the output and carried in the signed flow token; at most 16 characters' },
		{ displayName: 'Weight', name: 'weight', type: 'number', typeOptions: { minValue: 0 }, default: 50, description: 'Relative share of recipients' },
	];
	if (kind === 'template') {
		return [
			...common,
			{ displayName: 'Template Name', name: 'templateName', type: 'string', default: '', description: 'This variant\'s template; empty keeps the one above' },
			{ displayName: 'Language', name: 'language', type: 'string', default: '', description: 'This variant\'s language code; empty keeps the one above' },
		];
	}
	return [
		...common,
		{ displayName: 'Flow ID', name: 'flowId', type: 'string', default: '', description: 'This variant\'s flow; empty keeps the one above' },
		{ displayName: 'Flow CTA', name: 'cta', type: 'string', default: '', description: 'This variant\'s button text; empty keeps the one above' },
	];
}

/** The broadcast switch and its settings, for one send operation. */
export function broadcastFields(variantKind?: VariantKind): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Broadcast',
			name: 'broadcast',
			type: 'boolean',
			default: false,
			description:
				'Whether to send all input items as one paced broadcast: messages per second, one message per number, retries when Meta asks to slow down, a consent check and A/B variants; every item comes out with its outcome (sent, failed, unknown or skipped) instead of stopping the workflow',
		},
		{
			displayName: 'Only With Consent',
			name: 'requireConsent',
			type: 'boolean',
			default: true,
			displayOptions: inBroadcast,
			description: 'Whether to send only to items whose consent value says yes (yes, true, 1, opt-in, ✓ …); the others come out as skipped',
		},
		{
			displayName: 'Consent',
			name: 'consent',
			type: 'string',
			default: '={{ $json.opt_in }}',
			displayOptions: { show: { broadcast: [true], requireConsent: [true] } },
			description: 'Per item: the value that records the recipient\'s opt-in, e.g. a sheet\'s opt-in column',
		},
	];
	if (variantKind) {
		fields.push({
			displayName: 'A/B Variants',
			name: 'variants',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Variant',
			default: {},
			displayOptions: inBroadcast,
			description:
				'Each recipient gets one variant, by a stable hash of their number and the weights: the same person always gets the same variant',
			options: [{ displayName: 'Variant', name: 'variant', values: variantFields(variantKind) }],
		});
	}
	fields.push({
		displayName: 'Broadcast Options',
		name: 'broadcastOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: inBroadcast,
		options: [
			{
				displayName: 'Already Sent',
				name: 'alreadySent',
				type: 'string',
				default: '',
				placeholder: '={{ $json.message_id }}',
				description: 'Per item: a value that is set once the item was sent (e.g. the message ID written back to the sheet); items where it is not empty are skipped, so running the same list again sends only what is left',
			},
			{
				displayName: 'Consent Values',
				name: 'consentValues',
				type: 'string',
				default: 'yes, y, true, 1, opt-in, opt_in, opted in, opted_in, subscribed, x, ✓, ✔',
				description: 'Comma-separated values that mean yes (compared without case)',
			},
			{
				displayName: 'Default Country Code',
				name: 'defaultCountryCode',
				type: 'string',
				default: '',
				placeholder: '49',
				description: 'Put in front of numbers written without one (starting with a single 0)',
			},
			{
				displayName: 'Experiment Name',
				name: 'experiment',
				type: 'string',
				default: '',
				description: 'Mixed into the A/B hash: a new name draws a new split, the same name keeps everyone\'s variant',
			},
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 20 },
				default: DEFAULT_MAX_ATTEMPTS,
				description: 'Attempts per message when Meta answers "not now" (130429, 131056, 80007, 4, 429, 5xx); never repeated after an answer-less failure',
			},
			{
				displayName: 'Max Parallel Requests',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1000 },
				default: 0,
				description: 'Requests in flight at most; 0 picks one second\'s worth of messages (at least 10)',
			},
			{
				displayName: 'Messages per Second',
				name: 'messagesPerSecond',
				type: 'number',
				typeOptions: { minValue: 0.1, maxValue: MAX_MESSAGES_PER_SECOND, numberPrecision: 1 },
				default: DEFAULT_MESSAGES_PER_SECOND,
				description: 'Your number\'s throughput: 80 by default, up to 1,000 once Meta raised it',
			},
			{
				displayName: 'One Message per Number',
				name: 'oncePerNumber',
				type: 'boolean',
				default: true,
				description: 'Whether to skip later items that go to a number an earlier item already goes to',
			},
			{
				displayName: 'Pair Interval (Seconds)',
				name: 'pairIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_PAIR_INTERVAL_SECONDS,
				description: 'Least time between two messages to one number (Meta\'s pair rate: one every 6 seconds)',
			},
			{
				displayName: 'Request Timeout (Seconds)',
				name: 'requestTimeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_REQUEST_TIMEOUT_SECONDS,
				description: 'A send without an answer by then counts as "unknown" and is not repeated',
			},
		],
	});
	return fields;
}
