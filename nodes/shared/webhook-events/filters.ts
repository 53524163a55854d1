import type { WebhookEvent } from './types';

// Which events a trigger passes on. Types are exact ("status.failed") or families ("status.*"); "other" is every
// type outside the families below (account_update, phone_number_quality_update, …).

export const EVENT_FAMILIES = ['message', 'status', 'flow', 'template', 'consent'] as const;

export interface EventFilter {
	/** Empty: every type. */
	types: readonly string[];
	/** Phone number ids; empty: every number. Events of no phone number (templates, flows) always pass. */
	phoneNumberIds: readonly string[];
}

function familyOf(type: string): string {
	return type.split('.')[0];
}

export function typeMatches(type: string, patterns: readonly string[]): boolean {
	if (patterns.length === 0) return true;
	return patterns.some((pattern) => {
		if (pattern === type) return true;
		if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
		if (pattern === 'other') return !(EVENT_FAMILIES as readonly string[]).includes(familyOf(type));
		return false;
	});
}

export function passesFilter(event: WebhookEvent, filter: EventFilter): boolean {
	if (!typeMatches(event.type, filter.types)) return false;
	if (filter.phoneNumberIds.length === 0 || event.phoneNumberId === null) return true;
	return filter.phoneNumberIds.includes(event.phoneNumberId);
}

/** "123, 456" or "123\n456" → ["123", "456"]. */
export function parseList(text: string): string[] {
	return text
		.split(/[\s,;]+/)
		.map((part) => part.trim())
		.filter((part) => part !== '');
}
