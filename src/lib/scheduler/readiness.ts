/**
 * Seminar readiness (issue 5): how much of a deck the student is predicted to recall on a seminar date, how that
 * rises with the planned reviews, the daily plan that gets every card seen at least twice before the date, and
 * the order that studies the weakest cards first. Pure: `now`/`today` are always passed in.
 *
 * Model, documented in docs/quiz-and-readiness.md:
 * - the seminar happens at 09:00 local time on its calendar day (`seminarInstant`);
 * - a card's recall at an instant is FSRS's retrievability R(t, S) = (1 + FACTOR·t/S)^DECAY, t in days since its
 *   last review (ts-fsrs `forgetting_curve`, decay = w[20]); a never-studied card recalls 0;
 * - the plan studies on each calendar day from today up to the day before the seminar; each planned review is
 *   answered Good, and sets the card's memory state by ts-fsrs's `next_state(…, Good)` with t in whole calendar
 *   days, as ts-fsrs itself counts them; a card is next due after ts-fsrs's interval (fuzz off).
 */
import {
	fsrs,
	forgetting_curve,
	generatorParameters,
	Rating,
	State,
	type FSRS,
	type FSRSParameters
} from 'ts-fsrs';
import type { Progress } from './progress';

const DAY_MS = 86_400_000;
/** The hour of the day a seminar date stands for. A morning seminar is the cautious reading of a bare date. */
export const SEMINAR_HOUR = 9;

export interface ReadinessCard {
	stability: number;
	/** Needed only by the plan's simulation; a missing one is taken as ts-fsrs's initial "Good" difficulty. */
	difficulty?: number;
	lastReview?: Date;
	state: State;
	/** When FSRS next wants the card; by default its last review plus ts-fsrs's interval for its stability. */
	due?: Date;
	/** Times seen so far; by default 0 for a new card and 2 for any other. */
	reps?: number;
}

export type ReadinessParams = Partial<FSRSParameters>;

export class SeminarDateError extends Error {
	override name = 'SeminarDateError';
}

/** "2026-12-03" → 3 December 2026, 09:00 local time. */
export function seminarInstant(day: string): Date {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) throw new SeminarDateError(`Seminar date must look like 2026-12-03, got “${day}”`);
	const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const instant = new Date(year, month - 1, date, SEMINAR_HOUR);
	if (instant.getMonth() !== month - 1 || instant.getDate() !== date) {
		throw new SeminarDateError(`Seminar date ${day} is not a day of the calendar`);
	}
	return instant;
}

/** The local calendar day of an instant, as YYYY-MM-DD. */
export function localDay(instant: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** Seminar mode lasts until the seminar starts; afterwards scheduling is normal FSRS again. */
export function isSeminarActive(target: Date, now: Date): boolean {
	return now.getTime() < target.getTime();
}

function scheduler(params: ReadinessParams): FSRS {
	return fsrs(generatorParameters({ ...params, enable_fuzz: false }));
}

/** Predicted recall of one card at `at`: 0 if never studied, else FSRS retrievability. */
export function recallAt(card: ReadinessCard, at: Date, params: ReadinessParams = {}): number {
	return recall(generatorParameters(params).w, card, at);
}

type Weights = FSRSParameters['w'];

function recall(w: Weights, card: ReadinessCard, at: Date): number {
	if (card.state === State.New || card.lastReview === undefined || !(card.stability > 0)) return 0;
	const days = Math.max(0, (at.getTime() - card.lastReview.getTime()) / DAY_MS);
	return forgetting_curve(w, days, card.stability);
}

/** The share of the deck predicted to be recalled at `target`, 0..1 (an empty deck is 0). */
export function readiness(cards: readonly ReadinessCard[], target: Date, params: ReadinessParams = {}): number {
	if (cards.length === 0) return 0;
	const w = generatorParameters(params).w;
	let sum = 0;
	for (const card of cards) sum += recall(w, card, target);
	return sum / cards.length;
}

/** A stored card state (progress.ts) in the shape readiness works on. */
export function fromProgress(progress: Progress): ReadinessCard {
	const card: ReadinessCard = {
		stability: progress.stability,
		difficulty: progress.difficulty,
		state: progress.state,
		due: new Date(progress.due),
		reps: progress.reps
	};
	if (progress.last_review !== null) card.lastReview = new Date(progress.last_review);
	return card;
}

/**
 * The due and learning cards (not new, due by `now`), lowest predicted recall at `target` first; ties keep
 * their input order.
 */
export function prioritiseForSeminar<T extends ReadinessCard>(
	cards: readonly T[],
	target: Date,
	now: Date,
	params: ReadinessParams = {}
): T[] {
	const f = scheduler(params);
	const w = f.parameters.w;
	return cards
		.filter((card) => card.state !== State.New && dueOf(card, f).getTime() <= now.getTime())
		.map((card) => ({ card, recall: recall(w, card, target) }))
		.sort((a, b) => a.recall - b.recall)
		.map(({ card }) => card);
}

/** For the study queue's `compareReviews`: lowest predicted recall at the seminar first. */
export function compareBySeminarRecall(
	target: Date,
	params: ReadinessParams = {}
): (a: { progress: Progress }, b: { progress: Progress }) => number {
	const w = generatorParameters(params).w;
	return (a, b) => recall(w, fromProgress(a.progress), target) - recall(w, fromProgress(b.progress), target);
}

function dueOf(card: ReadinessCard, f: FSRS): Date {
	if (card.due) return card.due;
	if (!card.lastReview) return new Date(0);
	return new Date(card.lastReview.getTime() + f.next_interval(card.stability, 0) * DAY_MS);
}

export interface PlanDay {
	/** YYYY-MM-DD, local. */
	day: string;
	newCards: number;
	reviews: number;
}

export interface SeminarPlan {
	days: PlanDay[];
	/** New cards the plan cannot introduce in time to see twice at `newPerDayLimit` a day. */
	shortfall: number;
}

export interface ReadinessPoint {
	/** YYYY-MM-DD, local; the last point is the seminar day. */
	day: string;
	/** Predicted readiness at the seminar, counting the planned reviews before this day. */
	readiness: number;
}

/** Local midnight `days` calendar days after `start`'s day (DST-safe: built from calendar fields). */
function dayStart(start: Date, days: number): Date {
	return new Date(start.getFullYear(), start.getMonth(), start.getDate() + days);
}

/** Whole calendar days from `a`'s local day to `b`'s. */
function calendarDays(a: Date, b: Date): number {
	const utc = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
	return Math.round((utc(b) - utc(a)) / DAY_MS);
}

/** New cards per introduction day: `total` spread evenly over `days`, earlier days taking the remainder, capped. */
function spreadNewCards(total: number, days: number, limit: number): number[] {
	const base = Math.floor(total / days);
	const extra = total % days;
	return Array.from({ length: days }, (_, i) => Math.min(limit, base + (i < extra ? 1 : 0)));
}

interface SimCard {
	card: ReadinessCard;
	stability: number;
	difficulty: number;
	lastReview: Date | undefined;
	/** Study-day index when next reviewed; Infinity when never (new, not yet introduced). */
	dueDay: number;
	reps: number;
}

interface Simulation {
	plan: SeminarPlan;
	curve: ReadinessPoint[];
}

/**
 * Plays the plan forward day by day. New cards are introduced in input order on the first `days - 1` study
 * days (so each can be seen again on a later day; with one day left, today); a card seen once is seen again
 * by its FSRS due day, at the latest on the last study day.
 */
function simulate(
	cards: readonly ReadinessCard[],
	today: Date,
	target: Date,
	newPerDayLimit: number,
	params: ReadinessParams
): Simulation {
	const f = scheduler(params);
	const w = f.parameters.w;
	const studyDays = Math.max(0, calendarDays(today, target));
	const lastDay = studyDays - 1;
	const sims: SimCard[] = cards.map((card) => {
		const fresh = card.state === State.New || card.lastReview === undefined || !(card.stability > 0);
		const reps = card.reps ?? (fresh ? 0 : 2);
		const due = fresh ? Infinity : Math.max(0, calendarDays(today, dueOf(card, f)));
		return {
			card,
			stability: card.stability,
			difficulty: card.difficulty ?? f.init_difficulty(Rating.Good),
			lastReview: fresh ? undefined : card.lastReview,
			dueDay: reps < 2 ? Math.min(due, Math.max(0, lastDay)) : due,
			reps: fresh ? 0 : Math.max(1, reps)
		};
	});
	const waiting = sims.filter((s) => s.reps === 0);
	const introDays = Math.max(1, studyDays - 1);
	const perDay = studyDays === 0 ? [] : spreadNewCards(waiting.length, introDays, Math.max(0, newPerDayLimit));
	const introduced = perDay.reduce((a, b) => a + b, 0);

	const current = () =>
		sims.reduce((sum, s) => {
			const state = s.reps === 0 ? State.New : State.Review;
			const card = { stability: s.stability, state, ...(s.lastReview ? { lastReview: s.lastReview } : {}) };
			return sum + recall(w, card, target);
		}, 0) / Math.max(1, sims.length);

	const review = (s: SimCard, day: number, at: Date) => {
		const elapsed = s.lastReview ? Math.max(0, calendarDays(s.lastReview, at)) : 0;
		const memory = s.reps === 0 ? null : { stability: s.stability, difficulty: s.difficulty };
		const next = f.next_state(memory, elapsed, Rating.Good);
		s.stability = next.stability;
		s.difficulty = next.difficulty;
		s.lastReview = at;
		s.reps += 1;
		const interval = f.next_interval(s.stability, elapsed);
		s.dueDay = s.reps < 2 ? Math.min(day + interval, lastDay) : day + interval;
		if (s.dueDay <= day) s.dueDay = day + 1;
	};

	const days: PlanDay[] = [];
	const curve: ReadinessPoint[] = [];
	let next = 0;
	for (let day = 0; day < studyDays; day++) {
		curve.push({ day: localDay(dayStart(today, day)), readiness: current() });
		const nine = new Date(dayStart(today, day).getTime());
		nine.setHours(SEMINAR_HOUR);
		const at = new Date(Math.max(nine.getTime(), today.getTime()));
		const due = sims.filter((s) => s.reps > 0 && s.dueDay <= day);
		for (const s of due) review(s, day, at);
		const fresh = waiting.slice(next, next + (perDay[day] ?? 0));
		next += fresh.length;
		for (const s of fresh) review(s, day, at);
		days.push({ day: localDay(at), newCards: fresh.length, reviews: due.length });
	}
	curve.push({ day: localDay(target), readiness: current() });
	return { plan: { days, shortfall: waiting.length - introduced }, curve };
}

/**
 * The daily plan before the seminar: per day, the new cards to introduce and the reviews due.
 * `newPerDayLimit` caps new cards a day; what the cap leaves out is reported as `shortfall`.
 */
export function seminarPlan(
	cards: readonly ReadinessCard[],
	today: Date,
	target: Date,
	newPerDayLimit: number,
	params: ReadinessParams = {}
): SeminarPlan {
	return simulate(cards, today, target, newPerDayLimit, params).plan;
}

/**
 * Predicted readiness at the seminar as the plan is followed: one point per day from today to the seminar day,
 * each counting the reviews planned before that day (so the first point is today's readiness).
 */
export function readinessCurve(
	cards: readonly ReadinessCard[],
	today: Date,
	target: Date,
	newPerDayLimit: number,
	params: ReadinessParams = {}
): ReadinessPoint[] {
	return simulate(cards, today, target, newPerDayLimit, params).curve;
}
