import { describe, expect, it } from 'vitest';
import {
	dayEnd,
	dayKey,
	dayKeyOf,
	dayOf,
	daysBetween,
	dayStart,
	instantAt,
	isDueToday,
	parseDayKey,
	studyDays,
	weekStart,
	type TimeZone
} from '$lib/domain/days';

// Every instant is written in UTC and every zone is passed in, so these hold on a machine in any time zone.
const paris: TimeZone = () => 60; // UTC+1 (winter)
const newYork: TimeZone = () => -300; // UTC-5 (winter)
/** Paris with its 2026 spring change: UTC+1 until 29 March 01:00 UTC, then UTC+2. */
const parisDst: TimeZone = (at) => (at < Date.UTC(2026, 2, 29, 1) ? 60 : 120);
const at = (iso: string) => Date.parse(iso);

describe('study days with a rollover hour', () => {
	const rule = studyDays(4, paris);

	it('a card reviewed at 21:00 with a 1-day interval is due at 08:00 the next day', () => {
		const reviewed = at('2026-03-09T20:00:00Z'); // 21:00 in Paris
		const due = reviewed + 86_400_000; // FSRS's due: 10 March 21:00
		expect(isDueToday(due, at('2026-03-10T07:00:00Z'), rule)).toBe(true); // 08:00
		expect(isDueToday(due, at('2026-03-10T02:59:00Z'), rule)).toBe(false); // 03:59: still 9 March's study day
		expect(isDueToday(due, at('2026-03-10T03:00:00Z'), rule)).toBe(true); // 04:00: 10 March begins
	});

	it('at 03:00 with rollover 04:00 it is still the previous day', () => {
		expect(dayKeyOf(at('2026-03-10T02:00:00Z'), rule)).toBe('2026-03-09');
		expect(dayKeyOf(at('2026-03-10T03:00:00Z'), rule)).toBe('2026-03-10');
		expect(dayKeyOf(at('2026-03-10T02:00:00Z'), studyDays(0, paris))).toBe('2026-03-10');
	});

	it('ends today at the next rollover, and starts it at the last one', () => {
		expect(new Date(dayEnd(at('2026-03-10T07:00:00Z'), rule)).toISOString()).toBe('2026-03-11T03:00:00.000Z');
		expect(new Date(dayEnd(at('2026-03-10T02:00:00Z'), rule)).toISOString()).toBe('2026-03-10T03:00:00.000Z');
		const today = dayOf(at('2026-03-10T07:00:00Z'), rule);
		expect(new Date(dayStart(today, rule)).toISOString()).toBe('2026-03-10T03:00:00.000Z');
	});

	it('follows the zone: 23:00 in New York is the next calendar day in UTC but the same local day', () => {
		const evening = at('2026-03-11T04:00:00Z'); // 10 March 23:00 in New York
		expect(dayKeyOf(evening, studyDays(0, newYork))).toBe('2026-03-10');
		expect(dayKeyOf(evening, studyDays(0, paris))).toBe('2026-03-11');
	});

	it('keeps a day with a daylight-saving change one day long', () => {
		const dst = studyDays(4, parisDst);
		// 29 March 2026 has 23 hours in Paris; 04:00 local is 02:00 UTC that day, 03:00 UTC before.
		expect(new Date(dayStart(dayOf(at('2026-03-28T12:00:00Z'), dst), dst)).toISOString()).toBe('2026-03-28T03:00:00.000Z');
		expect(new Date(dayEnd(at('2026-03-28T12:00:00Z'), dst)).toISOString()).toBe('2026-03-29T02:00:00.000Z');
		expect(daysBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'), dst)).toBe(1);
		expect(new Date(instantAt(dayOf(at('2026-03-30T12:00:00Z'), dst), 9, parisDst)).toISOString()).toBe('2026-03-30T07:00:00.000Z');
	});
});

describe('day keys and weeks', () => {
	it('writes and reads YYYY-MM-DD, refusing what is not a calendar day', () => {
		const day = parseDayKey('2026-12-03');
		expect(day).toBe(Date.UTC(2026, 11, 3) / 86_400_000);
		expect(dayKey(day!)).toBe('2026-12-03');
		expect(parseDayKey('2026-02-30')).toBeNull();
		expect(parseDayKey('3/12/2026')).toBeNull();
		expect(parseDayKey('2026-2-3')).toBeNull();
	});

	it('starts weeks on Monday', () => {
		expect(dayKey(weekStart(parseDayKey('2026-03-10')!))).toBe('2026-03-09'); // Tuesday → Monday
		expect(dayKey(weekStart(parseDayKey('2026-03-09')!))).toBe('2026-03-09');
		expect(dayKey(weekStart(parseDayKey('2026-03-08')!))).toBe('2026-03-02'); // Sunday
		expect(dayKey(weekStart(parseDayKey('1969-12-31')!))).toBe('1969-12-29'); // before day 0
	});
});
