/**
 * The review log → the optimiser's input (docs/quiz-and-readiness.md, "Your own FSRS parameters"). Pure: the
 * study-day rule is passed in.
 *
 * The optimiser (fsrs-rs, through fsrs-browser) learns from *items*: one card's reviews in time order, up to and
 * including the review whose outcome it predicts, each with its rating (1-4) and the study days since the
 * previous review (`deltaT`, 0 for the first review). Rules:
 * - Reviews are grouped by card (deck id + card id) and put in time order (`at`, then the order they were written).
 * - A card's history starts at its latest review given while the card was new (`before.state` New): earlier reviews
 *   describe a memory that was reset. A card with no such review (its first reviews are not in the log) is left
 *   out, as fsrs-rs leaves out Anki cards whose learning is missing from the log.
 * - Days are study days (src/lib/domain/days.ts): a review at 02:00 belongs to the day before when the next day
 *   starts at 04:00, exactly as the scheduler counts them.
 * - Quiz answers counted as reviews (origin `quiz`: right → Good, wrong → Again) are kept: the scheduler applied
 *   them to the card's memory state, so leaving them out would make the next review's interval wrong, and each
 *   is a real test of recall (what the optimiser's loss scores).
 * - One item per review that came at least one study day after the card's previous one (fsrs-rs trains and
 *   evaluates only on those); same-day reviews stay in the items' histories, where FSRS-6 uses them.
 */
import { dayOf, type DayRule } from '$lib/domain/days';

/** The fields of a stored review (ReviewRow in src/lib/db/schema.ts) the conversion reads. */
export interface ReviewEntry {
	id?: number;
	deckId: string;
	cardId: string;
	at: number;
	log: { rating: number };
	/** The card's state before the review: 0 is New. */
	before: { state: number };
}

export interface FsrsReview {
	/** 1 Again, 2 Hard, 3 Good, 4 Easy. */
	rating: number;
	/** Study days since the card's previous review; 0 for its first. */
	deltaT: number;
}

/** One card's reviews up to the one predicted, which is the last. */
export interface FsrsItem {
	reviews: FsrsReview[];
}

export interface TrainingSet {
	items: FsrsItem[];
	/** Reviews in the cards' histories (what the 400-review threshold counts). */
	reviews: number;
	cards: number;
}

/** fsrs-browser's `computeParameters` input: every item's reviews one after another, and each item's length. */
export interface PackedItems {
	ratings: Uint32Array;
	deltaTs: Uint32Array;
	lengths: Uint32Array;
}

const NEW = 0;

export function toTrainingSet(log: readonly ReviewEntry[], days: DayRule): TrainingSet {
	const byCard = new Map<string, ReviewEntry[]>();
	for (const review of log) {
		const key = JSON.stringify([review.deckId, review.cardId]);
		const list = byCard.get(key);
		if (list) list.push(review);
		else byCard.set(key, [review]);
	}
	const items: FsrsItem[] = [];
	let reviews = 0;
	let cards = 0;
	for (const list of byCard.values()) {
		const history = cardHistory(list, days);
		if (history.length === 0) continue;
		cards++;
		reviews += history.length;
		for (let i = 1; i < history.length; i++) {
			if ((history[i] as FsrsReview).deltaT > 0) items.push({ reviews: history.slice(0, i + 1) });
		}
	}
	return { items, reviews, cards };
}

/** One card's reviews from its latest start as a new card, with study days between them; [] when it has none. */
function cardHistory(list: ReviewEntry[], days: DayRule): FsrsReview[] {
	const sorted = list.slice().sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
	let start = -1;
	sorted.forEach((review, i) => {
		if (review.before.state === NEW) start = i;
	});
	if (start < 0) return [];
	const kept = sorted.slice(start);
	return kept.map((review, i) => ({
		rating: review.log.rating,
		deltaT: i === 0 ? 0 : dayOf(review.at, days) - dayOf((kept[i - 1] as ReviewEntry).at, days)
	}));
}

export function packItems(items: readonly FsrsItem[]): PackedItems {
	const total = items.reduce((sum, item) => sum + item.reviews.length, 0);
	const ratings = new Uint32Array(total);
	const deltaTs = new Uint32Array(total);
	let at = 0;
	for (const item of items) {
		for (const review of item.reviews) {
			ratings[at] = review.rating;
			deltaTs[at] = review.deltaT;
			at++;
		}
	}
	return { ratings, deltaTs, lengths: Uint32Array.from(items, (item) => item.reviews.length) };
}
