import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installBuiltInDecks, parseBuiltInIndex, type Fetch } from '$lib/app/builtins';
import { curvePoints, dayLabel, seminarView } from '$lib/app/seminar';
import { cardsOf, deckSummaries, FactdeckDB } from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { newProgress, type Progress } from '$lib/scheduler/progress';
import { deckFile } from '../db/deck-fixture';

const SETTINGS = { newPerDay: 20, desiredRetention: 0.9, rolloverHour: 0 };
const unsuspended = (progress: Progress) => ({ progress, suspended: false });

describe('seminarView', () => {
	const now = new Date(2026, 2, 2, 9, 0);
	const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });

	it('a deck never studied is 0% ready, with a plan that introduces every card', () => {
		const view = seminarView([unsuspended(newProgress(now)), unsuspended(newProgress(now))], '2026-03-05', now, SETTINGS);
		expect(view.percent).toBe(0);
		expect(view.active).toBe(true);
		expect(view.plan?.days.reduce((sum, d) => sum + d.newCards, 0)).toBe(2);
		expect(view.curve.at(-1)?.day).toBe('2026-03-05');
	});

	it('a card studied today counts by its FSRS recall at 09:00 on the seminar day', () => {
		const studied = scheduler.grade(newProgress(now), Rating.Easy, now).next;
		const target = new Date(2026, 2, 5, 9, 0);
		const expected = Math.round(((scheduler.retrievabilityToday(studied, target) + 0) / 2) * 100);
		expect(seminarView([unsuspended(studied), unsuspended(newProgress(now))], '2026-03-05', now, SETTINGS).percent).toBe(expected);
	});

	it('after the seminar has started there is no plan', () => {
		const view = seminarView([unsuspended(newProgress(now))], '2026-03-01', now, SETTINGS);
		expect([view.active, view.plan, view.curve]).toEqual([false, null, []]);
	});

	it('more than a year away there is readiness but no plan yet', () => {
		const view = seminarView([unsuspended(newProgress(now))], '2099-05-01', now, SETTINGS);
		expect([view.percent, view.active, view.tooFar, view.plan]).toEqual([0, true, true, null]);
	});

	it('draws the curve bottom (0) to top (1), left to right', () => {
		const curve = [
			{ day: '2026-03-02', readiness: 0 },
			{ day: '2026-03-03', readiness: 0.5 },
			{ day: '2026-03-04', readiness: 1 }
		];
		expect(curvePoints(curve, 100, 50)).toBe('0,50 50,25 100,0');
		expect(curvePoints([{ day: 'x', readiness: 0.2 }], 100, 50)).toBe('50,40');
	});
});

describe('built-in decks', () => {
	const now = new Date('2026-03-02T09:00:00Z');
	let db: FactdeckDB;
	let n = 0;
	beforeEach(async () => {
		db = new FactdeckDB(`builtins-${++n}`);
		await db.open();
	});
	afterEach(async () => {
		await db.delete();
	});

	const files: Record<string, unknown> = {
		'http://app.test/decks/index.json': {
			decks: [
				{ id: 'a', title: 'Deck a', file: 'a.factdeck.json', cards: 2, version: 'v1' },
				{ id: 'b', title: 'Deck b', file: '/decks/b.factdeck.json', cards: 1, version: 'v1' },
				{ id: 'bad', title: 'Broken', file: 'bad.factdeck.json', cards: 1, version: 'v1' }
			]
		},
		'http://app.test/decks/a.factdeck.json': deckFile('a', [
			['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
			['c-2', 'In which year was the NCAFP founded?', '1974']
		]),
		'http://app.test/decks/b.factdeck.json': deckFile('b', [['c-3', 'What kind of talks are Track II talks?', 'unofficial']]),
		'http://app.test/decks/bad.factdeck.json': { format: 'factdeck', version: 9 }
	};
	const fetchFn: Fetch = async (url) => ({
		ok: url in files,
		status: url in files ? 200 : 404,
		json: async () => structuredClone(files[url])
	});
	const index = new URL('http://app.test/decks/index.json');

	it('installs every valid deck and reports the broken one by title', async () => {
		const result = await installBuiltInDecks(db, fetchFn, index, now);
		expect(result.installed).toEqual(['a', 'b']);
		expect(result.problems).toEqual(['Built-in deck “Broken”: This deck was made by a newer Factdeck (version 9); update the app to open it']);
		expect((await deckSummaries(db, now)).map((s) => [s.deck.id, s.total, s.new])).toEqual([
			['a', 2, 2],
			['b', 1, 1]
		]);
	});

	it('a second start changes nothing', async () => {
		await installBuiltInDecks(db, fetchFn, index, now);
		expect((await installBuiltInDecks(db, fetchFn, index, now)).installed).toEqual([]);
		expect(await cardsOf(db, 'a')).toHaveLength(2);
	});

	it('refuses a damaged index with a message', () => {
		expect(() => parseBuiltInIndex({})).toThrow('The built-in deck list is damaged: "decks" is missing.');
		expect(() => parseBuiltInIndex({ decks: [{ id: 'a' }] })).toThrow('entry 1 lacks id, title, file, cards or version');
	});
});

describe('dayLabel', () => {
	it('names the date a day key stands for, in any time zone', () => {
		expect(dayLabel('2026-12-03', 'en-GB')).toBe('Thu 3 Dec');
		expect(dayLabel('2026-03-29', 'en-GB')).toBe('Sun 29 Mar');
	});
});
