export { assertValidTemplate, checkTemplate } from './check-template';
export { buildTemplate } from './build-template';
export type { AuthenticationInput, ButtonInput, TemplateInput } from './build-template';
export { BUTTON_TYPES, HEADER_FORMATS, MESSAGE_SEND_TTL_SECONDS, OTP_TYPES, TEMPLATE_CATEGORIES, TEMPLATE_LIMITS } from './limits';
export type { TemplateCategory } from './limits';
export { TemplateValidationError } from './problems';
export type { TemplateProblem } from './problems';
export { distinctVariables, templateVariables } from './variables';
export type { ParameterFormat } from './variables';
