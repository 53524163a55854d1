// Picked files inside action payloads (developers.facebook.com/docs/whatsapp/flows/reference/media_upload,
// "Limitations"): a picker's value may only be a top-level payload value of data_exchange or complete, never part of
// a navigate payload. The endpoint gets the files' CDN form; the completion message gets media ids.
import { FlowJsonError } from './flow-json';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import { webhookForm, type PickedMedia } from './media-picker';

export type MediaRegistry = ReadonlyMap<string, PickedMedia>;

function pickedOf(value: JsonValue, registry: MediaRegistry): PickedMedia | undefined {
	return isJsonObject(value) && typeof value.media_id === 'string' ? registry.get(value.media_id) : undefined;
}

/** The files when the value is a picker's value (a non-empty list of picked files), else undefined. */
function mediaList(value: JsonValue, registry: MediaRegistry): PickedMedia[] | undefined {
	if (!Array.isArray(value) || value.length === 0) return undefined;
	const files = value.map((item) => pickedOf(item, registry));
	return files.every((f): f is PickedMedia => f !== undefined) ? files : undefined;
}

function containsMedia(value: JsonValue, registry: MediaRegistry): boolean {
	if (pickedOf(value, registry)) return true;
	if (Array.isArray(value)) return value.some((v) => containsMedia(v, registry));
	if (isJsonObject(value)) return Object.values(value).some((v) => containsMedia(v, registry));
	return false;
}

export function assertMediaPlacement(action: string, payload: JsonObject, registry: MediaRegistry): void {
	for (const [key, value] of Object.entries(payload)) {
		const topLevel = mediaList(value, registry) !== undefined;
		if (topLevel && action === 'navigate') {
			throw new FlowJsonError(`"${key}": picked media cannot be passed in a navigate payload (media_upload)`);
		}
		if (!topLevel && containsMedia(value, registry)) {
			throw new FlowJsonError(`"${key}": picked media may only be a top-level payload value (media_upload)`);
		}
	}
}

/** The picked files a payload's top-level values carry (a complete payload's files, to register with the Media API). */
export function mediaInPayload(payload: JsonObject, registry: MediaRegistry): PickedMedia[] {
	return Object.values(payload).flatMap((value) => mediaList(value, registry) ?? []);
}

/** The complete payload as the completion message carries it: picked files become {file_name, mime_type, sha256, id}. */
export function completionPayload(payload: JsonObject, registry: MediaRegistry): { payload: JsonObject; media: PickedMedia[] } {
	const media: PickedMedia[] = [];
	const out: JsonObject = {};
	for (const [key, value] of Object.entries(payload)) {
		const files = mediaList(value, registry);
		if (files) {
			media.push(...files);
			out[key] = files.map(webhookForm);
		} else {
			out[key] = value;
		}
	}
	return { payload: out, media };
}
