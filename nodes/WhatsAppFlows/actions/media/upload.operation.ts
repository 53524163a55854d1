import type { IExecuteFunctions } from 'n8n-workflow';
import { checkMediaUpload } from '../../../shared/media/media-types';
import { mediaUploadParts } from '../../../shared/media/upload-parts';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';

export const uploadMedia: OperationModule = {
	name: 'Upload',
	action: 'Upload media',
	description: showFor('media', 'upload', [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to upload',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: "Overrides the binary's file name" },
				{ displayName: 'MIME Type', name: 'mimeType', type: 'string', default: '', placeholder: 'image/png', description: "Overrides the binary's MIME type" },
			],
		},
	]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const property = (this.getNodeParameter('binaryPropertyName', itemIndex) as string).trim();
		const options = this.getNodeParameter('options', itemIndex, {}) as { fileName?: string; mimeType?: string };
		const binary = this.helpers.assertBinaryData(itemIndex, property);
		const data = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		const fileName = options.fileName || binary.fileName || 'file';
		// Meta's types and size limits first (cloud-api/reference/media "Supported media types"), naming the field.
		const { kind, mimeType } = checkMediaUpload(options.mimeType || binary.mimeType, data);
		const { client, credential } = await graphClientFor(this);
		// cloud-api/reference/media "Upload Media": multipart file, type, messaging_product → {id}.
		const answer = await client.request<{ id: string }>({
			method: 'POST',
			path: `${credential.phoneNumberId}/media`,
			body: { kind: 'multipart', parts: mediaUploadParts(mimeType, fileName, data) },
			kind: 'write',
		});
		return { id: answer.id, kind, mimeType, fileName, fileSize: data.length };
	},
};
