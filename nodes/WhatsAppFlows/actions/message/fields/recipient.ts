import type { INodeProperties } from 'n8n-workflow';

export const recipientField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: '+15551234567',
	description: 'The recipient\'s WhatsApp number with its country code; spaces, dashes and brackets are fine',
};

export const replyToOption: INodeProperties = {
	displayName: 'Reply To Message ID',
	name: 'replyTo',
	type: 'string',
	default: '',
	description: 'A wamid to quote: the message shows as a reply to it',
};
