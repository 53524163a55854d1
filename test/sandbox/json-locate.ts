// A small JSON parser that remembers where every value and key is in the text, so Flow JSON validation errors can
// carry line and column numbers as Meta's do (flows/reference/flowsapi: validation_errors[].line_start, line_end,
// column_start, column_end; 1-based, end inclusive: the Postman example "Update Flow JSON" points at a 14-character
// key "initial-text" with column_start 17, column_end 30).

export interface TextSpan {
	lineStart: number;
	columnStart: number;
	lineEnd: number;
	columnEnd: number;
}

export type JsonPath = readonly (string | number)[];

export interface LocatedJson {
	value: unknown;
	/** Span of the value at a path (key "a.b[0]" style, see `pathKey`). */
	valueSpans: Map<string, TextSpan>;
	/** Span of the property name (with its quotes) for object members. */
	keySpans: Map<string, TextSpan>;
}

export class JsonSyntaxError extends Error {
	constructor(
		message: string,
		readonly line: number,
		readonly column: number,
	) {
		super(message);
	}
}

/** Meta's path notation: `screens[0].layout.children[0].type`. */
export function pathKey(path: JsonPath): string {
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else out += out === '' ? segment : `.${segment}`;
	}
	return out;
}

export function locateJson(text: string): LocatedJson {
	// Positions are counted in code points, as editors show columns.
	const chars = [...text];
	let i = 0;
	let line = 1;
	let column = 1;
	const valueSpans = new Map<string, TextSpan>();
	const keySpans = new Map<string, TextSpan>();

	const fail = (message: string): never => {
		throw new JsonSyntaxError(`${message} at line ${line}, column ${column}`, line, column);
	};
	const advance = (): string => {
		const ch = chars[i];
		i += 1;
		if (ch === '\n') {
			line += 1;
			column = 1;
		} else {
			column += 1;
		}
		return ch;
	};
	const skipWhitespace = (): void => {
		while (i < chars.length && (chars[i] === ' ' || chars[i] === '\t' || chars[i] === '\n' || chars[i] === '\r')) advance();
	};
	// The position of the last character consumed (end inclusive).
	let lastLine = 1;
	let lastColumn = 1;
	const take = (): string => {
		lastLine = line;
		lastColumn = column;
		return advance();
	};
	const expect = (ch: string): void => {
		if (chars[i] !== ch) fail(`Expected '${ch}'${i < chars.length ? ` but found '${chars[i]}'` : ' but the text ended'}`);
		take();
	};

	const parseString = (): string => {
		expect('"');
		let out = '';
		for (;;) {
			if (i >= chars.length) fail('Unterminated string');
			const ch = take();
			if (ch === '"') return out;
			if (ch === '\\') {
				const esc = take();
				const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
				if (esc in simple) out += simple[esc];
				else if (esc === 'u') {
					let hex = '';
					for (let k = 0; k < 4; k += 1) hex += take();
					if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid unicode escape');
					out += String.fromCharCode(parseInt(hex, 16));
				} else fail(`Invalid escape '\\${esc}'`);
			} else if (ch < ' ') {
				fail('Control character in string');
			} else {
				out += ch;
			}
		}
	};

	const parseValue = (path: (string | number)[]): unknown => {
		skipWhitespace();
		if (i >= chars.length) fail('Unexpected end of text');
		const start = { line, column };
		let value: unknown;
		const ch = chars[i];
		if (ch === '{') {
			take();
			const obj: Record<string, unknown> = {};
			skipWhitespace();
			if (chars[i] === '}') take();
			else {
				for (;;) {
					skipWhitespace();
					const keyStart = { line, column };
					const key = parseString();
					const keyPath = [...path, key];
					keySpans.set(pathKey(keyPath), { lineStart: keyStart.line, columnStart: keyStart.column, lineEnd: lastLine, columnEnd: lastColumn });
					skipWhitespace();
					expect(':');
					obj[key] = parseValue(keyPath);
					skipWhitespace();
					if (chars[i] === ',') take();
					else {
						expect('}');
						break;
					}
				}
			}
			value = obj;
		} else if (ch === '[') {
			take();
			const arr: unknown[] = [];
			skipWhitespace();
			if (chars[i] === ']') take();
			else {
				for (;;) {
					arr.push(parseValue([...path, arr.length]));
					skipWhitespace();
					if (chars[i] === ',') take();
					else {
						expect(']');
						break;
					}
				}
			}
			value = arr;
		} else if (ch === '"') {
			value = parseString();
		} else {
			let token = '';
			while (i < chars.length && /[-+0-9.eEa-z]/.test(chars[i])) token += take();
			if (token === 'true') value = true;
			else if (token === 'false') value = false;
			else if (token === 'null') value = null;
			else if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(token)) value = Number(token);
			else fail(token === '' ? `Unexpected character '${ch}'` : `Unexpected token '${token}'`);
		}
		valueSpans.set(pathKey(path), { lineStart: start.line, columnStart: start.column, lineEnd: lastLine, columnEnd: lastColumn });
		return value;
	};

	const value = parseValue([]);
	skipWhitespace();
	if (i < chars.length) fail(`Unexpected '${chars[i]}' after the JSON value`);
	return { value, valueSpans, keySpans };
}
