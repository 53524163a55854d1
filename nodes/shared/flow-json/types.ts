export type FlowJsonSeverity = 'error' | 'warning';

export interface FlowJsonIssue {
	/** JSON pointer (RFC 6901) of the offending value, "" for the whole document. */
	pointer: string;
	/** 1-based position in the validated text (an object source is serialised with 2-space indent first). */
	line: number;
	column: number;
	message: string;
	/** Stable rule id, e.g. "footer.count" or "version.not-publishable". */
	rule: string;
	/** The Meta documentation page the rule comes from. */
	doc: string;
	severity: FlowJsonSeverity;
}

export interface FlowJsonReport {
	/** No errors: Meta would accept the JSON (as a draft, when the version is not publishable). */
	valid: boolean;
	/** Valid and written in a Flow JSON version Meta still publishes. */
	publishable: boolean;
	/** The top-level `version`, when it is a string. */
	version: string | null;
	errors: FlowJsonIssue[];
	warnings: FlowJsonIssue[];
}

export interface FlowJsonValidationOptions {
	/**
	 * Check the flow against this version's rules and limits instead of the one it declares, e.g. "7.3" to see
	 * what an upgrade would break. Publishability is still judged on the declared version.
	 */
	targetVersion?: string;
}
