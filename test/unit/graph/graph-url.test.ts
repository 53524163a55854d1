import {
	DEFAULT_GRAPH_BASE_URL,
	DEFAULT_GRAPH_VERSION,
	graphUrl,
	normaliseGraphVersion,
} from '../../../nodes/shared/graph/graph-url';

describe('graphUrl', () => {
	it('joins base URL, version and path, trimming slashes', () => {
		expect(graphUrl('https://graph.facebook.com/', 'v25.0', '/123456/messages/')).toBe(
			'https://graph.facebook.com/v25.0/123456/messages',
		);
	});

	it.each([
		['v25.0', 'v25.0'],
		['25.0', 'v25.0'],
		[' V21.0 ', 'v21.0'],
		['', DEFAULT_GRAPH_VERSION],
		[undefined, DEFAULT_GRAPH_VERSION],
	])('normalises version %p to %p', (input, expected) => {
		expect(normaliseGraphVersion(input)).toBe(expected);
	});

	it.each(['25', 'latest', 'v25', 'v25.0.1', '25.0/x'])('rejects the version %p', (version) => {
		expect(() => graphUrl(DEFAULT_GRAPH_BASE_URL, version, '123')).toThrow(/version/i);
	});

	it('uses the defaults when base URL and version are blank', () => {
		expect(DEFAULT_GRAPH_BASE_URL).toBe('https://graph.facebook.com');
		expect(graphUrl('', '', '123/flows')).toBe('https://graph.facebook.com/v25.0/123/flows');
	});

	it('keeps a path prefix of a local stand-in server', () => {
		expect(graphUrl('http://127.0.0.1:8080/graph//', '25.0', 'me')).toBe('http://127.0.0.1:8080/graph/v25.0/me');
	});

	it('returns the version root for an empty path', () => {
		expect(graphUrl(DEFAULT_GRAPH_BASE_URL, 'v25.0', '/')).toBe('https://graph.facebook.com/v25.0');
	});

	it.each([
		['../other-app/secrets', /"\.\."/],
		['123/../../me', /"\.\."/],
		['./123', /"\.\."/],
		['https://evil.example/steal', /relative/],
		['//evil.example/steal', /relative/],
		['javascript:alert(1)', /relative/],
		['123?fields=name', /query/],
		['123#frag', /query/],
	])('rejects the path %p', (path, message) => {
		expect(() => graphUrl(DEFAULT_GRAPH_BASE_URL, 'v25.0', path)).toThrow(message);
	});

	it('percent-encodes each segment so an ID cannot change the path', () => {
		expect(graphUrl(DEFAULT_GRAPH_BASE_URL, 'v25.0', '12 3/a%2F..')).toBe('https://graph.facebook.com/v25.0/12%203/a%252F..');
	});

	it.each([
		['graph.facebook.com', /not a valid URL/],
		['ftp://graph.facebook.com', /https/],
		['https://graph.facebook.com?x=1', /query/],
		['https://user:pw@graph.facebook.com', /credentials/],
		['https://graph.facebook.com/v25.0', /version/],
	])('rejects the base URL %p', (baseUrl, message) => {
		expect(() => graphUrl(baseUrl, 'v25.0', 'me')).toThrow(message);
	});
});
