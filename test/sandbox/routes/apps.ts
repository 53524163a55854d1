// GET /{app-id}: the Meta app node, typically read with an app access token `{app-id}|{app-secret}` to check
// the app secret (graph-api/reference/application; graph-api/guides/access-tokens#apptokens).
import { unsupportedRequest } from '../errors';
import { parseFieldsParam, selectFields } from '../fields';
import type { GraphRoute } from './types';

export const APP_DEFAULT_FIELDS = ['category', 'link', 'name', 'id'] as const;

export const getApp: GraphRoute<'application'> = {
	method: 'GET',
	node: 'application',
	edge: null,
	source: 'graph-api/reference/application',
	handle(ctx) {
		if (ctx.principal.kind === 'app' && ctx.principal.appId !== ctx.node.id) throw unsupportedRequest('GET', ctx.node.id);
		const app = ctx.node.app;
		const all = { id: app.id, name: app.name, category: app.category, link: app.link };
		return {
			status: 200,
			body: selectFields(all, APP_DEFAULT_FIELDS, parseFieldsParam(ctx.params.fields), ctx.node.typeName),
		};
	},
};
