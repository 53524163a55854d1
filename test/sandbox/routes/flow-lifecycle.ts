// POST /{flow-id}/publish and /{flow-id}/deprecate (flows/reference/flowsapi; Postman "Publish Flow",
// "Deprecate Flow": {"success": true}). Publishing runs the checks of flow-publish.ts (139002 on failure);
// deprecating needs a published Flow (flows/reference/error-codes 139003: "Can't deprecate unpublished flow",
// "Flow is already deprecated").
import { flowError } from '../errors';
import { flowStatusChanged } from '../flow-events';
import { publishFlow } from '../flow-publish';
import { requireBusinessToken } from './flows';
import type { GraphRoute } from './types';

export const publishFlowRoute: GraphRoute<'flow'> = {
	method: 'POST',
	node: 'flow',
	edge: 'publish',
	source: 'flows/reference/flowsapi "Publish"; flows/reference/error-codes 139002; Postman "Publish Flow"',
	async handle(ctx) {
		requireBusinessToken(ctx.principal);
		const flow = ctx.node.flow;
		const old = flow.status;
		await publishFlow(ctx.state, flow);
		flowStatusChanged(ctx.state, flow, old);
		return { status: 200, body: { success: true } };
	},
};

export const deprecateFlowRoute: GraphRoute<'flow'> = {
	method: 'POST',
	node: 'flow',
	edge: 'deprecate',
	source: 'flows/reference/flowsapi "Deprecate"; flows/reference/error-codes 139003; Postman "Deprecate Flow"',
	handle(ctx) {
		requireBusinessToken(ctx.principal);
		const flow = ctx.node.flow;
		if (flow.status === 'DRAFT') throw flowError(139003, 'Flow failed to deprecate', "Can't deprecate unpublished flow.");
		if (flow.status === 'DEPRECATED') throw flowError(139003, 'Flow failed to deprecate', 'Flow is already deprecated.');
		const old = flow.status;
		flow.status = 'DEPRECATED';
		flow.updatedAt = new Date().toISOString();
		flowStatusChanged(ctx.state, flow, old);
		return { status: 200, body: { success: true } };
	},
};
