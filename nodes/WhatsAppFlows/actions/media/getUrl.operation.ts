import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { mediaIdField, mediaIdFrom, onlyOwnNumberField } from './fields';

export const getMediaUrl: OperationModule = {
	name: 'Get URL',
	action: 'Get the download URL of media',
	description: showFor('media', 'getUrl', [mediaIdField, onlyOwnNumberField]),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = mediaIdFrom(this.getNodeParameter('mediaId', itemIndex));
		const { client, credential } = await graphClientFor(this);
		const own = this.getNodeParameter('checkPhoneNumber', itemIndex, true) as boolean;
		// cloud-api/reference/media "Retrieve Media URL": the URL is valid for 5 minutes and needs the access token.
		return await client.request<IDataObject>({ method: 'GET', path: id, query: { phone_number_id: own ? credential.phoneNumberId : undefined } });
	},
};
