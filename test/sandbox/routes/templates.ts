// /{waba-id}/message_templates (business-management-api/message-templates; authentication templates:
// business-management-api/authentication-templates; FLOW buttons: flows/guides/sendingaflow; Postman "Templates"
// folder and "Create Flow Template Message by Name / Flow JSON / ID"):
//   GET    [name, status, category, language, limit, after, before] → {data: [{name, components, language, status,
//          category, id}], paging}
//   POST   {name, language, category, components} → {id, status, category}
//   DELETE ?name=[&hsm_id=] → {"success": true}
import { GraphError, invalidParameterWithDetails, parameterNotOneOf, parameterTooLong, requiredParameter } from '../errors';
import { isRecord } from '../http-io';
import { authenticationComponents, templateVariables, type TemplateCategory, type TemplateRecord, type TemplateStatus } from '../templates';
import type { SandboxState } from '../state';
import { webhookEnvelope } from '../webhooks';
import { pageOf, requireBusinessToken } from './flows';
import type { GraphRoute } from './types';

/** Limits from business-management-api/message-templates (components). */
export const TEMPLATE_LIMITS = { name: 512, headerText: 60, bodyText: 1024, footerText: 60, buttons: 10, buttonText: 25, couponCode: 20 } as const;
const CATEGORIES: TemplateCategory[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

function templateView(t: TemplateRecord): Record<string, unknown> {
	const view: Record<string, unknown> = { name: t.name, components: t.components, language: t.language, status: t.status, category: t.category, id: t.id };
	if (t.rejectedReason !== undefined) view.rejected_reason = t.rejectedReason;
	return view;
}

/** message_template_status_update webhook (business-management-api/message-templates "Template status"). */
export function setTemplateStatus(state: SandboxState, template: TemplateRecord, status: TemplateStatus, reason?: string): void {
	template.status = status;
	if (reason !== undefined) template.rejectedReason = reason;
	const value = {
		event: status,
		message_template_id: Number(template.id),
		message_template_name: template.name,
		message_template_language: template.language,
		reason: reason ?? 'NONE',
	};
	state.webhooks.send(webhookEnvelope(state.seed.wabaId, [{ field: 'message_template_status_update', value }], Math.floor(Date.now() / 1000)));
}

function checkText(value: unknown, name: string, max: number): string {
	if (typeof value !== 'string' || value === '') throw requiredParameter(name);
	if ([...value].length > max) throw parameterTooLong(name, max);
	return value;
}

function checkButtons(state: SandboxState, buttons: unknown, category: TemplateCategory, templateName: string): Record<string, unknown>[] {
	if (!Array.isArray(buttons) || buttons.length === 0) throw requiredParameter('buttons');
	if (buttons.length > TEMPLATE_LIMITS.buttons) throw invalidParameterWithDetails(`A template may have at most ${TEMPLATE_LIMITS.buttons} buttons`);
	return buttons.map((b, i) => {
		if (!isRecord(b)) throw invalidParameterWithDetails(`buttons[${i}] must be an object`);
		const type = String(b.type).toUpperCase();
		const out: Record<string, unknown> = { ...b, type };
		if (type === 'OTP') {
			if (category !== 'AUTHENTICATION') throw invalidParameterWithDetails('OTP buttons are for AUTHENTICATION templates');
			const otp = String(b.otp_type).toUpperCase();
			if (!['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'].includes(otp)) throw parameterNotOneOf(`buttons[${i}]['otp_type']`, ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'], String(b.otp_type));
			if (otp !== 'COPY_CODE' && !(Array.isArray(b.supported_apps) && b.supported_apps.every((a) => isRecord(a) && a.package_name && a.signature_hash))) {
				throw invalidParameterWithDetails(`${otp} buttons need supported_apps [{package_name, signature_hash}]`);
			}
			out.otp_type = otp;
			if (b.text !== undefined) checkText(b.text, `buttons[${i}]['text']`, TEMPLATE_LIMITS.buttonText);
			return out;
		}
		if (type === 'COPY_CODE') {
			// templates/marketing-templates/coupon-templates: no button text ("cannot be customized"), an example code
			// of at most 20 characters, one copy-code button per template.
			checkText(b.example, `buttons[${i}]['example']`, TEMPLATE_LIMITS.couponCode);
			if (buttons.filter((other) => isRecord(other) && String(other.type).toUpperCase() === 'COPY_CODE').length > 1) {
				throw invalidParameterWithDetails('A template may have only one copy code button');
			}
			return out;
		}
		checkText(b.text, `buttons[${i}]['text']`, TEMPLATE_LIMITS.buttonText);
		if (type === 'FLOW') {
			const sources = ['flow_id', 'flow_name', 'flow_json'].filter((k) => b[k] !== undefined && b[k] !== '');
			if (sources.length !== 1) throw invalidParameterWithDetails('A FLOW button needs exactly one of flow_id, flow_name or flow_json');
			const action = b.flow_action === undefined ? 'navigate' : String(b.flow_action);
			if (action !== 'navigate' && action !== 'data_exchange') throw parameterNotOneOf(`buttons[${i}]['flow_action']`, ['NAVIGATE', 'DATA_EXCHANGE'], action);
			if (action === 'navigate' && (typeof b.navigate_screen !== 'string' || b.navigate_screen === '')) throw requiredParameter(`buttons[${i}]['navigate_screen']`);
			if (b.flow_id !== undefined && !state.flows.get(String(b.flow_id))) throw invalidParameterWithDetails(`Flow with id ${String(b.flow_id)} does not exist`);
			if (b.flow_name !== undefined) {
				const flow = state.flows.findByName(state.seed.wabaId, String(b.flow_name));
				if (!flow) throw invalidParameterWithDetails(`Flow with name "${String(b.flow_name)}" does not exist`);
				out.flow_id = flow.id;
			}
			if (b.flow_json !== undefined) {
				// A Flow is made from the JSON and kept with the template (guess at Meta's storage; the template shows its id).
				const flow = state.flows.create({ wabaId: state.seed.wabaId, name: `${templateName}_flow_${Date.now()}`, categories: ['OTHER'], applicationId: state.seed.app.id });
				const analysis = state.flows.setJson(flow, typeof b.flow_json === 'string' ? b.flow_json : JSON.stringify(b.flow_json));
				if (analysis.errors.length > 0) {
					state.flows.delete(flow.id);
					throw invalidParameterWithDetails(`flow_json has validation errors: ${analysis.errors[0].message}`);
				}
				state.flows.markPublished(flow);
				delete out.flow_json;
				out.flow_id = flow.id;
			}
			out.flow_action = action;
		}
		return out;
	});
}

function checkComponents(state: SandboxState, components: unknown, category: TemplateCategory, name: string): Record<string, unknown>[] {
	if (!Array.isArray(components) || components.length === 0) throw requiredParameter('components');
	const checked = components.map((c, i) => {
		if (!isRecord(c)) throw invalidParameterWithDetails(`components[${i}] must be an object`);
		const type = String(c.type).toUpperCase();
		const out: Record<string, unknown> = { ...c, type };
		if (type === 'HEADER') {
			const format = String(c.format ?? 'TEXT').toUpperCase();
			if (!['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'].includes(format)) throw parameterNotOneOf('format', ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'], format);
			out.format = format;
			if (format === 'TEXT') checkText(c.text, 'header text', TEMPLATE_LIMITS.headerText);
		} else if (type === 'BODY') {
			if (category !== 'AUTHENTICATION') {
				const text = checkText(c.text, 'body text', TEMPLATE_LIMITS.bodyText);
				// Variables need sample values (message-templates: "example" is required when the body has variables).
				if (templateVariables(text).length > 0 && !(isRecord(c.example) && (Array.isArray(c.example.body_text) || Array.isArray(c.example.body_text_named_params)))) {
					throw invalidParameterWithDetails('The body has variables: add example.body_text with a sample for each');
				}
			}
		} else if (type === 'FOOTER') {
			if (category !== 'AUTHENTICATION') checkText(c.text, 'footer text', TEMPLATE_LIMITS.footerText);
			else if (c.code_expiration_minutes !== undefined && !(Number.isInteger(c.code_expiration_minutes) && (c.code_expiration_minutes as number) >= 1 && (c.code_expiration_minutes as number) <= 90)) {
				throw invalidParameterWithDetails('code_expiration_minutes must be an integer from 1 to 90');
			}
		} else if (type === 'BUTTONS') {
			out.buttons = checkButtons(state, c.buttons, category, name);
		} else {
			throw parameterNotOneOf('type', ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'], String(c.type));
		}
		return out;
	});
	if (!checked.some((c) => c.type === 'BODY')) throw invalidParameterWithDetails('A template needs a BODY component');
	return category === 'AUTHENTICATION' ? authenticationComponents(checked) : checked;
}

export const createTemplate: GraphRoute<'whatsAppBusinessAccount'> = {
	method: 'POST',
	node: 'whatsAppBusinessAccount',
	edge: 'message_templates',
	source: 'business-management-api/message-templates; Postman "Create authentication template w/ OTP copy code button", "Create Flow Template Message by …"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const p = ctx.params;
		if (typeof p.name !== 'string' || p.name === '') throw requiredParameter('name');
		if (!/^[a-z0-9_]+$/.test(p.name)) throw invalidParameterWithDetails('name may contain only lowercase letters, digits and underscores');
		if (p.name.length > TEMPLATE_LIMITS.name) throw parameterTooLong('name', TEMPLATE_LIMITS.name);
		if (typeof p.language !== 'string' || p.language === '') throw requiredParameter('language');
		const category = String(p.category ?? '').toUpperCase() as TemplateCategory;
		if (p.category === undefined) throw requiredParameter('category');
		if (!CATEGORIES.includes(category)) throw parameterNotOneOf('category', CATEGORIES, String(p.category));
		if (ctx.state.templates.find(p.name, p.language)) {
			// Meta: subcode 2388024 "Content in this language already exists".
			throw new GraphError(400, {
				message: '(#100) Invalid parameter',
				type: 'OAuthException',
				code: 100,
				error_subcode: 2388024,
				error_user_title: 'Content in this language already exists',
				error_user_msg: `There is already ${p.language} content for this template.`,
			});
		}
		const components = checkComponents(ctx.state, p.components, category, p.name);
		const immediate = category === 'AUTHENTICATION' && ctx.state.config.templates.autoApprove;
		const template = ctx.state.templates.add({ name: p.name, language: p.language, category, status: immediate ? 'APPROVED' : 'PENDING', components });
		if (!immediate && ctx.state.config.templates.autoApprove) {
			const w = ctx.state.webhooks;
			w.later(w.scaled(ctx.state.config.templates.reviewDelayMs), () => {
				if (ctx.state.templates.byId(template.id)?.status === 'PENDING') setTemplateStatus(ctx.state, template, 'APPROVED');
			});
		}
		return { status: 200, body: { id: template.id, status: template.status, category } };
	},
};

export const listTemplates: GraphRoute<'whatsAppBusinessAccount'> = {
	method: 'GET',
	node: 'whatsAppBusinessAccount',
	edge: 'message_templates',
	source: 'business-management-api/message-templates; Postman "Get all templates (default fields)", "Get template by name (default fields)"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const p = ctx.params;
		const items = ctx.state.templates
			.all()
			.filter((t) => p.name === undefined || t.name === p.name)
			.filter((t) => p.status === undefined || t.status === String(p.status).toUpperCase())
			.filter((t) => p.category === undefined || t.category === String(p.category).toUpperCase())
			.filter((t) => p.language === undefined || t.language === p.language)
			.map(templateView);
		return { status: 200, body: pageOf(ctx, items, `${ctx.node.id}/message_templates`) };
	},
};

export const getTemplate: GraphRoute<'template'> = {
	method: 'GET',
	node: 'template',
	edge: null,
	source: 'graph-api/reference/whats-app-business-hsm; Postman "Get template by ID (default fields)"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		return { status: 200, body: templateView(ctx.node.template) };
	},
};

export const deleteTemplate: GraphRoute<'whatsAppBusinessAccount'> = {
	method: 'DELETE',
	node: 'whatsAppBusinessAccount',
	edge: 'message_templates',
	source: 'business-management-api/message-templates "Deleting templates"; Postman "Delete template by name", "Delete template by ID"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const name = ctx.params.name;
		if (typeof name !== 'string' || name === '') throw requiredParameter('name');
		const hsmId = ctx.params.hsm_id === undefined ? undefined : String(ctx.params.hsm_id);
		const removed = ctx.state.templates.remove((t) => t.name === name && (hsmId === undefined || t.id === hsmId));
		if (removed.length === 0) throw invalidParameterWithDetails(`Message template "${name}"${hsmId ? ` with id ${hsmId}` : ''} not found`);
		return { status: 200, body: { success: true } };
	},
};
