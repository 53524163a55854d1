// Typeform `logic[]` (Create API, https://www.typeform.com/developers/create/reference/create-form/ "logic"):
// rules of {type: "field", ref, actions[{action: "jump", details: {to: {type: "field" | "thankyou", value}},
// condition: {op, vars}}]}. Jumps on one choice / yes-no question whose condition compares that question's answer
// with an option ("is", "equal", "is_not", "not_equal", "or" of those) or holds always become FormRoutings;
// every other jump is warned with the reason.
import { isRecord, recordsOf, textOf, type JsonRecord } from '../../webhook-events/json';
import type { FormItem, FormOption, FormQuestion, FormRoute, FormRouting } from '../model';
import { jumpNotConverted } from '../screen-routes';

const EQUALS = new Set(['is', 'equal']);
const NOT_EQUALS = new Set(['is_not', 'not_equal']);

type Parsed = { values: string[] } | 'always' | { reason: string };

function optionsOf(question: FormQuestion): FormOption[] | undefined {
	if (question.kind === 'yesNo') return [question.yes, question.no];
	if (question.kind === 'choice' && question.mode !== 'multiple') return question.options;
	return undefined;
}

/** The option a condition var names: a choice by ref / id, or a constant (yes_no true / false, a dropdown label). */
function optionFor(options: FormOption[], variable: JsonRecord): FormOption | undefined {
	const value = variable.value;
	if (variable.type === 'choice') return options.find((o) => o.ref === value || o.sourceId === value);
	if (variable.type === 'constant') return options.find((o) => o.value === String(value) || o.label === String(value));
	return undefined;
}

function parseCondition(condition: JsonRecord, ref: string, question: FormQuestion): Parsed {
	const op = textOf(condition.op) ?? '?';
	if (op === 'always') return 'always';
	const vars = recordsOf(condition.vars);
	if (op === 'or') {
		const values: string[] = [];
		for (const part of vars) {
			const parsed = parseCondition(part, ref, question);
			if (parsed === 'always') return 'always';
			if ('reason' in parsed) return parsed;
			values.push(...parsed.values);
		}
		return { values };
	}
	if (!EQUALS.has(op) && !NOT_EQUALS.has(op)) {
		return { reason: `its condition "${op}" has no Flow equivalent (a screen can branch only on this question's answer being or not being one option)` };
	}
	const other = vars.find((v) => v.type === 'field' && v.value !== ref);
	if (other !== undefined) return { reason: `its condition reads the answer to "${textOf(other.value) ?? '?'}", another question (a Flow screen can branch only on its own answers)` };
	const options = optionsOf(question);
	if (options === undefined) return { reason: `"${question.source.type}" answers cannot be compared in a Flow condition (only single choice and yes/no can)` };
	const option = vars.map((v) => optionFor(options, v)).find((o) => o !== undefined);
	if (option === undefined) return { reason: 'its condition compares with a value that is not one of the options' };
	return { values: EQUALS.has(op) ? [option.value] : options.filter((o) => o !== option).map((o) => o.value) };
}

/** Routings from Typeform logic; `items` maps each field ref to the first item it produced. */
export function typeformRoutings(logic: unknown, items: Map<string, FormItem>, warnings: string[]): FormRouting[] {
	const routings: FormRouting[] = [];
	for (const rule of recordsOf(logic)) {
		const jumps = recordsOf(rule.actions).filter((action) => action.action === 'jump');
		if (jumps.length === 0) continue;
		const ref = textOf(rule.ref) ?? '?';
		const item = items.get(ref);
		const question = item !== undefined && item.kind !== 'statement' ? item : undefined;
		const name = question?.source.title ?? ref;
		const warn = (describe: string, why: string) => warnings.push(jumpNotConverted(name, describe, why, 'the questions are asked in order'));
		if (rule.type !== 'field' || question === undefined) {
			warn(`${jumps.length} jump${jumps.length > 1 ? 's' : ''}`, rule.type === 'hidden' ? 'it depends on hidden fields, which the Flow does not have' : `"${ref}" is not a question asked in the Flow`);
			continue;
		}
		const routes: FormRoute[] = [];
		for (const jump of jumps) {
			const details = isRecord(jump.details) ? jump.details : {};
			const to = isRecord(details.to) ? details.to : {};
			const target = to.type === 'thankyou' ? 'end' : items.get(textOf(to.value) ?? '');
			const condition = isRecord(jump.condition) ? jump.condition : {};
			const describe = `${textOf(condition.op) ?? '?'} → ${to.type === 'thankyou' ? 'the end' : `"${textOf(to.value) ?? '?'}"`}`;
			const parsed = parseCondition(condition, ref, question);
			if (typeof parsed === 'object' && 'reason' in parsed) warn(describe, parsed.reason);
			else if (target === undefined) warn(describe, `its target "${textOf(to.value) ?? '?'}" is not asked in the Flow`);
			else routes.push({ when: parsed, to: target, describe });
		}
		if (routes.length > 0) routings.push({ question, after: question, routes });
	}
	return routings;
}
