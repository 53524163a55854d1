// The sandbox's public surface: start it, know its seed, inject faults, inspect what it received.
export { startSandbox, type Sandbox, type SandboxOptions } from './server';
export {
	DEFAULT_SEED,
	SANDBOX_ACCESS_TOKEN,
	SANDBOX_APP_ACCESS_TOKEN,
	SANDBOX_APP_ID,
	SANDBOX_APP_SECRET,
	SANDBOX_LIMITED_TOKEN,
	SANDBOX_PHONE_NUMBER_ID,
	SANDBOX_SECOND_PHONE_NUMBER_ID,
	SANDBOX_WABA_ID,
	buildSeed,
	type SandboxSeed,
	type SeedAccessToken,
	type SeedApp,
	type SeedPhoneNumber,
} from './seed';
export { SandboxState, toWaId, type CallFilter, type RecordedCall, type RecordedMessage } from './state';
export { FAULT_PRESETS, type FaultInput, type FaultPresetName, type FaultRuleView } from './fault-rules';
export { ERROR_CATALOGUE } from './error-catalogue';
export type { GraphErrorBody, GraphErrorEnvelope } from './errors';
export { LATEST_VERSION, SUPPORTED_VERSIONS, type GraphVersion } from './versions';
export { defaultConfig, type SandboxConfig, type WebhookConfig, type MessagingConfig, type FlowsConfig, type TemplatesConfig } from './config';
export type { StoredPublicKey, KeySignatureStatus } from './encryption-keys';
export type { FlowRecord, FlowStatus, HealthCheckRecord, EndpointRequestRecord } from './flows';
export type { WebhookDelivery, WebhookAttempt, WebhookChange } from './webhooks';
export { webhookEnvelope } from './webhooks';
export { userSends, type InboundInput } from './inbound';
export type { InboundMessage } from './users';
export { SANDBOX_FLOW_TEMPLATE_FLOW_NAME, type TemplateRecord } from './templates';
export type { MediaRecord } from './media';
export { SimulatedUser } from './simulated-user/simulated-user';
export { SimulatedUserError, type SimulatedUserErrorCode } from './simulated-user/errors';
export type { FlowStep, FlowStepKind, ExchangeView, ActionView, StepResultView } from './simulated-user/step-view';
export type { FlowLaunch } from './simulated-user/flow-message';
export type { FlowReply } from './simulated-user/flow-reply';
