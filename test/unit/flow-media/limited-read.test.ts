import { FlowMediaError, readAtMost, sizeLimit } from '../../../nodes/shared/flow-media';

async function* chunks(...sizes: number[]): AsyncGenerator<Uint8Array> {
	let next = 0;
	for (const size of sizes) {
		yield Uint8Array.from({ length: size }, () => next++ % 256);
	}
}

describe('reading a download up to a limit', () => {
	it('joins the chunks of a download within the limit, the limit itself included', async () => {
		const file = await readAtMost(chunks(10, 4, 16), sizeLimit(4));
		expect([...file]).toEqual(Array.from({ length: 30 }, (_, i) => i));
	});

	it('allows a CDN file the PKCS#7 padding and the 10-byte HMAC longer than the file limit', () => {
		expect(sizeLimit(1000)).toEqual({ fileBytes: 1000, cdnBytes: 1026 });
	});

	it('stops at the first chunk past the limit, calls stop and refuses with the size check', async () => {
		const stop = jest.fn();
		let produced = 0;
		async function* endless(): AsyncGenerator<Uint8Array> {
			for (;;) {
				produced++;
				yield new Uint8Array(1024);
			}
		}
		const refusal = await readAtMost(endless(), sizeLimit(4096 - 26), stop).catch((error: unknown) => error);
		expect(refusal).toBeInstanceOf(FlowMediaError);
		expect((refusal as FlowMediaError).check).toBe('size');
		expect(stop).toHaveBeenCalledTimes(1);
		expect(produced).toBe(5);
	});
});
