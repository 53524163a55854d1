// How long the local Flow JSON validator takes on large flows, against JSON.parse of the same text as the baseline.
//   node -r ./test/sandbox/ts-register.cjs scripts/bench-flow-json.ts
import { validateFlowJson } from '../nodes/shared/flow-json';

function flowOf(screenCount: number): string {
	const id = (k: number) => `SCREEN_${String.fromCharCode(65 + Math.floor(k / 26))}${String.fromCharCode(65 + (k % 26))}`;
	const screens = Array.from({ length: screenCount }, (_, k) => {
		const last = k === screenCount - 1;
		return {
			id: id(k),
			title: `Step ${k + 1}`,
			...(last ? { terminal: true } : {}),
			data: { intro: { type: 'string', __example__: 'Hello' } },
			layout: {
				type: 'SingleColumnLayout',
				children: [
					{ type: 'TextHeading', text: '${data.intro}' },
					{ type: 'TextBody', text: 'Please answer the questions below. '.repeat(4) },
					{ type: 'TextInput', name: `name_${k}`, label: 'Your name', 'input-type': 'text', required: true },
					{ type: 'TextArea', name: `note_${k}`, label: 'Notes' },
					{ type: 'Dropdown', name: `size_${k}`, label: 'Size', 'data-source': Array.from({ length: 20 }, (_, o) => ({ id: `o${o}`, title: `Option ${o}` })) },
					{ type: 'RadioButtonsGroup', name: `pick_${k}`, label: 'Pick one', 'data-source': Array.from({ length: 5 }, (_, o) => ({ id: `r${o}`, title: `Choice ${o}` })) },
					{ type: 'OptIn', name: `agree_${k}`, label: 'I agree' },
					{ type: 'If', condition: `\${form.agree_${k}}`, then: [{ type: 'TextCaption', text: 'Thanks' }], else: [{ type: 'TextCaption', text: 'Please agree' }] },
					{
						type: 'Footer',
						label: last ? 'Submit' : 'Next',
						'on-click-action': last
							? { name: 'complete', payload: { name: `\${screen.${id(0)}.form.name_0}` } }
							: { name: 'navigate', next: { type: 'screen', name: id(k + 1) }, payload: { intro: `\${form.name_${k}}` } },
					},
				],
			},
		};
	});
	return JSON.stringify({ version: '7.3', screens }, null, 2);
}

function median(run: () => void, times: number): number {
	const samples: number[] = [];
	for (let k = 0; k < times; k += 1) {
		const start = process.hrtime.bigint();
		run();
		samples.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}

for (const screens of [10, 100]) {
	const text = flowOf(screens);
	const report = validateFlowJson(text);
	if (!report.valid) throw new Error(`the benchmark flow should be valid:\n${report.errors.map((e) => `${e.rule} ${e.pointer}`).join('\n')}`);
	for (let k = 0; k < 20; k += 1) validateFlowJson(text); // warm up
	const baseline = median(() => JSON.parse(text), 51);
	const validate = median(() => validateFlowJson(text), 51);
	console.log(
		`${screens} screens (${(text.length / 1024).toFixed(0)} KB, ${screens * 11} components): validate ${validate.toFixed(2)} ms, JSON.parse ${baseline.toFixed(2)} ms, ratio ${(validate / baseline).toFixed(1)}x`,
	);
}
