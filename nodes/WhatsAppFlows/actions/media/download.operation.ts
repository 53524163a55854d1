import { createHash } from 'node:crypto';
import type { IExecuteFunctions } from 'n8n-workflow';
import { checkMediaDownloadUrl } from '../../../shared/media/download-url';
import { downloadFile } from '../../../shared/n8n/binary-download';
import { CLOUD_API_CREDENTIAL, graphClientFor } from '../../../shared/n8n/graph-context';
import { ItemWithBinary, showFor, type OperationModule } from '../types';
import { mediaIdField, mediaIdFrom, onlyOwnNumberField } from './fields';

interface MediaInfo {
	url: string;
	mime_type?: string;
	sha256?: string;
	file_size?: string | number;
	id?: string;
}

export const downloadMedia: OperationModule = {
	name: 'Download',
	action: 'Download media to a binary field',
	description: showFor('media', 'download', [
		mediaIdField,
		onlyOwnNumberField,
		{ displayName: 'Put Output File in Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true },
		{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'Optional; defaults to the media ID with the extension of its type' },
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = mediaIdFrom(this.getNodeParameter('mediaId', itemIndex));
		const property = (this.getNodeParameter('binaryPropertyName', itemIndex) as string).trim() || 'data';
		const own = this.getNodeParameter('checkPhoneNumber', itemIndex, true) as boolean;
		const { client, credential } = await graphClientFor(this);
		// cloud-api/reference/media: GET /{media-id} → url, then GET url with the access token → the bytes.
		const info = await client.request<MediaInfo>({ method: 'GET', path: id, query: { phone_number_id: own ? credential.phoneNumberId : undefined } });
		const url = checkMediaDownloadUrl(info.url, credential.baseUrl || 'https://graph.facebook.com');
		const file = await downloadFile(this, url.href, CLOUD_API_CREDENTIAL);
		const sha256 = createHash('sha256').update(file.data).digest('hex');
		if (info.sha256 && info.sha256.toLowerCase() !== sha256) {
			throw new Error(`The downloaded file does not match Meta's SHA-256 for media ${id} (got ${sha256}); download it again.`);
		}
		const mimeType = info.mime_type ?? file.contentType ?? 'application/octet-stream';
		const fileName = (this.getNodeParameter('fileName', itemIndex, '') as string).trim() || `${id}${extensionFor(mimeType)}`;
		const binary = await this.helpers.prepareBinaryData(file.data, fileName, mimeType);
		return new ItemWithBinary({ id, mimeType, sha256, fileSize: file.data.length, fileName }, { [property]: binary });
	},
};

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': '.jpg',
	'image/png': '.png',
	'image/webp': '.webp',
	'audio/ogg': '.ogg',
	'audio/mpeg': '.mp3',
	'audio/mp4': '.m4a',
	'audio/aac': '.aac',
	'audio/amr': '.amr',
	'video/mp4': '.mp4',
	'video/3gpp': '.3gp',
	'application/pdf': '.pdf',
	'text/plain': '.txt',
};

function extensionFor(mimeType: string): string {
	return EXTENSIONS[mimeType.split(';')[0].trim().toLowerCase()] ?? '';
}
