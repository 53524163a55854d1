// Conditions and nested expressions as the app evaluates them
// (developers.facebook.com/docs/whatsapp/flows/reference/components "If": (), ==, !=, <, <=, >, >=, &&, ||, !;
// reference/flowjson "Nested Expressions" (6.0+): the same inside backticks, plus +, -, /, % on numbers, and string
// concatenation by juxtaposition ("`'Hello ' ${form.name}`"); a division or modulo by zero gives 0).
import type { JsonValue } from './json';

export type Value = JsonValue | undefined;
/** Resolves a binding's path, e.g. "data.total" or "screen.START.form.name". */
export type Resolver = (path: string) => Value;

export class ExpressionError extends Error {}

type Token =
	| { t: 'bind'; path: string }
	| { t: 'lit'; value: Value }
	| { t: 'op'; op: string };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '+', '-', '*', '/', '%', '(', ')'];

function tokenize(source: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < source.length) {
		const c = source[i];
		if (/\s/.test(c)) {
			i++;
		} else if (source.startsWith('${', i)) {
			const end = source.indexOf('}', i);
			if (end < 0) throw new ExpressionError(`unclosed binding in ${source}`);
			tokens.push({ t: 'bind', path: source.slice(i + 2, end).trim() });
			i = end + 1;
		} else if (c === "'" || c === '"') {
			let text = '';
			i++;
			while (i < source.length && source[i] !== c) {
				if (source[i] === '\\' && i + 1 < source.length) i++;
				text += source[i++];
			}
			if (i >= source.length) throw new ExpressionError(`unclosed string in ${source}`);
			i++;
			tokens.push({ t: 'lit', value: text });
		} else if (/[0-9.]/.test(c)) {
			const m = /^\d*\.?\d+/.exec(source.slice(i));
			if (!m) throw new ExpressionError(`bad number in ${source}`);
			tokens.push({ t: 'lit', value: Number(m[0]) });
			i += m[0].length;
		} else if (/[A-Za-z_]/.test(c)) {
			const word = /^[A-Za-z_]\w*/.exec(source.slice(i))![0];
			if (word === 'true' || word === 'false') tokens.push({ t: 'lit', value: word === 'true' });
			else if (word === 'null') tokens.push({ t: 'lit', value: null });
			else throw new ExpressionError(`unknown word "${word}" in ${source}`);
			i += word.length;
		} else {
			const op = OPERATORS.find((o) => source.startsWith(o, i));
			if (!op) throw new ExpressionError(`unexpected "${c}" in ${source}`);
			tokens.push({ t: 'op', op });
			i += op.length;
		}
	}
	return tokens;
}

function toNumber(v: Value): number {
	if (typeof v === 'number') return v;
	if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
	if (typeof v === 'boolean') return v ? 1 : 0;
	return Number.NaN;
}

export function stringify(v: Value): string {
	if (v === undefined || v === null) return '';
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return JSON.stringify(v);
}

export function truthy(v: Value): boolean {
	if (Array.isArray(v)) return v.length > 0;
	return Boolean(v);
}

/**
 * Equality between a form or data value and a literal. An unfilled field (undefined) compares equal to '' — the app
 * shows it as empty; a number equals its numeric string (TextInput values are strings).
 */
function equal(a: Value, b: Value): boolean {
	const na = a === undefined ? '' : a;
	const nb = b === undefined ? '' : b;
	if (typeof na === 'number' || typeof nb === 'number') {
		const x = toNumber(na);
		const y = toNumber(nb);
		if (!Number.isNaN(x) && !Number.isNaN(y)) return x === y;
	}
	if (typeof na === 'object' || typeof nb === 'object') return JSON.stringify(na) === JSON.stringify(nb);
	return na === nb;
}

class Parser {
	private pos = 0;
	constructor(
		private readonly tokens: Token[],
		private readonly resolve: Resolver,
		private readonly source: string,
	) {}

	/** Whole expression: one or more juxtaposed sub-expressions, concatenated as text when more than one. */
	parseAll(): Value {
		const parts: Value[] = [];
		while (this.pos < this.tokens.length) parts.push(this.or());
		if (parts.length === 0) throw new ExpressionError('empty expression');
		return parts.length === 1 ? parts[0] : parts.map(stringify).join('');
	}

	private peekOp(...ops: string[]): string | undefined {
		const tok = this.tokens[this.pos];
		return tok && tok.t === 'op' && ops.includes(tok.op) ? tok.op : undefined;
	}

	private binary(next: () => Value, ops: string[], apply: (op: string, a: Value, b: Value) => Value): Value {
		let left = next();
		for (let op = this.peekOp(...ops); op; op = this.peekOp(...ops)) {
			this.pos++;
			left = apply(op, left, next());
		}
		return left;
	}

	private or(): Value {
		return this.binary(() => this.and(), ['||'], (_op, a, b) => truthy(a) || truthy(b));
	}

	private and(): Value {
		return this.binary(() => this.equality(), ['&&'], (_op, a, b) => truthy(a) && truthy(b));
	}

	private equality(): Value {
		return this.binary(() => this.comparison(), ['==', '!='], (op, a, b) => (op === '==' ? equal(a, b) : !equal(a, b)));
	}

	private comparison(): Value {
		return this.binary(
			() => this.additive(),
			['<', '<=', '>', '>='],
			(op, a, b) => {
				const x = toNumber(a);
				const y = toNumber(b);
				if (Number.isNaN(x) || Number.isNaN(y)) return false;
				return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
			},
		);
	}

	private additive(): Value {
		return this.binary(
			() => this.multiplicative(),
			['+', '-'],
			(op, a, b) => (op === '+' ? toNumber(a) + toNumber(b) : toNumber(a) - toNumber(b)),
		);
	}

	private multiplicative(): Value {
		return this.binary(
			() => this.unary(),
			['*', '/', '%'],
			(op, a, b) => {
				const x = toNumber(a);
				const y = toNumber(b);
				if (op === '*') return x * y;
				if (y === 0) return 0;
				return op === '/' ? x / y : x % y;
			},
		);
	}

	private unary(): Value {
		if (this.peekOp('!')) {
			this.pos++;
			return !truthy(this.unary());
		}
		if (this.peekOp('-')) {
			this.pos++;
			return -toNumber(this.unary());
		}
		return this.primary();
	}

	private primary(): Value {
		const tok = this.tokens[this.pos++];
		if (!tok) throw new ExpressionError(`unexpected end of ${this.source}`);
		if (tok.t === 'lit') return tok.value;
		if (tok.t === 'bind') return this.resolve(tok.path);
		if (tok.op === '(') {
			const inner = this.or();
			if (!this.peekOp(')')) throw new ExpressionError(`missing ")" in ${this.source}`);
			this.pos++;
			return inner;
		}
		throw new ExpressionError(`unexpected "${tok.op}" in ${this.source}`);
	}
}

export function evaluate(source: string, resolve: Resolver): Value {
	return new Parser(tokenize(source), resolve, source).parseAll();
}

/** An If condition: the expression, optionally wrapped in backticks, read as a boolean. */
export function evaluateCondition(source: string, resolve: Resolver): boolean {
	const inner = source.trim().replace(/^`([\s\S]*)`$/, '$1');
	return truthy(evaluate(inner, resolve));
}
