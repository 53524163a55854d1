import type { ResourceModule } from '../types';
import { getPhoneNumber } from './get.operation';

export const phoneNumberResource: ResourceModule = {
	name: 'Phone Number',
	value: 'phoneNumber',
	credentials: ['whatsAppFlowsCloudApi'],
	defaultOperation: 'get',
	operations: { get: getPhoneNumber },
};
