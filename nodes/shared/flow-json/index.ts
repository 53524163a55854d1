/**
 * STUB of the local Flow JSON validator (the real one is built on branch `validator` and replaces this file at
 * merge). Same API; it only checks that the text parses as JSON.
 */
export interface FlowJsonIssue {
	pointer: string;
	line: number;
	column: number;
	message: string;
	rule: string;
	doc: string;
	severity: 'error' | 'warning';
}

export interface FlowJsonReport {
	valid: boolean;
	publishable: boolean;
	version: string | null;
	errors: FlowJsonIssue[];
	warnings: FlowJsonIssue[];
}

const FLOW_JSON_DOC = 'https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson';

/** Line and column (from 1) of a character offset. */
function position(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
	const lines = before.split('\n');
	return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function syntaxIssue(text: string, error: unknown): FlowJsonIssue {
	const message = error instanceof Error ? error.message : String(error);
	const offset = /position (\d+)/.exec(message);
	const where = offset ? position(text, Number(offset[1])) : { line: 1, column: 1 };
	return { pointer: '', ...where, message: `Not valid JSON: ${message}`, rule: 'json-syntax', doc: FLOW_JSON_DOC, severity: 'error' };
}

export function validateFlowJson(source: string | object, options?: { targetVersion?: string }): FlowJsonReport {
	void options;
	let json: unknown = source;
	if (typeof source === 'string') {
		try {
			json = JSON.parse(source) as unknown;
		} catch (error) {
			return { valid: false, publishable: false, version: null, errors: [syntaxIssue(source, error)], warnings: [] };
		}
	}
	const version = typeof json === 'object' && json !== null && typeof (json as { version?: unknown }).version === 'string'
		? (json as { version: string }).version
		: null;
	return { valid: true, publishable: true, version, errors: [], warnings: [] };
}

export function formatFlowJsonIssues(report: FlowJsonReport): string {
	return [...report.errors, ...report.warnings]
		.map((issue) => `${issue.severity} at line ${issue.line}, column ${issue.column}${issue.pointer ? ` (${issue.pointer})` : ''}: ${issue.message} [${issue.rule}]`)
		.join('\n');
}
