import type { ResourceModule } from '../types';
import { decryptMedia } from './decrypt.operation';

export const flowMediaResource: ResourceModule = {
	name: 'Flow Media',
	value: 'flowMedia',
	// The CDN download needs no credential (see nodes/shared/n8n/cdn-download.ts).
	credentials: [],
	defaultOperation: 'decrypt',
	operations: { decrypt: decryptMedia },
};
