import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { generateFlowKeyPair, parseFlowPrivateKey } from '../../../nodes/shared/crypto/private-key';
import { AesKeyHandoff } from '../../../nodes/shared/flow-endpoint/aes-key-handoff';

const aesKeyOf = (): KeyObject => createSecretKey(randomBytes(16));

describe('AesKeyHandoff (trigger → respond node, same process)', () => {
	const key = parseFlowPrivateKey(generateFlowKeyPair().privateKeyPem);
	const otherKey = parseFlowPrivateKey(generateFlowKeyPair().privateKeyPem);
	let now = 0;
	const handoff = () => new AesKeyHandoff(100, 3, () => now);

	it('hands the key over once, to a respond node using the same private key', () => {
		now = 0;
		const h = handoff();
		const aesKey = aesKeyOf();
		h.put('wrapped-1', aesKey, key);
		expect(h.take('wrapped-1', key)).toBe(aesKey);
		expect(h.take('wrapped-1', key)).toBeUndefined();
		expect(h.size).toBe(0);
	});

	it('gives nothing to a respond node with another private key, and forgets the entry', () => {
		now = 0;
		const h = handoff();
		h.put('wrapped-1', aesKeyOf(), key);
		expect(h.take('wrapped-1', otherKey)).toBeUndefined();
		expect(h.take('wrapped-1', key)).toBeUndefined();
	});

	it('gives nothing for an unknown request or after the time to live', () => {
		now = 0;
		const h = handoff();
		h.put('wrapped-1', aesKeyOf(), key);
		expect(h.take('wrapped-2', key)).toBeUndefined();
		now = 100;
		expect(h.take('wrapped-1', key)).toBeUndefined();
	});

	it('drops expired keys when new ones arrive, and keeps at most `capacity`', () => {
		now = 0;
		const h = handoff();
		h.put('a', aesKeyOf(), key);
		now = 50;
		h.put('b', aesKeyOf(), key);
		now = 120;
		h.put('c', aesKeyOf(), key);
		expect(h.size).toBe(2); // a expired
		h.put('d', aesKeyOf(), key);
		h.put('e', aesKeyOf(), key);
		expect(h.size).toBe(3);
		expect(h.take('b', key)).toBeUndefined(); // the oldest went first
		expect(h.take('e', key)).toBeDefined();
	});
});
