// Formatting for the benchmark printout: Markdown tables (readable in a terminal, pasteable into notes).

/** Collects what is printed, so the run can also be written to a file. */
export class Printout {
	readonly lines: string[] = [];

	print(text = ''): void {
		console.log(text);
		this.lines.push(text);
	}

	text(): string {
		return `${this.lines.join('\n')}\n`;
	}
}

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

export function ratio(value: number | undefined): string {
	return value !== undefined && Number.isFinite(value) ? `${value.toFixed(2)}×` : '–';
}

export interface Goal {
	what: string;
	/** The ratio the goal is stated on (e.g. req/s over req/s). */
	value: number;
	/** The same comparison on CPU cost per request (less disturbed by other processes on a shared machine). */
	cpuValue?: number;
	comparison: '≥' | '≤';
	target: number;
}

export function goalMet(goal: Goal, value = goal.value): boolean {
	return goal.comparison === '≥' ? value >= goal.target : value <= goal.target;
}

export function goalText(goal: Goal): string {
	return `${goal.comparison} ${goal.target}×`;
}

/** "1.23× met" or "0.80× MISSED", with the CPU-cost ratio after it when there is one. */
export function goalCell(goal: Goal | undefined): string {
	if (goal === undefined) return '–';
	const main = `${ratio(goal.value)} ${goalMet(goal) ? 'met' : 'MISSED'}`;
	return goal.cpuValue === undefined ? main : `${main} (CPU ${ratio(goal.cpuValue)} ${goalMet(goal, goal.cpuValue) ? 'met' : 'MISSED'})`;
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
