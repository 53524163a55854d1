import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { N8nApi } from '../../harness/n8n-api';
import type { N8nInstanceInfo } from '../../harness/n8n-instance';
import { RUN_DIR } from '../../harness/paths';

/** What global-setup started, shared with the test files through a JSON file (Jest isolates modules per file). */
export interface E2eEnv {
	sandboxUrl: string;
	instances: Partial<Record<E2eProfile, N8nInstanceInfo>>;
}

/** regular: n8n 2.x, one process, SQLite. queue: n8n 2.x main + webhook processor + 2 workers, PostgreSQL + Redis. n8n1: n8n 1.x regular. */
export type E2eProfile = 'regular' | 'queue' | 'n8n1';

/** Added to every port the e2e run listens on, so two runs can share a machine (and a checkout). */
export const E2E_PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);

/** Names this run's files and folders under .n8n-run/ apart from another run's. */
export const E2E_RUN_SUFFIX = E2E_PORT_OFFSET === 0 ? '' : `-${E2E_PORT_OFFSET}`;

export const E2E_ENV_FILE = join(RUN_DIR, `e2e-env${E2E_RUN_SUFFIX}.json`);

export function selectedProfiles(): E2eProfile[] {
	const raw = process.env.E2E_PROFILES ?? 'regular,queue,n8n1';
	return raw.split(',').map((p) => p.trim()).filter((p): p is E2eProfile => p === 'regular' || p === 'queue' || p === 'n8n1');
}

export function loadE2eEnv(): E2eEnv {
	return JSON.parse(readFileSync(E2E_ENV_FILE, 'utf8')) as E2eEnv;
}

export interface E2eInstance extends N8nInstanceInfo {
	api: N8nApi;
}

export function instance(profile: E2eProfile): E2eInstance {
	const info = loadE2eEnv().instances[profile];
	if (!info) throw new Error(`n8n profile "${profile}" was not started (E2E_PROFILES=${process.env.E2E_PROFILES ?? ''})`);
	return { ...info, api: new N8nApi(info.baseUrl, info.apiKey, info.cookie) };
}

/** `describe.each` helper: the profiles this run started, among those a suite supports. */
export function profilesAmong(...supported: E2eProfile[]): E2eProfile[] {
	const started = Object.keys(loadE2eEnv().instances) as E2eProfile[];
	return supported.filter((p) => started.includes(p));
}
