import { FlowMediaError } from './errors';

export function tooLargeError(maxBytes: number): FlowMediaError {
	return new FlowMediaError(
		'size',
		`the CDN file is larger than the limit of ${maxBytes} bytes`,
		'Raise "Max File Size (MB)" in the node options if you expect files this large (WhatsApp pickers allow up to 25 MiB per file).',
	);
}

/**
 * Collects a download into one Buffer, stopping (and calling `stop`, e.g. to destroy the stream) as soon as it
 * passes `maxBytes`, so an oversized file is never held whole in memory.
 */
export async function readAtMost(chunks: AsyncIterable<Uint8Array | string>, maxBytes: number, stop: () => void = () => {}): Promise<Buffer> {
	const parts: Buffer[] = [];
	let total = 0;
	for await (const chunk of chunks) {
		const part = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
		total += part.length;
		if (total > maxBytes) {
			stop();
			throw tooLargeError(maxBytes);
		}
		parts.push(part);
	}
	return Buffer.concat(parts, total);
}
