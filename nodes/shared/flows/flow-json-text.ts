/**
 * The Flow JSON as the text that is uploaded. Text given by the user is kept byte for byte so the line and column
 * numbers of Meta's validation_errors point into what they wrote; an object is written with two-space indentation.
 * Meta: whatsapp/flows/reference/flowsapi — the asset is at most 10 MB.
 */
export const FLOW_JSON_MAX_BYTES = 10 * 1024 * 1024;

export function flowJsonText(value: unknown, field = 'Flow JSON'): string {
	let text: string;
	if (typeof value === 'string') text = value.replace(/^\uFEFF/, '');
	else if (Buffer.isBuffer(value)) text = value.toString('utf8').replace(/^\uFEFF/, '');
	else if (typeof value === 'object' && value !== null) text = JSON.stringify(value, null, 2);
	else throw new Error(`${field} is empty: give the Flow JSON as text, an object or a file.`);
	if (text.trim() === '') throw new Error(`${field} is empty: give the Flow JSON as text, an object or a file.`);
	const bytes = Buffer.byteLength(text, 'utf8');
	if (bytes > FLOW_JSON_MAX_BYTES) {
		throw new Error(`${field} is ${bytes} bytes; Meta accepts at most ${FLOW_JSON_MAX_BYTES} bytes (10 MB).`);
	}
	return text;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

/** Object keys sorted at every level, so two JSON texts that mean the same compare equal. */
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
		);
	}
	return value;
}

/**
 * Whether two Flow JSON texts mean the same Flow: equal after parsing (whitespace and key order do not matter).
 * Text that does not parse is compared as is.
 */
export function sameFlowJson(a: string, b: string): boolean {
	const left = parse(a);
	const right = parse(b);
	if (!left.ok || !right.ok) return a === b;
	return JSON.stringify(canonical(left.value)) === JSON.stringify(canonical(right.value));
}
