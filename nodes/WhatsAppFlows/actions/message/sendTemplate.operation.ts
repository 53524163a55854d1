import type { IDataObject } from 'n8n-workflow';
import { flowIdOf } from '../../../shared/messages/flow-message';
import { templateContent, type TemplateButton, type TemplateHeader } from '../../../shared/messages/template';
import { DEFAULT_TOKEN_TTL_HOURS, FLOW_TOKEN_MODE_OPTIONS, recordIdOption, tokenValidityOption, type FlowTokenMode } from './fields/flow-token';
import { headerTypeField, mediaHeaderFields, mediaHeaderOf } from './fields/header';
import { flowTokenFor } from './flow-token';
import type { ParamReader } from './parameter-reader';
import { sendOperation, type BuildContext } from './send-operation';

interface RawButton {
	index?: number;
	type?: 'quick_reply' | 'url' | 'copy_code' | 'flow';
	payload?: string;
	urlVariable?: string;
	couponCode?: string;
	flowId?: string;
	flowTokenMode?: FlowTokenMode;
	customFlowToken?: string;
	flowActionData?: string | IDataObject;
}

const named = { show: { '/parameterFormat': ['named'] } };

function header(param: ParamReader): TemplateHeader {
	const kind = param<TemplateHeader['kind']>('headerType', 'none');
	if (kind === 'none') return { kind };
	if (kind === 'text') return { kind, text: param('headerText', ''), name: param('headerVariableName', '') };
	return mediaHeaderOf(param, kind);
}

async function buttons(build: BuildContext, ttlHours: number, recordId: string | undefined): Promise<{ buttons: TemplateButton[]; flowTokens: string[] }> {
	const raw = build.param<{ button?: RawButton[] }>('buttons', {}).button ?? [];
	const flowTokens: string[] = [];
	const result: TemplateButton[] = [];
	for (const button of raw) {
		const index = Number(button.index ?? 0);
		switch (button.type ?? 'quick_reply') {
			case 'quick_reply':
				result.push({ index, kind: 'quick_reply', payload: button.payload });
				break;
			case 'url':
				result.push({ index, kind: 'url', text: button.urlVariable });
				break;
			case 'copy_code':
				result.push({ index, kind: 'copy_code', code: button.couponCode });
				break;
			case 'flow': {
				const flowId = flowIdOf(build.variant?.flowId ?? button.flowId, `Button ${index} Flow ID`);
				const flowToken = await flowTokenFor(build, {
					mode: button.flowTokenMode ?? 'signed',
					customToken: button.customFlowToken,
					flowId,
					ttlHours,
					recordId,
					field: `Button ${index} Custom Flow Token`,
				});
				if (flowToken !== undefined) flowTokens.push(flowToken);
				result.push({ index, kind: 'flow', flowToken, flowActionData: button.flowActionData });
				break;
			}
		}
	}
	return { buttons: result, flowTokens };
}

export const sendTemplate = sendOperation({
	operation: 'sendTemplate',
	name: 'Send Template',
	action: 'Send a template message',
	variants: 'template',
	fields: [
		{
			displayName: 'Template Name',
			name: 'templateName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'order_update',
			description: 'An approved template of this WhatsApp Business Account; templates reach users outside the 24-hour window',
		},
		{ displayName: 'Language', name: 'language', type: 'string', default: 'en_US', required: true, description: 'The template\'s language code, e.g. en_US, de, pt_BR' },
		{
			displayName: 'Variables',
			name: 'parameterFormat',
			type: 'options',
			options: [
				{ name: 'Positional', value: 'positional', description: 'The template uses {{1}}, {{2}} …: values in order' },
				{ name: 'Named', value: 'named', description: 'The template uses names such as {{first_name}}' },
			],
			default: 'positional',
		},
		{
			displayName: 'Body Variables',
			name: 'bodyVariables',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Variable',
			default: {},
			description: 'Values for the body\'s variables; positional ones in order',
			options: [
				{
					displayName: 'Variable',
					name: 'variable',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', displayOptions: named, description: 'The variable\'s name, without braces' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		headerTypeField({ name: 'None or Fixed', description: 'The template\'s header has no variable' }, { name: 'Text Variable' }),
		{ displayName: 'Header Variable', name: 'headerText', type: 'string', default: '', displayOptions: { show: { headerType: ['text'] } }, description: 'Value of the text header\'s variable' },
		{
			displayName: 'Header Variable Name',
			name: 'headerVariableName',
			type: 'string',
			default: '',
			displayOptions: { show: { headerType: ['text'], parameterFormat: ['named'] } },
		},
		...mediaHeaderFields,
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Button',
			default: {},
			description: 'Values for the template\'s buttons that take one, by their position in the template (0 = first)',
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						// n8n's linter wants these in alphabetical order.
						{ displayName: 'Coupon Code', name: 'couponCode', type: 'string', default: '', displayOptions: { show: { type: ['copy_code'] } }, description: 'Letters and digits, at most 20' },
						{ displayName: 'Custom Flow Token', name: 'customFlowToken', type: 'string', typeOptions: { password: true }, default: '', displayOptions: { show: { type: ['flow'], flowTokenMode: ['custom'] } } },
						{ displayName: 'Flow Action Data', name: 'flowActionData', type: 'json', default: '', displayOptions: { show: { type: ['flow'] } }, description: 'A JSON object for the flow\'s first screen' },
						{ displayName: 'Flow ID', name: 'flowId', type: 'string', default: '', displayOptions: { show: { type: ['flow'] } }, description: 'The flow the button opens (as in the template), named in the signed token' },
						{ displayName: 'Flow Token', name: 'flowTokenMode', type: 'options', options: FLOW_TOKEN_MODE_OPTIONS, default: 'signed', displayOptions: { show: { type: ['flow'] } } },
						{ displayName: 'Index', name: 'index', type: 'number', typeOptions: { minValue: 0, maxValue: 9 }, default: 0, description: 'The button\'s position in the template, from 0' },
						{ displayName: 'Payload', name: 'payload', type: 'string', default: '', displayOptions: { show: { type: ['quick_reply'] } }, description: 'Returned in the webhook when the user taps it' },
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: [
								{ name: 'Copy Code', value: 'copy_code' },
								{ name: 'Flow', value: 'flow' },
								{ name: 'Quick Reply', value: 'quick_reply' },
								{ name: 'URL', value: 'url' },
							],
							default: 'quick_reply',
						},
						{ displayName: 'URL Variable', name: 'urlVariable', type: 'string', default: '', displayOptions: { show: { type: ['url'] } }, description: 'The end of the button\'s URL' },
					],
				},
			],
		},
	],
	options: [tokenValidityOption, recordIdOption],
	async build(context) {
		const { param, variant } = context;
		const options = param<{ tokenTtlHours?: number; recordId?: string }>('options', {});
		const format = param<'positional' | 'named'>('parameterFormat', 'positional');
		const variables = param<{ variable?: Array<{ name?: string; value?: unknown }> }>('bodyVariables', {}).variable ?? [];
		const { buttons: templateButtons, flowTokens } = await buttons(context, options.tokenTtlHours ?? DEFAULT_TOKEN_TTL_HOURS, options.recordId);
		const content = templateContent({
			name: variant?.templateName ?? param('templateName'),
			language: variant?.language ?? param('language'),
			header: header(param),
			body: { format, values: variables.map((variable) => ({ name: variable.name, text: variable.value })) },
			buttons: templateButtons,
		});
		const template = content.object as { name: string };
		return { content, output: { template: template.name, ...(flowTokens.length > 0 ? { flowToken: flowTokens[0] } : {}) } };
	},
});
