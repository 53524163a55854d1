import { replyButtonsContent } from '../../../shared/messages/reply-buttons';
import { interactiveHeaderFields, interactiveHeaderOf } from './fields/header';
import { sendOperation } from './send-operation';

export const sendButtons = sendOperation({
	operation: 'sendButtons',
	name: 'Send Reply Buttons',
	action: 'Send a message with reply buttons',
	fields: [
		{ displayName: 'Body Text', name: 'bodyText', type: 'string', typeOptions: { rows: 3 }, default: '', required: true, description: 'Up to 1024 characters' },
		{
			displayName: 'Buttons',
			name: 'buttons',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Button',
			default: {},
			description: 'One to three buttons; the tapped button\'s ID comes back in the reply webhook',
			options: [
				{
					displayName: 'Button',
					name: 'button',
					values: [
						{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 20 characters, unique in the message' },
						{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Up to 256 characters; empty uses the title' },
					],
				},
			],
		},
		...interactiveHeaderFields,
	],
	options: [{ displayName: 'Footer Text', name: 'footerText', type: 'string', default: '', description: 'Up to 60 characters' }],
	async build({ param }) {
		const options = param<{ footerText?: string }>('options', {});
		const buttons = param<{ button?: Array<{ id?: string; title?: string }> }>('buttons', {}).button ?? [];
		return {
			content: replyButtonsContent({
				header: interactiveHeaderOf(param),
				body: param('bodyText'),
				footer: options.footerText,
				buttons: buttons.map((button) => ({ id: button.id, title: button.title })),
			}),
		};
	},
});
