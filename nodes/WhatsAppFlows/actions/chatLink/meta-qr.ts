import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { downloadFile } from '../../../shared/n8n/binary-download';
import { ItemWithBinary } from '../types';

/**
 * Meta's hosted QR codes and short links (business-management-api/qr-codes): POST/GET/DELETE
 * /{phone-number-id}/message_qrdls. The prefilled message holds at most 140 characters (WhatsApp Manager's limit).
 */
export const PREFILLED_MESSAGE_MAX = 140;

export interface MetaQrCode extends IDataObject {
	code: string;
	prefilled_message: string;
	deep_link_url: string;
	qr_image_url?: string;
}

export const codeField: INodeProperties = {
	displayName: 'QR Code ID',
	name: 'code',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'ANED2T5QRU7HG1',
	description: 'The code Meta gave the QR code (also the end of its wa.me/message/ link)',
};

export function prefilledMessageField(required: boolean): INodeProperties {
	return {
		displayName: 'Prefilled Message',
		name: 'prefilledMessage',
		type: 'string',
		default: '',
		required,
		description: `Text put in the user's message box when they scan the code; at most ${PREFILLED_MESSAGE_MAX} characters`,
	};
}

export const imageFields: INodeProperties[] = [
	{
		displayName: 'Image',
		name: 'imageFormat',
		type: 'options',
		options: [
			{ name: 'None', value: 'none' },
			{ name: 'PNG', value: 'PNG' },
			{ name: 'SVG', value: 'SVG' },
		],
		default: 'PNG',
		description: "Whether Meta should make an image of the code, and in which format",
	},
	{
		displayName: 'Download Image',
		name: 'downloadImage',
		type: 'boolean',
		default: true,
		displayOptions: { show: { imageFormat: ['PNG', 'SVG'] } },
		description: "Whether to put the image in a binary field (Meta's image link expires; keep the file)",
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		displayOptions: { show: { imageFormat: ['PNG', 'SVG'], downloadImage: [true] } },
	},
];

export function checkedPrefilledMessage(value: string): string {
	if (value === '') throw new Error('Prefilled Message is empty: Meta needs the text for the QR code.');
	if ([...value].length > PREFILLED_MESSAGE_MAX) throw new Error(`Prefilled Message has ${[...value].length} characters; Meta allows at most ${PREFILLED_MESSAGE_MAX}.`);
	return value;
}

export function qrCodeId(value: unknown): string {
	const code = String(value ?? '').trim();
	if (!/^[A-Za-z0-9]+$/.test(code)) throw new Error(`QR Code ID must be Meta's code, letters and digits (got "${code}").`);
	return code;
}

/** The QR code as JSON, with its image in a binary field when asked for (the image link is a public CDN URL). */
export async function withImage(context: IExecuteFunctions, itemIndex: number, qr: MetaQrCode): Promise<MetaQrCode | ItemWithBinary> {
	const format = context.getNodeParameter('imageFormat', itemIndex, 'none') as string;
	if (format === 'none' || !qr.qr_image_url || !(context.getNodeParameter('downloadImage', itemIndex, true) as boolean)) return qr;
	const property = (context.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string).trim() || 'data';
	const file = await downloadFile(context, qr.qr_image_url);
	const mimeType = format === 'SVG' ? 'image/svg+xml' : 'image/png';
	const binary = await context.helpers.prepareBinaryData(file.data, `${qr.code}.${format.toLowerCase()}`, mimeType);
	return new ItemWithBinary(qr, { [property]: binary });
}
