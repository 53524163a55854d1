// Round trip for every fixture: convert → a simulated WhatsApp user (test/sandbox/client) fills every field it is
// shown and completes the flow → the completion is mapped back → every answer lands on its source field, in each
// target shape; questions a jump skipped have no answer. A form with jumps runs once per option of each deciding
// question, so every branch is taken.
import { convertFormToFlow, mapFlowResponse, type FieldMapEntry } from '../../../nodes/shared/forms';
import { allFormFixtures, decidingFields, fillEveryField, type FilledValue } from './support';

type Value = string | number | boolean | string[];

/** What the source should store for what the user entered, worked out from the field map by hand. */
function expectedValue(entry: FieldMapEntry, filled: FilledValue): Value | string[] {
	const option = (id: string) => entry.options?.find((o) => o.id === id)?.value ?? `unknown option ${id}`;
	switch (entry.kind) {
		case 'choice':
			return Array.isArray(filled) ? (filled as string[]).map(option) : option(filled as string);
		case 'yesNo':
			return option(filled as string) === 'true';
		case 'file':
			return (filled as Array<{ fileName: string }>).map((file) => file.fileName);
		case 'text':
			return entry.inputType === 'number' ? Number(filled) : (filled as string);
		default:
			return filled as Value;
	}
}

function asText(value: Value): string {
	if (Array.isArray(value)) return value.join(';');
	return String(value);
}

const fixtures = allFormFixtures();

/** One run per option of each deciding question (plus the plain run): every branch of every jump is taken. */
function runsOf(flowJson: Record<string, unknown>): Array<Record<string, string>> {
	return [{}, ...decidingFields(flowJson).flatMap((d) => d.options.map((id) => ({ [d.field]: id })))];
}

describe.each(fixtures.map((f) => [`${f.source}/${f.name}`, f] as const))('%s', (_name, fixture) => {
	const converted = convertFormToFlow(fixture.json);
	it.each(runsOf(converted.flowJson).map((choices) => [JSON.stringify(choices), choices] as const))('every answer a simulated user gives lands on its source field (choices %s)', async (_label, choices) => {
		const { response, filled } = await fillEveryField(converted.flowJson, undefined, choices);
		const map = converted.fieldMap;
		if (decidingFields(converted.flowJson).length === 0) expect(Object.keys(filled).sort()).toEqual(map.fields.map((e) => e.field).sort());
		const answered = map.fields.filter((e) => e.field in filled);

		const neutral = mapFlowResponse(response, map, 'sheetRow');
		expect(neutral.warnings).toEqual([]);
		// A question a jump skipped has no answer (a consent reads as not given).
		for (const entry of map.fields.filter((e) => !(e.field in filled))) {
			const answer = neutral.answers.find((a) => a.field === entry.field);
			expect({ field: entry.field, answer: answer?.value }).toEqual({ field: entry.field, answer: entry.kind === 'consent' ? false : undefined });
		}
		expect(neutral.flowToken).toBe('forms-test-token');
		for (const entry of answered) {
			const answer = neutral.answers.find((a) => a.field === entry.field);
			const expected = expectedValue(entry, filled[entry.field]);
			const actual = entry.kind === 'file' ? (answer?.value as Array<{ fileName: string }>).map((f) => f.fileName) : answer?.value;
			expect({ field: entry.source.id, value: actual }).toEqual({ field: entry.source.id, value: expected });
			expect(answer?.sourceId).toBe(entry.source.id);
		}

		// Sheet row: one column per source question, titled as in the form.
		const row = neutral.body;
		for (const entry of answered) {
			const cell = row[entry.source.title] ?? row[`${entry.source.title} (${entry.source.id})`];
			expect({ column: entry.source.title, filled: typeof cell === 'string' && cell !== '' }).toEqual({ column: entry.source.title, filled: true });
		}

		if (map.source === 'hubspotV3' || map.source === 'hubspotV2') {
			const body = mapFlowResponse(response, map, 'hubspot').body as { fields: Array<{ objectTypeId: string; name: string; value: string }>; legalConsentOptions?: { consent: Record<string, unknown> } };
			for (const entry of answered) {
				const expected = expectedValue(entry, filled[entry.field]);
				if (entry.source.type === 'consentToProcess') expect(body.legalConsentOptions?.consent.consentToProcess).toBe(true);
				else if (entry.source.type === 'communicationsCheckbox') expect(body.legalConsentOptions?.consent.communications).toContainEqual(expect.objectContaining({ value: true, text: entry.source.title }));
				else if (entry.kind !== 'file') expect(body.fields).toContainEqual({ objectTypeId: entry.source.objectTypeId, name: entry.source.name, value: asText(expected as Value) });
			}
		}
		if (map.source === 'typeform') {
			const body = mapFlowResponse(response, map, 'typeform').body as { answers: Array<Record<string, unknown> & { field: { id: string; ref?: string } }> };
			expect(body.answers.map((a) => a.field.id).sort()).toEqual(answered.map((e) => e.source.id).sort());
			for (const answer of body.answers) expect(answer.field.ref).toBe(map.fields.find((e) => e.source.id === answer.field.id)?.source.ref);
		}
		if (map.source === 'googleForms') {
			const body = mapFlowResponse(response, map, 'googleForms').body as { answers: Record<string, { textAnswers: { answers: Array<{ value: string }> } }> };
			expect(Object.keys(body.answers).sort()).toEqual(answered.map((e) => e.source.id).sort());
		}
	});
});
