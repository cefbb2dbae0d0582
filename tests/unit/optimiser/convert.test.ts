import { describe, expect, it } from 'vitest';
import { packItems, toTrainingSet, type ReviewEntry } from '$lib/optimiser/convert';

/** Paris in winter (UTC+1), next day starting at 04:00. */
const PARIS_4AM = { rolloverHour: 4, zone: () => 60 };
/** A local Paris wall-clock time on a January 2026 day, as epoch ms. */
const paris = (day: number, hour: number, minute = 0) => Date.UTC(2026, 0, day, hour - 1, minute);

const review = (cardId: string, at: number, rating: number, state: number, extra: Partial<ReviewEntry> = {}): ReviewEntry => ({
	deckId: 'd1',
	cardId,
	at,
	log: { rating },
	before: { state },
	...extra
});

describe('review log → optimiser items', () => {
	it('makes one item per review a study day or more after the previous, with study-day intervals', () => {
		const log = [
			// Card a: learnt on the 1st at 21:00, again at 21:10 (same day), on the 2nd at 02:00 (still the 1st's
			// study day), on the 3rd at 08:00 (2 days after the 1st), and on the 10th.
			review('a', paris(3, 8), 3, 2),
			review('a', paris(1, 21), 1, 0),
			review('a', paris(1, 21, 10), 3, 1),
			review('a', paris(2, 2), 3, 2),
			review('a', paris(10, 9), 1, 2),
			// Card b: only a first review (nothing to predict), but it counts as a review.
			review('b', paris(5, 12), 4, 0)
		];
		const set = toTrainingSet(log, PARIS_4AM);
		expect(set).toEqual({
			reviews: 6,
			cards: 2,
			items: [
				{
					reviews: [
						{ rating: 1, deltaT: 0 },
						{ rating: 3, deltaT: 0 },
						{ rating: 3, deltaT: 0 },
						{ rating: 3, deltaT: 2 }
					]
				},
				{
					reviews: [
						{ rating: 1, deltaT: 0 },
						{ rating: 3, deltaT: 0 },
						{ rating: 3, deltaT: 0 },
						{ rating: 3, deltaT: 2 },
						{ rating: 1, deltaT: 7 }
					]
				}
			]
		});
	});

	it('starts a card at its latest review as a new card, and leaves out a card whose start is not in the log', () => {
		const log = [
			review('a', paris(1, 12), 3, 0),
			review('a', paris(3, 12), 3, 2),
			// Reset to new (a re-learnt card): the history starts again here.
			review('a', paris(6, 12), 2, 0),
			review('a', paris(7, 12), 3, 1),
			// Card c's first review is a review-state card: its learning is missing from the log.
			review('c', paris(2, 12), 3, 2),
			review('c', paris(9, 12), 3, 2)
		];
		expect(toTrainingSet(log, PARIS_4AM)).toEqual({
			reviews: 2,
			cards: 1,
			items: [{ reviews: [{ rating: 2, deltaT: 0 }, { rating: 3, deltaT: 1 }] }]
		});
	});

	it('keeps quiz answers counted as reviews, and tells cards of two decks with the same id apart', () => {
		const log = [
			review('a', paris(1, 12), 3, 0),
			review('a', paris(2, 12), 1, 2, { origin: 'quiz' } as Partial<ReviewEntry>),
			review('a', paris(1, 12), 4, 0, { deckId: 'd2' }),
			review('a', paris(4, 12), 3, 2, { deckId: 'd2' })
		];
		expect(toTrainingSet(log, PARIS_4AM).items).toEqual([
			{ reviews: [{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 1 }] },
			{ reviews: [{ rating: 4, deltaT: 0 }, { rating: 3, deltaT: 3 }] }
		]);
	});

	it('orders reviews given at the same instant by the order they were written', () => {
		const log = [review('a', paris(2, 12), 3, 2, { id: 5 }), review('a', paris(1, 12), 3, 0, { id: 9 }), review('a', paris(2, 12), 1, 2, { id: 4 })];
		expect(toTrainingSet(log, PARIS_4AM).items.map((item) => item.reviews.map((r) => r.rating))).toEqual([[3, 1]]);
	});

	it('packs items as fsrs-browser reads them', () => {
		const packed = packItems([
			{ reviews: [{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 2 }] },
			{ reviews: [{ rating: 4, deltaT: 0 }, { rating: 3, deltaT: 1 }, { rating: 3, deltaT: 5 }] }
		]);
		expect(packed).toEqual({
			ratings: Uint32Array.from([3, 1, 4, 3, 3]),
			deltaTs: Uint32Array.from([0, 2, 0, 1, 5]),
			lengths: Uint32Array.from([2, 3])
		});
	});
});
