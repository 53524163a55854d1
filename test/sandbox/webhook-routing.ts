// Where Meta sends a webhook (whatsapp/webhooks/override): for a supported field, to the alternate callback URL of
// the business phone number the event belongs to, else to that of its WABA, else to the app's callback URL; every
// other field (templates, flows, account-level fields) always to the app's callback URL. A payload whose changes
// belong to different URLs is split into one POST per URL (each with the entries and changes meant for it).

/** whatsapp/webhooks/override, "Supported webhook fields". */
export const OVERRIDABLE_FIELDS: ReadonlySet<string> = new Set([
	'messages',
	'message_echoes',
	'calls',
	'consumer_profile',
	'messaging_handovers',
	'standby',
	'group_lifecycle_update',
	'group_participants_update',
	'group_settings_update',
	'group_status_update',
	'smb_message_echoes',
	'smb_app_state_sync',
	'history',
	'account_settings_update',
]);

/** What routing needs to know of the sandbox's state. */
export interface RoutingState {
	appCallbackUrl: string | null;
	phoneOverride(phoneNumberId: string): string | undefined;
	wabaOverride(wabaId: string): string | undefined;
}

export function callbackUrlFor(routing: RoutingState, field: string, wabaId: string | undefined, phoneNumberId: string | undefined): string | null {
	if (OVERRIDABLE_FIELDS.has(field)) {
		const phone = phoneNumberId === undefined ? undefined : routing.phoneOverride(phoneNumberId);
		if (phone !== undefined) return phone;
		const waba = wabaId === undefined ? undefined : routing.wabaOverride(wabaId);
		if (waba !== undefined) return waba;
	}
	return routing.appCallbackUrl;
}

type Json = Record<string, unknown>;
const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface RoutedPayload {
	url: string | null;
	/** The `field` of its first change. */
	field: string;
	payload: unknown;
}

/** The payload as Meta would POST it: one part per callback URL, in the order of first appearance. */
export function routePayload(routing: RoutingState, payload: unknown): RoutedPayload[] {
	const entries = isJson(payload) && Array.isArray(payload.entry) ? payload.entry : undefined;
	const changesOf = (entry: unknown): unknown[] => (isJson(entry) && Array.isArray(entry.changes) ? entry.changes : []);
	if (entries === undefined || entries.every((entry) => changesOf(entry).length === 0)) {
		return [{ url: routing.appCallbackUrl, field: 'unknown', payload }];
	}
	const parts = new Map<string | null, { field: string; entries: Json[]; bySource: Map<unknown, Json> }>();
	for (const entry of entries) {
		const wabaId = isJson(entry) && typeof entry.id === 'string' ? entry.id : undefined;
		for (const change of changesOf(entry)) {
			const field = isJson(change) && typeof change.field === 'string' ? change.field : 'unknown';
			const value = isJson(change) && isJson(change.value) ? change.value : {};
			const metadata = isJson(value.metadata) ? value.metadata : {};
			const phoneNumberId = typeof metadata.phone_number_id === 'string' ? metadata.phone_number_id : undefined;
			const url = callbackUrlFor(routing, field, wabaId, phoneNumberId);
			const part = parts.get(url) ?? { field, entries: [], bySource: new Map<unknown, Json>() };
			parts.set(url, part);
			let target = part.bySource.get(entry);
			if (target === undefined) {
				target = { ...Object.fromEntries(Object.entries(entry as Json).filter(([key]) => key !== 'changes')), changes: [] };
				part.bySource.set(entry, target);
				part.entries.push(target);
			}
			(target.changes as unknown[]).push(change);
		}
	}
	return [...parts].map(([url, part]) => ({ url, field: part.field, payload: { ...(payload as Json), entry: part.entries } }));
}
