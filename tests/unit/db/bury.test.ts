/**
 * Bury (issue 10, §2): a buried card is out of the queue and the home page's counts until the next study day
 * starts, and back in both from then on. The counts still come from the `[deckId+queue+due]` index (schema.ts,
 * QUEUE and indexedDue), so they must agree with the scheduler's own rule over the rows (`deckCounts`).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardsOf, deckSummary, FactdeckDB, importDeck, recordReview, restoreCardMarks, setCardMarks } from '$lib/db';
import { dayEnd, studyDays } from '$lib/domain/days';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { buildQueue, deckCounts } from '$lib/scheduler/queue';
import { deckFile } from './deck-fixture';

/** UTC, next day at 04:00: 09:00 on 2 March belongs to 2 March; the next study day starts 3 March 04:00. */
const utc = () => 0;
const days = studyDays(4, utc);
const now = new Date('2026-03-02T09:00:00Z');
const tomorrow = new Date('2026-03-03T04:00:00Z');
const justBefore = new Date(tomorrow.getTime() - 1);
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false, days });
let db: FactdeckDB;
let n = 0;

const five: [string, string, string][] = [1, 2, 3, 4, 5].map((i) => [`c-${i}`, `Question ${i}?`, `Answer ${i}`]);

beforeEach(async () => {
	db = new FactdeckDB(`bury-${++n}`);
	await db.open();
	await importDeck(db, deckFile('a', five), 'add', new Date('2026-02-20T09:00:00Z'));
	// c-1: Easy eight days ago, so a review card due today (8 March-style: 22 Feb + 8 d = 2 March).
	await recordReview(db, scheduler, { deckId: 'a', cardId: 'c-1', grade: Rating.Easy, now: new Date('2026-02-22T09:00:00Z'), durationMs: 1000, origin: 'study' });
});
afterEach(async () => {
	await db.delete();
});

const counts = async (at: Date) => {
	const summary = (await deckSummary(db, 'a', at, utc))!;
	return { total: summary.total, new: summary.new, due: summary.due, seen: summary.seen };
};

describe('bury', () => {
	it('takes a due review card and a new card out of the counts and the queue until the next study day', async () => {
		expect(dayEnd(now, days)).toBe(tomorrow.getTime());
		expect(await counts(now)).toEqual({ total: 5, new: 4, due: 1, seen: 1 });

		const undo = await setCardMarks(db, [['a', 'c-1'], ['a', 'c-3']], { buriedUntil: dayEnd(now, days) });
		expect(undo.label).toBe('bury 2 cards');
		expect(await counts(now)).toEqual({ total: 5, new: 3, due: 0, seen: 1 });
		expect(await counts(justBefore)).toEqual({ total: 5, new: 3, due: 0, seen: 1 });
		const rows = await cardsOf(db, 'a');
		expect(deckCounts(rows, now, days)).toEqual({ total: 5, new: 3, due: 0 });
		expect(buildQueue(rows, { now, days, newLeft: 20 }).ids).toEqual(['c-2', 'c-4', 'c-5']);

		// The next study day: both are back, in the index's counts and in the scheduler's queue.
		expect(await counts(tomorrow)).toEqual({ total: 5, new: 4, due: 1, seen: 1 });
		expect(deckCounts(rows, tomorrow, days)).toEqual({ total: 5, new: 4, due: 1 });
		expect(buildQueue(rows, { now: tomorrow, days, newLeft: 20 }).ids).toEqual(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
	});

	it('leaves the card\'s progress alone, and Undo removes the bury without a trace', async () => {
		const before = (await db.cards.get(['a', 'c-1']))!;
		const undo = await setCardMarks(db, [['a', 'c-1']], { buriedUntil: tomorrow.getTime() });
		const buried = (await db.cards.get(['a', 'c-1']))!;
		expect(buried.progress).toEqual(before.progress);
		expect([buried.buriedUntil, buried.due]).toEqual([tomorrow.getTime(), tomorrow.getTime()]);
		await restoreCardMarks(db, undo);
		expect(await db.cards.get(['a', 'c-1'])).toEqual(before);
		expect(await counts(now)).toEqual({ total: 5, new: 4, due: 1, seen: 1 });
	});

	it('a buried card graded in a quiz stays out of today\'s due count; its next due shows once the bury ends', async () => {
		await setCardMarks(db, [['a', 'c-1']], { buriedUntil: tomorrow.getTime() });
		await recordReview(db, scheduler, { deckId: 'a', cardId: 'c-1', grade: Rating.Again, now, durationMs: 1000, origin: 'quiz' });
		expect(await counts(now)).toMatchObject({ due: 0 });
		expect(await counts(tomorrow)).toMatchObject({ due: 1 });
	});

	it('a suspended card that is also buried stays suspended after the bury ends', async () => {
		await setCardMarks(db, [['a', 'c-2']], { suspended: true, buriedUntil: tomorrow.getTime() });
		expect(await counts(tomorrow)).toEqual({ total: 5, new: 3, due: 1, seen: 1 });
	});
});
