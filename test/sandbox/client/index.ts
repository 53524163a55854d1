// The simulated WhatsApp client: Flow runner, endpoint protocol client and media upload, independent of nodes/.
export { EndpointClient, DEFAULT_ENDPOINT_TIMEOUT_MS } from './endpoint-client';
export type {
	EndpointClientOptions,
	EndpointExchange,
	EndpointOutcome,
	EndpointRequestPayload,
	RequestContext,
} from './endpoint-client';
export { checkScreenAnswer, checkPingAnswer, checkAcknowledgement } from './endpoint-answer';
export { sealRequest, openAnswer, sealAnswer, openRequest, signatureHeader, flipIv } from './flow-crypto';
export type { EncryptedRequestBody } from './flow-crypto';
export { openFlow, FlowSession, FlowInputError, FlowStateError, GENERIC_ERROR } from './flow-runner';
export type { ActionResult, FillResult, FlowCompletion, FlowEvent, OpenFlowOptions, SessionStatus } from './flow-runner';
export type { ScreenView, ComponentView, OptionView } from './screen-view';
export { FlowJsonError, readFlowJson } from './flow-json';
export { encryptMedia, decryptMedia } from './media-crypto';
export type { EncryptionMetadata, EncryptedMedia } from './media-crypto';
export { InMemoryCdn } from './media-cdn';
export type { MediaCdn } from './media-cdn';
export type { UploadFile, PickedMedia } from './media-picker';
export { launchFromInteractive, launchFromTemplateButton } from './message-launch';
export type { LaunchOptions } from './message-launch';
