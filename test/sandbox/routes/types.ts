// The Graph route table's types. Graph addresses `/{version}/{object-id}[/{edge}]`; a route names the node kind,
// the edge (null = the node itself) and the method, so new simulations add rows rather than branches.
import type { Principal } from '../auth';
import type { UploadedFile } from '../http-io';
import type { GraphNode, SandboxState } from '../state';
import type { GraphVersion } from '../versions';

export type GraphMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type NodeKind = GraphNode['kind'];
export type NodeOfKind<K extends NodeKind> = Extract<GraphNode, { kind: K }>;

export interface GraphContext<N extends GraphNode = GraphNode> {
	state: SandboxState;
	version: GraphVersion;
	node: N;
	/** Query and body parameters merged (body wins), as Graph reads them. */
	params: Record<string, unknown>;
	/** Form and multipart text fields as sent (see ParsedBody.rawFields). */
	rawParams: Record<string, string>;
	/** multipart/form-data file parts by field name. */
	files: Record<string, UploadedFile>;
	principal: Principal;
	/** The id after the edge, for routes with `edgeItem` (e.g. /{phone-number-id}/message_qrdls/{code}). */
	edgeItemId?: string;
}

export interface GraphResult {
	status: number;
	body: unknown;
}

export interface GraphRoute<K extends NodeKind = NodeKind> {
	method: GraphMethod;
	node: K;
	edge: string | null;
	/** The route answers /{node}/{edge}/{item-id} rather than /{node}/{edge}. */
	edgeItem?: boolean;
	/** Meta doc or Postman request the route follows. */
	source: string;
	handle(ctx: GraphContext<NodeOfKind<K>>): GraphResult | Promise<GraphResult>;
}

/** A route with its node kind erased, as the table stores it. */
export interface AnyGraphRoute {
	method: GraphMethod;
	node: NodeKind;
	edge: string | null;
	edgeItem?: boolean;
	source: string;
	handle(ctx: GraphContext): GraphResult | Promise<GraphResult>;
}

function isNodeOfKind<K extends NodeKind>(node: GraphNode, kind: K): node is NodeOfKind<K> {
	return node.kind === kind;
}

/** Erases a route's node kind for the table, keeping the check that the dispatcher picked the right kind. */
export function defineRoute<K extends NodeKind>(route: GraphRoute<K>): AnyGraphRoute {
	return {
		method: route.method,
		node: route.node,
		edge: route.edge,
		...(route.edgeItem ? { edgeItem: true } : {}),
		source: route.source,
		handle(ctx) {
			const node = ctx.node;
			if (!isNodeOfKind(node, route.node)) throw new Error(`route for ${route.node} got a ${node.kind} node`);
			return route.handle({ ...ctx, node });
		},
	};
}
