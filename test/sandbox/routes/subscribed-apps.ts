// /{waba-id}/subscribed_apps (whatsapp/embedded-signup/webhooks, webhooks/override; Postman "Subscribe to a WABA",
// "Get All Subscriptions for a WABA", "Unsubscribe from a WABA", "Override Callback URL"):
//   POST   [override_callback_uri, verify_token] → {"success": true}
//   GET    → {data: [{whatsapp_business_api_data: {link, name, id}, override_callback_uri?}]}
//   DELETE → {"success": true}
// Webhooks (webhooks.ts) go out only while the app is subscribed. An override_callback_uri is verified first (a GET
// verification request with its verify_token); subscribing without one removes the WABA's alternate callback URL
// (whatsapp/webhooks/override, "Delete WABA alternate callback").
import { verifyCallbackUrl } from '../callback-verification';
import { requireBusinessToken } from './flows';
import { checkOverrideUri } from './phone-numbers';
import type { GraphRoute } from './types';

export const subscribeApp: GraphRoute<'whatsAppBusinessAccount'> = {
	method: 'POST',
	node: 'whatsAppBusinessAccount',
	edge: 'subscribed_apps',
	source: 'Postman "Subscribe to a WABA", "Override Callback URL"; webhooks/override',
	async handle(ctx) {
		requireBusinessToken(ctx.principal);
		const uri = ctx.params.override_callback_uri;
		// An empty override_callback_uri is read as none (libraries send "" to remove the alternate URL).
		const override = uri === undefined || uri === '' ? undefined : checkOverrideUri(uri, ctx.params.verify_token, 'override_callback_uri');
		if (override !== undefined) await verifyCallbackUrl(ctx.state, override.uri, override.verifyToken);
		const appId = ctx.state.seed.app.id;
		ctx.state.subscriptions = [
			...ctx.state.subscriptions.filter((s) => s.appId !== appId),
			override === undefined ? { appId } : { appId, overrideCallbackUri: override.uri, verifyToken: override.verifyToken },
		];
		return { status: 200, body: { success: true } };
	},
};

export const listSubscribedApps: GraphRoute<'whatsAppBusinessAccount'> = {
	method: 'GET',
	node: 'whatsAppBusinessAccount',
	edge: 'subscribed_apps',
	source: 'Postman "Get All Subscriptions for a WABA"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const app = ctx.state.seed.app;
		const data = ctx.state.subscriptions.map((s) => ({
			whatsapp_business_api_data: { link: app.link, name: app.name, id: s.appId },
			...(s.overrideCallbackUri !== undefined ? { override_callback_uri: s.overrideCallbackUri } : {}),
		}));
		return { status: 200, body: { data } };
	},
};

export const unsubscribeApp: GraphRoute<'whatsAppBusinessAccount'> = {
	method: 'DELETE',
	node: 'whatsAppBusinessAccount',
	edge: 'subscribed_apps',
	source: 'Postman "Unsubscribe from a WABA"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		ctx.state.subscriptions = ctx.state.subscriptions.filter((s) => s.appId !== ctx.state.seed.app.id);
		return { status: 200, body: { success: true } };
	},
};
