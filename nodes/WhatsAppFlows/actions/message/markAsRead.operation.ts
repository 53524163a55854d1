import type { IExecuteFunctions } from 'n8n-workflow';
import { markAsReadBody } from '../../../shared/messages/envelope';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';

export const markAsRead: OperationModule = {
	name: 'Mark as Read',
	action: 'Mark a message as read',
	description: showFor('message', 'markAsRead', [
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '={{ $json.messageId }}',
			description: 'The wamid of the message the user sent (from the WhatsApp trigger)',
		},
		{
			displayName: 'Show Typing Indicator',
			name: 'typingIndicator',
			type: 'boolean',
			default: false,
			description: 'Whether to show "typing…" to the user until you reply or for 25 seconds',
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const messageId = String(this.getNodeParameter('messageId', itemIndex));
		const typingIndicator = this.getNodeParameter('typingIndicator', itemIndex, false) === true;
		const body = markAsReadBody(messageId, typingIndicator);
		const { client, credential } = await graphClientFor(this);
		// Marking as read twice changes nothing: an idempotent write, retried like a read.
		const answer = await client.request<{ success?: boolean }>({
			method: 'POST',
			path: `${credential.phoneNumberId}/messages`,
			body: { kind: 'json', value: body },
			kind: 'write',
		});
		return { success: answer.success === true, messageId: body.message_id as string, typingIndicator };
	},
};
