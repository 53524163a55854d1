import { instance, profilesAmong, type E2eProfile } from './harness/e2e-env';
import { stateStoreCredential, type CredentialRef } from './support/credentials';
import { asArray, callWebhook, deployWebhookWorkflow, splitBodyItems, uniquePath, webhookChain } from './support/workflows';

/**
 * The store proof: 1,000 concurrent compare-and-set increments of one counter capped at 5 must give exactly 5
 * successes and 0 errors — 40 concurrent executions of 25 items each, every item racing the others. The counter
 * is created first by a single writer, as OTP verifications are: compare-and-set works on an existing record.
 */
const EXECUTIONS = 40;
const ITEMS_PER_EXECUTION = 25;
const CAP = 5;

interface ProbeResult {
	won: boolean;
	count: number | null;
	worker: string;
	error?: string;
}

async function runProof(profile: E2eProfile, store: 'memory' | 'dataTable', credential?: CredentialRef): Promise<ProbeResult[]> {
	const n8n = instance(profile);
	const path = uniquePath(`store-proof-${store}`);
	const key = `counter-${path}`;
	await deployWebhookWorkflow(
		n8n,
		webhookChain(`Store proof: ${store} (${profile})`, path, [
			splitBodyItems,
			{
				name: 'Store Probe',
				type: 'n8n-nodes-wa-flows-testkit.storeProbe',
				parameters: { store, key, cap: CAP, operation: '={{ $json.op }}' },
				...(credential ? { credentials: { whatsAppFlowsStateApi: credential } } : {}),
			},
		]),
		path,
	);
	const created = await callWebhook(n8n.webhookBaseUrl, path, { items: [{ op: 'create' }] });
	expect(asArray(created.json)[0]).toMatchObject({ created: true });
	const items = Array.from({ length: ITEMS_PER_EXECUTION }, () => ({ op: 'increment' }));
	const answers = await Promise.all(
		Array.from({ length: EXECUTIONS }, async () => await callWebhook(n8n.webhookBaseUrl, path, { items })),
	);
	for (const answer of answers) expect(answer.status).toBe(200);
	return answers.flatMap((answer) => asArray<ProbeResult>(answer.json));
}

function expectExactlyCapWins(results: ProbeResult[]): void {
	expect(results).toHaveLength(EXECUTIONS * ITEMS_PER_EXECUTION);
	expect(results.filter((r) => r.error !== undefined)).toEqual([]);
	expect(results.filter((r) => r.won)).toHaveLength(CAP);
	expect(Math.max(...results.map((r) => r.count ?? 0))).toBe(CAP);
}

describe.each(profilesAmong('regular'))('shared store proof in one n8n process (%s)', (profile) => {
	it('in-process store: 1,000 concurrent capped increments → exactly 5 succeed, 0 errors', async () => {
		expectExactlyCapWins(await runProof(profile, 'memory'));
	});

	it('data-table store on SQLite: 1,000 concurrent capped increments → exactly 5 succeed, 0 errors', async () => {
		const credential = await stateStoreCredential(instance(profile));
		expectExactlyCapWins(await runProof(profile, 'dataTable', credential));
	});
});

describe.each(profilesAmong('queue'))('shared store proof across queue-mode workers (%s)', (profile) => {
	it('data-table store on PostgreSQL, from workflows on both workers: exactly 5 succeed, 0 errors', async () => {
		const credential = await stateStoreCredential(instance(profile));
		const results = await runProof(profile, 'dataTable', credential);
		expectExactlyCapWins(results);
		expect(new Set(results.map((r) => r.worker)).size).toBe(2);
	});
});
