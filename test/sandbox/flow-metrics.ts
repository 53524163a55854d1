// GET /{flow-id}?fields=metric.name(X).granularity(G).since(YYYY-MM-DD).until(YYYY-MM-DD): endpoint metrics computed
// from the endpoint requests the sandbox knows of (its publishing pings, the simulated client's requests, and any
// added with POST /__sandbox/flows/{id}/endpoint-requests). Shapes follow the Postman "Get Endpoint … Metric"
// examples; the rules follow flows/guides/metrics_api: fewer than 250 requests → an error ("not enough data",
// code 139006 per META-FACTS).
import { flowError, invalidParameterWithDetails, parameterNotOneOf } from './errors';
import type { EndpointRequestRecord, FlowRecord } from './flows';

export const METRIC_NAMES = [
	'ENDPOINT_REQUEST_COUNT',
	'ENDPOINT_REQUEST_ERROR',
	'ENDPOINT_REQUEST_ERROR_RATE',
	'ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL',
	'ENDPOINT_AVAILABILITY',
] as const;
export const METRIC_GRANULARITIES = ['DAY', 'HOUR', 'LIFETIME'] as const;
/** flows/guides/metrics_api: "if a flow generated fewer than 250 requests, an exception will be thrown". */
export const METRIC_MIN_REQUESTS = 250;

export interface MetricQuery {
	name: string;
	granularity: string;
	since?: string;
	until?: string;
}

/** Reads `metric.name(X).granularity(G)…` out of a fields value; null when the fields do not ask for a metric. */
export function parseMetricField(fields: unknown): MetricQuery | null {
	if (typeof fields !== 'string') return null;
	const match = /(?:^|,)\s*metric((?:\.[a-z_]+\([^)]*\))*)/.exec(fields);
	if (!match) return null;
	const args: Record<string, string> = {};
	for (const m of match[1].matchAll(/\.([a-z_]+)\(([^)]*)\)/g)) args[m[1]] = m[2].trim();
	for (const key of Object.keys(args)) {
		if (!['name', 'granularity', 'since', 'until'].includes(key)) throw invalidParameterWithDetails(`Unknown metric parameter: ${key}`);
	}
	if (args.name === undefined) throw invalidParameterWithDetails('metric needs name(…)');
	if (args.granularity === undefined) throw invalidParameterWithDetails('metric needs granularity(…)');
	if (!(METRIC_NAMES as readonly string[]).includes(args.name)) throw parameterNotOneOf('metric.name', METRIC_NAMES, args.name);
	if (!(METRIC_GRANULARITIES as readonly string[]).includes(args.granularity)) {
		throw parameterNotOneOf('metric.granularity', METRIC_GRANULARITIES, args.granularity);
	}
	for (const key of ['since', 'until'] as const) {
		if (args[key] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(args[key])) {
			throw invalidParameterWithDetails(`metric.${key} must be a date YYYY-MM-DD, got "${args[key]}"`);
		}
	}
	return { name: args.name, granularity: args.granularity, since: args.since, until: args.until };
}

function bucketStart(at: string, granularity: string): string {
	const d = new Date(at);
	if (granularity === 'HOUR') d.setUTCMinutes(0, 0, 0);
	else d.setUTCHours(0, 0, 0, 0);
	return d.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

function count(records: EndpointRequestRecord[], key: (r: EndpointRequestRecord) => string | null): { key: string; value: number }[] {
	const counts = new Map<string, number>();
	for (const r of records) {
		const k = key(r);
		if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
	}
	return [...counts.entries()].map(([k, value]) => ({ key: k, value }));
}

function dataFor(name: string, records: EndpointRequestRecord[]): { key: string; value: number }[] {
	switch (name) {
		case 'ENDPOINT_REQUEST_COUNT':
			return [{ key: 'value', value: records.length }];
		case 'ENDPOINT_REQUEST_ERROR':
			return count(records, (r) => (r.ok ? null : (r.errorKind ?? 'unexpected_http_status_code')));
		case 'ENDPOINT_REQUEST_ERROR_RATE':
			return [{ key: 'value', value: records.length === 0 ? 0 : records.filter((r) => !r.ok).length / records.length }];
		case 'ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL':
			return count(records, (r) => String(Math.max(1, Math.ceil(r.latencyMs / 1000))));
		default:
			return [
				{ key: 'succeeded', value: records.filter((r) => r.ok).length },
				{ key: 'failed', value: records.filter((r) => !r.ok).length },
			];
	}
}

export function flowMetric(flow: FlowRecord, query: MetricQuery): Record<string, unknown> {
	if (flow.endpointRequests.length < METRIC_MIN_REQUESTS) {
		throw flowError(
			139006,
			'Not enough data',
			`The Flow has ${flow.endpointRequests.length} endpoint requests; metrics need at least ${METRIC_MIN_REQUESTS}.`,
		);
	}
	const since = query.since === undefined ? -Infinity : Date.parse(`${query.since}T00:00:00Z`);
	const until = query.until === undefined ? Infinity : Date.parse(`${query.until}T00:00:00Z`);
	const inRange = flow.endpointRequests.filter((r) => {
		const t = Date.parse(r.at);
		return t >= since && t < until;
	});
	const buckets = new Map<string, EndpointRequestRecord[]>();
	for (const r of inRange) {
		const key = query.granularity === 'LIFETIME' ? bucketStart(inRange[0].at, 'DAY') : bucketStart(r.at, query.granularity);
		buckets.set(key, [...(buckets.get(key) ?? []), r]);
	}
	const dataPoints = [...buckets.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([timestamp, records]) => ({ timestamp, data: dataFor(query.name, records) }));
	return { granularity: query.granularity, name: query.name, data_points: dataPoints };
}
