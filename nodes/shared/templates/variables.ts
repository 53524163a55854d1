/**
 * Template variables (business-management-api/message-templates "Parameter formats"): positional {{1}}, {{2}} …
 * numbered from 1 without gaps, or named {{first_name}} of lowercase letters, digits and underscores; one format
 * per template (`parameter_format` POSITIONAL, the default, or NAMED).
 */
export type ParameterFormat = 'POSITIONAL' | 'NAMED';

const VARIABLE = /\{\{([^{}]*)\}\}/g;

export interface TemplateVariables {
	positional: number[];
	named: string[];
	/** Placeholders that are neither, e.g. {{First Name}} or {{ 1 }}. */
	malformed: string[];
}

export function templateVariables(text: string): TemplateVariables {
	const result: TemplateVariables = { positional: [], named: [], malformed: [] };
	for (const match of text.matchAll(VARIABLE)) {
		const inner = match[1];
		if (/^[1-9][0-9]*$/.test(inner)) result.positional.push(Number(inner));
		else if (/^[a-z][a-z0-9_]*$/.test(inner)) result.named.push(inner);
		else result.malformed.push(match[0]);
	}
	return result;
}

/** Distinct variable names in order of first use: "1", "2" … or the named ones. */
export function distinctVariables(text: string): string[] {
	const { positional, named } = templateVariables(text);
	return [...new Set([...positional.map(String), ...named])];
}
