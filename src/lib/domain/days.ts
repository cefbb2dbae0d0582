/**
 * Local days: the one place that turns instants into days and back (issue 12, §2.2 and §6). Pure: the time zone
 * and the hour a study day starts are passed in, so tests pin them and never depend on the machine's zone.
 *
 * A day is a whole number, the days since 1970-01-01 of the local date (day 0 is Thursday 1 January 1970).
 * It is computed from the local wall clock (instant + the zone's offset at that instant), never by dividing
 * elapsed milliseconds by 86 400 000, so a day with a daylight-saving change is still one day.
 *
 * A *study day* starts at `rolloverHour` local time, as in Anki ("Next day starts at", default 04:00): a review
 * at 02:00 belongs to the day before. A card is due today when its due instant falls in today's study day or
 * earlier, i.e. before the next rollover (`isDueToday`), so a card reviewed at 21:00 with a 1-day interval is
 * due from 04:00 the next day, not from 21:00.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;

/** Minutes east of UTC at an instant (epoch ms): +60 in Paris in winter, -300 in New York in winter. */
export type TimeZone = (at: number) => number;

/** This device's time zone, daylight saving included. */
export const deviceZone: TimeZone = (at) => -new Date(at).getTimezoneOffset();

/** How instants fall into days. */
export interface DayRule {
	/** Local hour (0-23) at which a new day starts; 0 for calendar days. */
	rolloverHour: number;
	zone: TimeZone;
}

/** Anki's default "Next day starts at" hour. */
export const DEFAULT_ROLLOVER_HOUR = 4;

/** Calendar days (midnight to midnight) in this device's zone: file names and dates a person typed. */
export const CALENDAR: DayRule = { rolloverHour: 0, zone: deviceZone };

/** Study days starting at `rolloverHour` (a setting), in `zone` (this device's by default). */
export function studyDays(rolloverHour: number, zone: TimeZone = deviceZone): DayRule {
	return { rolloverHour, zone };
}

/** "YYYY-MM-DD": the one pattern for a day typed or stored as text (seminar dates, backups). */
export const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

const time = (at: Date | number): number => (typeof at === 'number' ? at : at.getTime());

/**
 * `at` moved so that its UTC calendar date is its day under `rule`: the local wall clock, less the rollover
 * hour. For code that counts days by UTC dates (ts-fsrs's elapsed days), fed and read back through
 * `fromDayFrame`.
 */
export function toDayFrame(at: number, rule: DayRule): number {
	return at + rule.zone(at) * MINUTE - rule.rolloverHour * HOUR;
}

/** The instant a `toDayFrame` value stands for (exact except within the hour a daylight-saving change repeats). */
export function fromDayFrame(framed: number, rule: DayRule): number {
	const wall = framed + rule.rolloverHour * HOUR;
	const guess = wall - rule.zone(wall) * MINUTE;
	return wall - rule.zone(guess) * MINUTE;
}

/** The day `at` falls in under `rule`. */
export function dayOf(at: Date | number, rule: DayRule): number {
	return Math.floor(toDayFrame(time(at), rule) / DAY_MS);
}

/** The instant of `hour` o'clock local time on `day` (the earlier one when clocks go back). */
export function instantAt(day: number, hour: number, zone: TimeZone): number {
	// The offset at the wanted instant is not known before the instant is: fromDayFrame guesses with the offset
	// at the wall time read as UTC, then corrects once (exact except inside a daylight-saving gap).
	return fromDayFrame(day * DAY_MS + hour * HOUR, { rolloverHour: 0, zone });
}

/** The instant `day` starts under `rule` (its rollover hour). */
export function dayStart(day: number, rule: DayRule): number {
	return instantAt(day, rule.rolloverHour, rule.zone);
}

/** The instant today ends under `rule`: the next rollover after `now`. */
export function dayEnd(now: Date | number, rule: DayRule): number {
	return dayStart(dayOf(now, rule) + 1, rule);
}

/** Whether something due at `due` is due on `now`'s day (overdue included). */
export function isDueToday(due: number, now: Date | number, rule: DayRule): boolean {
	return dayOf(due, rule) <= dayOf(now, rule);
}

/** Whole days from `a`'s day to `b`'s (negative when `b` is earlier). */
export function daysBetween(a: Date | number, b: Date | number, rule: DayRule): number {
	return dayOf(b, rule) - dayOf(a, rule);
}

/** The Monday that starts the ISO 8601 week containing `day`. */
export function weekStart(day: number): number {
	// Day 0 (1 January 1970) was a Thursday, three days after a Monday.
	return day - ((((day + 3) % 7) + 7) % 7);
}

/** `day` as YYYY-MM-DD. */
export function dayKey(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day of `at` under `rule`, as YYYY-MM-DD. */
export function dayKeyOf(at: Date | number, rule: DayRule): string {
	return dayKey(dayOf(at, rule));
}

/** The day a YYYY-MM-DD text names, or null when it is not one (wrong shape, or 2026-02-30). */
export function parseDayKey(text: string): number | null {
	const match = DAY_KEY.exec(text);
	if (!match) return null;
	const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const utc = new Date(Date.UTC(year, month - 1, date));
	if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== date) return null;
	return Math.round(utc.getTime() / DAY_MS);
}
