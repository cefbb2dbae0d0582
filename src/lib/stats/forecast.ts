/**
 * Due forecast: how many cards come due on each of the next days, from each card's `due`. Pure.
 */
import { dayKey, dayOf, type DayRule } from '$lib/domain/days';
import { State } from '$lib/scheduler/grades';
import type { DayCount, StatsCard } from './types';

/**
 * Cards due on each of the `length` study days starting today (today first), by the same rule as the study
 * queue (src/lib/domain/days.ts). Overdue cards count under today, since that is when they will be studied;
 * new and suspended cards are left out.
 */
export function dueForecast(cards: readonly StatsCard[], now: Date, days: DayRule, length = 30): DayCount[] {
	const today = dayOf(now, days);
	const counts = new Array<number>(length).fill(0);
	for (const card of cards) {
		// A card never studied is not "due": it waits for the daily new-card limit.
		if (card.suspended || card.progress.state === State.New) continue;
		const offset = Math.max(0, dayOf(card.progress.due, days) - today);
		if (offset < length) counts[offset]! += 1;
	}
	return counts.map((count, i) => ({ day: dayKey(today + i), count }));
}
