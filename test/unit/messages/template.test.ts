import { templateContent } from '../../../nodes/shared/messages/template';

describe('template messages (cloud-api/guides/send-message-templates)', () => {
	it('fills positional body variables in order', () => {
		expect(templateContent({ name: 'order_update', language: 'en_US', body: { format: 'positional', values: [{ text: 'Ada' }, { text: '#1001' }] } })).toEqual({
			type: 'template',
			object: {
				name: 'order_update',
				language: { code: 'en_US' },
				components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }, { type: 'text', text: '#1001' }] }],
			},
		});
	});

	it('fills named variables with parameter_name, the header variable included', () => {
		const content = templateContent({
			name: 'welcome',
			language: 'en',
			header: { kind: 'text', name: 'shop', text: 'Lucky Shrub' },
			body: { format: 'named', values: [{ name: 'first_name', text: 'Ada' }] },
		});
		expect(content.object.components).toEqual([
			{ type: 'header', parameters: [{ type: 'text', text: 'Lucky Shrub', parameter_name: 'shop' }] },
			{ type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Ada' }] },
		]);
	});

	it('sends a template without variables with no components', () => {
		expect(templateContent({ name: 'hello_world', language: 'en_US', body: { format: 'positional', values: [] } }).object).toEqual({
			name: 'hello_world',
			language: { code: 'en_US' },
		});
	});

	it('takes header media by link or id', () => {
		const content = templateContent({
			name: 'promo',
			language: 'en',
			header: { kind: 'image', link: 'https://example.com/sale.jpg' },
			body: { format: 'positional', values: [] },
		});
		expect(content.object.components).toEqual([{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/sale.jpg' } }] }]);
	});

	it('fills buttons by index: quick reply payload, URL variable, coupon code, and a FLOW button with token and data', () => {
		const content = templateContent({
			name: 'spring_sale',
			language: 'en_US',
			body: { format: 'positional', values: [] },
			buttons: [
				{ index: 0, kind: 'quick_reply', payload: 'stop-promos' },
				{ index: 1, kind: 'url', text: 'order/1001' },
				{ index: 2, kind: 'copy_code', code: 'SPRING25' },
				{ index: 3, kind: 'flow', flowToken: 'wf1.a.b', flowActionData: '{"coupon":"SPRING25"}' },
			],
		});
		expect(content.object.components).toEqual([
			{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'stop-promos' }] },
			{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'order/1001' }] },
			{ type: 'button', sub_type: 'copy_code', index: '2', parameters: [{ type: 'coupon_code', coupon_code: 'SPRING25' }] },
			{ type: 'button', sub_type: 'flow', index: '3', parameters: [{ type: 'action', action: { flow_token: 'wf1.a.b', flow_action_data: { coupon: 'SPRING25' } } }] },
		]);
	});

	const body = { format: 'positional' as const, values: [] };
	it.each([
		['an upper-case template name', { name: 'Order_Update' }, 'Template Name "Order_Update" is not valid: template names use lowercase letters'],
		['a language that is no code', { language: 'English' }, 'Language "English" is not valid'],
		['an empty positional variable', { body: { format: 'positional' as const, values: [{ text: 'Ada' }, { text: ' ' }] } }, 'Body Variable {{2}} is empty'],
		['a named variable with a bad name', { body: { format: 'named' as const, values: [{ name: 'First Name', text: 'Ada' }] } }, 'Body Variable 1 Name "First Name" is not valid'],
		['a named variable twice', { body: { format: 'named' as const, values: [{ name: 'a', text: '1' }, { name: 'a', text: '2' }] } }, 'Named variables must be unique'],
		['a 61-character header variable', { header: { kind: 'text' as const, text: 'x'.repeat(61) } }, 'Header Variable is 61 characters long; Meta allows at most 60'],
		['a coupon code with a dash', { buttons: [{ index: 0, kind: 'copy_code' as const, code: 'SPRING-25' }] }, 'Button 0 Coupon Code "SPRING-25" is not valid: Meta accepts letters and digits only'],
		['a 21-character coupon code', { buttons: [{ index: 0, kind: 'copy_code' as const, code: 'A'.repeat(21) }] }, 'Button 0 Coupon Code is 21 characters long; Meta allows at most 20'],
		['two buttons at one index', { buttons: [{ index: 0, kind: 'url' as const, text: 'a' }, { index: 0, kind: 'quick_reply' as const, payload: 'b' }] }, 'Button indexes must be unique'],
		['a button index of 10', { buttons: [{ index: 10, kind: 'url' as const, text: 'a' }] }, 'index 10 is not a button position'],
		['flow action data that is an array', { buttons: [{ index: 0, kind: 'flow' as const, flowActionData: '[1]' }] }, 'Button 0 Flow Action Data must be a JSON object'],
		['a media header with neither link nor id', { header: { kind: 'video' as const } }, 'Header Media needs exactly one of a media ID'],
	])('refuses %s, naming the field', (_what, override, message) => {
		expect(() => templateContent({ name: 'promo', language: 'en_US', body, ...override })).toThrow(message);
	});
});
