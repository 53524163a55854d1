import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { toNodeError } from '../shared/n8n/node-errors';
import { cancelVerification, checkCode, checkInboundMessage, type VerificationView } from '../shared/otp';
import { normalizeWaId } from '../shared/messages/recipient';
import { testCloudApi, testStateStore } from '../WhatsAppFlows/methods/credentialTest';
import { searchTemplates } from '../WhatsAppFlows/methods/templateSearch';
import { testOtpSecret } from './credential-test';
import { OTP_FIELDS, OTP_OPERATIONS } from './fields';
import { BUSINESS_NUMBER_FIELDS, BUSINESS_NUMBER_OPERATIONS, runBusinessNumberOperation } from './business-number';
import { businessNumberReader, createVerificationLink } from './link';
import { otpContextFor } from './otp-context';
import { resendCode, sendCode, templateReader } from './send';

/** Operations with two outputs: approved, and everything else. */
const DECIDING = ['verifyCode', 'checkInbound'];

export class WhatsAppOtp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp OTP',
		name: 'whatsAppOtp',
		icon: { light: 'file:../../icons/whatsapp-flows.svg', dark: 'file:../../icons/whatsapp-flows.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Verify WhatsApp numbers with one-time codes sent as authentication templates',
		defaults: { name: 'WhatsApp OTP' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ ${JSON.stringify(DECIDING)}.includes($parameter.operation) ? [{ type: "main", displayName: "Approved" }, { type: "main", displayName: "Not Approved" }] : [{ type: "main" }] }}`,
		credentials: [
			{ name: 'whatsAppOtpApi', required: true, testedBy: 'testOtpSecret' },
			{ name: 'whatsAppFlowsCloudApi', required: true, testedBy: 'testCloudApi', displayOptions: { show: { operation: ['sendCode', 'resendCode', 'createLink', 'requestCode', 'confirmCode', 'register', 'setTwoStepPin'] } } },
			{ name: 'whatsAppFlowsStateApi', required: true, testedBy: 'testStateStore', displayOptions: { show: { resource: ['verification'], stateStore: ['dataTable'] } } },
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Verification', value: 'verification' },
					{ name: 'Business Number', value: 'businessNumber' },
				],
				default: 'verification',
			},
			OTP_OPERATIONS,
			BUSINESS_NUMBER_OPERATIONS,
			...OTP_FIELDS,
			...BUSINESS_NUMBER_FIELDS,
		],
	};

	methods = {
		credentialTest: { testCloudApi, testOtpSecret, testStateStore },
		listSearch: { searchTemplates },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const operation = this.getNodeParameter('operation', 0) as string;
		if (this.getNodeParameter('resource', 0) === 'businessNumber') return [await runBusinessNumberItems(this, items, operation)];
		const approved: INodeExecutionData[] = [];
		const other: INodeExecutionData[] = [];
		const otp = await otpContextFor(this);
		const readTemplate = templateReader(this);
		const businessNumber = businessNumberReader(this);
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				let view: VerificationView;
				if (operation === 'createLink') {
					const link = await createVerificationLink(this, otp, itemIndex, businessNumber);
					const binary = link.qrPng ? { qr: await this.helpers.prepareBinaryData(Buffer.from(link.qrPng), 'verification-link.png', 'image/png') } : undefined;
					approved.push({ json: link.json as unknown as IDataObject, ...(binary ? { binary } : {}), pairedItem: { item: itemIndex } });
					continue;
				}
				if (operation === 'checkInbound') {
					const sender = normalizeWaId(this.getNodeParameter('senderWaId', itemIndex), { field: 'Sender WhatsApp ID' });
					view = await checkInboundMessage(otp, String(this.getNodeParameter('messageText', itemIndex) ?? ''), sender);
				} else if (operation === 'sendCode') view = await sendCode(this, otp, itemIndex, readTemplate);
				else if (operation === 'resendCode') view = await resendCode(this, otp, itemIndex, readTemplate);
				else if (operation === 'verifyCode') {
					const id = String(this.getNodeParameter('verificationId', itemIndex)).trim();
					view = await checkCode(otp, id, String(this.getNodeParameter('code', itemIndex) ?? ''));
				} else if (operation === 'cancel') view = await cancelVerification(otp, String(this.getNodeParameter('verificationId', itemIndex)).trim());
				else throw new Error(`The operation "${operation}" is not supported`);
				(view.status === 'approved' || !DECIDING.includes(operation) ? approved : other).push({ json: view as unknown as IDataObject, pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				(DECIDING.includes(operation) ? other : approved).push({
					json: { status: 'error', error: nodeError.message, description: nodeError.description ?? null },
					pairedItem: { item: itemIndex },
				});
			}
		}
		return DECIDING.includes(operation) ? [approved, other] : [approved];
	}
}



async function runBusinessNumberItems(context: IExecuteFunctions, items: INodeExecutionData[], operation: string): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push({ json: await runBusinessNumberOperation(context, operation, itemIndex), pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(context.getNode(), error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			output.push({ json: { status: 'error', error: nodeError.message, description: nodeError.description ?? null }, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
