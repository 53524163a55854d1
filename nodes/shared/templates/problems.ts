/** One thing wrong with a template: where (a path into the Graph payload) and what Meta would say. */
export interface TemplateProblem {
	path: string;
	message: string;
	/** "error": Meta refuses the request; "warning": Meta's review is likely to reject it. */
	severity: 'error' | 'warning';
}

export class TemplateProblems {
	readonly list: TemplateProblem[] = [];

	error(path: string, message: string): void {
		this.list.push({ path, message, severity: 'error' });
	}

	warning(path: string, message: string): void {
		this.list.push({ path, message, severity: 'warning' });
	}
}

/** Thrown before a create call when the template breaks a rule Meta enforces; every problem is listed. */
export class TemplateValidationError extends Error {
	constructor(readonly problems: TemplateProblem[]) {
		const errors = problems.filter((p) => p.severity === 'error');
		super(
			`The template breaks ${errors.length === 1 ? 'a rule' : `${errors.length} rules`} Meta enforces: ` +
				errors.map((p) => `${p.path}: ${p.message}`).join('; '),
		);
		this.name = 'TemplateValidationError';
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Length as Meta counts characters: code points. */
export function textLength(text: string): number {
	return [...text].length;
}
