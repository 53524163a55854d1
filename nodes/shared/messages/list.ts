import { MessageFieldError, optionalText, requiredText, unique } from './field-checks';
import { interactiveParts } from './interactive-parts';
import { LIST_LIMITS } from './limits';
import type { MessageContent } from './envelope';

export interface ListRowInput {
	id?: unknown;
	title?: unknown;
	description?: unknown;
}

export interface ListInput {
	headerText?: unknown;
	body: unknown;
	footer?: unknown;
	button: unknown;
	sections: Array<{ title?: unknown; rows: ListRowInput[] }>;
}

/** An interactive list message (messages/interactive-list-messages); an empty row id takes the row's title. */
export function listContent(input: ListInput): MessageContent {
	const { sections } = input;
	if (sections.length === 0) throw new MessageFieldError('Rows', 'Rows: a list needs at least one row');
	if (sections.length > LIST_LIMITS.sectionsMax) {
		throw new MessageFieldError('Sections', `Sections: a list has at most ${LIST_LIMITS.sectionsMax} sections; it has ${sections.length}`);
	}
	const rowCount = sections.reduce((sum, section) => sum + section.rows.length, 0);
	if (rowCount > LIST_LIMITS.rowsMax) {
		throw new MessageFieldError('Rows', `Rows: a list has at most ${LIST_LIMITS.rowsMax} rows in all its sections; it has ${rowCount}`);
	}
	let rowNumber = 0;
	const built = sections.map((section, s) => {
		// "Required if the message has more than one section" (cloud-api/reference/messages "section object").
		const title =
			sections.length > 1
				? requiredText(`Section ${s + 1} Title`, section.title, LIST_LIMITS.sectionTitle)
				: optionalText(`Section ${s + 1} Title`, section.title, LIST_LIMITS.sectionTitle);
		if (section.rows.length === 0) throw new MessageFieldError(`Section ${s + 1}`, `Section ${s + 1} has no rows`);
		const rows = section.rows.map((row) => {
			rowNumber++;
			const rowTitle = requiredText(`Row ${rowNumber} Title`, row.title, LIST_LIMITS.rowTitle);
			const rawId = typeof row.id === 'string' ? row.id.trim() : row.id === undefined || row.id === null ? '' : String(row.id);
			const id = requiredText(`Row ${rowNumber} ID`, rawId === '' ? rowTitle : rawId, LIST_LIMITS.rowId);
			const description = optionalText(`Row ${rowNumber} Description`, row.description, LIST_LIMITS.rowDescription);
			return { id, title: rowTitle, ...(description !== undefined ? { description } : {}) };
		});
		return { ...(title !== undefined ? { title } : {}), rows };
	});
	unique('Rows', built.flatMap((section) => section.rows.map((row) => row.id)), 'Row IDs');
	const headerText = optionalText('Header Text', input.headerText, LIST_LIMITS.headerText);
	return {
		type: 'interactive',
		object: {
			type: 'list',
			...interactiveParts(
				{ header: headerText === undefined ? undefined : { kind: 'text', text: headerText }, body: input.body, footer: input.footer },
				{ ...LIST_LIMITS, headerKinds: ['none', 'text'] },
			),
			action: { button: requiredText('Button Text', input.button, LIST_LIMITS.button), sections: built },
		},
	};
}

/**
 * Rows given flat, each naming its section (as a sheet or a form holds them), grouped into sections in the order the
 * section titles first appear.
 */
export function sectionsFromRows(rows: Array<ListRowInput & { section?: unknown }>): ListInput['sections'] {
	const sections: Array<{ title?: unknown; rows: ListRowInput[] }> = [];
	const byTitle = new Map<string, { title?: unknown; rows: ListRowInput[] }>();
	for (const row of rows) {
		const key = typeof row.section === 'string' ? row.section.trim() : '';
		let section = byTitle.get(key);
		if (!section) {
			section = { ...(key !== '' ? { title: key } : {}), rows: [] };
			byTitle.set(key, section);
			sections.push(section);
		}
		section.rows.push({ id: row.id, title: row.title, description: row.description });
	}
	return sections;
}
