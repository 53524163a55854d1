// Google Forms API `forms.get` (https://developers.google.com/forms/api/reference/rest/v1/forms#Form): items[] of
// questionItem / questionGroupItem / pageBreakItem / textItem / imageItem / videoItem; a question's kind is the
// one member it carries (choiceQuestion RADIO | CHECKBOX | DROP_DOWN, textQuestion, scaleQuestion, dateQuestion,
// timeQuestion, fileUploadQuestion, ratingQuestion, rowQuestion). Page breaks start sections.
import { isRecord, numberOf, recordsOf, textOf, type JsonRecord } from '../../webhook-events/json';
import type { FormDefinition, FormOption, FormQuestion, FormRouting, FormSection, QuestionBase, SourceFieldRef } from '../model';
import { scaleOptions } from './shared';

/** An option's navigation (Option.goToAction / goToSectionId), kept until the sections are known. */
interface PendingGoTo {
	question: FormQuestion;
	option: string;
	action?: string;
	sectionId?: string;
}

function choiceQuestion(choice: JsonRecord, base: QuestionBase, warnings: string[], goTos: Array<Omit<PendingGoTo, 'question'>>): FormQuestion {
	const options: FormOption[] = [];
	for (const option of recordsOf(choice.options)) {
		if (option.isOther === true) {
			warnings.push(`"${base.source.title}": the "Other" free-text choice is not offered in the Flow.`);
			continue;
		}
		const value = textOf(option.value) ?? '';
		options.push({ label: value, value });
		if (isRecord(option.image)) warnings.push(`"${base.source.title}": the image of option "${value}" is not shown.`);
		if (option.goToAction !== undefined || option.goToSectionId !== undefined) goTos.push({ option: value, action: textOf(option.goToAction), sectionId: textOf(option.goToSectionId) });
	}
	const type = textOf(choice.type);
	const mode = type === 'CHECKBOX' ? 'multiple' : type === 'DROP_DOWN' ? 'dropdown' : 'single';
	return { ...base, kind: 'choice', mode, options };
}

const TIME_OF_DAY = '^([01][0-9]|2[0-3]):[0-5][0-9]$';


function questionOf(question: JsonRecord, title: string, description: string | undefined, warnings: string[], goTos: PendingGoTo[]): FormQuestion | undefined {
	const kind = Object.keys(question).find((key) => key.endsWith('Question')) ?? 'unknown';
	const source: SourceFieldRef = { id: textOf(question.questionId) ?? title, type: kind, title };
	const base = { source, label: title, required: question.required === true, description };
	const body = isRecord(question[kind]) ? question[kind] : {};
	switch (kind) {
		case 'choiceQuestion': {
			const found: Array<Omit<PendingGoTo, 'question'>> = [];
			const choice = choiceQuestion(body, base, warnings, found);
			for (const goTo of found) goTos.push({ ...goTo, question: choice });
			return choice;
		}
		case 'textQuestion':
			return { ...base, kind: 'text', inputType: 'text', multiline: body.paragraph === true };
		case 'scaleQuestion':
			return { ...base, kind: 'choice', mode: 'single', options: scaleOptions(numberOf(body.low) ?? 1, numberOf(body.high) ?? 5) };
		case 'ratingQuestion':
			return { ...base, kind: 'choice', mode: 'single', options: scaleOptions(1, numberOf(body.ratingScaleLevel) ?? 5) };
		case 'timeQuestion':
			if (body.duration === true) return undefined;
			return { ...base, kind: 'text', inputType: 'text', multiline: false, pattern: TIME_OF_DAY, description: description ?? 'HH:MM' };
		case 'dateQuestion':
			if (body.includeTime === true) warnings.push(`"${title}": only the day is asked; the time of day is not.`);
			if (body.includeYear === false) warnings.push(`"${title}": the Flow's date picker asks for the year too.`);
			return { ...base, kind: 'date' };
		case 'fileUploadQuestion': {
			const types = Array.isArray(body.types) ? body.types.map(String) : ['ANY'];
			const photos = types.length > 0 && types.every((t) => t === 'IMAGE');
			warnings.push(`"${title}": files picked in WhatsApp come back as Cloud API media ids, not Google Drive files.`);
			const maxSize = numberOf(body.maxFileSize);
			return {
				...base,
				kind: 'file',
				picker: photos ? 'photo' : 'document',
				maxFiles: numberOf(body.maxFiles),
				maxSizeKb: maxSize === undefined ? undefined : Math.floor(maxSize / 1024),
			};
		}
		default:
			return undefined;
	}
}

export function readGoogleForm(form: JsonRecord): FormDefinition {
	const warnings: string[] = [];
	const info = isRecord(form.info) ? form.info : {};
	const sections: FormSection[] = [];
	let section: FormSection = { items: [] };
	/** Page break item id → its section; the option navigations of each section. */
	const sectionsById = new Map<string, FormSection>();
	const goTosOf = new Map<FormSection, PendingGoTo[]>();
	const intro = textOf(info.description);
	if (intro !== undefined) section.items.push({ kind: 'statement', body: intro });
	for (const item of recordsOf(form.items)) {
		const title = textOf(item.title) ?? '';
		const description = textOf(item.description);
		if (isRecord(item.pageBreakItem)) {
			if (section.items.length > 0) sections.push(section);
			section = { title, items: [] };
			const id = textOf(item.itemId);
			if (id !== undefined) sectionsById.set(id, section);
			if (description !== undefined) section.items.push({ kind: 'statement', body: description });
			continue;
		}
		if (isRecord(item.textItem)) {
			section.items.push({ kind: 'statement', heading: title || undefined, body: description });
			continue;
		}
		if (isRecord(item.imageItem) || isRecord(item.videoItem)) {
			warnings.push(`"${title || 'untitled'}": ${isRecord(item.imageItem) ? 'images' : 'videos'} from the form are not shown in the Flow.`);
			continue;
		}
		if (isRecord(item.questionGroupItem)) {
			warnings.push(`"${title}" (grid) is not converted: a grid of questions has no Flow component.`);
			continue;
		}
		const question = isRecord(item.questionItem) && isRecord(item.questionItem.question) ? item.questionItem.question : undefined;
		const goTos: PendingGoTo[] = [];
		const converted = question === undefined ? undefined : questionOf(question, title, description, warnings, goTos);
		if (goTos.length > 0) goTosOf.set(section, [...(goTosOf.get(section) ?? []), ...goTos]);
		if (converted !== undefined && isRecord(item.questionItem) && isRecord(item.questionItem.image)) warnings.push(`"${title}": the question's image is not shown.`);
		if (converted === undefined) {
			const kind = question === undefined ? 'item' : (Object.keys(question).find((key) => key.endsWith('Question')) ?? 'question');
			warnings.push(`"${title}" (${kind}) is not converted: it has no Flow equivalent.`);
			continue;
		}
		section.items.push(converted);
	}
	if (section.items.length > 0) sections.push(section);
	const routings = googleRoutings(sections, sectionsById, goTosOf, warnings);
	return { source: 'googleForms', id: textOf(form.formId) ?? '', title: textOf(info.title) ?? textOf(info.documentTitle) ?? 'Form', sections, routings, warnings };
}

/**
 * Option navigation (Option.goToAction NEXT_SECTION | RESTART_FORM | SUBMIT_FORM, or goToSectionId = a page
 * break's item id) applies when the respondent leaves the section, so the route is taken after its last item.
 */
function googleRoutings(sections: FormSection[], byId: Map<string, FormSection>, goTosOf: Map<FormSection, PendingGoTo[]>, warnings: string[]): FormRouting[] {
	const routings: FormRouting[] = [];
	for (const [section, goTos] of goTosOf) {
		const after = section.items[section.items.length - 1];
		let routing: FormRouting | undefined;
		for (const goTo of goTos) {
			const warn = (why: string) => warnings.push(`"${goTo.question.source.title}": going to ${goTo.sectionId !== undefined ? `section ${goTo.sectionId}` : goTo.action ?? '?'} after "${goTo.option}" is not converted: ${why}; the sections are asked in order.`);
			if (routing !== undefined && routing.question !== goTo.question) {
				warn(`"${routing.question.source.title}" already decides where this section goes`);
				continue;
			}
			if (goTo.action === 'NEXT_SECTION' && goTo.sectionId === undefined) continue; // what the Flow does anyway
			if (goTo.action === 'RESTART_FORM') {
				warn('a Flow cannot go back to its first screen');
				continue;
			}
			const target = goTo.action === 'SUBMIT_FORM' ? 'end' : byId.get(goTo.sectionId ?? '')?.items[0];
			if (target === undefined || (target !== 'end' && !sections.some((s) => s.items[0] === target))) {
				warn(goTo.sectionId === undefined ? `"${goTo.action ?? '?'}" is not a Google Forms navigation` : 'that section is not in the form, or has nothing to ask');
				continue;
			}
			routing ??= { question: goTo.question, after, routes: [] };
			routing.routes.push({ when: { values: [goTo.option] }, to: target, describe: `"${goTo.option}" → ${target === 'end' ? 'submit' : `section ${goTo.sectionId ?? ''}`}` });
		}
		if (routing !== undefined) routings.push(routing);
	}
	return routings;
}
