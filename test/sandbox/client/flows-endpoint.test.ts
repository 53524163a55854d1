// Endpoint-driven 7.3 flows end to end: the client (WebCrypto) against a small endpoint written with node:crypto
// that stands in for ours. INIT, data_exchange on select and on the Footer, same-screen errors, SUCCESS, BACK with
// refresh_on_back, and what the user sees when the endpoint fails.
import { EndpointClient } from './endpoint-client';
import { GENERIC_ERROR, openFlow } from './flow-runner';
import { startFlowEndpoint, type FlowEndpoint, type JsonRecord } from './testing/flow-endpoint';
import { loadClientFixture, loadVectorSets } from './testing/vectors';

const keys = loadVectorSets()[2];
const APP_SECRET = 'flows-endpoint-test-secret';

type Handler = (payload: JsonRecord) => unknown;

/** Answers ping and error notifications as Meta's reference endpoint does, the rest through `flow`. */
function endpointLogic(flow: Handler): Handler {
	return (payload) => {
		if (payload.action === 'ping') return { data: { status: 'active' } };
		if ((payload.data as JsonRecord | undefined)?.error !== undefined) return { data: { acknowledged: true } };
		return flow(payload);
	};
}

const DEPARTMENTS = [
	{ id: 'cardiology', title: 'Cardiology' },
	{ id: 'dermatology', title: 'Dermatology' },
];

/** The booking endpoint of dynamic-endpoint.json; remembers each flow token's choices. */
function bookingEndpoint(): Handler {
	const bookings = new Map<string, JsonRecord>();
	return endpointLogic((p) => {
		const token = String(p.flow_token);
		const data = (p.data ?? {}) as JsonRecord;
		const booking = bookings.get(token) ?? {};
		bookings.set(token, booking);
		if (p.action === 'INIT') {
			return { screen: 'APPOINTMENT', data: { department: DEPARTMENTS, is_date_enabled: false, slots: [], is_slot_visible: false } };
		}
		switch (data.trigger) {
			case 'department_selected':
				return { screen: 'APPOINTMENT', data: { is_date_enabled: true } };
			case 'date_selected':
				return {
					screen: 'APPOINTMENT',
					data: { slots: [{ id: '0930', title: '09:30' }, { id: '1100', title: '11:00' }], is_slot_visible: true },
				};
			case 'appointment':
				Object.assign(booking, data);
				return { screen: 'DETAILS', data: { email_error: '' } };
			case 'details':
				if (String(data.email).endsWith('@blocked.example')) {
					return { screen: 'DETAILS', data: { email_error: 'Use another email', error_message: 'We cannot book with that address' } };
				}
				Object.assign(booking, data);
				return {
					screen: 'SUMMARY',
					data: { summary: `${String(booking.name)}: ${String(booking.department)} on ${String(booking.date)} at ${String(booking.slot)}` },
				};
			case 'confirm':
				return { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: token, booking_id: 'B-1029' } } } };
			default:
				throw new Error(`unexpected request ${JSON.stringify(p)}`);
		}
	});
}

describe('endpoint flows', () => {
	let endpoint: FlowEndpoint;
	let handler: Handler = bookingEndpoint();
	const client = (extra: Partial<ConstructorParameters<typeof EndpointClient>[0]> = {}) =>
		new EndpointClient({ endpointUri: endpoint.url, publicKeyPem: keys.publicKeyPem, appSecret: APP_SECRET, timeoutMs: 300, ...extra });
	const open = (fixture: string, token: string, endpointClient = client()) =>
		openFlow({ flowJson: loadClientFixture(fixture), flowToken: token, flowAction: 'data_exchange', endpoint: endpointClient });
	const payloads = () => endpoint.received.map((r) => r.payload);

	beforeAll(async () => {
		endpoint = await startFlowEndpoint({ privateKeyPem: keys.privateKeyPem, appSecret: APP_SECRET, handle: (p) => handler(p) });
	});
	afterAll(() => endpoint.close());
	beforeEach(() => {
		endpoint.received.length = 0;
		endpoint.faults.length = 0;
		handler = bookingEndpoint();
	});

	describe('a dynamic booking flow (dynamic-endpoint.json, 7.3 + Data API 4.0)', () => {
		it('runs INIT → selections → field error → SUCCESS, speaking the protocol on every step', async () => {
			const session = await open('dynamic-endpoint.json', 'book-1');
			expect(payloads()[0]).toMatchObject({ version: '4.0', action: 'INIT', flow_token: 'book-1' });
			expect(typeof payloads()[0].flow_token_signature).toBe('string');
			expect(session.screen().id).toBe('APPOINTMENT');
			expect(session.field('department')?.options?.map((o) => o.title)).toEqual(['Cardiology', 'Dermatology']);
			expect(session.field('date')?.enabled).toBe(false);
			await expect(session.fill({ date: '2026-06-01' })).rejects.toThrow('input "date" is disabled');
			expect(session.field('slot')).toBeUndefined();

			const dept = await session.fill({ department: 'cardiology' });
			expect(dept.actions).toEqual([{ outcome: 'updated', screen: 'APPOINTMENT' }]);
			expect(payloads()[1]).toMatchObject({
				action: 'data_exchange',
				screen: 'APPOINTMENT',
				data: { trigger: 'department_selected', department: 'cardiology' },
			});
			expect(session.field('date')?.enabled).toBe(true);
			expect(session.field('department')?.options).toHaveLength(2); // a same-screen answer merges into the data

			await session.fill({ date: '2026-06-01' });
			expect(session.field('slot')?.options?.map((o) => o.id)).toEqual(['0930', '1100']);
			await session.fill({ slot: '1100' });
			expect(await session.pressFooter()).toEqual({ outcome: 'navigated', screen: 'DETAILS' });
			expect(payloads()[3].data).toEqual({ trigger: 'appointment', department: 'cardiology', date: '2026-06-01', slot: '1100' });

			await session.fill({ name: 'Ayşe Yılmaz', email: 'ayse@blocked.example' });
			expect(await session.pressFooter()).toEqual({ outcome: 'updated', screen: 'DETAILS' });
			expect(session.screen().errorMessage).toBe('We cannot book with that address');
			expect(session.field('email')?.error).toBe('Use another email');
			await session.fill({ email: 'ayse@example.com' });
			expect(session.field('email')?.error).toBeUndefined();

			expect(await session.pressFooter()).toEqual({ outcome: 'navigated', screen: 'SUMMARY' });
			expect(session.texts()).toEqual(['Ayşe Yılmaz: cardiology on 2026-06-01 at 1100']);
			const done = await session.pressFooter();
			expect(done.outcome).toBe('completed');
			expect(session.completion).toMatchObject({ via: 'endpoint', screen: 'SUMMARY' });
			expect(JSON.parse(session.completion!.responseJson)).toEqual({ flow_token: 'book-1', booking_id: 'B-1029' });

			expect(endpoint.received.every((r) => r.signatureValid)).toBe(true);
			expect(payloads().map((p) => p.action)).toEqual(['INIT', ...Array(6).fill('data_exchange')]);
		});

		it('a 427 answer shows error_msg and disables the flow', async () => {
			const session = await open('dynamic-endpoint.json', 'book-old');
			endpoint.faults.push({ kind: 'status', status: 427, body: '{"error_msg":"This booking link has expired"}' });
			const result = await session.fill({ department: 'cardiology' });
			expect(result.actions[0]).toMatchObject({ outcome: 'endpoint-error', message: 'This booking link has expired' });
			expect(session.status).toBe('disabled');
			expect(session.screen().errorMessage).toBe('This booking link has expired');
			await expect(session.pressFooter()).rejects.toThrow('the flow is disabled');
		});

		it('a 427 on INIT leaves a disabled flow that never opened', async () => {
			endpoint.faults.push({ kind: 'status', status: 427, body: '{"error_msg":"Offer ended"}' });
			const session = await open('dynamic-endpoint.json', 'book-gone');
			expect(session.status).toBe('disabled');
			expect(session.errorMessage).toBe('Offer ended');
			expect(() => session.screen()).toThrow('the flow has no screen');
		});

		it.each([
			['a timeout', { kind: 'delay', ms: 1500 }],
			['a 432', { kind: 'status', status: 432 }],
			['an empty body', { kind: 'empty' }],
			['an undecryptable body', { kind: 'unflipped-iv' }],
			['a 500', { kind: 'status', status: 500 }],
		] as const)('%s shows the generic error and keeps the screen; trying again works', async (_name, fault) => {
			const session = await open('dynamic-endpoint.json', 'book-2');
			endpoint.faults.push(fault);
			const failed = await session.fill({ department: 'dermatology' });
			expect(failed.actions[0]).toMatchObject({ outcome: 'endpoint-error', message: GENERIC_ERROR });
			expect(session.screen()).toMatchObject({ id: 'APPOINTMENT', errorMessage: GENERIC_ERROR });
			expect(session.status).toBe('open');
			await session.fill({ department: 'cardiology' });
			expect(session.field('date')?.enabled).toBe(true);
			expect(session.screen().errorMessage).toBeUndefined();
		});

		it('an answer naming an unknown screen or a route outside routing_model is refused, and the endpoint is told', async () => {
			handler = endpointLogic((p) =>
				p.action === 'INIT' ? { screen: 'APPOINTMENT', data: { department: DEPARTMENTS, is_date_enabled: true } } : { screen: 'NOWHERE', data: {} },
			);
			const session = await open('dynamic-endpoint.json', 'book-3');
			const result = await session.fill({ department: 'cardiology' });
			expect(result.actions[0]).toMatchObject({ outcome: 'endpoint-error', message: GENERIC_ERROR });
			expect(payloads()[2]).toMatchObject({
				action: 'data_exchange',
				flow_token: 'book-3',
				data: { error: 'invalid-screen-transition', error_message: 'screen NOWHERE not found' },
			});
			const ack = session.endpoint!.log.at(-1)!;
			expect(ack.outcome).toEqual({ kind: 'ok', answer: { data: { acknowledged: true } } });

			handler = endpointLogic(() => ({ screen: 'SUMMARY', data: { summary: 'skipped DETAILS' } }));
			await session.fill({ department: 'dermatology' });
			expect(session.screen().id).toBe('APPOINTMENT');
			expect(payloads().at(-1)?.data).toEqual({
				error: 'invalid-screen-transition',
				error_message: 'transition APPOINTMENT → SUMMARY not in routing_model',
			});
		});
	});

	describe('BACK with refresh_on_back (refresh-on-back.json)', () => {
		const PRICES: Record<string, number> = { a: 10, b: 15, c: 20 };
		function cartEndpoint(): Handler {
			const removed = new Set<string>();
			const items = () => Object.keys(PRICES).filter((id) => !removed.has(id)).map((id) => ({ id, title: `Item ${id.toUpperCase()}` }));
			const total = () => items().reduce((sum, i) => sum + PRICES[i.id], 0).toFixed(2);
			return endpointLogic((p) => {
				const data = (p.data ?? {}) as JsonRecord;
				if (p.action === 'INIT') return { screen: 'CART', data: { items: items(), total: total() } };
				if (p.action === 'BACK') return { screen: 'CART', data: { items: items(), total: `${total()} (refreshed)` } };
				if (p.screen === 'CART') {
					for (const id of (data.remove as string[] | undefined) ?? []) removed.add(id);
					return { screen: 'CHECKOUT', data: { total: total() } };
				}
				if (p.screen === 'CHECKOUT') return { screen: 'RECEIPT', data: { receipt: `Paid ${total()}` } };
				return { screen: 'SUCCESS', data: { extension_message_response: { params: { flow_token: String(p.flow_token), paid: total() } } } };
			});
		}

		it('asks the endpoint on BACK from a refresh_on_back screen, and goes back locally elsewhere', async () => {
			handler = cartEndpoint();
			const session = await open('refresh-on-back.json', 'cart-1');
			expect(session.texts()).toEqual(['Total 45.00']);
			await session.fill({ remove: ['b'] });
			await session.pressFooter();
			expect(session.texts()).toEqual(['Pay 30.00']);

			expect(await session.goBack()).toEqual({ outcome: 'navigated', screen: 'CART' });
			expect(payloads().at(-1)).toEqual({ version: '3.0', action: 'BACK', screen: 'CHECKOUT', flow_token: 'cart-1' });
			expect(session.texts()).toEqual(['Total 30.00 (refreshed)']);
			expect(session.field('remove')?.options?.map((o) => o.id)).toEqual(['a', 'c']);
			expect(session.history).toEqual(['CART']);

			await session.fill({ remove: ['c'] });
			await session.pressFooter();
			await session.pressFooter();
			expect(session.texts()).toEqual(['Paid 10.00']);
			const sent = endpoint.received.length;
			expect(await session.goBack()).toEqual({ outcome: 'navigated', screen: 'CHECKOUT' }); // RECEIPT has no refresh_on_back
			expect(endpoint.received).toHaveLength(sent);
			await session.pressFooter();
			await session.pressFooter();
			expect(session.completion!.response).toEqual({ flow_token: 'cart-1', paid: '10.00' });
		});

		it('stays on the screen with the generic error when the BACK request fails', async () => {
			handler = cartEndpoint();
			const session = await open('refresh-on-back.json', 'cart-2');
			await session.pressFooter();
			endpoint.faults.push({ kind: 'flipped-tag' });
			expect(await session.goBack()).toMatchObject({ outcome: 'endpoint-error', message: GENERIC_ERROR });
			expect(session.screen()).toMatchObject({ id: 'CHECKOUT', errorMessage: GENERIC_ERROR });
		});
	});
});
