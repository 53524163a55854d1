import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { GraphNetworkError, GraphUnknownOutcomeError } from '../graph/graph-errors';
import { MetaApiError } from '../graph/meta-error';

/**
 * Turns a core error into the n8n error the editor shows: Meta's code, subcode, title, user message and trace id in
 * the message, the plain cause and fix in the description.
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof MetaApiError) {
		const codePart = error.code === undefined ? `HTTP ${error.httpStatus}` : `Meta error ${error.code}${error.subcode ? `/${error.subcode}` : ''}`;
		const details = [
			error.title ? `${error.title}: ${error.userMessage ?? ''}`.trim() : error.userMessage,
			error.details,
			error.fbtraceId ? `fbtrace_id ${error.fbtraceId}` : undefined,
		].filter(Boolean);
		return new NodeApiError(node, (error.raw ?? {}) as JsonObject, {
			message: `${codePart} (${error.codeTitle}): ${error.metaMessage}`,
			description: [`Cause: ${error.cause}`, `Fix: ${error.fix}`, ...details].join('\n'),
			httpCode: String(error.httpStatus),
			itemIndex,
		});
	}
	// n8n rewrites a message that contains a network code such as ECONNRESET into its own generic text, so the
	// message is a short summary and the full explanation goes in the description.
	if (error instanceof GraphUnknownOutcomeError) {
		return new NodeOperationError(node, 'No clear answer from Meta: the message may have reached Meta, so it was not sent again', {
			itemIndex,
			description: error.message,
		});
	}
	if (error instanceof GraphNetworkError) {
		return new NodeOperationError(node, `Meta could not be reached after ${error.attempts} attempts`, { itemIndex, description: error.message });
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}

/** Whether an error may be retried without risking a duplicate (shown in per-item error output). */
export function errorOutcome(error: unknown): { code?: number; message: string; retrySafe: boolean; outcome: 'failed' | 'unknown' } {
	if (error instanceof MetaApiError) {
		return { code: error.code, message: error.message, retrySafe: error.retry !== 'never', outcome: 'failed' };
	}
	if (error instanceof GraphUnknownOutcomeError) return { message: error.message, retrySafe: false, outcome: 'unknown' };
	return { message: error instanceof Error ? error.message : String(error), retrySafe: false, outcome: 'failed' };
}
