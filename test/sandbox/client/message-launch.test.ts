// What the app takes from a delivered message to open a flow (guides/sendingaflow).
import { launchFromInteractive, launchFromTemplateButton } from './message-launch';

describe('launching a flow from a message', () => {
	it('reads an interactive flow message’s parameters', () => {
		expect(
			launchFromInteractive({
				flow_message_version: '3',
				flow_token: 'tok',
				flow_id: '1',
				flow_cta: 'Book',
				flow_action: 'navigate',
				flow_action_payload: { screen: 'WELCOME', data: { name: 'Ada' } },
				mode: 'draft',
			}),
		).toEqual({ flowToken: 'tok', flowAction: 'navigate', initialScreen: 'WELCOME', initialData: { name: 'Ada' }, mode: 'draft' });
		expect(launchFromInteractive({ flow_action: 'data_exchange', flow_action_payload: { screen: 'X' } })).toEqual({
			flowToken: 'unused',
			flowAction: 'data_exchange',
		});
	});

	it('reads a template FLOW button with the send’s action parameter', () => {
		expect(
			launchFromTemplateButton({ type: 'FLOW', text: 'Open', flow_id: '9', flow_action: 'navigate', navigate_screen: 'START' }, {
				flow_token: 'tpl-tok',
				flow_action_data: { coupon: 'X1' },
			}),
		).toEqual({ flowToken: 'tpl-tok', flowAction: 'navigate', initialScreen: 'START', initialData: { coupon: 'X1' } });
	});
});
