import type { ResourceModule } from '../types';
import { sendText } from './sendText.operation';

export const messageResource: ResourceModule = {
	name: 'Message',
	value: 'message',
	credentials: ['whatsAppFlowsCloudApi'],
	defaultOperation: 'sendText',
	operations: { sendText },
};
