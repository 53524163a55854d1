import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { phoneNumberForLink, waMeLink } from '../../../shared/chat-link/wa-me';
import { graphClientFor } from '../../../shared/n8n/graph-context';

/** The wa.me link's fields; `show` narrows them further (e.g. to one QR content choice). */
export function linkFields(show: Record<string, string[]> = {}): INodeProperties[] {
	const displayOptions = Object.keys(show).length > 0 ? { show } : undefined;
	return [
		{
			displayName: 'Chat With',
			name: 'chatWith',
			type: 'options',
			...(displayOptions ? { displayOptions } : {}),
			options: [
				{ name: "The Credential's Business Number", value: 'business', description: 'Read from Meta (display_phone_number)' },
				{ name: 'Another Number', value: 'number' },
				{ name: 'Anyone (User Picks the Chat)', value: 'none', description: 'A link that only prefills the text' },
			],
			default: 'business',
		},
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: '+1 555 010 0001',
			displayOptions: { show: { ...show, chatWith: ['number'] } },
			description: 'In international format; spaces, dashes and brackets are removed',
		},
		{
			displayName: 'Prefilled Text',
			name: 'prefilledText',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			...(displayOptions ? { displayOptions } : {}),
			description: "Text put in the user's message box when the chat opens (optional)",
		},
	];
}

/** The wa.me link the fields describe (the business number is read from Meta when chosen). */
export async function chatLinkFrom(context: IExecuteFunctions, itemIndex: number): Promise<{ link: string; phoneNumber: string | null; text: string }> {
	const chatWith = context.getNodeParameter('chatWith', itemIndex, 'business') as string;
	const text = context.getNodeParameter('prefilledText', itemIndex, '') as string;
	let phoneNumber: string | undefined;
	if (chatWith === 'number') phoneNumber = phoneNumberForLink(context.getNodeParameter('phoneNumber', itemIndex, '') as string);
	if (chatWith === 'business') {
		const { client, credential } = await graphClientFor(context);
		const node = await client.request<{ display_phone_number?: string }>({ method: 'GET', path: credential.phoneNumberId, query: { fields: 'display_phone_number' } });
		phoneNumber = phoneNumberForLink(node.display_phone_number ?? '');
	}
	return { link: waMeLink(phoneNumber, text), phoneNumber: phoneNumber ?? null, text };
}
