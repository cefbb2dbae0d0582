/**
 * Study control in a study session (issue 10, §2): Suspend, Bury and Flag on the card shown, each undone by Undo;
 * siblings buried when one is studied; a leech told at its 8th lapse. Dates pinned, fuzz off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardsOf, deckSummary, FactdeckDB, importDeck, saveSettings } from '$lib/db';
import { StudySession } from '$lib/app/study-session.svelte';
import { Rating } from '$lib/scheduler/fsrs';
import { State } from '$lib/scheduler/progress';
import { deckFile } from '../db/deck-fixture';

/** UTC, next day at 04:00 (the default): the session's study day ends 3 March 04:00. */
const utc = () => 0;
const now = new Date('2026-03-02T09:00:00Z');
const tomorrow = Date.parse('2026-03-03T04:00:00Z');
let db: FactdeckDB;
let n = 0;

// The fixture gives card i the (i mod 3)-th sentence: c-1 and c-4 are siblings (the same sentence), so are c-2 and c-5.
const cards: [string, string, string][] = [
	['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
	['c-2', 'In which year was the NCAFP founded?', '1974'],
	['c-3', 'What kind of talks are Track II talks?', 'unofficial'],
	['c-4', 'George Schwab is the President of which body?', 'NCAFP'],
	['c-5', 'The NCAFP was founded in which year?', '1974']
];

const session = () => new StudySession('d1', { db, clock: () => now, zone: utc, enableFuzz: false, persist: async () => true });
const counts = async () => {
	const summary = (await deckSummary(db, 'd1', now, utc))!;
	return { new: summary.new, due: summary.due };
};
const stored = async (id: string) => (await cardsOf(db, 'd1')).find((row) => row.id === id)!;

beforeEach(async () => {
	db = new FactdeckDB(`study-control-${++n}`);
	await db.open();
	await importDeck(db, deckFile('d1', cards), 'add', now);
});
afterEach(async () => {
	await db.delete();
});

describe('Suspend, Bury and Flag in a study session', () => {
	it('Suspend takes the card out of the queue at once and out of the deck counts; Undo puts it back on screen', async () => {
		const s = session();
		await s.start();
		expect([s.current?.id, s.remaining.new, await counts()]).toEqual(['c-1', 5, { new: 5, due: 0 }]);
		await s.suspend();
		expect([s.current?.id, s.remaining.new, s.phase]).toEqual(['c-2', 4, 'question']);
		expect((await stored('c-1')).suspended).toBe(true);
		expect(await counts()).toEqual({ new: 4, due: 0 });
		expect(s.notice).toBe('Card suspended: it is out of your reviews until you unsuspend it. Undo (Z) puts it back.');

		await s.undo();
		expect([s.current?.id, s.remaining.new, s.canUndo]).toEqual(['c-1', 5, false]);
		expect((await stored('c-1')).suspended).toBe(false);
		expect(await counts()).toEqual({ new: 5, due: 0 });
	});

	it('Bury takes the card out until the next study day starts; a new session today does not offer it', async () => {
		const s = session();
		await s.start();
		s.reveal();
		await s.bury();
		expect([s.current?.id, s.remaining.new]).toEqual(['c-2', 4]);
		expect((await stored('c-1')).buriedUntil).toBe(tomorrow);
		expect(await counts()).toEqual({ new: 4, due: 0 });
		const again = session();
		await again.start();
		expect([again.current?.id, again.remaining.new]).toEqual(['c-2', 4]);
	});

	it('Flag toggles on the card shown, which stays on screen with its answer; Undo takes the flag back', async () => {
		const s = session();
		await s.start();
		s.reveal();
		await s.toggleFlag();
		expect([s.current?.id, s.current?.flagged, s.phase, s.notice]).toEqual(['c-1', true, 'answer', 'Card flagged.']);
		expect((await stored('c-1')).flagged).toBe(true);
		await s.toggleFlag();
		expect([s.current?.flagged, (await stored('c-1')).flagged]).toEqual([false, false]);
		await s.undo();
		expect([s.current?.flagged, (await stored('c-1')).flagged]).toEqual([true, true]);
	});

	it('Undo takes back marks and grades in the order they were given', async () => {
		const s = session();
		await s.start();
		s.reveal();
		await s.grade(Rating.Good);
		await s.suspend();
		expect(s.current?.id).toBe('c-3');
		await s.undo();
		expect(s.current?.id).toBe('c-2');
		await s.undo();
		expect([s.current?.id, s.history.length, (await stored('c-1')).progress.state]).toEqual(['c-1', 0, State.New]);
	});
});

describe('siblings', () => {
	it('studying a card buries its siblings until the next study day, and Undo of the grade unburies them', async () => {
		const s = session();
		await s.start();
		s.reveal();
		await s.grade(Rating.Good);
		// c-4 (c-1's sentence) is buried: 3 new left, not 4.
		expect([s.current?.id, s.remaining]).toEqual(['c-2', { learning: 1, review: 0, new: 3 }]);
		expect((await stored('c-4')).buriedUntil).toBe(tomorrow);
		expect(await counts()).toEqual({ new: 3, due: 1 });
		s.reveal();
		await s.grade(Rating.Good);
		expect((await stored('c-5')).buriedUntil).toBe(tomorrow);
		expect(s.remaining).toEqual({ learning: 2, review: 0, new: 1 });

		await s.undo();
		expect('buriedUntil' in (await stored('c-5'))).toBe(false);
		expect([s.current?.id, s.remaining]).toEqual(['c-2', { learning: 1, review: 0, new: 3 }]);
	});

	it('with Bury siblings off, both cards of a sentence come the same day', async () => {
		await saveSettings(db, { burySiblings: false });
		const s = session();
		await s.start();
		s.reveal();
		await s.grade(Rating.Good);
		expect(s.remaining).toEqual({ learning: 1, review: 0, new: 4 });
		expect('buriedUntil' in (await stored('c-4'))).toBe(false);
	});
});

describe('leeches', () => {
	/** c-3 becomes a review card due since yesterday, last seen 5 days ago, with `lapses` lapses so far. */
	const lapsedBefore = (lapses: number, reps = 20) =>
		db.cards.update(['d1', 'c-3'], {
			progress: { due: now.getTime() - 86_400_000, stability: 4, difficulty: 8, elapsed_days: 4, scheduled_days: 4, learning_steps: 0, reps, lapses, state: State.Review, last_review: now.getTime() - 5 * 86_400_000 }
		});

	it('the 8th lapse tags the card leech and tells the learner, who can suspend it from the message', async () => {
		await lapsedBefore(7);
		await saveSettings(db, { newPerDay: 0 });
		const s = session();
		await s.start();
		expect(s.current?.id).toBe('c-3');
		s.reveal();
		await s.grade(Rating.Again);
		expect(s.leech).toEqual({ cardId: 'c-3', question: 'What kind of talks are Track II talks?' });
		const row = await stored('c-3');
		expect([row.progress.lapses, row.card.tags]).toEqual([8, ['leech']]);
		await s.suspend(s.leech?.cardId);
		expect([s.leech, (await stored('c-3')).suspended, s.phase]).toEqual([null, true, 'done']);
	});

	it('the leech message can suspend the card after the session is done (no relearning steps: it left today\'s queue)', async () => {
		await lapsedBefore(7);
		await saveSettings(db, { newPerDay: 0, relearningSteps: [] });
		const s = session();
		await s.start();
		s.reveal();
		await s.grade(Rating.Again);
		expect([s.phase, s.leech?.cardId]).toEqual(['done', 'c-3']);
		await s.suspend(s.leech?.cardId);
		expect([s.leech, (await stored('c-3')).suspended]).toEqual([null, true]);
	});

	it('Undo of the grade that made a leech takes its leech tag off again, with the lapse', async () => {
		await lapsedBefore(7);
		await saveSettings(db, { newPerDay: 0 });
		const s = session();
		await s.start();
		s.reveal();
		await s.grade(Rating.Again);
		expect((await stored('c-3')).card.tags).toEqual(['leech']);
		await s.undo();
		const row = await stored('c-3');
		expect([row.progress.lapses, row.card.tags, s.leech, s.current?.id]).toEqual([7, [], null, 'c-3']);
	});

	it('Undo keeps a leech tag the card had before the grade (a 12th lapse tells again but adds nothing)', async () => {
		await lapsedBefore(11, 30);
		const before = await stored('c-3');
		await db.cards.update(['d1', 'c-3'], { card: { ...before.card, tags: ['talks', 'leech'] } });
		await saveSettings(db, { newPerDay: 0 });
		const s = session();
		await s.start();
		s.reveal();
		await s.grade(Rating.Again);
		expect([s.leech?.cardId, (await stored('c-3')).card.tags]).toEqual(['c-3', ['talks', 'leech']]);
		await s.undo();
		const row = await stored('c-3');
		expect([row.progress.lapses, row.card.tags]).toEqual([11, ['talks', 'leech']]);
	});

	it('a 7th lapse is no leech', async () => {
		await lapsedBefore(6);
		await saveSettings(db, { newPerDay: 0 });
		const s = session();
		await s.start();
		s.reveal();
		await s.grade(Rating.Again);
		expect([s.leech, (await stored('c-3')).card.tags]).toEqual([null, []]);
	});
});
