// A card's state replayed from its stored reviews (src/lib/sync/fold.ts replayReviews) equals the state the
// grades stored, with the app's own scheduler: fuzz on, study days in a time zone.
import { describe, expect, it } from 'vitest';
import { FactdeckDB, importDeck, recordReview, undoReview } from '$lib/db';
import { replayReviews } from '$lib/sync/fold';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { studyDays } from '$lib/domain/days';
import type { Grade } from '$lib/scheduler/grades';
import { deckFile } from '../db/deck-fixture';
import { useFreshDb } from '../db/fresh-db';

let db: FactdeckDB;
useFreshDb('replay', (fresh) => (db = fresh));
const HOUR = 3_600_000;
const scheduler = new Scheduler({ desiredRetention: 0.87, enableFuzz: true, days: studyDays(4, () => -300) });

async function storedReviews(cardId: string) {
	const rows = await db.reviews.where('[deckId+cardId]').equals(['d', cardId]).toArray();
	return rows.map((r) => ({ ...r, uid: r.uid! }));
}

describe('replayReviews', () => {
	it("equals the card's stored state after a history of grades (fuzz on, study days), and after an Undo", async () => {
		await importDeck(db, deckFile('d', [['c-1', 'Who is the President of NCAFP?', 'George Schwab']]), 'add', new Date(Date.UTC(2026, 2, 1)));
		const history: [number, Grade][] = [
			[0, Rating.Good], [0.2, Rating.Again], [20, Rating.Good], [70, Rating.Good], [300, Rating.Easy], [900, Rating.Hard], [2400, Rating.Again], [2401, Rating.Good]
		];
		let last = { reviewId: 0, at: 0 };
		for (const [hours, grade] of history) {
			const now = new Date(Date.UTC(2026, 2, 1, 9) + hours * HOUR);
			const { reviewId } = await recordReview(db, scheduler, { deckId: 'd', cardId: 'c-1', grade, now, durationMs: 900, origin: 'study' });
			last = { reviewId, at: now.getTime() };
		}
		const card = await db.cards.get(['d', 'c-1']);
		const reviews = await storedReviews('c-1');
		expect(reviews).toHaveLength(history.length);
		// Replayed in any stored order: the replay sorts by time.
		expect(replayReviews(scheduler, [...reviews].reverse())).toEqual(card!.progress);
		expect(card!.progress.reps).toBe(history.length);

		await undoReview(db, { reviewId: last.reviewId, deckId: 'd', cardId: 'c-1', at: last.at });
		expect(replayReviews(scheduler, await storedReviews('c-1'))).toEqual((await db.cards.get(['d', 'c-1']))!.progress);
	});
});
