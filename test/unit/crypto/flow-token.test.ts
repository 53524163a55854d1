import { createHmac } from 'node:crypto';
import {
	createFlowToken,
	FLOW_TOKEN_MAX_LENGTH,
	FlowTokenSecretError,
	peekFlowToken,
	verifyFlowToken,
	type CreateFlowTokenOptions,
} from '../../../nodes/shared/crypto/flow-token';

const secret = 'a-secret-of-32-characters-length';
const issuedAtMs = 1_800_000_000_000;
const at = (ms: number) => () => ms;

function token(overrides: Partial<CreateFlowTokenOptions> = {}): string {
	return createFlowToken({
		secret,
		recipient: '905551234567',
		flowId: '1234567890123456',
		ttlSeconds: 3600,
		context: { recordId: 'rec_42', variant: 'B' },
		now: at(issuedAtMs),
		nonce: 'AAAAAAAAAAAAAAAA',
		...overrides,
	});
}

/** Re-signs arbitrary segments with the real secret, to reach the checks that come after the signature. */
function forge(version: string, claims: unknown): string {
	const signed = `${version}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
	return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

function replaceChar(text: string, index: number): string {
	const current = text[index];
	return text.slice(0, index) + (current === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

describe('createFlowToken', () => {
	it('makes a compact URL-safe wf1 token', () => {
		const created = token();
		expect(created).toMatch(/^wf1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
		expect(created.length).toBeLessThan(200);
		expect(encodeURIComponent(created)).toBe(created);
	});

	it('uses a fresh random nonce by default', () => {
		const a = peekFlowToken(token({ nonce: undefined }));
		const b = peekFlowToken(token({ nonce: undefined }));
		expect(a?.nonce).toMatch(/^[A-Za-z0-9_-]{16}$/);
		expect(a?.nonce).not.toBe(b?.nonce);
	});

	it('normalises a recipient typed as a phone number to wa_id digits', () => {
		expect(peekFlowToken(token({ recipient: '+90 (555) 123-45-67' }))?.recipient).toBe('905551234567');
	});

	it('refuses secrets shorter than 16 characters', () => {
		expect(() => token({ secret: '15-chars-secret' })).toThrow(FlowTokenSecretError);
		expect(() => token({ secret: '15-chars-secret' })).toThrow('at least 16 characters');
		expect(() => token({ secret: '16-chars-secret!' })).not.toThrow();
	});

	it('refuses a context or ids over their limits', () => {
		expect(() => token({ context: { recordId: 'r'.repeat(64) } })).not.toThrow();
		expect(() => token({ context: { recordId: 'r'.repeat(65) } })).toThrow(RangeError);
		expect(() => token({ context: { variant: 'v'.repeat(16) } })).not.toThrow();
		expect(() => token({ context: { variant: 'v'.repeat(17) } })).toThrow(RangeError);
		expect(() => token({ flowId: '' })).toThrow(RangeError);
		expect(() => token({ flowId: 'f'.repeat(65) })).toThrow(RangeError);
		expect(() => token({ recipient: 'alice' })).toThrow(RangeError);
		expect(() => token({ nonce: 'short' })).toThrow(RangeError);
	});

	it('refuses a lifetime that is not a positive whole number of seconds', () => {
		for (const ttlSeconds of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(() => token({ ttlSeconds })).toThrow(RangeError);
		}
	});

	it('stays within the length limit at the largest allowed inputs', () => {
		const largest = token({ flowId: 'f'.repeat(64), context: { recordId: 'r'.repeat(64), variant: 'v'.repeat(16) } });
		expect(largest.length).toBeLessThanOrEqual(FLOW_TOKEN_MAX_LENGTH);
		expect(verifyFlowToken(largest, secret, { now: at(issuedAtMs) }).valid).toBe(true);
	});

	it('refuses to make a token longer than the limit (multi-byte ids)', () => {
		expect(() => token({ flowId: '€'.repeat(64), context: { recordId: '€'.repeat(64) } })).toThrow(/exceed 512/);
	});
});

describe('verifyFlowToken', () => {
	it('round-trips every claim', () => {
		expect(verifyFlowToken(token(), secret, { now: at(issuedAtMs) })).toEqual({
			valid: true,
			claims: {
				recipient: '905551234567',
				flowId: '1234567890123456',
				expiresAt: issuedAtMs / 1000 + 3600,
				nonce: 'AAAAAAAAAAAAAAAA',
				context: { recordId: 'rec_42', variant: 'B' },
			},
		});
	});

	it('round-trips an empty context', () => {
		const result = verifyFlowToken(token({ context: undefined }), secret, { now: at(issuedAtMs) });
		expect(result).toMatchObject({ valid: true, claims: { context: {} } });
	});

	it('is valid up to the last millisecond before expiry and expired from the expiry second on', () => {
		const expiresAtMs = issuedAtMs + 3600 * 1000;
		expect(verifyFlowToken(token(), secret, { now: at(expiresAtMs - 1) }).valid).toBe(true);
		expect(verifyFlowToken(token(), secret, { now: at(expiresAtMs) })).toEqual({ valid: false, reason: 'expired' });
		expect(verifyFlowToken(token(), secret, { now: at(expiresAtMs + 86_400_000) })).toEqual({ valid: false, reason: 'expired' });
	});

	it('counts expiry from whole seconds of the issuing clock', () => {
		const created = token({ ttlSeconds: 1, now: at(issuedAtMs + 999) });
		expect(verifyFlowToken(created, secret, { now: at(issuedAtMs + 999) }).valid).toBe(true);
		expect(verifyFlowToken(created, secret, { now: at(issuedAtMs + 1000) }).valid).toBe(false);
	});

	it('rejects a token signed with another secret', () => {
		expect(verifyFlowToken(token(), 'another-secret-of-enough-length', { now: at(issuedAtMs) })).toEqual({
			valid: false,
			reason: 'bad_signature',
		});
	});

	it('refuses to verify with a secret shorter than 16 characters', () => {
		expect(() => verifyFlowToken(token(), 'short', { now: at(issuedAtMs) })).toThrow(FlowTokenSecretError);
	});

	it('rejects a change to any character of the claims or the signature', () => {
		const created = token();
		const firstDot = created.indexOf('.');
		for (let index = firstDot + 1; index < created.length; index++) {
			if (created[index] === '.') continue;
			const result = verifyFlowToken(replaceChar(created, index), secret, { now: at(issuedAtMs) });
			expect(result.valid).toBe(false);
			expect(['bad_signature', 'malformed']).toContain(!result.valid && result.reason);
		}
	});

	it('rejects swapped claims from another valid token', () => {
		const [version, , signature] = token().split('.');
		const [, otherClaims] = token({ recipient: '15550001111' }).split('.');
		expect(verifyFlowToken(`${version}.${otherClaims}.${signature}`, secret, { now: at(issuedAtMs) })).toEqual({
			valid: false,
			reason: 'bad_signature',
		});
	});

	it('rejects a tampered or unknown version prefix', () => {
		const [, claims, signature] = token().split('.');
		expect(verifyFlowToken(`wf2.${claims}.${signature}`, secret)).toEqual({ valid: false, reason: 'unsupported_version' });
		expect(verifyFlowToken(`wf0.${claims}.${signature}`, secret)).toEqual({ valid: false, reason: 'unsupported_version' });
		expect(verifyFlowToken(`WF1.${claims}.${signature}`, secret)).toEqual({ valid: false, reason: 'malformed' });
		expect(verifyFlowToken(`jwt.${claims}.${signature}`, secret)).toEqual({ valid: false, reason: 'malformed' });
	});

	it('rejects a non-canonical spelling of a valid signature', () => {
		const created = token();
		const last = created.at(-1) as string;
		// The last base64url character of a 32-byte HMAC carries 2 unused bits; flipping them keeps the bytes.
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		const sibling = alphabet[alphabet.indexOf(last) ^ 1];
		const respelled = created.slice(0, -1) + sibling;
		expect(Buffer.from(respelled.split('.')[2], 'base64url')).toEqual(Buffer.from(created.split('.')[2], 'base64url'));
		expect(verifyFlowToken(respelled, secret, { now: at(issuedAtMs) })).toEqual({ valid: false, reason: 'bad_signature' });
	});

	it('rejects malformed shapes without throwing', () => {
		const created = token();
		const [version, claims, signature] = created.split('.');
		const malformed: unknown[] = [
			'',
			'wf1',
			'wf1..',
			`${version}.${claims}`,
			`${created}.extra`,
			`${version}.${claims}.${signature.slice(1)}`,
			`${version}.${claims}+.${signature}`,
			`${version}.${claims}.${signature.slice(0, -1)}=`,
			`${version}..${signature}`,
			undefined,
			42,
		];
		for (const input of malformed) {
			expect(verifyFlowToken(input as string, secret)).toEqual({ valid: false, reason: 'malformed' });
		}
	});

	it('rejects tokens over 512 characters before decoding them', () => {
		const parse = jest.spyOn(JSON, 'parse');
		const oversized = `wf1.${'A'.repeat(FLOW_TOKEN_MAX_LENGTH)}.${'A'.repeat(43)}`;
		expect(verifyFlowToken(oversized, secret)).toEqual({ valid: false, reason: 'malformed' });
		expect(peekFlowToken(oversized)).toBeUndefined();
		expect(parse).not.toHaveBeenCalled();
		parse.mockRestore();
	});

	it('rejects correctly signed claims that break the format (only possible with the secret)', () => {
		const claims = { r: '905551234567', f: 'flow', e: issuedAtMs / 1000 + 60, n: 'AAAAAAAAAAAA' };
		expect(verifyFlowToken(forge('wf1', claims), secret, { now: at(issuedAtMs) }).valid).toBe(true);
		for (const broken of [
			{ ...claims, d: 'r'.repeat(65) },
			{ ...claims, v: 'v'.repeat(17) },
			{ ...claims, e: String(claims.e) },
			{ ...claims, r: '+905551234567' },
			{ ...claims, extra: true },
			[claims],
		]) {
			expect(verifyFlowToken(forge('wf1', broken), secret, { now: at(issuedAtMs) })).toEqual({ valid: false, reason: 'malformed' });
		}
	});

	it('checks the recipient when asked, accepting the same number typed differently', () => {
		const options = { now: at(issuedAtMs) };
		expect(verifyFlowToken(token(), secret, { ...options, recipient: '+90 555 123 45 67' }).valid).toBe(true);
		expect(verifyFlowToken(token(), secret, { ...options, recipient: '905551234568' })).toEqual({
			valid: false,
			reason: 'recipient_mismatch',
		});
	});

	it('checks the flow when asked', () => {
		const options = { now: at(issuedAtMs) };
		expect(verifyFlowToken(token(), secret, { ...options, flowId: '1234567890123456' }).valid).toBe(true);
		expect(verifyFlowToken(token(), secret, { ...options, flowId: '999' })).toEqual({ valid: false, reason: 'flow_mismatch' });
	});
});

describe('peekFlowToken', () => {
	it('reads the claims of a token without the secret, even a forged or expired one', () => {
		const [version, , signature] = token().split('.');
		const claims = Buffer.from(JSON.stringify({ r: '1', f: 'x', e: 1, n: 'BBBBBBBBBBBB' })).toString('base64url');
		expect(peekFlowToken(`${version}.${claims}.${signature}`)).toEqual({
			recipient: '1',
			flowId: 'x',
			expiresAt: 1,
			nonce: 'BBBBBBBBBBBB',
			context: {},
		});
	});

	it('returns undefined for anything that is not a current token', () => {
		expect(peekFlowToken('not a token')).toBeUndefined();
		expect(peekFlowToken(token().replace(/^wf1/, 'wf2'))).toBeUndefined();
	});
});
