// Message templates of the WABA (business-management-api/message-templates; Postman "Templates" folder): the seeded
// approved ones, those created through the API, and what sending one needs (parameter counts per component).
import type { SandboxState } from './state';

export type TemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';
export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';

export interface TemplateRecord {
	id: string;
	name: string;
	language: string;
	category: TemplateCategory;
	status: TemplateStatus;
	/** Components as Graph returns them (type in upper case: HEADER, BODY, FOOTER, BUTTONS). */
	components: Record<string, unknown>[];
	rejectedReason?: string;
}

/** {{1}}, {{2}} … (positional) or {{name}} (named) variables of a text. */
export function templateVariables(text: unknown): string[] {
	if (typeof text !== 'string') return [];
	return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]))];
}

/**
 * The text Meta generates for an AUTHENTICATION template (business-management-api/authentication-templates):
 * "*{{1}}* is your verification code." plus the security recommendation and the expiry footer when asked for.
 */
export function authenticationComponents(input: Record<string, unknown>[]): Record<string, unknown>[] {
	return input.map((c) => {
		const type = String(c.type).toUpperCase();
		if (type === 'BODY') {
			const extra = c.add_security_recommendation === true ? ' For your security, do not share this code.' : '';
			return { ...c, type, text: `*{{1}}* is your verification code.${extra}` };
		}
		if (type === 'FOOTER' && typeof c.code_expiration_minutes === 'number') {
			return { ...c, type, text: `This code expires in ${c.code_expiration_minutes} minutes.` };
		}
		return { ...c, type };
	});
}

export const SANDBOX_FLOW_TEMPLATE_FLOW_NAME = 'sandbox_signup';

function seededTemplates(signupFlowId: string): Omit<TemplateRecord, 'id'>[] {
	return [
		{
			name: 'hello_world',
			language: 'en_US',
			category: 'UTILITY',
			status: 'APPROVED',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Hello World' },
				{ type: 'BODY', text: 'Welcome and congratulations!! This message demonstrates your ability to send a message notification from the sandbox.' },
				{ type: 'FOOTER', text: 'WhatsApp Business API Team' },
			],
		},
		{
			name: 'order_update',
			language: 'en_US',
			category: 'UTILITY',
			status: 'APPROVED',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1001'] } },
				{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.', example: { body_text: [['Ada', '#1001']] } },
				{ type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', example: ['https://example.com/track/1001'] }] },
			],
		},
		{
			// An AUTHENTICATION template with a copy-code OTP button (Postman "Create authentication template w/ OTP copy code button").
			name: 'verification_code',
			language: 'en_US',
			category: 'AUTHENTICATION',
			status: 'APPROVED',
			components: authenticationComponents([
				{ type: 'BODY', add_security_recommendation: true },
				{ type: 'FOOTER', code_expiration_minutes: 10 },
				{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy Code' }] },
			]),
		},
		{
			// A template with a FLOW button (Postman "Create Flow Template Message by ID") opening the seeded Flow.
			name: 'flow_signup',
			language: 'en_US',
			category: 'MARKETING',
			status: 'APPROVED',
			components: [
				{ type: 'BODY', text: 'Sign up for our newsletter' },
				{ type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Sign up', flow_id: signupFlowId, navigate_screen: 'SIGN_UP', flow_action: 'navigate' }] },
			],
		},
		{ name: 'spring_promo', language: 'en_US', category: 'MARKETING', status: 'PENDING', components: [{ type: 'BODY', text: 'Spring sale!' }] },
		{ name: 'old_promo', language: 'en_US', category: 'MARKETING', status: 'PAUSED', components: [{ type: 'BODY', text: 'Old sale!' }] },
	];
}

/** The Flow the seeded FLOW template opens: published, no endpoint, two screens. */
export function signupFlowJson(): string {
	return JSON.stringify(
		{
			version: '7.3',
			screens: [
				{
					id: 'SIGN_UP',
					title: 'Sign up',
					data: {},
					layout: {
						type: 'SingleColumnLayout',
						children: [
							{ type: 'TextInput', name: 'email', label: 'Email', 'input-type': 'email', required: true },
							{ type: 'Footer', label: 'Next', 'on-click-action': { name: 'navigate', next: { type: 'screen', name: 'CONFIRM' }, payload: { email: '${form.email}' } } },
						],
					},
				},
				{
					id: 'CONFIRM',
					title: 'Confirm',
					terminal: true,
					data: { email: { type: 'string', __example__: 'ada@example.com' } },
					layout: {
						type: 'SingleColumnLayout',
						children: [
							{ type: 'TextBody', text: '${data.email}' },
							{ type: 'Footer', label: 'Sign up', 'on-click-action': { name: 'complete', payload: { email: '${data.email}' } } },
						],
					},
				},
			],
		},
		null,
		2,
	);
}

export class TemplateStore {
	private items: TemplateRecord[] = [];
	private seq = 0;

	add(input: Omit<TemplateRecord, 'id'>): TemplateRecord {
		this.seq += 1;
		const record: TemplateRecord = { id: `8${String(this.seq).padStart(15, '0')}`, ...input };
		this.items.push(record);
		return record;
	}

	all(): TemplateRecord[] {
		return [...this.items];
	}

	find(name: string, language: string): TemplateRecord | undefined {
		return this.items.find((t) => t.name === name && t.language === language);
	}

	byId(id: string): TemplateRecord | undefined {
		return this.items.find((t) => t.id === id);
	}

	remove(predicate: (t: TemplateRecord) => boolean): TemplateRecord[] {
		const removed = this.items.filter(predicate);
		this.items = this.items.filter((t) => !predicate(t));
		return removed;
	}

	/** Forgets everything and seeds the approved templates (and the published Flow the FLOW template opens). */
	reseed(state: SandboxState): void {
		this.items = [];
		this.seq = 0;
		const flow = state.flows.create({
			wabaId: state.seed.wabaId,
			name: SANDBOX_FLOW_TEMPLATE_FLOW_NAME,
			categories: ['SIGN_UP'],
			applicationId: state.seed.app.id,
		});
		state.flows.setJson(flow, signupFlowJson());
		state.flows.markPublished(flow);
		for (const t of seededTemplates(flow.id)) this.add(t);
	}
}
