import type { GraphClient, GraphRequest } from '../../../nodes/shared/graph/graph-client';
import { overrideUrlProblem, readOverride, removeOverride, setOverride } from '../../../nodes/shared/webhook-overrides/webhook-overrides';

/** A Graph stand-in that keeps one phone number's and one WABA's alternate URL, as whatsapp/webhooks/override describes. */
function fakeGraph() {
	const state = { phone: '' as string, waba: '' as string };
	const requests: GraphRequest[] = [];
	const body = (request: GraphRequest) => (request.body?.kind === 'json' ? (request.body.value as Record<string, unknown>) : {});
	const client: GraphClient = {
		async request<T>(request: GraphRequest): Promise<T> {
			requests.push(request);
			if (request.method === 'GET' && request.path === 'PN1') {
				return { webhook_configuration: { ...(state.phone ? { phone_number: state.phone } : {}), application: 'https://app.example/hook' }, id: 'PN1' } as T;
			}
			if (request.method === 'POST' && request.path === 'PN1') {
				state.phone = String((body(request).webhook_configuration as Record<string, unknown>).override_callback_uri);
				return { success: true } as T;
			}
			if (request.method === 'GET' && request.path === 'WABA1/subscribed_apps') {
				return { data: [{ whatsapp_business_api_data: { id: 'APP1', name: 'App', link: 'x' }, ...(state.waba ? { override_callback_uri: state.waba } : {}) }] } as T;
			}
			if (request.method === 'POST' && request.path === 'WABA1/subscribed_apps') {
				state.waba = String(body(request).override_callback_uri ?? '');
				return { success: true } as T;
			}
			throw new Error(`unexpected ${request.method} ${request.path}`);
		},
		paginate: () => {
			throw new Error('not used');
		},
		listAll: async () => [],
	};
	return { client, state, requests };
}

const phone = { level: 'phoneNumber', phoneNumberId: 'PN1' } as const;
const waba = { level: 'waba', wabaId: 'WABA1', appId: 'APP1' } as const;

describe('alternate callback URLs (whatsapp/webhooks/override)', () => {
	it('sets, reads and removes a phone number\'s URL with the documented bodies', async () => {
		const graph = fakeGraph();
		expect(await readOverride(graph.client, phone)).toBeNull();
		await setOverride(graph.client, phone, 'https://n8n.example/webhook/a', 'token');
		expect(graph.requests.at(-1)?.body).toEqual({ kind: 'json', value: { webhook_configuration: { override_callback_uri: 'https://n8n.example/webhook/a', verify_token: 'token' } } });
		expect(await readOverride(graph.client, phone)).toBe('https://n8n.example/webhook/a');
		expect(await removeOverride(graph.client, phone, 'https://n8n.example/webhook/a')).toBe(true);
		expect(graph.requests.at(-1)?.body).toEqual({ kind: 'json', value: { webhook_configuration: { override_callback_uri: '' } } });
		expect(await readOverride(graph.client, phone)).toBeNull();
	});

	it('sets and removes a WABA\'s URL; removing re-subscribes the app without parameters', async () => {
		const graph = fakeGraph();
		await setOverride(graph.client, waba, 'https://n8n.example/webhook/b', 'token');
		expect(graph.requests.at(-1)?.body).toEqual({ kind: 'json', value: { override_callback_uri: 'https://n8n.example/webhook/b', verify_token: 'token' } });
		expect(await readOverride(graph.client, waba)).toBe('https://n8n.example/webhook/b');
		expect(await removeOverride(graph.client, waba, 'https://n8n.example/webhook/b')).toBe(true);
		expect(graph.requests.at(-1)).toMatchObject({ method: 'POST', path: 'WABA1/subscribed_apps' });
		expect(graph.requests.at(-1)?.body).toBeUndefined();
		expect(await readOverride(graph.client, waba)).toBeNull();
	});

	it("leaves another trigger's URL in place", async () => {
		const graph = fakeGraph();
		await setOverride(graph.client, phone, 'https://n8n.example/webhook/newer', 'token');
		expect(await removeOverride(graph.client, phone, 'https://n8n.example/webhook/older')).toBe(false);
		expect(graph.state.phone).toBe('https://n8n.example/webhook/newer');
	});

	it('refuses URLs Meta would refuse before calling it', async () => {
		const graph = fakeGraph();
		expect(overrideUrlProblem('ftp://x')).toMatch(/https URL/);
		expect(overrideUrlProblem(`https://n8n.example/${'a'.repeat(200)}`)).toMatch(/at most 200/);
		await expect(setOverride(graph.client, phone, `https://n8n.example/${'a'.repeat(200)}`, 't')).rejects.toThrow(/at most 200/);
		expect(graph.requests).toHaveLength(0);
	});
});
