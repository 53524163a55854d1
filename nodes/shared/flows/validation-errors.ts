/**
 * Meta's validation_errors, returned when Flow JSON is uploaded and by GET /{flow-id}:
 * `{error, error_type, message, line_start, line_end, column_start, column_end, pointers?: [{path, …}]}`.
 * Meta: whatsapp/flows/reference/flowsapi ("Update Flow JSON", "Retrieve Flow details"); Postman "Update Flow JSON".
 * A Flow with validation errors stays a DRAFT and cannot be published.
 */
export interface MetaFlowValidationError {
	error?: string;
	error_type?: string;
	message?: string;
	line_start?: number;
	line_end?: number;
	column_start?: number;
	column_end?: number;
	pointers?: Array<{ path?: string }>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The validation errors of an answer, or [] when it has none (or they are not in Meta's shape). */
export function validationErrorsOf(answer: unknown): MetaFlowValidationError[] {
	const errors = isRecord(answer) ? answer.validation_errors : undefined;
	return Array.isArray(errors) ? errors.filter(isRecord).map((error) => error as MetaFlowValidationError) : [];
}

function span(start: number | undefined, end: number | undefined): string {
	if (start === undefined) return '?';
	return end === undefined || end === start ? String(start) : `${start}–${end}`;
}

/** One line per error: where (line, column, path), which rule, and Meta's message. */
export function formatMetaValidationError(error: MetaFlowValidationError): string {
	const paths = (error.pointers ?? []).map((pointer) => pointer.path).filter((path): path is string => typeof path === 'string' && path !== '');
	const where = `line ${span(error.line_start, error.line_end)}, column ${span(error.column_start, error.column_end)}`;
	const rule = [error.error, error.error_type].filter(Boolean).join(' / ');
	return `${where}${paths.length > 0 ? ` (${paths.join(', ')})` : ''}: ${error.message ?? 'no message'}${rule ? ` [${rule}]` : ''}`;
}

/** A numbered list for an error description; '' when there is nothing to report. */
export function formatMetaValidationErrors(errors: readonly MetaFlowValidationError[]): string {
	if (errors.length === 0) return '';
	const lines = errors.map((error, index) => `${index + 1}. ${formatMetaValidationError(error)}`);
	return `Meta reported ${errors.length} validation error${errors.length === 1 ? '' : 's'} in the Flow JSON:\n${lines.join('\n')}`;
}

/** Meta kept the Flow a DRAFT because its Flow JSON has validation errors (publishing it would fail with 139002). */
export class FlowJsonRejectedError extends Error {
	constructor(
		readonly flowId: string,
		readonly errors: readonly MetaFlowValidationError[],
	) {
		super(
			`Meta reported ${errors.length} validation error${errors.length === 1 ? '' : 's'} in the Flow JSON of Flow ${flowId}: ` +
				'the Flow stays a DRAFT and cannot be published until they are fixed',
		);
		this.name = 'FlowJsonRejectedError';
	}

	/** The numbered list of Meta's errors, for the error's description. */
	get details(): string {
		return formatMetaValidationErrors(this.errors);
	}
}
