import { FLOW_TOKEN_MIN_SECRET_LENGTH, verifyFlowToken } from '../crypto/flow-token';
import { isRecord, recordsOf, textOf, type JsonRecord } from './json';
import type { FlowDetails, FlowMedia, FlowTokenCheckOutput } from './types';

// A completed flow arrives as an interactive message of type nfm_reply whose response_json is a JSON *string*
// (flows/reference/flowswebhooks "Flow response message webhook"; flows/guides/receiveflowresponse). It carries the
// flow_token the flow was sent with and the values of the complete action; files picked in the flow come as
// lists of {file_name, mime_type, sha256, id} with Cloud API media ids (flows/reference/media_upload).

export interface FlowCompletionOptions {
	/** The secret "Flow Token → Create" signed with; without one, tokens are reported but not checked. */
	flowTokenSecret?: string;
	now?: () => number;
}

function parseResponseJson(text: string | undefined): { json: JsonRecord | null; error?: string } {
	if (text === undefined) return { json: null, error: 'response_json is missing' };
	try {
		const parsed: unknown = JSON.parse(text);
		return isRecord(parsed) ? { json: parsed } : { json: null, error: 'response_json is not a JSON object' };
	} catch {
		return { json: null, error: 'response_json is not valid JSON' };
	}
}

/** Every top-level value that is a non-empty list of picked files. */
export function flowMediaOf(response: JsonRecord): FlowMedia[] {
	const media: FlowMedia[] = [];
	for (const [field, value] of Object.entries(response)) {
		if (!Array.isArray(value) || value.length === 0) continue;
		const files = recordsOf(value);
		if (files.length !== value.length || !files.every((f) => typeof f.id === 'string' && ('mime_type' in f || 'file_name' in f))) continue;
		for (const file of files) {
			media.push({
				field,
				id: String(file.id),
				fileName: textOf(file.file_name) ?? null,
				mimeType: textOf(file.mime_type) ?? null,
				sha256: textOf(file.sha256) ?? null,
			});
		}
	}
	return media;
}

/** Checks the flow_token as one of our signed tokens, bound to the person who completed the flow. */
export function checkFlowToken(token: string | null, recipient: string | null, options: FlowCompletionOptions): FlowTokenCheckOutput {
	if (token === null || token === '') return { present: false, valid: false, reason: 'missing' };
	if ((options.flowTokenSecret?.length ?? 0) < FLOW_TOKEN_MIN_SECRET_LENGTH || options.flowTokenSecret === undefined) {
		return { present: true, valid: false, reason: 'secret_unusable' };
	}
	const check = verifyFlowToken(token, options.flowTokenSecret, { now: options.now, recipient: recipient ?? undefined });
	if (check.valid) return { present: true, valid: true, ...claimsOutput(check.claims) };
	// An expired token, or one made for someone else, still carries a verified signature: its context is ours.
	if (check.reason === 'expired' || check.reason === 'recipient_mismatch') {
		const relaxed = verifyFlowToken(token, options.flowTokenSecret, { now: () => 0 });
		if (relaxed.valid) return { present: true, valid: false, reason: check.reason, ...claimsOutput(relaxed.claims) };
	}
	return { present: true, valid: false, reason: check.reason };
}

function claimsOutput(claims: { recipient: string; flowId: string; expiresAt: number; context: { recordId?: string; variant?: string } }) {
	return {
		...(claims.context.recordId !== undefined ? { recordId: claims.context.recordId } : {}),
		...(claims.context.variant !== undefined ? { variant: claims.context.variant } : {}),
		flowId: claims.flowId,
		recipient: claims.recipient,
		expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
	};
}

/** The `flow` part of a flow.completed event. `interactive` is the message's interactive object. */
export function flowCompletionOf(
	interactive: JsonRecord,
	context: JsonRecord | undefined,
	sender: string | null,
	options: FlowCompletionOptions,
): FlowDetails {
	const reply = isRecord(interactive.nfm_reply) ? interactive.nfm_reply : {};
	const { json, error } = parseResponseJson(textOf(reply.response_json));
	const flowToken = json ? (textOf(json.flow_token) ?? null) : null;
	const token = checkFlowToken(flowToken, sender, options);
	return {
		event: 'nfm_reply',
		id: token.flowId ?? null,
		responseJson: json,
		...(error !== undefined ? { responseJsonError: error } : {}),
		flowToken,
		token,
		media: json ? flowMediaOf(json) : [],
		replyTo: textOf(context?.id) ?? null,
	};
}
