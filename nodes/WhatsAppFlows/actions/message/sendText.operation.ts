import type { IExecuteFunctions, IDataObject } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';

/** Meta: whatsapp/cloud-api/reference/messages — text.body is at most 4096 characters. */
const TEXT_BODY_MAX = 4096;

export const sendText: OperationModule = {
	name: 'Send Text',
	action: 'Send a text message',
	description: showFor('message', 'sendText', [
		{
			displayName: 'To',
			name: 'to',
			type: 'string',
			default: '',
			required: true,
			placeholder: '+15551234567',
			description: 'The recipient\'s WhatsApp number in international format',
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'Up to 4096 characters. Free-form text reaches a user only within 24 hours of their last message.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Link Preview',
					name: 'previewUrl',
					type: 'boolean',
					default: false,
					description: 'Whether to show a preview of the first URL in the text',
				},
				{
					displayName: 'Reply To Message ID',
					name: 'replyTo',
					type: 'string',
					default: '',
					description: 'A wamid to quote the message as a reply',
				},
			],
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const to = (this.getNodeParameter('to', itemIndex) as string).trim();
		const text = this.getNodeParameter('text', itemIndex) as string;
		const options = this.getNodeParameter('options', itemIndex, {}) as { previewUrl?: boolean; replyTo?: string };
		if (text.length === 0 || text.length > TEXT_BODY_MAX) {
			throw new Error(`Text must be 1–${TEXT_BODY_MAX} characters (it has ${text.length}); Meta rejects it otherwise (error 100).`);
		}
		const { client, credential } = await graphClientFor(this);
		const body: IDataObject = {
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to,
			type: 'text',
			text: { body: text, preview_url: options.previewUrl === true },
		};
		if (options.replyTo) body.context = { message_id: options.replyTo };
		const answer = await client.request<{ contacts?: Array<{ wa_id?: string }>; messages?: Array<{ id?: string }> }>({
			method: 'POST',
			path: `${credential.phoneNumberId}/messages`,
			body: { kind: 'json', value: body },
			kind: 'send',
		});
		return {
			status: 'sent',
			messageId: answer.messages?.[0]?.id ?? null,
			waId: answer.contacts?.[0]?.wa_id ?? null,
			to,
		};
	},
};
