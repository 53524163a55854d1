import type { ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';
import { graphClientFor } from '../../shared/n8n/graph-context';

interface TemplateSummary {
	id: string;
	name: string;
	language: string;
	status: string;
	category: string;
}

const PAGE_SIZE = 50;

/**
 * Message templates of the credential's WABA for pickers (GET /{waba-id}/message_templates, paged with Graph
 * cursors; business-management-api/message-templates). The value is the template id; the filter matches the name.
 */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const { client, credential } = await graphClientFor(this);
	const page = await client.request<{ data?: TemplateSummary[]; paging?: { cursors?: { after?: string }; next?: string } }>({
		method: 'GET',
		path: `${credential.wabaId}/message_templates`,
		query: { fields: 'id,name,language,status,category', limit: PAGE_SIZE, after: paginationToken || undefined },
	});
	const needle = (filter ?? '').trim().toLowerCase();
	const results = (page.data ?? [])
		.filter((t) => needle === '' || t.name.toLowerCase().includes(needle))
		.map((t) => ({ name: `${t.name} (${t.language}, ${t.status.toLowerCase()})`, value: t.id }));
	const next = page.paging?.next ? page.paging.cursors?.after : undefined;
	return next ? { results, paginationToken: next } : { results };
}

/** A template picker for any operation: from the list, or by id. Read it with `extractValue: true`. */
export function templateLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchTemplates', searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1234567890123456',
				validation: [{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: 'A template ID is a number' } }],
			},
		],
		...overrides,
	};
}
