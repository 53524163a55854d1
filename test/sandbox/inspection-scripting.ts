// The sandbox API's scripting routes: runtime config, webhooks (target, deliveries, raw payloads), simulated users
// (inbound text, the 24-hour window), public-key status, and Flow health / endpoint traffic.
import { verifyCallbackUrl } from './callback-verification';
import { ConfigInputError, mergeConfig } from './config';
import { GraphError } from './errors';
import { flowStatusChanged } from './flow-events';
import type { FlowStatus } from './flows';
import { isRecord } from './http-io';
import { userSends } from './inbound';
import { BadRequest, OK, type InspectionRequest, type InspectionRoute } from './inspection-types';
import { setTemplateStatus } from './routes/templates';
import { toWaId } from './state';
import type { TemplateStatus } from './templates';
import type { WebhookDelivery } from './webhooks';

async function body(req: InspectionRequest): Promise<Record<string, unknown>> {
	const value = await req.json();
	if (!isRecord(value)) throw new BadRequest('the body must be a JSON object');
	return value;
}

function optionalString(value: unknown, name: string): string | undefined {
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || value === '') throw new BadRequest(`${name} must be a non-empty string`);
	return value;
}

function phoneNumberIdOf(req: InspectionRequest, value: unknown): string {
	const id = optionalString(value, 'phone_number_id') ?? req.state.seed.phoneNumbers[0].id;
	if (!req.state.phoneNumber(id)) throw new BadRequest(`no business phone number ${id}`);
	return id;
}

function deliveryView(d: WebhookDelivery): Record<string, unknown> {
	return { ...d };
}

export const SCRIPTING_ROUTES: readonly InspectionRoute[] = [
	// --- runtime configuration (config.ts) ---
	{ method: 'GET', path: '/config', handle: ({ state }) => ({ status: 200, body: state.config }) },
	{
		method: 'POST',
		path: '/config',
		handle: async (req) => {
			try {
				req.state.config = mergeConfig(req.state.config, await req.json());
			} catch (error: unknown) {
				if (error instanceof ConfigInputError) throw new BadRequest(error.message);
				throw error;
			}
			return { status: 200, body: req.state.config };
		},
	},

	// --- webhooks (webhooks.ts) ---
	{
		method: 'POST',
		path: '/webhook-target',
		handle: async (req) => {
			const b = await body(req);
			const url = b.url;
			if (url !== null && (typeof url !== 'string' || !/^https?:\/\//.test(url))) throw new BadRequest('url must be an http(s) URL or null');
			// With a verify_token, the App Dashboard's "Verify and save": the verification request must succeed first.
			const verifyToken = optionalString(b.verify_token, 'verify_token');
			if (verifyToken !== undefined && typeof url === 'string') {
				try {
					await verifyCallbackUrl(req.state, url, verifyToken);
				} catch (error: unknown) {
					if (error instanceof GraphError) return { status: 400, body: { error: error.message } };
					throw error;
				}
			}
			req.state.config.webhooks.callbackUrl = url;
			return { status: 200, body: { url } };
		},
	},
	{
		method: 'GET',
		path: '/webhook-deliveries',
		handle: ({ state, url }) => {
			const field = url.searchParams.get('field');
			const list = state.webhooks.deliveries().filter((d) => field === null || d.field === field);
			return { status: 200, body: list.map(deliveryView) };
		},
	},
	{
		// The verification requests sent to callback URLs (callback-verification.ts).
		method: 'GET',
		path: '/callback-verifications',
		handle: ({ state }) => ({ status: 200, body: state.callbackVerifications }),
	},
	{
		method: 'POST',
		path: '/webhooks/raw',
		handle: async (req) => {
			const b = await body(req);
			if (!isRecord(b.payload)) throw new BadRequest('payload must be a JSON object (the whole webhook body)');
			const deliveries = req.state.webhooks.sendAll(b.payload);
			const [first] = deliveries;
			return { status: 201, body: { id: first.id, state: first.state, deliveries: deliveries.map((d) => ({ id: d.id, url: d.url, state: d.state })) } };
		},
	},
	{
		// Waits until no status webhook is scheduled and no delivery is in flight or waiting to retry (scripts).
		method: 'POST',
		path: '/webhooks/wait-idle',
		handle: async ({ state }) => {
			await state.webhooks.idle();
			return OK;
		},
	},

	// --- simulated users (inbound.ts, users.ts) ---
	{
		method: 'POST',
		path: '/users/:id/send-text',
		handle: async (req) => {
			const b = await body(req);
			if (typeof b.text !== 'string' || b.text === '') throw new BadRequest('text must be a non-empty string');
			const { message, delivery } = userSends(req.state, {
				waId: req.segments[1],
				name: optionalString(b.name, 'name'),
				phoneNumberId: phoneNumberIdOf(req, b.phone_number_id),
				content: { type: 'text', text: { body: b.text } },
				replyTo: optionalString(b.context_message_id, 'context_message_id'),
			});
			return { status: 201, body: { id: message.id, delivery: delivery.id } };
		},
	},
	{
		method: 'POST',
		path: '/users/:id/open-window',
		handle: async (req) => {
			const b = await body(req);
			req.state.users.openWindow(phoneNumberIdOf(req, b.phone_number_id), toWaId(req.segments[1]));
			return OK;
		},
	},
	{
		method: 'POST',
		path: '/users/:id/close-window',
		handle: async (req) => {
			const b = await body(req);
			req.state.users.closeWindow(phoneNumberIdOf(req, b.phone_number_id), toWaId(req.segments[1]));
			return OK;
		},
	},
	{
		method: 'GET',
		path: '/users/:id/inbound',
		handle: ({ state, segments }) => ({ status: 200, body: state.users.inboundFrom(toWaId(segments[1])) }),
	},

	// --- business public keys ---
	{
		// Simulates a re-registration or migration: {status: "MISMATCH"} until the key is uploaded again.
		method: 'POST',
		path: '/phone-numbers/:id/public-key-status',
		handle: async (req) => {
			const status = (await body(req)).status;
			if (status !== 'VALID' && status !== 'MISMATCH') throw new BadRequest('status must be VALID or MISMATCH');
			if (!req.state.keys.setStatus(req.segments[1], status)) return { status: 404, body: { error: `no public key for ${req.segments[1]}` } };
			return OK;
		},
	},

	// --- templates ---
	{
		// Review outcome or quality state: {status: APPROVED | REJECTED | PAUSED | DISABLED, reason?}; sends
		// message_template_status_update.
		method: 'POST',
		path: '/templates/:id/status',
		handle: async (req) => {
			const b = await body(req);
			const allowed: TemplateStatus[] = ['APPROVED', 'REJECTED', 'PAUSED', 'DISABLED', 'PENDING'];
			if (!allowed.includes(b.status as TemplateStatus)) throw new BadRequest(`status must be one of ${allowed.join(', ')}`);
			const template = req.state.templates.byId(req.segments[1]);
			if (!template) return { status: 404, body: { error: `no template ${req.segments[1]}` } };
			setTemplateStatus(req.state, template, b.status as TemplateStatus, optionalString(b.reason, 'reason'));
			return OK;
		},
	},

	// --- flows ---
	{
		method: 'GET',
		path: '/flows',
		handle: ({ state }) => ({
			status: 200,
			body: state.flows.all().map((f) => ({ id: f.id, name: f.name, status: f.status, endpointUri: f.endpointUri, jsonText: f.jsonText })),
		}),
	},
	{
		// Health-driven states (flows/guides/healthmonitoring): PUBLISHED ↔ THROTTLED ↔ BLOCKED; sends FLOW_STATUS_CHANGE.
		method: 'POST',
		path: '/flows/:id/status',
		handle: async (req) => {
			const status = (await body(req)).status;
			const allowed: FlowStatus[] = ['PUBLISHED', 'THROTTLED', 'BLOCKED'];
			if (!allowed.includes(status as FlowStatus)) throw new BadRequest(`status must be one of ${allowed.join(', ')}`);
			const flow = req.state.flows.get(req.segments[1]);
			if (!flow) return { status: 404, body: { error: `no flow ${req.segments[1]}` } };
			if (flow.status === 'DRAFT' || flow.status === 'DEPRECATED') throw new BadRequest(`a ${flow.status} flow has no health state`);
			const old = flow.status;
			flow.status = status as FlowStatus;
			flowStatusChanged(req.state, flow, old);
			return OK;
		},
	},
	{
		// Adds endpoint requests for the Metrics API: {count, failed?, errorKind?, latencyMs?, at?}.
		method: 'POST',
		path: '/flows/:id/endpoint-requests',
		handle: async (req) => {
			const b = await body(req);
			const count = b.count;
			const failed = b.failed ?? 0;
			const latencyMs = b.latencyMs ?? 200;
			for (const [name, value] of Object.entries({ count, failed, latencyMs })) {
				if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new BadRequest(`${name} must be an integer ≥ 0`);
			}
			const at = optionalString(b.at, 'at');
			const errorKind = optionalString(b.errorKind, 'errorKind') ?? 'timeout_error';
			if (!req.state.flows.get(req.segments[1])) return { status: 404, body: { error: `no flow ${req.segments[1]}` } };
			for (let i = 0; i < (count as number); i += 1) {
				const ok = i >= (failed as number);
				req.state.flows.recordEndpointRequest(req.segments[1], { ok, latencyMs: latencyMs as number, errorKind: ok ? undefined : errorKind, at });
			}
			return OK;
		},
	},
	{
		method: 'GET',
		path: '/flows/:id/health-checks',
		handle: ({ state, segments }) => ({ status: 200, body: state.flows.healthChecks.filter((c) => c.flowId === segments[1]) }),
	},
];
