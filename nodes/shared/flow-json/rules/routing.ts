// routing_model and the screen graph (flows/reference/flowjson "Routing Model"; error-codes "Routing Model
// Errors", "Data_api_version | Refresh_on_back errors"). With an endpoint the flow states its routes; without one
// Meta derives them from the navigate actions, and the same shape rules apply to that graph.
import type { RuleContext } from '../context';
import { DOC } from '../docs';
import { isObject } from '../model';
import { childPointer } from '../pointer';

type Graph = Map<string, Set<string>>;

interface NavigateEdge {
	from: string;
	to: string;
	pointer: string;
}

function navigateEdges(ctx: RuleContext): NavigateEdge[] {
	const edges: NavigateEdge[] = [];
	for (const screen of ctx.screens) {
		if (screen.id === undefined) continue;
		for (const visit of screen.actions) {
			const next = visit.action.next;
			if (visit.action.name === 'navigate' && isObject(next) && typeof next.name === 'string' && ctx.screensById.has(next.name) && next.name !== screen.id) {
				edges.push({ from: screen.id, to: next.name, pointer: childPointer(childPointer(visit.pointer, 'next'), 'name') });
			}
		}
	}
	return edges;
}

/** Screens not connected (ignoring direction) to the first entry screen. */
function unconnected(ids: string[], graph: Graph, entry: string): string[] {
	const neighbours = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
	for (const [from, targets] of graph) {
		for (const to of targets) {
			neighbours.get(from)?.add(to);
			neighbours.get(to)?.add(from);
		}
	}
	const reached = new Set([entry]);
	const queue = [entry];
	while (queue.length > 0) {
		for (const next of neighbours.get(queue.pop()!) ?? []) {
			if (!reached.has(next)) {
				reached.add(next);
				queue.push(next);
			}
		}
	}
	return ids.filter((id) => !reached.has(id));
}

/** A cycle longer than two screens (two-screen cycles are reported as backward routes), if any. */
function findLoop(graph: Graph): string[] | undefined {
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (id: string): string[] | undefined => {
		state.set(id, 'open');
		stack.push(id);
		for (const next of graph.get(id) ?? []) {
			if (state.get(next) === 'open') {
				const cycle = stack.slice(stack.indexOf(next));
				if (cycle.length > 2) return cycle;
			} else if (state.get(next) === undefined) {
				const found = visit(next);
				if (found) return found;
			}
		}
		stack.pop();
		state.set(id, 'done');
		return undefined;
	};
	for (const id of graph.keys()) {
		if (state.get(id) === undefined) {
			const found = visit(id);
			if (found) return found;
		}
	}
	return undefined;
}

function checkShape(ctx: RuleContext, ids: string[], graph: Graph, where: string, viaNavigate: boolean): void {
	const { report } = ctx;
	const inbound = new Set([...graph.values()].flatMap((targets) => [...targets]));
	const entries = ids.filter((id) => !inbound.has(id));
	if (entries.length === 0) {
		const message = viaNavigate
			? 'No entry screen found: add a screen that is not used as the next screen in any of the navigate actions.'
			: 'No entry screen found in the routing model. Expected a screen with no inbound edges as the entry screen.';
		report.error('routing.no-entry', where, message, DOC.routingModel);
		return;
	}
	const lost = unconnected(ids, graph, entries[0]);
	if (lost.length > 0) {
		const message = viaNavigate
			? `Following screens are not connected with the rest of the screens via navigate screen action: ${lost.join(', ')}. All screens should be connected.`
			: `Following screens are not connected with the rest of the screens: ${lost.join(', ')}. All screens should be connected.`;
		report.error('routing.unconnected', `${ctx.screensById.get(lost[0])!.pointer}/id`, message, DOC.routingModel);
	}
}

function checkBranches(ctx: RuleContext, graph: Graph, pointerOf: (id: string) => string, viaNavigate: boolean): void {
	const limit = ctx.limits.counts.routingBranchesPerScreen;
	for (const [id, targets] of graph) {
		if (targets.size > limit.value) {
			ctx.report.error('routing.too-many-branches', pointerOf(id), `Number of branches exceeds the max limit of ${limit.value} for screen: ${id}.${viaNavigate ? ' Reduce navigate actions for the screen.' : ''}`, limit.doc);
		}
	}
}

function checkRoutingModel(ctx: RuleContext, model: Record<string, unknown>, ids: string[]): void {
	const { report } = ctx;
	const graph: Graph = new Map();
	const mentioned = new Set<string>();
	for (const [from, targets] of Object.entries(model)) {
		const at = childPointer('/routing_model', from);
		mentioned.add(from);
		if (!ctx.screensById.has(from)) report.error('routing.unknown-screen', at, `Invalid screens found in the routing model: ${from}.`, DOC.routingModel, 'key');
		if (!Array.isArray(targets)) {
			report.error('routing.type', at, `routing_model["${from}"] must be an array of screen ids.`, DOC.routingModel);
			continue;
		}
		const edges = new Set<string>();
		targets.forEach((to, k) => {
			const here = childPointer(at, k);
			if (typeof to !== 'string' || !ctx.screensById.has(to)) report.error('routing.unknown-screen', here, `Invalid screen found in the routing model: ${String(to)}.`, DOC.routingModel);
			else if (to === from) report.error('routing.self', here, `A route cannot lead from screen ${from} to itself.`, DOC.routingModel);
			else {
				edges.add(to);
				mentioned.add(to);
			}
		});
		if (ctx.screensById.has(from)) graph.set(from, edges);
	}
	checkBranches(ctx, graph, (id) => childPointer('/routing_model', id), false);
	// The later of two opposite routes is the backward one.
	const declared = new Set<string>();
	for (const [from, targets] of Object.entries(model)) {
		if (!Array.isArray(targets)) continue;
		targets.forEach((to, k) => {
			if (typeof to !== 'string') return;
			if (declared.has(`${to}->${from}`)) {
				report.error('routing.backward-route', childPointer(childPointer('/routing_model', from), k), `Backward route [${from}->${to}] corresponding to forward route [${to}->${from}] is not allowed in the routing model. Only forward routes can be specified.`, DOC.routingModel);
			}
			declared.add(`${from}->${to}`);
		});
	}
	const loop = findLoop(graph);
	if (loop) report.error('routing.loop', childPointer('/routing_model', loop[loop.length - 1]), `Loop detected in the routing model for screens: ${loop.join(', ')}.`, DOC.routingModel);

	const missing = ids.filter((id) => !mentioned.has(id));
	if (missing.length > 0 && ids.length > 1) {
		report.error('routing.missing-screen', '/routing_model', `Following screens are missing in the routing model: ${missing.join(', ')}.`, DOC.routingModel);
	} else if (ids.length > 1) {
		checkShape(ctx, ids, graph, '/routing_model', false);
	}
	for (const edge of navigateEdges(ctx)) {
		if (!graph.get(edge.from)?.has(edge.to)) {
			report.error('routing.missing-route', edge.pointer, `Missing direct route from screen '${edge.from}' to screen '${edge.to}' in the routing model, while it exists in the navigate screen action of screen '${edge.from}'.`, DOC.routingModel);
		}
	}
}

export function checkRouting(ctx: RuleContext): void {
	const { root, report } = ctx;
	const ids = ctx.screens.map((s) => s.id).filter((id): id is string => id !== undefined && ctx.screensById.get(id) !== undefined);
	const unique = [...new Set(ids)];
	const model = root.routing_model;
	if (ctx.hasEndpoint && model === undefined) {
		report.error('routing.missing', '/data_api_version', "The property 'routing_model' is required for property 'data_api_version'.", DOC.errors, 'key');
	}
	if (model !== undefined) {
		if (!isObject(model)) report.error('routing.type', '/routing_model', '"routing_model" must be an object mapping screen ids to arrays of screen ids.', DOC.routingModel);
		else checkRoutingModel(ctx, model, unique);
		return;
	}
	if (ctx.hasEndpoint) return;
	const graph: Graph = new Map(unique.map((id) => [id, new Set<string>()]));
	for (const edge of navigateEdges(ctx)) graph.get(edge.from)?.add(edge.to);
	checkBranches(ctx, graph, (id) => `${ctx.screensById.get(id)!.pointer}/id`, true);
	if (unique.length > 1) checkShape(ctx, unique, graph, '/screens', true);
}
