import type { ResourceModule } from '../types';
import { createLink } from './createLink.operation';
import { createMetaQr } from './createMetaQr.operation';
import { createQrCode } from './createQrCode.operation';
import { deleteMetaQr } from './deleteMetaQr.operation';
import { getManyMetaQr } from './getManyMetaQr.operation';
import { getMetaQr } from './getMetaQr.operation';
import { updateMetaQr } from './updateMetaQr.operation';

/** Ways to reach the business: wa.me links, QR codes made here, and Meta's hosted QR codes and short links. */
export const chatLinkResource: ResourceModule = {
	name: 'Chat Link',
	value: 'chatLink',
	credentials: ['whatsAppFlowsCloudApi'],
	defaultOperation: 'createLink',
	operations: { createLink, createQrCode, createMetaQr, getMetaQr, getManyMetaQr, updateMetaQr, deleteMetaQr },
};
