import type { ResourceModule } from '../types';
import { generateKeyOperation } from './generate.operation';
import { getKeyOperation } from './get.operation';
import { rotateKeyOperation } from './rotate.operation';
import { uploadKeyOperation } from './upload.operation';

export const encryptionKeyResource: ResourceModule = {
	name: 'Encryption Key',
	value: 'encryptionKey',
	credentials: ['whatsAppFlowsCloudApi'],
	// Used when selected, to compare the uploaded key with the endpoint's private key.
	optionalCredentials: { whatsAppFlowsPrivateKeyApi: ['generate', 'get', 'rotate', 'upload'] },
	defaultOperation: 'get',
	operations: { generate: generateKeyOperation, get: getKeyOperation, rotate: rotateKeyOperation, upload: uploadKeyOperation },
};
