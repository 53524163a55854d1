import type { ResourceModule } from '../types';
import { deleteMedia } from './delete.operation';
import { downloadMedia } from './download.operation';
import { getMediaUrl } from './getUrl.operation';
import { uploadMedia } from './upload.operation';

export const mediaResource: ResourceModule = {
	name: 'Media',
	value: 'media',
	credentials: ['whatsAppFlowsCloudApi'],
	defaultOperation: 'upload',
	operations: { upload: uploadMedia, getUrl: getMediaUrl, download: downloadMedia, delete: deleteMedia },
};
