import { createHmac } from 'node:crypto';
import { signHs256Jwt, verifyFlowTokenSignature } from '../../../nodes/shared/crypto/jwt-hs256';

const appSecret = 'test-app-secret-not-for-production';
const flowToken = 'wf1.eyJyIjoiMSJ9.sig';
const nowMs = 1_800_000_000_000;
const now = () => nowMs;

function b64url(value: unknown): string {
	return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** An HS256 JWT assembled by hand (RFC 7515 compact form), independent of signHs256Jwt. */
function handmadeJwt(header: unknown, claims: unknown, secret = appSecret): string {
	const input = `${b64url(header)}.${b64url(claims)}`;
	return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('signHs256Jwt', () => {
	it('produces the same compact JWT as a hand-made RFC 7515 HS256 signature', () => {
		const claims = { flow_token: flowToken, iat: 1 };
		expect(signHs256Jwt(claims, appSecret)).toBe(handmadeJwt({ alg: 'HS256', typ: 'JWT' }, claims));
	});
});

describe('verifyFlowTokenSignature', () => {
	it('accepts Meta’s flow_token_signature and returns its claims', () => {
		const jwt = handmadeJwt({ alg: 'HS256', typ: 'JWT' }, { flow_token: flowToken, exp: nowMs / 1000 + 60 });
		expect(verifyFlowTokenSignature(jwt, appSecret, flowToken, now)).toEqual({
			valid: true,
			claims: { flow_token: flowToken, exp: nowMs / 1000 + 60 },
		});
		expect(verifyFlowTokenSignature(handmadeJwt({ alg: 'HS256' }, { flow_token: flowToken }), appSecret, flowToken, now).valid).toBe(
			true,
		);
	});

	it('rejects the "none" algorithm and every algorithm other than HS256', () => {
		const claims = { flow_token: flowToken };
		const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
		expect(verifyFlowTokenSignature(unsigned, appSecret, flowToken, now)).toEqual({ valid: false, reason: 'unsupported_algorithm' });
		for (const alg of ['HS384', 'HS512', 'RS256', 'hs256', undefined]) {
			expect(verifyFlowTokenSignature(handmadeJwt({ alg }, claims), appSecret, flowToken, now)).toEqual({
				valid: false,
				reason: 'unsupported_algorithm',
			});
		}
		expect(verifyFlowTokenSignature(handmadeJwt({ alg: 'HS256', crit: ['b64'] }, claims), appSecret, flowToken, now)).toEqual({
			valid: false,
			reason: 'unsupported_algorithm',
		});
	});

	it('rejects a signature made with another secret, or over changed claims', () => {
		const jwt = signHs256Jwt({ flow_token: flowToken }, appSecret);
		expect(verifyFlowTokenSignature(signHs256Jwt({ flow_token: flowToken }, 'other'), appSecret, flowToken, now)).toEqual({
			valid: false,
			reason: 'bad_signature',
		});
		const [header, , signature] = jwt.split('.');
		const swapped = `${header}.${b64url({ flow_token: 'someone-else' })}.${signature}`;
		expect(verifyFlowTokenSignature(swapped, appSecret, 'someone-else', now)).toEqual({ valid: false, reason: 'bad_signature' });
		expect(verifyFlowTokenSignature(`${header}.${jwt.split('.')[1]}.`, appSecret, flowToken, now)).toEqual({
			valid: false,
			reason: 'bad_signature',
		});
	});

	it('rejects a JWT for another flow_token, or without one', () => {
		expect(verifyFlowTokenSignature(signHs256Jwt({ flow_token: 'other' }, appSecret), appSecret, flowToken, now)).toEqual({
			valid: false,
			reason: 'flow_token_mismatch',
		});
		expect(verifyFlowTokenSignature(signHs256Jwt({ sub: 'x' }, appSecret), appSecret, flowToken, now)).toEqual({
			valid: false,
			reason: 'flow_token_mismatch',
		});
	});

	it('honours exp (expired from the exp second on) and nbf', () => {
		const exp = nowMs / 1000 + 10;
		const jwt = signHs256Jwt({ flow_token: flowToken, exp }, appSecret);
		expect(verifyFlowTokenSignature(jwt, appSecret, flowToken, () => exp * 1000 - 1).valid).toBe(true);
		expect(verifyFlowTokenSignature(jwt, appSecret, flowToken, () => exp * 1000)).toEqual({ valid: false, reason: 'expired' });
		const notYet = signHs256Jwt({ flow_token: flowToken, nbf: nowMs / 1000 + 5 }, appSecret);
		expect(verifyFlowTokenSignature(notYet, appSecret, flowToken, now)).toEqual({ valid: false, reason: 'not_yet_valid' });
		const badExp = signHs256Jwt({ flow_token: flowToken, exp: 'tomorrow' }, appSecret);
		expect(verifyFlowTokenSignature(badExp, appSecret, flowToken, now)).toEqual({ valid: false, reason: 'malformed' });
	});

	it('rejects malformed input without throwing', () => {
		const jwt = signHs256Jwt({ flow_token: flowToken }, appSecret);
		for (const input of ['', 'a.b', `${jwt}.x`, `!!.${jwt.split('.')[1]}.x`, `${b64url('[1]')}.e30.x`, 'x'.repeat(9000), undefined]) {
			expect(verifyFlowTokenSignature(input as string, appSecret, flowToken, now)).toEqual({ valid: false, reason: 'malformed' });
		}
		const arrayClaims = handmadeJwt({ alg: 'HS256' }, [flowToken]);
		expect(verifyFlowTokenSignature(arrayClaims, appSecret, flowToken, now)).toEqual({ valid: false, reason: 'malformed' });
	});

	it('refuses an empty app secret, a configuration error', () => {
		expect(() => verifyFlowTokenSignature('a.b.c', '', flowToken, now)).toThrow('app secret is empty');
	});
});
