// A form's jumps (FormRouting) → where each screen's Footer goes. A Flow screen can branch only on answers given on
// that screen: an If (one Footer per branch, flows/reference/components "If": "Footer … in both branches", only at
// the first level) or a Switch over the answer (components "Switch", one Footer per case), each Footer navigating
// forward (flowjson "Routing Model": no loops, so no jump back). Jumps that need anything else are warned.
import type { FieldMapEntry } from './field-map';
import type { FormItem, FormRoute, FormRouting } from './model';
import { shorten } from './text';

/** What a question screen's Footer does: always one place, or by the answer to `field`. */
export type ScreenRoute =
	| { kind: 'always'; to: number }
	| { kind: 'if'; field: string; ids: string[]; to: number; otherwise: number }
	| { kind: 'switch'; field: string; cases: Array<{ id: string; to: number }> };

export interface Placement {
	/** Screen index of every item placed on a screen. */
	screenOf: Map<FormItem, number>;
	/** The items of each question screen, in order. */
	itemsOn: FormItem[][];
	entryOf: Map<FormItem, FieldMapEntry>;
	/** Screens with a PhotoPicker / DocumentPicker (their files cannot be carried past a skip). */
	pickerScreens: Set<number>;
	/** Index the end screen gets (one past the last question screen). */
	end: number;
}

/** The warning for a jump left out: which question, which jump, why, and what the Flow does instead. */
export function jumpNotConverted(question: string, jump: string, why: string, instead: string): string {
	return `Logic jump after "${question}" (${jump}) is not converted: ${why}; ${instead}.`;
}

/** A Flow condition true when the single-choice answer `field` is one of the option `ids` (components "If"). */
export function answerIsOneOf(field: string, ids: string[]): string {
	return ids.map((id) => `(\${form.${field}} == '${id}')`).join(' || ');
}

/** The screens a route can go to. */
export function targetsOf(route: ScreenRoute): number[] {
	if (route.kind === 'always') return [route.to];
	if (route.kind === 'if') return [route.to, route.otherwise];
	return route.cases.map((c) => c.to);
}

function matches(route: FormRoute, value: string | undefined): boolean {
	return route.when === 'always' || (value !== undefined && route.when.values.includes(value));
}

/** The screen each route goes to, or why it cannot go there. */
function targetOf(route: FormRoute, from: number, place: Placement): number | string {
	const to = route.to === 'end' ? place.end : place.screenOf.get(route.to);
	if (to === undefined) return 'its target is not asked in the Flow';
	if (to <= from) return 'it goes back to an earlier question, and Flow screens may only go forward (routing model: no loops)';
	for (let skipped = from + 1; skipped < to; skipped += 1) {
		if (place.pickerScreens.has(skipped)) return "it would skip the screen with the file question, whose files can only be read from that screen (media_upload: no picker values in navigate payloads)";
	}
	return to;
}

function routeOf(routing: FormRouting, place: Placement, warn: (route: FormRoute | undefined, why: string) => void): ScreenRoute | undefined {
	const { question } = routing;
	const from = place.screenOf.get(question);
	const entry = place.entryOf.get(question);
	if (from === undefined || entry === undefined) {
		warn(undefined, 'the question is not asked in the Flow');
		return undefined;
	}
	const items = place.itemsOn[from];
	if (items[items.length - 1] !== routing.after) {
		warn(undefined, 'the section it ends is split over several screens, and a screen can branch only on its own answers');
		return undefined;
	}
	const valid: Array<{ route: FormRoute; to: number }> = [];
	for (const route of routing.routes) {
		const to = targetOf(route, from, place);
		if (typeof to === 'string') warn(route, to);
		else valid.push({ route, to });
	}
	const next = from + 1;
	const outcome = (value: string | undefined) => valid.find((v) => matches(v.route, value))?.to ?? next;
	const otherwise = outcome(undefined);
	const cases = (entry.options ?? []).map((option) => ({ id: option.id, to: outcome(option.value) }));
	const away = cases.filter((c) => c.to !== otherwise);
	if (away.length === 0) return otherwise === next ? undefined : { kind: 'always', to: otherwise };
	if (new Set(away.map((c) => c.to)).size === 1) return { kind: 'if', field: entry.field, ids: away.map((c) => c.id), to: away[0].to, otherwise };
	if (!question.required) {
		warn(undefined, 'its answers lead to more than two places and it is optional: a Switch over the answer has no case for no answer');
		return undefined;
	}
	return { kind: 'switch', field: entry.field, cases };
}

/** Per question screen index, the route its Footer takes (screens without one go to the next screen). */
export function screenRoutes(routings: FormRouting[], place: Placement, warnings: string[]): Map<number, ScreenRoute> {
	const routes = new Map<number, ScreenRoute>();
	for (const routing of routings) {
		const name = shorten(routing.question.source.title || routing.question.label, 60);
		const warn = (route: FormRoute | undefined, why: string) => {
			const which = route === undefined ? routing.routes.map((r) => r.describe).join('; ') : route.describe;
			warnings.push(jumpNotConverted(name, which, why, route === undefined ? 'the questions are asked in order' : 'that answer goes on to the next question'));
		};
		const from = place.screenOf.get(routing.question);
		if (from !== undefined && routes.has(from)) {
			warn(undefined, 'another question already decides where this screen goes');
			continue;
		}
		const route = routeOf(routing, place, warn);
		if (route !== undefined && from !== undefined) routes.set(from, route);
	}
	return routes;
}

/** Every screen a route can jump over: their answers may be missing. */
export function skippableScreens(routes: Map<number, ScreenRoute>): Set<number> {
	const skippable = new Set<number>();
	for (const [from, route] of routes) {
		for (const to of targetsOf(route)) for (let k = from + 1; k < to; k += 1) skippable.add(k);
	}
	return skippable;
}
