import type { IExecuteFunctions } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { mediaIdField, mediaIdFrom, onlyOwnNumberField } from './fields';

export const deleteMedia: OperationModule = {
	name: 'Delete',
	action: 'Delete media',
	description: showFor('media', 'delete', [mediaIdField, onlyOwnNumberField]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = mediaIdFrom(this.getNodeParameter('mediaId', itemIndex));
		const own = this.getNodeParameter('checkPhoneNumber', itemIndex, true) as boolean;
		const { client, credential } = await graphClientFor(this);
		// cloud-api/reference/media "Delete Media".
		const answer = await client.request<{ success?: boolean }>({ method: 'DELETE', path: id, query: { phone_number_id: own ? credential.phoneNumberId : undefined } });
		return { deleted: answer.success === true, id };
	},
};
