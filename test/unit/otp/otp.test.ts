import { createMemoryStore } from '../../../nodes/shared/store/memory-store';
import { StoreUnavailableError, type SharedStore } from '../../../nodes/shared/store';
import {
	authenticationTemplateContent,
	cancelVerification,
	checkAuthenticationTemplate,
	checkCode,
	checkInboundMessage,
	codeHash,
	codeValidityMs,
	generateNumericCode,
	OTP_NAMESPACE,
	resendVerification,
	startLinkVerification,
	startVerification,
	type OtpContext,
	type SendLimits,
} from '../../../nodes/shared/otp';

const SECRET = 'unit-test-otp-secret-0123456789';
const WA_ID = '15550109999';
const limits: SendLimits = { codeLength: 6, validityMs: 600_000, maxAttempts: 5, maxSends: 5, cooldownMs: 30_000, perNumberPerHour: 0 };

function setUp(store?: SharedStore) {
	let now = Date.UTC(2026, 0, 1);
	const backing = store ?? createMemoryStore({ now: () => now });
	const context: OtpContext = { store: backing, now: () => now, secret: SECRET };
	return { context, store: backing, advance: (ms: number) => (now += ms) };
}

async function started(context: OtpContext, overrides: Partial<SendLimits> = {}) {
	const result = await startVerification(context, WA_ID, { ...limits, ...overrides });
	if (!result.issued) throw new Error('not issued');
	return result;
}

function wrong(code: string): string {
	return code === '000000' ? '111111' : '000000';
}

describe('codes', () => {
	it('are numeric, of the asked length (4 to 10), and refuse other lengths', () => {
		for (const length of [4, 6, 10]) expect(generateNumericCode(length)).toMatch(new RegExp(`^[0-9]{${length}}$`));
		expect(() => generateNumericCode(3)).toThrow(/4 to 10/);
		expect(() => generateNumericCode(11)).toThrow(/4 to 10/);
	});

	it('use every digit about equally (no modulo bias)', () => {
		const counts = new Array<number>(10).fill(0);
		for (let i = 0; i < 2000; i++) for (const d of generateNumericCode(10)) counts[Number(d)]++;
		for (const count of counts) expect(count).toBeGreaterThan(1700); // expected 2,000 each
	});

	it('are stored only as an HMAC bound to the verification id', async () => {
		const { context, store } = setUp();
		const { code, view } = await started(context);
		const stored = JSON.stringify(await store.get(OTP_NAMESPACE, view.verification_id));
		expect(stored).not.toContain(code);
		expect(stored).toContain(codeHash(SECRET, view.verification_id, code));
		expect(codeHash(SECRET, 'otp_other', code)).not.toBe(codeHash(SECRET, view.verification_id, code));
		expect(JSON.stringify(view)).not.toContain(code);
	});
});

describe('checking a code', () => {
	it('approves the right code once; a second check answers not_found', async () => {
		const { context } = setUp();
		const { code, view } = await started(context);
		expect(view).toMatchObject({ status: 'pending', attempts_left: 5 });
		expect(await checkCode(context, view.verification_id, code)).toMatchObject({ status: 'approved' });
		expect(await checkCode(context, view.verification_id, code)).toMatchObject({ status: 'not_found', reason: expect.stringMatching(/once/) });
	});

	it('counts 5 wrong codes, then locks even against the right one', async () => {
		const { context } = setUp();
		const { code, view } = await started(context);
		const answers = [];
		for (let i = 0; i < 5; i++) answers.push((await checkCode(context, view.verification_id, wrong(code))).attempts_left);
		expect(answers).toEqual([4, 3, 2, 1, 0]);
		expect(await checkCode(context, view.verification_id, code)).toMatchObject({ status: 'max_attempts_reached', attempts: 5 });
	});

	it('of 1,000 concurrent wrong checks counts exactly 5', async () => {
		const { context } = setUp();
		const { code, view } = await started(context);
		const answers = await Promise.all(Array.from({ length: 1000 }, async () => await checkCode(context, view.verification_id, wrong(code))));
		expect(answers.filter((a) => a.status === 'pending')).toHaveLength(5);
		expect(answers.filter((a) => a.status === 'max_attempts_reached')).toHaveLength(995);
	});

	it('answers expired after the validity, canceled after a cancel, not_found for an unknown id', async () => {
		const { context, advance } = setUp();
		const a = await started(context);
		advance(600_000);
		expect(await checkCode(context, a.view.verification_id, a.code)).toMatchObject({ status: 'expired' });
		const b = await started(context);
		expect(await cancelVerification(context, b.view.verification_id)).toMatchObject({ status: 'canceled' });
		expect(await checkCode(context, b.view.verification_id, b.code)).toMatchObject({ status: 'canceled' });
		expect(await checkCode(context, 'otp_unknown', '123456')).toEqual({ verification_id: 'otp_unknown', status: 'not_found' });
	});

	it('fails closed: a store outage is an error, never an approval', async () => {
		const { context } = setUp();
		const { code, view } = await started(context);
		const broken: OtpContext = {
			...context,
			store: { ...context.store, get: async () => await Promise.reject(new StoreUnavailableError('down')) },
		};
		await expect(checkCode(broken, view.verification_id, code)).rejects.toThrow(StoreUnavailableError);
	});
});

describe('resending', () => {
	it('waits for the cooldown, replaces the code, and stops after 5 sends', async () => {
		const { context, advance } = setUp();
		const first = await started(context);
		const id = first.view.verification_id;
		expect(await resendVerification(context, id, limits)).toMatchObject({ issued: false, view: { status: 'rate_limited', retry_after_seconds: 30 } });
		advance(10_000);
		expect((await resendVerification(context, id, limits)).view.retry_after_seconds).toBe(20);
		const codes = [first.code];
		for (let send = 2; send <= 5; send++) {
			advance(30_000);
			const again = await resendVerification(context, id, limits);
			if (!again.issued) throw new Error(`send ${send} refused`);
			expect(again.view.sends).toBe(send);
			codes.push(again.code);
		}
		advance(30_000);
		expect(await resendVerification(context, id, limits)).toMatchObject({ issued: false, view: { status: 'rate_limited', reason: expect.stringMatching(/5 sends/) } });
		if (codes[3] !== codes[4]) expect(await checkCode(context, id, codes[3])).toMatchObject({ status: 'pending' });
		expect(await checkCode(context, id, codes[4])).toMatchObject({ status: 'approved' });
	});

	it('caps sends per number per hour and says how long to wait', async () => {
		const { context, advance } = setUp();
		const capped = { ...limits, perNumberPerHour: 3 };
		for (let i = 0; i < 3; i++) {
			expect((await startVerification(context, WA_ID, capped)).issued).toBe(true);
			advance(60_000);
		}
		expect(await startVerification(context, WA_ID, capped)).toMatchObject({ issued: false, view: { status: 'rate_limited', retry_after_seconds: 57 * 60 } });
		expect((await startVerification(context, '15550108888', capped)).issued).toBe(true);
		advance(57 * 60_000);
		expect((await startVerification(context, WA_ID, capped)).issued).toBe(true);
	});
});

describe('authentication templates', () => {
	const template = {
		name: 'verification_code',
		language: 'en_US',
		category: 'AUTHENTICATION',
		components: [{ type: 'BODY' }, { type: 'FOOTER', code_expiration_minutes: 5 }, { type: 'BUTTONS', buttons: [{ type: 'URL', otp_type: 'COPY_CODE' }] }],
	};

	it('carry the code in the body and in the OTP button (url, index 0)', () => {
		expect(authenticationTemplateContent(template, '123456').object).toEqual({
			name: 'verification_code',
			language: { code: 'en_US' },
			components: [
				{ type: 'body', parameters: [{ type: 'text', text: '123456' }] },
				{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '123456' }] },
			],
		});
	});

	it('cap the validity at the template\'s code_expiration_minutes', () => {
		expect(codeValidityMs(600, template)).toBe(300_000);
		expect(codeValidityMs(120, template)).toBe(120_000);
		expect(codeValidityMs(600, { ...template, components: [] })).toBe(600_000);
	});

	it('must be AUTHENTICATION templates with an OTP button', () => {
		expect(() => checkAuthenticationTemplate(template)).not.toThrow();
		expect(() => checkAuthenticationTemplate({ ...template, category: 'MARKETING' })).toThrow(/AUTHENTICATION/);
		expect(() => checkAuthenticationTemplate({ ...template, components: [] })).toThrow(/button/);
	});
});

describe('link verification', () => {
	const link = { validityMs: 600_000, maxAttempts: 5 };

	it('approves the number that sends the token, once', async () => {
		const { context } = setUp();
		const { token, view } = await startLinkVerification(context, undefined, link);
		expect(token).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
		expect(view).toMatchObject({ status: 'pending', to: '' });
		expect(await checkInboundMessage(context, `Hi! Please verify me: ${token}`, WA_ID)).toMatchObject({ status: 'approved', to: WA_ID, verification_id: view.verification_id });
		expect(await checkInboundMessage(context, token, WA_ID)).toMatchObject({ status: 'not_found', reason: expect.stringMatching(/once/) });
	});

	it('with an expected number, refuses (and counts) a message from another number', async () => {
		const { context } = setUp();
		const { token } = await startLinkVerification(context, WA_ID, link);
		expect(await checkInboundMessage(context, token, '15550108888')).toMatchObject({ status: 'pending', attempts: 1, reason: expect.stringMatching(/another number/) });
		expect(await checkInboundMessage(context, token.toLowerCase(), WA_ID)).toMatchObject({ status: 'approved' });
	});

	it('answers expired after the validity, and not_found for text without a token', async () => {
		const { context, advance } = setUp();
		const { token } = await startLinkVerification(context, undefined, link);
		advance(600_000);
		expect(await checkInboundMessage(context, token, WA_ID)).toMatchObject({ status: 'expired' });
		expect(await checkInboundMessage(context, 'VERIFICATION please', WA_ID)).toMatchObject({ status: 'not_found', verification_id: '' });
	});
});
