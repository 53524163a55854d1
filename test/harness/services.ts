import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, waitForTcp, type StartedProcess } from './processes';

/** PostgreSQL and Redis for n8n's queue mode, from Debian's packages (scripts/install-services.sh installs them). */

export interface PostgresService {
	port: number;
	database: string;
	user: string;
	process: StartedProcess;
	stop(): Promise<void>;
}

function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? execFileSync('ls', [root]).toString().trim().split('\n').filter(Boolean) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	if (!newest) throw new Error('PostgreSQL is not installed: run scripts/install-services.sh');
	return join(root, newest, 'bin');
}

/** A throwaway cluster in /tmp run as the `postgres` user (PostgreSQL refuses to run as root). */
export async function startPostgres(port: number, logFile: string): Promise<PostgresService> {
	const bin = postgresBinDir();
	const dataDir = `/tmp/wa-flows-pg-${port}`;
	if (existsSync(join(dataDir, 'postmaster.pid'))) {
		// a cluster left running by an interrupted run: stop it before reusing its port and folder
		try {
			execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', dataDir, 'stop', '-m', 'immediate'], { stdio: 'ignore' });
		} catch {
			// already gone
		}
	}
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true });
	const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
	chownSync(dataDir, uid, gid);
	execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'initdb'), '-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], {
		stdio: 'ignore',
	});
	const process = startProcess(
		'postgres',
		'runuser',
		[
			'-u', 'postgres', '--', join(bin, 'postgres'), '-D', dataDir, '-p', String(port), '-k', dataDir,
			'-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off',
			'-c', 'full_page_writes=off', '-c', 'max_connections=300',
		],
		{ logFile },
	);
	await waitForTcp(port, { timeoutMs: 30_000, what: 'PostgreSQL' });
	for (let attempt = 0; ; attempt++) {
		try {
			execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', 'CREATE DATABASE n8n'], { stdio: 'pipe' });
			break;
		} catch (error) {
			if (attempt > 20) throw error;
			await new Promise((r) => setTimeout(r, 500));
		}
	}
	return {
		port,
		database: 'n8n',
		user: 'postgres',
		process,
		async stop() {
			await process.stop();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}

export interface RedisService {
	port: number;
	process: StartedProcess;
	stop(): Promise<void>;
}

export async function startRedis(port: number, logFile: string): Promise<RedisService> {
	const process = startProcess(
		'redis',
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no'],
		{ logFile },
	);
	await waitForTcp(port, { timeoutMs: 15_000, what: 'Redis' });
	return { port, process, stop: () => process.stop() };
}
