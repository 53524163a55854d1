// Meta's Graph API error envelope and the errors the sandbox answers with.
// Shape: cloud-api/support/error-codes ("Error response syntax") and graph-api/guides/error-handling:
// {"error":{"message","type","code","error_data":{"messaging_product","details"},"error_subcode","fbtrace_id"}}.
import { randomBytes } from 'node:crypto';

export interface GraphErrorData {
	messaging_product: 'whatsapp';
	details: string;
}

export interface GraphErrorBody {
	message: string;
	type: string;
	code: number;
	error_data?: GraphErrorData;
	error_subcode?: number;
	error_user_title?: string;
	error_user_msg?: string;
	fbtrace_id: string;
}

export interface GraphErrorEnvelope {
	error: GraphErrorBody;
}

export type GraphErrorFields = Omit<GraphErrorBody, 'fbtrace_id'>;

/** A trace id like Meta's (e.g. "AkLl12hQO-eJrTGPABAL-o6"): random, 23 URL-safe characters. */
export function newFbtraceId(): string {
	return `A${randomBytes(16).toString('base64url').slice(0, 22)}`;
}

/** Thrown by Graph handlers; the server turns it into Meta's error JSON with a fresh fbtrace_id. */
export class GraphError extends Error {
	constructor(
		readonly status: number,
		readonly fields: GraphErrorFields,
		readonly headers: Readonly<Record<string, string>> = {},
	) {
		super(fields.message);
		this.name = 'GraphError';
	}

	envelope(fbtraceId: string = newFbtraceId()): GraphErrorEnvelope {
		const f = this.fields;
		// Key order as in Meta's samples: message, type, code, error_data, error_subcode, ..., fbtrace_id.
		const body: GraphErrorBody = {
			message: f.message,
			type: f.type,
			code: f.code,
			...(f.error_data !== undefined ? { error_data: f.error_data } : {}),
			...(f.error_subcode !== undefined ? { error_subcode: f.error_subcode } : {}),
			...(f.error_user_title !== undefined ? { error_user_title: f.error_user_title } : {}),
			...(f.error_user_msg !== undefined ? { error_user_msg: f.error_user_msg } : {}),
			fbtrace_id: fbtraceId,
		};
		return { error: body };
	}
}

const OAUTH = 'OAuthException';

/** Graph's WWW-Authenticate header on token errors: OAuth "Facebook Platform" "<error>" "<message>". */
function wwwAuthenticate(kind: 'invalid_request' | 'invalid_token', message: string): Record<string, string> {
	return { 'www-authenticate': `OAuth "Facebook Platform" "${kind}" "${message}"` };
}

// --- Authentication (graph-api/guides/error-handling; cloud-api/support/error-codes, Authorization errors) ---

/** No token at all. Graph: code 104, HTTP 400. */
export function accessTokenRequired(): GraphError {
	const message = 'An access token is required to request this resource.';
	return new GraphError(400, { message, type: OAUTH, code: 104 }, wwwAuthenticate('invalid_request', message));
}

/** A token Graph does not know. Code 190; HTTP 401 per cloud-api/support/error-codes (190 → 401 Unauthorized). */
export function invalidAccessToken(): GraphError {
	const message = 'Invalid OAuth access token - Cannot parse access token';
	return new GraphError(401, { message, type: OAUTH, code: 190 }, wwwAuthenticate('invalid_token', message));
}

/** An app access token `{app-id}|{app-secret}` whose secret is wrong. Code 190. */
export function invalidAppTokenSignature(): GraphError {
	const message = 'Invalid OAuth access token signature.';
	return new GraphError(401, { message, type: OAUTH, code: 190 }, wwwAuthenticate('invalid_token', message));
}

/**
 * A valid token without the asset permission. Code 10 "Permission Denied", HTTP 403
 * (cloud-api/support/error-codes, Authorization errors).
 */
export function permissionDenied(): GraphError {
	const details = 'Application does not have permission for this action';
	return new GraphError(403, {
		message: `(#10) ${details}`,
		type: OAUTH,
		code: 10,
		error_data: { messaging_product: 'whatsapp', details },
	});
}

// --- Versions and paths (graph-api/guides/versioning; graph-api/guides/error-handling) ---

/** Code 2635 for a Graph version that is not (or no longer) served. HTTP 400. */
export function deprecatedVersion(latest: string): GraphError {
	return new GraphError(400, {
		message: `(#2635) You are calling a deprecated version of the Graph API. Please update to the latest version: ${latest}.`,
		type: OAUTH,
		code: 2635,
	});
}

/**
 * An object id that does not exist, cannot be seen with this token, or has no such operation:
 * code 100, subcode 33, type GraphMethodException, HTTP 400 (Graph's answer, see graph-api/guides/error-handling).
 */
export function unsupportedRequest(method: string, objectId: string): GraphError {
	return new GraphError(400, {
		message:
			`Unsupported ${method.toLowerCase()} request. Object with ID '${objectId}' does not exist, cannot be loaded due to ` +
			'missing permissions, or does not support this operation. Please read the Graph API documentation at ' +
			'https://developers.facebook.com/docs/graph-api',
		type: 'GraphMethodException',
		code: 100,
		error_subcode: 33,
	});
}

/** A field or edge the node type does not have (`?fields=` or `/{id}/{edge}`). Code 100. */
export function nonexistingField(field: string, nodeType: string): GraphError {
	return new GraphError(400, {
		message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`,
		type: OAUTH,
		code: 100,
	});
}

/** Path segments beyond `/{id}/{edge}`. Code 2500. */
export function unknownPathComponents(path: string): GraphError {
	return new GraphError(400, { message: `Unknown path components: ${path}`, type: OAUTH, code: 2500 });
}

// --- Parameter validation (cloud-api/support/error-codes: 100 Invalid parameter, HTTP 400) ---
// The wording follows Graph's typed-parameter checks, e.g. "(#100) The parameter messaging_product is required."
// and "(#100) Param text['body'] must be at most 4096 characters long."

function invalidParameter(message: string): GraphError {
	return new GraphError(400, { message: `(#100) ${message}`, type: OAUTH, code: 100 });
}

export function requiredParameter(name: string): GraphError {
	return invalidParameter(`The parameter ${name} is required.`);
}

export function parameterTooLong(name: string, max: number): GraphError {
	return invalidParameter(`Param ${name} must be at most ${max} characters long.`);
}

export function parameterNotOneOf(name: string, allowed: readonly string[], got: string): GraphError {
	return invalidParameter(`Param ${name} must be one of {${allowed.join(', ')}} - got "${got}".`);
}

export function parameterWrongType(name: string, expected: 'string' | 'boolean' | 'object'): GraphError {
	return invalidParameter(`Param ${name} must be a${expected === 'object' ? 'n' : ''} ${expected}.`);
}

/** Code 100 with WhatsApp details (cloud-api/support/error-codes: "Invalid parameter"). */
export function invalidParameterWithDetails(details: string): GraphError {
	return new GraphError(400, {
		message: '(#100) Invalid parameter',
		type: OAUTH,
		code: 100,
		error_data: { messaging_product: 'whatsapp', details },
	});
}

/** Something the sandbox does not simulate yet: a 400 that says so, never a silent success. */
export function notSimulated(what: string): GraphError {
	return invalidParameterWithDetails(`[sandbox] ${what} is not simulated yet`);
}

// --- Flows management (flows/reference/error-codes, "Flow Management API error codes") ---
// 139000 blocked by integrity, 139001 Flow can't be updated / error while processing Flow JSON, 139002 publishing
// failed (invalid state, validation errors, missing endpoint_uri, versions not available for publishing, missing
// signed public key, no application connected, endpoint not available, WABA not subscribed), 139003 can't deprecate
// (unpublished or already deprecated), 139004 can't delete a published Flow, 139006 metrics: not enough data.
// Meta documents the codes and the titles; the envelope's message and error_user_msg wording is the sandbox's.

/** A Flows API error: HTTP 400, Meta's code, the documented title in error_user_title and the reason in error_user_msg. */
export function flowError(code: number, title: string, reason: string): GraphError {
	return new GraphError(400, {
		message: `(#${code}) ${title}`,
		type: OAUTH,
		code,
		error_user_title: title,
		error_user_msg: reason,
	});
}

/** Code 100 with a user title, as the Flows API answers "Flow name is not unique" and similar (flows/reference/error-codes). */
export function invalidParameterWithTitle(title: string, reason: string): GraphError {
	return new GraphError(400, {
		message: '(#100) Invalid parameter',
		type: OAUTH,
		code: 100,
		error_user_title: title,
		error_user_msg: reason,
	});
}
