import { encryptionKeyResource } from './encryptionKey/resource';
import { flowResource } from './flow/resource';
import { flowMediaResource } from './flowMedia/resource';
import { flowTokenResource } from './flowToken/resource';
import { messageResource } from './message/resource';
import { phoneNumberResource } from './phoneNumber/resource';
import type { ResourceModule } from './types';

/** Every resource of the WhatsApp Flows node, one line each, in the order of the resource picker. */
export const RESOURCES: ResourceModule[] = [
	encryptionKeyResource,
	flowResource,
	flowMediaResource,
	flowTokenResource,
	messageResource,
	phoneNumberResource,
];
