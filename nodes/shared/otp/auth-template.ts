import type { MessageContent } from '../messages/envelope';

/** The fields of GET /{template-id} this package reads (business-management-api/message-templates). */
export interface TemplateDetails {
	name: string;
	language: string;
	category?: string;
	status?: string;
	components?: Array<{ type?: string; code_expiration_minutes?: number; buttons?: Array<{ type?: string; otp_type?: string }> }>;
}

/** Meta: the one-time password is at most 15 characters (business-management-api/authentication-templates). */
export const MAX_OTP_CHARACTERS = 15;

export class OtpTemplateError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'OtpTemplateError';
	}
}

/** Refuses a template that cannot carry a code: only AUTHENTICATION templates with an OTP button do. */
export function checkAuthenticationTemplate(template: TemplateDetails): void {
	if (String(template.category ?? '').toUpperCase() !== 'AUTHENTICATION') {
		throw new OtpTemplateError(`Template "${template.name}" is in category ${template.category ?? 'unknown'}; pick an AUTHENTICATION template (copy code or one-tap)`);
	}
	// Created with type OTP, the button reads back as type URL (authentication-templates/copy-code-button-authentication-templates).
	const buttons = (template.components ?? []).find((c) => String(c.type).toUpperCase() === 'BUTTONS')?.buttons ?? [];
	if (!buttons.some((b) => ['OTP', 'URL'].includes(String(b.type).toUpperCase()))) {
		throw new OtpTemplateError(`Template "${template.name}" has no one-time password button`);
	}
}

/** The template's `code_expiration_minutes` (its footer "This code expires in N minutes"), if it has one. */
export function templateCodeExpiryMinutes(template: TemplateDetails): number | undefined {
	const footer = (template.components ?? []).find((c) => String(c.type).toUpperCase() === 'FOOTER');
	const minutes = footer?.code_expiration_minutes;
	return typeof minutes === 'number' && minutes > 0 ? minutes : undefined;
}

/** A code's validity: as configured, but never longer than the template tells the user (its footer). */
export function codeValidityMs(configuredSeconds: number, template: TemplateDetails): number {
	const templateMinutes = templateCodeExpiryMinutes(template);
	const seconds = templateMinutes === undefined ? configuredSeconds : Math.min(configuredSeconds, templateMinutes * 60);
	return seconds * 1000;
}

/**
 * The template message carrying a code: the code is the body's one parameter AND the parameter of the OTP button
 * (sub_type "url", index 0) — copy code and one-tap alike (authentication-templates: "Sending authentication
 * templates").
 */
export function authenticationTemplateContent(template: Pick<TemplateDetails, 'name' | 'language'>, code: string): MessageContent {
	if (code.length > MAX_OTP_CHARACTERS) throw new OtpTemplateError(`A one-time password has at most ${MAX_OTP_CHARACTERS} characters`);
	const codeParameter = [{ type: 'text', text: code }];
	return {
		type: 'template',
		object: {
			name: template.name,
			language: { code: template.language },
			components: [
				{ type: 'body', parameters: codeParameter },
				{ type: 'button', sub_type: 'url', index: '0', parameters: codeParameter },
			],
		},
	};
}
