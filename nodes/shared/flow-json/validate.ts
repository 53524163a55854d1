import { limitsFor, rulesVersionOf, type RuleContext } from './context';
import { DOC } from './docs';
import { IssueCollector } from './issues';
import { JsonTextError, LineIndex, parseLocatedJson, type LocatedJson } from './located-json';
import { isObject, screenModel, type ScreenModel } from './model';
import { checkActions } from './rules/actions';
import { checkComponentLimits } from './rules/component-limits';
import { checkComponentRules } from './rules/component-rules';
import { checkComponentSchemas } from './rules/component-schema';
import { checkDataModels } from './rules/data-model';
import { checkReferences } from './rules/references';
import { checkRouting } from './rules/routing';
import { checkScreenCountsAll } from './rules/screen-counts';
import { checkScreens } from './rules/screens';
import { checkTopLevel, checkVersion } from './rules/top-level';
import type { FlowJsonIssue, FlowJsonReport, FlowJsonValidationOptions } from './types';
import { isPublishableVersion } from './versions';

const RULES: ((ctx: RuleContext) => void)[] = [
	checkScreens,
	checkComponentSchemas,
	checkComponentLimits,
	checkComponentRules,
	checkScreenCountsAll,
	checkActions,
	checkRouting,
	checkDataModels,
	checkReferences,
];

function utf8Length(text: string): number {
	if (/^[\x00-\x7f]*$/.test(text)) return text.length;
	let bytes = 0;
	for (let k = 0; k < text.length; k += 1) {
		const c = text.charCodeAt(k);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			bytes += 4;
			k += 1;
		} else bytes += 3;
	}
	return bytes;
}

function toText(source: string | object): string | undefined {
	if (typeof source === 'string') return source;
	try {
		return JSON.stringify(source, null, 2) as string | undefined;
	} catch {
		return undefined;
	}
}

function byPosition(a: FlowJsonIssue, b: FlowJsonIssue): number {
	return a.line - b.line || a.column - b.column;
}

function finish(report: IssueCollector, version: string | null): FlowJsonReport {
	const errors = [...report.errors].sort(byPosition);
	const warnings = [...report.warnings].sort(byPosition);
	const valid = errors.length === 0;
	return { valid, publishable: valid && version !== null && isPublishableVersion(version), version, errors, warnings };
}

/**
 * Checks Flow JSON locally, before Meta sees it: structure, each version's documented limits, actions, routing and
 * dynamic references. Every issue names its JSON pointer, line, column, rule and the Meta page the rule comes from.
 */
export function validateFlowJson(source: string | object, options: FlowJsonValidationOptions = {}): FlowJsonReport {
	const raw = toText(source);
	if (raw === undefined) {
		const report = new IssueCollector(undefined);
		report.error('json.syntax', '', 'The Flow JSON object cannot be serialised to JSON (a cycle, a BigInt or a function?).', DOC.errors);
		return finish(report, null);
	}
	// A byte-order mark is not JSON; blank it in place so positions stay true.
	const text = raw.charCodeAt(0) === 0xfeff ? ` ${raw.slice(1)}` : raw;
	let located: LocatedJson;
	try {
		located = parseLocatedJson(text);
	} catch (error: unknown) {
		// Anything else the parser can throw is the stack running out on absurdly deep nesting.
		const { message, offset } = error instanceof JsonTextError ? error : { message: 'it is nested too deeply to read', offset: 0 };
		const { line, column } = new LineIndex(text).position(offset);
		const issue: FlowJsonIssue = { pointer: '', line, column, message: `Flow JSON is not valid JSON: ${message}.`, rule: 'json.syntax', doc: DOC.errors, severity: 'error' };
		return { valid: false, publishable: false, version: null, errors: [issue], warnings: [] };
	}
	const report = new IssueCollector(located);
	for (const pointer of located.duplicateKeys) {
		report.warning('json.duplicate-key', pointer, 'This property appears twice in its object; only the last value counts.', DOC.errors, 'key');
	}
	const root = located.value;
	if (!isObject(root)) {
		report.error('root.type', '', 'Flow JSON must be an object with "version" and "screens".', DOC.topLevel);
		return finish(report, null);
	}
	const version = checkVersion(root, options.targetVersion, report);
	const rulesVersion = rulesVersionOf(version, options.targetVersion);
	const screens: ScreenModel[] = [];
	const screensById = new Map<string, ScreenModel>();
	const ctx: RuleContext = {
		root,
		screens,
		screensById,
		rulesVersion,
		limits: limitsFor(rulesVersion),
		hasEndpoint: root.data_api_version !== undefined,
		report,
	};
	checkTopLevel(ctx, utf8Length(text));
	if (root.screens === undefined) report.error('screens.missing', '', 'Flow JSON needs a "screens" array.', DOC.topLevel);
	else if (!Array.isArray(root.screens)) report.error('screens.type', '/screens', '"screens" must be an array of screens.', DOC.topLevel);
	else if (root.screens.length === 0) report.error('screens.empty', '/screens', "Property 'screens' should have at least '1' item.", DOC.errors);
	else {
		root.screens.forEach((node, index) => {
			if (!isObject(node)) return;
			const screen = screenModel(node, index);
			screens.push(screen);
			if (screen.id !== undefined && !screensById.has(screen.id)) screensById.set(screen.id, screen);
		});
		for (const rule of RULES) rule(ctx);
	}
	return finish(report, version);
}
