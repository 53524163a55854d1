// Cross-check with the sandbox's independent checker: on every rule both claim they report the same error for the
// same broken flow; the few places they differ are listed here, each with the reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateFlowJson } from '../../../nodes/shared/flow-json';
import { analyseFlowJson } from '../../sandbox/flow-json-validator';
import { CORPUS } from './corpus';
import { footer, formFlow, navigate, set } from './flows';
import { compareWithSandbox, SHARED_RULES } from './sandbox-agreement';

const examplesDir = join(__dirname, '../../fixtures/meta/flow-json-examples');
// The sandbox's locator is too slow for the 10 MB variant, which no shared rule concerns.
const comparable = CORPUS.filter((v) => v.rule !== 'flow.too-large');

describe('agreement with the sandbox validator', () => {
	const results = comparable.map(compareWithSandbox);

	it.each(results.filter((r) => r.verdict !== 'not shared').map((r) => [r.name, r] as const))('both report %s', (_name, result) => {
		expect(result.verdict).not.toBe('sandbox silent');
	});

	it('raises no shared error the validator misses', () => {
		const extra = Object.fromEntries(results.filter((r) => r.sandboxOnly.length > 0).map((r) => [r.name, r.sandboxOnly]));
		expect(extra).toEqual({});
	});

	it('covers every shared rule with at least one variant', () => {
		const compared = new Set(results.filter((r) => r.verdict !== 'not shared').map((r) => r.rule));
		expect(Object.keys(SHARED_RULES).filter((rule) => !compared.has(rule as never))).toEqual([]);
	});

	it.each(readdirSync(examplesDir).filter((f) => f.endsWith('.json')))("both accept Meta's example %s", (file) => {
		const text = readFileSync(join(examplesDir, file), 'utf8');
		expect(analyseFlowJson(text).errors).toEqual([]);
		expect(validateFlowJson(text).errors).toEqual([]);
	});

	it('agree that a Footer in both branches of an If is one Footer (components "If")', () => {
		const flow = formFlow();
		set(flow, '/screens/1/layout/children/4', { type: 'TextBody', text: 'Almost done' });
		set(flow, '/screens/1/layout/children/3/then', [footer(navigate('CONFIRM'))]);
		set(flow, '/screens/1/layout/children/3/else', [footer(navigate('CONFIRM'), 'Skip')]);
		const text = JSON.stringify(flow, null, 2);
		expect(validateFlowJson(text).errors).toEqual([]);
		expect(analyseFlowJson(text).errors).toEqual([]);
	});
});
