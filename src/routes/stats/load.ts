// What the statistics page reads: the decks for the filter, and the cards and review logs of one deck or all.
// Wiring only: the numbers are computed by $lib/stats.
import { cardsOf, deckSummaries, getSettings, reviewsOf, type FactdeckDB } from '$lib/db';
import { studyDays, type DayRule } from '$lib/domain/days';
import type { StatsCard, StatsReview } from '$lib/stats';

export interface StatsInput {
	decks: { id: string; title: string }[];
	cards: StatsCard[];
	reviews: StatsReview[];
	desiredRetention: number;
	/** Study days under the "Next day starts at" setting, in this device's zone. */
	days: DayRule;
}

/** `deckId` '' means all decks. */
export async function loadStatsInput(db: FactdeckDB, deckId: string, now: Date): Promise<StatsInput> {
	const [summaries, reviews, settings] = await Promise.all([
		deckSummaries(db, now),
		reviewsOf(db, deckId === '' ? undefined : deckId),
		getSettings(db)
	]);
	const decks = summaries.map(({ deck }) => ({ id: deck.id, title: deck.title }));
	const wanted = deckId === '' ? decks.map((d) => d.id) : [deckId];
	const cards = (await Promise.all(wanted.map((id) => cardsOf(db, id)))).flat();
	return { decks, cards, reviews, desiredRetention: settings.desiredRetention, days: studyDays(settings.rolloverHour) };
}
