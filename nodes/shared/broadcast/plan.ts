/** Why an item was passed over without a send. */
export type SkipReason = 'already_sent' | 'no_consent' | 'duplicate_recipient';

export const SKIP_EXPLANATIONS: Readonly<Record<SkipReason, string>> = {
	already_sent: 'The item already records a sent message (re-run of the same list).',
	no_consent: 'The consent field does not say yes.',
	duplicate_recipient: 'Another item of this broadcast goes, or already went, to the same WhatsApp number.',
};

/** Each input item, prepared: a message to send, an item passed over, or one that cannot be sent as it is. */
export type PreparedItem<M> =
	| { kind: 'send'; waId: string; message: M }
	| { kind: 'skip'; reason: SkipReason; waId?: string }
	| { kind: 'invalid'; error: unknown; waId?: string };

/**
 * Items to a number that another item already goes to, or already went to (an item skipped as already sent), are
 * passed over: one campaign message per person, also when the list is run again; and the pair rate is never tested.
 * Unless the broadcast sends every item.
 */
export function skipRepeatedRecipients<M>(items: Array<PreparedItem<M>>, oncePerNumber: boolean): Array<PreparedItem<M>> {
	if (!oncePerNumber) return items;
	const seen = new Set<string>();
	for (const item of items) if (item.kind === 'skip' && item.reason === 'already_sent' && item.waId) seen.add(item.waId);
	return items.map((item) => {
		if (item.kind !== 'send') return item;
		if (seen.has(item.waId)) return { kind: 'skip', reason: 'duplicate_recipient', waId: item.waId };
		seen.add(item.waId);
		return item;
	});
}
