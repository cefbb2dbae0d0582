/**
 * Seminar readiness (issue 5): how much of a deck the student is predicted to recall on a seminar date, how that
 * rises with the planned reviews, the daily plan that gets every card seen at least twice before the date, and
 * the order that studies the weakest cards first. Pure: `now`/`today` are always passed in.
 *
 * Model, documented in docs/quiz-and-readiness.md:
 * - the seminar happens at 09:00 local time on its calendar day (`seminarInstant`);
 * - days are study days (src/lib/domain/days.ts): they start at the "Next day starts at" hour, and a card is due
 *   on the study day its due instant falls in, as in the study queue;
 * - intervals come from ts-fsrs with the person's desired retention (`request_retention` in the params) and the
 *   learner's fitted parameters (`w` in the params, src/lib/db/learner.ts) when Optimise stored some;
 * - a card's recall at an instant is FSRS's retrievability R(t, S) = (1 + FACTOR·t/S)^DECAY, t in whole study days
 *   since its last review (ts-fsrs `forgetting_curve`, decay = w[20]), as Scheduler.retrievabilityToday counts it
 *   for the card browser, /stats and the knowledge map; a never-studied card recalls 0;
 * - the plan studies on each study day from today up to the day before the seminar; each planned review is
 *   answered Good, and sets the card's memory state by ts-fsrs's `next_state(…, Good)` with t in whole days,
 *   as ts-fsrs itself counts them; a card is next due after ts-fsrs's interval (fuzz off).
 */
import {
	CALENDAR,
	DAY_KEY,
	DAY_MS,
	dayKey,
	dayKeyOf,
	dayOf,
	daysBetween,
	deviceZone,
	instantAt,
	isDueToday,
	parseDayKey,
	type DayRule,
	type TimeZone
} from '$lib/domain/days';
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

/** What the plan and the seminar order are computed with besides the cards and the clock. */
export interface PlanOptions {
	/**
	 * ts-fsrs parameters: `request_retention` is the person's desired retention (default 0.9), `w` their fitted
	 * FSRS parameters (ts-fsrs's defaults without).
	 */
	params?: ReadinessParams;
	/** How instants fall into study days; calendar days in this device's zone by default. */
	days?: DayRule;
}

export class SeminarDateError extends Error {
	override name = 'SeminarDateError';
}

/** "2026-12-03" → 3 December 2026, 09:00 local time in `zone`. */
export function seminarInstant(day: string, zone: TimeZone = deviceZone): Date {
	const parsed = parseDayKey(day);
	if (parsed === null) {
		throw new SeminarDateError(
			DAY_KEY.test(day) ? `Seminar date ${day} is not a day of the calendar` : `Seminar date must look like 2026-12-03, got “${day}”`
		);
	}
	return new Date(instantAt(parsed, SEMINAR_HOUR, zone));
}

/** Seminar mode lasts until the seminar starts; afterwards scheduling is normal FSRS again. */
export function isSeminarActive(target: Date, now: Date): boolean {
	return now.getTime() < target.getTime();
}

function scheduler(params: ReadinessParams): FSRS {
	return fsrs(generatorParameters({ ...params, enable_fuzz: false }));
}

type Weights = FSRSParameters['w'];

/**
 * Predicted recall of one card at `at`: 0 if never studied, else FSRS retrievability after the whole study days
 * since its last review (Scheduler.retrievabilityToday's count: the elapsed days ts-fsrs grades with).
 */
function recall(w: Weights, card: ReadinessCard, at: Date, days: DayRule): number {
	if (card.state === State.New || card.lastReview === undefined || !(card.stability > 0)) return 0;
	return forgetting_curve(w, Math.max(0, daysBetween(card.lastReview, at, days)), card.stability);
}

/** The share of the deck predicted to be recalled at `target`, 0..1 (an empty deck is 0). */
export function readiness(cards: readonly ReadinessCard[], target: Date, { params = {}, days = CALENDAR }: PlanOptions = {}): number {
	if (cards.length === 0) return 0;
	const w = generatorParameters(params).w;
	let sum = 0;
	for (const card of cards) sum += recall(w, card, target, days);
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
 * The due and learning cards (not new, due today as the study queue counts it), lowest predicted recall at
 * `target` first; ties keep their input order.
 */
export function prioritiseForSeminar<T extends ReadinessCard>(
	cards: readonly T[],
	target: Date,
	now: Date,
	{ params = {}, days = CALENDAR }: PlanOptions = {}
): T[] {
	const f = scheduler(params);
	const w = f.parameters.w;
	return cards
		.filter((card) => card.state !== State.New && isDue(card, dueOf(card, f), now, days))
		.map((card) => ({ card, recall: recall(w, card, target, days) }))
		.sort((a, b) => a.recall - b.recall)
		.map(({ card }) => card);
}

/** As the study queue (queue.ts): review cards by study day, learning steps by the clock. */
function isDue(card: ReadinessCard, due: Date, now: Date, days: DayRule): boolean {
	return card.state === State.Review ? isDueToday(due.getTime(), now, days) : due.getTime() <= now.getTime();
}

function dueOf(card: ReadinessCard, f: FSRS): Date {
	if (card.due) return card.due;
	if (!card.lastReview) return new Date(0);
	return new Date(card.lastReview.getTime() + f.next_interval(card.stability, 0) * DAY_MS);
}

export interface PlanDay {
	/** YYYY-MM-DD, the study day. */
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
	/** YYYY-MM-DD, the study day; the last point is the seminar day. */
	day: string;
	/** Predicted readiness at the seminar, counting the planned reviews before this day. */
	readiness: number;
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
 * by its FSRS due day, at the latest on the last study day. A planned review happens at 09:00 (or at the
 * rollover hour when the study day starts later), or now on the first day if that is later.
 */
function simulate(
	cards: readonly ReadinessCard[],
	today: Date,
	target: Date,
	newPerDayLimit: number,
	{ params = {}, days = CALENDAR }: PlanOptions
): Simulation {
	const f = scheduler(params);
	const w = f.parameters.w;
	const first = dayOf(today, days);
	const studyDays = Math.max(0, dayOf(target, days) - first);
	const lastDay = studyDays - 1;
	const sims: SimCard[] = cards.map((card) => {
		const fresh = card.state === State.New || card.lastReview === undefined || !(card.stability > 0);
		const reps = card.reps ?? (fresh ? 0 : 2);
		const due = fresh ? Infinity : Math.max(0, dayOf(dueOf(card, f), days) - first);
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
			return sum + recall(w, card, target, days);
		}, 0) / Math.max(1, sims.length);

	const review = (s: SimCard, day: number, at: Date) => {
		const elapsed = s.lastReview ? Math.max(0, daysBetween(s.lastReview, at, days)) : 0;
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

	const studyHour = Math.max(SEMINAR_HOUR, days.rolloverHour);
	const plan: PlanDay[] = [];
	const curve: ReadinessPoint[] = [];
	let next = 0;
	for (let day = 0; day < studyDays; day++) {
		const key = dayKey(first + day);
		curve.push({ day: key, readiness: current() });
		const at = new Date(Math.max(instantAt(first + day, studyHour, days.zone), today.getTime()));
		const due = sims.filter((s) => s.reps > 0 && s.dueDay <= day);
		for (const s of due) review(s, day, at);
		const fresh = waiting.slice(next, next + (perDay[day] ?? 0));
		next += fresh.length;
		for (const s of fresh) review(s, day, at);
		plan.push({ day: key, newCards: fresh.length, reviews: due.length });
	}
	curve.push({ day: dayKeyOf(target, days), readiness: current() });
	return { plan: { days: plan, shortfall: waiting.length - introduced }, curve };
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
	options: PlanOptions = {}
): SeminarPlan {
	return simulate(cards, today, target, newPerDayLimit, options).plan;
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
	options: PlanOptions = {}
): ReadinessPoint[] {
	return simulate(cards, today, target, newPerDayLimit, options).curve;
}
