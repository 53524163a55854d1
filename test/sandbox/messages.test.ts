// POST /{phone-number-id}/messages accepts text messages as Meta's reference and Postman collection describe them,
// records them for inspection, and rejects invalid ones with Meta's error envelope.
import {
	SANDBOX_ACCESS_TOKEN,
	SANDBOX_PHONE_NUMBER_ID,
	startSandbox,
	type RecordedMessage,
	type Sandbox,
} from './index';
import { expectGraphError, post, get, postmanExample } from './test-support';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => {
	sandbox.state.reset();
	// The test user has written within 24 hours, so free-form messages are delivered (window rules: messaging.test.ts).
	sandbox.state.users.openWindow(SANDBOX_PHONE_NUMBER_ID, '15550109999');
});

const token = SANDBOX_ACCESS_TOKEN;
const messagesPath = `/v24.0/${SANDBOX_PHONE_NUMBER_ID}/messages`;

interface SendAnswer {
	messaging_product: string;
	contacts: { input: string; wa_id: string }[];
	messages: { id: string }[];
}

describe('sending a text message', () => {
	it('accepts the Postman request "Send Text Message" and answers with the shape of its example', async () => {
		const { requestBody, responseBody } = postmanExample('Send Text Message', { 'Recipient-Phone-Number': '+1 555-010-9999' });
		const answer = await post<SendAnswer>(sandbox, messagesPath, { token, json: requestBody });
		expect(answer.status).toBe(200);
		const example = responseBody as SendAnswer;
		expect(Object.keys(answer.body)).toEqual(Object.keys(example));
		expect(Object.keys(answer.body.contacts[0])).toEqual(Object.keys(example.contacts[0]));
		expect(Object.keys(answer.body.messages[0])).toEqual(Object.keys(example.messages[0]));
		expect(answer.body.messaging_product).toBe('whatsapp');
		expect(answer.body.contacts).toEqual([{ input: '+1 555-010-9999', wa_id: '15550109999' }]);
		expect(answer.body.messages[0].id).toMatch(/^wamid\.[A-Za-z0-9_-]+$/);
	});

	it('records the message for the user, in state and over the inspection API', async () => {
		const answer = await post<SendAnswer>(sandbox, messagesPath, {
			token,
			json: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '15550109999', type: 'text', text: { body: 'Hello' } },
		});
		const [message] = sandbox.state.messagesTo('+1 555 010 9999');
		expect(message).toMatchObject({
			id: answer.body.messages[0].id,
			phoneNumberId: SANDBOX_PHONE_NUMBER_ID,
			to: '15550109999',
			waId: '15550109999',
			type: 'text',
			text: { body: 'Hello', preview_url: false },
		});
		const listed = await get<RecordedMessage[]>(sandbox, `/__sandbox/messages?to=${encodeURIComponent('+15550109999')}`);
		expect(listed.body.map((m) => m.id)).toEqual([message.id]);
		expect((await get<RecordedMessage[]>(sandbox, '/__sandbox/messages?to=15550000000')).body).toEqual([]);
	});

	it('gives every message its own id', async () => {
		const body = { messaging_product: 'whatsapp', to: '15550109999', text: { body: 'again' } };
		const a = await post<SendAnswer>(sandbox, messagesPath, { token, json: body });
		const b = await post<SendAnswer>(sandbox, messagesPath, { token, json: body });
		expect(a.body.messages[0].id).not.toBe(b.body.messages[0].id);
	});

	it('defaults the type to text, as in the Postman request "Send Text Message with Preview URL"', async () => {
		const { requestBody } = postmanExample('Send Text Message with Preview URL', { 'Recipient-Phone-Number': '15550109999' });
		expect(requestBody).not.toHaveProperty('type');
		const answer = await post(sandbox, messagesPath, { token, json: requestBody });
		expect(answer.status).toBe(200);
		expect(sandbox.state.messagesTo('15550109999')[0].text).toEqual({
			body: 'Please visit https://youtu.be/hpltvTEiRrY to inspire your day!',
			preview_url: true,
		});
	});

	it('keeps the context of a reply ("Send Reply to Text Message")', async () => {
		const { requestBody } = postmanExample('Send Reply to Text Message', { 'Recipient-Phone-Number': '15550109999' });
		expect((await post(sandbox, messagesPath, { token, json: requestBody })).status).toBe(200);
		expect(sandbox.state.messagesTo('15550109999')[0].context).toEqual({ message_id: '<MSGID_OF_PREV_MSG>' });
	});

	it('accepts form-encoded parameters, with JSON-encoded or bracketed objects, as Graph does', async () => {
		const json = await post(sandbox, messagesPath, {
			token,
			form: { messaging_product: 'whatsapp', to: '15550109999', type: 'text', text: '{"body":"form json","preview_url":true}' },
		});
		const bracket = await post(sandbox, messagesPath, {
			token,
			form: { messaging_product: 'whatsapp', to: '15550109999', 'text[body]': 'form bracket', 'text[preview_url]': 'false' },
		});
		expect([json.status, bracket.status]).toEqual([200, 200]);
		expect(sandbox.state.messagesTo('15550109999').map((m) => m.text)).toEqual([
			{ body: 'form json', preview_url: true },
			{ body: 'form bracket', preview_url: false },
		]);
	});

	it('normalises `to` to digits for wa_id (+, spaces, dashes, brackets)', async () => {
		const answer = await post<SendAnswer>(sandbox, messagesPath, {
			token,
			json: { messaging_product: 'whatsapp', to: '+1 (555) 010-9999', text: { body: 'x' } },
		});
		expect(answer.body.contacts).toEqual([{ input: '+1 (555) 010-9999', wa_id: '15550109999' }]);
	});

	it('accepts a body of exactly 4096 characters, counting an emoji as one character', async () => {
		const plain = await post(sandbox, messagesPath, {
			token,
			json: { messaging_product: 'whatsapp', to: '15550109999', text: { body: 'a'.repeat(4096) } },
		});
		const emoji = await post(sandbox, messagesPath, {
			token,
			json: { messaging_product: 'whatsapp', to: '15550109999', text: { body: '😀'.repeat(4096) } },
		});
		expect([plain.status, emoji.status]).toEqual([200, 200]);
	});
});

describe('invalid messages are rejected with Meta\'s error envelope and nothing is recorded', () => {
	const valid = { messaging_product: 'whatsapp', to: '15550109999', type: 'text', text: { body: 'hi' } };
	const cases: [string, Record<string, unknown>, string][] = [
		['without messaging_product', { ...valid, messaging_product: undefined }, '(#100) The parameter messaging_product is required.'],
		['with another messaging_product', { ...valid, messaging_product: 'sms' }, '(#100) Param messaging_product must be one of {WHATSAPP} - got "sms".'],
		['without to', { ...valid, to: undefined }, '(#100) The parameter to is required.'],
		['without text', { ...valid, text: undefined }, "(#100) The parameter text['body'] is required."],
		['without text.body', { ...valid, text: { preview_url: false } }, "(#100) The parameter text['body'] is required."],
		['with an empty text.body', { ...valid, text: { body: '' } }, "(#100) The parameter text['body'] is required."],
		['with text.body over 4096 characters', { ...valid, text: { body: 'a'.repeat(4097) } }, "(#100) Param text['body'] must be at most 4096 characters long."],
		['with a non-boolean preview_url', { ...valid, text: { body: 'hi', preview_url: 'maybe' } }, "(#100) Param text['preview_url'] must be a boolean."],
		['with an unknown type', { ...valid, type: 'telegram' }, '(#100) Param type must be one of {AUDIO, CONTACTS, DOCUMENT, IMAGE, INTERACTIVE, LOCATION, REACTION, STICKER, TEMPLATE, TEXT, VIDEO} - got "telegram".'],
		['with another recipient_type', { ...valid, recipient_type: 'broadcast' }, '(#100) Param recipient_type must be one of {INDIVIDUAL} - got "broadcast".'],
	];

	it.each(cases)('%s', async (_name, body, message) => {
		const error = expectGraphError(await post(sandbox, messagesPath, { token, json: body }), 400, 100);
		expect(error).toEqual({ message, type: 'OAuthException', code: 100, fbtrace_id: error.fbtrace_id });
		expect(sandbox.state.messages()).toEqual([]);
	});

	it('says plainly when a message type is not simulated yet', async () => {
		const answer = await post(sandbox, messagesPath, {
			token,
			json: { messaging_product: 'whatsapp', to: '15550109999', type: 'location', location: { latitude: 1, longitude: 2 } },
		});
		const error = expectGraphError(answer, 400, 100);
		expect(error.error_data?.details).toBe('[sandbox] message type "location" is not simulated yet');
	});

	it('answers GET on the messages edge with Graph\'s "Unsupported get request"', async () => {
		const error = expectGraphError(await get(sandbox, messagesPath, { token }), 400, 100);
		expect(error.error_subcode).toBe(33);
	});
});
