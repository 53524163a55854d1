import { NodeOperationError, type INode } from 'n8n-workflow';
import { describeFlowMediaEntry, FlowMediaError, type FlowMediaCheck, type RawFlowMediaEntry } from '../../../shared/flow-media';

const STEP: Partial<Record<FlowMediaCheck, string>> = {
	'encrypted-hash': 'step 2 of Meta\'s media decryption: SHA-256 of the CDN file',
	hmac: 'step 3: HMAC-SHA256',
	decrypt: 'step 4: AES-256-CBC decryption',
	'plaintext-hash': 'step 5: SHA-256 of the decrypted file',
};

/** A NodeOperationError that names the file and the check it failed; `check` is kept for error items. */
export function flowMediaNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	raw?: RawFlowMediaEntry,
): NodeOperationError & { check: FlowMediaCheck | 'unexpected' } {
	const named = raw ? describeFlowMediaEntry(raw.value) : { fileName: null, mediaId: null };
	const subject = raw ? `File ${named.fileName ? `"${named.fileName}" ` : ''}(${raw.path})` : 'Files';
	if (error instanceof FlowMediaError) {
		const step = STEP[error.check];
		const nodeError = new NodeOperationError(node, error.check === 'entry' ? error.message : `${subject} was not decrypted: ${error.message}`, {
			itemIndex,
			description: [`Failed check: ${error.check}${step ? ` (${step})` : ''}`, `Fix: ${error.fix}`, named.mediaId ? `media_id: ${named.mediaId}` : '']
				.filter(Boolean)
				.join('\n'),
		});
		return Object.assign(nodeError, { check: error.check });
	}
	const message = error instanceof Error ? error.message : String(error);
	return Object.assign(new NodeOperationError(node, `${subject} was not decrypted: ${message}`, { itemIndex }), { check: 'unexpected' as const });
}
