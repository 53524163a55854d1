import { listContent, sectionsFromRows, type ListInput } from '../../../shared/messages/list';
import { isJson, MessageFieldError, optionalObject, parseJson } from '../../../shared/messages/field-checks';
import { sendOperation } from './send-operation';

function sectionsFromJson(value: unknown): ListInput['sections'] {
	const parsed = typeof value === 'string' ? parseJson(value) : value;
	if (!isJson(parsed)) throw new MessageFieldError('Sections (JSON)', 'Sections (JSON) is not valid JSON');
	const list = Array.isArray(parsed) ? parsed : optionalObject('Sections (JSON)', parsed)?.sections;
	if (!Array.isArray(list)) throw new MessageFieldError('Sections (JSON)', 'Sections (JSON) must be an array of {title, rows: [{id, title, description}]}');
	return list.map((section, s) => {
		const record = optionalObject(`Sections (JSON) section ${s + 1}`, section) ?? {};
		const rows = Array.isArray(record.rows) ? record.rows : [];
		return { title: record.title, rows: rows.map((row, r) => optionalObject(`Sections (JSON) section ${s + 1} row ${r + 1}`, row) ?? {}) };
	});
}

export const sendList = sendOperation({
	operation: 'sendList',
	name: 'Send List',
	action: 'Send a list message',
	fields: [
		{ displayName: 'Body Text', name: 'bodyText', type: 'string', typeOptions: { rows: 3 }, default: '', required: true, description: 'Up to 4096 characters' },
		{ displayName: 'Button Text', name: 'buttonText', type: 'string', default: 'Options', required: true, description: 'The button that opens the list: up to 20 characters' },
		{
			displayName: 'Define Rows',
			name: 'rowSource',
			type: 'options',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json' },
			],
			default: 'fields',
		},
		{
			displayName: 'Rows',
			name: 'rows',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Row',
			default: {},
			displayOptions: { show: { rowSource: ['fields'] } },
			description: 'Up to ten rows in all; rows with the same section title are grouped under it',
			options: [
				{
					displayName: 'Row',
					name: 'row',
					values: [
						{ displayName: 'Section Title', name: 'section', type: 'string', default: '', description: 'Up to 24 characters; needed when there are several sections' },
						{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Up to 24 characters' },
						{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Up to 72 characters' },
						{ displayName: 'ID', name: 'id', type: 'string', default: '', description: 'Up to 200 characters; empty uses the title' },
					],
				},
			],
		},
		{
			displayName: 'Sections (JSON)',
			name: 'sectionsJson',
			type: 'json',
			default: '[{"title": "Options", "rows": [{"id": "a", "title": "Option A"}]}]',
			displayOptions: { show: { rowSource: ['json'] } },
			description: 'An array of sections, each with a title and rows, as in the default value',
		},
	],
	options: [
		{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', description: 'Up to 60 characters' },
		{ displayName: 'Footer Text', name: 'footerText', type: 'string', default: '', description: 'Up to 60 characters' },
	],
	async build({ param }) {
		const options = param<{ headerText?: string; footerText?: string }>('options', {});
		const fromJson = param('rowSource', 'fields') === 'json';
		const sections = fromJson
			? sectionsFromJson(param('sectionsJson', '[]'))
			: sectionsFromRows(param<{ row?: Array<Record<string, unknown>> }>('rows', {}).row ?? []);
		return {
			content: listContent({
				headerText: options.headerText,
				body: param('bodyText'),
				footer: options.footerText,
				button: param('buttonText'),
				sections,
			}),
		};
	},
});
