// Media (cloud-api/reference/media; Postman "Upload Media", "Retrieve Media URL", "Delete Media", "Download Media"):
//   POST /{phone-number-id}/media   multipart: file, type (MIME), messaging_product=whatsapp → {"id"}
//   GET  /{media-id}[?phone_number_id=]  → {messaging_product, url, mime_type, sha256, file_size, id}
//   DELETE /{media-id}[?phone_number_id=] → {"success": true}
// The url serves the bytes only with the access token (cdn.ts).
import { canUsePhoneNumber } from '../auth';
import { GraphError, invalidParameterWithDetails, parameterNotOneOf, permissionDenied, requiredParameter, unsupportedRequest } from '../errors';
import { MEDIA_TYPES, type MediaRecord } from '../media';
import type { SandboxState } from '../state';
import type { GraphContext, GraphRoute } from './types';

/** 131053 "Media upload error" (cloud-api/support/error-codes). */
function mediaUploadError(details: string): GraphError {
	return new GraphError(400, {
		message: '(#131053) Media upload error',
		type: 'OAuthException',
		code: 131053,
		error_data: { messaging_product: 'whatsapp', details },
	});
}

export function mediaUrl(state: SandboxState, media: MediaRecord): string {
	return `${state.baseUrl}/__cdn/media/${media.id}/${media.urlToken}`;
}

export const uploadMedia: GraphRoute<'phoneNumber'> = {
	method: 'POST',
	node: 'phoneNumber',
	edge: 'media',
	source: 'cloud-api/reference/media "Upload Media"; Postman "Upload Media"',
	handle(ctx) {
		if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw permissionDenied();
		const p = ctx.params;
		if (p.messaging_product === undefined) throw requiredParameter('messaging_product');
		if (p.messaging_product !== 'whatsapp') throw parameterNotOneOf('messaging_product', ['WHATSAPP'], String(p.messaging_product));
		const file = ctx.files.file;
		if (file === undefined) throw requiredParameter('file');
		const type = typeof p.type === 'string' && p.type !== '' ? p.type : file.contentType;
		if (type === undefined) throw requiredParameter('type');
		const spec = MEDIA_TYPES[type.toLowerCase()];
		if (!spec) throw mediaUploadError(`Unsupported media type: ${type}`);
		if (file.data.length === 0) throw mediaUploadError('The file is empty');
		if (file.data.length > spec.maxBytes) throw mediaUploadError(`${spec.kind} files may be at most ${spec.maxBytes} bytes; got ${file.data.length}`);
		const media = ctx.state.media.add({ phoneNumberId: ctx.node.id, mimeType: type.toLowerCase(), data: file.data, filename: file.filename });
		return { status: 200, body: { id: media.id } };
	},
};

function checkAccess(ctx: GraphContext<Extract<GraphContext['node'], { kind: 'media' }>>, method: string): MediaRecord {
	const media = ctx.node.media;
	if (!canUsePhoneNumber(ctx.principal, media.phoneNumberId)) throw unsupportedRequest(method, ctx.node.id);
	const only = ctx.params.phone_number_id;
	if (only !== undefined && String(only) !== media.phoneNumberId) {
		throw invalidParameterWithDetails(`Media ${media.id} does not belong to phone number ${String(only)}`);
	}
	return media;
}

export const getMedia: GraphRoute<'media'> = {
	method: 'GET',
	node: 'media',
	edge: null,
	source: 'cloud-api/reference/media "Retrieve Media URL"; Postman "Retrieve Media URL"',
	handle(ctx) {
		const media = checkAccess(ctx, 'GET');
		return {
			status: 200,
			body: {
				messaging_product: 'whatsapp',
				url: mediaUrl(ctx.state, media),
				mime_type: media.mimeType,
				sha256: media.sha256,
				// A string, as in the Postman example "Retrieve Media URL" ("file_size": "303833").
				file_size: String(media.fileSize),
				id: media.id,
			},
		};
	},
};

export const deleteMedia: GraphRoute<'media'> = {
	method: 'DELETE',
	node: 'media',
	edge: null,
	source: 'cloud-api/reference/media "Delete Media"; Postman "Delete Media"',
	handle(ctx) {
		const media = checkAccess(ctx, 'DELETE');
		ctx.state.media.delete(media.id);
		return { status: 200, body: { success: true } };
	},
};
