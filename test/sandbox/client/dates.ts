// Date values of DatePicker (5.0+) and CalendarPicker (6.1+): "YYYY-MM-DD" calendar dates, no time zone
// (developers.facebook.com/docs/whatsapp/flows/reference/components "DatePicker", "CalendarPicker").

const DAY_MS = 86_400_000;
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Days since 1970-01-01 for a valid "YYYY-MM-DD", else undefined. */
export function dayNumber(text: string): number | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!m) return undefined;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const ms = Date.UTC(y, mo - 1, d);
	const back = new Date(ms);
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
	return ms / DAY_MS;
}

export function weekday(day: number): (typeof WEEKDAYS)[number] {
	return WEEKDAYS[new Date(day * DAY_MS).getUTCDay()];
}
