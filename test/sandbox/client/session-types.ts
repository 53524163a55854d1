// The runner's public types: how a flow is opened, what actions return, and how it ends.
import type { EndpointClient, EndpointExchange } from './endpoint-client';
import type { JsonObject, JsonValue } from './json';
import type { MediaCdn } from './media-cdn';
import type { PickedMedia, UploadFile } from './media-picker';

/** What the app shows when the endpoint fails without a message of its own (wording not documented by Meta). */
export const GENERIC_ERROR = 'Something went wrong. Please try again later.';

export type FlowAction = 'navigate' | 'data_exchange';
export type SessionStatus = 'open' | 'completed' | 'closed' | 'disabled' | 'failed';

export interface OpenFlowOptions {
	flowJson: string | JsonValue;
	/** As sent in the interactive message (`mode`): recorded; the sandbox decides whether a draft may be opened. */
	mode?: 'draft' | 'published';
	flowToken: string;
	/** `flow_action` of the message; data_exchange opens with an INIT request to the endpoint. Default navigate. */
	flowAction?: FlowAction;
	/** flow_action_payload.screen (navigate); default the first screen. */
	initialScreen?: string;
	/** flow_action_payload.data (navigate). */
	initialData?: JsonObject;
	endpoint?: EndpointClient;
	/** Where picked files are stored for the endpoint; default a fresh InMemoryCdn. */
	cdn?: MediaCdn;
	/**
	 * Registers a file sent in the completion message with the Cloud API's media store and answers its media id (the
	 * `id` in response_json). Default: a random 16-digit id that nothing serves.
	 */
	registerMedia?: (file: { fileName: string; mimeType: string; bytes: Uint8Array; sha256: string }) => string | Promise<string>;
	now?: () => Date;
}

export interface FlowCompletion {
	/** JSON text of the completion, as the nfm_reply webhook's response_json. */
	responseJson: string;
	response: JsonObject;
	completedAt: Date;
	flowToken: string;
	/** `complete` action, or the endpoint's SUCCESS answer. */
	via: 'complete' | 'endpoint';
	screen: string;
	/** Files referenced in the response, for the sandbox's Media API (their `webhookMediaId` is the id sent). */
	media: PickedMedia[];
}

export type ActionResult =
	| { outcome: 'navigated'; screen: string }
	| { outcome: 'updated'; screen: string }
	| { outcome: 'completed'; completion: FlowCompletion }
	| { outcome: 'invalid'; errors: Record<string, string> }
	| { outcome: 'endpoint-error'; message: string; exchange?: EndpointExchange }
	| { outcome: 'opened-url'; url: string }
	| { outcome: 'closed' };

export interface FillResult {
	/** Problems with the values just entered (also shown on the fields). */
	errors: Record<string, string>;
	/** Results of on-select / on-unselect actions the input triggered. */
	actions: ActionResult[];
}

export type FlowValue = JsonValue | UploadFile[];

export interface FlowEvent {
	at: Date;
	type: 'opened' | 'navigated' | 'back' | 'endpoint' | 'update_data' | 'open_url' | 'error' | 'completed' | 'closed' | 'disabled';
	screen?: string;
	detail?: JsonValue;
	exchange?: EndpointExchange;
}

/** The user tried something the app's UI does not allow (no such field, hidden, disabled, wrong kind of value). */
export class FlowInputError extends Error {}
/** The session cannot do that now (completed, closed, disabled, no endpoint). */
export class FlowStateError extends Error {}
