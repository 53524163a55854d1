// The WhatsApp side of the Flow data-exchange protocol: seals a request, signs it, posts it to endpoint_uri, opens
// and checks the answer, and records every exchange for tests
// (developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint;
// flows/reference/error-codes for 421 / 427 / 432).
import { checkAnswer, type AnswerKind } from './endpoint-answer';
import { post, type Post } from './http-post';
import { openAnswer, sealRequest, signatureHeader } from './flow-crypto';
import { signFlowToken, usesFlowTokenSignature } from './flow-token-signature';
import { isJsonObject, parseJson, type JsonObject } from './json';
import { importRsaOaepPublicKey, type WebCryptoKey } from './web-crypto';

/** The endpoint must answer within 10 seconds (implementingyourflowendpoint, "Endpoint requirements"). */
export const DEFAULT_ENDPOINT_TIMEOUT_MS = 10_000;

export type EndpointAction = 'INIT' | 'BACK' | 'data_exchange' | 'ping';

/** The decrypted request, as the endpoint will read it. */
export interface EndpointRequestPayload {
	version: string;
	action: EndpointAction;
	screen?: string;
	data?: JsonObject;
	flow_token?: string;
	flow_token_signature?: string;
}

export interface RequestFields {
	action: EndpointAction;
	screen?: string;
	data?: JsonObject;
	flow_token?: string;
}

/** What the flow being run tells the client about the protocol to speak. */
export interface RequestContext {
	/** data_api_version of the Flow JSON; the request's "version" (default "3.0"). */
	dataApiVersion?: string;
	/** Flow JSON version; with 7.3+ and Data API 4.0 the request carries flow_token_signature. */
	flowJsonVersion?: string;
}

export type EndpointOutcome =
	| { kind: 'ok'; answer: JsonObject }
	/** 421 twice: the key was re-read once and the request re-sealed, and the endpoint still could not decrypt it. */
	| { kind: 'key-rejected'; status: 421 }
	/** 427: the flow token is no longer valid; the app shows error_msg and disables the flow's CTA. */
	| { kind: 'flow-token-invalid'; status: 427; errorMsg?: string }
	/** 432: the endpoint refused the request signature. */
	| { kind: 'signature-rejected'; status: 432 }
	| { kind: 'http-error'; status: number }
	| { kind: 'timeout'; afterMs: number }
	| { kind: 'network-error'; message: string }
	| { kind: 'empty-body' }
	| { kind: 'undecryptable' }
	| { kind: 'bad-shape'; problem: string; answerText: string };

export interface EndpointAttempt {
	status: number | null;
	ms: number;
	/** X-Hub-Signature-256 sent. */
	signature: string;
	rawBody: string;
}

export interface EndpointExchange {
	seq: number;
	at: Date;
	kind: AnswerKind;
	payload: EndpointRequestPayload;
	attempts: EndpointAttempt[];
	outcome: EndpointOutcome;
}

export interface EndpointClientOptions {
	endpointUri: string;
	/** The business public key (SPKI PEM), as uploaded with POST /{phone-number-id}/whatsapp_business_encryption. */
	publicKeyPem: string;
	/** Re-reads the business public key after a 421 (WhatsApp re-fetches it, then retries once). */
	refreshPublicKey?: () => Promise<string>;
	appSecret: string;
	/** Default 10 s; tests shorten it. */
	timeoutMs?: number;
	/** Default "3.0" when the flow does not say. */
	dataApiVersion?: string;
	/** The HTTP transport (default node:http / node:https); tests may inject one. */
	post?: Post;
	now?: () => Date;
}

type AttemptResult = { attempt: EndpointAttempt; outcome: EndpointOutcome | 'retry-after-421' };

export class EndpointClient {
	readonly log: EndpointExchange[] = [];
	private publicKeyPem: string;
	private publicKey: Promise<WebCryptoKey> | undefined;

	constructor(private readonly options: EndpointClientOptions) {
		this.publicKeyPem = options.publicKeyPem;
	}

	get endpointUri(): string {
		return this.options.endpointUri;
	}

	/** Health check: {"action":"ping"} expects {"data":{"status":"active"}}. */
	ping(context: RequestContext = {}): Promise<EndpointExchange> {
		return this.send({ action: 'ping' }, context);
	}

	/**
	 * Error notification: the client tells the endpoint its last answer was unusable; expects
	 * {"data":{"acknowledged":true}}.
	 */
	notifyError(
		fields: { action: EndpointAction; flow_token: string; screen?: string; error: string; errorMessage: string },
		context: RequestContext = {},
	): Promise<EndpointExchange> {
		const { error, errorMessage, ...rest } = fields;
		return this.send({ ...rest, data: { error, error_message: errorMessage } }, context);
	}

	/** Sends one request (INIT, BACK, data_exchange, ping or an error notification) and records the exchange. */
	async send(fields: RequestFields, context: RequestContext = {}): Promise<EndpointExchange> {
		const payload = await this.buildPayload(fields, context);
		const kind: AnswerKind =
			fields.action === 'ping' ? 'ping' : fields.data?.error !== undefined ? 'error-notification' : 'screen';
		const exchange: EndpointExchange = {
			seq: this.log.length + 1,
			at: this.now(),
			kind,
			payload,
			attempts: [],
			outcome: { kind: 'network-error', message: 'not sent' },
		};
		this.log.push(exchange);
		let result = await this.attempt(payload, kind);
		exchange.attempts.push(result.attempt);
		if (result.outcome === 'retry-after-421') {
			await this.rereadPublicKey();
			result = await this.attempt(payload, kind);
			exchange.attempts.push(result.attempt);
		}
		exchange.outcome = result.outcome === 'retry-after-421' ? { kind: 'key-rejected', status: 421 } : result.outcome;
		return exchange;
	}

	private now(): Date {
		return this.options.now ? this.options.now() : new Date();
	}

	private async buildPayload(fields: RequestFields, context: RequestContext): Promise<EndpointRequestPayload> {
		const version = context.dataApiVersion ?? this.options.dataApiVersion ?? '3.0';
		const payload: EndpointRequestPayload = { version, ...fields };
		if (
			fields.flow_token !== undefined &&
			context.flowJsonVersion !== undefined &&
			usesFlowTokenSignature(context.flowJsonVersion, version)
		) {
			payload.flow_token_signature = await signFlowToken(fields.flow_token, this.options.appSecret, this.now());
		}
		return payload;
	}

	private key(): Promise<WebCryptoKey> {
		this.publicKey ??= importRsaOaepPublicKey(this.publicKeyPem);
		return this.publicKey;
	}

	private async rereadPublicKey(): Promise<void> {
		if (!this.options.refreshPublicKey) return;
		this.publicKeyPem = await this.options.refreshPublicKey();
		this.publicKey = undefined;
	}

	/** One POST with a freshly sealed body (a new AES key and IV every time, as WhatsApp does). */
	private async attempt(payload: EndpointRequestPayload, kind: AnswerKind): Promise<AttemptResult> {
		const sealed = await sealRequest(payload, await this.key());
		const signature = await signatureHeader(sealed.rawBody, this.options.appSecret);
		const attempt: EndpointAttempt = { status: null, ms: 0, signature, rawBody: sealed.rawBody };
		const timeoutMs = this.options.timeoutMs ?? DEFAULT_ENDPOINT_TIMEOUT_MS;
		const abort = new AbortController();
		const timer = setTimeout(() => abort.abort(), timeoutMs);
		const started = Date.now();
		const send = this.options.post ?? post;
		let status: number;
		let text: string;
		try {
			const answer = await send(
				this.options.endpointUri,
				{ 'content-type': 'application/json', 'x-hub-signature-256': signature },
				sealed.rawBody,
				abort.signal,
			);
			status = answer.status;
			text = answer.text;
			attempt.status = status;
		} catch (error) {
			attempt.ms = Date.now() - started;
			if (abort.signal.aborted) return { attempt, outcome: { kind: 'timeout', afterMs: timeoutMs } };
			return { attempt, outcome: { kind: 'network-error', message: error instanceof Error ? error.message : String(error) } };
		} finally {
			clearTimeout(timer);
		}
		attempt.ms = Date.now() - started;
		if (status === 421) return { attempt, outcome: 'retry-after-421' };
		if (status === 427) return { attempt, outcome: { kind: 'flow-token-invalid', status: 427, errorMsg: errorMsgOf(text) } };
		if (status === 432) return { attempt, outcome: { kind: 'signature-rejected', status: 432 } };
		if (status !== 200) return { attempt, outcome: { kind: 'http-error', status } };
		const opened = await openAnswer(text, sealed.aesKey, sealed.iv);
		if (!opened.ok) return { attempt, outcome: { kind: opened.reason === 'empty' ? 'empty-body' : 'undecryptable' } };
		const checked = checkAnswer(kind, parseJson(opened.text));
		if (!checked.ok) return { attempt, outcome: { kind: 'bad-shape', problem: checked.problem, answerText: opened.text } };
		return { attempt, outcome: { kind: 'ok', answer: checked.value } };
	}
}

/** A 427 body may carry {"error_msg": "..."} for the app to show (flows/reference/error-codes). */
function errorMsgOf(text: string): string | undefined {
	const body = parseJson(text);
	return isJsonObject(body) && typeof body.error_msg === 'string' ? body.error_msg : undefined;
}
