// Input rules the app enforces before it runs a Footer action (developers.facebook.com/docs/whatsapp/flows/reference/
// components: TextInput input-type / min-chars / max-chars (default 80) / pattern (6.2+), TextArea max-length
// (default 600), choices from data-source, min/max-selected-items, DatePicker / CalendarPicker min-date, max-date,
// unavailable-dates, include-days, min-days, max-days; OptIn required means ticked). The rules are Meta's; the
// messages are this simulator's own wording (the app's exact texts are not documented).
import { valueKind } from './component-kinds';
import { dayNumber, weekday } from './dates';
import { truthy } from './expression';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import type { RenderedComponent } from './layout';

export const MESSAGES = {
	required: 'This field is required',
	email: 'Enter a valid email address',
	number: 'Enter a number',
	passcode: 'Enter digits only',
	phone: 'Enter a valid phone number',
	pattern: 'Invalid format',
	notAnOption: 'Not one of the options',
	optionDisabled: 'This option is not available',
	date: 'Enter a date as YYYY-MM-DD',
	dateUnavailable: 'This date is not available',
} as const;

const chars = (s: string): number => [...s].length;
const num = (v: JsonValue | undefined): number | undefined =>
	typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined;

/** Whether the value is what the component holds at all (a UI cannot produce anything else). */
export function valueFits(type: string, value: JsonValue): boolean {
	switch (valueKind(type)) {
		case 'text':
		case 'single-choice':
		case 'date':
			return typeof value === 'string';
		case 'multi-choice':
			return Array.isArray(value) && value.every((v) => typeof v === 'string');
		case 'boolean':
			return typeof value === 'boolean';
		case 'calendar':
			return typeof value === 'string' || (isJsonObject(value) && Object.values(value).every((v) => typeof v === 'string'));
		case 'media':
			return Array.isArray(value);
		default:
			return false;
	}
}

function isEmpty(value: JsonValue | undefined): boolean {
	return value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

function requiredFlag(props: JsonObject): boolean {
	return props.required !== undefined && !isJsonObject(props.required) && truthy(props.required);
}

function textProblem(props: JsonObject, type: string, value: string): string | undefined {
	if (value === '') return undefined;
	const inputType = typeof props['input-type'] === 'string' ? props['input-type'] : 'text';
	if (type === 'TextInput') {
		if (inputType === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return MESSAGES.email;
		if (inputType === 'number' && !/^-?\d+([.,]\d+)?$/.test(value)) return MESSAGES.number;
		if (inputType === 'passcode' && !/^\d+$/.test(value)) return MESSAGES.passcode;
		if (inputType === 'phone') {
			const digits = value.replace(/\D/g, '').length;
			if (!/^\+?[\d\s().-]+$/.test(value) || digits < 5 || digits > 15) return MESSAGES.phone;
		}
		const min = num(props['min-chars']);
		const max = num(props['max-chars']) ?? 80;
		if (min !== undefined && chars(value) < min) return `Enter at least ${min} characters`;
		if (chars(value) > max) return `Enter at most ${max} characters`;
		// pattern (6.2+): read as a whole-value match, like the platforms' Regex.matches (an unconfirmed reading).
		if (typeof props.pattern === 'string' && !new RegExp(`^(?:${props.pattern})$`).test(value)) return MESSAGES.pattern;
	} else {
		const max = num(props['max-length']) ?? 600;
		if (chars(value) > max) return `Enter at most ${max} characters`;
	}
	return undefined;
}

function optionIds(props: JsonObject): Map<string, boolean> {
	const ids = new Map<string, boolean>();
	const source = props['data-source'];
	if (Array.isArray(source)) {
		for (const item of source) if (isJsonObject(item) && typeof item.id === 'string') ids.set(item.id, item.enabled !== false);
	}
	return ids;
}

function choiceProblem(props: JsonObject, chosen: string[]): string | undefined {
	const ids = optionIds(props);
	for (const id of chosen) {
		if (!ids.has(id)) return `${MESSAGES.notAnOption}: ${id}`;
		if (ids.get(id) === false) return `${MESSAGES.optionDisabled}: ${id}`;
	}
	return undefined;
}

function dateProblem(props: JsonObject, value: string): string | undefined {
	const day = dayNumber(value);
	if (day === undefined) return MESSAGES.date;
	const min = typeof props['min-date'] === 'string' ? dayNumber(props['min-date']) : undefined;
	const max = typeof props['max-date'] === 'string' ? dayNumber(props['max-date']) : undefined;
	if (min !== undefined && day < min) return `Choose a date on or after ${props['min-date'] as string}`;
	if (max !== undefined && day > max) return `Choose a date on or before ${props['max-date'] as string}`;
	const unavailable = props['unavailable-dates'];
	if (Array.isArray(unavailable) && unavailable.includes(value)) return MESSAGES.dateUnavailable;
	const include = props['include-days'];
	if (Array.isArray(include) && include.length > 0 && !include.includes(weekday(day))) return MESSAGES.dateUnavailable;
	return undefined;
}

function calendarProblem(props: JsonObject, value: JsonValue): string | undefined {
	if (typeof value === 'string') return value === '' ? undefined : dateProblem(props, value);
	if (!isJsonObject(value)) return MESSAGES.date;
	const start = value['start-date'];
	const end = value['end-date'];
	for (const part of [start, end]) {
		if (typeof part === 'string' && part !== '') {
			const problem = dateProblem(props, part);
			if (problem) return problem;
		}
	}
	if (typeof start === 'string' && typeof end === 'string' && start !== '' && end !== '') {
		const span = (dayNumber(end) ?? 0) - (dayNumber(start) ?? 0);
		if (span < 0) return 'The end date is before the start date';
		const minDays = num(props['min-days']);
		const maxDays = num(props['max-days']);
		if (minDays !== undefined && span < minDays) return `Choose at least ${minDays} days`;
		if (maxDays !== undefined && span > maxDays) return `Choose at most ${maxDays} days`;
	}
	return undefined;
}

function requiredProblem(rc: RenderedComponent, value: JsonValue | undefined): string | undefined {
	const { props, type } = rc;
	if (type === 'CalendarPicker' && isJsonObject(props.required)) {
		const range = isJsonObject(value) ? value : {};
		for (const part of ['start-date', 'end-date']) {
			if (truthy(props.required[part]) && isEmpty(range[part])) return MESSAGES.required;
		}
		return undefined;
	}
	if (valueKind(type) === 'media') {
		const min = num(props[type === 'PhotoPicker' ? 'min-uploaded-photos' : 'min-uploaded-documents']) ?? 0;
		const count = Array.isArray(value) ? value.length : 0;
		return count < min ? `Add at least ${min} file${min === 1 ? '' : 's'}` : undefined;
	}
	return requiredFlag(props) && isEmpty(value) ? MESSAGES.required : undefined;
}

/** The message the field shows for this value, or undefined when it passes. `submitting` adds the required check. */
export function fieldProblem(rc: RenderedComponent, value: JsonValue | undefined, submitting: boolean): string | undefined {
	if (submitting) {
		const missing = requiredProblem(rc, value);
		if (missing) return missing;
	}
	if (value === undefined || value === null) return undefined;
	const { props, type } = rc;
	switch (valueKind(type)) {
		case 'text':
			return typeof value === 'string' ? textProblem(props, type, value) : undefined;
		case 'single-choice':
			return typeof value === 'string' && value !== '' ? choiceProblem(props, [value]) : undefined;
		case 'multi-choice': {
			const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
			const problem = choiceProblem(props, chosen);
			if (problem) return problem;
			if (new Set(chosen).size !== chosen.length) return 'An option is selected twice';
			const min = num(props['min-selected-items']);
			const max = num(props['max-selected-items']);
			if (submitting && min !== undefined && chosen.length > 0 && chosen.length < min) return `Select at least ${min}`;
			if (max !== undefined && chosen.length > max) return `Select at most ${max}`;
			return undefined;
		}
		case 'date':
			return typeof value === 'string' && value !== '' ? dateProblem(props, value) : undefined;
		case 'calendar':
			return calendarProblem(props, value);
		default:
			return undefined;
	}
}
