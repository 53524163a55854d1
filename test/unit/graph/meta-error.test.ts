import { MetaApiError, metaErrorFromResponse, parseMetaError } from '../../../nodes/shared/graph/meta-error';

describe('parseMetaError', () => {
	it("reads every field of Meta's error shape", () => {
		const body = {
			error: {
				message: '(#131047) Re-engagement message',
				type: 'OAuthException',
				code: 131047,
				error_subcode: 2494010,
				error_user_title: 'Message not sent',
				error_user_msg: 'More than 24 hours have passed.',
				error_data: {
					messaging_product: 'whatsapp',
					details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
				},
				fbtrace_id: 'AQ9xLbw2HgM',
			},
		};
		const error = parseMetaError(400, body);

		expect(error).toBeInstanceOf(MetaApiError);
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({
			name: 'MetaApiError',
			httpStatus: 400,
			code: 131047,
			subcode: 2494010,
			type: 'OAuthException',
			title: 'Message not sent',
			userMessage: 'More than 24 hours have passed.',
			details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
			fbtraceId: 'AQ9xLbw2HgM',
			metaMessage: '(#131047) Re-engagement message',
			codeTitle: 'Re-engagement message',
			retry: 'never',
			knownCode: true,
			raw: body,
		});
		expect(error.message).toBe(
			'Meta error 131047 (Re-engagement message): Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
		);
		expect(error.cause).toMatch(/24 hours/);
		expect(error.fix).toMatch(/template/);
		expect(error.docUrl).toBe('https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes');
	});

	it('reads the throughput error exactly as Meta documents it', () => {
		const error = parseMetaError(400, {
			error: {
				message: '(#130429) Rate limit hit',
				type: 'OAuthException',
				code: 130429,
				error_data: {
					messaging_product: 'whatsapp',
					details: 'Message failed to send because there were too many messages sent from this phone number in a short period of time',
				},
				error_subcode: 2494055,
				fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam',
			},
		});
		expect(error.message).toBe(
			'Meta error 130429 (Throughput limit reached): Rate limit hit — Message failed to send because there were too many messages sent from this phone number in a short period of time',
		);
		expect(error.retry).toBe('backoff');
	});

	it('names the subcode when it changes the meaning (expired token)', () => {
		const error = parseMetaError(401, {
			error: {
				message: 'Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT.',
				type: 'OAuthException',
				code: 190,
				error_subcode: 463,
				fbtrace_id: 'A1',
			},
		});
		expect(error.message).toMatch(/^Meta error 190 subcode 463 \(Access token expired\): Error validating access token/);
		expect(error.fix).toMatch(/new access token/);
	});

	it('reads an object-does-not-exist error (100 / 33)', () => {
		const error = parseMetaError(400, {
			error: {
				message: "Unsupported get request. Object with ID '999' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
				type: 'GraphMethodException',
				code: 100,
				error_subcode: 33,
				fbtrace_id: 'B2',
			},
		});
		expect(error.codeTitle).toBe('Object does not exist');
		expect(error.type).toBe('GraphMethodException');
	});

	it('accepts Meta JSON that arrives as text', () => {
		const error = parseMetaError(400, '{"error":{"message":"(#132001) Template name does not exist in the translation","code":132001}}');
		expect(error.code).toBe(132001);
		expect(error.message).toBe('Meta error 132001 (Template does not exist): Template name does not exist in the translation');
	});

	it('names an unknown code and keeps its message', () => {
		const error = parseMetaError(400, { error: { message: 'Something new', code: 987654 } });
		expect(error.message).toBe('Meta error 987654 (Unknown Meta error): Something new');
		expect(error.cause).toContain('987654');
		expect(error.knownCode).toBe(false);
	});

	it('describes an HTML page from a proxy without dumping it', () => {
		const html = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';
		const error = parseMetaError(502, html);
		expect(error.code).toBeUndefined();
		expect(error.message).toBe('Meta error (HTTP 502, Meta server error): the answer was an HTML page, not JSON ("502 Bad Gateway").');
		expect(error.retry).toBe('backoff');
		expect(error.raw).toBe(html);
	});

	it.each([undefined, null, '', '   '])('describes an empty body (%p)', (body) => {
		const error = parseMetaError(500, body);
		expect(error.message).toBe('Meta error (HTTP 500, Meta server error): the answer had an empty body.');
	});

	it('describes plain text and a Buffer body', () => {
		expect(parseMetaError(403, 'Forbidden').message).toBe('Meta error (HTTP 403, Forbidden): the answer was not JSON: "Forbidden".');
		expect(parseMetaError(404, Buffer.from('no such route')).message).toBe(
			'Meta error (HTTP 404, Not found): the answer was not JSON: "no such route".',
		);
	});

	it('reads an OAuth-style string error', () => {
		const error = parseMetaError(400, { error: 'invalid_request', error_description: 'Missing client_id' });
		expect(error.message).toBe('Meta error (HTTP 400, Request rejected): invalid_request: Missing client_id');
	});

	it('reads Retry-After seconds from the headers', () => {
		expect(parseMetaError(429, '', { 'Retry-After': '7' }).retryAfterMs).toBe(7000);
		expect(parseMetaError(429, '', { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' }).retryAfterMs).toBeUndefined();
	});
});

describe('metaErrorFromResponse', () => {
	it('treats HTTP 200 with an error member as an error', () => {
		const error = metaErrorFromResponse({ status: 200, headers: {}, body: { error: { message: 'x', code: 100 } } });
		expect(error?.code).toBe(100);
		expect(error?.httpStatus).toBe(200);
	});

	it('returns nothing for a success', () => {
		expect(metaErrorFromResponse({ status: 200, headers: {}, body: { success: true } })).toBeUndefined();
		expect(metaErrorFromResponse({ status: 204, headers: {}, body: '' })).toBeUndefined();
	});
});
