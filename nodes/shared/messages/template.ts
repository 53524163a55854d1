import { MessageFieldError, matching, optionalObject, requiredText, unique, withinLength } from './field-checks';
import { COUPON_CODE, LANGUAGE_CODE, NAMED_PARAMETER, TEMPLATE_LIMITS, TEMPLATE_NAME } from './limits';
import type { MessageContent } from './envelope';

/** The header parameter of a template: the value of a text header's variable, or the media of a media header. */
export type TemplateHeader =
	| { kind: 'none' }
	| { kind: 'text'; text: unknown; name?: unknown }
	| { kind: 'image' | 'video' | 'document'; mediaId?: unknown; link?: unknown; filename?: unknown };

/** Button parameters by the button's position in the template (0-based), as cloud-api/guides/send-message-templates. */
export type TemplateButton =
	| { index: number; kind: 'quick_reply'; payload: unknown }
	| { index: number; kind: 'url'; text: unknown }
	| { index: number; kind: 'copy_code'; code: unknown }
	/** A FLOW button: the token for this send, and data for the flow's first screen (flows/guides/sendingaflow). */
	| { index: number; kind: 'flow'; flowToken?: string; flowActionData?: unknown };

export interface TemplateInput {
	name: unknown;
	language: unknown;
	header?: TemplateHeader;
	/** Positional ({{1}}, {{2}} …, in order) or named ({{first_name}}) body variables. */
	body: { format: 'positional' | 'named'; values: Array<{ name?: unknown; text: unknown }> };
	buttons?: TemplateButton[];
}

function textOf(value: unknown): string {
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function parameterName(field: string, value: unknown): string {
	return matching(field, requiredText(field, value, 512), NAMED_PARAMETER, 'named variables use lowercase letters, digits and underscores');
}

/** Meta refuses an empty text parameter (error 131008 "Required parameter is missing"). */
function parameterText(field: string, value: unknown): string {
	const text = textOf(value);
	if (text.trim() === '') throw new MessageFieldError(field, `${field} is empty; Meta refuses a variable without a value`);
	return text;
}

function bodyComponent(body: TemplateInput['body']): Record<string, unknown> | undefined {
	if (body.values.length === 0) return undefined;
	const parameters = body.values.map((value, index) => {
		if (body.format === 'positional') return { type: 'text', text: parameterText(`Body Variable {{${index + 1}}}`, value.text) };
		const name = parameterName(`Body Variable ${index + 1} Name`, value.name);
		return { type: 'text', parameter_name: name, text: parameterText(`Body Variable {{${name}}}`, value.text) };
	});
	if (body.format === 'named') unique('Body Variables', parameters.map((p) => String(p.parameter_name)), 'Named variables');
	return { type: 'body', parameters };
}

function mediaParameter(header: Extract<TemplateHeader, { mediaId?: unknown }>): Record<string, unknown> {
	const id = textOf(header.mediaId).trim();
	const link = textOf(header.link).trim();
	if ((id === '') === (link === '')) {
		throw new MessageFieldError('Header Media', 'Header Media needs exactly one of a media ID (uploaded) or a link (https URL)');
	}
	if (link !== '' && !/^https?:\/\//i.test(link)) throw new MessageFieldError('Header Media', `Header Media link "${link}" must be an http(s) URL`);
	const media: Record<string, unknown> = id !== '' ? { id } : { link };
	const filename = textOf(header.filename).trim();
	if (filename !== '' && header.kind === 'document') media.filename = filename;
	return { type: header.kind, [header.kind]: media };
}

function headerComponent(header: TemplateHeader | undefined, format: TemplateInput['body']['format']): Record<string, unknown> | undefined {
	if (!header || header.kind === 'none') return undefined;
	if (header.kind !== 'text') return { type: 'header', parameters: [mediaParameter(header)] };
	const text = withinLength('Header Variable', parameterText('Header Variable', header.text), TEMPLATE_LIMITS.headerText);
	const parameter: Record<string, unknown> = { type: 'text', text };
	if (format === 'named') parameter.parameter_name = parameterName('Header Variable Name', header.name);
	return { type: 'header', parameters: [parameter] };
}

function buttonParameters(button: TemplateButton): { subType: string; parameters: Array<Record<string, unknown>> } {
	const at = `Button ${button.index}`;
	switch (button.kind) {
		case 'quick_reply':
			return { subType: 'quick_reply', parameters: [{ type: 'payload', payload: parameterText(`${at} Payload`, button.payload) }] };
		case 'url':
			return { subType: 'url', parameters: [{ type: 'text', text: parameterText(`${at} URL Variable`, button.text) }] };
		case 'copy_code': {
			const code = withinLength(`${at} Coupon Code`, parameterText(`${at} Coupon Code`, button.code).trim(), TEMPLATE_LIMITS.couponCodeMax);
			matching(`${at} Coupon Code`, code, COUPON_CODE, 'Meta accepts letters and digits only');
			return { subType: 'copy_code', parameters: [{ type: 'coupon_code', coupon_code: code }] };
		}
		case 'flow': {
			const data = optionalObject(`${at} Flow Action Data`, button.flowActionData);
			if (data !== undefined && Object.keys(data).length === 0) {
				throw new MessageFieldError(`${at} Flow Action Data`, `${at} Flow Action Data must be a non-empty object, or empty for none`);
			}
			const action: Record<string, unknown> = {};
			if (button.flowToken !== undefined) action.flow_token = button.flowToken;
			if (data !== undefined) action.flow_action_data = data;
			return { subType: 'flow', parameters: [{ type: 'action', action }] };
		}
	}
}

function buttonComponents(buttons: TemplateButton[]): Array<Record<string, unknown>> {
	for (const button of buttons) {
		if (!Number.isInteger(button.index) || button.index < 0 || button.index >= TEMPLATE_LIMITS.buttonsMax) {
			throw new MessageFieldError('Buttons', `Buttons: index ${button.index} is not a button position (0 to ${TEMPLATE_LIMITS.buttonsMax - 1}, as in the template)`);
		}
	}
	unique('Buttons', buttons.map((b) => String(b.index)), 'Button indexes');
	if (buttons.filter((b) => b.kind === 'copy_code').length > 1) {
		throw new MessageFieldError('Buttons', 'Buttons: a template has at most one copy-code button');
	}
	return buttons.map((button) => {
		const { subType, parameters } = buttonParameters(button);
		return { type: 'button', sub_type: subType, index: String(button.index), parameters };
	});
}

/**
 * A template message (cloud-api/guides/send-message-templates; cloud-api/reference/messages "template object"):
 * name, language, and the components that fill the template's variables. Meta checks the counts against the
 * approved template (132000); this checks what can be known without it.
 */
export function templateContent(input: TemplateInput): MessageContent {
	const name = matching(
		'Template Name',
		requiredText('Template Name', input.name, TEMPLATE_LIMITS.nameMax),
		TEMPLATE_NAME,
		'template names use lowercase letters, digits and underscores',
	);
	const language = matching('Language', requiredText('Language', input.language, 16), LANGUAGE_CODE, 'a language code such as en, en_US or pt_BR');
	const components = [
		headerComponent(input.header, input.body.format),
		bodyComponent(input.body),
		...buttonComponents(input.buttons ?? []),
	].filter((component): component is Record<string, unknown> => component !== undefined);
	return {
		type: 'template',
		object: { name, language: { code: language }, ...(components.length > 0 ? { components } : {}) },
	};
}
