// GET /{phone-number-id} returns the phone number node as Meta's Postman examples show it.
import {
	SANDBOX_ACCESS_TOKEN,
	SANDBOX_PHONE_NUMBER_ID,
	SANDBOX_WABA_ID,
	startSandbox,
	type Sandbox,
} from './index';
import { expectGraphError, get, postmanExample } from './test-support';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

const token = SANDBOX_ACCESS_TOKEN;
const path = `/v23.0/${SANDBOX_PHONE_NUMBER_ID}`;

function typesOf(value: object): Record<string, string> {
	return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v]));
}

describe('GET /{phone-number-id}', () => {
	it('has every key of the Postman example "Get Phone Number By ID", with the same value types', async () => {
		const example = postmanExample('Get Phone Number By ID').responseBody as Record<string, unknown>;
		const answer = await get<Record<string, unknown>>(sandbox, path, { token });
		expect(answer.status).toBe(200);
		expect(typesOf(answer.body)).toMatchObject(typesOf(example));
	});

	it('returns the seeded number with the default fields of Meta\'s reference', async () => {
		const answer = await get(sandbox, path, { token });
		expect(answer.body).toEqual({
			verified_name: 'Sandbox Shop',
			code_verification_status: 'VERIFIED',
			display_phone_number: '+1 555-010-0001',
			quality_rating: 'GREEN',
			platform_type: 'CLOUD_API',
			throughput: { level: 'STANDARD' },
			id: SANDBOX_PHONE_NUMBER_ID,
		});
	});

	it('with ?fields= returns id and the requested fields, like "Get Display Name Status (Beta)"', async () => {
		const example = postmanExample('Get Display Name Status (Beta)').responseBody as Record<string, unknown>;
		const answer = await get<Record<string, unknown>>(sandbox, `${path}?fields=name_status`, { token });
		expect(Object.keys(answer.body)).toEqual(Object.keys(example));
		expect(answer.body).toEqual({ id: SANDBOX_PHONE_NUMBER_ID, name_status: 'APPROVED' });
	});

	it('reads nested field syntax by its top-level name', async () => {
		const answer = await get(sandbox, `${path}?fields=${encodeURIComponent('throughput{level},verified_name')}`, { token });
		expect(answer.body).toEqual({ id: SANDBOX_PHONE_NUMBER_ID, throughput: { level: 'STANDARD' }, verified_name: 'Sandbox Shop' });
	});

	it('rejects an unknown field with "Tried accessing nonexisting field"', async () => {
		const error = expectGraphError(await get(sandbox, `${path}?fields=verified_name,colour`, { token }), 400, 100);
		expect(error.message).toBe('(#100) Tried accessing nonexisting field (colour) on node type (WhatsAppBusinessPhoneNumber)');
	});

	it('answers an unknown id with code 100, subcode 33 and Meta\'s exact message', async () => {
		const error = expectGraphError(await get(sandbox, '/v23.0/123456789', { token }), 400, 100);
		expect(error).toEqual({
			message:
				"Unsupported get request. Object with ID '123456789' does not exist, cannot be loaded due to missing permissions, " +
				'or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api',
			type: 'GraphMethodException',
			code: 100,
			error_subcode: 33,
			fbtrace_id: error.fbtrace_id,
		});
	});

	it('answers an unknown edge as a nonexisting field, and deeper paths as unknown path components', async () => {
		const edge = expectGraphError(await get(sandbox, `${path}/colours`, { token }), 400, 100);
		expect(edge.message).toBe('(#100) Tried accessing nonexisting field (colours) on node type (WhatsAppBusinessPhoneNumber)');
		const deep = expectGraphError(await get(sandbox, `${path}/messages/extra`, { token }), 400, 2500);
		expect(deep.message).toBe('Unknown path components: /messages/extra');
	});

	it('does not simulate the WABA node yet: Graph\'s "Unsupported get request" for it', async () => {
		const error = expectGraphError(await get(sandbox, `/v23.0/${SANDBOX_WABA_ID}`, { token }), 400, 100);
		expect(error.error_subcode).toBe(33);
	});
});

describe('a custom seed', () => {
	it('replaces the phone numbers and tokens', async () => {
		const custom = await startSandbox({
			seed: {
				phoneNumbers: [
					{
						id: '42',
						displayPhoneNumber: '+44 7700 900123',
						verifiedName: 'Custom Ltd',
						qualityRating: 'YELLOW',
						codeVerificationStatus: 'NOT_VERIFIED',
						platformType: 'CLOUD_API',
						throughputLevel: 'HIGH',
						nameStatus: 'PENDING_REVIEW',
						messagingLimitTier: 'TIER_1K',
					},
				],
				accessTokens: [{ token: 'EAAcustom', label: 'custom', phoneNumberIds: ['42'] }],
			},
		});
		try {
			const answer = await get<Record<string, unknown>>(custom, '/v21.0/42', { token: 'EAAcustom' });
			expect(answer.body).toMatchObject({ id: '42', verified_name: 'Custom Ltd', throughput: { level: 'HIGH' } });
			expect((await get(custom, path, { token })).status).toBe(401);
		} finally {
			await custom.close();
		}
	});
});
