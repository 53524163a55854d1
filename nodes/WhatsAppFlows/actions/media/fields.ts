import type { INodeProperties } from 'n8n-workflow';

export const mediaIdField: INodeProperties = {
	displayName: 'Media ID',
	name: 'mediaId',
	type: 'string',
	default: '',
	required: true,
	description: 'From an upload, or the ID in an incoming image, document, audio or video message',
};

export const onlyOwnNumberField: INodeProperties = {
	displayName: "Only the Credential's Phone Number",
	name: 'checkPhoneNumber',
	type: 'boolean',
	default: true,
	description: "Whether Meta should act only if the media belongs to the credential's phone number (phone_number_id)",
};

export function mediaIdFrom(value: unknown): string {
	const id = String(value ?? '').trim();
	if (!/^\d+$/.test(id)) throw new Error(`Media ID must be the number Meta gave the media (got "${id}").`);
	return id;
}
