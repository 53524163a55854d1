import type { ResourceModule } from '../types';
import { createToken } from './create.operation';
import { verifyToken } from './verify.operation';

export const flowTokenResource: ResourceModule = {
	name: 'Flow Token',
	value: 'flowToken',
	credentials: ['whatsAppFlowsAppApi'],
	defaultOperation: 'create',
	operations: { create: createToken, verify: verifyToken },
};
