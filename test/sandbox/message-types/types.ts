// What a message-type validator returns: the type's object as accepted, and how Meta treats it.
import type { GraphContext } from '../routes/types';

export interface ValidatedContent {
	/** The type's object (text, interactive, template, image, …) as accepted. */
	object: Record<string, unknown>;
	/**
	 * Free-form messages need the 24-hour customer service window; templates do not
	 * (cloud-api/guides/send-messages#customer-service-windows).
	 */
	freeForm: boolean;
	/** Pricing category for status webhooks: service inside the window, else the template's category. */
	category: 'service' | 'marketing' | 'utility' | 'authentication';
}

export type MessageValidator = (value: unknown, ctx: GraphContext) => ValidatedContent;

export function present(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

/** Length in characters (an emoji counts once), as Meta counts. */
export function chars(value: string): number {
	return [...value].length;
}
