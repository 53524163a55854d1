import { signHubSignature, verifyHubSignature } from '../../../nodes/shared/crypto/hub-signature';
import { metaKeySets } from './meta-vectors';

const { appSecret, vectors } = metaKeySets[0];
const allVectors = metaKeySets.flatMap((set) => set.vectors.map((vector) => ({ ...vector, appSecret: set.appSecret })));

describe('signHubSignature', () => {
	it.each(allVectors.map((vector, index) => [index, vector] as const))(
		'reproduces the X-Hub-Signature-256 of vector %i',
		(_index, vector) => {
			expect(signHubSignature(vector.requestBody, vector.appSecret)).toBe(vector.signatureHeader);
			expect(signHubSignature(Buffer.from(vector.requestBody, 'utf8'), vector.appSecret)).toBe(vector.signatureHeader);
		},
	);

	it('refuses an empty app secret, a configuration error', () => {
		expect(() => signHubSignature('{}', '')).toThrow('app secret is empty');
	});
});

describe('verifyHubSignature', () => {
	const { requestBody, signatureHeader } = vectors[0];

	it('accepts Meta’s header over the raw body, as a string or a Buffer', () => {
		expect(verifyHubSignature(requestBody, signatureHeader, appSecret)).toEqual({ valid: true });
		expect(verifyHubSignature(Buffer.from(requestBody), signatureHeader, appSecret)).toEqual({ valid: true });
	});

	it('accepts upper-case hex, surrounding whitespace and a one-element header array', () => {
		const upper = 'sha256=' + signatureHeader.slice(7).toUpperCase();
		expect(verifyHubSignature(requestBody, upper, appSecret)).toEqual({ valid: true });
		expect(verifyHubSignature(requestBody, `  ${signatureHeader} `, appSecret)).toEqual({ valid: true });
		expect(verifyHubSignature(requestBody, [signatureHeader], appSecret)).toEqual({ valid: true });
	});

	it('reports a missing header without throwing', () => {
		for (const header of [undefined, '', '   ', []]) {
			expect(verifyHubSignature(requestBody, header, appSecret)).toEqual({ valid: false, reason: 'missing' });
		}
	});

	it('reports malformed headers without throwing', () => {
		const hex = signatureHeader.slice(7);
		const malformed: Array<string | string[]> = [
			hex,
			`sha1=${hex}`,
			`SHA256:${hex}`,
			`sha256=${hex.slice(1)}`,
			`sha256=${hex}0`,
			`sha256=${hex.slice(0, -1)}z`,
			'sha256=',
			[signatureHeader, signatureHeader],
		];
		for (const header of malformed) {
			expect(verifyHubSignature(requestBody, header, appSecret)).toEqual({ valid: false, reason: 'malformed' });
		}
	});

	it('reports a mismatch for another body, another secret or a changed digit', () => {
		expect(verifyHubSignature(requestBody + ' ', signatureHeader, appSecret)).toEqual({ valid: false, reason: 'mismatch' });
		expect(verifyHubSignature(requestBody, signatureHeader, appSecret + 'x')).toEqual({ valid: false, reason: 'mismatch' });
		const lastDigit = signatureHeader.at(-1) === '0' ? '1' : '0';
		expect(verifyHubSignature(requestBody, signatureHeader.slice(0, -1) + lastDigit, appSecret)).toEqual({
			valid: false,
			reason: 'mismatch',
		});
	});

	it('detects a body that was re-serialised instead of kept raw', () => {
		const reserialised = JSON.stringify(JSON.parse(requestBody), null, 1);
		expect(verifyHubSignature(reserialised, signatureHeader, appSecret)).toEqual({ valid: false, reason: 'mismatch' });
	});
});
