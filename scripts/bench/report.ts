// Formatting for the benchmark printout: Markdown tables (readable in a terminal, pasteable into notes).

export function table(headers: string[], rows: Array<Array<string | number>>): string {
	const cells = [headers, ...rows.map((row) => row.map(String))];
	const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
	const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	return [line(cells[0]), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

/** A number with about three significant digits. */
export function num(value: number): string {
	if (!Number.isFinite(value)) return '–';
	const magnitude = Math.abs(value);
	if (magnitude >= 100) return value.toFixed(0);
	if (magnitude >= 10) return value.toFixed(1);
	return value.toFixed(2);
}

export function ratio(value: number): string {
	return Number.isFinite(value) ? `${value.toFixed(2)}×` : '–';
}

export interface Goal {
	what: string;
	value: number;
	/** "≥" or "≤" the target. */
	comparison: '≥' | '≤';
	target: number;
}

export function goalRow(goal: Goal): string[] {
	const met = goal.comparison === '≥' ? goal.value >= goal.target : goal.value <= goal.target;
	return [goal.what, ratio(goal.value), `${goal.comparison} ${goal.target}×`, met ? 'met' : 'MISSED'];
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
