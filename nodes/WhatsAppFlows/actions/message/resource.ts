import type { ResourceModule } from '../types';
import { markAsRead } from './markAsRead.operation';
import { sendButtons } from './sendButtons.operation';
import { sendFlow } from './sendFlow.operation';
import { sendList } from './sendList.operation';
import { sendTemplate } from './sendTemplate.operation';
import { sendText } from './sendText.operation';

export const messageResource: ResourceModule = {
	name: 'Message',
	value: 'message',
	credentials: ['whatsAppFlowsCloudApi'],
	// A signed flow token (flow messages, FLOW buttons of templates) is signed with the app's flow token secret.
	optionalCredentials: { whatsAppFlowsAppApi: ['sendFlow', 'sendTemplate'] },
	defaultOperation: 'sendText',
	operations: { sendText, sendTemplate, sendFlow, sendButtons, sendList, markAsRead },
};
