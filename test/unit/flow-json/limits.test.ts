// The limits table: one per publishable version, every limit citing the Meta page it comes from.
import { FLOW_JSON_LIMITS, PUBLISHABLE_FLOW_JSON_VERSIONS, type Limit } from '../../../nodes/shared/flow-json';

function everyLimit(value: unknown, path: string, out: [string, Limit][]): [string, Limit][] {
	if (typeof value !== 'object' || value === null) return out;
	const record = value as Record<string, unknown>;
	if (typeof record.value === 'number' && typeof record.doc === 'string') out.push([path, record as unknown as Limit]);
	else for (const [key, child] of Object.entries(record)) everyLimit(child, path === '' ? key : `${path}.${key}`, out);
	return out;
}

describe('the limits table', () => {
	it('has a table for each publishable version, 5.1 to 7.3', () => {
		expect(Object.keys(FLOW_JSON_LIMITS)).toEqual([...PUBLISHABLE_FLOW_JSON_VERSIONS]);
		expect(PUBLISHABLE_FLOW_JSON_VERSIONS).toEqual(['5.1', '6.0', '6.1', '6.2', '6.3', '7.0', '7.1', '7.2', '7.3']);
	});

	it.each(PUBLISHABLE_FLOW_JSON_VERSIONS)('%s: every limit is a number and cites a WhatsApp Flows page of Meta', (version) => {
		const limits = everyLimit(FLOW_JSON_LIMITS[version], '', []);
		expect(limits.length).toBeGreaterThan(60);
		for (const [path, limit] of limits) {
			expect({ path, ok: Number.isInteger(limit.value) && limit.value >= 0 }).toEqual({ path, ok: true });
			expect(limit.doc).toMatch(/^https:\/\/developers\.facebook\.com\/docs\/whatsapp\/flows\/(reference\/(flowjson|components|media_upload|error-codes)|changelogs)/);
		}
	});

	it("holds Meta's documented values", () => {
		const t = FLOW_JSON_LIMITS['7.3'];
		expect(t.counts.componentsPerScreen.value).toBe(50);
		expect(t.counts.screensPerFlow.value).toBe(100);
		expect(t.counts.routingBranchesPerScreen.value).toBe(10);
		expect(t.perScreen.Footer.value).toBe(1);
		expect(t.perScreen.OptIn.value).toBe(5);
		expect(t.textLength.TextHeading.text.value).toBe(80);
		expect(t.textLength.TextBody.text.value).toBe(4096);
		expect(t.textLength.TextCaption.text.value).toBe(409);
		expect(t.textLength.TextInput.label.value).toBe(20);
		expect(t.textLength.Footer.label.value).toBe(35);
		expect(t.items.Dropdown['data-source'].max.value).toBe(200);
		expect(t.dropdownOptionsWithImages.value).toBe(100);
		expect(t.items.ChipsSelector['data-source'].min.value).toBe(2);
		expect(t.integerRange.PhotoPicker['max-file-size-kb'].max.value).toBe(25600);
	});

	it('records what changed between versions: option images 300 KB before 6.0, 100 KB after', () => {
		expect(FLOW_JSON_LIMITS['5.1'].imageKb.Dropdown['data-source.image'].value).toBe(300);
		for (const version of PUBLISHABLE_FLOW_JSON_VERSIONS.filter((v) => v !== '5.1')) {
			expect(FLOW_JSON_LIMITS[version].imageKb.Dropdown['data-source.image'].value).toBe(100);
		}
	});
});
