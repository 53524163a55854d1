// Every Graph route checks the access token as Graph does, and only versions v21.0 … v26.0 are served.
import {
	SANDBOX_ACCESS_TOKEN,
	SANDBOX_APP_ACCESS_TOKEN,
	SANDBOX_APP_ID,
	SANDBOX_LIMITED_TOKEN,
	SANDBOX_PHONE_NUMBER_ID,
	SANDBOX_SECOND_PHONE_NUMBER_ID,
	SUPPORTED_VERSIONS,
	startSandbox,
	type RecordedCall,
	type Sandbox,
} from './index';
import { expectGraphError, get, post } from './test-support';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

const phonePath = `/v21.0/${SANDBOX_PHONE_NUMBER_ID}`;
const textMessage = { messaging_product: 'whatsapp', to: '15550109999', type: 'text', text: { body: 'hi' } };

describe('access tokens', () => {
	it('without a token answers code 104 "An access token is required", HTTP 400', async () => {
		const answer = await get(sandbox, phonePath);
		const error = expectGraphError(answer, 400, 104);
		expect(error).toEqual({
			message: 'An access token is required to request this resource.',
			type: 'OAuthException',
			code: 104,
			fbtrace_id: error.fbtrace_id,
		});
		expect(answer.headers.get('www-authenticate')).toContain('invalid_request');
	});

	it('with an unknown token answers code 190 "Cannot parse access token", HTTP 401, exactly as Meta shapes it', async () => {
		const answer = await get(sandbox, phonePath, { token: 'EAAnot-a-real-token' });
		const error = expectGraphError(answer, 401, 190);
		expect(error).toEqual({
			message: 'Invalid OAuth access token - Cannot parse access token',
			type: 'OAuthException',
			code: 190,
			fbtrace_id: error.fbtrace_id,
		});
	});

	it('gives every error a fresh fbtrace_id, also sent as x-fb-trace-id', async () => {
		const first = await get(sandbox, phonePath, { token: 'bad' });
		const second = await get(sandbox, phonePath, { token: 'bad' });
		const a = expectGraphError(first, 401, 190).fbtrace_id;
		const b = expectGraphError(second, 401, 190).fbtrace_id;
		expect(a).not.toBe(b);
		expect(first.headers.get('x-fb-trace-id')).toBe(a);
	});

	it('accepts the token as a Bearer header, as ?access_token= and as an access_token form field', async () => {
		expect((await get(sandbox, phonePath, { token: SANDBOX_ACCESS_TOKEN })).status).toBe(200);
		expect((await get(sandbox, `${phonePath}?access_token=${SANDBOX_ACCESS_TOKEN}`)).status).toBe(200);
		const form = await post(sandbox, `${phonePath}/messages`, {
			form: { access_token: SANDBOX_ACCESS_TOKEN, messaging_product: 'whatsapp', to: '15550109999', text: '{"body":"hi"}' },
		});
		expect(form.status).toBe(200);
	});

	it('never logs a token in full: the call log keeps its last 4 characters', async () => {
		await get(sandbox, phonePath, { token: SANDBOX_ACCESS_TOKEN });
		await get(sandbox, `${phonePath}?access_token=${SANDBOX_ACCESS_TOKEN}`);
		const calls = (await get<RecordedCall[]>(sandbox, '/__sandbox/calls')).body;
		expect(calls[0].headers.authorization).toBe(`****${SANDBOX_ACCESS_TOKEN.slice(-4)}`);
		expect(calls[1].query.access_token).toBe(`****${SANDBOX_ACCESS_TOKEN.slice(-4)}`);
		expect(JSON.stringify(calls)).not.toContain(SANDBOX_ACCESS_TOKEN);
	});
});

describe('a valid token without permission for the second phone number', () => {
	it('reads the first number', async () => {
		expect((await get(sandbox, phonePath, { token: SANDBOX_LIMITED_TOKEN })).status).toBe(200);
	});

	it('cannot read the second: Graph answers as if it did not exist (code 100, subcode 33)', async () => {
		const answer = await get(sandbox, `/v21.0/${SANDBOX_SECOND_PHONE_NUMBER_ID}`, { token: SANDBOX_LIMITED_TOKEN });
		const error = expectGraphError(answer, 400, 100);
		expect(error.error_subcode).toBe(33);
		expect(error.type).toBe('GraphMethodException');
	});

	it('cannot send from the second: code 10, HTTP 403, and nothing is delivered', async () => {
		const answer = await post(sandbox, `/v21.0/${SANDBOX_SECOND_PHONE_NUMBER_ID}/messages`, {
			token: SANDBOX_LIMITED_TOKEN,
			json: textMessage,
		});
		const error = expectGraphError(answer, 403, 10);
		expect(error.message).toBe('(#10) Application does not have permission for this action');
		expect(error.error_data).toEqual({
			messaging_product: 'whatsapp',
			details: 'Application does not have permission for this action',
		});
		expect(sandbox.state.messagesTo('15550109999')).toEqual([]);
	});
});

describe('app access token {app-id}|{app-secret}', () => {
	it('reads the app node: category, link, name and id', async () => {
		const answer = await get(sandbox, `/v21.0/${SANDBOX_APP_ID}?access_token=${encodeURIComponent(SANDBOX_APP_ACCESS_TOKEN)}`);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			category: 'Business',
			link: sandbox.state.seed.app.link,
			name: sandbox.state.seed.app.name,
			id: SANDBOX_APP_ID,
		});
	});

	it('with a wrong app secret answers code 190 "Invalid OAuth access token signature."', async () => {
		const answer = await get(sandbox, `/v21.0/${SANDBOX_APP_ID}?access_token=${SANDBOX_APP_ID}|not-the-secret`);
		const error = expectGraphError(answer, 401, 190);
		expect(error.message).toBe('Invalid OAuth access token signature.');
		expect(error.type).toBe('OAuthException');
	});

	it('cannot send messages', async () => {
		const answer = await post(sandbox, `${phonePath}/messages?access_token=${encodeURIComponent(SANDBOX_APP_ACCESS_TOKEN)}`, {
			json: textMessage,
		});
		expectGraphError(answer, 403, 10);
	});
});

describe('Graph versions', () => {
	it.each(SUPPORTED_VERSIONS)('serves %s', async (version) => {
		const answer = await get(sandbox, `/${version}/${SANDBOX_PHONE_NUMBER_ID}`, { token: SANDBOX_ACCESS_TOKEN });
		expect(answer.status).toBe(200);
		expect(answer.headers.get('facebook-api-version')).toBe(version);
	});

	it.each(['/v20.0', '/v17.0', '/v27.0', '/latest', ''])(
		'answers %s/{id} with code 2635 naming the latest version',
		async (prefix) => {
			const answer = await get(sandbox, `${prefix}/${SANDBOX_PHONE_NUMBER_ID}`, { token: SANDBOX_ACCESS_TOKEN });
			const error = expectGraphError(answer, 400, 2635);
			expect(error.message).toBe(
				'(#2635) You are calling a deprecated version of the Graph API. Please update to the latest version: v26.0.',
			);
		},
	);
});
