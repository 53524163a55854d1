// type "text" (cloud-api/reference/messages "Text object"; Postman "Send Text Message"): body up to 4096 characters,
// preview_url a boolean.
import { parameterTooLong, parameterWrongType, requiredParameter } from '../errors';
import { isRecord } from '../http-io';
import { chars, present, type MessageValidator } from './types';

/** cloud-api/reference/messages, text object: body "Maximum 4096 characters". */
export const TEXT_BODY_MAX = 4096;

export function readBoolean(value: unknown, name: string): boolean {
	if (value === undefined) return false;
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw parameterWrongType(name, 'boolean');
}

export const validateText: MessageValidator = (text) => {
	if (text !== undefined && !isRecord(text)) throw parameterWrongType('text', 'object');
	const body = text?.body;
	if (!present(body)) throw requiredParameter("text['body']");
	if (typeof body !== 'string') throw parameterWrongType("text['body']", 'string');
	if (chars(body) > TEXT_BODY_MAX) throw parameterTooLong("text['body']", TEXT_BODY_MAX);
	return { object: { body, preview_url: readBoolean(text?.preview_url, "text['preview_url']") }, freeForm: true, category: 'service' };
};
