// Business public keys per phone number (cloud-api/reference/whatsapp-business-encryption; Postman "Set Encryption
// Public Key" / "Get Encryption Public Key"): upload form-encoded, read back with its signature status.
import { generateKeyPairSync } from 'node:crypto';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_LIMITED_TOKEN, SANDBOX_PHONE_NUMBER_ID, SANDBOX_SECOND_PHONE_NUMBER_ID, startSandbox, type Sandbox } from './index';
import { expectGraphError, get, post } from './test-support';
import { postmanFlowsExample } from './test-support-flows';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

const token = SANDBOX_ACCESS_TOKEN;
const path = (id: string) => `/v23.0/${id}/whatsapp_business_encryption`;
const rsa = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const pem2048 = rsa(2048);

interface KeyList {
	data: { business_public_key: string; business_public_key_signature_status: string }[];
}

it('stores a form-encoded 2048-bit key and answers {"success": true}, as the Postman example', async () => {
	const answer = await post(sandbox, path(SANDBOX_PHONE_NUMBER_ID), { token, form: { business_public_key: pem2048 } });
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual(postmanFlowsExample('Set Encryption Public Key').responseBody);
	expect(sandbox.state.publicKeyFor(SANDBOX_PHONE_NUMBER_ID)).toMatchObject({ pem: pem2048, status: 'VALID' });
});

it('reads the key back in the shape of the Postman example "Get Encryption Public Key", status VALID', async () => {
	await post(sandbox, path(SANDBOX_PHONE_NUMBER_ID), { token, form: { business_public_key: pem2048 } });
	const answer = await get<KeyList>(sandbox, path(SANDBOX_PHONE_NUMBER_ID), { token });
	const example = postmanFlowsExample('Get Encryption Public Key').responseBody as KeyList;
	expect(Object.keys(answer.body)).toEqual(Object.keys(example));
	expect(Object.keys(answer.body.data[0])).toEqual(Object.keys(example.data[0]));
	expect(answer.body.data).toEqual([{ business_public_key: pem2048, business_public_key_signature_status: 'VALID' }]);
});

it('keeps keys per phone number: the second number has none until its own upload', async () => {
	await post(sandbox, path(SANDBOX_PHONE_NUMBER_ID), { token, form: { business_public_key: pem2048 } });
	expect((await get<KeyList>(sandbox, path(SANDBOX_SECOND_PHONE_NUMBER_ID), { token })).body).toEqual({ data: [] });
	const other = rsa(2048);
	await post(sandbox, path(SANDBOX_SECOND_PHONE_NUMBER_ID), { token, json: { business_public_key: other } });
	expect(sandbox.state.publicKeyFor(SANDBOX_SECOND_PHONE_NUMBER_ID)?.pem).toBe(other);
	expect(sandbox.state.publicKeyFor(SANDBOX_PHONE_NUMBER_ID)?.pem).toBe(pem2048);
});

it('reports MISMATCH after a simulated re-registration, and VALID again after a new upload', async () => {
	await post(sandbox, path(SANDBOX_PHONE_NUMBER_ID), { token, form: { business_public_key: pem2048 } });
	expect((await post(sandbox, `/__sandbox/phone-numbers/${SANDBOX_PHONE_NUMBER_ID}/public-key-status`, { json: { status: 'MISMATCH' } })).status).toBe(200);
	expect((await get<KeyList>(sandbox, path(SANDBOX_PHONE_NUMBER_ID), { token })).body.data[0].business_public_key_signature_status).toBe('MISMATCH');
	await post(sandbox, path(SANDBOX_PHONE_NUMBER_ID), { token, form: { business_public_key: pem2048 } });
	expect((await get<KeyList>(sandbox, path(SANDBOX_PHONE_NUMBER_ID), { token })).body.data[0].business_public_key_signature_status).toBe('VALID');
});

describe('refuses what is not a 2048-bit RSA public key in PEM', () => {
	it.each([
		['garbage', 'not a key'],
		['a truncated PEM', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKC\n-----END PUBLIC KEY-----'],
		['a 1024-bit key', rsa(1024)],
		['an EC key', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString()],
	])('%s', async (_name, pem) => {
		const error = expectGraphError(await post(sandbox, path(SANDBOX_PHONE_NUMBER_ID), { token, form: { business_public_key: pem } }), 400, 100);
		expect(error.error_data?.details).toMatch(/2048-bit RSA public key/);
		expect(sandbox.state.publicKeyFor(SANDBOX_PHONE_NUMBER_ID)).toBeUndefined();
	});

	it('without business_public_key: "The parameter business_public_key is required."', async () => {
		const error = expectGraphError(await post(sandbox, path(SANDBOX_PHONE_NUMBER_ID), { token, form: {} }), 400, 100);
		expect(error.message).toBe('(#100) The parameter business_public_key is required.');
	});
});

it('needs the phone number\'s permission: the limited token cannot set the second number\'s key', async () => {
	expectGraphError(await post(sandbox, path(SANDBOX_SECOND_PHONE_NUMBER_ID), { token: SANDBOX_LIMITED_TOKEN, form: { business_public_key: pem2048 } }), 403, 10);
});
