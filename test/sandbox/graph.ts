// One Graph request: record it, apply faults, check the version and the token, then dispatch through the route table.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, findToken } from './auth';
import { GraphError, newFbtraceId, nonexistingField, unknownPathComponents, unsupportedRequest } from './errors';
import { applyFaults } from './faults';
import { flattenHeaders, parseBody, queryObject, readBody, redactSecret, sendJson, type ParsedBody } from './http-io';
import { GRAPH_ROUTES } from './routes';
import type { AnyGraphRoute, GraphContext, GraphResult } from './routes/types';
import type { GraphNode, RecordedCall, SandboxState } from './state';
import { isSupportedVersion, versionError } from './versions';

function redactedHeaders(req: IncomingMessage): Record<string, string> {
	const headers = flattenHeaders(req.headers);
	if (headers.authorization !== undefined) headers.authorization = redactSecret(headers.authorization);
	return headers;
}

function redactedQuery(query: URLSearchParams): Record<string, string> {
	const out = queryObject(query);
	if (out.access_token !== undefined) out.access_token = redactSecret(out.access_token);
	return out;
}

function redactedBody(body: unknown): unknown {
	if (typeof body !== 'object' || body === null || Array.isArray(body) || !('access_token' in body)) return body;
	const copy: Record<string, unknown> = { ...body };
	copy.access_token = typeof copy.access_token === 'string' ? redactSecret(copy.access_token) : '****';
	return copy;
}

function decodeSegments(pathname: string): string[] {
	return pathname
		.split('/')
		.filter((s) => s !== '')
		.map((s) => {
			try {
				return decodeURIComponent(s);
			} catch {
				return s;
			}
		});
}

function findRoute(method: string, node: GraphNode, edge: string | null, edgeItem = false): AnyGraphRoute {
	const route = GRAPH_ROUTES.find((r) => r.node === node.kind && r.edge === edge && r.method === method && (r.edgeItem ?? false) === edgeItem);
	if (route) return route;
	const edgeKnown = GRAPH_ROUTES.some((r) => r.node === node.kind && r.edge === edge);
	if (edge !== null && !edgeKnown && method === 'GET') throw nonexistingField(edge, node.typeName);
	throw unsupportedRequest(method, node.id);
}

async function dispatch(
	state: SandboxState,
	req: IncomingMessage,
	url: URL,
	body: ParsedBody,
): Promise<GraphResult> {
	const bodyParams = body.params;
	const method = (req.method ?? 'GET').toUpperCase();
	const [version, nodeId, edge, ...rest] = decodeSegments(url.pathname);
	if (version === undefined || !isSupportedVersion(version)) throw versionError();

	const principal = authenticate(state, findToken(req.headers, url.searchParams, bodyParams));

	if (nodeId === undefined) throw unsupportedRequest(method, '');
	const itemRoute = rest.length === 1 && GRAPH_ROUTES.some((r) => r.edge === edge && r.edgeItem === true);
	if (rest.length > 0 && !itemRoute) throw unknownPathComponents(`/${[edge, ...rest].join('/')}`);
	const node = state.resolveNode(nodeId);
	if (!node) throw unsupportedRequest(method, nodeId);

	const params: Record<string, unknown> = { ...queryObject(url.searchParams), ...bodyParams };
	delete params.access_token;
	const route = findRoute(method, node, edge ?? null, itemRoute);
	const ctx: GraphContext = { state, version, node, params, rawParams: body.rawFields, files: body.files, principal };
	if (itemRoute) ctx.edgeItemId = rest[0];
	return route.handle(ctx);
}

function answer(res: ServerResponse, call: RecordedCall, status: number, body: unknown, headers: Record<string, string>): void {
	call.status = status;
	sendJson(res, status, body, headers);
}

function answerError(res: ServerResponse, call: RecordedCall, error: GraphError, version?: string): void {
	const fbtraceId = newFbtraceId();
	const headers: Record<string, string> = { 'x-fb-trace-id': fbtraceId, ...error.headers };
	if (version !== undefined) headers['facebook-api-version'] = version;
	answer(res, call, error.status, error.envelope(fbtraceId), headers);
}

export async function handleGraphRequest(
	state: SandboxState,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
	signal: AbortSignal,
): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const raw = await readBody(req);
	const body = parseBody(req.headers['content-type'], raw);
	const call = state.recordCall({
		at: new Date().toISOString(),
		method,
		path: url.pathname,
		query: redactedQuery(url.searchParams),
		headers: redactedHeaders(req),
		body: redactedBody(body.logged),
		status: null,
	});

	const segment = url.pathname.split('/')[1] ?? '';
	const version = isSupportedVersion(segment) ? segment : undefined;

	const fault = await applyFaults(state, method, url.pathname, res, signal);
	if (fault.faultId !== undefined) call.faultId = fault.faultId;
	if (fault.kind === 'dropped') return;
	if (fault.kind === 'error') {
		answerError(res, call, fault.error, version);
		return;
	}

	try {
		const result = await dispatch(state, req, url, body);
		const headers: Record<string, string> = { 'x-fb-trace-id': newFbtraceId() };
		if (version !== undefined) headers['facebook-api-version'] = version;
		answer(res, call, result.status, result.body, headers);
	} catch (error: unknown) {
		if (!(error instanceof GraphError)) throw error;
		answerError(res, call, error, version);
	}
}
