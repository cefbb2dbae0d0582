import { describe, expect, it } from 'vitest';
import { applyIfBetter, FactdeckDB, importDeck, recordReview } from '$lib/db';
import { neededMessage, planOptimise } from '$lib/app/optimise';
import { StudySession } from '$lib/app/study-session.svelte';
import { QuizSession } from '$lib/app/quiz-session.svelte';
import { DEFAULT_PARAMETERS } from '$lib/optimiser/fit';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckFile } from '../db/deck-fixture';
import { useFreshDb } from '../db/fresh-db';

const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
const UTC = () => 0;
let db: FactdeckDB;
useFreshDb('optimise-plan', (fresh) => (db = fresh));

async function reviewDaily(count: number) {
	await importDeck(db, deckFile('d', [['c-1', 'Who is the President of NCAFP?', 'George Schwab']]), 'add', new Date('2026-01-01T00:00:00Z'));
	for (let day = 0; day < count; day++) {
		const now = new Date(Date.UTC(2026, 0, 1 + day, 12));
		await recordReview(db, scheduler, { deckId: 'd', cardId: 'c-1', grade: Rating.Good, now, durationMs: 1000, origin: 'study' });
	}
}

describe('planning Optimise', () => {
	it('says how many more reviews are needed below 400', async () => {
		await reviewDaily(3);
		const plan = await planOptimise(db, UTC);
		expect(plan).toEqual({ kind: 'too-few', reviews: 3, needed: 397 });
		expect(neededMessage({ reviews: 3, needed: 397 })).toBe('397 more reviews needed: Optimise fits your parameters from at least 400 reviews, and your review log has 3.');
		expect(neededMessage({ reviews: 399, needed: 1 })).toMatch(/^1 more review needed:/);
	});

	it('with 400 reviews, hands the items and the parameters in use (stored ones, else the defaults) to the optimiser', async () => {
		await reviewDaily(400);
		const plan = await planOptimise(db, UTC);
		expect(plan.kind).toBe('ready');
		if (plan.kind !== 'ready') return;
		expect([plan.set.reviews, plan.set.cards, plan.set.items.length]).toEqual([400, 1, 399]);
		expect(plan.current).toEqual(DEFAULT_PARAMETERS);
		const w = DEFAULT_PARAMETERS.map((x, i) => (i === 1 ? 1 : x));
		const figures = { logLoss: 0.2, rmseBins: 0.1, count: 399 };
		await applyIfBetter(db, { fitted: w, current: { ...figures, logLoss: 0.3 }, after: figures }, 400, new Date());
		expect(await planOptimise(db, UTC)).toMatchObject({ kind: 'ready', current: w });
	});
});

describe('after Optimise applied parameters', () => {
	it('a study session schedules with them (a new card answered Easy: w3 days, 20 instead of the default 8)', async () => {
		await importDeck(db, deckFile('d', [['c-1', 'Who is the President of NCAFP?', 'George Schwab']]), 'add', new Date('2026-01-01T00:00:00Z'));
		const figures = { logLoss: 0.2, rmseBins: 0.1, count: 500 };
		const w = DEFAULT_PARAMETERS.map((x, i) => (i === 3 ? 20 : x));
		await applyIfBetter(db, { fitted: w, current: { ...figures, logLoss: 0.3 }, after: figures }, 500, new Date());
		const session = new StudySession('d', { db, clock: () => new Date('2026-01-02T09:00:00Z'), enableFuzz: false, persist: async () => true });
		await session.start();
		session.reveal();
		expect(session.previews.map((p) => `${p.name} ${p.label}`)).toEqual(['Again 1m', 'Hard 6m', 'Good 10m', 'Easy 20d']);
	});
});

describe('after Optimise applied parameters, a quiz counted as reviews', () => {
	it('schedules its right answers with them (a new card answered Good starts at stability w2)', async () => {
		const five: [string, string, string][] = [
			['c-1', 'Who is the President of NCAFP?', 'George Schwab'],
			['c-2', 'In which year was the NCAFP founded?', '1974'],
			['c-3', 'What kind of talks are Track II talks?', 'unofficial'],
			['c-4', 'Who leads the NCAFP?', 'George Schwab'],
			['c-5', 'When was the NCAFP set up?', '1974']
		];
		await importDeck(db, deckFile('q', five), 'add', new Date('2026-01-01T00:00:00Z'));
		const figures = { logLoss: 0.2, rmseBins: 0.1, count: 500 };
		const w = DEFAULT_PARAMETERS.map((x, i) => (i === 2 ? 12.5 : x));
		await applyIfBetter(db, { fitted: w, current: { ...figures, logLoss: 0.3 }, after: figures }, 500, new Date());
		const session = new QuizSession('q', { db, clock: () => new Date('2026-01-02T09:00:00Z'), seed: () => 7, enableFuzz: false });
		await session.load();
		session.setup.count = 5;
		session.setup.types = ['basic'];
		session.start();
		for (let i = 0; i < 5; i++) {
			session.check({ kind: 'typed', text: session.question?.card.answer ?? '' });
			await session.next();
		}
		expect(session.phase).toBe('end');
		const stabilities = (await db.cards.where('deckId').equals('q').toArray()).map((row) => row.progress.stability);
		expect(stabilities).toEqual([12.5, 12.5, 12.5, 12.5, 12.5]);
	});
});
