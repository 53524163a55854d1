import { createFlowToken, FLOW_TOKEN_MAX_RECORD_ID_LENGTH } from '../../../shared/crypto/flow-token';
import { MessageFieldError } from '../../../shared/messages/field-checks';
import type { FlowTokenMode } from './fields/flow-token';
import type { BuildContext } from './send-operation';

export interface FlowTokenRequest {
	mode: FlowTokenMode;
	customToken?: string;
	flowId: string;
	ttlHours: number;
	recordId?: string;
	field: string;
}

/** The `flow_token` to send: signed (recipient, flow, record id, variant), the user's own, or none. */
export async function flowTokenFor(context: BuildContext, request: FlowTokenRequest): Promise<string | undefined> {
	if (request.mode === 'none') return undefined;
	if (request.mode === 'custom') {
		const token = (request.customToken ?? '').trim();
		if (token === '') throw new MessageFieldError(request.field, `${request.field} is required when the flow token is custom`);
		return token;
	}
	const recordId = (request.recordId ?? '').trim();
	if (recordId.length > FLOW_TOKEN_MAX_RECORD_ID_LENGTH) {
		throw new MessageFieldError('Record ID', `Record ID is ${recordId.length} characters long; a signed flow token carries at most ${FLOW_TOKEN_MAX_RECORD_ID_LENGTH}`);
	}
	if (!(request.ttlHours > 0)) throw new MessageFieldError('Token Valid For (Hours)', 'Token Valid For (Hours) must be above 0');
	return createFlowToken({
		secret: await context.flowTokenSecret(),
		recipient: context.waId,
		flowId: request.flowId,
		ttlSeconds: Math.max(1, Math.round(request.ttlHours * 3600)),
		context: { ...(recordId ? { recordId } : {}), ...(context.variant ? { variant: context.variant.name } : {}) },
	});
}
