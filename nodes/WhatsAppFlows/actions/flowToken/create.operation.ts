import type { IExecuteFunctions } from 'n8n-workflow';
import { createFlowToken, peekFlowToken } from '../../../shared/crypto/flow-token';
import { readAppCredential } from '../../../shared/n8n/app-credential';
import { showFor, type OperationModule } from '../types';

export const createToken: OperationModule = {
	name: 'Create',
	action: 'Create a signed flow token',
	description: showFor('flowToken', 'create', [
		{
			displayName: 'Recipient',
			name: 'recipient',
			type: 'string',
			default: '',
			required: true,
			placeholder: '+15551234567',
			description: 'The WhatsApp number (wa_id) the token is issued to',
		},
		{
			displayName: 'Flow ID',
			name: 'flowId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Valid For (Hours)',
			name: 'ttlHours',
			type: 'number',
			typeOptions: { minValue: 0.01 },
			default: 72,
		},
		{
			displayName: 'Record ID',
			name: 'recordId',
			type: 'string',
			default: '',
			description: 'Optional: your own ID (CRM record, sheet row) that comes back with the completed flow; at most 64 characters',
		},
		{
			displayName: 'Variant',
			name: 'variant',
			type: 'string',
			default: '',
			description: 'Optional: an A/B variant label, at most 16 characters',
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { flowTokenSecret } = await readAppCredential(this);
		const recordId = (this.getNodeParameter('recordId', itemIndex, '') as string).trim();
		const variant = (this.getNodeParameter('variant', itemIndex, '') as string).trim();
		const token = createFlowToken({
			secret: flowTokenSecret,
			recipient: this.getNodeParameter('recipient', itemIndex) as string,
			flowId: (this.getNodeParameter('flowId', itemIndex) as string).trim(),
			ttlSeconds: Math.round((this.getNodeParameter('ttlHours', itemIndex, 72) as number) * 3600),
			context: { ...(recordId ? { recordId } : {}), ...(variant ? { variant } : {}) },
		});
		const claims = peekFlowToken(token);
		return { flowToken: token, expiresAt: claims ? new Date(claims.expiresAt * 1000).toISOString() : null };
	},
};
