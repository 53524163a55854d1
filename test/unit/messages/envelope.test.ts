import { markAsReadBody, messageRequestBody } from '../../../nodes/shared/messages/envelope';
import { textContent } from '../../../nodes/shared/messages/text';

describe('the message envelope (cloud-api/reference/messages)', () => {
	it('addresses "+<wa_id>" as an individual and quotes the replied-to message', () => {
		expect(messageRequestBody('15550107777', textContent({ body: 'Hi', previewUrl: true }), 'wamid.ABC')).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '+15550107777',
			type: 'text',
			text: { body: 'Hi', preview_url: true },
			context: { message_id: 'wamid.ABC' },
		});
	});

	it('keeps a text body as written and refuses one over 4,096 characters', () => {
		expect(textContent({ body: 'line 1\n\nline 2\n' }).object).toEqual({ body: 'line 1\n\nline 2\n', preview_url: false });
		expect(() => textContent({ body: 'x'.repeat(4097) })).toThrow('Text is 4097 characters long; Meta allows at most 4096');
	});

	it('marks a message as read, with the typing indicator when asked', () => {
		expect(markAsReadBody('wamid.IN', true)).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN', typing_indicator: { type: 'text' } });
		expect(markAsReadBody('wamid.IN', false)).not.toHaveProperty('typing_indicator');
		expect(() => markAsReadBody(' ', false)).toThrow('Message ID is required');
	});
});
