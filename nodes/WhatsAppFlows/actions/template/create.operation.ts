import { jsonParse, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { assertValidTemplate, buildTemplate, checkTemplate, type ButtonInput, type TemplateCategory, type TemplateInput } from '../../../shared/templates';
import { showFor, type OperationModule } from '../types';
import { CREATE_TEMPLATE_FIELDS } from './create.fields';

interface ButtonFields {
	type: ButtonInput['type'];
	text?: string;
	url?: string;
	urlExample?: string;
	phoneNumber?: string;
	code?: string;
	flowId?: string;
	flowAction?: 'navigate' | 'data_exchange';
	navigateScreen?: string;
}

interface CreateOptions {
	validate?: boolean;
	componentsJson?: string | unknown[];
	messageSendTtlSeconds?: number;
	namedParameters?: boolean;
}

export const createTemplate: OperationModule = {
	name: 'Create',
	action: 'Create a message template',
	description: showFor('template', 'create', CREATE_TEMPLATE_FIELDS),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as CreateOptions;
		const payload = buildTemplate(templateInput(this, itemIndex, options));
		if (options.componentsJson !== undefined) {
			const components = typeof options.componentsJson === 'string' ? jsonParse<unknown>(options.componentsJson) : options.componentsJson;
			if (!Array.isArray(components)) throw new Error('Components (JSON) must be a JSON array of components.');
			if (components.length > 0) payload.components = components;
		}
		const problems = options.validate === false ? checkTemplate(payload) : assertValidTemplate(payload);
		const warnings = problems.filter((p) => p.severity === 'warning').map((p) => `${p.path}: ${p.message}`);
		const { client, credential } = await graphClientFor(this);
		// business-management-api/message-templates: POST /{waba-id}/message_templates → {id, status, category}.
		const answer = await client.request<IDataObject>({
			method: 'POST',
			path: `${credential.wabaId}/message_templates`,
			body: { kind: 'json', value: payload },
			kind: 'write',
		});
		return { ...answer, name: payload.name as string, language: payload.language as string, warnings };
	},
};

function templateInput(context: IExecuteFunctions, itemIndex: number, options: CreateOptions): TemplateInput {
	const get = <T>(name: string, fallback: T) => context.getNodeParameter(name, itemIndex, fallback) as T;
	const category = get<TemplateCategory>('category', 'UTILITY');
	const input: TemplateInput = { name: get('name', '').trim(), language: get('language', '').trim(), category };
	if (options.namedParameters) input.parameterFormat = 'NAMED';
	if (options.messageSendTtlSeconds !== undefined) input.messageSendTtlSeconds = options.messageSendTtlSeconds;
	if (category === 'AUTHENTICATION') {
		const minutes = get<number>('codeExpirationMinutes', 0);
		input.authentication = {
			otpType: get('otpType', 'COPY_CODE'),
			addSecurityRecommendation: get('addSecurityRecommendation', true),
			...(minutes > 0 ? { codeExpirationMinutes: minutes } : {}),
			buttonText: get('otpButtonText', ''),
			autofillText: get('autofillText', ''),
			supportedApps: get<{ app?: Array<{ packageName: string; signatureHash: string }> }>('supportedApps', {}).app ?? [],
			zeroTapTermsAccepted: get('zeroTapTermsAccepted', false),
		};
		return input;
	}
	const headerFormat = get<string>('headerFormat', 'NONE');
	if (headerFormat !== 'NONE') {
		input.header = { format: headerFormat as NonNullable<TemplateInput['header']>['format'], text: get('headerText', ''), example: get('headerExample', ''), handle: get('headerHandle', '') };
	}
	const samples = get<{ sample?: Array<{ variable: string; value: string }> }>('bodyExamples', {}).sample ?? [];
	input.body = { text: get('bodyText', ''), examples: Object.fromEntries(samples.map((s) => [s.variable.replace(/[{}\s]/g, ''), s.value])) };
	const footer = get<string>('footer', '');
	if (footer !== '') input.footer = footer;
	input.buttons = (get<{ button?: ButtonFields[] }>('buttons', {}).button ?? []).map(buttonInput);
	return input;
}

function buttonInput(fields: ButtonFields): ButtonInput {
	switch (fields.type) {
		case 'URL':
			return { type: 'URL', text: fields.text ?? '', url: fields.url ?? '', ...(fields.urlExample ? { example: fields.urlExample } : {}) };
		case 'PHONE_NUMBER':
			return { type: 'PHONE_NUMBER', text: fields.text ?? '', phoneNumber: fields.phoneNumber ?? '' };
		case 'COPY_CODE':
			return { type: 'COPY_CODE', example: fields.code ?? '' };
		case 'FLOW':
			return { type: 'FLOW', text: fields.text ?? '', flowId: fields.flowId ?? '', flowAction: fields.flowAction ?? 'navigate', navigateScreen: fields.navigateScreen ?? '' };
		default:
			return { type: 'QUICK_REPLY', text: fields.text ?? '' };
	}
}
