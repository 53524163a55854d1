import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** The test-only node package (store probe etc.), built by `npm run build:testkit`. */
export const TESTKIT_DIR = join(REPO_ROOT, '.n8n-run', 'testkit-package');

/**
 * Installs our package the way n8n installs a community package: a folder in `<user>/.n8n/nodes/node_modules`
 * holding package.json and dist/ but no node_modules, so `n8n-workflow` resolves to n8n's own copy.
 */
export function installPackagesInto(nodesDir: string, withTestkit: boolean): void {
	const modules = join(nodesDir, 'node_modules');
	mkdirSync(modules, { recursive: true });
	if (!existsSync(join(nodesDir, 'package.json'))) writeFileSync(join(nodesDir, 'package.json'), '{"name":"installed-nodes","private":true}\n');
	const target = join(modules, 'n8n-nodes-whatsapp-flows');
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	if (!existsSync(join(REPO_ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
	cpSync(join(REPO_ROOT, 'package.json'), join(target, 'package.json'));
	cpSync(join(REPO_ROOT, 'dist'), join(target, 'dist'), { recursive: true });
	if (withTestkit) {
		if (!existsSync(TESTKIT_DIR)) throw new Error('the testkit package is not built (test/harness/testkit-build.ts)');
		const testkitTarget = join(modules, 'n8n-nodes-wa-flows-testkit');
		rmSync(testkitTarget, { recursive: true, force: true });
		cpSync(TESTKIT_DIR, testkitTarget, { recursive: true });
	}
}
