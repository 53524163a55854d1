// POST / GET /{flow-id}/assets: the Flow JSON asset (flows/reference/flowsapi "Update Flow JSON", "List Assets";
// Postman "Update Flow JSON": multipart file=flow.json, name=flow.json, asset_type=FLOW_JSON →
// {"success": true, "validation_errors": [...]}; "List Assets (Get Flow JSON URL)" → {data:[{name, asset_type,
// download_url}], paging}). The download URL serves the JSON from the sandbox, without a token, like Meta's CDN link.
import { parameterNotOneOf, requiredParameter } from '../errors';
import type { FlowRecord } from '../flows';
import type { SandboxState } from '../state';
import { beforeEdit, pageOf, requireBusinessToken, storeFlowJson } from './flows';
import type { GraphRoute } from './types';

export function assetDownloadUrl(state: SandboxState, flow: FlowRecord): string {
	return `${state.baseUrl}/__cdn/flow-assets/${flow.id}/${flow.assetToken}/flow.json`;
}

export const uploadFlowJson: GraphRoute<'flow'> = {
	method: 'POST',
	node: 'flow',
	edge: 'assets',
	source: 'flows/reference/flowsapi "Update Flow JSON"; Postman "Update Flow JSON"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const flow = ctx.node.flow;
		const p = ctx.params;
		if (p.name === undefined) throw requiredParameter('name');
		if (p.name !== 'flow.json') throw parameterNotOneOf('name', ['flow.json'], String(p.name));
		if (p.asset_type === undefined) throw requiredParameter('asset_type');
		if (p.asset_type !== 'FLOW_JSON') throw parameterNotOneOf('asset_type', ['FLOW_JSON'], String(p.asset_type));
		const file = ctx.files.file;
		if (file === undefined) throw requiredParameter('file');
		const afterEdit = beforeEdit(ctx.state, flow);
		const errors = storeFlowJson(ctx.state, flow, file.data.toString('utf8'));
		afterEdit();
		return { status: 200, body: { success: true, validation_errors: errors } };
	},
};

export const listFlowAssets: GraphRoute<'flow'> = {
	method: 'GET',
	node: 'flow',
	edge: 'assets',
	source: 'flows/reference/flowsapi "List Assets"; Postman "List Assets (Get Flow JSON URL)"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const flow = ctx.node.flow;
		const items =
			flow.jsonText === undefined ? [] : [{ name: 'flow.json', asset_type: 'FLOW_JSON', download_url: assetDownloadUrl(ctx.state, flow) }];
		return { status: 200, body: pageOf(ctx, items, `${flow.id}/assets`) };
	},
};
