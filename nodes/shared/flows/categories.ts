/**
 * Flow categories: at least one is required when creating a Flow.
 * Meta: whatsapp/flows/reference/flowsapi ("categories": SIGN_UP … OTHER).
 */
export const FLOW_CATEGORIES = [
	'SIGN_UP',
	'SIGN_IN',
	'APPOINTMENT_BOOKING',
	'LEAD_GENERATION',
	'CONTACT_US',
	'CUSTOMER_SUPPORT',
	'SURVEY',
	'OTHER',
] as const;

export type FlowCategory = (typeof FLOW_CATEGORIES)[number];

/** Checks a list of categories: at least one, each one of Meta's. Duplicates are dropped. */
export function flowCategories(values: readonly string[]): FlowCategory[] {
	const unique = [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
	if (unique.length === 0) throw new Error('Categories: choose at least one Flow category (Meta requires one).');
	for (const value of unique) {
		if (!(FLOW_CATEGORIES as readonly string[]).includes(value)) {
			throw new Error(`Categories: "${value}" is not a Flow category; use one of ${FLOW_CATEGORIES.join(', ')}.`);
		}
	}
	return unique as FlowCategory[];
}
