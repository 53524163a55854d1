import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instance, loadE2eEnv, profilesAmong } from './harness/e2e-env';
import { SMOKE_WORKFLOWS } from './smoke-workflows';

const PACKAGE = 'n8n-nodes-whatsapp-flows';
const packageJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
};

/** The `description.name` of every node and credential package.json lists, read from the built files. */
function declaredNames(kind: 'nodes' | 'credentials'): string[] {
	return packageJson.n8n[kind].map((file) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the built file n8n loads
		const loaded = require(join(__dirname, '..', '..', file)) as Record<string, new () => { description?: { name: string }; name?: string }>;
		const [exported] = Object.values(loaded);
		if (!exported) throw new Error(`${file} exports nothing`);
		const instanceOf = new exported();
		return instanceOf.description?.name ?? instanceOf.name ?? '';
	});
}

describe.each(profilesAmong('regular', 'queue', 'n8n1'))('our package in real n8n (%s)', (profile) => {
	const n8n = () => instance(profile);

	it('loads every node and credential package.json lists', async () => {
		const nodeTypes = (await n8n().api.nodeTypes()).map((t) => t.name);
		for (const name of declaredNames('nodes')) expect(nodeTypes).toContain(`${PACKAGE}.${name}`);
		const credentialTypes = (await n8n().api.credentialTypes()).map((t) => t.name);
		for (const name of declaredNames('credentials')) expect(credentialTypes).toContain(name);
	});

	it.each(declaredNames('nodes'))('runs the smoke workflow of %s through a production webhook', async (nodeName) => {
		const smoke = SMOKE_WORKFLOWS[nodeName];
		if (!smoke) throw new Error(`node ${nodeName} has no smoke workflow in test/e2e/smoke-workflows.ts`);
		await smoke.run(n8n(), loadE2eEnv().sandboxUrl);
	});
});
