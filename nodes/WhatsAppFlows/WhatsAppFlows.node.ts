import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { toNodeError } from '../shared/n8n/node-errors';
import { createToken } from './actions/flowToken/create.operation';
import { verifyToken } from './actions/flowToken/verify.operation';
import { sendText } from './actions/message/sendText.operation';
import { getPhoneNumber } from './actions/phoneNumber/get.operation';
import type { OperationModule } from './actions/types';
import { testCloudApi, testPrivateKey, testStateStore } from './methods/credentialTest';

const OPERATIONS: Record<string, Record<string, OperationModule>> = {
	phoneNumber: { get: getPhoneNumber },
	message: { sendText },
	flowToken: { create: createToken, verify: verifyToken },
};

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
			{
				name: 'whatsAppFlowsCloudApi',
				required: true,
				testedBy: 'testCloudApi',
				displayOptions: { show: { resource: ['phoneNumber', 'message'] } },
			},
			{
				name: 'whatsAppFlowsAppApi',
				required: true,
				displayOptions: { show: { resource: ['flowToken'] } },
			},
			{
				name: 'whatsAppFlowsPrivateKeyApi',
				required: true,
				testedBy: 'testPrivateKey',
				displayOptions: { show: { resource: ['encryptionKey'] } },
			},
			{
				name: 'whatsAppFlowsStateApi',
				required: true,
				testedBy: 'testStateStore',
				displayOptions: { show: { resource: ['sharedState'] } },
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Flow Token', value: 'flowToken' },
					{ name: 'Message', value: 'message' },
					{ name: 'Phone Number', value: 'phoneNumber' },
				],
				default: 'message',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['message'] } },
				options: [{ name: 'Send Text', value: 'sendText', action: 'Send a text message' }],
				default: 'sendText',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['phoneNumber'] } },
				options: [{ name: 'Get', value: 'get', action: 'Get a phone number' }],
				default: 'get',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['flowToken'] } },
				options: [
					{ name: 'Create', value: 'create', action: 'Create a signed flow token' },
					{ name: 'Verify', value: 'verify', action: 'Verify a flow token' },
				],
				default: 'create',
			},
			...Object.values(OPERATIONS).flatMap((operations) => Object.values(operations).flatMap((op) => op.description)),
		],
	};

	methods = {
		credentialTest: { testCloudApi, testPrivateKey, testStateStore },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const module = OPERATIONS[resource]?.[operation];
			try {
				if (!module) throw new Error(`The operation "${operation}" of "${resource}" is not supported`);
				const json = await module.execute.call(this, itemIndex);
				returnData.push({ json, pairedItem: { item: itemIndex } });
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
