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

/** Sandbox errors this validator does not raise, by variant, with the reason the validator is right. */
const KNOWN_SANDBOX_ONLY: Record<string, string[]> = {
	// The sandbox stops looking at a screen without layout before counting it as terminal.
	'a screen without layout': ['MISSING_TERMINAL_SCREEN at screens'],
	// The sandbox counts Footers in both If branches as two; components "If": one Footer per branch is one per screen.
	'a Footer in a nested If': ['TOO_MANY_FOOTERS at screens[1].layout.children[3].then[0].else[0]'],
};

describe('agreement with the sandbox validator', () => {
	const results = comparable.map(compareWithSandbox);

	it.each(results.filter((r) => r.verdict !== 'not shared').map((r) => [r.name, r] as const))('both report %s', (_name, result) => {
		expect(result.verdict).not.toBe('sandbox silent');
	});

	it('raises no shared error the validator misses, apart from the known ones', () => {
		const extra = Object.fromEntries(results.filter((r) => r.sandboxOnly.length > 0).map((r) => [r.name, r.sandboxOnly]));
		expect(extra).toEqual(KNOWN_SANDBOX_ONLY);
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

	it('differs on a Footer in both branches of an If: the validator follows Meta (one per rendering path)', () => {
		const flow = formFlow();
		set(flow, '/screens/1/layout/children/4', { type: 'TextBody', text: 'Almost done' });
		set(flow, '/screens/1/layout/children/3/then', [footer(navigate('CONFIRM'))]);
		set(flow, '/screens/1/layout/children/3/else', [footer(navigate('CONFIRM'), 'Skip')]);
		const text = JSON.stringify(flow, null, 2);
		expect(validateFlowJson(text).errors).toEqual([]);
		expect(analyseFlowJson(text).errors.map((e) => e.error)).toEqual(['TOO_MANY_FOOTERS']);
	});
});
