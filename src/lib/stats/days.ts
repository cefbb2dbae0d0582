/**
 * Local calendar days for the statistics. Days are counted from calendar fields (year, month, date), never by
 * dividing milliseconds by 86 400 000, so a day with a daylight-saving change is still one day.
 */

/**
 * The local calendar day of an instant, as YYYY-MM-DD (the same day string as the scheduler's `localDay`, which
 * is not reused because its module loads ts-fsrs and the statistics page does not need the scheduler).
 */
export function dayKey(instant: Date | number): string {
	const d = typeof instant === 'number' ? new Date(instant) : instant;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight `days` calendar days after the day containing `instant` (negative: before). */
export function addDays(instant: Date, days: number): Date {
	return new Date(instant.getFullYear(), instant.getMonth(), instant.getDate() + days);
}

/** Whole calendar days from `a`'s local day to `b`'s (negative when `b` is earlier). */
export function daysBetween(a: Date | number, b: Date | number): number {
	const utc = (x: Date | number) => {
		const d = typeof x === 'number' ? new Date(x) : x;
		return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
	};
	return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/** Local midnight of the Monday that starts the week containing `instant` (ISO 8601 weeks start on Monday). */
export function startOfWeek(instant: Date | number): Date {
	const d = typeof instant === 'number' ? new Date(instant) : instant;
	const sinceMonday = (d.getDay() + 6) % 7;
	return addDays(d, -sinceMonday);
}
