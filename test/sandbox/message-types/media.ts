// Media message types image / audio / video / document / sticker (cloud-api/reference/messages "Media object";
// Postman "Send Image Message by ID" / "by URL"): exactly one of id (an uploaded media of this phone number) or
// link (http/https); caption (image, video, document) up to 1024 characters; filename for documents.
import { invalidParameterWithDetails, parameterTooLong, parameterWrongType, requiredParameter } from '../errors';
import { isRecord } from '../http-io';
import { chars, type MessageValidator } from './types';

/** cloud-api/reference/messages, media object: caption "Maximum 1024 characters". */
export const CAPTION_MAX = 1024;
const CAPTIONED = new Set(['image', 'video', 'document']);

export function mediaValidator(type: 'image' | 'audio' | 'video' | 'document' | 'sticker'): MessageValidator {
	return (media, ctx) => {
		if (!isRecord(media)) throw requiredParameter(type);
		const hasId = typeof media.id === 'string' && media.id !== '';
		const hasLink = typeof media.link === 'string' && media.link !== '';
		if (hasId === hasLink) throw invalidParameterWithDetails(`${type} needs exactly one of id or link`);
		if (hasId) {
			const stored = ctx.state.media.get(media.id as string);
			if (!stored || stored.phoneNumberId !== ctx.node.id) throw invalidParameterWithDetails(`Invalid media id: ${String(media.id)}`);
		}
		if (hasLink && !/^https?:\/\//.test(media.link as string)) throw invalidParameterWithDetails(`${type}['link'] must be an http(s) URL`);
		const object: Record<string, unknown> = hasId ? { id: media.id } : { link: media.link };
		if (media.caption !== undefined) {
			if (!CAPTIONED.has(type)) throw invalidParameterWithDetails(`${type} messages take no caption`);
			if (typeof media.caption !== 'string') throw parameterWrongType(`${type}['caption']`, 'string');
			if (chars(media.caption) > CAPTION_MAX) throw parameterTooLong(`${type}['caption']`, CAPTION_MAX);
			object.caption = media.caption;
		}
		if (media.filename !== undefined) {
			if (type !== 'document') throw invalidParameterWithDetails(`${type} messages take no filename`);
			object.filename = String(media.filename);
		}
		return { object, freeForm: true, category: 'service' };
	};
}
