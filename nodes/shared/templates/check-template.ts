import { checkButtons } from './check-buttons';
import { HEADER_FORMATS, MESSAGE_SEND_TTL_SECONDS, TEMPLATE_CATEGORIES, TEMPLATE_LIMITS as L, type TemplateCategory } from './limits';
import { isRecord, TemplateProblems, textLength, TemplateValidationError, type TemplateProblem } from './problems';
import { templateVariables, type ParameterFormat } from './variables';

const MT = 'message-templates';
const MTC = 'message-templates/components';
const AUTH = 'authentication-templates';

/**
 * Checks a template creation payload (POST /{waba-id}/message_templates) against Meta's documented rules
 * (limits.ts). Returns every problem found; errors are what Meta refuses, warnings what review tends to reject.
 */
export function checkTemplate(payload: unknown): TemplateProblem[] {
	const problems = new TemplateProblems();
	if (!isRecord(payload)) {
		problems.error('', 'A template is an object with name, language, category and components');
		return problems.list;
	}
	checkName(payload.name, problems);
	if (typeof payload.language !== 'string' || !/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(payload.language)) {
		problems.error('language', `A language code such as en_US, pt_BR or de (${MT}/supported-languages)`);
	}
	const category = String(payload.category ?? '').toUpperCase() as TemplateCategory;
	if (!TEMPLATE_CATEGORIES.includes(category)) {
		problems.error('category', `Must be one of ${TEMPLATE_CATEGORIES.join(', ')} (${MT})`);
		return problems.list;
	}
	const format = String(payload.parameter_format ?? 'POSITIONAL').toUpperCase();
	if (format !== 'POSITIONAL' && format !== 'NAMED') problems.error('parameter_format', `Must be POSITIONAL or NAMED (${MT})`);
	checkTtl(payload.message_send_ttl_seconds, category, problems);
	checkComponents(payload.components, category, format as ParameterFormat, problems);
	return problems.list;
}

/** Throws TemplateValidationError when the payload has errors; returns the warnings. */
export function assertValidTemplate(payload: unknown): TemplateProblem[] {
	const problems = checkTemplate(payload);
	if (problems.some((p) => p.severity === 'error')) throw new TemplateValidationError(problems);
	return problems;
}

function checkName(name: unknown, problems: TemplateProblems): void {
	if (typeof name !== 'string' || name === '') problems.error('name', 'A template needs a name');
	else if (name.length > L.nameMax) problems.error('name', `At most ${L.nameMax} characters (${MT})`);
	else if (!/^[a-z0-9_]+$/.test(name)) problems.error('name', `Only lowercase letters, digits and underscores, e.g. order_update (${MT})`);
}

function checkTtl(ttl: unknown, category: TemplateCategory, problems: TemplateProblems): void {
	if (ttl === undefined) return;
	const { min, max } = MESSAGE_SEND_TTL_SECONDS[category];
	if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < min || ttl > max) {
		problems.error('message_send_ttl_seconds', `For ${category} templates a whole number of seconds from ${min} to ${max} (${MT} "Customizing time-to-live")`);
	}
}

function checkComponents(components: unknown, category: TemplateCategory, format: ParameterFormat, problems: TemplateProblems): void {
	if (!Array.isArray(components) || components.length === 0) {
		problems.error('components', 'A template needs components, at least a BODY');
		return;
	}
	const seen = new Map<string, number>();
	components.forEach((component, index) => {
		const at = `components[${index}]`;
		if (!isRecord(component)) {
			problems.error(at, 'A component must be an object');
			return;
		}
		const type = String(component.type ?? '').toUpperCase();
		seen.set(type, (seen.get(type) ?? 0) + 1);
		if (type === 'HEADER') checkHeader(component, at, category, format, problems);
		else if (type === 'BODY') checkBody(component, at, category, format, problems);
		else if (type === 'FOOTER') checkFooter(component, at, category, problems);
		else if (type === 'BUTTONS') checkButtons(component.buttons, `${at}.buttons`, category, problems);
		else if (type !== 'CAROUSEL' && type !== 'LIMITED_TIME_OFFER') problems.error(`${at}.type`, `Must be HEADER, BODY, FOOTER or BUTTONS (${MTC})`);
	});
	if ((seen.get('BODY') ?? 0) !== 1) problems.error('components', `A template has exactly one BODY component (${MTC})`);
	for (const type of ['HEADER', 'FOOTER', 'BUTTONS']) {
		if ((seen.get(type) ?? 0) > 1) problems.error('components', `At most one ${type} component (${MTC})`);
	}
}

function checkHeader(header: Record<string, unknown>, at: string, category: TemplateCategory, format: ParameterFormat, problems: TemplateProblems): void {
	if (category === 'AUTHENTICATION') {
		problems.error(at, `AUTHENTICATION templates have no header (${AUTH})`);
		return;
	}
	const headerFormat = String(header.format ?? '').toUpperCase();
	if (!(HEADER_FORMATS as readonly string[]).includes(headerFormat)) {
		problems.error(`${at}.format`, `Must be one of ${HEADER_FORMATS.join(', ')} (${MTC})`);
		return;
	}
	if (headerFormat === 'TEXT') {
		const text = checkText(header.text, `${at}.text`, L.headerTextMax, problems);
		if (text === undefined) return;
		const count = checkVariables(text, `${at}.text`, format, problems);
		if (count > L.headerVariablesMax) problems.error(`${at}.text`, `A text header holds at most ${L.headerVariablesMax} variable (${MTC})`);
		const example = isRecord(header.example) ? header.example : {};
		const examples = format === 'NAMED' ? example.header_text_named_params : example.header_text;
		const samples = Array.isArray(examples) ? examples.map((e) => (isRecord(e) ? e.example : e)) : [];
		if (count > 0 && !(samples.length === count && samples.every(isSample))) {
			problems.error(`${at}.example`, `A header with a variable needs its sample value in example.${format === 'NAMED' ? 'header_text_named_params' : 'header_text'} (${MTC})`);
		}
	} else if (headerFormat !== 'LOCATION') {
		const handle = isRecord(header.example) ? header.example.header_handle : undefined;
		if (!(Array.isArray(handle) && typeof handle[0] === 'string' && handle[0] !== '')) {
			problems.error(`${at}.example.header_handle`, `A ${headerFormat} header needs a sample file's handle from the Resumable Upload API (${MTC})`);
		}
	}
}

function checkBody(body: Record<string, unknown>, at: string, category: TemplateCategory, format: ParameterFormat, problems: TemplateProblems): void {
	if (category === 'AUTHENTICATION') {
		// AUTH: Meta writes the body ("<code> is your verification code."); only the security line is chosen.
		if (body.text !== undefined) problems.error(`${at}.text`, `AUTHENTICATION bodies are Meta's fixed text; leave text out (${AUTH})`);
		if (body.add_security_recommendation !== undefined && typeof body.add_security_recommendation !== 'boolean') {
			problems.error(`${at}.add_security_recommendation`, 'Must be true or false');
		}
		return;
	}
	const text = checkText(body.text, `${at}.text`, L.bodyTextMax, problems);
	if (text === undefined) return;
	const count = checkVariables(text, `${at}.text`, format, problems);
	if (count === 0) return;
	const example = isRecord(body.example) ? body.example : {};
	if (format === 'NAMED') {
		const names = templateVariables(text).named;
		const given = Array.isArray(example.body_text_named_params)
			? example.body_text_named_params.filter((p) => isRecord(p) && isSample(p.example)).map((p) => String((p as Record<string, unknown>).param_name ?? ''))
			: [];
		const missing = [...new Set(names)].filter((name) => !given.includes(name));
		if (missing.length > 0) problems.error(`${at}.example.body_text_named_params`, `Sample values are missing for ${missing.map((m) => `{{${m}}}`).join(', ')} (${MTC})`);
	} else {
		const row = Array.isArray(example.body_text) && Array.isArray(example.body_text[0]) ? example.body_text[0] : undefined;
		if (!row || row.length !== count || !row.every(isSample)) {
			problems.error(`${at}.example.body_text`, `The body has ${count} variable${count === 1 ? '' : 's'}: give exactly ${count} sample value${count === 1 ? '' : 's'} in example.body_text[0] (${MTC})`);
		}
	}
	// Review (message-templates/guidelines, common rejection reasons): variables at the very start or end, or side by side.
	const trimmed = text.trim();
	if (/^\{\{[^{}]*\}\}/.test(trimmed) || /\{\{[^{}]*\}\}[.!?]?$/.test(trimmed)) problems.warning(`${at}.text`, 'Review tends to reject a body that starts or ends with a variable');
	if (/\}\}\s*\{\{/.test(text)) problems.warning(`${at}.text`, 'Review tends to reject variables with nothing between them');
}

function checkFooter(footer: Record<string, unknown>, at: string, category: TemplateCategory, problems: TemplateProblems): void {
	if (category === 'AUTHENTICATION') {
		const minutes = footer.code_expiration_minutes;
		if (footer.text !== undefined) problems.error(`${at}.text`, `AUTHENTICATION footers are Meta's expiry line; set code_expiration_minutes instead (${AUTH})`);
		if (minutes !== undefined && !(Number.isInteger(minutes) && (minutes as number) >= L.codeExpirationMinutesMin && (minutes as number) <= L.codeExpirationMinutesMax)) {
			problems.error(`${at}.code_expiration_minutes`, `A whole number from ${L.codeExpirationMinutesMin} to ${L.codeExpirationMinutesMax} (${AUTH})`);
		}
		return;
	}
	const text = checkText(footer.text, `${at}.text`, L.footerTextMax, problems);
	if (text !== undefined && /\{\{[^{}]*\}\}/.test(text)) problems.error(`${at}.text`, `Footers cannot hold variables (${MTC})`);
}

/** A sample value Meta's review can read: non-empty text. */
function isSample(value: unknown): boolean {
	return typeof value === 'string' && value.trim() !== '';
}

function checkText(text: unknown, at: string, max: number, problems: TemplateProblems): string | undefined {
	if (typeof text !== 'string' || text.trim() === '') {
		problems.error(at, 'Text is required');
		return undefined;
	}
	if (textLength(text) > max) problems.error(at, `At most ${max} characters (it has ${textLength(text)}) (${MTC})`);
	return text;
}

/** Checks the placeholders against the parameter format; returns how many distinct variables the text has. */
function checkVariables(text: string, at: string, format: ParameterFormat, problems: TemplateProblems): number {
	const { positional, named, malformed } = templateVariables(text);
	for (const bad of malformed) problems.error(at, `${bad} is not a variable: use {{1}}, {{2}} … or lowercase names like {{first_name}} (${MT})`);
	if (format === 'POSITIONAL' && named.length > 0) problems.error(at, `Named variables such as {{${named[0]}}} need parameter_format NAMED (${MT})`);
	if (format === 'NAMED' && positional.length > 0) problems.error(at, `Numbered variables cannot be used with parameter_format NAMED (${MT})`);
	if (format === 'POSITIONAL') {
		const distinct = [...new Set(positional)].sort((a, b) => a - b);
		if (distinct.some((n, i) => n !== i + 1)) problems.error(at, `Numbered variables run {{1}}, {{2}} … without gaps (it has ${distinct.map((n) => `{{${n}}}`).join(', ')}) (${MT})`);
		return distinct.length;
	}
	return new Set(named).size;
}
