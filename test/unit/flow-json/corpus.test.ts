// Every variant of the corpus fails with its rule at its JSON pointer, and at the line and column an independent
// JSON locator (the sandbox's) gives for that pointer; the valid flows it starts from pass cleanly.
import { FLOW_JSON_RULES, metaPath, validateFlowJson, type FlowJsonIssue } from '../../../nodes/shared/flow-json';
import { JsonSyntaxError, locateJson } from '../../sandbox/json-locate';
import { CORPUS } from './corpus';
import { endpointFlow, formFlow, minimalFlow } from './flows';

const textOf = (source: unknown) => (typeof source === 'string' ? source : JSON.stringify(source, null, 2));

describe('the valid flows the corpus starts from', () => {
	it.each([
		['minimal', minimalFlow()],
		['form (three screens, no endpoint)', formFlow()],
		['endpoint (data_api_version + routing_model)', endpointFlow()],
	])('%s: valid, publishable, no warnings', (_name, flow) => {
		const report = validateFlowJson(flow);
		expect(report.errors).toEqual([]);
		expect(report.warnings).toEqual([]);
		expect(report).toMatchObject({ valid: true, publishable: true, version: '7.3' });
	});
});

/** Where the sandbox's parser puts a pointer: its value or its property name, else its nearest existing ancestor. */
function independentPositions(text: string, pointer: string): { line: number; column: number }[] {
	const located = locateJson(text);
	let path = metaPath(pointer);
	const out: { line: number; column: number }[] = [];
	const key = located.keySpans.get(path);
	if (key) out.push({ line: key.lineStart, column: key.columnStart });
	for (;;) {
		const span = located.valueSpans.get(path);
		if (span) {
			out.push({ line: span.lineStart, column: span.columnStart });
			return out;
		}
		path = path.replace(/(\.[^.[]+|\[\d+\])$/, '');
	}
}

describe('the corpus of broken Flow JSON', () => {
	it('has a variant for every rule, and more than 40 in all', () => {
		const covered = new Set(CORPUS.map((v) => v.rule));
		expect(FLOW_JSON_RULES.filter((rule) => !covered.has(rule))).toEqual([]);
		expect(CORPUS.length).toBeGreaterThan(40);
	});

	it.each(CORPUS.map((v) => [v.name, v] as const))('%s', (_name, variant) => {
		const source = variant.source();
		const report = validateFlowJson(source, variant.options);
		const issues: FlowJsonIssue[] = variant.severity === 'error' ? report.errors : report.warnings;
		const hit = issues.find((i) => i.rule === variant.rule && i.pointer === variant.pointer);
		if (hit === undefined) {
			throw new Error(`expected ${variant.severity} ${variant.rule} at ${variant.pointer}; got:\n${[...report.errors, ...report.warnings].map((i) => `${i.severity} ${i.rule} ${i.pointer}`).join('\n')}`);
		}
		if (variant.severity === 'error') expect(report.valid).toBe(false);
		expect(hit.doc).toMatch(/^https:\/\/developers\.facebook\.com\/docs\/whatsapp\/flows\//);
		const text = textOf(source);
		if (text.length > 1_000_000) return; // the sandbox's locator is too slow for the 10 MB variant
		let expected: { line: number; column: number }[];
		try {
			expected = independentPositions(text, hit.pointer);
		} catch (error: unknown) {
			if (!(error instanceof JsonSyntaxError)) throw error;
			expected = [{ line: error.line, column: error.column }];
		}
		expect(expected).toContainEqual({ line: hit.line, column: hit.column });
	});
});
