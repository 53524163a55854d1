import type { IExecuteFunctions } from 'n8n-workflow';
import { verifyFlowToken } from '../../../shared/crypto/flow-token';
import { readAppCredential } from '../../../shared/n8n/app-credential';
import { showFor, type OperationModule } from '../types';

export const verifyToken: OperationModule = {
	name: 'Verify',
	action: 'Verify a flow token',
	description: showFor('flowToken', 'verify', [
		{
			displayName: 'Flow Token',
			name: 'flowToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Expected Recipient',
			name: 'recipient',
			type: 'string',
			default: '',
			description: 'Optional: the token must have been issued to this number',
		},
		{
			displayName: 'Expected Flow ID',
			name: 'flowId',
			type: 'string',
			default: '',
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { flowTokenSecret } = await readAppCredential(this);
		const recipient = (this.getNodeParameter('recipient', itemIndex, '') as string).trim();
		const flowId = (this.getNodeParameter('flowId', itemIndex, '') as string).trim();
		const check = verifyFlowToken(this.getNodeParameter('flowToken', itemIndex) as string, flowTokenSecret, {
			...(recipient ? { recipient } : {}),
			...(flowId ? { flowId } : {}),
		});
		if (!check.valid) return { valid: false, reason: check.reason };
		const { claims } = check;
		return {
			valid: true,
			recipient: claims.recipient,
			flowId: claims.flowId,
			expiresAt: new Date(claims.expiresAt * 1000).toISOString(),
			recordId: claims.context.recordId ?? null,
			variant: claims.context.variant ?? null,
		};
	},
};
