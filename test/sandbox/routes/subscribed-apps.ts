// /{waba-id}/subscribed_apps (whatsapp/embedded-signup/webhooks, webhooks/override; Postman "Subscribe to a WABA",
// "Get All Subscriptions for a WABA", "Unsubscribe from a WABA", "Override Callback URL"):
//   POST   [override_callback_uri, verify_token] → {"success": true}
//   GET    → {data: [{whatsapp_business_api_data: {link, name, id}, override_callback_uri?}]}
//   DELETE → {"success": true}
// Webhooks (webhooks.ts) go out only while the app is subscribed.
import { invalidParameterWithDetails } from '../errors';
import { requireBusinessToken } from './flows';
import type { GraphRoute } from './types';

export const subscribeApp: GraphRoute<'whatsAppBusinessAccount'> = {
	method: 'POST',
	node: 'whatsAppBusinessAccount',
	edge: 'subscribed_apps',
	source: 'Postman "Subscribe to a WABA", "Override Callback URL"; webhooks/override',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const uri = ctx.params.override_callback_uri;
		const verifyToken = ctx.params.verify_token;
		if (uri !== undefined && (typeof uri !== 'string' || !/^https?:\/\//.test(uri))) {
			throw invalidParameterWithDetails('override_callback_uri must be an https URL');
		}
		// webhooks/override: an override needs its verify_token (Meta verifies the URL first; the sandbox does not call it).
		if (uri !== undefined && (typeof verifyToken !== 'string' || verifyToken === '')) {
			throw invalidParameterWithDetails('verify_token is required with override_callback_uri');
		}
		const appId = ctx.state.seed.app.id;
		ctx.state.subscriptions = [
			...ctx.state.subscriptions.filter((s) => s.appId !== appId),
			uri === undefined ? { appId } : { appId, overrideCallbackUri: uri, verifyToken: String(verifyToken) },
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
