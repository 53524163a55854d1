// Meta's example Flow JSON files (version 3.1, all components inside a Form) open, enforce their rules and complete.
import { openFlow } from './flow-runner';
import { loadMetaExample } from './testing/vectors';

describe("Meta's example flows", () => {
	it('contact-us: required fields block the footer, then the payload completes with the flow token', async () => {
		const session = await openFlow({ flowJson: loadMetaExample('contact-us.json'), flowToken: 'contact-1' });
		const view = session.screen();
		expect(view).toMatchObject({ id: 'CONTACT_US', title: 'Contact us', terminal: true });
		expect(view.components.map((c) => c.type)).toEqual(['TextInput', 'TextInput', 'TextArea', 'TextBody', 'Footer']);
		expect(session.field('first_name')).toMatchObject({ label: 'First Name', required: true });
		expect(view.footer?.label).toBe('Submit');

		expect(await session.pressFooter()).toEqual({
			outcome: 'invalid',
			errors: { first_name: 'This field is required', second_name: 'This field is required', info: 'This field is required' },
		});
		expect(session.field('info')?.error).toBe('This field is required');

		await session.fill({ first_name: 'Ada', second_name: 'Lovelace', info: 'Please call me back.' });
		expect(session.field('info')?.error).toBeUndefined();
		const result = await session.pressFooter();
		expect(result.outcome).toBe('completed');
		expect(session.status).toBe('completed');
		expect(JSON.parse(session.completion!.responseJson)).toEqual({
			flow_token: 'contact-1',
			firstname: 'Ada',
			secondname: 'Lovelace',
			issue: 'Please call me back.',
			flow_key: 'contact',
		});
		expect(session.completion!.completedAt).toBeInstanceOf(Date);
	});

	it('agent-connect: a CheckboxGroup takes option ids only; the optional TextArea may stay empty', async () => {
		const session = await openFlow({ flowJson: loadMetaExample('agent-connect.json'), flowToken: 'agent-1' });
		expect(session.field('services_interested')?.options).toHaveLength(9);
		const bad = await session.fill({ services_interested: ['spa_services', 'golf'] });
		expect(bad.errors.services_interested).toBe('Not one of the options: golf');
		expect((await session.pressFooter()).outcome).toBe('invalid');

		await session.fill({ first_name: 'Grace', second_name: 'Hopper', services_interested: ['spa_services', 'dining_services'] });
		const result = await session.pressFooter();
		expect(result.outcome).toBe('completed');
		expect(JSON.parse(session.completion!.responseJson)).toEqual({
			flow_token: 'agent-1',
			firstname: 'Grace',
			secondname: 'Hopper',
			services_interested: ['spa_services', 'dining_services'],
			flow_key: 'agentconnect',
		});
	});

	it('survey: nine required radio groups, each answered with one of its ids', async () => {
		const session = await openFlow({ flowJson: loadMetaExample('survey.json'), flowToken: 'survey-1' });
		const radios = session.screen().components.filter((c) => c.type === 'RadioButtonsGroup');
		expect(radios).toHaveLength(9);
		expect(session.texts()[0]).toBe('Tour Company Feedback Survey');

		await session.fill({ source: '1', tour_type: '2' });
		const partial = await session.pressFooter();
		expect(partial.outcome === 'invalid' && Object.keys(partial.errors)).toHaveLength(7);

		const answers = Object.fromEntries(radios.map((r) => [r.name as string, r.options![0].id]));
		await session.fill(answers);
		expect(await session.pressFooter()).toMatchObject({ outcome: 'completed' });
		expect(JSON.parse(session.completion!.responseJson)).toEqual({ flow_token: 'survey-1', ...answers });
	});

	it('refuses what the UI cannot do: unknown fields, wrong value kinds, acting after completion', async () => {
		const session = await openFlow({ flowJson: loadMetaExample('contact-us.json'), flowToken: 't' });
		await expect(session.fill({ nickname: 'x' })).rejects.toThrow('no input "nickname" on screen CONTACT_US');
		await expect(session.fill({ first_name: 42 })).rejects.toThrow('cannot hold 42');
		await session.fill({ first_name: 'A', second_name: 'B', info: 'C' });
		await session.pressFooter();
		await expect(session.pressFooter()).rejects.toThrow('the flow is completed');
	});
});
