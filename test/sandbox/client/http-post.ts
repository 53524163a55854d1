// One POST with node:http(s). Not fetch: the Fetch standard re-sends a request that got 421 on a new connection by
// itself (HTTP-network-or-cache fetch, "isNewConnectionFetch"), which the WhatsApp client does not do — its one
// retry after 421 comes after re-reading the public key and re-sealing the payload.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PostAnswer {
	status: number;
	text: string;
}

export type Post = (url: string, headers: Record<string, string>, body: string, signal: AbortSignal) => Promise<PostAnswer>;

export const post: Post = (url, headers, body, signal) =>
	new Promise((resolve, reject) => {
		const target = new URL(url);
		const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
		const req = send(
			target,
			{ method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
