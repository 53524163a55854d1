import { flowMessageContent, type FlowMessageInput } from '../../../nodes/shared/messages/flow-message';

const base: FlowMessageInput = { flowId: '5000000000000001', cta: 'Book now', body: 'Pick a slot', mode: 'published', opening: { kind: 'navigate' } };

describe('flow messages (flows/guides/sendingaflow)', () => {
	it('builds a navigate flow message with screen, data and token', () => {
		const content = flowMessageContent({
			...base,
			headerText: 'Bookings',
			footer: 'Lucky Shrub',
			mode: 'draft',
			flowToken: 'wf1.abc.def',
			opening: { kind: 'navigate', screen: 'SLOTS', data: '{"day":"monday"}' },
		});
		expect(content).toEqual({
			type: 'interactive',
			object: {
				type: 'flow',
				header: { type: 'text', text: 'Bookings' },
				body: { text: 'Pick a slot' },
				footer: { text: 'Lucky Shrub' },
				action: {
					name: 'flow',
					parameters: {
						flow_message_version: '3',
						flow_id: '5000000000000001',
						flow_cta: 'Book now',
						mode: 'draft',
						flow_token: 'wf1.abc.def',
						flow_action: 'navigate',
						flow_action_payload: { screen: 'SLOTS', data: { day: 'monday' } },
					},
				},
			},
		});
	});

	it('omits the payload for data_exchange (the endpoint answers INIT) and without a screen', () => {
		const exchange = flowMessageContent({ ...base, opening: { kind: 'data_exchange' } });
		expect((exchange.object.action as { parameters: Record<string, unknown> }).parameters).toEqual({
			flow_message_version: '3',
			flow_id: '5000000000000001',
			flow_cta: 'Book now',
			mode: 'published',
			flow_action: 'data_exchange',
		});
		const navigate = flowMessageContent(base);
		expect((navigate.object.action as { parameters: Record<string, unknown> }).parameters).not.toHaveProperty('flow_action_payload');
	});

	it.each([
		['a 31-character CTA', { cta: 'x'.repeat(31) }, 'Flow CTA is 31 characters long; Meta allows at most 30'],
		['an emoji in the CTA', { cta: 'Book 📅' }, 'Flow CTA must not contain emoji'],
		['a flow name instead of an id', { flowId: 'my_flow' }, 'Flow ID "my_flow" is not a Flow ID'],
		['data without a screen', { opening: { kind: 'navigate' as const, data: { a: 1 } } }, 'Screen is required when Initial Data is given'],
		['empty data', { opening: { kind: 'navigate' as const, screen: 'A', data: {} } }, 'Initial Data must be a non-empty object'],
		['data that is not JSON', { opening: { kind: 'navigate' as const, screen: 'A', data: '{day: 1}' } }, 'Initial Data is not valid JSON'],
		['a screen id with a dash', { opening: { kind: 'navigate' as const, screen: 'SLOT-1' } }, 'Screen "SLOT-1" is not a screen ID'],
		['a 1,025-character body', { body: 'x'.repeat(1025) }, 'Body Text is 1025 characters long'],
	])('refuses %s, naming the field', (_what, override, message) => {
		expect(() => flowMessageContent({ ...base, ...override })).toThrow(message);
	});
});
