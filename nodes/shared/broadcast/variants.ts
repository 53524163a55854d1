import { createHash } from 'node:crypto';

export interface Variant<T> {
	/** Goes into the output and the signed flow token (at most 16 characters there). */
	name: string;
	/** Relative share of recipients; need not sum to 100. */
	weight: number;
	value: T;
}

export const VARIANT_NAME_MAX = 16;

export class VariantError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'VariantError';
	}
}

export function checkVariants<T>(variants: Array<Variant<T>>): void {
	if (variants.length === 0) return;
	const names = new Set<string>();
	for (const [index, variant] of variants.entries()) {
		const at = `Variant ${index + 1}`;
		if (variant.name.trim() === '') throw new VariantError(`${at}: the name is required (e.g. "A")`);
		if (variant.name.length > VARIANT_NAME_MAX) throw new VariantError(`${at}: the name "${variant.name}" is longer than ${VARIANT_NAME_MAX} characters`);
		if (names.has(variant.name)) throw new VariantError(`${at}: the name "${variant.name}" is used twice`);
		names.add(variant.name);
		if (!Number.isFinite(variant.weight) || variant.weight < 0) throw new VariantError(`${at}: the weight must be a number ≥ 0`);
	}
	if (variants.every((variant) => variant.weight === 0)) throw new VariantError('Variants: at least one weight must be above 0');
}

/** A number in [0, 1) from SHA-256 of the experiment and the recipient: the same person always lands in the same place. */
export function stablePosition(experiment: string, recipient: string): number {
	const digest = createHash('sha256').update(`${experiment}\u0000${recipient}`).digest();
	return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * The variant of one recipient: by a stable hash of (experiment, wa_id) against the cumulative weights, so re-running
 * a broadcast (or sending a reminder) gives everyone the variant they had, and a share of w / Σw lands in each.
 */
export function pickVariant<T>(variants: Array<Variant<T>>, recipient: string, experiment: string): Variant<T> {
	const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
	const target = stablePosition(experiment, recipient) * total;
	let cumulative = 0;
	for (const variant of variants) {
		cumulative += variant.weight;
		if (target < cumulative) return variant;
	}
	return [...variants].reverse().find((variant) => variant.weight > 0) as Variant<T>;
}
