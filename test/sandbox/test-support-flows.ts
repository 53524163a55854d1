// Test helpers for the Flows side: Meta's Flows Postman collection, multipart uploads, keys and flows set up in one call.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Sandbox } from './server';
import { postmanItem, type HttpAnswer } from './test-support';

/** The first saved example response of a request in Meta's Flows API collection. */
export function postmanFlowsExample(name: string): { responseBody: unknown } {
	const body = postmanItem('flows', name).response?.[0]?.body;
	return { responseBody: body === undefined ? undefined : (JSON.parse(body) as unknown) };
}

/** POSTs multipart/form-data built by fetch's FormData (text fields and files). */
export async function postMultipart<T = unknown>(
	sandbox: Sandbox,
	path: string,
	token: string,
	fields: Record<string, string>,
	files: Record<string, { data: Buffer | string; filename: string; type: string }> = {},
): Promise<HttpAnswer<T>> {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.append(k, v);
	for (const [k, f] of Object.entries(files)) form.append(k, new Blob([f.data], { type: f.type }), f.filename);
	const res = await fetch(`${sandbox.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: (text === '' ? null : JSON.parse(text)) as T };
}

export interface KeyPair {
	publicPem: string;
	privateKey: KeyObject;
}

let cached: KeyPair | undefined;
/** One 2048-bit RSA pair per test file (generating one takes a while). */
export function testKeyPair(): KeyPair {
	if (!cached) {
		const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		cached = { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
	}
	return cached;
}

/** A valid 7.3 Flow with one terminal screen; `endpoint` adds data_api_version, routing_model and a data_exchange. */
export function flowJson(options: { endpoint?: boolean; version?: string } = {}): string {
	const json: Record<string, unknown> = { version: options.version ?? '7.3' };
	if (options.endpoint) {
		json.data_api_version = '3.0';
		json.routing_model = { WELCOME: [] };
	}
	json.screens = [
		{
			id: 'WELCOME',
			title: 'Welcome',
			terminal: true,
			data: {},
			layout: {
				type: 'SingleColumnLayout',
				children: [
					{ type: 'TextHeading', text: 'Hello' },
					{
						type: 'Footer',
						label: 'Done',
						'on-click-action': options.endpoint ? { name: 'data_exchange', payload: {} } : { name: 'complete', payload: {} },
					},
				],
			},
		},
	];
	return JSON.stringify(json, null, 2);
}
