/** What a consent column says "yes" with, compared without case and surrounding spaces. */
export const DEFAULT_CONSENT_VALUES = ['yes', 'y', 'true', '1', 'opt-in', 'opt_in', 'opted in', 'opted_in', 'subscribed', 'x', '✓', '✔'];

/**
 * Whether an item's consent field says yes. Only an explicit yes counts: missing, empty, "no" and anything
 * unrecognised mean no consent, so a typo never sends marketing to someone who did not ask for it.
 */
export function saysYes(value: unknown, accepted: readonly string[] = DEFAULT_CONSENT_VALUES): boolean {
	if (value === true) return true;
	if (typeof value === 'number') return value === 1;
	if (typeof value !== 'string') return false;
	const text = value.trim().toLowerCase();
	return text !== '' && accepted.some((yes) => yes.trim().toLowerCase() === text);
}

/** Comma-separated accepted values, as the node's option gives them. */
export function parseConsentValues(text: string): string[] {
	const values = text.split(',').map((value) => value.trim()).filter((value) => value !== '');
	return values.length > 0 ? values : DEFAULT_CONSENT_VALUES;
}
