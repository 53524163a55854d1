import { randomBytes } from 'node:crypto';
import { generateFlowKeyPair, parseFlowPrivateKey } from '../../../nodes/shared/crypto/private-key';
import { AesKeyHandoff } from '../../../nodes/shared/flow-endpoint/aes-key-handoff';

describe('AesKeyHandoff (trigger → respond node, same process)', () => {
	const key = parseFlowPrivateKey(generateFlowKeyPair().privateKeyPem);
	const otherKey = parseFlowPrivateKey(generateFlowKeyPair().privateKeyPem);
	let now = 0;
	const handoff = () => new AesKeyHandoff(100, 3, () => now);

	it('hands the key over once, to a respond node using the same private key', () => {
		now = 0;
		const h = handoff();
		const aesKey = randomBytes(16);
		h.put('wrapped-1', aesKey, key);
		expect(h.take('wrapped-1', key)).toBe(aesKey);
		expect(h.take('wrapped-1', key)).toBeUndefined();
		expect(h.size).toBe(0);
	});

	it('gives nothing to a respond node with another private key, and forgets the entry', () => {
		now = 0;
		const h = handoff();
		h.put('wrapped-1', randomBytes(16), key);
		expect(h.take('wrapped-1', otherKey)).toBeUndefined();
		expect(h.take('wrapped-1', key)).toBeUndefined();
	});

	it('gives nothing for an unknown request or after the time to live', () => {
		now = 0;
		const h = handoff();
		h.put('wrapped-1', randomBytes(16), key);
		expect(h.take('wrapped-2', key)).toBeUndefined();
		now = 100;
		expect(h.take('wrapped-1', key)).toBeUndefined();
	});

	it('drops expired keys when new ones arrive, and keeps at most `capacity`', () => {
		now = 0;
		const h = handoff();
		h.put('a', randomBytes(16), key);
		now = 50;
		h.put('b', randomBytes(16), key);
		now = 120;
		h.put('c', randomBytes(16), key);
		expect(h.size).toBe(2); // a expired
		h.put('d', randomBytes(16), key);
		h.put('e', randomBytes(16), key);
		expect(h.size).toBe(3);
		expect(h.take('b', key)).toBeUndefined(); // the oldest went first
		expect(h.take('e', key)).toBeDefined();
	});
});
