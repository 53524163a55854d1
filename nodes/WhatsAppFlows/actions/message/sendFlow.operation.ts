import { flowIdOf, flowMessageContent } from '../../../shared/messages/flow-message';
import { DEFAULT_TOKEN_TTL_HOURS, FLOW_TOKEN_MODE_OPTIONS, recordIdOption, tokenValidityOption, type FlowTokenMode } from './fields/flow-token';
import { flowTokenFor } from './flow-token';
import { locatorValue } from './parameter-reader';
import { sendOperation } from './send-operation';

interface FlowOptions {
	headerText?: string;
	footerText?: string;
	tokenTtlHours?: number;
	recordId?: string;
}

/**
 * Send Flow. The flow is given by ID for now: the Flow picker (`flowIdLocator()` of the flows-api branch) can replace
 * the `flowId` field without changing its name; its value is read either way.
 */
export const sendFlow = sendOperation({
	operation: 'sendFlow',
	name: 'Send Flow',
	action: 'Send a flow message',
	variants: 'flow',
	fields: [
		{
			displayName: 'Flow ID',
			name: 'flowId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '1234567890123456',
			hint: 'The number in WhatsApp Manager → Flows, or from Flow → Get Many',
		},
		{
			displayName: 'Flow CTA',
			name: 'cta',
			type: 'string',
			default: 'Open',
			required: true,
			description: 'The button that opens the flow: at most 30 characters, no emoji',
		},
		{
			displayName: 'Body Text',
			name: 'bodyText',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			description: 'Up to 1024 characters',
		},
		{
			displayName: 'Mode',
			name: 'mode',
			type: 'options',
			options: [
				{ name: 'Published', value: 'published', description: 'The published version of the flow' },
				{ name: 'Draft', value: 'draft', description: 'The current draft, for testers' },
			],
			default: 'published',
		},
		{
			displayName: 'Open With',
			name: 'flowAction',
			type: 'options',
			options: [
				{ name: 'A Screen (Navigate)', value: 'navigate', description: 'Opens on a screen of the flow, with data you give' },
				{ name: 'The Endpoint (Data Exchange)', value: 'data_exchange', description: 'Asks the flow\'s endpoint for the first screen (INIT)' },
			],
			default: 'navigate',
		},
		{
			displayName: 'Screen',
			name: 'screen',
			type: 'string',
			default: '',
			displayOptions: { show: { flowAction: ['navigate'] } },
			description: 'The first screen\'s ID; empty opens the flow\'s first screen',
		},
		{
			displayName: 'Initial Data',
			name: 'initialData',
			type: 'json',
			default: '',
			displayOptions: { show: { flowAction: ['navigate'] } },
			description: 'A JSON object for the first screen\'s data (needs a screen)',
		},
		{
			displayName: 'Flow Token',
			name: 'flowTokenMode',
			type: 'options',
			options: FLOW_TOKEN_MODE_OPTIONS,
			default: 'signed',
		},
		{
			displayName: 'Custom Flow Token',
			name: 'customFlowToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { flowTokenMode: ['custom'] } },
		},
	],
	options: [
		{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', description: 'Up to 60 characters' },
		{ displayName: 'Footer Text', name: 'footerText', type: 'string', default: '', description: 'Up to 60 characters' },
		tokenValidityOption,
		recordIdOption,
	],
	async build(context) {
		const { param, variant } = context;
		const options = param<FlowOptions>('options', {});
		const flowId = flowIdOf(variant?.flowId ?? locatorValue(param('flowId')));
		const flowToken = await flowTokenFor(context, {
			mode: param<FlowTokenMode>('flowTokenMode', 'signed'),
			customToken: param<string>('customFlowToken', ''),
			flowId,
			ttlHours: options.tokenTtlHours ?? DEFAULT_TOKEN_TTL_HOURS,
			recordId: options.recordId,
			field: 'Custom Flow Token',
		});
		const flowAction = param<'navigate' | 'data_exchange'>('flowAction', 'navigate');
		const content = flowMessageContent({
			flowId,
			cta: variant?.cta ?? param('cta'),
			body: param('bodyText'),
			headerText: options.headerText,
			footer: options.footerText,
			mode: param<'draft' | 'published'>('mode', 'published'),
			flowToken,
			opening: flowAction === 'data_exchange' ? { kind: 'data_exchange' } : { kind: 'navigate', screen: param('screen', ''), data: param('initialData', '') },
		});
		return { content, output: { flowId, ...(flowToken !== undefined ? { flowToken } : {}) } };
	},
});
