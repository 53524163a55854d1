import type { FlowJsonIssue, FlowJsonReport } from './types';

function line(issue: FlowJsonIssue): string {
	const where = issue.pointer === '' ? '(document)' : issue.pointer;
	return `- line ${issue.line}, column ${issue.column} at ${where}: ${issue.message} [${issue.rule}] ${issue.doc}`;
}

/** Readable multi-line text for an n8n error: a summary line, then errors, then warnings, one per line. */
export function formatFlowJsonIssues(report: FlowJsonReport): string {
	const { errors, warnings } = report;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	let summary: string;
	if (!report.valid) summary = `Flow JSON has ${plural(errors.length, 'error')}${warnings.length > 0 ? ` and ${plural(warnings.length, 'warning')}` : ''}.`;
	else if (!report.publishable) summary = `Flow JSON is valid but not publishable (version ${report.version ?? 'missing'})${warnings.length > 0 ? `; ${plural(warnings.length, 'warning')}` : ''}.`;
	else summary = warnings.length > 0 ? `Flow JSON is valid, with ${plural(warnings.length, 'warning')}.` : 'Flow JSON is valid.';
	const out = [summary];
	if (errors.length > 0) out.push('Errors:', ...errors.map(line));
	if (warnings.length > 0) out.push('Warnings:', ...warnings.map(line));
	return out.join('\n');
}
