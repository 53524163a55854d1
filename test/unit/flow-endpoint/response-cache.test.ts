import {
	isShareableResponse,
	parseResponseCacheRules,
	ResponseCacheRuleError,
	responseCacheRefFor,
} from '../../../nodes/shared/flow-endpoint/response-cache';

const rules = parseResponseCacheRules({
	rules: [
		{ action: 'INIT', screen: '', keyFields: '', ttlSeconds: 300 },
		{ action: 'data_exchange', screen: 'DEPARTMENT', keyFields: 'department, slot.date', ttlSeconds: 60 },
	],
});

describe('response cache rules', () => {
	it('reads the trigger\'s rules', () => {
		expect(rules).toEqual([
			{ action: 'INIT', screen: '', keyFields: [], ttlSeconds: 300 },
			{ action: 'data_exchange', screen: 'DEPARTMENT', keyFields: ['department', 'slot.date'], ttlSeconds: 60 },
		]);
	});

	it.each([
		[{ action: 'ping' }, 'the action must be INIT, BACK or data_exchange'],
		[{ action: 'INIT', keyFields: 'a b' }, '"a b" is not a data field path'],
		[{ action: 'INIT', ttlSeconds: 0 }, 'keep answers 1 to 86400 seconds'],
		[{ action: 'INIT', ttlSeconds: 100_000 }, 'keep answers 1 to 86400 seconds'],
	])('refuses %j', (rule, message) => {
		expect(() => parseResponseCacheRules({ rules: [rule] })).toThrow(ResponseCacheRuleError);
		expect(() => parseResponseCacheRules({ rules: [rule] })).toThrow(message);
	});
});

describe('cache keys', () => {
	const scope = '["wf-1","node-1"]';
	const keyOf = (request: { action: string; screen: string | null; data: Record<string, unknown> }, inScope = scope) =>
		responseCacheRefFor(rules, inScope, request, 'process')?.key;

	it('INIT: one entry for everyone, whatever the request data', () => {
		expect(keyOf({ action: 'INIT', screen: null, data: {} })).toBe(keyOf({ action: 'INIT', screen: null, data: { name: 'Ada' } }));
	});

	it('data_exchange: one entry per value of the key fields, nested paths included', () => {
		const a = keyOf({ action: 'data_exchange', screen: 'DEPARTMENT', data: { department: 'cardio', slot: { date: '2026-12-01' }, name: 'Ada' } });
		const b = keyOf({ action: 'data_exchange', screen: 'DEPARTMENT', data: { department: 'cardio', slot: { date: '2026-12-01' }, name: 'Bob' } });
		const c = keyOf({ action: 'data_exchange', screen: 'DEPARTMENT', data: { department: 'derma', slot: { date: '2026-12-01' } } });
		expect(a).toBe(b);
		expect(a).not.toBe(c);
	});

	it('separates endpoints, and caches nothing no rule names', () => {
		expect(keyOf({ action: 'INIT', screen: null, data: {} }, '["wf-2","node-1"]')).not.toBe(keyOf({ action: 'INIT', screen: null, data: {} }));
		expect(keyOf({ action: 'data_exchange', screen: 'OTHER', data: {} })).toBeUndefined();
		expect(keyOf({ action: 'BACK', screen: 'DEPARTMENT', data: {} })).toBeUndefined();
	});

	it('carries the rule\'s lifetime and the store', () => {
		expect(responseCacheRefFor(rules, scope, { action: 'data_exchange', screen: 'DEPARTMENT', data: {} }, 'dataTable')).toMatchObject({
			ttlMs: 60_000,
			store: 'dataTable',
		});
	});
});

describe('which answers may be shared', () => {
	it('a screen with data may', () => {
		expect(isShareableResponse({ screen: 'BOOK', data: { departments: [] } }, 'a-long-flow-token')).toBe(true);
	});

	it('a completion never (it carries the user\'s flow token)', () => {
		expect(isShareableResponse({ screen: 'SUCCESS', data: { extension_message_response: { params: {} } } }, 'x')).toBe(false);
		expect(isShareableResponse({ data: { extension_message_response: { params: {} } } }, 'x')).toBe(false);
	});

	it('an answer that contains the request\'s flow token never', () => {
		expect(isShareableResponse({ screen: 'BOOK', data: { ref: 'wf1.user-a-token' } }, 'user-a-token')).toBe(false);
	});
});
