import type { INodeProperties } from 'n8n-workflow';

/** How the `flow_token` of a flow message or a template's FLOW button is made. */
export type FlowTokenMode = 'signed' | 'custom' | 'none';

export const FLOW_TOKEN_MODE_OPTIONS = [
	{
		name: 'Custom',
		value: 'custom',
		description: 'A token of your own; your endpoint must recognise it',
	},
	{
		name: 'None',
		value: 'none',
		description: 'No token: Meta sends "unused" to the endpoint',
	},
	{
		name: 'Signed (Recommended)',
		value: 'signed',
		description:
			'Binds recipient, flow, record ID and A/B variant, signed with the WhatsApp Meta App credential\'s flow token secret, so the endpoint and the completion can be trusted',
	},
];

/** A week: people open campaign messages days after they arrive. */
export const DEFAULT_TOKEN_TTL_HOURS = 168;

export const tokenValidityOption: INodeProperties = {
	displayName: 'Token Valid For (Hours)',
	name: 'tokenTtlHours',
	type: 'number',
	typeOptions: { minValue: 0.01 },
	default: DEFAULT_TOKEN_TTL_HOURS,
	description: 'How long a signed flow token stays valid; after it the endpoint answers 427 and WhatsApp disables the flow',
};

export const recordIdOption: INodeProperties = {
	displayName: 'Record ID',
	name: 'recordId',
	type: 'string',
	default: '',
	description: 'Your own ID for this send (CRM record, sheet row), carried inside the signed flow token; at most 64 characters',
};
