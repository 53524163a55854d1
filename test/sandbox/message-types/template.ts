// type "template" (cloud-api/reference/messages "Template object"; cloud-api/guides/send-message-templates;
// business-management-api/authentication-templates for the OTP button; flows/guides/sendingaflow for FLOW buttons;
// Postman "Send Message Template Text", "Send Flow Template Message"). The template must exist in that language and
// be APPROVED (132001; paused 132015, disabled 132016) and the parameters must match its variables (132000).
import { GraphError, parameterWrongType, requiredParameter } from '../errors';
import { isRecord } from '../http-io';
import { templateVariables, type TemplateRecord } from '../templates';
import { checkFlowSendable } from './interactive';
import { present, type MessageValidator } from './types';

function sendError(code: number, message: string, details: string): GraphError {
	return new GraphError(400, { message: `(#${code}) ${message}`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details } });
}

function paramCountError(component: string, given: number, expected: number): GraphError {
	return sendError(
		132000,
		'Number of parameters does not match the expected number of params',
		`${component}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
	);
}

function componentOf(template: TemplateRecord, type: string): Record<string, unknown> | undefined {
	return template.components.find((c) => String(c.type).toUpperCase() === type);
}

/** The parameter counts the template expects: header, body, and per button index. */
function expectations(template: TemplateRecord): { header: number; body: number; buttons: Map<number, { subType: string; count: number; optional: boolean }> } {
	const header = componentOf(template, 'HEADER');
	let headerCount = 0;
	if (header) headerCount = String(header.format ?? 'TEXT').toUpperCase() === 'TEXT' ? templateVariables(header.text).length : ['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'].includes(String(header.format).toUpperCase()) ? 1 : 0;
	const body = componentOf(template, 'BODY');
	const buttons = new Map<number, { subType: string; count: number; optional: boolean }>();
	const list = componentOf(template, 'BUTTONS')?.buttons;
	if (Array.isArray(list)) {
		list.forEach((b, index) => {
			if (!isRecord(b)) return;
			const type = String(b.type).toUpperCase();
			if (type === 'URL') buttons.set(index, { subType: 'url', count: templateVariables(b.url).length, optional: templateVariables(b.url).length === 0 });
			// The OTP code goes in a url button parameter at index 0 (business-management-api/authentication-templates).
			if (type === 'OTP') buttons.set(index, { subType: 'url', count: 1, optional: false });
			if (type === 'FLOW') buttons.set(index, { subType: 'flow', count: 1, optional: true });
			if (type === 'QUICK_REPLY') buttons.set(index, { subType: 'quick_reply', count: 1, optional: true });
			if (type === 'COPY_CODE') buttons.set(index, { subType: 'copy_code', count: 1, optional: false });
		});
	}
	return { header: headerCount, body: templateVariables(body?.text).length, buttons };
}

export const validateTemplate: MessageValidator = (value, ctx) => {
	if (!isRecord(value)) throw requiredParameter('template');
	if (!present(value.name)) throw requiredParameter("template['name']");
	if (typeof value.name !== 'string') throw parameterWrongType("template['name']", 'string');
	if (!isRecord(value.language) || !present(value.language.code)) throw requiredParameter("template['language']['code']");
	const code = String(value.language.code);
	const template = ctx.state.templates.find(value.name, code);
	if (!template || template.status === 'PENDING' || template.status === 'REJECTED') {
		throw sendError(132001, 'Template name does not exist in the translation', `template name (${value.name}) does not exist in ${code}`);
	}
	if (template.status === 'PAUSED') throw sendError(132015, 'Template is Paused', `Template ${template.name} is paused due to low quality.`);
	if (template.status === 'DISABLED') throw sendError(132016, 'Template is disabled', `Template ${template.name} has been disabled due to low quality.`);

	const expected = expectations(template);
	const given = value.components === undefined ? [] : value.components;
	if (!Array.isArray(given)) throw parameterWrongType("template['components']", 'object');
	const counts = { header: 0, body: 0 };
	const buttonParams = new Map<number, { subType: string; count: number }>();
	given.forEach((component, i) => {
		if (!isRecord(component)) throw parameterWrongType(`template['components'][${i}]`, 'object');
		const type = String(component.type).toLowerCase();
		const params = Array.isArray(component.parameters) ? component.parameters : [];
		if (type === 'header') counts.header += params.length;
		else if (type === 'body') counts.body += params.length;
		else if (type === 'button') {
			const index = Number(component.index);
			buttonParams.set(index, { subType: String(component.sub_type).toLowerCase(), count: params.length });
		}
	});
	if (counts.header !== expected.header) throw paramCountError('header', counts.header, expected.header);
	if (counts.body !== expected.body) throw paramCountError('body', counts.body, expected.body);
	for (const [index, want] of expected.buttons) {
		const got = buttonParams.get(index);
		if (!got) {
			if (!want.optional && want.count > 0) throw paramCountError(`button at index ${index}`, 0, want.count);
			continue;
		}
		if (got.subType !== want.subType) throw sendError(132000, 'Number of parameters does not match the expected number of params', `button at index ${index}: sub_type must be ${want.subType}, got ${got.subType}`);
		if (got.count !== want.count) throw paramCountError(`button at index ${index}`, got.count, want.count);
	}
	for (const index of buttonParams.keys()) {
		if (!expected.buttons.has(index)) throw paramCountError(`button at index ${index}`, buttonParams.get(index)!.count, 0);
	}
	// A FLOW button opens its Flow: the Flow must be sendable (132068 blocked, 132069 throttled).
	const flowButton = (componentOf(template, 'BUTTONS')?.buttons as unknown[] | undefined)?.find((b) => isRecord(b) && String(b.type).toUpperCase() === 'FLOW');
	if (isRecord(flowButton) && present(flowButton.flow_id)) {
		const flow = ctx.state.flows.get(String(flowButton.flow_id));
		if (flow) checkFlowSendable(flow, 'published');
	}
	return {
		object: { ...value, name: template.name, language: { ...value.language, code } },
		freeForm: false,
		category: template.category.toLowerCase() as 'marketing' | 'utility' | 'authentication',
	};
};
