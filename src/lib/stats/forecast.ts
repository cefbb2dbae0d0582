/**
 * Due forecast: how many cards come due on each of the next days, from each card's `due`. Pure.
 */
import { addDays, dayKey, daysBetween } from './days';
import type { DayCount, StatsCard } from './types';

/** ts-fsrs State.New: a card never studied is not "due", it waits for the daily new-card limit. */
const NEW = 0;

/**
 * Cards due on each of the `days` local days starting today (today first). Overdue cards count under today,
 * since that is when they will be studied; new and suspended cards are left out.
 */
export function dueForecast(cards: readonly StatsCard[], now: Date, days = 30): DayCount[] {
	const counts = new Array<number>(days).fill(0);
	for (const card of cards) {
		if (card.suspended || card.progress.state === NEW) continue;
		const offset = Math.max(0, daysBetween(now, card.progress.due));
		if (offset < days) counts[offset]! += 1;
	}
	return counts.map((count, i) => ({ day: dayKey(addDays(now, i)), count }));
}
