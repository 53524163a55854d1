import type { IExecuteFunctions } from 'n8n-workflow';
import { encodeQr, qrPng, qrSvg, type ErrorCorrectionLevel } from '../../../shared/qr';
import { ItemWithBinary, showFor, type OperationModule } from '../types';
import { chatLinkFrom, linkFields } from './link-fields';

interface QrFieldOptions {
	errorCorrection?: ErrorCorrectionLevel;
	scale?: number;
	margin?: number;
	darkColor?: string;
	lightColor?: string;
	fileName?: string;
}

export const createQrCode: OperationModule = {
	name: 'Create QR Code',
	action: 'Create a QR code image',
	description: showFor('chatLink', 'createQrCode', [
		{
			displayName: 'Encode',
			name: 'content',
			type: 'options',
			options: [
				{ name: 'WhatsApp Chat Link', value: 'chatLink', description: 'A wa.me link to a number, with prefilled text' },
				{ name: 'Any Text or URL', value: 'text', description: 'E.g. a Meta short link\'s deep_link_url.' },
			],
			default: 'chatLink',
		},
		...linkFields({ content: ['chatLink'] }),
		{ displayName: 'Text', name: 'text', type: 'string', default: '', required: true, displayOptions: { show: { content: ['text'] } } },
		{
			displayName: 'Image Format',
			name: 'format',
			type: 'options',
			options: [
				{ name: 'PNG', value: 'png' },
				{ name: 'SVG', value: 'svg' },
			],
			default: 'png',
		},
		{ displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{ displayName: 'Dark Color', name: 'darkColor', type: 'color', default: '#000000' },
				{
					displayName: 'Error Correction',
					name: 'errorCorrection',
					type: 'options',
					options: [
						{ name: 'L (7 %)', value: 'L' },
						{ name: 'M (15 %)', value: 'M' },
						{ name: 'Q (25 %)', value: 'Q' },
						{ name: 'H (30 %, for Logos or Rough Print)', value: 'H' },
					],
					default: 'M',
					description: 'How much of the code may be damaged or covered and still read; higher levels make bigger codes',
				},
				{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'Defaults to whatsapp-qr.png or .svg' },
				{ displayName: 'Light Color', name: 'lightColor', type: 'color', default: '#ffffff' },
				{ displayName: 'Quiet Zone (Modules)', name: 'margin', type: 'number', typeOptions: { minValue: 0, maxValue: 40 }, default: 4 },
				{ displayName: 'Scale (Pixels per Module)', name: 'scale', type: 'number', typeOptions: { minValue: 1, maxValue: 100 }, default: 8 },
			],
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const content = this.getNodeParameter('content', itemIndex, 'chatLink') as string;
		const format = this.getNodeParameter('format', itemIndex, 'png') as 'png' | 'svg';
		const property = (this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string).trim() || 'data';
		const options = this.getNodeParameter('options', itemIndex, {}) as QrFieldOptions;
		const json: Record<string, string | number | null> = {};
		let text: string;
		if (content === 'text') {
			text = this.getNodeParameter('text', itemIndex) as string;
			if (text === '') throw new Error('Text is empty: give the text or URL to encode.');
		} else {
			const link = await chatLinkFrom(this, itemIndex);
			Object.assign(json, link);
			text = link.link;
		}
		const code = encodeQr(text, { errorCorrection: options.errorCorrection ?? 'M' });
		const render = { scale: options.scale, margin: options.margin, darkColor: options.darkColor, lightColor: options.lightColor };
		const data = format === 'svg' ? Buffer.from(qrSvg(code, render), 'utf8') : Buffer.from(qrPng(code, render));
		const fileName = options.fileName || `whatsapp-qr.${format}`;
		const binary = await this.helpers.prepareBinaryData(data, fileName, format === 'svg' ? 'image/svg+xml' : 'image/png');
		Object.assign(json, { encoded: text, format, version: code.version, errorCorrection: code.errorCorrection, modules: code.size, fileName });
		return new ItemWithBinary(json, { [property]: binary });
	},
};
