import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { listAllFlows, listFlowsPage, type FlowNode } from '../../shared/flows/flows-api';
import { graphClientFor } from '../../shared/n8n/graph-context';

const PAGE_SIZE = 50;
/** Meta's Flow list has no name filter, so a search reads the list itself; this bounds it. */
const SEARCH_LIMIT = 2000;

function flowItem(flow: FlowNode): INodeListSearchItems {
	return { name: flow.status ? `${flow.name ?? flow.id} (${flow.status})` : (flow.name ?? flow.id), value: flow.id };
}

/** Flows of the credential's WABA for the Flow picker: a page at a time, or those whose name or ID contain the filter. */
export async function searchFlows(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { client, credential } = await graphClientFor(this);
	const needle = (filter ?? '').trim().toLowerCase();
	if (needle === '') {
		const page = await listFlowsPage(client, credential.wabaId, { limit: PAGE_SIZE, after: paginationToken, fields: ['id', 'name', 'status'] });
		return { results: page.flows.map(flowItem), ...(page.nextCursor ? { paginationToken: page.nextCursor } : {}) };
	}
	const flows = await listAllFlows(client, credential.wabaId, { limit: SEARCH_LIMIT, fields: ['id', 'name', 'status'] });
	const matches = flows.filter((flow) => (flow.name ?? '').toLowerCase().includes(needle) || flow.id === needle);
	return { results: matches.map(flowItem) };
}
