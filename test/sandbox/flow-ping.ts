// The `ping` health check the sandbox sends while publishing an endpoint Flow
// (flows/guides/implementingyourflowendpoint "Health check request": {"version", "action": "ping"} → the decrypted
// answer must be {"data": {"status": "active"}}). Sent by the simulated WhatsApp client's EndpointClient, so the
// request is sealed, signed and checked exactly as the app's requests are: a fresh AES-128 key wrapped with
// RSA-OAEP-SHA256 under the phone number's public key, AES-128-GCM, X-Hub-Signature-256 with the app secret.
import { EndpointClient, type EndpointExchange } from './client';
import { post, type Post } from './client/http-post';
import { recordEndpointTraffic } from './endpoint-traffic';
import { spkiPem } from './encryption-keys';
import type { FlowRecord, HealthCheckRecord } from './flows';
import type { SandboxState } from './state';

function problemOf(exchange: EndpointExchange, timeoutMs: number): string | undefined {
	const outcome = exchange.outcome;
	switch (outcome.kind) {
		case 'ok':
			return undefined;
		case 'bad-shape':
			return `the endpoint answered ${outcome.answerText}, not {"data":{"status":"active"}}`;
		case 'empty-body':
			return 'the answer could not be decrypted (it was empty)';
		case 'undecryptable':
			return 'the answer could not be decrypted (not base64 of AES-GCM under the flipped IV)';
		case 'timeout':
			return `no answer within ${timeoutMs} ms`;
		case 'network-error':
			return `the endpoint could not be reached (${outcome.message})`;
		default:
			return `the endpoint answered HTTP ${outcome.status}`;
	}
}

function parsed(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/** Sends the ping; records it in state.flows.healthChecks and as endpoint requests for the metrics. */
export async function pingFlowEndpoint(state: SandboxState, flow: FlowRecord, phoneNumberId: string): Promise<HealthCheckRecord> {
	const key = state.keys.get(phoneNumberId);
	const check: HealthCheckRecord = {
		at: new Date().toISOString(),
		flowId: flow.id,
		endpointUri: flow.endpointUri ?? '',
		phoneNumberId,
		request: { headers: {}, body: '' },
		status: null,
		ok: false,
	};
	state.flows.healthChecks.push(check);
	if (!key) {
		check.problem = `no public key for phone number ${phoneNumberId}`;
		return check;
	}
	// The transport records what went over the wire; the sandbox closing aborts the request.
	const recordingPost: Post = async (url, headers, body, signal) => {
		check.request = { headers: { ...headers }, body };
		const answer = await post(url, headers, body, AbortSignal.any([signal, state.lifetime.signal]));
		check.status = answer.status;
		check.responseText = answer.text;
		return answer;
	};
	const timeoutMs = state.config.flows.healthCheckTimeoutMs;
	const client = new EndpointClient({
		endpointUri: check.endpointUri,
		publicKeyPem: spkiPem(key),
		refreshPublicKey: async () => {
			const current = state.keys.get(phoneNumberId);
			return current ? spkiPem(current) : spkiPem(key);
		},
		appSecret: state.seed.app.secret,
		timeoutMs,
		post: recordingPost,
	});
	const exchange = await client.ping({ dataApiVersion: flow.analysis?.dataApiVersion ?? '3.0' });
	const outcome = exchange.outcome;
	if (outcome.kind === 'ok') check.decrypted = outcome.answer;
	if (outcome.kind === 'bad-shape') check.decrypted = parsed(outcome.answerText);
	check.ok = outcome.kind === 'ok';
	const problem = problemOf(exchange, timeoutMs);
	if (problem !== undefined) check.problem = problem;
	recordEndpointTraffic(state, flow.id, exchange);
	return check;
}
