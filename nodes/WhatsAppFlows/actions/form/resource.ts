import type { ResourceModule } from '../types';
import { convertFormOperation } from './convert.operation';
import { mapFlowResponseOperation } from './mapResponse.operation';

/** Forms to Flows: local conversion, no credential (nothing is sent anywhere). */
export const formResource: ResourceModule = {
	name: 'Form',
	value: 'form',
	credentials: [],
	defaultOperation: 'convert',
	operations: { convert: convertFormOperation, mapResponse: mapFlowResponseOperation },
};
