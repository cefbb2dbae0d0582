/**
 * Study control (issue 10, §2): the settings that shape the scheduler (learning and relearning steps, maximum
 * interval) with pinned intervals; siblings buried when one is studied; leeches at the 8th lapse.
 */
import { describe, expect, it } from 'vitest';
import { studyDays } from '$lib/domain/days';
import { Rating, Scheduler, schedulerOptions } from '$lib/scheduler/fsrs';
import { isLeechLapse, lapsesOf, LEECH_LAPSES } from '$lib/scheduler/leech';
import { newProgress, State, type Progress } from '$lib/scheduler/progress';
import { siblingsToBury, type SiblingCard } from '$lib/scheduler/siblings';
import { formatSteps, parseSteps } from '$lib/scheduler/steps';

const now = new Date('2026-03-02T09:00:00Z');
const days = studyDays(4, () => 0);
const defaults = { desiredRetention: 0.9, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], maximumInterval: 36_500 } as const;
const labels = (scheduler: Scheduler, progress: Progress) => scheduler.preview(progress, now).map((p) => `${p.name} ${p.label}`);

describe('schedulerOptions', () => {
	it('the defaults give ts-fsrs\'s own intervals for a new card', () => {
		const scheduler = new Scheduler(schedulerOptions(defaults, { enableFuzz: false, days }));
		expect(labels(scheduler, newProgress(now))).toEqual(['Again 1m', 'Hard 6m', 'Good 10m', 'Easy 8d']);
	});

	it('learning steps "5m 1h" and a maximum interval of 3 days change them', () => {
		const scheduler = new Scheduler(schedulerOptions({ ...defaults, learningSteps: ['5m', '1h'], maximumInterval: 3 }, { enableFuzz: false, days }));
		expect(labels(scheduler, newProgress(now))).toEqual(['Again 5m', 'Hard 33m', 'Good 1h', 'Easy 3d']);
	});

	it('relearning steps "30m" set where a lapsed review card goes', () => {
		const scheduler = new Scheduler(schedulerOptions({ ...defaults, relearningSteps: ['30m'] }, { enableFuzz: false, days }));
		const reviewed = now.getTime() - 10 * 86_400_000;
		const review: Progress = { ...newProgress(now), state: State.Review, reps: 3, stability: 10, difficulty: 5, scheduled_days: 10, last_review: reviewed, due: now.getTime() };
		expect(labels(scheduler, review)[0]).toBe('Again 30m');
	});
});

describe('parseSteps', () => {
	it('reads steps separated by spaces or commas, and an empty field as no steps', () => {
		expect(parseSteps(' 1m, 10m  1h 2d ', 'Learning steps')).toEqual({ ok: true, steps: ['1m', '10m', '1h', '2d'] });
		expect(parseSteps('', 'Learning steps')).toEqual({ ok: true, steps: [] });
		expect(formatSteps(['1m', '10m'])).toBe('1m 10m');
	});

	it('refuses a word that is not a whole step, with a message naming it', () => {
		expect(parseSteps('1m ten', 'Learning steps')).toEqual({
			ok: false,
			error: 'Learning steps: "ten" is not a step. Write whole minutes, hours or days up to 30 days, e.g. "1m 10m" or "1h 1d".'
		});
		expect(parseSteps('1.5m', 'Relearning steps')).toMatchObject({ ok: false, error: expect.stringContaining('"1.5m" is not a step') });
		expect(parseSteps('0m', 'x')).toMatchObject({ ok: false });
		expect(parseSteps('31d', 'x')).toMatchObject({ ok: false });
		expect(parseSteps('1m '.repeat(11), 'Learning steps')).toEqual({ ok: false, error: 'Learning steps: at most 10 steps.' });
	});
});

describe('siblingsToBury', () => {
	const at = now.getTime();
	const progress = (state: State, due: number): Progress => ({ ...newProgress(now), state, due, reps: state === State.New ? 0 : 1 });
	const card = (id: string, start: number, state: State, due = at, extra: Partial<SiblingCard> = {}): SiblingCard => ({
		id,
		position: 0,
		progress: progress(state, due),
		source: { doc: 'doc-1', start, end: start + 40 },
		...extra
	});
	const tomorrow = Date.parse('2026-03-03T04:00:00Z');
	const cards: SiblingCard[] = [
		card('studied', 0, State.Learning),
		card('new-sibling', 0, State.New),
		card('due-sibling', 0, State.Review, at - 86_400_000),
		card('later-sibling', 0, State.Review, tomorrow),
		card('learning-sibling', 0, State.Relearning, at + 60_000),
		card('suspended-sibling', 0, State.New, at, { suspended: true }),
		card('buried-sibling', 0, State.New, at, { buriedUntil: tomorrow }),
		card('other-sentence', 41, State.New),
		{ ...card('other-doc', 0, State.New), source: { doc: 'doc-2', start: 0, end: 40 } }
	];

	it('buries the new and due-for-review cards of the same sentence, and nothing else', () => {
		expect(siblingsToBury(cards[0]!, cards, now, days)).toEqual(['new-sibling', 'due-sibling']);
	});

	it('a bury that has ended no longer protects a sibling from a new one', () => {
		const expired = { ...cards[6]!, buriedUntil: at - 1 };
		expect(siblingsToBury(cards[0]!, [cards[0]!, expired], now, days)).toEqual(['buried-sibling']);
	});
});

describe('leeches', () => {
	// A fixed log: new → learning, then Good/Again in Review. Lapses are Again on a Review card only.
	const entry = (rating: number, state: number) => ({ rating, state });
	const log = [
		entry(Rating.Good, State.New),
		entry(Rating.Again, State.Learning),
		entry(Rating.Good, State.Learning),
		...Array.from({ length: 8 }, () => [entry(Rating.Again, State.Review), entry(Rating.Good, State.Relearning)]).flat(),
		entry(Rating.Again, State.Relearning)
	];

	it('counts the lapses in a review log (Again on a review card, not in learning)', () => {
		expect(lapsesOf(log)).toBe(8);
		expect(lapsesOf(log.slice(0, 17))).toBe(7);
	});

	it('the 8th lapse makes a leech, and the learner is told again every 4 lapses after', () => {
		expect(LEECH_LAPSES).toBe(8);
		expect([1, 7, 8, 9, 11, 12, 13, 16].filter(isLeechLapse)).toEqual([8, 12, 16]);
	});

	it('ts-fsrs counts the same lapses as the log: eight Again on a review card reach 8', () => {
		const scheduler = new Scheduler(schedulerOptions(defaults, { enableFuzz: false, days }));
		let progress = newProgress(now);
		let t = now.getTime();
		const outcomes: { rating: number; state: number }[] = [];
		const step = (grade: Rating) => {
			const { next, log: outcome } = scheduler.grade(progress, grade, new Date(t));
			outcomes.push(outcome);
			progress = next;
			t = Math.max(t, next.due) + 60_000;
		};
		step(Rating.Easy);
		for (let i = 0; i < 8; i++) {
			step(Rating.Again);
			while (progress.state !== State.Review) step(Rating.Good);
		}
		expect([progress.lapses, lapsesOf(outcomes)]).toEqual([8, 8]);
	});
});
