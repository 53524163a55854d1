import type { IExecuteFunctions } from 'n8n-workflow';
import {
	FLOW_METRIC_GRANULARITIES,
	FLOW_METRIC_NAMES,
	getFlowMetric,
	type FlowMetricGranularity,
	type FlowMetricName,
} from '../../../shared/flows/metrics';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { flowIdLocator, readFlowId } from '../../methods/flowLocator';
import { showFor, type OperationModule } from '../types';

function title(value: string): string {
	return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** Meta: flows/reference/metrics_api — endpoint metrics; fewer than 250 endpoint requests answer 139006. */
export const flowMetricsOperation: OperationModule = {
	name: 'Get Metrics',
	action: 'Get the endpoint metrics of a flow',
	description: showFor('flow', 'metrics', [
		flowIdLocator(),
		{
			displayName: 'Metric',
			name: 'metric',
			type: 'options',
			options: FLOW_METRIC_NAMES.map((value) => ({ name: title(value), value })),
			default: 'ENDPOINT_REQUEST_COUNT',
		},
		{
			displayName: 'Granularity',
			name: 'granularity',
			type: 'options',
			options: FLOW_METRIC_GRANULARITIES.map((value) => ({ name: title(value), value })),
			default: 'DAY',
		},
		{
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			default: '',
			description: 'First day (inclusive); empty: as far back as Meta keeps',
		},
		{
			displayName: 'Until',
			name: 'until',
			type: 'dateTime',
			default: '',
			description: 'Last day; empty: today',
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const flowId = readFlowId(this, itemIndex);
		const { client } = await graphClientFor(this);
		const metric = await getFlowMetric(client, flowId, {
			name: this.getNodeParameter('metric', itemIndex) as FlowMetricName,
			granularity: this.getNodeParameter('granularity', itemIndex) as FlowMetricGranularity,
			since: (this.getNodeParameter('since', itemIndex, '') as string) || undefined,
			until: (this.getNodeParameter('until', itemIndex, '') as string) || undefined,
		});
		return { flowId, name: metric.name ?? null, granularity: metric.granularity ?? null, dataPoints: metric.data_points ?? [] };
	},
};
