// Meta's limits for outgoing messages, checked before anything is sent. Each group names the page it comes from,
// under https://developers.facebook.com/docs/whatsapp/ (the newer copies live under
// https://developers.facebook.com/documentation/business-messaging/whatsapp/ with the same content).

/** cloud-api/reference/messages#text-object: "text.body … Maximum length: 4096 characters". */
export const TEXT_LIMITS = { body: 4096 } as const;

/**
 * Reply buttons — messages/interactive-reply-buttons-messages (updated Nov 2025): body "Maximum 1024 characters",
 * button id "Maximum 256 characters", label "Maximum 20 characters" and "Must be unique", "up to three" buttons,
 * footer "Maximum 60 characters"; header text: cloud-api/reference/messages (interactive header.text, 60).
 */
export const REPLY_BUTTON_LIMITS = {
	body: 1024,
	headerText: 60,
	footer: 60,
	buttonsMin: 1,
	buttonsMax: 3,
	buttonId: 256,
	buttonTitle: 20,
} as const;

/**
 * List messages — messages/interactive-list-messages (updated Nov 2025): button label "Maximum 20 characters",
 * body "Maximum 4096 characters", footer and header text "Maximum 60 characters" (header: text only), "up to 10
 * sections, with up to 10 rows for all sections combined", section title "Maximum 24 characters", row id "Maximum
 * 200 characters", row title "Maximum 24 characters", row description "Maximum 72 characters".
 */
export const LIST_LIMITS = {
	body: 4096,
	headerText: 60,
	footer: 60,
	button: 20,
	sectionsMax: 10,
	rowsMax: 10,
	sectionTitle: 24,
	rowId: 200,
	rowTitle: 24,
	rowDescription: 72,
} as const;

/**
 * Flow messages — flows/guides/sendingaflow and cloud-api/messages/interactive-flow-messages: `flow_cta` "CTA text
 * length is advised to be 30 characters or less (no emoji)" (older pages: 20); `flow_message_version` must be "3";
 * `flow_action_payload.data` "must be a non-empty object". Body, header and footer follow the interactive object of
 * cloud-api/reference/messages (1024 / 60 / 60).
 */
export const FLOW_MESSAGE_LIMITS = {
	cta: 30,
	body: 1024,
	headerText: 60,
	footer: 60,
	flowMessageVersion: '3',
} as const;

/**
 * Template messages — cloud-api/guides/send-message-templates and business-management-api/message-templates:
 * a text header holds at most 60 characters (its one parameter included); template names are lowercase letters,
 * digits and underscores, at most 512 characters; named parameters (`parameter_format: NAMED`) use the same
 * alphabet. Coupon codes — templates/marketing-templates/coupon-templates: "Maximum 20 characters",
 * "Only accepting alphanumeric characters"; one copy-code button per template.
 */
export const TEMPLATE_LIMITS = {
	headerText: 60,
	nameMax: 512,
	couponCodeMax: 20,
	/** Buttons of a template: at most 10 (business-management-api/message-templates/components "Buttons"). */
	buttonsMax: 10,
} as const;

export const TEMPLATE_NAME = /^[a-z0-9_]+$/;
export const NAMED_PARAMETER = /^[a-z0-9_]+$/;
export const COUPON_CODE = /^[A-Za-z0-9]+$/;
/** Language and locale codes as Meta lists them (cloud-api/reference/message-templates supported languages): en, en_US, pt_BR, zh_CN. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Za-z]{2,4})?$/;

/**
 * Phone numbers — cloud-api/reference/phone-numbers "Phone number formats": "+", hyphens, parentheses and spaces
 * are allowed; without the plus sign Meta prepends the business number's own country code, so numbers are sent as
 * "+<digits>". E.164 allows at most 15 digits (ITU-T E.164 §6).
 */
export const PHONE_NUMBER_LIMITS = { minDigits: 7, maxDigits: 15 } as const;
