import type { INodeProperties } from 'n8n-workflow';
import { FLOW_CATEGORIES } from '../../../shared/flows/categories';

function title(value: string): string {
	return value
		.toLowerCase()
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

export function categoriesProperty(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Categories',
		name: 'categories',
		type: 'multiOptions',
		options: FLOW_CATEGORIES.map((value) => ({ name: title(value), value })),
		default: ['OTHER'],
		description: 'What the Flow is for; Meta requires at least one',
		...overrides,
	};
}

/**
 * Where the Flow JSON comes from: the JSON parameter (which also takes an expression that returns an object or
 * text), or a binary file of the input item. `optional` adds "None" (create a Flow without JSON).
 */
export function flowJsonProperties(optional: boolean): INodeProperties[] {
	return [
		{
			displayName: 'Flow JSON Source',
			name: 'flowJsonSource',
			type: 'options',
			noDataExpression: true,
			options: [
				...(optional ? [{ name: 'None', value: 'none', description: 'Create the Flow without Flow JSON; upload it later' }] : []),
				{ name: 'JSON Parameter', value: 'json', description: 'Typed or pasted here, or an expression' },
				{ name: 'Binary File', value: 'binary', description: 'A flow.JSON file of the input item' },
			],
			default: 'json',
		},
		{
			displayName: 'Flow JSON',
			name: 'flowJson',
			type: 'json',
			default: '',
			required: true,
			typeOptions: { rows: 10 },
			displayOptions: { show: { flowJsonSource: ['json'] } },
			description: 'The Flow JSON (version, screens…). An expression may return an object or text.',
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { flowJsonSource: ['binary'] } },
			description: 'The binary field of the input item that holds the flow.JSON file',
		},
	];
}

export const LOCAL_VALIDATION_OPTION: INodeProperties = {
	displayName: 'Validate Locally Before Upload',
	name: 'localValidation',
	type: 'boolean',
	default: true,
	description: 'Whether to check the Flow JSON against the Flow JSON rules before sending it to Meta, and stop on errors',
};

export const FAIL_ON_META_ERRORS_OPTION: INodeProperties = {
	displayName: 'Fail on Meta Validation Errors',
	name: 'failOnValidationErrors',
	type: 'boolean',
	default: true,
	description:
		'Whether to stop with an error when Meta reports validation errors in the uploaded Flow JSON (Meta still saves it, as a draft that cannot be published); off: output them',
};

export const ENDPOINT_URI_PROPERTY: INodeProperties = {
	displayName: 'Endpoint URI',
	name: 'endpointUri',
	type: 'string',
	default: '',
	placeholder: 'https://example.com/webhook/flow-endpoint',
	description: 'The HTTPS URL of the Flow\'s data-exchange endpoint (e.g. a WhatsApp Flow Endpoint trigger\'s production URL)',
};

/** The name a Flow is created (or found, by Deploy) under. */
export function flowNameProperty(description: string): INodeProperties {
	return { displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description };
}

/** The "Options" collection of an operation. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options };
}
