// Every fixture (≥ 10 per source, each following its API's documented schema) converts into Flow JSON our validator
// accepts as publishable; the output is pinned as a golden snapshot; every source question is either asked or
// named in a warning; together the fixtures cover every field type each source documents.
import { convertFormToFlow } from '../../../nodes/shared/forms';
import { FIXTURE_SOURCES, formFixtures, type FormFixture } from './support';

type Raw = Record<string, unknown>;
const records = (value: unknown): Raw[] => (Array.isArray(value) ? (value as Raw[]) : []);

/** The source's questions, read straight from the fixture (not through our readers): id, title, type. */
function sourceQuestions(fixture: FormFixture): Array<{ id: string; title: string; type: string }> {
	const json = fixture.json;
	switch (fixture.source) {
		case 'typeform': {
			const walk = (fields: Raw[]): Array<{ id: string; title: string; type: string }> =>
				fields.flatMap((field) => {
					const properties = (field.properties ?? {}) as Raw;
					if (['group', 'contact_info', 'address', 'inline_group'].includes(String(field.type))) return walk(records(properties.fields));
					if (field.type === 'statement') return [];
					return [{ id: String(field.id), title: String(field.title), type: String(field.type) }];
				});
			return walk(records(json.fields));
		}
		case 'google-forms':
			return records(json.items)
				.filter((item) => item.questionItem !== undefined || item.questionGroupItem !== undefined)
				.map((item) => {
					const question = ((item.questionItem as Raw | undefined)?.question ?? {}) as Raw;
					const kind = Object.keys(question).find((key) => key.endsWith('Question')) ?? 'questionGroupItem';
					return { id: String(question.questionId ?? item.itemId), title: String(item.title), type: kind };
				});
		case 'hubspot-v3':
		case 'hubspot-v2':
			return records(json[fixture.source === 'hubspot-v3' ? 'fieldGroups' : 'formFieldGroups'])
				.flatMap((group) => records(group.fields))
				.flatMap((field) => [field, ...records(field.dependentFields).map((d) => d.dependentField as Raw), ...records(field.dependentFieldFilters).map((d) => d.dependentFormField as Raw)])
				.map((field) => ({ id: String(field.name), title: String(field.label), type: String(field.fieldType) }));
		case 'generic':
			return records(json.fields)
				.filter((field) => field.type !== 'statement' && field.type !== 'page')
				.map((field) => ({ id: String(field.id ?? field.name), title: String(field.label), type: String(field.type) }));
	}
}

/** Field types each source documents (see each fixture's `_source`). */
const DOCUMENTED_TYPES: Record<FormFixture['source'], string[]> = {
	typeform: [
		'short_text', 'long_text', 'email', 'phone_number', 'number', 'website', 'multiple_choice', 'picture_choice', 'dropdown', 'yes_no', 'legal', 'date',
		'file_upload', 'opinion_scale', 'nps', 'rating', 'ranking', 'matrix', 'payment', 'calendly', 'multi_format',
	],
	'google-forms': ['choiceQuestion', 'textQuestion', 'scaleQuestion', 'dateQuestion', 'timeQuestion', 'fileUploadQuestion', 'ratingQuestion', 'questionGroupItem'],
	'hubspot-v3': ['single_line_text', 'multi_line_text', 'email', 'phone', 'mobile_phone', 'number', 'single_checkbox', 'multiple_checkboxes', 'dropdown', 'radio', 'datepicker', 'file', 'payment_link_radio'],
	'hubspot-v2': ['text', 'textarea', 'select', 'radio', 'checkbox', 'booleancheckbox', 'date', 'file', 'number', 'phonenumber'],
	generic: ['text', 'textarea', 'email', 'phone', 'number', 'url', 'radio', 'checkbox', 'dropdown', 'boolean', 'consent', 'date', 'file', 'photo'],
};

describe.each(FIXTURE_SOURCES)('%s fixtures', (source) => {
	const fixtures = formFixtures(source);

	it('are at least ten, each citing the API doc it follows', () => {
		expect(fixtures.length).toBeGreaterThanOrEqual(10);
		for (const fixture of fixtures) expect(fixture.json._source).toEqual(expect.stringMatching(/^(https:\/\/|nodes\/)/));
	});

	it('together cover every field type the source documents', () => {
		const seen = new Set(fixtures.flatMap((fixture) => sourceQuestions(fixture).map((q) => q.type)));
		expect(DOCUMENTED_TYPES[source].filter((type) => !seen.has(type))).toEqual([]);
	});

	it.each(fixtures.map((f) => [f.name, f] as const))('%s converts to publishable Flow JSON, nothing dropped silently', (_name, fixture) => {
		const converted = convertFormToFlow(fixture.json);
		expect(converted.validation.errors).toEqual([]);
		expect(converted.validation.publishable).toBe(true);
		const mapped = new Set(converted.fieldMap.fields.map((entry) => entry.source.id));
		const unaccounted = sourceQuestions(fixture).filter((q) => !mapped.has(q.id) && !converted.warnings.some((w) => w.includes(`"${q.title}"`)));
		expect(unaccounted).toEqual([]);
		expect({ form: converted.form, warnings: converted.warnings, fieldMap: converted.fieldMap, flowJson: converted.flowJson }).toMatchSnapshot();
	});
});
