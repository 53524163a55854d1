// Collects issues and gives each the line and column of the place it points at.
import { LineIndex, type LocatedJson } from './located-json';
import type { FlowJsonRule } from './rule-ids';
import type { FlowJsonIssue, FlowJsonSeverity } from './types';

/** Point at the value (default) or at the property name, e.g. for a property that is not allowed. */
export type IssueTarget = 'value' | 'key';

export class IssueCollector {
	readonly errors: FlowJsonIssue[] = [];
	readonly warnings: FlowJsonIssue[] = [];
	private lines: LineIndex | undefined;

	constructor(private readonly located: LocatedJson | undefined) {}

	error(rule: FlowJsonRule, pointer: string, message: string, doc: string, target: IssueTarget = 'value'): void {
		this.add('error', rule, pointer, message, doc, target);
	}

	warning(rule: FlowJsonRule, pointer: string, message: string, doc: string, target: IssueTarget = 'value'): void {
		this.add('warning', rule, pointer, message, doc, target);
	}

	private add(severity: FlowJsonSeverity, rule: FlowJsonRule, pointer: string, message: string, doc: string, target: IssueTarget): void {
		const { line, column } = this.position(pointer, target);
		(severity === 'error' ? this.errors : this.warnings).push({ pointer, line, column, message, rule, doc, severity });
	}

	/** The place itself, or its nearest ancestor that exists in the text (a missing property points at its owner). */
	private position(pointer: string, target: IssueTarget): { line: number; column: number } {
		const located = this.located;
		if (located === undefined) return { line: 1, column: 1 };
		this.lines ??= new LineIndex(located.text);
		return this.lines.position(located.offsetOf(pointer, target));
	}
}
