import { flowCategories, FLOW_CATEGORIES } from '../../../nodes/shared/flows/categories';
import { FLOW_JSON_MAX_BYTES, flowJsonText, sameFlowJson } from '../../../nodes/shared/flows/flow-json-text';
import { metricDate, metricField } from '../../../nodes/shared/flows/metrics';
import { formatMetaValidationErrors, validationErrorsOf } from '../../../nodes/shared/flows/validation-errors';

describe('Flow JSON text', () => {
	it('keeps text exactly as written, so Meta\'s line numbers point into it (a BOM is dropped)', () => {
		const text = '{\n  "version": "7.3",\n\n  "screens": []\n}';
		expect(flowJsonText(text)).toBe(text);
		expect(flowJsonText(`\uFEFF${text}`)).toBe(text);
		expect(flowJsonText(Buffer.from(text))).toBe(text);
	});

	it('writes an object (an expression\'s result) with two-space indentation', () => {
		expect(flowJsonText({ version: '7.3', screens: [] })).toBe('{\n  "version": "7.3",\n  "screens": []\n}');
	});

	it('refuses empty input and anything over Meta\'s 10 MB, naming the field', () => {
		expect(() => flowJsonText('  ', 'Flow JSON')).toThrow('Flow JSON is empty');
		expect(() => flowJsonText(undefined, 'The file in binary field "data"')).toThrow('The file in binary field "data" is empty');
		expect(() => flowJsonText('x'.repeat(FLOW_JSON_MAX_BYTES + 1))).toThrow('at most 10485760 bytes');
	});

	it('compares meaning: whitespace and key order do not matter, array order and values do', () => {
		expect(sameFlowJson('{"a":1,"b":[1,2]}', '{\n  "b": [1, 2],\n  "a": 1\n}')).toBe(true);
		expect(sameFlowJson('{"b":[1,2]}', '{"b":[2,1]}')).toBe(false);
		expect(sameFlowJson('{"a":"1"}', '{"a":1}')).toBe(false);
		expect(sameFlowJson('{not json', '{not json')).toBe(true);
		expect(sameFlowJson('{not json', '{not  json')).toBe(false);
	});
});

describe('Flow categories', () => {
	it('takes Meta\'s eight categories, drops duplicates and refuses others or none', () => {
		expect(FLOW_CATEGORIES).toHaveLength(8);
		expect(flowCategories(['SURVEY', 'SURVEY', 'OTHER'])).toEqual(['SURVEY', 'OTHER']);
		expect(() => flowCategories([])).toThrow('at least one');
		expect(() => flowCategories(['GAMES'])).toThrow('"GAMES" is not a Flow category');
	});
});

describe('metrics field', () => {
	it('builds Meta\'s metric field with dates cut to the day', () => {
		expect(metricField({ name: 'ENDPOINT_REQUEST_COUNT', granularity: 'DAY', since: '2024-01-28T10:00:00.000Z', until: '2024-01-30' })).toBe(
			'metric.name(ENDPOINT_REQUEST_COUNT).granularity(DAY).since(2024-01-28).until(2024-01-30)',
		);
		expect(metricField({ name: 'ENDPOINT_AVAILABILITY', granularity: 'LIFETIME' })).toBe('metric.name(ENDPOINT_AVAILABILITY).granularity(LIFETIME)');
	});

	it('refuses unknown names, bad dates and a reversed range', () => {
		expect(() => metricField({ name: 'CLICKS' as never, granularity: 'DAY' })).toThrow('Metric must be one of');
		expect(() => metricDate('28.01.2024', 'Since')).toThrow('Since must be a date like 2024-01-28');
		expect(() => metricField({ name: 'ENDPOINT_REQUEST_COUNT', granularity: 'DAY', since: '2024-02-01', until: '2024-01-01' })).toThrow('is after');
	});
});

describe('Meta validation errors, readable', () => {
	it('numbers each error with its line, columns, path, rule and message (Postman "Update Flow JSON" example)', () => {
		const errors = validationErrorsOf({
			success: true,
			validation_errors: [
				{
					error: 'INVALID_PROPERTY',
					error_type: 'JSON_SCHEMA_ERROR',
					message: 'The property "initial-text" cannot be specified at "$root/screens/0/layout/children/2/children/0".',
					line_start: 46,
					line_end: 46,
					column_start: 17,
					column_end: 30,
					pointers: [{ path: 'screens[0].layout.children[2].children[0]' }],
				},
				{ error: 'MISSING_FOOTER', message: 'A terminal screen needs a Footer.', line_start: 3, line_end: 9, column_start: 5 },
			],
		});
		expect(formatMetaValidationErrors(errors)).toBe(
			[
				'Meta reported 2 validation errors in the Flow JSON:',
				'1. line 46, column 17–30 (screens[0].layout.children[2].children[0]): The property "initial-text" cannot be specified at "$root/screens/0/layout/children/2/children/0". [INVALID_PROPERTY / JSON_SCHEMA_ERROR]',
				'2. line 3–9, column 5: A terminal screen needs a Footer. [MISSING_FOOTER]',
			].join('\n'),
		);
	});

	it('has nothing to say about an answer without errors', () => {
		expect(validationErrorsOf({ success: true })).toEqual([]);
		expect(formatMetaValidationErrors([])).toBe('');
	});
});
