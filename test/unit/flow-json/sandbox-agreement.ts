// Runs the sandbox's own, independent Flow JSON checker (test/sandbox/flow-json-validator.ts, which answers the
// sandbox's Flows API uploads) and this validator over the same text, and compares them on the rules both claim.
import { metaPath, validateFlowJson, type FlowJsonRule } from '../../../nodes/shared/flow-json';
import { analyseFlowJson } from '../../sandbox/flow-json-validator';
import type { CorpusVariant } from './corpus';

/** Our rule → the sandbox's error name for the same rule. */
export const SHARED_RULES: Partial<Record<FlowJsonRule, string>> = {
	'json.syntax': 'INVALID_JSON',
	'root.type': 'INVALID_PROPERTY_VALUE',
	'version.missing': 'MISSING_REQUIRED_PROPERTY',
	'version.type': 'INVALID_PROPERTY_VALUE',
	'screens.missing': 'MISSING_REQUIRED_PROPERTY',
	'screens.type': 'INVALID_PROPERTY_VALUE',
	'screens.empty': 'INVALID_PROPERTY_VALUE',
	'screen.type': 'INVALID_PROPERTY_VALUE',
	'screen.id-missing': 'MISSING_REQUIRED_PROPERTY',
	'screen.id-reserved': 'RESERVED_SCREEN_ID',
	'screen.id-pattern': 'INVALID_SCREEN_ID',
	'screen.id-duplicate': 'DUPLICATE_SCREEN_ID',
	'layout.missing': 'MISSING_REQUIRED_PROPERTY',
	'layout.type': 'INVALID_PROPERTY_VALUE',
	'layout.children': 'MISSING_REQUIRED_PROPERTY',
	'screen.too-many-components': 'TOO_MANY_COMPONENTS',
	'footer.count': 'TOO_MANY_FOOTERS',
	'terminal.footer-missing': 'MISSING_FOOTER',
	'flow.no-terminal-screen': 'MISSING_TERMINAL_SCREEN',
	'action.navigate-unknown-screen': 'INVALID_NAVIGATION',
	'action.navigate-next': 'INVALID_NAVIGATION',
	'routing.unknown-screen': 'INVALID_ROUTING_MODEL',
	'routing.type': 'INVALID_PROPERTY_VALUE',
	'routing.missing': 'MISSING_ROUTING_MODEL',
	'action.data-exchange-without-endpoint': 'MISSING_DATA_API_VERSION',
};

export type Verdict = 'same error, same place' | 'same error, other place' | 'sandbox silent';

export interface Comparison {
	name: string;
	rule: FlowJsonRule;
	sandboxName: string | undefined;
	verdict: Verdict | 'not shared';
	/** Sandbox errors of shared kinds that this validator did not report for the variant. */
	sandboxOnly: string[];
}

export function compareWithSandbox(variant: CorpusVariant): Comparison {
	const source = variant.source();
	const text = typeof source === 'string' ? source : JSON.stringify(source, null, 2);
	const ours = validateFlowJson(text, variant.options);
	const theirs = analyseFlowJson(text).errors;
	const sandboxName = SHARED_RULES[variant.rule];
	let verdict: Comparison['verdict'] = 'not shared';
	if (sandboxName !== undefined) {
		const named = theirs.filter((e) => e.error === sandboxName);
		if (named.length === 0) verdict = 'sandbox silent';
		else verdict = named.some((e) => e.pointers[0]?.path === metaPath(variant.pointer)) ? 'same error, same place' : 'same error, other place';
	}
	const oursNamed = new Set(ours.errors.map((e) => SHARED_RULES[e.rule as FlowJsonRule]).filter((n) => n !== undefined));
	const sandboxOnly = theirs.filter((e) => Object.values(SHARED_RULES).includes(e.error) && !oursNamed.has(e.error)).map((e) => `${e.error} at ${e.pointers[0]?.path ?? ''}`);
	return { name: variant.name, rule: variant.rule, sandboxName, verdict, sandboxOnly };
}
