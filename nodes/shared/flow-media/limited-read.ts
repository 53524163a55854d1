import { FlowMediaError } from './errors';

/** How large a picked file may be, and so how large its CDN file (PKCS#7 adds 1..16 bytes, then the 10-byte HMAC). */
export interface SizeLimit {
	fileBytes: number;
	cdnBytes: number;
}

export function sizeLimit(fileBytes: number): SizeLimit {
	return { fileBytes, cdnBytes: fileBytes + 16 + 10 };
}

export function tooLargeError(limit: SizeLimit): FlowMediaError {
	return new FlowMediaError(
		'size',
		`the file is larger than the limit of ${limit.fileBytes} bytes (${(limit.fileBytes / (1024 * 1024)).toFixed(3)} MB)`,
		'Raise "Max File Size (MB)" in the node options if you expect files this large (WhatsApp pickers allow up to 25 MB per file).',
	);
}

/**
 * Collects a CDN download into one Buffer, stopping (and calling `stop`, e.g. to destroy the stream) as soon as it
 * passes the limit, so an oversized file is never held whole in memory.
 */
export async function readAtMost(chunks: AsyncIterable<Uint8Array | string>, limit: SizeLimit, stop: () => void = () => {}): Promise<Buffer> {
	const parts: Buffer[] = [];
	let total = 0;
	for await (const chunk of chunks) {
		const part = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
		total += part.length;
		if (total > limit.cdnBytes) {
			stop();
			throw tooLargeError(limit);
		}
		parts.push(part);
	}
	return Buffer.concat(parts, total);
}
