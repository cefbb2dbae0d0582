// What the statistics page reads: the decks for the filter, the cards and review logs of one deck or all, and
// the forgetting curve the scheduler predicts recall with. Wiring only: the numbers are computed by $lib/stats.
import { cardsIn, deckTitles, learnerScheduler, reviewsOf, type CardRow, type FactdeckDB } from '$lib/db';
import type { DayRule } from '$lib/domain/days';
import type { Progress } from '$lib/scheduler/progress';
import type { Recall, StatsReview } from '$lib/stats';

export interface StatsInput {
	decks: { id: string; title: string }[];
	cards: CardRow[];
	reviews: StatsReview[];
	desiredRetention: number;
	/** Study days under the "Next day starts at" setting, in this device's zone. */
	days: DayRule;
	/** Predicted recall of a card at an instant: ts-fsrs's forgetting curve, counted in the same study days. */
	recall: Recall<Progress>;
}

/** `deckId` '' means all decks. */
export async function loadStatsInput(db: FactdeckDB, deckId: string): Promise<StatsInput> {
	const start = performance.now();
	const deck = deckId === '' ? undefined : deckId;
	// The learner's scheduler: fitted parameters when Optimise stored some, and recall counted in study days, as
	// the study session schedules and the knowledge map shades.
	const [decks, cards, reviews, { scheduler, settings, days }] = await Promise.all([
		deckTitles(db),
		cardsIn(db, { deckId: deck }),
		reviewsOf(db, deck),
		learnerScheduler(db)
	]);
	// Timed for `npm run bench:scale`, as the page times the computation ('factdeck:stats').
	performance.measure('factdeck:stats-read', { start });
	const recall: Recall<Progress> = (progress, at) => scheduler.retrievabilityToday(progress, at);
	return { decks, cards, reviews, desiredRetention: settings.desiredRetention, days, recall };
}
