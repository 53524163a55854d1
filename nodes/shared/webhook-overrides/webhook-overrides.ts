import type { GraphClient } from '../graph/graph-client';
import { isRecord, recordsOf, textOf } from '../webhook-events/json';

// Several triggers for one Meta app: Meta sends a webhook to the alternate callback URL of the business phone
// number, else to that of the WABA, else to the app's callback URL; only some fields can be redirected (messages,
// message_echoes, calls, … — never template, flows or account-level fields). Meta: whatsapp/webhooks/override.
//   phone number: POST /{PHONE_NUMBER_ID} {webhook_configuration: {override_callback_uri, verify_token}}
//                 GET  /{PHONE_NUMBER_ID}?fields=webhook_configuration → {webhook_configuration: {phone_number?,
//                      whatsapp_business_account?, application}}
//                 delete: override_callback_uri "" (empty string)
//   WABA:         POST /{WABA_ID}/subscribed_apps {override_callback_uri, verify_token}
//                 GET  /{WABA_ID}/subscribed_apps → {data: [{whatsapp_business_api_data: {id, …}, override_callback_uri?}]}
//                 delete: POST /{WABA_ID}/subscribed_apps without parameters (subscribes the app as usual)
// Meta verifies the alternate URL with the usual verification request (hub.mode, hub.verify_token, hub.challenge)
// before it accepts it, so the trigger's GET must already answer when the override is set.

/** Meta: whatsapp/webhooks/override — "Maximum 200 characters." */
export const OVERRIDE_URL_MAX_LENGTH = 200;

export type OverrideTarget = { level: 'phoneNumber'; phoneNumberId: string } | { level: 'waba'; wabaId: string; appId: string };

export function describeTarget(target: OverrideTarget): string {
	return target.level === 'phoneNumber' ? `phone number ${target.phoneNumberId}` : `WhatsApp Business Account ${target.wabaId}`;
}

/** Why a URL cannot be an alternate callback URL, or undefined when it can. */
export function overrideUrlProblem(url: string): string | undefined {
	if (!/^https?:\/\//i.test(url)) return `Meta needs a public https URL, not "${url}"`;
	if (url.length > OVERRIDE_URL_MAX_LENGTH) {
		return `The URL has ${url.length} characters; Meta accepts at most ${OVERRIDE_URL_MAX_LENGTH} for an alternate callback URL`;
	}
	return undefined;
}

/** The alternate callback URL currently set at this level (not inherited from the WABA or the app), or null. */
export async function readOverride(client: GraphClient, target: OverrideTarget): Promise<string | null> {
	if (target.level === 'phoneNumber') {
		const node = await client.request<unknown>({ method: 'GET', path: target.phoneNumberId, query: { fields: 'webhook_configuration' } });
		const config = isRecord(node) && isRecord(node.webhook_configuration) ? node.webhook_configuration : {};
		return textOf(config.phone_number) || null;
	}
	const list = await client.request<unknown>({ method: 'GET', path: `${target.wabaId}/subscribed_apps` });
	const apps = recordsOf(isRecord(list) ? list.data : undefined);
	const ours = apps.find((app) => isRecord(app.whatsapp_business_api_data) && textOf(app.whatsapp_business_api_data.id) === target.appId);
	return textOf(ours?.override_callback_uri) || null;
}

export async function setOverride(client: GraphClient, target: OverrideTarget, url: string, verifyToken: string): Promise<void> {
	const problem = overrideUrlProblem(url);
	if (problem !== undefined) throw new Error(problem);
	if (target.level === 'phoneNumber') {
		await client.request({
			method: 'POST',
			path: target.phoneNumberId,
			body: { kind: 'json', value: { webhook_configuration: { override_callback_uri: url, verify_token: verifyToken } } },
			kind: 'write',
		});
		return;
	}
	await client.request({
		method: 'POST',
		path: `${target.wabaId}/subscribed_apps`,
		body: { kind: 'json', value: { override_callback_uri: url, verify_token: verifyToken } },
		kind: 'write',
	});
}

/**
 * Removes the alternate callback URL, but only while it is still `url`: another trigger (or a person) may have set
 * its own since, and that one stays. Returns whether it removed it.
 */
export async function removeOverride(client: GraphClient, target: OverrideTarget, url: string): Promise<boolean> {
	if ((await readOverride(client, target)) !== url) return false;
	if (target.level === 'phoneNumber') {
		await client.request({
			method: 'POST',
			path: target.phoneNumberId,
			body: { kind: 'json', value: { webhook_configuration: { override_callback_uri: '' } } },
			kind: 'write',
		});
	} else {
		await client.request({ method: 'POST', path: `${target.wabaId}/subscribed_apps`, kind: 'write' });
	}
	return true;
}
