import type { TemplateCategory } from './limits';
import { distinctVariables, type ParameterFormat } from './variables';

/** A button as the node's fields describe it. */
export type ButtonInput =
	| { type: 'QUICK_REPLY'; text: string }
	| { type: 'URL'; text: string; url: string; example?: string }
	| { type: 'PHONE_NUMBER'; text: string; phoneNumber: string }
	| { type: 'COPY_CODE'; example: string }
	| { type: 'FLOW'; text: string; flowId?: string; flowName?: string; flowJson?: string; flowAction?: 'navigate' | 'data_exchange'; navigateScreen?: string };

/** An AUTHENTICATION template's choices (business-management-api/authentication-templates). */
export interface AuthenticationInput {
	addSecurityRecommendation?: boolean;
	codeExpirationMinutes?: number;
	otpType: 'COPY_CODE' | 'ONE_TAP' | 'ZERO_TAP';
	buttonText?: string;
	autofillText?: string;
	supportedApps?: Array<{ packageName: string; signatureHash: string }>;
	zeroTapTermsAccepted?: boolean;
}

export interface TemplateInput {
	name: string;
	language: string;
	category: TemplateCategory;
	parameterFormat?: ParameterFormat;
	messageSendTtlSeconds?: number;
	/** Marketing and utility templates. */
	header?: { format: 'TEXT' | 'IMAGE' | 'VIDEO' | 'GIF' | 'DOCUMENT' | 'LOCATION'; text?: string; example?: string; handle?: string };
	/** Sample values: in variable order for numbered variables, by name for named ones. */
	body?: { text: string; examples?: string[] | Record<string, string> };
	footer?: string;
	buttons?: ButtonInput[];
	authentication?: AuthenticationInput;
}

type Json = Record<string, unknown>;

/** The Graph payload of POST /{waba-id}/message_templates for the node's fields (check it with checkTemplate). */
export function buildTemplate(input: TemplateInput): Json {
	const payload: Json = { name: input.name, language: input.language, category: input.category };
	if (input.parameterFormat === 'NAMED') payload.parameter_format = 'NAMED';
	if (input.messageSendTtlSeconds !== undefined) payload.message_send_ttl_seconds = input.messageSendTtlSeconds;
	payload.components = input.category === 'AUTHENTICATION' ? authenticationComponents(input.authentication) : contentComponents(input);
	return payload;
}

function contentComponents(input: TemplateInput): Json[] {
	const named = input.parameterFormat === 'NAMED';
	const components: Json[] = [];
	if (input.header) components.push(headerComponent(input.header, named));
	const body: Json = { type: 'BODY', text: input.body?.text ?? '' };
	const variables = distinctVariables(input.body?.text ?? '');
	if (variables.length > 0) {
		const examples = input.body?.examples ?? [];
		const sample = (name: string, index: number) => (Array.isArray(examples) ? examples[index] : examples[name]) ?? '';
		body.example = named
			? { body_text_named_params: variables.map((name, i) => ({ param_name: name, example: sample(name, i) })) }
			: { body_text: [variables.map((name, i) => sample(name, i))] };
	}
	components.push(body);
	if (input.footer) components.push({ type: 'FOOTER', text: input.footer });
	if (input.buttons && input.buttons.length > 0) components.push({ type: 'BUTTONS', buttons: input.buttons.map(buttonJson) });
	return components;
}

function headerComponent(header: NonNullable<TemplateInput['header']>, named: boolean): Json {
	const component: Json = { type: 'HEADER', format: header.format };
	if (header.format === 'TEXT') {
		component.text = header.text ?? '';
		const [variable] = distinctVariables(header.text ?? '');
		if (variable !== undefined) {
			component.example = named
				? { header_text_named_params: [{ param_name: variable, example: header.example ?? '' }] }
				: { header_text: [header.example ?? ''] };
		}
	} else if (header.format !== 'LOCATION') {
		component.example = { header_handle: [header.handle ?? ''] };
	}
	return component;
}

function buttonJson(button: ButtonInput): Json {
	switch (button.type) {
		case 'QUICK_REPLY':
			return { type: 'QUICK_REPLY', text: button.text };
		case 'URL':
			return { type: 'URL', text: button.text, url: button.url, ...(button.example ? { example: [button.example] } : {}) };
		case 'PHONE_NUMBER':
			return { type: 'PHONE_NUMBER', text: button.text, phone_number: button.phoneNumber };
		case 'COPY_CODE':
			return { type: 'COPY_CODE', example: button.example };
		case 'FLOW': {
			const json: Json = { type: 'FLOW', text: button.text };
			if (button.flowId) json.flow_id = button.flowId;
			if (button.flowName) json.flow_name = button.flowName;
			if (button.flowJson) json.flow_json = button.flowJson;
			json.flow_action = button.flowAction ?? 'navigate';
			if (button.navigateScreen) json.navigate_screen = button.navigateScreen;
			return json;
		}
	}
}

function authenticationComponents(auth: AuthenticationInput | undefined): Json[] {
	const choice: AuthenticationInput = auth ?? { otpType: 'COPY_CODE' };
	const components: Json[] = [{ type: 'BODY', add_security_recommendation: choice.addSecurityRecommendation === true }];
	if (choice.codeExpirationMinutes !== undefined) components.push({ type: 'FOOTER', code_expiration_minutes: choice.codeExpirationMinutes });
	const button: Json = { type: 'OTP', otp_type: choice.otpType };
	if (choice.buttonText) button.text = choice.buttonText;
	if (choice.otpType !== 'COPY_CODE') {
		if (choice.autofillText) button.autofill_text = choice.autofillText;
		button.supported_apps = (choice.supportedApps ?? []).map((app) => ({ package_name: app.packageName, signature_hash: app.signatureHash }));
		if (choice.otpType === 'ZERO_TAP') button.zero_tap_terms_accepted = choice.zeroTapTermsAccepted === true;
	}
	components.push({ type: 'BUTTONS', buttons: [button] });
	return components;
}
