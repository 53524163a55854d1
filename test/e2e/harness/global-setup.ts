import { mkdirSync, writeFileSync } from 'node:fs';
import { buildTestkit } from '../../harness/testkit-build';
import { startN8n, type N8nInstance } from '../../harness/n8n-instance';
import { RUN_DIR } from '../../harness/paths';
import { startSandbox } from '../../sandbox/server';
import { E2E_ENV_FILE, E2E_PORT_OFFSET, E2E_RUN_SUFFIX, selectedProfiles, type E2eEnv, type E2eProfile } from './e2e-env';

const SANDBOX_PORT = 5680 + E2E_PORT_OFFSET;

const PROFILE_START: Record<E2eProfile, { major: 1 | 2; profile: 'regular' | 'queue'; basePort: number }> = {
	regular: { major: 2, profile: 'regular', basePort: 5700 + E2E_PORT_OFFSET },
	queue: { major: 2, profile: 'queue', basePort: 5740 + E2E_PORT_OFFSET },
	n8n1: { major: 1, profile: 'regular', basePort: 5780 + E2E_PORT_OFFSET },
};

interface Started {
	instances: N8nInstance[];
	closeSandbox: () => Promise<void>;
}

declare global {
	var __waFlowsE2e: Started | undefined;
}

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	mkdirSync(RUN_DIR, { recursive: true });
	buildTestkit();
	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	const profiles = selectedProfiles();
	const instances: N8nInstance[] = [];
	globalThis.__waFlowsE2e = { instances, closeSandbox: () => sandbox.close() };
	const results = await Promise.allSettled(
		profiles.map(async (profile) => {
			const spec = PROFILE_START[profile];
			const n8n = await startN8n({ name: `e2e-${profile}${E2E_RUN_SUFFIX}`, ...spec, withTestkit: true });
			instances.push(n8n);
			return [profile, n8n] as const;
		}),
	);
	const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failed) {
		// Jest skips globalTeardown when globalSetup throws: stop what did start.
		await Promise.all(instances.map((n8n) => n8n.stop()));
		await sandbox.close();
		throw failed.reason;
	}
	const env: E2eEnv = { sandboxUrl: sandbox.url, instances: {} };
	for (const result of results) {
		if (result.status !== 'fulfilled') continue;
		const [profile, n8n] = result.value;
		env.instances[profile] = {
			name: n8n.name, major: n8n.major, profile: n8n.profile, baseUrl: n8n.baseUrl,
			webhookBaseUrl: n8n.webhookBaseUrl, apiKey: n8n.apiKey, cookie: n8n.cookie, logFiles: n8n.logFiles,
		};
	}
	writeFileSync(E2E_ENV_FILE, JSON.stringify(env, null, 2));
	console.log(`\n[e2e] started ${profiles.join(', ')} and the sandbox in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
