// Crypto per Flow endpoint request, CPU time: our core (parsed-key cache + decrypt + encrypt) against Meta's
// reference way (the PEM parsed on every request) and against a bare RSA-OAEP decrypt with a cached key. Runs on
// Meta's known-answer vectors (test/fixtures/meta/flow-crypto-vectors.json), which every variant must reproduce
// before it is timed. Part of scripts/bench/flow-endpoint.ts; alone:
//   node -r ./test/sandbox/ts-register.cjs scripts/bench/flow-crypto.ts [--json]
import { constants, createPrivateKey, privateDecrypt, type KeyObject } from 'node:crypto';
import { decryptFlowRequest, encryptFlowResponse, encryptFlowResponseForIv, encryptFlowResponseWithWrappedKey } from '../../nodes/shared/crypto/flow-crypto';
import { verifyHubSignature } from '../../nodes/shared/crypto/hub-signature';
import { getFlowPrivateKey } from '../../nodes/shared/crypto/private-key';
import { AesKeyHandoff } from '../../nodes/shared/flow-endpoint/aes-key-handoff';
import { loadVectorSets, type VectorSet } from '../../test/sandbox/client/testing/vectors';
import { referenceDecrypt, referenceDecryptWithKey, referenceEncrypt } from './meta-reference-crypto';

export type CryptoVariant = 'bare' | 'minimal' | 'core' | 'executed' | 'queue' | 'reference';

export const CRYPTO_VARIANTS: Record<CryptoVariant, string> = {
	bare: 'bare RSA-OAEP decrypt, cached KeyObject',
	minimal: "Meta's reference code with the PEM parsed once: cached key, no checks",
	core: 'our core: key cache + decrypt + encrypt',
	executed: 'as our nodes run in regular mode: + signature check, AES key handed to the respond node',
	queue: 'as in queue mode: + signature check, the respond node (a worker) unwraps the key again',
	reference: "Meta's reference: PEM parsed per request",
};

export interface CryptoSetResult {
	keyFormat: string;
	/** Median over rounds of CPU microseconds per request (user + system of this process). */
	cpuUs: Record<CryptoVariant, number>;
	wallUs: Record<CryptoVariant, number>;
	/** Median over rounds of each variant's CPU time over the bare decrypt's in the same round. */
	cpuOverBare: Record<CryptoVariant, number>;
}

export interface CryptoBenchResult {
	node: string;
	openssl: string;
	rounds: number;
	opsPerSlice: number;
	sets: CryptoSetResult[];
}

interface Prepared {
	rawBody: string;
	parsedBody: Record<string, unknown>;
	signatureHeader: string;
	wrappedKey: Buffer;
	answer: Record<string, unknown>;
}

type Operation = (request: Prepared) => void;

function operations(set: VectorSet): Record<CryptoVariant, Operation> {
	const passphrase = set.passphrase ?? '';
	const cachedKey: KeyObject = createPrivateKey({ key: set.privateKeyPem, passphrase });
	const handoff = new AesKeyHandoff(15_000, 4096);
	return {
		bare: (request) => {
			privateDecrypt({ key: cachedKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, request.wrappedKey);
		},
		minimal: (request) => {
			const decrypted = referenceDecryptWithKey(request.rawBody, cachedKey);
			referenceEncrypt(request.answer, decrypted.aesKey, decrypted.iv);
		},
		core: (request) => {
			const decrypted = decryptFlowRequest(request.rawBody, getFlowPrivateKey(set.privateKeyPem, passphrase));
			encryptFlowResponse(request.answer, decrypted.aesKey, decrypted.iv);
		},
		executed: (request) => {
			// The trigger: signature, decrypt, hand the AES key over; the respond node: take it, encrypt.
			if (!verifyHubSignature(request.rawBody, request.signatureHeader, set.appSecret).valid) throw new Error('signature');
			const triggerKey = getFlowPrivateKey(set.privateKeyPem, passphrase);
			const wrapped = String(request.parsedBody.encrypted_aes_key);
			handoff.put(wrapped, decryptFlowRequest(request.parsedBody, triggerKey).aesKey, triggerKey);
			const aesKey = handoff.take(wrapped, getFlowPrivateKey(set.privateKeyPem, passphrase));
			if (aesKey === undefined) throw new Error('handoff');
			encryptFlowResponseForIv(request.answer, aesKey, String(request.parsedBody.initial_vector));
		},
		queue: (request) => {
			// The trigger: signature, then decrypt; the respond node on a worker: the AES key unwrapped again.
			if (!verifyHubSignature(request.rawBody, request.signatureHeader, set.appSecret).valid) throw new Error('signature');
			decryptFlowRequest(request.parsedBody, getFlowPrivateKey(set.privateKeyPem, passphrase));
			encryptFlowResponseWithWrappedKey(
				request.answer,
				String(request.parsedBody.encrypted_aes_key),
				String(request.parsedBody.initial_vector),
				getFlowPrivateKey(set.privateKeyPem, passphrase),
			);
		},
		reference: (request) => {
			const decrypted = referenceDecrypt(request.rawBody, set.privateKeyPem, passphrase);
			referenceEncrypt(request.answer, decrypted.aesKey, decrypted.iv);
		},
	};
}

/** Every variant must give Meta's known answers (the decrypted payload, the encrypted response byte for byte). */
function checkKnownAnswers(set: VectorSet): void {
	const passphrase = set.passphrase ?? '';
	for (const vector of set.vectors) {
		const answer = JSON.parse(vector.responseJson) as Record<string, unknown>;
		const ours = decryptFlowRequest(vector.requestBody, getFlowPrivateKey(set.privateKeyPem, passphrase));
		const reference = referenceDecrypt(vector.requestBody, set.privateKeyPem, passphrase);
		const expected = JSON.stringify(vector.decrypted);
		const body = JSON.parse(vector.requestBody) as Record<string, unknown>;
		const checks = [
			JSON.stringify(ours.payload) === expected,
			JSON.stringify(reference.payload) === expected,
			encryptFlowResponse(answer, ours.aesKey, ours.iv) === vector.encryptedResponse,
			referenceEncrypt(answer, reference.aesKey, reference.iv) === vector.encryptedResponse,
			encryptFlowResponseWithWrappedKey(answer, String(body.encrypted_aes_key), String(body.initial_vector), getFlowPrivateKey(set.privateKeyPem, passphrase)) ===
				vector.encryptedResponse,
			encryptFlowResponseForIv(answer, ours.aesKey, String(body.initial_vector)) === vector.encryptedResponse,
		];
		if (checks.includes(false)) throw new Error(`${set.keyFormat}: a variant does not reproduce Meta's known answer`);
	}
}

function prepare(set: VectorSet): Prepared[] {
	return set.vectors.map((vector) => {
		const parsedBody = JSON.parse(vector.requestBody) as Record<string, unknown>;
		return {
			rawBody: vector.requestBody,
			parsedBody,
			signatureHeader: vector.signatureHeader,
			wrappedKey: Buffer.from(String(parsedBody.encrypted_aes_key), 'base64'),
			answer: JSON.parse(vector.responseJson) as Record<string, unknown>,
		};
	});
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeSlice(operation: Operation, requests: Prepared[], ops: number): { cpuUs: number; wallUs: number } {
	const cpuStart = process.cpuUsage();
	const wallStart = process.hrtime.bigint();
	for (let k = 0; k < ops; k += 1) operation(requests[k % requests.length]);
	const wallUs = Number(process.hrtime.bigint() - wallStart) / 1000;
	const cpu = process.cpuUsage(cpuStart);
	return { cpuUs: (cpu.user + cpu.system) / ops, wallUs: wallUs / ops };
}

/** Rounds of equal slices, the variants in a rotating order each round so drift spreads evenly. */
function benchSet(set: VectorSet, rounds: number, opsPerSlice: number): CryptoSetResult {
	checkKnownAnswers(set);
	const requests = prepare(set);
	const ops = operations(set);
	const variants = Object.keys(CRYPTO_VARIANTS) as CryptoVariant[];
	for (const variant of variants) timeSlice(ops[variant], requests, opsPerSlice); // warm-up
	const cpu = Object.fromEntries(variants.map((variant) => [variant, [] as number[]])) as Record<CryptoVariant, number[]>;
	const wall = Object.fromEntries(variants.map((variant) => [variant, [] as number[]])) as Record<CryptoVariant, number[]>;
	for (let round = 0; round < rounds; round += 1) {
		for (let k = 0; k < variants.length; k += 1) {
			const variant = variants[(round + k) % variants.length];
			const slice = timeSlice(ops[variant], requests, opsPerSlice);
			cpu[variant].push(slice.cpuUs);
			wall[variant].push(slice.wallUs);
		}
	}
	const pick = (samples: Record<CryptoVariant, number[]>) =>
		Object.fromEntries(variants.map((variant) => [variant, median(samples[variant])])) as Record<CryptoVariant, number>;
	// Ratios paired within a round: the machine is shared, and a busy spell then weighs on both sides alike.
	const overBare = Object.fromEntries(
		variants.map((variant) => [variant, median(cpu[variant].map((value, round) => value / cpu.bare[round]))]),
	) as Record<CryptoVariant, number>;
	return { keyFormat: set.keyFormat, cpuUs: pick(cpu), wallUs: pick(wall), cpuOverBare: overBare };
}

export function runCryptoBench(options: { rounds?: number; opsPerSlice?: number } = {}): CryptoBenchResult {
	const rounds = options.rounds ?? 60;
	const opsPerSlice = options.opsPerSlice ?? 20;
	return {
		node: process.version,
		openssl: process.versions.openssl,
		rounds,
		opsPerSlice,
		sets: loadVectorSets().map((set) => benchSet(set, rounds, opsPerSlice)),
	};
}

if (require.main === module) {
	const result = runCryptoBench();
	if (process.argv.includes('--json')) {
		process.stdout.write(`${JSON.stringify(result)}\n`);
	} else {
		for (const set of result.sets) {
			console.log(`${result.node} ${set.keyFormat}: µs ${JSON.stringify(set.cpuUs)} ×bare ${JSON.stringify(set.cpuOverBare)}`);
		}
	}
}
