import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { graphClientFor } from '../shared/n8n/graph-context';
import { OTP_CREDENTIAL } from './otp-context';

const show = (operation: string[]) => ({ show: { resource: ['businessNumber'], operation } });

export const BUSINESS_NUMBER_OPERATIONS: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['businessNumber'] } },
	options: [
		{ name: 'Confirm Code', value: 'confirmCode', action: 'Confirm the number s verification code', description: 'Verify the number with the code Meta sent by SMS or voice' },
		{ name: 'Register', value: 'register', action: 'Register the number with the cloud api', description: 'Register with the two-step PIN of the OTP credential' },
		{ name: 'Request Code', value: 'requestCode', action: 'Request a verification code for the number', description: 'Meta sends a code to the business number by SMS or voice' },
		{ name: 'Set Two-Step PIN', value: 'setTwoStepPin', action: 'Set the number s two step PIN', description: 'Set the two-step verification PIN from the OTP credential' },
	],
	default: 'requestCode',
};

export const BUSINESS_NUMBER_FIELDS: INodeProperties[] = [
	{
		displayName: 'The business number is the one of the WhatsApp Cloud API credential. The PIN is read from the WhatsApp OTP Secret credential and never appears in parameters or outputs.',
		name: 'businessNumberNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['businessNumber'] } },
	},
	{
		displayName: 'Code Method',
		name: 'codeMethod',
		type: 'options',
		options: [
			{ name: 'SMS', value: 'SMS' },
			{ name: 'Voice Call', value: 'VOICE' },
		],
		default: 'SMS',
		displayOptions: show(['requestCode']),
	},
	{ displayName: 'Language', name: 'language', type: 'string', default: 'en_US', displayOptions: show(['requestCode']), description: 'Language of the SMS or call, e.g. en_US' },
	{
		displayName: 'Verification Code',
		name: 'numberCode',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: show(['confirmCode']),
		description: 'The code Meta sent to the business number',
	},
	{
		displayName: 'Data Localization Region',
		name: 'dataLocalizationRegion',
		type: 'string',
		default: '',
		placeholder: 'DE',
		displayOptions: show(['register']),
		description: 'Optional: the country (ISO 3166 alpha-2) where Meta stores message data at rest (cloud-api/overview/local-storage)',
	},
];

/** The two-step PIN of the OTP credential: exactly 6 digits (cloud-api/reference/registration). Never echoed. */
async function credentialPin(context: IExecuteFunctions): Promise<string> {
	const pin = String((await context.getCredentials(OTP_CREDENTIAL)).pin ?? '');
	if (!/^[0-9]{6}$/.test(pin)) throw new NodeOperationError(context.getNode(), 'The WhatsApp OTP Secret credential needs a Business Number PIN of exactly 6 digits');
	return pin;
}

/**
 * Registration of the credential's business number (cloud-api/reference/registration, cloud-api/reference/phone-numbers):
 * POST /{phone-number-id}/request_code, /verify_code, /register, and POST /{phone-number-id} {pin} for two-step
 * verification. Register counts towards Meta's 10 calls per 72 hours (133016), so nothing is sent twice.
 */
export async function runBusinessNumberOperation(context: IExecuteFunctions, operation: string, itemIndex: number): Promise<IDataObject> {
	const { client, credential } = await graphClientFor(context);
	const post = async (path: string, body: IDataObject) =>
		await client.request<{ success?: boolean }>({ method: 'POST', path, body: { kind: 'json', value: body }, kind: 'send' });
	const id = credential.phoneNumberId;
	let answer: { success?: boolean };
	if (operation === 'requestCode') {
		answer = await post(`${id}/request_code`, { code_method: context.getNodeParameter('codeMethod', itemIndex) as string, language: context.getNodeParameter('language', itemIndex) as string });
	} else if (operation === 'confirmCode') {
		answer = await post(`${id}/verify_code`, { code: String(context.getNodeParameter('numberCode', itemIndex)).trim() });
	} else if (operation === 'register') {
		const region = String(context.getNodeParameter('dataLocalizationRegion', itemIndex, '')).trim().toUpperCase();
		answer = await post(`${id}/register`, { messaging_product: 'whatsapp', pin: await credentialPin(context), ...(region ? { data_localization_region: region } : {}) });
	} else if (operation === 'setTwoStepPin') {
		answer = await post(id, { pin: await credentialPin(context) });
	} else throw new NodeOperationError(context.getNode(), `The operation "${operation}" is not supported`, { itemIndex });
	return { success: answer.success === true || String(answer.success) === 'true', operation, phone_number_id: id };
}
