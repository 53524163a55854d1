import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertFormToFlow, type FieldMapEntry } from '../../nodes/shared/forms';
import type { CredentialIds } from '../harness/examples';
import { createCredentialIn, sandboxAppData, sandboxCloudApiData } from '../harness/sandbox-credentials';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_WABA_ID } from '../sandbox/seed';
import { pointAppCallbackAt, triggerUrl } from './cloud-trigger-support';
import { fillEveryFieldOverHttp, formsTwin, startStandIn, waitFor, type Filled, type StandIn } from './forms-support';
import { instance, loadE2eEnv, profilesAmong, type E2eInstance } from './harness/e2e-env';
import { asArray, callWebhook, openConversationWindow, uniquePath, waitForWebhook } from './support/workflows';

// The Forms to Flows examples in real n8n, as twins (third-party services stood in for): the form definition is
// fetched and converted, the Flow deployed and published to the sandbox and sent to the contacts of a sheet; a
// simulated WhatsApp user fills every field; the completion reaches the WhatsApp Cloud Trigger, is mapped back,
// and every answer arrives on its source field in the sheet row / HubSpot submission.

const FIXTURES = join(__dirname, '..', 'fixtures', 'forms');
const fixture = (path: string) => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as Record<string, unknown>;

type Source = 'typeform' | 'google' | 'hubspot';

interface Case {
	source: Source;
	example: string;
	fixture: string;
	formId: (form: Record<string, unknown>) => string;
	/** What the stand-in serves for the form (a HubSpot form's fields, as n8n's HubSpot node lists them). */
	served: (form: Record<string, unknown>) => unknown;
	/** What Convert reads in the workflow, to compute the field map the test expects. */
	converted: (form: Record<string, unknown>) => unknown;
	formPath: (id: string) => string;
	resultPath: (id: string) => string;
	/** Source refs of the questions the fixture's logic jump skips for the answers the simulated user gives. */
	skipped: string[];
}

const v2Fields = (form: Record<string, unknown>) => (form.formFieldGroups as Array<{ fields: unknown[] }>).flatMap((group) => group.fields);

const CASES: Case[] = [
	{
		source: 'typeform',
		example: 'forms-typeform-to-whatsapp-flow.json',
		fixture: 'typeform/11-every-supported-type.json',
		formId: (form) => String(form.id),
		served: (form) => form,
		converted: (form) => form,
		formPath: (id) => `/typeform/forms/${id}`,
		resultPath: () => '/sheets/Responses',
		// logic: "every_plan" is "premium" (the last option, which the simulated user picks) → jump to "every_city".
		skipped: ['every_interests', 'every_colour'],
	},
	{
		source: 'google',
		example: 'forms-google-form-to-whatsapp-flow.json',
		fixture: 'google-forms/11-every-question-type.json',
		formId: (form) => String(form.formId),
		served: (form) => form,
		converted: (form) => form,
		formPath: (id) => `/google/forms/${id}`,
		resultPath: () => '/sheets/Form responses',
		skipped: [],
	},
	{
		source: 'hubspot',
		example: 'forms-hubspot-to-whatsapp-flow.json',
		fixture: 'hubspot-v2/11-every-field-type.json',
		formId: (form) => String(form.guid),
		served: v2Fields,
		converted: (form) => ({ id: form.guid, name: 'HubSpot form', fields: v2Fields(form) }),
		formPath: (id) => `/hubspot/fields/${id}`,
		resultPath: (id) => `/hubspot/submit/${id}`,
		skipped: [],
	},
];

/** The text the source should store for what the user entered, worked out from the field map by hand. */
function expectedText(entry: FieldMapEntry, value: unknown, separator: string): string | RegExp {
	const option = (id: string) => entry.options?.find((o) => o.id === id);
	switch (entry.kind) {
		case 'choice':
			return Array.isArray(value) ? value.map((id: string) => option(id)?.value).join(separator) : String(option(String(value))?.value);
		case 'yesNo':
			return separator === ';' ? String(option(String(value))?.value) : String(option(String(value))?.label);
		case 'consent':
			return separator === ';' ? 'true' : 'Yes';
		case 'file':
			return /^\d+$/; // the Cloud API media id of the picked file
		case 'text':
			return entry.inputType === 'number' ? String(Number(value)) : String(value);
		default:
			return String(value);
	}
}

async function subscribeApp(sandboxUrl: string): Promise<void> {
	const response = await fetch(`${sandboxUrl}/v23.0/${SANDBOX_WABA_ID}/subscribed_apps`, { method: 'POST', headers: { authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` } });
	if (!response.ok) throw new Error(`subscribed_apps → ${response.status}`);
}

describe.each(profilesAmong('regular', 'queue', 'n8n1'))('Forms to Flows examples through a real n8n (%s)', (profile) => {
	let n8n: E2eInstance;
	let sandboxUrl: string;
	let credentials: CredentialIds;
	const standIns: StandIn[] = [];

	beforeAll(async () => {
		n8n = instance(profile);
		sandboxUrl = loadE2eEnv().sandboxUrl;
		// Our two credentials; the third-party ones are dropped with the nodes the stand-in replaces.
		credentials = {
			whatsAppFlowsCloudApi: await createCredentialIn(n8n, 'WhatsApp Cloud API (forms)', 'whatsAppFlowsCloudApi', sandboxCloudApiData(sandboxUrl)),
			whatsAppFlowsAppApi: await createCredentialIn(n8n, 'WhatsApp Meta App (forms)', 'whatsAppFlowsAppApi', sandboxAppData(sandboxUrl)),
			typeformApi: 'unused',
			httpHeaderAuth: 'unused',
			googleApi: 'unused',
			hubspotAppToken: 'unused',
		};
		await subscribeApp(sandboxUrl);
	});

	afterAll(async () => {
		await pointAppCallbackAt(sandboxUrl, null);
		for (const standIn of standIns) await standIn.close();
	});

	it.each(CASES.map((c) => [c.source, c] as const))('%s form → Flow → simulated user fills every field → each answer on its source field', async (_source, spec) => {
		const form = fixture(spec.fixture);
		const formId = spec.formId(form);
		const waId = `1555${String(Date.now()).slice(-7)}`;
		const standIn = await startStandIn({ [spec.formPath(formId)]: spec.served(form), '/sheets/Contacts': [{ name: 'Ada', phone: `+${waId}` }] });
		standIns.push(standIn);
		const sendPath = uniquePath(`forms-${spec.source}-send`);
		const triggerPath = uniquePath(`forms-${spec.source}-done`);
		await n8n.api.importAndActivate(formsTwin({ file: spec.example, formId, sendPath, triggerPath, standInUrl: standIn.url, credentials }));
		await waitForWebhook(n8n.webhookBaseUrl, sendPath);
		await waitForWebhook(n8n.webhookBaseUrl, triggerPath);
		await pointAppCallbackAt(sandboxUrl, triggerUrl(n8n, triggerPath));

		await openConversationWindow(sandboxUrl, waId);
		const sent = await callWebhook(n8n.webhookBaseUrl, sendPath, {});
		expect(sent.status).toBe(200);
		expect(asArray(sent.json)[0]).toMatchObject({ status: 'sent' });

		const { filled, last } = await fillEveryFieldOverHttp(sandboxUrl, waId);
		expect(last.status).toBe('completed');
		expect(last.flow.mode).toBe('published');

		const { fieldMap } = convertFormToFlow(spec.converted(form));
		const skipped = fieldMap.fields.filter((e) => !(e.field in filled));
		expect(skipped.map((e) => e.source.ref ?? e.source.id)).toEqual(spec.skipped);
		const record = await waitFor(`${spec.resultPath(formId)} on the stand-in`, () => standIn.records.find((r) => r.path === spec.resultPath(formId)));

		if (spec.source === 'hubspot') {
			// Files are not part of a HubSpot form submission (the conversion warns): their media ids stay in the trigger's output.
			const submitted = fieldMap.fields.filter((e) => e.kind !== 'file');
			const fields = (record.body as { fields: Array<{ name: string; value: string }> }).fields;
			expect(fields.map((f) => f.name).sort()).toEqual(submitted.map((e) => e.source.name).sort());
			for (const entry of submitted) expect(fields.find((f) => f.name === entry.source.name)?.value).toEqual(expectedText(entry, (filled as Filled)[entry.field], ';'));
		} else {
			const row = record.body as Record<string, string>;
			expect(Object.keys(row).sort()).toEqual(fieldMap.fields.map((e) => e.source.title).sort());
			// A question the jump skipped keeps its column, empty.
			for (const entry of skipped) expect({ column: entry.source.title, value: row[entry.source.title] }).toEqual({ column: entry.source.title, value: '' });
			for (const entry of fieldMap.fields.filter((e) => e.field in filled)) {
				const expected = expectedText(entry, (filled as Filled)[entry.field], ', ');
				if (expected instanceof RegExp) expect(row[entry.source.title]).toMatch(expected);
				else expect({ column: entry.source.title, value: row[entry.source.title] }).toEqual({ column: entry.source.title, value: expected });
			}
		}
	});
});
