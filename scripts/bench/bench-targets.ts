// What the Flow endpoint benchmark calls in n8n, and the requests it sends: sealed and signed beforehand with the
// simulated WhatsApp client's crypto (test/sandbox/client), each answer checked (decrypted where encrypted).
import type { FlowEndpointCredentials } from '../../test/e2e/flow-endpoint-support';
import { openAnswer, sealRequest, signatureHeader } from '../../test/sandbox/client/flow-crypto';
import { importRsaOaepPublicKey } from '../../test/sandbox/client/web-crypto';
import { BENCH_PATHS, NEXT_SCREEN } from './bench-workflows';
import type { PreparedRequest } from './closed-loop';

export type Target = 'a' | 'b' | 'c' | 'ping' | 'init' | 'ceiling';

export const TARGETS: Record<Target, string> = {
	a: '(a) our endpoint: Flow Endpoint → Respond to WhatsApp Flow',
	b: '(b) Webhook → Set, respond when last node finishes',
	c: '(c) Webhook → Code (Meta example crypto) → Respond to Webhook',
	ping: 'ping, answered by the trigger',
	init: 'cached INIT, answered by the trigger',
	ceiling: 'no-execution ceiling (test trigger answers in webhook())',
};

export const ALL_TARGETS = Object.keys(TARGETS) as Target[];

export function targetPath(target: Target): string {
	switch (target) {
		case 'a':
		case 'ping':
			return BENCH_PATHS.endpoint;
		case 'init':
			return BENCH_PATHS.endpointCached;
		case 'b':
			return BENCH_PATHS.webhookSet;
		case 'c':
			return BENCH_PATHS.codeNode;
		case 'ceiling':
			return BENCH_PATHS.noExecution;
	}
}

/** Distinct requests per target, sent round-robin (a fresh AES key and IV each, as WhatsApp does per request). */
const POOL_SIZE = 64;

type Opener = (text: string) => Promise<unknown>;
type AnswerCheck = (status: number, text: string, open: Opener) => Promise<string | undefined>;

async function sealedPool(payload: (index: number) => Record<string, unknown>, credentials: FlowEndpointCredentials, check: AnswerCheck): Promise<PreparedRequest[]> {
	const publicKey = await importRsaOaepPublicKey(credentials.publicKeyPem);
	return await Promise.all(
		Array.from({ length: POOL_SIZE }, async (_, index) => {
			const sealed = await sealRequest(payload(index), publicKey);
			const open: Opener = async (text) => {
				const opened = await openAnswer(text, sealed.aesKey, sealed.iv);
				return opened.ok ? (JSON.parse(opened.text) as unknown) : undefined;
			};
			return {
				headers: { 'content-type': 'application/json', 'x-hub-signature-256': await signatureHeader(sealed.rawBody, credentials.appSecret) },
				body: sealed.rawBody,
				check: (status: number, text: string) => check(status, text, open),
			};
		}),
	);
}

function isNextScreen(answer: unknown): boolean {
	return typeof answer === 'object' && answer !== null && (answer as { screen?: unknown }).screen === NEXT_SCREEN.screen;
}

const encryptedScreen: AnswerCheck = async (status, text, open) =>
	status !== 200 ? `HTTP ${status}` : isNextScreen(await open(text)) ? undefined : 'wrong or undecryptable answer';

const plainScreen = async (status: number, text: string): Promise<string | undefined> => {
	if (status !== 200) return `HTTP ${status}`;
	const json = JSON.parse(text) as unknown;
	return isNextScreen(Array.isArray(json) ? json[0] : json) ? undefined : 'wrong answer';
};

const activeStatus: AnswerCheck = async (status, text, open) => {
	if (status !== 200) return `HTTP ${status}`;
	const answer = (await open(text)) as { data?: { status?: string } } | undefined;
	return answer?.data?.status === 'active' ? undefined : 'wrong ping answer';
};

export async function prepareRequests(credentials: FlowEndpointCredentials): Promise<Record<Target, PreparedRequest[]>> {
	const screenRequest = (index: number) => ({
		version: '3.0',
		action: 'data_exchange',
		screen: 'DETAILS',
		data: { department: 'cardiology', location: 'downtown', date: '2030-01-02' },
		flow_token: `bench-flow-token-${index}`,
	});
	const ping = () => ({ version: '3.0', action: 'ping' });
	const screens = await sealedPool(screenRequest, credentials, encryptedScreen);
	return {
		a: screens,
		// n8n's Webhook node parses the same sealed JSON body; the Set node answers in plain JSON.
		b: screens.map((request) => ({ ...request, check: plainScreen })),
		c: screens,
		ping: await sealedPool(ping, credentials, activeStatus),
		init: await sealedPool((index) => ({ version: '3.0', action: 'INIT', flow_token: `bench-flow-token-${index}` }), credentials, encryptedScreen),
		ceiling: await sealedPool(ping, credentials, async (status, text) => (status === 200 && text === 'ok' ? undefined : `HTTP ${status}`)),
	};
}
