// Pieces every reader builds the same way.
import type { FormOption, FormQuestion, QuestionBase } from '../model';

/** A yes / no question: two options whose values are what the sources store ("true" / "false"). */
export function yesNoQuestion(base: QuestionBase): FormQuestion {
	return { ...base, kind: 'yesNo', yes: { label: 'Yes', value: 'true' }, no: { label: 'No', value: 'false' } };
}

/** The options of a numeric scale from `from` to `to` (opinion scales, NPS, ratings, Google scale questions). */
export function scaleOptions(from: number, to: number): FormOption[] {
	const options: FormOption[] = [];
	for (let n = from; n <= to; n += 1) options.push({ label: String(n), value: String(n) });
	return options;
}
