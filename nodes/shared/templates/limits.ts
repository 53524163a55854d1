/**
 * Meta's rules for creating message templates, each with the doc it comes from (paths under
 * developers.facebook.com/docs/whatsapp/):
 * - MT: business-management-api/message-templates (name, category, language, parameter_format)
 * - MTC: business-management-api/message-templates/components (header, body, footer, buttons)
 * - AUTH: business-management-api/authentication-templates (OTP buttons, expiry, supported apps)
 * - TTL: business-management-api/message-templates "Customizing time-to-live" (message_send_ttl_seconds)
 * - FLOW: flows/guides/sendingaflow "Create a template with a Flow button"
 */
export const TEMPLATE_LIMITS = {
	/** MT: "Maximum 512 characters", lowercase letters, digits and underscores. */
	nameMax: 512,
	/** MTC, text header: "Maximum 60 characters", supports 1 parameter. */
	headerTextMax: 60,
	headerVariablesMax: 1,
	/** MTC, body: "Maximum 1024 characters". */
	bodyTextMax: 1024,
	/** MTC, footer: "Maximum 60 characters", no parameters. */
	footerTextMax: 60,
	/** MTC, buttons: "up to 10 buttons total". */
	buttonsMax: 10,
	/** MTC: button label text, "Maximum 25 characters" (quick reply, URL, phone number, copy code, Flow). */
	buttonTextMax: 25,
	/** MTC: "Templates are limited to 10 quick reply buttons", "two URL buttons", "one phone number button", "one copy code button". */
	quickReplyMax: 10,
	urlButtonsMax: 2,
	phoneButtonsMax: 1,
	copyCodeButtonsMax: 1,
	/** MTC, URL button: "Maximum 2000 characters", 1 parameter appended to the end. */
	urlMax: 2000,
	/** MTC, phone number button: "Maximum 20 characters". */
	phoneNumberMax: 20,
	/** MTC, copy code button: the example offer code, "Maximum 15 characters". */
	copyCodeExampleMax: 15,
	/** AUTH: code_expiration_minutes "from 1 to 90". */
	codeExpirationMinutesMin: 1,
	codeExpirationMinutesMax: 90,
	/** AUTH: supported_apps holds at most 5 apps; package_name at most 224 characters; signature_hash exactly 11. */
	supportedAppsMax: 5,
	packageNameMax: 224,
	signatureHashLength: 11,
} as const;

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export const TEMPLATE_CATEGORIES: readonly TemplateCategory[] = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];

/**
 * TTL: how long WhatsApp keeps trying to deliver a template message. Authentication 30 s – 15 min (default
 * 10 min), utility 30 s – 12 h, marketing 12 h – 30 days.
 */
export const MESSAGE_SEND_TTL_SECONDS: Readonly<Record<TemplateCategory, { min: number; max: number }>> = {
	AUTHENTICATION: { min: 30, max: 900 },
	UTILITY: { min: 30, max: 43_200 },
	MARKETING: { min: 43_200, max: 2_592_000 },
};

/** MTC: header formats (GIF only for the Marketing Messages API). */
export const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'GIF', 'DOCUMENT', 'LOCATION'] as const;

/** Button types this package creates (MTC; FLOW: FLOW; OTP: AUTH). CATALOG / MPM templates pass through as given. */
export const BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE', 'FLOW', 'OTP', 'CATALOG', 'MPM', 'VOICE_CALL'] as const;

/** AUTH: otp_type values. */
export const OTP_TYPES = ['COPY_CODE', 'ONE_TAP', 'ZERO_TAP'] as const;
