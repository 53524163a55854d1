// Shape checks on a decrypted endpoint answer, per request kind
// (developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint):
// - health check (`ping`)            → {"data": {"status": "active"}}
// - error notification (data.error)  → {"data": {"acknowledged": true}}
// - INIT / BACK / data_exchange      → {"screen": "<SCREEN>", "data": {...}}; "version" may be echoed;
//   screen "SUCCESS" closes the flow: data.extension_message_response.params carries flow_token and the results.
import { isJsonObject, type JsonObject, type JsonValue } from './json';

export type AnswerKind = 'ping' | 'error-notification' | 'screen';

export interface ScreenAnswer {
	screen: string;
	data: JsonObject;
}

export type ShapeCheck<T> = { ok: true; value: T } | { ok: false; problem: string };

export function checkPingAnswer(answer: JsonValue | undefined): ShapeCheck<JsonObject> {
	if (!isJsonObject(answer) || !isJsonObject(answer.data) || answer.data.status !== 'active') {
		return { ok: false, problem: 'a health check answer must be {"data":{"status":"active"}}' };
	}
	return { ok: true, value: answer };
}

export function checkAcknowledgement(answer: JsonValue | undefined): ShapeCheck<JsonObject> {
	if (!isJsonObject(answer) || !isJsonObject(answer.data) || answer.data.acknowledged !== true) {
		return { ok: false, problem: 'an error notification answer must be {"data":{"acknowledged":true}}' };
	}
	return { ok: true, value: answer };
}

export function checkScreenAnswer(answer: JsonValue | undefined): ShapeCheck<ScreenAnswer> {
	if (!isJsonObject(answer)) return { ok: false, problem: 'the answer is not a JSON object' };
	const { screen, data } = answer;
	if (typeof screen !== 'string' || screen.length === 0) return { ok: false, problem: 'the answer has no "screen"' };
	if (!isJsonObject(data)) return { ok: false, problem: 'the answer has no "data" object' };
	if (screen === 'SUCCESS') {
		const ext = data.extension_message_response;
		const params = isJsonObject(ext) ? ext.params : undefined;
		if (!isJsonObject(params)) {
			return { ok: false, problem: 'a SUCCESS answer needs data.extension_message_response.params' };
		}
		// Meta's examples always return the flow_token in params; the nfm_reply webhook relies on it.
		if (typeof params.flow_token !== 'string' || params.flow_token.length === 0) {
			return { ok: false, problem: 'a SUCCESS answer needs params.flow_token' };
		}
	}
	return { ok: true, value: { screen, data } };
}

export function checkAnswer(kind: AnswerKind, answer: JsonValue | undefined): ShapeCheck<JsonObject> {
	if (kind === 'ping') return checkPingAnswer(answer);
	if (kind === 'error-notification') return checkAcknowledgement(answer);
	const checked = checkScreenAnswer(answer);
	return checked.ok ? { ok: true, value: answer as JsonObject } : checked;
}
