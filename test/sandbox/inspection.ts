// The sandbox's own API under /__sandbox/ (no token; local use only). Never collides with Graph paths, which
// start with a version segment.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { registrationOf } from './routes/registration';
import { FaultInputError, parseFaultInput, viewFaultRule } from './fault-rules';
import { isRecord, readBody, sendJson } from './http-io';
import { BadRequest, OK, type InspectionRoute } from './inspection-types';
import { SCRIPTING_ROUTES } from './inspection-scripting';
import { SIMULATED_USER_ROUTES } from './simulated-user/routes';
import type { SandboxState } from './state';

export const INSPECTION_PREFIX = '/__sandbox';

const ROUTES: readonly InspectionRoute[] = [
	...SCRIPTING_ROUTES,
	...SIMULATED_USER_ROUTES,
	{ method: 'GET', path: '/health', handle: () => OK },
	{ method: 'GET', path: '/seed', handle: ({ state }) => ({ status: 200, body: state.seed }) },
	{
		method: 'GET',
		path: '/calls',
		handle: ({ state, url }) => ({
			status: 200,
			body: state.calls({
				path: url.searchParams.get('path') ?? undefined,
				method: url.searchParams.get('method') ?? undefined,
			}),
		}),
	},
	{
		method: 'DELETE',
		path: '/calls',
		handle: ({ state }) => {
			state.clearCalls();
			return OK;
		},
	},
	{
		method: 'GET',
		path: '/messages',
		handle: ({ state, url }) => {
			const to = url.searchParams.get('to');
			return { status: 200, body: to === null ? state.messages() : state.messagesTo(to) };
		},
	},
	{ method: 'GET', path: '/faults', handle: ({ state }) => ({ status: 200, body: state.faults().map(viewFaultRule) }) },
	{
		method: 'POST',
		path: '/faults',
		handle: async ({ state, json }) => {
			try {
				return { status: 201, body: { id: state.addFault(parseFaultInput(await json())).id } };
			} catch (error: unknown) {
				if (error instanceof FaultInputError) throw new BadRequest(error.message);
				throw error;
			}
		},
	},
	{
		method: 'DELETE',
		path: '/faults',
		handle: ({ state }) => {
			state.clearFaults();
			return OK;
		},
	},
	{
		method: 'DELETE',
		path: '/faults/:id',
		handle: ({ state, segments }) =>
			state.removeFault(segments[1]) ? OK : { status: 404, body: { error: `no fault ${segments[1]}` } },
	},
	{
		method: 'POST',
		path: '/seed-random',
		handle: async ({ state, json }) => {
			const body = await json();
			const seed = isRecord(body) ? body.seed : undefined;
			if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new BadRequest('seed must be an integer');
			state.random.reseed(seed);
			return { status: 200, body: { seed: state.random.seed } };
		},
	},
	{
		method: 'GET',
		path: '/phone-numbers/:id/registration',
		handle: ({ state, segments }) => ({ status: 200, body: registrationOf(state, segments[1]) }),
	},
	{
		method: 'DELETE',
		path: '/phone-numbers/:id/registration',
		handle: ({ state, segments }) => {
			state.registrations.delete(segments[1]);
			return OK;
		},
	},
	{
		method: 'POST',
		path: '/reset',
		handle: ({ state }) => {
			state.reset();
			return OK;
		},
	},
];

/** `%2B1%20555…` → `+1 555…` (a user's number may be given formatted); a malformed escape stays as it is. */
function decodeSegment(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function pathMatches(pattern: string, segments: string[]): boolean {
	const parts = pattern.split('/').filter((s) => s !== '');
	return parts.length === segments.length && parts.every((p, i) => p === ':id' || p === segments[i]);
}

export async function handleInspectionRequest(
	state: SandboxState,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const segments = url.pathname.slice(INSPECTION_PREFIX.length).split('/').filter((s) => s !== '').map(decodeSegment);
	const candidates = ROUTES.filter((r) => pathMatches(r.path, segments));
	const route = candidates.find((r) => r.method === method);
	if (!route) {
		if (candidates.length > 0) {
			sendJson(res, 405, { error: `${method} not allowed; use ${candidates.map((r) => r.method).join(', ')}` });
		} else {
			sendJson(res, 404, { error: `no sandbox route ${method} ${url.pathname}` });
		}
		return;
	}
	const json = async (): Promise<unknown> => {
		const raw = await readBody(req);
		if (raw.length === 0) return {};
		try {
			return JSON.parse(raw.toString('utf8')) as unknown;
		} catch {
			throw new BadRequest('body is not valid JSON');
		}
	};
	try {
		const { status, body } = await route.handle({ state, url, segments, json });
		sendJson(res, status, body);
	} catch (error: unknown) {
		if (!(error instanceof BadRequest)) throw error;
		sendJson(res, 400, { error: error.message });
	}
}
