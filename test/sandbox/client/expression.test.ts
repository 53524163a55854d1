// If conditions and nested expressions evaluate as Meta documents them (reference/components "If",
// reference/flowjson "Nested Expressions").
import { evaluate, evaluateCondition, type Value } from './expression';

const scope: Record<string, Value> = {
	'form.age': '21',
	'form.opt_in': true,
	'form.city': 'London',
	'form.address': undefined,
	'data.num_value': 7,
	'data.total': 10,
	'form.group_size': '4',
	'form.first_name': 'Ada',
	'data.flag': false,
};
const resolve = (path: string): Value => scope[path];

describe('If conditions', () => {
	it.each([
		['${form.age} > 18', true],
		['${data.num_value} >= 7', true],
		['${data.num_value} < 5', false],
		['${data.num_value} == 7', true],
		["${form.city} != 'London'", false],
		["${form.opt_in} && (${form.address} != '')", false],
		['${form.opt_in} || (${data.num_value} > 5)', true],
		['!(${data.num_value} > 5)', false],
		['!${data.flag}', true],
		['${form.opt_in} == true', true],
		["`${form.age} > 18`", true],
		['${form.age} == 21', true],
	])('%s → %s', (condition, expected) => {
		expect(evaluateCondition(condition, resolve)).toBe(expected);
	});

	it('treats an unfilled field as empty', () => {
		expect(evaluateCondition("${form.address} == ''", resolve)).toBe(true);
	});

	it('refuses malformed conditions', () => {
		expect(() => evaluateCondition('${form.age} >', resolve)).toThrow();
		expect(() => evaluateCondition('(${form.age} > 1', resolve)).toThrow();
		expect(() => evaluateCondition('maybe', resolve)).toThrow();
	});
});

describe('nested expressions', () => {
	it('concatenates juxtaposed strings and values', () => {
		expect(evaluate("'Hello ' ${form.first_name}", resolve)).toBe('Hello Ada');
		expect(evaluate("'Total: ' ${data.total} * 2 ' EUR'", resolve)).toBe('Total: 20 EUR');
	});

	it('does arithmetic with / and %, giving 0 on a division by zero', () => {
		expect(evaluate('${data.total} / ${form.group_size}', resolve)).toBe(2.5);
		expect(evaluate('${data.total} % 4', resolve)).toBe(2);
		expect(evaluate('${data.total} / 0', resolve)).toBe(0);
		expect(evaluate('${data.total} + 1 - 3', resolve)).toBe(8);
	});
});
