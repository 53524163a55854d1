import { textContent } from '../../../shared/messages/text';
import { sendOperation } from './send-operation';

export const sendText = sendOperation({
	operation: 'sendText',
	name: 'Send Text',
	action: 'Send a text message',
	fields: [
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'Up to 4096 characters. Free-form text reaches a user only within 24 hours of their last message.',
		},
	],
	options: [
		{
			displayName: 'Link Preview',
			name: 'previewUrl',
			type: 'boolean',
			default: false,
			description: 'Whether to show a preview of the first URL in the text',
		},
	],
	async build({ param }) {
		const options = param<{ previewUrl?: boolean }>('options', {});
		return { content: textContent({ body: param('text'), previewUrl: options.previewUrl === true }) };
	},
});
