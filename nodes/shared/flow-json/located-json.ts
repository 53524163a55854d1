// A JSON parser that also records where each value and each property name starts and ends in the text, keyed by
// JSON pointer (RFC 6901), so a Flow JSON issue can name its line and column as Meta's validation_errors do
// (flows/reference/flowsapi: line_start, column_start, 1-based). Offsets are kept and turned into line / column
// only for the few places an issue is reported, which keeps a 100-screen flow in the millisecond range.
import { childPointer } from './pointer';

export interface TextRange {
	start: number;
	/** Offset just past the last character. */
	end: number;
}

export interface LocatedJson {
	value: unknown;
	text: string;
	values: Map<string, TextRange>;
	keys: Map<string, TextRange>;
	/** Pointers of object members whose name appeared twice (JSON.parse keeps the last one silently). */
	duplicateKeys: string[];
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
/** Characters a string may hold unescaped, skipped in one step. */
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;

export function parseLocatedJson(text: string): LocatedJson {
	let i = 0;
	const values = new Map<string, TextRange>();
	const keys = new Map<string, TextRange>();
	const duplicateKeys: string[] = [];

	const describe = (at: number): string => (at < text.length ? `'${text[at]}'` : 'the end of the text');
	const fail = (message: string, at = i): never => {
		throw new JsonTextError(message, at);
	};
	const skipSpace = (): void => {
		for (;;) {
			const c = text.charCodeAt(i);
			if (c === SPACE || c === LF || c === CR || c === TAB) i += 1;
			else return;
		}
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

	const parseValue = (pointer: string): unknown => {
		skipSpace();
		const start = i;
		const ch = text[i];
		let value: unknown;
		if (ch === '{') {
			i += 1;
			const obj: Record<string, unknown> = {};
			skipSpace();
			if (text[i] === '}') i += 1;
			else {
				for (;;) {
					skipSpace();
					if (text[i] !== '"') fail(`Expected a property name in double quotes but found ${describe(i)}`);
					const keyStart = i;
					const key = parseString();
					const here = childPointer(pointer, key);
					if (Object.prototype.hasOwnProperty.call(obj, key)) duplicateKeys.push(here);
					keys.set(here, { start: keyStart, end: i });
					skipSpace();
					expect(':');
					obj[key] = parseValue(here);
					skipSpace();
					if (text[i] === ',') i += 1;
					else {
						expect('}');
						break;
					}
				}
			}
			value = obj;
		} else if (ch === '[') {
			i += 1;
			const arr: unknown[] = [];
			skipSpace();
			if (text[i] === ']') i += 1;
			else {
				for (;;) {
					arr.push(parseValue(childPointer(pointer, arr.length)));
					skipSpace();
					if (text[i] === ',') i += 1;
					else {
						expect(']');
						break;
					}
				}
			}
			value = arr;
		} else if (ch === '"') {
			value = parseString();
		} else if (text.startsWith('true', i)) {
			value = true;
			i += 4;
		} else if (text.startsWith('false', i)) {
			value = false;
			i += 5;
		} else if (text.startsWith('null', i)) {
			value = null;
			i += 4;
		} else {
			NUMBER.lastIndex = i;
			const match = NUMBER.exec(text);
			if (match === null) fail(i >= text.length ? 'Unexpected end of the text' : `Unexpected character ${describe(i)}`);
			value = Number(match![0]);
			i += match![0].length;
		}
		values.set(pointer, { start, end: i });
		return value;
	};

	const value = parseValue('');
	skipSpace();
	if (i < text.length) fail(`Unexpected ${describe(i)} after the end of the JSON value`);
	return { value, text, values, keys, duplicateKeys };
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
