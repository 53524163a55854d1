import { chatLinkResource } from './chatLink/resource';
import { encryptionKeyResource } from './encryptionKey/resource';
import { flowResource } from './flow/resource';
import { flowMediaResource } from './flowMedia/resource';
import { flowTokenResource } from './flowToken/resource';
import { formResource } from './form/resource';
import { mediaResource } from './media/resource';
import { messageResource } from './message/resource';
import { phoneNumberResource } from './phoneNumber/resource';
import { templateResource } from './template/resource';
import type { ResourceModule } from './types';

/** Every resource of the WhatsApp Flows node, one line each, in the order of the resource picker. */
export const RESOURCES: ResourceModule[] = [
	chatLinkResource,
	encryptionKeyResource,
	flowResource,
	flowMediaResource,
	flowTokenResource,
	formResource,
	mediaResource,
	messageResource,
	phoneNumberResource,
	templateResource,
];
