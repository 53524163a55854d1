import { listContent, sectionsFromRows } from '../../../nodes/shared/messages/list';
import { replyButtonsContent } from '../../../nodes/shared/messages/reply-buttons';
import { LIST_LIMITS, REPLY_BUTTON_LIMITS } from '../../../nodes/shared/messages/limits';

const long = (n: number): string => 'x'.repeat(n);

describe('reply buttons (messages/interactive-reply-buttons-messages)', () => {
	it('builds Meta\'s interactive button object; an empty id takes the title', () => {
		expect(
			replyButtonsContent({
				header: { kind: 'text', text: 'Your booking' },
				body: 'Keep the 9:00 slot?',
				footer: 'Lucky Shrub',
				buttons: [{ id: 'keep', title: 'Keep' }, { title: 'Change' }],
			}),
		).toEqual({
			type: 'interactive',
			object: {
				type: 'button',
				header: { type: 'text', text: 'Your booking' },
				body: { text: 'Keep the 9:00 slot?' },
				footer: { text: 'Lucky Shrub' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'keep', title: 'Keep' } },
						{ type: 'reply', reply: { id: 'Change', title: 'Change' } },
					],
				},
			},
		});
	});

	it('takes an image header by link or uploaded media id', () => {
		const byLink = replyButtonsContent({ header: { kind: 'image', link: 'https://example.com/a.png' }, body: 'b', buttons: [{ title: 'OK' }] });
		expect(byLink.object.header).toEqual({ type: 'image', image: { link: 'https://example.com/a.png' } });
		const byId = replyButtonsContent({ header: { kind: 'document', mediaId: '123', filename: 'terms.pdf' }, body: 'b', buttons: [{ title: 'OK' }] });
		expect(byId.object.header).toEqual({ type: 'document', document: { id: '123', filename: 'terms.pdf' } });
	});

	it.each([
		['no buttons', { buttons: [] }, 'Buttons: a reply-buttons message has 1 to 3 buttons; it has 0'],
		['four buttons', { buttons: [{ title: 'a' }, { title: 'b' }, { title: 'c' }, { title: 'd' }] }, 'has 1 to 3 buttons; it has 4'],
		['a 21-character title', { buttons: [{ title: long(21) }] }, 'Button 1 Title is 21 characters long; Meta allows at most 20'],
		['a 257-character id', { buttons: [{ id: long(257), title: 'ok' }] }, 'Button 1 ID is 257 characters long; Meta allows at most 256'],
		['two equal titles', { buttons: [{ id: 'a', title: 'Yes' }, { id: 'b', title: 'Yes' }] }, 'Button titles must be unique; "Yes" appears twice'],
		['a 1,025-character body', { body: long(1025) }, 'Body Text is 1025 characters long; Meta allows at most 1024'],
		['a 61-character footer', { footer: long(61) }, 'Footer Text is 61 characters long; Meta allows at most 60'],
		['a 61-character header', { header: { kind: 'text' as const, text: long(61) } }, 'Header Text is 61 characters long'],
		['a blank body', { body: '  ' }, 'Body Text is required'],
		['a media header with both id and link', { header: { kind: 'image' as const, link: 'https://x/y.png', mediaId: '1' } }, 'exactly one of a media ID'],
	])('refuses %s, naming the field', (_what, override, message) => {
		expect(() => replyButtonsContent({ body: 'Hi', buttons: [{ title: 'OK' }], ...override })).toThrow(message);
	});

	it('counts an emoji as one character, as Meta does', () => {
		const title = '👍'.repeat(REPLY_BUTTON_LIMITS.buttonTitle);
		expect(() => replyButtonsContent({ body: 'b', buttons: [{ id: 'ok', title }] })).not.toThrow();
	});
});

describe('list messages (messages/interactive-list-messages)', () => {
	const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));

	it('builds sections and rows, header as text only', () => {
		const content = listContent({
			headerText: 'Shipping',
			body: 'Which option do you prefer?',
			button: 'Options',
			sections: [{ title: 'Fast', rows: [{ id: 'express', title: 'Express', description: 'Next day' }] }],
		});
		expect(content.object).toEqual({
			type: 'list',
			header: { type: 'text', text: 'Shipping' },
			body: { text: 'Which option do you prefer?' },
			action: { button: 'Options', sections: [{ title: 'Fast', rows: [{ id: 'express', title: 'Express', description: 'Next day' }] }] },
		});
	});

	it('allows a 4,096-character body (list messages, unlike reply buttons)', () => {
		expect(() => listContent({ body: long(LIST_LIMITS.body), button: 'b', sections: [{ rows: rows(1) }] })).not.toThrow();
		expect(() => listContent({ body: long(LIST_LIMITS.body + 1), button: 'b', sections: [{ rows: rows(1) }] })).toThrow('Body Text is 4097');
	});

	it.each([
		['11 rows over two sections', { sections: [{ title: 'a', rows: rows(6) }, { title: 'b', rows: rows(5).map((r) => ({ ...r, id: `b${r.id}` })) }] }, 'Rows: a list has at most 10 rows in all its sections; it has 11'],
		['11 sections', { sections: Array.from({ length: 11 }, (_, i) => ({ title: `s${i}`, rows: [{ id: `r${i}`, title: 't' }] })) }, 'Sections: a list has at most 10 sections; it has 11'],
		['two sections, one untitled', { sections: [{ title: 'a', rows: rows(1) }, { rows: [{ id: 'z', title: 'z' }] }] }, 'Section 2 Title is required'],
		['a 25-character row title', { sections: [{ rows: [{ id: 'a', title: long(25) }] }] }, 'Row 1 Title is 25 characters long; Meta allows at most 24'],
		['a 73-character description', { sections: [{ rows: [{ id: 'a', title: 'a', description: long(73) }] }] }, 'Row 1 Description is 73'],
		['a 201-character row id', { sections: [{ rows: [{ id: long(201), title: 'a' }] }] }, 'Row 1 ID is 201'],
		['a 21-character button', { button: long(21) }, 'Button Text is 21 characters long; Meta allows at most 20'],
		['repeated row ids', { sections: [{ rows: [{ id: 'a', title: 'a' }, { id: 'a', title: 'b' }] }] }, 'Row IDs must be unique; "a" appears twice'],
		['no rows', { sections: [] }, 'Rows: a list needs at least one row'],
	])('refuses %s, naming the field', (_what, override, message) => {
		expect(() => listContent({ body: 'b', button: 'Pick', sections: [{ rows: rows(1) }], ...override })).toThrow(message);
	});

	it('groups flat rows into sections by their section title, in order of first appearance', () => {
		expect(
			sectionsFromRows([
				{ section: 'Fast', id: 'x', title: 'Express' },
				{ section: 'Cheap', id: 'y', title: 'Ground' },
				{ section: 'Fast', id: 'z', title: 'Priority' },
			]),
		).toEqual([
			{ title: 'Fast', rows: [{ id: 'x', title: 'Express', description: undefined }, { id: 'z', title: 'Priority', description: undefined }] },
			{ title: 'Cheap', rows: [{ id: 'y', title: 'Ground', description: undefined }] },
		]);
	});
});
