import { requiredBody } from './field-checks';
import { TEXT_LIMITS } from './limits';
import type { MessageContent } from './envelope';

/** A text message (cloud-api/reference/messages#text-object); `preview_url` shows a preview of the first link. */
export function textContent(input: { body: unknown; previewUrl?: boolean }): MessageContent {
	const body = requiredBody('Text', input.body, TEXT_LIMITS.body);
	return { type: 'text', object: { body, preview_url: input.previewUrl === true } };
}
