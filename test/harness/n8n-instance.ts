import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installPackagesInto } from './package-install';
import { N8nApi } from './n8n-api';
import { createApiKey, ensureOwner } from './n8n-owner';
import { isRunning, startProcess, waitForHttp, type StartedProcess } from './processes';
import { startPostgres, startRedis, type PostgresService, type RedisService } from './services';
import { n8nBin, nodeBinFor, RUN_DIR, type N8nMajor } from './paths';

export type Profile = 'regular' | 'queue';

export interface N8nInstanceInfo {
	name: string;
	major: N8nMajor;
	profile: Profile;
	/** The main process: editor, REST and public API. */
	baseUrl: string;
	/** Where production webhooks are called: the main process, or the webhook processor in queue mode. */
	webhookBaseUrl: string;
	apiKey: string;
	cookie: string;
	logFiles: string[];
}

export interface N8nInstance extends N8nInstanceInfo {
	api: N8nApi;
	/** The n8n processes' ids; each leads a process group holding its task runners (benchmarks count their CPU). */
	processIds: number[];
	stop(): Promise<void>;
}

export interface StartOptions {
	name: string;
	major: N8nMajor;
	profile: Profile;
	/** First of a block of ports this instance may use (main, webhook, workers, task-runner brokers, services). */
	basePort: number;
	/** Extra environment for every n8n process (e.g. sandbox URLs for examples). */
	env?: Record<string, string>;
	/** Save successful executions (tests check "no execution started"); the demo may turn it off. */
	saveSuccessfulExecutions?: boolean;
	workers?: number;
	/** Keep the user folder from an earlier start. */
	keepUserFolder?: boolean;
	/** Also install the test-only node package (test/testkit). */
	withTestkit?: boolean;
}

/** E2E_READY_TIMEOUT_MS: more time on a loaded machine (fresh SQLite migrations alone took over 4 min at load 12 on 2 cores). */
const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS ?? 240_000);

function baseEnv(options: StartOptions, userFolder: string): Record<string, string> {
	return {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_ENCRYPTION_KEY: `wa-flows-test-encryption-key-${options.name}`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_PUBLIC_API_DISABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: options.saveSuccessfulExecutions === false ? 'none' : 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		...(options.env ?? {}),
	};
}

/** Starts a real n8n (one process, or main + webhook processor + workers on PostgreSQL and Redis) with our packages. */
export async function startN8n(options: StartOptions): Promise<N8nInstance> {
	const dir = join(RUN_DIR, options.name);
	const userFolder = join(dir, 'user');
	if (!options.keepUserFolder) rmSync(dir, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	installPackagesInto(join(userFolder, '.n8n', 'nodes'), options.withTestkit === true);

	const p = options.basePort;
	const ports = { main: p, webhook: p + 1, postgres: p + 8, redis: p + 9 };
	const env = baseEnv(options, userFolder);
	const node = nodeBinFor(options.major);
	const bin = n8nBin(options.major);
	const processes: StartedProcess[] = [];
	const services: Array<PostgresService | RedisService> = [];
	const stopAll = async () => {
		for (const started of [...processes].reverse()) await started.stop();
		for (const service of services.reverse()) await service.stop();
	};

	try {
		let webhookBaseUrl = `http://127.0.0.1:${ports.main}`;
		const common: Record<string, string> = { ...env, WEBHOOK_URL: `${webhookBaseUrl}/` };
		if (options.profile === 'queue') {
			const [postgres, redis] = await Promise.all([
				startPostgres(ports.postgres, join(dir, 'postgres.log')),
				startRedis(ports.redis, join(dir, 'redis.log')),
			]);
			services.push(postgres, redis);
			webhookBaseUrl = `http://127.0.0.1:${ports.webhook}`;
			Object.assign(common, {
				WEBHOOK_URL: `${webhookBaseUrl}/`,
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(ports.redis),
				QUEUE_BULL_PREFIX: `bull-${options.name}`,
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(ports.postgres),
				DB_POSTGRESDB_DATABASE: postgres.database,
				DB_POSTGRESDB_USER: postgres.user,
				DB_POSTGRESDB_PASSWORD: '',
				DB_POSTGRESDB_POOL_SIZE: '10',
				OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
				N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			});
		}

		const spawnN8n = (role: string, args: string[], extra: Record<string, string>) => {
			const started = startProcess(`n8n-${options.name}-${role}`, node, [bin, ...args], {
				env: { ...common, ...extra },
				cwd: userFolder,
				logFile: join(dir, `${role}.log`),
			});
			processes.push(started);
			return started;
		};

		const main = spawnN8n('main', ['start'], { N8N_PORT: String(ports.main), N8N_RUNNERS_BROKER_PORT: String(p + 20) });
		await waitForHttp(`http://127.0.0.1:${ports.main}/healthz/readiness`, {
			timeoutMs: READY_TIMEOUT_MS,
			alive: () => isRunning(main.child),
			what: `n8n ${options.name} main`,
		});

		if (options.profile === 'queue') {
			const webhook = spawnN8n('webhook', ['webhook'], { N8N_PORT: String(ports.webhook), N8N_RUNNERS_BROKER_PORT: String(p + 21) });
			const workers = Array.from({ length: options.workers ?? 2 }, (_, i) =>
				spawnN8n(`worker${i + 1}`, ['worker', '--concurrency=20'], {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(p + 2 + i),
					N8N_PORT: String(p + 2 + i),
					N8N_RUNNERS_BROKER_PORT: String(p + 22 + i),
				}),
			);
			await waitForHttp(`${webhookBaseUrl}/healthz`, {
				timeoutMs: READY_TIMEOUT_MS,
				alive: () => isRunning(webhook.child),
				what: `n8n ${options.name} webhook processor`,
			});
			await Promise.all(
				workers.map((worker, i) =>
					waitForHttp(`http://127.0.0.1:${p + 2 + i}/healthz`, {
						timeoutMs: READY_TIMEOUT_MS,
						alive: () => isRunning(worker.child),
						what: `n8n ${options.name} worker ${i + 1}`,
					}),
				),
			);
		}

		const baseUrl = `http://127.0.0.1:${ports.main}`;
		// readiness can answer before the REST routes are mounted (seen in queue mode)
		await waitForHttp(`${baseUrl}/rest/settings`, { timeoutMs: READY_TIMEOUT_MS, alive: () => isRunning(main.child), what: `n8n ${options.name} REST API` });
		const cookie = await ensureOwner(baseUrl);
		const apiKey = await createApiKey(baseUrl, cookie, `harness-${Date.now()}`);
		return {
			name: options.name,
			major: options.major,
			profile: options.profile,
			baseUrl,
			webhookBaseUrl,
			apiKey,
			cookie,
			logFiles: processes.map((started) => started.logFile),
			api: new N8nApi(baseUrl, apiKey, cookie),
			processIds: processes.flatMap((started) => (started.child.pid === undefined ? [] : [started.child.pid])),
			stop: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}
