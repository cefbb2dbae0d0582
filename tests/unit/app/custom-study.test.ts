/**
 * Custom study (issue 10, §2): the address that names it, the cards each choice takes (pinned dates), and a session
 * that by default leaves the FSRS schedule alone (nothing stored) unless the learner lets it count.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardsOf, FactdeckDB, importDeck, recordReview, reviewsOf, setCardMarks } from '$lib/db';
import { customStudyQuery, describeCustom, parseCustomStudy, type CustomStudy } from '$lib/app/custom-study';
import { StudySession } from '$lib/app/study-session.svelte';
import { studyDays } from '$lib/domain/days';
import { customCards, type CustomCard } from '$lib/scheduler/custom';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { newProgress, State } from '$lib/scheduler/progress';
import { deckFile } from '../db/deck-fixture';

const utc = () => 0;
const days = studyDays(4, utc);
const now = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;

describe('parseCustomStudy', () => {
	const parse = (query: string) => parseCustomStudy(new URLSearchParams(query));

	it('reads each kind, with count only when asked', () => {
		expect(parse('')).toEqual({ ok: true, custom: null });
		expect(parse('cards=c-1,c-3')).toEqual({ ok: true, custom: { choice: { kind: 'cards', ids: ['c-1', 'c-3'] }, counts: false } });
		expect(parse('ahead=7&count')).toEqual({ ok: true, custom: { choice: { kind: 'ahead', days: 7 }, counts: true } });
		expect(parse('tag=person')).toEqual({ ok: true, custom: { choice: { kind: 'tag', tag: 'person' }, counts: false } });
		expect(parse('failed')).toEqual({ ok: true, custom: { choice: { kind: 'failed' }, counts: false } });
	});

	it('refuses an address it cannot study, saying why', () => {
		expect(parse('cards=')).toEqual({ ok: false, error: 'The address names no cards to study (?cards= is empty).' });
		expect(parse('ahead=soon')).toEqual({ ok: false, error: 'Study ahead takes a whole number of days from 1 to 365 (the address says "soon").' });
		expect(parse('ahead=0')).toMatchObject({ ok: false });
		expect(parse('tag=')).toMatchObject({ ok: false });
	});

	it('writes the address it reads', () => {
		const customs: CustomStudy[] = [
			{ choice: { kind: 'cards', ids: ['c-1', 'c-3'] }, counts: false },
			{ choice: { kind: 'ahead', days: 3 }, counts: true },
			{ choice: { kind: 'tag', tag: 'a b' }, counts: false },
			{ choice: { kind: 'failed' }, counts: true }
		];
		expect(customs.map(customStudyQuery)).toEqual(['cards=c-1%2Cc-3', 'ahead=3&count', 'tag=a+b', 'failed&count']);
		for (const custom of customs) expect(parse(customStudyQuery(custom))).toEqual({ ok: true, custom });
		expect(customs.map((c) => describeCustom(c.choice))).toEqual(['2 chosen cards', 'cards due in the next 3 days', 'cards tagged “a b”', 'cards failed today']);
	});
});

describe('customCards', () => {
	const card = (id: string, position: number, state: State, due: number, tags: string[] = [], suspended = false): CustomCard => ({
		id,
		position,
		progress: { ...newProgress(now), state, due, reps: state === State.New ? 0 : 1 },
		tags,
		suspended
	});
	const cards = [
		card('new', 0, State.New, now.getTime(), ['person']),
		card('due-in-3', 1, State.Review, Date.parse('2026-03-05T10:00:00Z'), ['person']),
		card('due-in-1', 2, State.Review, Date.parse('2026-03-03T10:00:00Z')),
		card('due-in-4', 3, State.Review, Date.parse('2026-03-06T10:00:00Z'), ['place']),
		card('suspended', 4, State.Review, now.getTime(), ['person'], true),
		card('learning', 5, State.Learning, now.getTime() + 600_000, ['person'])
	];
	const context = { now, days, failedToday: ['due-in-1', 'suspended', 'learning', 'due-in-1'] };

	it('study ahead: studied cards due within the next N study days, earliest first', () => {
		expect(customCards(cards, { kind: 'ahead', days: 3 }, context)).toEqual(['learning', 'due-in-1', 'due-in-3']);
		expect(customCards(cards, { kind: 'ahead', days: 1 }, context)).toEqual(['learning', 'due-in-1']);
	});

	it('a tag: its cards in deck order; failed today: in failure order; chosen cards: in the order named', () => {
		expect(customCards(cards, { kind: 'tag', tag: 'person' }, context)).toEqual(['new', 'due-in-3', 'learning']);
		expect(customCards(cards, { kind: 'failed' }, context)).toEqual(['due-in-1', 'learning']);
		expect(customCards(cards, { kind: 'cards', ids: ['due-in-4', 'gone', 'new', 'suspended', 'new'] }, context)).toEqual(['due-in-4', 'new']);
	});
});

describe('a custom study session', () => {
	let db: FactdeckDB;
	let n = 0;
	const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false, days });
	beforeEach(async () => {
		db = new FactdeckDB(`custom-study-${++n}`);
		await db.open();
		await importDeck(db, deckFile('d1', [['c-1', 'Q1?', 'one'], ['c-2', 'Q2?', 'two'], ['c-3', 'Q3?', 'three'], ['c-4', 'Q4?', 'four']]), 'add', new Date(now.getTime() - 10 * DAY));
	});
	afterEach(async () => {
		await db.delete();
	});
	const session = (custom: CustomStudy) => new StudySession('d1', { db, clock: () => now, zone: utc, enableFuzz: false, persist: async () => true, custom });

	it('studies exactly the cards named; by default the grades change nothing stored, and Again brings a card back at the end', async () => {
		const before = await cardsOf(db, 'd1');
		const s = session({ choice: { kind: 'cards', ids: ['c-3', 'c-1'] }, counts: false });
		await s.start();
		expect([s.current?.id, s.remaining, s.practice]).toEqual(['c-3', { learning: 0, review: 0, new: 2 }, true]);
		s.reveal();
		expect(s.previews.map((p) => `${p.name} ${p.label}`)).toEqual(['Again again', 'Hard done', 'Good done', 'Easy done']);
		await s.grade(Rating.Again);
		expect(s.current?.id).toBe('c-1');
		s.reveal();
		await s.grade(Rating.Good);
		expect(s.current?.id).toBe('c-3');
		s.reveal();
		await s.grade(Rating.Easy);
		expect([s.phase, s.summary?.reviews]).toEqual(['done', 3]);
		expect(await cardsOf(db, 'd1')).toEqual(before);
		expect(await reviewsOf(db, 'd1')).toEqual([]);
		// Undo takes back a practice grade too.
		await s.undo();
		expect([s.phase, s.current?.id]).toEqual(['question', 'c-3']);
	});

	it('with "count", the grades are reviews that change the schedule, and no sibling is buried', async () => {
		const s = session({ choice: { kind: 'cards', ids: ['c-1'] }, counts: true });
		await s.start();
		s.reveal();
		expect(s.previews.map((p) => p.label)).toEqual(['1m', '6m', '10m', '8d']);
		await s.grade(Rating.Easy);
		expect(s.phase).toBe('done');
		expect((await reviewsOf(db, 'd1')).map((r) => [r.cardId, r.log.rating])).toEqual([['c-1', Rating.Easy]]);
		expect((await cardsOf(db, 'd1')).map((r) => [r.id, r.progress.state, 'buriedUntil' in r])).toEqual([
			['c-1', State.Review, false],
			['c-2', State.New, false],
			['c-3', State.New, false],
			['c-4', State.New, false]
		]);
	});

	it('cram the cards failed today, and study ahead', async () => {
		const review = (cardId: string, grade: Rating, at: Date) => recordReview(db, scheduler, { deckId: 'd1', cardId, grade, now: at, durationMs: 1000, origin: 'study' });
		await review('c-2', Rating.Easy, new Date(now.getTime() - 9 * DAY)); // due 2026-03-01: overdue
		await review('c-4', Rating.Easy, new Date(now.getTime() - 5 * DAY)); // due in 3 days
		await review('c-3', Rating.Again, new Date(now.getTime() - 60_000)); // failed today
		await setCardMarks(db, [['d1', 'c-1']], { suspended: true });
		const failed = session({ choice: { kind: 'failed' }, counts: false });
		await failed.start();
		expect([failed.current?.id, failed.remaining]).toEqual(['c-3', { learning: 1, review: 0, new: 0 }]);
		const ahead = session({ choice: { kind: 'ahead', days: 3 }, counts: false });
		await ahead.start();
		expect([ahead.current?.id, ahead.remaining]).toEqual(['c-2', { learning: 1, review: 2, new: 0 }]);
	});
});
