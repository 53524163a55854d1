// Multi-screen 7.x flows without an endpoint: navigate payloads, global references, input rules, If / Switch,
// update_data, nested expressions, open_url.
import { openFlow } from './flow-runner';
import { loadClientFixture } from './testing/vectors';

describe('navigate with payload (navigate-payload.json, 7.3)', () => {
	it('validates input as the app does, carries the payload forward and completes', async () => {
		const session = await openFlow({ flowJson: loadClientFixture('navigate-payload.json'), flowToken: 'nav-1' });
		expect(session.texts()).toEqual(['Welcome!']); // __example__ stands in: this flow has no endpoint

		expect(await session.pressFooter()).toEqual({
			outcome: 'invalid',
			errors: { name: 'This field is required', email: 'This field is required', visit: 'This field is required' },
		});

		const problems = await session.fill({
			name: 'A',
			email: 'ada@',
			age: 'thirty',
			pin: '12a4',
			phone: 'call me',
			ref: 'abc-123',
			visit: '2026-12-25',
		});
		expect(problems.errors).toEqual({
			name: 'Enter at least 2 characters',
			email: 'Enter a valid email address',
			age: 'Enter a number',
			pin: 'Enter digits only',
			phone: 'Enter a valid phone number',
			ref: 'Invalid format',
			visit: 'This date is not available',
		});
		expect(session.field('email')?.error).toBe('Enter a valid email address');
		expect((await session.fill({ pin: '12345', visit: '2027-01-01' })).errors).toEqual({
			pin: 'Enter at most 4 characters',
			visit: 'Choose a date on or before 2026-12-31',
		});
		expect((await session.fill({ visit: '2026-02-30' })).errors).toEqual({ visit: 'Enter a date as YYYY-MM-DD' });
		expect((await session.pressFooter()).outcome).toBe('invalid');

		const fixed = await session.fill({
			name: 'Ada Lovelace',
			email: 'ada@example.com',
			age: '36',
			pin: '1815',
			phone: '+44 20 7946 0958',
			ref: 'ABC-123',
			visit: '2026-05-04',
		});
		expect(fixed.errors).toEqual({});
		expect(await session.pressFooter()).toEqual({ outcome: 'navigated', screen: 'SUMMARY' });
		expect(session.screen()).toMatchObject({ id: 'SUMMARY', title: 'Check and confirm', terminal: true });
		expect(session.screen().data).toEqual({ name: 'Ada Lovelace', visit: '2026-05-04' });
		expect(session.texts()).toEqual(['Name: Ada Lovelace', 'Email: ada@example.com', 'Visit on 2026-05-04']);

		// back without refresh_on_back: the cached screen, with what the user entered
		expect(await session.goBack()).toEqual({ outcome: 'navigated', screen: 'DETAILS' });
		expect(session.field('email')?.value).toBe('ada@example.com');
		await session.fill({ name: 'Ada King' });
		await session.pressFooter();
		expect(session.texts()[0]).toBe('Name: Ada King');

		expect(await session.pressFooter()).toEqual({ outcome: 'invalid', errors: { terms: 'This field is required' } });
		await session.fill({ terms: true });
		const done = await session.pressFooter();
		expect(done.outcome).toBe('completed');
		expect(JSON.parse(session.completion!.responseJson)).toEqual({
			flow_token: 'nav-1',
			name: 'Ada King',
			email: 'ada@example.com',
			age: '36',
			visit: '2026-05-04',
			terms: true,
		});
		expect(session.completion).toMatchObject({ via: 'complete', screen: 'SUMMARY', flowToken: 'nav-1', media: [] });
	});

	it('opens on the message’s screen with its payload, and closes when the user backs out of the first screen', async () => {
		const session = await openFlow({
			flowJson: loadClientFixture('navigate-payload.json'),
			flowToken: 'nav-2',
			initialScreen: 'SUMMARY',
			initialData: { name: 'Grace' },
		});
		expect(session.texts()[0]).toBe('Name: Grace');
		expect(session.screen().data.visit).toBe('2026-05-01'); // not in the payload: the declared example
		expect(await session.goBack()).toEqual({ outcome: 'closed' });
		expect(session.status).toBe('closed');
		expect(session.completion).toBeUndefined();
	});
});

describe('If and Switch (if-switch.json, 7.1)', () => {
	it('shows the branch matching the form and data, and validates only what is shown', async () => {
		const session = await openFlow({ flowJson: loadClientFixture('if-switch.json'), flowToken: 'if-1' });
		const types = () => session.screen().components.map((c) => c.name ?? c.text ?? c.type);
		expect(types()).toEqual(['method', 'Pick how we may reach you.', 'vip', 'Footer']);
		await expect(session.fill({ email: 'a@b.co' })).rejects.toThrow('no input "email" on screen CONTACT');

		await session.fill({ method: 'email' });
		expect(types()).toEqual(['method', 'email', 'vip', 'Footer']);
		expect(await session.pressFooter()).toEqual({ outcome: 'invalid', errors: { email: 'This field is required' } });

		await session.fill({ method: 'phone', vip: true });
		expect(types()).toEqual(['method', 'phone', 'vip', 'VIPs get a call back within the hour.', 'Footer']);
		await session.fill({ method: 'none' });
		expect(types()).toEqual(['method', 'Pick how we may reach you.', 'vip', 'Footer']);

		await session.fill({ method: 'phone', phone: '+1 555 010 9999' });
		expect(await session.pressFooter()).toEqual({ outcome: 'navigated', screen: 'PLAN' });
		expect(session.texts()).toEqual(['We will call you.']);
		expect(session.screen().footer?.label).toBe('Finish (VIP)');
		expect(await session.pressFooter()).toEqual({ outcome: 'invalid', errors: { call_date: 'This field is required' } });
		await session.fill({ call_date: '2026-06-01' });
		await session.pressFooter();
		expect(session.completion!.response).toEqual({ flow_token: 'if-1', method: 'phone', tier: 'vip', call_date: '2026-06-01' });
	});

	it('takes the other Switch case and the else-branch Footer', async () => {
		const session = await openFlow({ flowJson: loadClientFixture('if-switch.json'), flowToken: 'if-2' });
		await session.fill({ method: 'email', email: 'grace@example.com' });
		await session.pressFooter();
		expect(session.texts()).toEqual(['We will write to you.']);
		expect(session.field('call_date')).toBeUndefined();
		expect(session.screen().footer?.label).toBe('Finish');
		await session.pressFooter();
		expect(session.completion!.response).toEqual({ flow_token: 'if-2', method: 'email', tier: 'standard' });
	});
});

describe('update_data (update-data.json, 7.2)', () => {
	it('changes the screen’s data on selection, and everything bound to it follows', async () => {
		const session = await openFlow({ flowJson: loadClientFixture('update-data.json'), flowToken: 'upd-1' });
		expect(session.field('size')).toBeUndefined(); // visible: ${data.show_sizes} = false
		expect(session.field('quantity')?.value).toBe('1'); // init-value
		expect(session.texts()).toContain('Total: 0 EUR');

		const selected = await session.fill({ product: 'tshirt' });
		expect(selected.actions).toEqual([{ outcome: 'updated', screen: 'ORDER' }]);
		expect(session.field('size')).toMatchObject({ required: true, options: [{ id: 's' }, { id: 'm' }, { id: 'l' }] });
		await session.fill({ quantity: '3' });
		expect(session.texts()).toContain('Total: 45 EUR');
		expect(session.screen().footer?.label).toBe('Pay 45 EUR');

		expect((await session.fill({ extras: ['wrap', 'card', 'express'] })).errors).toEqual({ extras: 'Select at most 2' });
		await session.fill({ extras: ['wrap', 'card'] });

		expect(session.field('note')).toBeUndefined();
		await session.fill({ gift: true });
		expect(session.field('note')?.visible).toBe(true);
		expect((await session.fill({ note: 'x'.repeat(41) })).errors).toEqual({ note: 'Enter at most 40 characters' });
		await session.fill({ note: 'Happy birthday!' });
		await session.fill({ gift: false });
		expect(session.field('note')).toBeUndefined();
		await session.fill({ gift: true });

		expect((await session.fill({ delivery: { 'start-date': '2026-03-07', 'end-date': '2026-03-09' } })).errors).toEqual({
			delivery: 'This date is not available', // a Saturday; include-days is Mon–Fri
		});
		expect((await session.fill({ delivery: { 'start-date': '2026-03-02', 'end-date': '2026-03-10' } })).errors).toEqual({
			delivery: 'Choose at most 5 days',
		});
		await session.fill({ delivery: { 'start-date': '2026-03-02', 'end-date': '2026-03-05' } });

		expect(await session.pressLink('Delivery terms')).toEqual({ outcome: 'opened-url', url: 'https://example.com/terms' });
		expect(session.events.filter((e) => e.type === 'open_url')).toHaveLength(1);

		expect(await session.pressFooter()).toEqual({ outcome: 'invalid', errors: { size: 'This field is required' } });
		await session.fill({ size: 'm' });
		await session.pressFooter();
		expect(session.completion!.response).toEqual({
			flow_token: 'upd-1',
			product: 'tshirt',
			size: 'm',
			quantity: '3',
			extras: ['wrap', 'card'],
			gift: true,
			note: 'Happy birthday!',
			delivery: { 'start-date': '2026-03-02', 'end-date': '2026-03-05' },
			total: 45,
		});
	});

	it('refuses update_data in a Flow JSON older than 6.0', async () => {
		const old = JSON.parse(loadClientFixture('update-data.json')) as { version: string };
		old.version = '5.1';
		const session = await openFlow({ flowJson: JSON.stringify(old), flowToken: 't' });
		await expect(session.fill({ product: 'mug' })).rejects.toThrow('update_data needs Flow JSON 6.0+');
	});
});
