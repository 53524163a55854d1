import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TESTKIT_DIR } from './package-install';
import { REPO_ROOT } from './paths';

/**
 * Builds the test-only node package (test/testkit: e.g. the store probe that hammers the shared store from real
 * workflows). It is installed beside our package in every test n8n, never shipped.
 */
export function buildTestkit(): void {
	rmSync(TESTKIT_DIR, { recursive: true, force: true });
	mkdirSync(TESTKIT_DIR, { recursive: true });
	execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO_ROOT, 'test', 'testkit', 'tsconfig.json')], {
		stdio: 'inherit',
	});
	writeFileSync(
		join(TESTKIT_DIR, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-nodes-wa-flows-testkit',
				version: '0.0.0',
				private: true,
				n8n: { n8nNodesApiVersion: 1, credentials: [], nodes: ['dist/test/testkit/StoreProbe.node.js', 'dist/test/testkit/NoExecutionAnswer.node.js'] },
			},
			null,
			2,
		),
	);
}
