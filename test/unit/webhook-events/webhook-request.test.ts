import { createHmac } from 'node:crypto';
import { DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS } from '../../../nodes/shared/webhook-events/consent';
import { parseList, typeMatches } from '../../../nodes/shared/webhook-events/filters';
import { answerVerification, decideWebhookPost, type WebhookPostConfig } from '../../../nodes/shared/webhook-events/webhook-request';
import { batchOfTexts, DEFAULT_FIXTURE_IDS, WEBHOOK_FIXTURES, webhookBody } from '../../fixtures/webhooks/meta-webhooks';

const APP_SECRET = 'unit-app-secret-abcdef';
const config: WebhookPostConfig = {
	appSecret: APP_SECRET,
	flowTokenSecret: 'unit-flow-token-secret-0123456789',
	filter: { types: [], phoneNumberIds: [] },
	consentKeywords: { optOut: DEFAULT_OPT_OUT_KEYWORDS, optIn: DEFAULT_OPT_IN_KEYWORDS },
};

function signed(body: unknown, secret = APP_SECRET) {
	const rawBody = Buffer.from(JSON.stringify(body));
	return { rawBody, signatureHeader: `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}` };
}

describe("the verification request (GET with Meta's hub parameters)", () => {
	const query = { 'hub.mode': 'subscribe', 'hub.verify_token': 'my-verify-token', 'hub.challenge': '1158201444' };

	it('answers the challenge when the mode is subscribe and the token is the credential\'s', () => {
		expect(answerVerification(query, 'my-verify-token')).toEqual({ reply: { status: 200, body: '1158201444' }, outcome: 'verified' });
	});

	it('refuses with 403 anything else', () => {
		expect(answerVerification({ ...query, 'hub.verify_token': 'guess' }, 'my-verify-token')).toMatchObject({ reply: { status: 403 }, outcome: 'wrong_verify_token' });
		expect(answerVerification({ ...query, 'hub.mode': 'unsubscribe' }, 'my-verify-token')).toMatchObject({ reply: { status: 403 }, outcome: 'not_subscribe' });
		expect(answerVerification({ ...query, 'hub.challenge': undefined }, 'my-verify-token')).toMatchObject({ reply: { status: 403 }, outcome: 'no_challenge' });
		expect(answerVerification({ ...query, 'hub.challenge': 'x'.repeat(500) }, 'my-verify-token')).toMatchObject({ reply: { status: 403 } });
		expect(answerVerification({ ...query, 'hub.verify_token': ['my-verify-token', 'x'] }, 'my-verify-token')).toMatchObject({ reply: { status: 403 } });
		expect(answerVerification({}, 'my-verify-token')).toMatchObject({ reply: { status: 403 } });
	});

	it('refuses every request while the credential has no verify token, even an empty one', () => {
		expect(answerVerification({ ...query, 'hub.verify_token': '' }, '')).toMatchObject({ reply: { status: 403 }, outcome: 'no_verify_token_configured' });
	});
});

describe('a webhook POST', () => {
	const body = webhookBody(DEFAULT_FIXTURE_IDS, WEBHOOK_FIXTURES);

	it('signed with the app secret is accepted with every event', () => {
		const decision = decideWebhookPost(signed(body), config);
		expect(decision).toMatchObject({ kind: 'accept', object: 'whatsapp_business_account', received: WEBHOOK_FIXTURES.length });
		expect(decision.kind === 'accept' && decision.events.map((e) => e.type)).toEqual(WEBHOOK_FIXTURES.map((f) => f.type));
	});

	it('is refused with 401 and a short reason when unsigned, tampered with or signed with another secret', () => {
		const good = signed(body);
		const tampered = Buffer.from(good.rawBody.toString('utf8').replace('Hello this is an answer', 'Hello this is a forgery'));
		const cases: Array<[{ rawBody: Buffer; signatureHeader: string | string[] | undefined }, string, string]> = [
			[{ rawBody: good.rawBody, signatureHeader: undefined }, 'Missing X-Hub-Signature-256 header', 'missing_signature'],
			[{ rawBody: good.rawBody, signatureHeader: 'sha1=abc' }, 'Malformed X-Hub-Signature-256 header', 'malformed_signature'],
			[{ rawBody: good.rawBody, signatureHeader: [good.signatureHeader, good.signatureHeader] }, 'Malformed X-Hub-Signature-256 header', 'malformed_signature'],
			[{ rawBody: tampered, signatureHeader: good.signatureHeader }, 'X-Hub-Signature-256 does not match the body', 'bad_signature'],
			[signed(body, 'another-app-secret'), 'X-Hub-Signature-256 does not match the body', 'bad_signature'],
		];
		for (const [request, reason, outcome] of cases) {
			expect(decideWebhookPost(request, config)).toEqual({ kind: 'refuse', reply: { status: 401, body: reason }, outcome });
		}
	});

	it('accepts the signature in upper case hex, as the header is case-insensitive hex', () => {
		const request = signed(body);
		expect(decideWebhookPost({ ...request, signatureHeader: request.signatureHeader.toUpperCase().replace('SHA256=', 'sha256=') }, config).kind).toBe('accept');
	});

	it('does not read a body before its signature verified', () => {
		expect(decideWebhookPost({ rawBody: Buffer.from('{not json'), signatureHeader: 'sha256=' + '0'.repeat(64) }, config)).toMatchObject({ reply: { status: 401 } });
		const notJson = Buffer.from('{not json');
		const signature = `sha256=${createHmac('sha256', APP_SECRET).update(notJson).digest('hex')}`;
		expect(decideWebhookPost({ rawBody: notJson, signatureHeader: signature }, config)).toEqual({ kind: 'refuse', reply: { status: 400, body: 'Body is not JSON' }, outcome: 'not_json' });
	});

	it('with 1,000 changes yields 1,000 events', () => {
		const decision = decideWebhookPost(signed(batchOfTexts(DEFAULT_FIXTURE_IDS, 1000)), config);
		expect(decision.kind === 'accept' && decision.events.length).toBe(1000);
		expect(decision.kind === 'accept' && new Set(decision.events.map((e) => e.eventKey)).size).toBe(1000);
	});

	it('passes only the chosen event types and phone numbers', () => {
		const other = { ...DEFAULT_FIXTURE_IDS, phoneNumberId: '300000000000002', seq: '2' };
		const both = { object: 'whatsapp_business_account', entry: [...(webhookBody(DEFAULT_FIXTURE_IDS, WEBHOOK_FIXTURES).entry as unknown[]), ...(webhookBody(other, WEBHOOK_FIXTURES).entry as unknown[])] };
		const only = (types: string[], phoneNumberIds: string[] = []) => {
			const decision = decideWebhookPost(signed(both), { ...config, filter: { types, phoneNumberIds } });
			return decision.kind === 'accept' ? decision.events : [];
		};
		expect(only(['status.failed']).map((e) => e.phoneNumberId)).toEqual([DEFAULT_FIXTURE_IDS.phoneNumberId, '300000000000002']);
		expect(new Set(only(['flow.*']).map((e) => e.type))).toEqual(new Set(['flow.completed', 'flow.status_change', 'flow.client_alert', 'flow.endpoint_alert', 'flow.version_warning']));
		expect(only(['other']).map((e) => e.type)).toEqual(['error', 'account_update', 'error', 'account_update']);
		const forOne = only([], ['300000000000002']);
		expect(forOne.every((e) => e.phoneNumberId === '300000000000002' || e.phoneNumberId === null)).toBe(true);
		expect(forOne.filter((e) => e.phoneNumberId === null).length).toBe(2 * WEBHOOK_FIXTURES.filter((f) => f.field !== 'messages').length);
	});

	it('without consent detection keeps keyword texts and 131050 failures as they are', () => {
		const decision = decideWebhookPost(signed(body), { ...config, consentKeywords: undefined });
		const types = decision.kind === 'accept' ? decision.events.map((e) => e.type) : [];
		expect(types).not.toContain('consent.opt_out');
		expect(types.filter((t) => t === 'status.failed')).toHaveLength(2);
	});
});

describe('filter helpers', () => {
	it('match exact types, families and "other"', () => {
		expect(typeMatches('message.text', [])).toBe(true);
		expect(typeMatches('message.text', ['message.*'])).toBe(true);
		expect(typeMatches('message.interactive.button_reply', ['message.*'])).toBe(true);
		expect(typeMatches('messagex', ['message.*'])).toBe(false);
		expect(typeMatches('status.read', ['status.failed'])).toBe(false);
		expect(typeMatches('phone_number_quality_update', ['other'])).toBe(true);
		expect(typeMatches('template.status', ['other'])).toBe(false);
	});

	it('split lists on commas, spaces and new lines', () => {
		expect(parseList(' 1, 2\n3;4  ')).toEqual(['1', '2', '3', '4']);
		expect(parseList('')).toEqual([]);
	});
});
