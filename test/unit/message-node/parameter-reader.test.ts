import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { jsonPathOf, locatorValue, parameterReaders } from '../../../nodes/WhatsAppFlows/actions/message/parameter-reader';

describe('jsonPathOf: expressions that only read the item', () => {
	it.each([
		['={{ $json.phone }}', ['phone']],
		['={{$json.contact.phone}}', ['contact', 'phone']],
		['={{ $json["opt in"] }}', ['opt in']],
		["={{ $json['opt-in'] }}", ['opt-in']],
		['={{ $json.rows[0].id }}', ['rows', '0', 'id']],
	])('%s → %j', (raw, path) => {
		expect(jsonPathOf(raw)).toEqual(path);
	});

	it.each(['={{ $json.phone.trim() }}', '={{ $json.a || $json.b }}', '=+{{ $json.phone }}', '{{ $json.phone }}', '={{ $("Sheet").item.json.phone }}', 42])(
		'%j is left to n8n',
		(raw) => {
			expect(jsonPathOf(raw)).toBeUndefined();
		},
	);
});

describe('parameterReaders', () => {
	const items: INodeExecutionData[] = [{ json: { phone: '+1 555 0100', contact: { ok: 'yes' } } }, { json: { phone: 15550101 } }];

	function fakeContext(parameters: Record<string, unknown>) {
		const calls: Array<[string, number]> = [];
		const context = {
			getNode: () => ({ parameters }),
			getInputData: () => items,
			getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
				calls.push([name, itemIndex]);
				const value = parameters[name];
				return typeof value === 'string' && value.startsWith('=') ? `evaluated ${name} for ${itemIndex}` : (value ?? fallback);
			},
		} as unknown as IExecuteFunctions;
		return { context, calls };
	}

	it('resolves a parameter without expressions once for all items', () => {
		const { context, calls } = fakeContext({ templateName: 'promo', options: { previewUrl: true } });
		const readers = parameterReaders(context);
		expect(readers(0)('templateName')).toBe('promo');
		expect(readers(1)('templateName')).toBe('promo');
		expect(readers(1)('options')).toEqual({ previewUrl: true });
		expect(calls).toEqual([['templateName', 0], ['options', 1]]);
	});

	it('reads {{ $json.x }} from the item itself, as n8n would, and leaves other expressions to n8n', () => {
		const { context, calls } = fakeContext({ to: '={{ $json.phone }}', consent: '={{ $json.contact.ok }}', text: '=Hi {{ $json.name }}' });
		const readers = parameterReaders(context);
		expect(readers(0)('to')).toBe('+1 555 0100');
		expect(readers(1)('to')).toBe(15550101);
		expect(readers(0)('consent')).toBe('yes');
		expect(readers(1)('consent')).toBeUndefined();
		expect(readers(1)('text')).toBe('evaluated text for 1');
		expect(calls).toEqual([['text', 1]]);
	});
});

describe('locatorValue', () => {
	it('reads a resource locator\'s value, and passes a plain value through', () => {
		expect(locatorValue({ __rl: true, mode: 'list', value: '5000000000000001' })).toBe('5000000000000001');
		expect(locatorValue('5000000000000001')).toBe('5000000000000001');
	});
});
