// Flow Media → Decrypt: the files a user picked in a PhotoPicker / DocumentPicker, as the endpoint receives them,
// become n8n binary data, one output item per file (each file can go on to Drive, S3 or e-mail on its own, and with
// "Continue On Fail" a bad file is its own error item while the others go on). Items are paired with their input.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import {
	decryptFlowMedia,
	describeFlowMediaEntry,
	flowMediaEntryValues,
	parseFlowMediaEntry,
	PICKER_MAX_FILE_BYTES,
	type RawFlowMediaEntry,
} from '../../../shared/flow-media';
import { cdnDownloadFor } from '../../../shared/n8n/cdn-download';
import { showFor, type OperationModule } from '../types';
import { flowMediaNodeError } from './media-errors';

const MB = 1024 * 1024;

export const decryptMedia: OperationModule = {
	name: 'Decrypt',
	action: 'Decrypt files picked in a flow',
	description: showFor('flowMedia', 'decrypt', [
		{
			displayName: 'Files',
			name: 'files',
			type: 'json',
			default: '',
			required: true,
			placeholder: '={{ $json.data.photos }}',
			description:
				"The PhotoPicker or DocumentPicker value a data_exchange request carries (a list of {media_id, cdn_url, file_name, encryption_metadata}, or one of them): usually an expression on the WhatsApp Flow Endpoint trigger's data, named as the picker's field",
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			description: 'The binary field each output item holds its file in',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Max File Size (MB)',
					name: 'maxFileSizeMb',
					type: 'number',
					typeOptions: { minValue: 0.001, numberPrecision: 3 },
					default: 25,
					description: 'Larger files are refused without being downloaded whole. WhatsApp pickers allow up to 25 MB per file.',
				},
				{
					displayName: 'Download Timeout (Seconds)',
					name: 'timeoutSeconds',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 30,
					description: 'Per file. Inside a Flow endpoint, WhatsApp waits 10 seconds for the whole answer.',
				},
			],
		},
	]),
	async executeAll(this: IExecuteFunctions, items: INodeExecutionData[]) {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const binaryField = (this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string).trim() || 'data';
			const options = this.getNodeParameter('options', itemIndex, {}) as { maxFileSizeMb?: number; timeoutSeconds?: number };
			const maxFileBytes = Math.floor((options.maxFileSizeMb ?? PICKER_MAX_FILE_BYTES / MB) * MB);
			const download = cdnDownloadFor(this, (options.timeoutSeconds ?? 30) * 1000);
			const fail = (error: unknown, raw?: RawFlowMediaEntry) => {
				const nodeError = flowMediaNodeError(this.getNode(), error, itemIndex, raw);
				if (!this.continueOnFail()) throw nodeError;
				const json: IDataObject = {
					error: nodeError.message,
					description: nodeError.description ?? null,
					check: nodeError.check,
					...(raw ? { file: raw.path, ...describeFlowMediaEntry(raw.value) } : {}),
				};
				output.push({ json, pairedItem: { item: itemIndex } });
			};

			let entries: RawFlowMediaEntry[];
			try {
				entries = flowMediaEntryValues(this.getNodeParameter('files', itemIndex), 'Files');
			} catch (error) {
				fail(error);
				continue;
			}
			for (const raw of entries) {
				try {
					const file = await decryptFlowMedia(parseFlowMediaEntry(raw.value, raw.path), download, maxFileBytes);
					const binary = await this.helpers.prepareBinaryData(file.data, file.fileName, file.mimeType);
					output.push({
						json: { fileName: file.fileName, mediaId: file.mediaId, mimeType: file.mimeType, fileSize: file.fileSize, sha256: file.sha256 },
						binary: { [binaryField]: binary },
						pairedItem: { item: itemIndex },
					});
				} catch (error) {
					fail(error, raw);
				}
			}
		}
		return output;
	},
};
