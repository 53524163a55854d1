import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * The Flow picker every resource uses: a searchable list of the WABA's Flows (`listSearch.searchFlows`), or an ID.
 * Meta's Flow IDs are numeric strings.
 */
export function flowIdLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Flow',
		name: 'flowId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Flow, from the WhatsApp Business Account of the credential',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchFlows', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1234567890123456',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A Flow ID is a number' } }],
			},
		],
		...overrides,
	};
}

/** The Flow ID a locator parameter holds, whichever mode it was given in. */
export function readFlowId(context: IExecuteFunctions, itemIndex: number, name = 'flowId'): string {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const id = (typeof value === 'string' || typeof value === 'number' ? String(value) : '').trim();
	if (id === '') throw new Error('Flow: choose a Flow from the list or enter its ID.');
	if (!/^\d+$/.test(id)) throw new Error(`Flow: "${id}" is not a Flow ID (Flow IDs are numbers).`);
	return id;
}
