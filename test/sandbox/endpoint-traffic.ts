// Endpoint requests WhatsApp made (publishing pings and the simulated client's requests), counted for the Metrics API
// (flows/reference/metrics_api: ENDPOINT_REQUEST_COUNT, ENDPOINT_REQUEST_ERROR by error kind, ENDPOINT_REQUEST_LATENCY).
// Every attempt counts: a request retried after 421 is two requests.
import type { EndpointExchange, EndpointOutcome } from './client';
import type { SandboxState } from './state';

/** The error kind an outcome is counted under (the names of the Postman "Get Flow Metrics" example and our own). */
export function errorKindOf(outcome: EndpointOutcome): string | undefined {
	switch (outcome.kind) {
		case 'ok':
			return undefined;
		case 'timeout':
			return 'timeout_error';
		case 'network-error':
			return 'connection_error';
		case 'empty-body':
		case 'undecryptable':
			return 'decryption_error';
		case 'bad-shape':
			return 'invalid_response';
		default:
			return 'unexpected_http_status_code';
	}
}

export function recordEndpointTraffic(state: SandboxState, flowId: string, exchange: EndpointExchange): void {
	exchange.attempts.forEach((attempt, i) => {
		const last = i === exchange.attempts.length - 1;
		// Attempts before the last one got 421 (the client's only retry).
		const errorKind = last ? errorKindOf(exchange.outcome) : 'unexpected_http_status_code';
		state.flows.recordEndpointRequest(flowId, { ok: errorKind === undefined, latencyMs: attempt.ms, errorKind, at: exchange.at.toISOString() });
	});
}
