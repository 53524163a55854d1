// A JSON parser that also records where each value and each property name starts in the text, so a Flow JSON
// issue can name its line and column as Meta's validation_errors do (flows/reference/flowsapi: line_start,
// column_start, 1-based). Offsets hang off each parsed object and array (no string per node), and become line and
// column only for the places an issue is reported, which keeps a 100-screen flow in the millisecond range.
import { childPointer, pointerSegments } from './pointer';

/** Where the members of one parsed object (their names) or array (their values) start. */
type Places = Map<string, number> | number[];

export interface LocatedJson {
	value: unknown;
	text: string;
	/** Pointers of object members whose name appeared twice (JSON.parse keeps the last one silently). */
	duplicateKeys: string[];
	/** Offset of the value at a pointer (or of its property name), else of its nearest ancestor that exists. */
	offsetOf(pointer: string, target: 'value' | 'key'): number;
}

export class JsonTextError extends Error {
	constructor(
		message: string,
		readonly offset: number,
	) {
		super(message);
	}
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
/** Characters a string may hold unescaped, skipped in one step. */
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;

export function parseLocatedJson(text: string): LocatedJson {
	let i = 0;
	const places = new Map<object, Places>();
	const path: (string | number)[] = [];
	const duplicateKeys: string[] = [];

	const describe = (at: number): string => (at < text.length ? `'${text[at]}'` : 'the end of the text');
	const fail = (message: string, at = i): never => {
		throw new JsonTextError(message, at);
	};
	const skipSpace = (): void => {
		const c = text.charCodeAt(i);
		if (c !== SPACE && c !== LF && c !== CR && c !== TAB) return;
		WHITESPACE.lastIndex = i;
		WHITESPACE.test(text);
		i = WHITESPACE.lastIndex;
	};
	const expect = (ch: string): void => {
		if (text[i] !== ch) fail(`Expected '${ch}' but found ${describe(i)}`);
		i += 1;
	};

	const parseString = (): string => {
		const start = i;
		i += 1; // opening quote
		let out = '';
		let runStart = i;
		for (;;) {
			if (i >= text.length) fail('Unterminated string', start);
			const c = text.charCodeAt(i);
			if (c === QUOTE) {
				out += text.slice(runStart, i);
				i += 1;
				return out;
			}
			if (c < SPACE) fail('Control character in a string (escape it as \\n, \\t ...)');
			if (c === BACKSLASH) {
				out += text.slice(runStart, i);
				const esc = text[i + 1];
				if (esc === 'u') {
					const hex = text.slice(i + 2, i + 6);
					if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\u escape');
					out += String.fromCharCode(parseInt(hex, 16));
					i += 6;
				} else if (esc !== undefined && esc in ESCAPES) {
					out += ESCAPES[esc];
					i += 2;
				} else {
					fail(`Invalid escape '\\${esc ?? ''}'`);
				}
				runStart = i;
			} else {
				PLAIN_RUN.lastIndex = i;
				PLAIN_RUN.test(text);
				i = Math.max(PLAIN_RUN.lastIndex, i + 1);
			}
		}
	};

	/** Parses the value at `i`; returns it and where it started. */
	const parseValue = (): unknown => {
		skipSpace();
		const ch = text[i];
		if (ch === '{') {
			i += 1;
			const obj: Record<string, unknown> = {};
			const keys = new Map<string, number>();
			places.set(obj, keys);
			skipSpace();
			if (text[i] === '}') i += 1;
			else {
				for (;;) {
					skipSpace();
					if (text[i] !== '"') fail(`Expected a property name in double quotes but found ${describe(i)}`);
					const keyStart = i;
					const key = parseString();
					if (keys.has(key)) duplicateKeys.push([...path, key].reduce<string>((p, k) => childPointer(p, k), ''));
					keys.set(key, keyStart);
					skipSpace();
					expect(':');
					path.push(key);
					obj[key] = parseValue();
					path.pop();
					skipSpace();
					if (text[i] === ',') i += 1;
					else {
						expect('}');
						break;
					}
				}
			}
			return obj;
		}
		if (ch === '[') {
			i += 1;
			const arr: unknown[] = [];
			const starts: number[] = [];
			places.set(arr, starts);
			skipSpace();
			if (text[i] === ']') i += 1;
			else {
				for (;;) {
					skipSpace();
					starts.push(i);
					path.push(arr.length);
					arr.push(parseValue());
					path.pop();
					skipSpace();
					if (text[i] === ',') i += 1;
					else {
						expect(']');
						break;
					}
				}
			}
			return arr;
		}
		if (ch === '"') return parseString();
		if (text.startsWith('true', i)) {
			i += 4;
			return true;
		}
		if (text.startsWith('false', i)) {
			i += 5;
			return false;
		}
		if (text.startsWith('null', i)) {
			i += 4;
			return null;
		}
		NUMBER.lastIndex = i;
		const match = NUMBER.exec(text);
		if (match === null) fail(i >= text.length ? 'Unexpected end of the text' : `Unexpected character ${describe(i)}`);
		i += match![0].length;
		return Number(match![0]);
	};

	skipSpace();
	const rootStart = i;
	const value = parseValue();
	skipSpace();
	if (i < text.length) fail(`Unexpected ${describe(i)} after the end of the JSON value`);

	/** A member's value starts after its name, the colon and any spaces. */
	const valueAfterKey = (keyStart: number): number => {
		let k = keyStart + 1;
		while (text[k] !== '"') k += text[k] === '\\' ? 2 : 1;
		k += 1;
		while (text[k] !== ':') k += 1;
		k += 1;
		WHITESPACE.lastIndex = k;
		WHITESPACE.test(text);
		return WHITESPACE.lastIndex;
	};

	const offsetOf = (pointer: string, target: 'value' | 'key'): number => {
		let current: unknown = value;
		let offset = rootStart;
		const segments = pointerSegments(pointer);
		for (let k = 0; k < segments.length; k += 1) {
			const at = typeof current === 'object' && current !== null ? places.get(current) : undefined;
			if (at === undefined) return offset;
			const segment = segments[k];
			if (Array.isArray(at)) {
				const start = at[Number(segment)];
				if (start === undefined) return offset;
				offset = start;
				current = (current as unknown[])[Number(segment)];
			} else {
				const keyStart = at.get(segment);
				if (keyStart === undefined) return offset;
				if (k === segments.length - 1 && target === 'key') return keyStart;
				offset = valueAfterKey(keyStart);
				current = (current as Record<string, unknown>)[segment];
			}
		}
		return offset;
	};
	return { value, text, duplicateKeys, offsetOf };
}

/** 1-based line and column of an offset; columns count Unicode code points, as editors show them. */
export class LineIndex {
	private readonly starts: number[] = [0];

	constructor(private readonly text: string) {
		for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) this.starts.push(k + 1);
	}

	position(offset: number): { line: number; column: number } {
		let lo = 0;
		let hi = this.starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		let column = 1;
		for (let k = this.starts[lo]; k < offset && k < this.text.length; k += 1) {
			const c = this.text.charCodeAt(k);
			if (c < 0xdc00 || c > 0xdfff) column += 1; // a low surrogate belongs to the code point before it
		}
		return { line: lo + 1, column };
	}
}
