import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFlowToken } from '../../../nodes/shared/crypto/flow-token';
import { DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS, keywordMatcher } from '../../../nodes/shared/webhook-events/consent';
import { normaliseWebhook } from '../../../nodes/shared/webhook-events/normalise';
import type { WebhookEvent } from '../../../nodes/shared/webhook-events/types';
import { DEFAULT_FIXTURE_IDS, FIXTURE_TIME_ISO, WEBHOOK_FIXTURES, webhookBody, type FixtureIds } from '../../fixtures/webhooks/meta-webhooks';

const SECRET = 'unit-flow-token-secret-0123456789';
const NOW = Date.UTC(2026, 0, 1, 0, 5);
const consent = keywordMatcher({ optOut: DEFAULT_OPT_OUT_KEYWORDS, optIn: DEFAULT_OPT_IN_KEYWORDS });

function eventsOf(body: unknown): WebhookEvent[] {
	return normaliseWebhook(body, { flowTokenSecret: SECRET, now: () => NOW, consent }).events;
}

describe('every documented notification becomes one typed event', () => {
	it.each(WEBHOOK_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
		const events = eventsOf(webhookBody(DEFAULT_FIXTURE_IDS, [fixture]));
		expect(events).toHaveLength(1);
		const [event] = events;
		expect(event.type).toBe(fixture.type);
		expect(event.field).toBe(fixture.field);
		expect(event.wabaId).toBe(DEFAULT_FIXTURE_IDS.wabaId);
		expect(event.timestamp).toBe(FIXTURE_TIME_ISO);
		expect(event.raw.field).toBe(fixture.field);
		expect(event.eventKey).not.toBe('');
		if (fixture.field === 'messages') {
			expect(event.phoneNumberId).toBe(DEFAULT_FIXTURE_IDS.phoneNumberId);
			expect(event.displayPhoneNumber).toBe(DEFAULT_FIXTURE_IDS.displayPhoneNumber);
		} else {
			expect(event.phoneNumberId).toBeNull();
		}
	});

	it('gives messages their sender, text and the original message', () => {
		const [event] = eventsOf(webhookBody(DEFAULT_FIXTURE_IDS, [WEBHOOK_FIXTURES[0]]));
		expect(event).toMatchObject({
			type: 'message.text',
			waId: '16315551234',
			senderName: 'Kerry Fisher',
			eventKey: 'message:wamid.HBgL1.m1',
			message: { id: 'wamid.HBgL1.m1', type: 'text', text: 'Hello this is an answer' },
		});
		expect(event.raw.value).toMatchObject({ contacts: [{ wa_id: '16315551234' }], messages: [{ id: 'wamid.HBgL1.m1' }] });
	});

	it('lists media, reply buttons, list rows and reactions in readable form', () => {
		const byType = new Map(eventsOf(webhookBody(DEFAULT_FIXTURE_IDS, WEBHOOK_FIXTURES)).map((e) => [e.type, e]));
		expect(byType.get('message.image')?.message).toMatchObject({ text: 'This is a caption', media: { id: '2754859441498128', mimeType: 'image/jpeg', caption: 'This is a caption' } });
		expect(byType.get('message.audio')?.message?.media).toMatchObject({ voice: true });
		expect(byType.get('message.document')?.message?.media).toMatchObject({ filename: 'invoice.pdf' });
		expect(byType.get('message.interactive.button_reply')?.message).toMatchObject({ text: 'Yes', reply: { id: 'confirm-yes', title: 'Yes' } });
		expect(byType.get('message.interactive.list_reply')?.message?.reply).toEqual({ id: 'slot-10', title: '10:00', description: 'Tomorrow morning' });
		expect(byType.get('message.button')?.message?.reply).toEqual({ payload: 'No-Button-Payload', title: 'No' });
		expect(byType.get('message.reaction')?.message?.reaction).toEqual({ messageId: 'wamid.OUT1.a', emoji: '\u{1F44D}' });
	});

	it("explains a failed status with Meta's error and a plain cause", () => {
		const fixture = WEBHOOK_FIXTURES.find((f) => f.name.startsWith('status failed: outside'));
		const [event] = eventsOf(webhookBody(DEFAULT_FIXTURE_IDS, [fixture!]));
		expect(event).toMatchObject({ type: 'status.failed', waId: '16315551234', eventKey: 'status:wamid.OUT1.b:failed' });
		expect(event.status?.error).toMatchObject({
			code: 131047,
			title: 'Re-engagement message',
			details: expect.stringContaining('more than 24 hours'),
			cause: expect.stringContaining('24 hours'),
			fix: expect.stringContaining('template'),
			known: true,
		});
		expect(event.status?.error?.doc).toBe('https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes');
	});

	it('reads flows alerts and template reviews', () => {
		const byName = (name: string) => eventsOf(webhookBody(DEFAULT_FIXTURE_IDS, [WEBHOOK_FIXTURES.find((f) => f.name === name)!]))[0];
		expect(byName('endpoint latency alert').flow).toMatchObject({ event: 'ENDPOINT_LATENCY', alertState: 'ACTIVATED', p90Latency: 8000, threshold: 7000 });
		expect(byName('flow published').flow).toMatchObject({ event: 'FLOW_STATUS_CHANGE', oldStatus: 'DRAFT', newStatus: 'PUBLISHED' });
		expect(byName('template approved').template).toMatchObject({ event: 'APPROVED', name: 'order_update', language: 'en_US', id: '11' });
	});

	it('keeps the order of a batch of several entries and changes', () => {
		const events = eventsOf(webhookBody(DEFAULT_FIXTURE_IDS, WEBHOOK_FIXTURES));
		expect(events.map((e) => e.type)).toEqual(WEBHOOK_FIXTURES.map((f) => f.type));
		expect(new Set(events.map((e) => e.eventKey)).size).toBe(events.length);
	});

	it('gives a redelivery the same keys and different notifications different ones', () => {
		const first = eventsOf(webhookBody(DEFAULT_FIXTURE_IDS, WEBHOOK_FIXTURES)).map((e) => e.eventKey);
		const again = eventsOf(JSON.parse(JSON.stringify(webhookBody(DEFAULT_FIXTURE_IDS, WEBHOOK_FIXTURES)))).map((e) => e.eventKey);
		const other = eventsOf(webhookBody({ ...DEFAULT_FIXTURE_IDS, seq: '2' }, WEBHOOK_FIXTURES)).map((e) => e.eventKey);
		expect(again).toEqual(first);
		expect(other.filter((key) => first.includes(key))).toEqual([]);
	});

	it('ignores notifications of other objects and bodies that are not notifications', () => {
		expect(normaliseWebhook({ object: 'page', entry: [{ id: '1', changes: [{ field: 'messages', value: {} }] }] })).toEqual({ object: 'page', events: [] });
		for (const body of [null, 42, 'text', [], {}, { object: 'whatsapp_business_account', entry: 'nope' }]) {
			expect(normaliseWebhook(body).events).toEqual([]);
		}
	});
});

describe('completed flows', () => {
	const fixture = WEBHOOK_FIXTURES.find((f) => f.type === 'flow.completed')!;
	const withToken = (token: string, ids: Partial<FixtureIds> = {}) =>
		eventsOf(webhookBody({ ...DEFAULT_FIXTURE_IDS, ...ids, flowToken: token }, [fixture]))[0];

	it('parse response_json, verify the signed flow token, decode its context and list the picked media', () => {
		const token = createFlowToken({ secret: SECRET, recipient: '+1 631 555 1234', flowId: '1234567890', ttlSeconds: 3600, context: { recordId: 'crm-42', variant: 'B' }, now: () => NOW });
		const event = withToken(token);
		expect(event.type).toBe('flow.completed');
		expect(event.flow).toMatchObject({
			event: 'nfm_reply',
			id: '1234567890',
			replyTo: 'wamid.FLOW1',
			flowToken: token,
			responseJson: { name: 'Ada Lovelace', email: 'ada@example.com' },
			token: { present: true, valid: true, recordId: 'crm-42', variant: 'B', flowId: '1234567890', recipient: '16315551234' },
			media: [{ field: 'photos', id: '9090909090909090', fileName: 'front.jpg', mimeType: 'image/jpeg', sha256: 'cGhvdG8=' }],
		});
	});

	it('still decode an expired token, and one made for someone else, but mark them invalid', () => {
		const expired = createFlowToken({ secret: SECRET, recipient: '16315551234', flowId: 'f1', ttlSeconds: 60, context: { recordId: 'r1' }, now: () => NOW - 3_600_000 });
		expect(withToken(expired).flow?.token).toMatchObject({ present: true, valid: false, reason: 'expired', recordId: 'r1' });
		const forOther = createFlowToken({ secret: SECRET, recipient: '15550009999', flowId: 'f1', ttlSeconds: 3600, context: { recordId: 'r2' }, now: () => NOW });
		expect(withToken(forOther).flow?.token).toMatchObject({ valid: false, reason: 'recipient_mismatch', recordId: 'r2', recipient: '15550009999' });
	});

	it('never decode a token with a wrong signature, and report plain tokens as not ours', () => {
		const forged = createFlowToken({ secret: 'another-secret-0123456789abcdef', recipient: '16315551234', flowId: 'f1', ttlSeconds: 3600, context: { recordId: 'r3' }, now: () => NOW });
		expect(withToken(forged).flow?.token).toEqual({ present: true, valid: false, reason: 'bad_signature' });
		expect(withToken('unused').flow?.token).toEqual({ present: true, valid: false, reason: 'malformed' });
	});

	it('report a response_json that is not JSON without failing the rest', () => {
		const body = webhookBody(DEFAULT_FIXTURE_IDS, [fixture]) as { entry: Array<{ changes: Array<{ value: { messages: Array<{ interactive: { nfm_reply: { response_json: string } } }> } }> }> };
		body.entry[0].changes[0].value.messages[0].interactive.nfm_reply.response_json = '{not json';
		const [event] = eventsOf(body);
		expect(event.flow).toMatchObject({ responseJson: null, responseJsonError: 'response_json is not valid JSON', flowToken: null, token: { present: false, reason: 'missing' }, media: [] });
	});

	it('keep other nfm_reply messages (address messages) as messages', () => {
		const body = webhookBody(DEFAULT_FIXTURE_IDS, [fixture]) as { entry: Array<{ changes: Array<{ value: { messages: Array<{ interactive: { nfm_reply: { name: string } } }> } }> }> };
		body.entry[0].changes[0].value.messages[0].interactive.nfm_reply.name = 'address_message';
		expect(eventsOf(body)[0].type).toBe('message.interactive.address_message');
	});
});

describe("Meta's own Postman webhook examples", () => {
	interface PostmanItem {
		name: string;
		item?: PostmanItem[];
		request?: { body?: { raw?: string } };
	}
	const collection = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'meta', 'whatsapp-cloud-api.postman_collection.json'), 'utf8')) as { item: PostmanItem[] };
	const find = (items: PostmanItem[], name: string): PostmanItem | undefined => {
		for (const item of items) {
			if (item.name === name) return item;
			const inner = item.item ? find(item.item, name) : undefined;
			if (inner) return inner;
		}
		return undefined;
	};
	// Several of Meta's examples are not valid JSON (placeholders such as TIMESTAMP without quotes): only the valid ones are read.
	const examples = (find(collection.item, 'Webhook Payload Reference')?.item ?? [])
		.filter((item) => item.request?.body?.raw)
		.flatMap((item) => {
			try {
				return [[item.name, JSON.parse(item.request!.body!.raw!) as unknown] as const];
			} catch {
				return [];
			}
		});

	const expected: Record<string, string> = {
		'Received Text Message': 'message.text',
		'Received Text Message with Show Security Notifications': 'message.text',
		'Received Message with Reaction': 'message.reaction',
		'Received Media Message with Image': 'message.image',
		'Received Media Message with Sticker': 'message.sticker',
		'Received Contact Messages': 'message.contacts',
		'Received Message Triggered by Click to WhatsApp Ads': 'message.text',
		'Received Unknown Messages': 'message.unknown',
		'Message Status Update Notifications': 'status.sent',
		'Received Callback from a Quick Reply Button Click': 'message.button',
		'Received Product Enquiry Message': 'message.text',
		'Received Order Messages': 'message.order',
		'Status: Transaction Status - Order Details Message': 'status.<captured | failed | pending>',
	};

	it('are read (at least the twelve that are valid JSON)', () => {
		expect(examples.length).toBeGreaterThanOrEqual(12);
	});

	it.each(examples.map(([name, body]) => [name, body] as const))('%s', (name, body) => {
		const events = eventsOf(body);
		expect(events).toHaveLength(1);
		if (expected[name] !== undefined) expect(events[0].type).toBe(expected[name]);
	});
});
