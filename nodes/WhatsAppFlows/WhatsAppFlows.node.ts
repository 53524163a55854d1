import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeCredentialDescription,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { toNodeError } from '../shared/n8n/node-errors';
import { RESOURCES } from './actions/resources';
import { ItemWithBinary, type OperationModule } from './actions/types';
import { testCloudApi, testPrivateKey, testStateStore } from './methods/credentialTest';

const OPERATIONS: Record<string, Record<string, OperationModule>> = Object.fromEntries(
	RESOURCES.map((resource) => [resource.value, resource.operations]),
);

/**
 * Each credential is shown for the resources that use it (and, when some operations use it only optionally, for
 * those operations, and then not required). A credential no resource uses yet stays declared (shown for a resource
 * that does not exist) so that n8n finds its test through `testedBy`. n8n reads one entry per credential name.
 * Names and tests stay literal in the description: the community-node linter reads them from the source.
 */
function credentialShownFor(name: string): Pick<INodeCredentialDescription, 'required' | 'displayOptions'> {
	const resources = RESOURCES.filter((resource) => resource.credentials.includes(name));
	const optional = RESOURCES.filter((resource) => resource.optionalCredentials?.[name] !== undefined);
	const show: Record<string, string[]> = {
		resource: resources.length + optional.length > 0 ? [...resources, ...optional].map((resource) => resource.value) : [`${name}Test`],
	};
	if (optional.length > 0) {
		show.operation = [
			...resources.flatMap((resource) => Object.keys(resource.operations)),
			...optional.flatMap((resource) => resource.optionalCredentials?.[name] ?? []),
		];
	}
	return { required: optional.length === 0, displayOptions: { show } };
}

export class WhatsAppFlows implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Flows',
		name: 'whatsAppFlows',
		icon: { light: 'file:../../icons/whatsapp-flows.svg', dark: 'file:../../icons/whatsapp-flows.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'WhatsApp Cloud API and WhatsApp Flows: messages, phone numbers and signed flow tokens',
		defaults: { name: 'WhatsApp Flows' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'whatsAppFlowsCloudApi', testedBy: 'testCloudApi', ...credentialShownFor('whatsAppFlowsCloudApi') },
			{ name: 'whatsAppFlowsAppApi', ...credentialShownFor('whatsAppFlowsAppApi') },
			{ name: 'whatsAppFlowsPrivateKeyApi', testedBy: 'testPrivateKey', ...credentialShownFor('whatsAppFlowsPrivateKeyApi') },
			{ name: 'whatsAppFlowsStateApi', testedBy: 'testStateStore', ...credentialShownFor('whatsAppFlowsStateApi') },
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES.map((resource) => ({ name: resource.name, value: resource.value })),
				default: 'message',
			},
			...RESOURCES.map(
				// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is each resource's own
				(resource): INodeProperties => ({
					displayName: 'Operation',
					name: 'operation',
					type: 'options',
					noDataExpression: true,
					displayOptions: { show: { resource: [resource.value] } },
					options: Object.entries(resource.operations).map(([value, operation]) => ({ name: operation.name, value, action: operation.action })),
					default: resource.defaultOperation,
				}),
			),
			...Object.values(OPERATIONS).flatMap((operations) => Object.values(operations).flatMap((op) => op.description)),
		],
	};

	methods = {
		credentialTest: { testCloudApi, testPrivateKey, testStateStore },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const batch = batchOperation(this, items);
		if (batch) return [await batch.executeAll.call(this, items)];
		const returnData: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const module = OPERATIONS[resource]?.[operation];
			try {
				if (!module?.execute) throw new Error(`The operation "${operation}" of "${resource}" is not supported`);
				const result = await module.execute.call(this, itemIndex);
				returnData.push(
					result instanceof ItemWithBinary
						? { json: result.json, binary: result.binary, pairedItem: { item: itemIndex } }
						: { json: result, pairedItem: { item: itemIndex } },
				);
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, itemIndex);
				if (this.continueOnFail()) {
					returnData.push({ json: { error: nodeError.message, description: nodeError.description ?? null }, pairedItem: { item: itemIndex } });
					continue;
				}
				throw nodeError;
			}
		}
		return [returnData];
	}
}

/** The operation, when it runs all items at once (resource and operation cannot be expressions, so item 0 decides). */
function batchOperation(context: IExecuteFunctions, items: INodeExecutionData[]): Required<Pick<OperationModule, 'executeAll'>> | undefined {
	if (items.length === 0) return undefined;
	const module = OPERATIONS[context.getNodeParameter('resource', 0) as string]?.[context.getNodeParameter('operation', 0) as string];
	if (!module?.executeAll || module.runsAllItems?.call(context) === false) return undefined;
	return { executeAll: module.executeAll };
}
