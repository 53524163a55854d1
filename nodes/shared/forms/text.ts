// Text that must fit Meta's character limits (the validator's table, nodes/shared/flow-json/limits.ts).

/** Cuts `text` to `max` characters at a word boundary when one is near, ending with "…". */
export function shorten(text: string, max: number): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space >= max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A lowercase identifier from a label: letters, digits and underscores. */
export function slug(text: string, max: number): string {
	const base = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
	return base.slice(0, max).replace(/_+$/, '');
}

/** Screen ids may hold only letters and underscores (flows/reference/error-codes): A, B, …, Z, AA, AB, … */
export function letters(index: number): string {
	let n = index;
	let out = '';
	do {
		out = String.fromCharCode(65 + (n % 26)) + out;
		n = Math.floor(n / 26) - 1;
	} while (n >= 0);
	return out;
}
