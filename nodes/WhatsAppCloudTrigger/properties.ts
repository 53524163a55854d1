import type { INodeProperties } from 'n8n-workflow';
import type { StateStoreKind } from '../shared/n8n/state-store';
import { DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS } from '../shared/webhook-events/consent';

/** Where Meta is told to send this trigger's webhooks. Meta: whatsapp/webhooks/override */
export type Registration = 'manual' | 'phoneNumber' | 'waba';
export type DedupeMode = StateStoreKind | 'off';

const EVENT_TYPES: Array<{ name: string; value: string }> = [
	{ name: 'Any Consent Change (consent.*)', value: 'consent.*' },
	{ name: 'Any Flow Event (flow.*)', value: 'flow.*' },
	{ name: 'Any Message (message.*)', value: 'message.*' },
	{ name: 'Any Status (status.*)', value: 'status.*' },
	{ name: 'Any Template Event (template.*)', value: 'template.*' },
	{ name: 'Consent: Opt-In', value: 'consent.opt_in' },
	{ name: 'Consent: Opt-Out', value: 'consent.opt_out' },
	{ name: 'Error Reported by Meta', value: 'error' },
	{ name: 'Flow: Client Error Rate Alert', value: 'flow.client_alert' },
	{ name: 'Flow: Completed (Nfm_reply)', value: 'flow.completed' },
	{ name: 'Flow: Endpoint Alert (Error Rate, Latency, Availability)', value: 'flow.endpoint_alert' },
	{ name: 'Flow: Status Change', value: 'flow.status_change' },
	{ name: 'Flow: Version Expiry Warning', value: 'flow.version_warning' },
	{ name: 'Message: Audio', value: 'message.audio' },
	{ name: 'Message: Button Reply', value: 'message.interactive.button_reply' },
	{ name: 'Message: Contacts', value: 'message.contacts' },
	{ name: 'Message: Document', value: 'message.document' },
	{ name: 'Message: Image', value: 'message.image' },
	{ name: 'Message: List Reply', value: 'message.interactive.list_reply' },
	{ name: 'Message: Location', value: 'message.location' },
	{ name: 'Message: Order', value: 'message.order' },
	{ name: 'Message: Reaction', value: 'message.reaction' },
	{ name: 'Message: Sticker', value: 'message.sticker' },
	{ name: 'Message: System (Number Changed)', value: 'message.system' },
	{ name: 'Message: Template Quick Reply Button', value: 'message.button' },
	{ name: 'Message: Text', value: 'message.text' },
	{ name: 'Message: Unsupported', value: 'message.unsupported' },
	{ name: 'Message: Video', value: 'message.video' },
	{ name: 'Other Fields (Account, Phone Number Quality, …)', value: 'other' },
	{ name: 'Status: Delivered', value: 'status.delivered' },
	{ name: 'Status: Failed', value: 'status.failed' },
	{ name: 'Status: Read', value: 'status.read' },
	{ name: 'Status: Sent', value: 'status.sent' },
	{ name: 'Template: Category Change', value: 'template.category' },
	{ name: 'Template: Quality Change', value: 'template.quality' },
	{ name: 'Template: Status (Approved, Rejected, Paused…)', value: 'template.status' },
];

const overridesOnly = { show: { registration: ['phoneNumber', 'waba'] } };

export const TRIGGER_PROPERTIES: INodeProperties[] = [
	{
		displayName:
			'Meta signs every webhook with the app secret: requests without a valid X-Hub-Signature-256 are refused with 401 and start nothing. Each message, status, completed flow or alert becomes one item.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		placeholder: 'whatsapp',
		required: true,
		description: 'The last part of the webhook URL (your n8n URL, then /webhook/ and this path)',
	},
	{
		displayName: 'Callback URL Registration',
		name: 'registration',
		type: 'options',
		default: 'manual',
		options: [
			{
				name: 'Manual (App Callback URL)',
				value: 'manual',
				description:
					"Paste the production URL and the credential's verify token into the Meta app (WhatsApp → Configuration → Webhook). Receives every field the app subscribes to.",
			},
			{
				name: 'Alternate URL for One Phone Number',
				value: 'phoneNumber',
				description:
					"On activation, sets the production URL as the phone number's alternate callback URL (and removes it on deactivation). Several triggers can share one Meta app this way.",
			},
			{
				name: 'Alternate URL for the WhatsApp Business Account',
				value: 'waba',
				description: "On activation, sets the production URL as the WABA's alternate callback URL (and removes it on deactivation)",
			},
		],
	},
	{
		displayName:
			'Meta sends only the messages field (messages, statuses, completed flows, consent keywords) to an alternate URL. Template webhooks (template.*), flow status and health alerts (flows field) and account-level webhooks always go to the app\'s callback URL: receive those with a trigger in Manual mode. "Listen for test event" never changes Meta\'s settings (the production URL stays registered): test with the production URL and the Executions list, or paste the test URL into the app yourself.',
		name: 'overrideNotice',
		type: 'notice',
		default: '',
		displayOptions: overridesOnly,
	},
	{
		displayName: 'Phone Number ID',
		name: 'phoneNumberId',
		type: 'string',
		default: '',
		placeholder: "Leave empty for the credential's number",
		description: "The business phone number whose webhooks come here; only that number's events pass",
		displayOptions: { show: { registration: ['phoneNumber'] } },
	},
	{
		displayName: 'Event Types',
		name: 'eventTypes',
		type: 'multiOptions',
		default: [],
		options: EVENT_TYPES,
		description: 'Only these events start the workflow; none selected: every event',
	},
	{
		displayName: 'Only Phone Number IDs',
		name: 'phoneNumberIds',
		type: 'string',
		default: '',
		placeholder: '106540352242922, 106540352242923',
		description: 'Comma-separated business phone number IDs; empty: every number. Events of no number (templates, flows) always pass.',
	},
	{
		displayName: 'Redelivery Dedupe',
		name: 'dedupe',
		type: 'options',
		default: 'process',
		options: [
			{
				name: 'In Memory of This Process',
				value: 'process',
				description: 'Exact while n8n runs as one process (or one webhook processor); forgotten on restart',
			},
			{
				name: 'Shared Data Table (Queue Mode)',
				value: 'dataTable',
				description: 'Exact across every n8n process and restarts, in an n8n data table through the State Store credential (n8n 2.x)',
			},
			{ name: 'Off', value: 'off', description: 'Every redelivery of Meta starts the workflow again' },
		],
		description: 'Meta redelivers webhooks it thinks failed for up to 7 days; each event starts the workflow once within that window',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Detect Consent Keywords',
				name: 'detectConsent',
				type: 'boolean',
				default: true,
				description:
					'Whether a text that is exactly an opt-out or opt-in keyword becomes a consent.opt_out or consent.opt_in event (instead of message.text), and a failed status with error 131050 a consent.opt_out event',
			},
			{
				displayName: 'Opt-In Keywords',
				name: 'optInKeywords',
				type: 'string',
				default: DEFAULT_OPT_IN_KEYWORDS.join(', '),
				description: 'Comma-separated; matched against the whole message, ignoring case, accents and punctuation',
			},
			{
				displayName: 'Opt-Out Keywords',
				name: 'optOutKeywords',
				type: 'string',
				default: DEFAULT_OPT_OUT_KEYWORDS.join(', '),
				description: 'Comma-separated; matched against the whole message, ignoring case, accents and punctuation',
			},
		],
	},
];
