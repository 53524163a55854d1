/** A message Meta would refuse, found before sending: names the field as the node shows it, and the rule. */
export class MessageFieldError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'MessageFieldError';
	}
}

/** Length in characters as Meta counts them: an emoji or any other astral character counts once. */
export function characterCount(value: string): number {
	return Array.from(value).length;
}

/** A required text of 1 to `max` characters (after trimming whitespace at the ends), returned trimmed. */
export function requiredText(field: string, value: unknown, max: number): string {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
	if (text === '') throw new MessageFieldError(field, `${field} is required`);
	return withinLength(field, text, max);
}

/** A required message body: not blank, at most `max` characters, kept as written (line breaks matter). */
export function requiredBody(field: string, value: unknown, max: number): string {
	const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
	if (text.trim() === '') throw new MessageFieldError(field, `${field} is required`);
	return withinLength(field, text, max);
}

/** An optional text: undefined when empty, else at most `max` characters. */
export function optionalText(field: string, value: unknown, max: number): string | undefined {
	const text = typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
	return text === '' ? undefined : withinLength(field, text, max);
}

export function withinLength(field: string, text: string, max: number): string {
	const length = characterCount(text);
	if (length > max) {
		throw new MessageFieldError(field, `${field} is ${length} characters long; Meta allows at most ${max}`);
	}
	return text;
}

export function matching(field: string, text: string, pattern: RegExp, rule: string): string {
	if (!pattern.test(text)) throw new MessageFieldError(field, `${field} "${text}" is not valid: ${rule}`);
	return text;
}

/** Emoji and other pictographs (Meta: the Flow CTA takes "no emoji"). */
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

export function withoutEmoji(field: string, text: string): string {
	if (PICTOGRAPH.test(text)) throw new MessageFieldError(field, `${field} must not contain emoji (Meta does not show them there)`);
	return text;
}

export function unique(field: string, values: string[], what: string): void {
	const seen = new Set<string>();
	for (const value of values) {
		if (seen.has(value)) throw new MessageFieldError(field, `${what} must be unique; "${value}" appears twice`);
		seen.add(value);
	}
}

/** A JSON object given as an object or as JSON text; undefined when empty. */
export function optionalObject(field: string, value: unknown): Record<string, unknown> | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
	const parsed = typeof value === 'string' ? parseJson(value) : value;
	if (parsed === NOT_JSON) throw new MessageFieldError(field, `${field} is not valid JSON`);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new MessageFieldError(field, `${field} must be a JSON object`);
	}
	return parsed as Record<string, unknown>;
}

const NOT_JSON = Symbol('not JSON');

/** JSON text parsed, or NOT_JSON. */
export function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return NOT_JSON;
	}
}

export function isJson(value: unknown): boolean {
	return value !== NOT_JSON;
}
