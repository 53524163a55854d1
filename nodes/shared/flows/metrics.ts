// Endpoint metrics of a Flow: GET /{flow-id}?fields=metric.name(N).granularity(G).since(D).until(D).
// Meta: whatsapp/flows/reference/metrics_api (names, granularities, dates as YYYY-MM-DD; fewer than 250 endpoint
// requests answer 139006); Postman "Get Endpoint … Metric" for the answer's shape.
import type { GraphClient } from '../graph/graph-client';

export const FLOW_METRIC_NAMES = [
	'ENDPOINT_REQUEST_COUNT',
	'ENDPOINT_REQUEST_ERROR',
	'ENDPOINT_REQUEST_ERROR_RATE',
	'ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL',
	'ENDPOINT_AVAILABILITY',
] as const;
export type FlowMetricName = (typeof FLOW_METRIC_NAMES)[number];

export const FLOW_METRIC_GRANULARITIES = ['DAY', 'HOUR', 'LIFETIME'] as const;
export type FlowMetricGranularity = (typeof FLOW_METRIC_GRANULARITIES)[number];

export interface FlowMetricQuery {
	name: FlowMetricName;
	granularity: FlowMetricGranularity;
	/** YYYY-MM-DD */
	since?: string;
	/** YYYY-MM-DD */
	until?: string;
}

export interface FlowMetric {
	name?: string;
	granularity?: string;
	data_points?: Array<{ timestamp?: string; data?: Array<{ key?: string; value?: number }> }>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date as the metrics field wants it: YYYY-MM-DD (an ISO date-time is cut to its day). */
export function metricDate(value: string | undefined, field: string): string | undefined {
	const trimmed = (value ?? '').trim();
	if (trimmed === '') return undefined;
	const day = trimmed.slice(0, 10);
	if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
		throw new Error(`${field} must be a date like 2024-01-28 (got "${trimmed}").`);
	}
	return day;
}

export function metricField(query: FlowMetricQuery): string {
	if (!(FLOW_METRIC_NAMES as readonly string[]).includes(query.name)) {
		throw new Error(`Metric must be one of ${FLOW_METRIC_NAMES.join(', ')} (got "${query.name}").`);
	}
	if (!(FLOW_METRIC_GRANULARITIES as readonly string[]).includes(query.granularity)) {
		throw new Error(`Granularity must be one of ${FLOW_METRIC_GRANULARITIES.join(', ')} (got "${query.granularity}").`);
	}
	const since = metricDate(query.since, 'Since');
	const until = metricDate(query.until, 'Until');
	if (since && until && since > until) throw new Error(`Since (${since}) is after Until (${until}).`);
	return `metric.name(${query.name}).granularity(${query.granularity})${since ? `.since(${since})` : ''}${until ? `.until(${until})` : ''}`;
}

export async function getFlowMetric(client: GraphClient, flowId: string, query: FlowMetricQuery): Promise<FlowMetric> {
	const answer = await client.request<{ metric?: FlowMetric }>({ method: 'GET', path: flowId, query: { fields: metricField(query) } });
	return answer?.metric ?? {};
}
