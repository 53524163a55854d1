import type { MultipartField, MultipartPart } from '../graph/bodies';

/** A text part; built by a function so that n8n's option linters do not take it for a picker option. */
function field(name: string, value: string): MultipartField {
	return { name, value };
}

/** The multipart body of POST /{phone-number-id}/media (cloud-api/reference/media "Upload Media"). */
export function mediaUploadParts(mimeType: string, fileName: string, data: Buffer): MultipartPart[] {
	return [field('messaging_product', 'whatsapp'), field('type', mimeType), { name: 'file', filename: fileName, contentType: mimeType, data }];
}
