/**
 * What the deck page shows for a seminar date: readiness now, the daily plan and the readiness curve, from
 * src/lib/scheduler/readiness.ts. Pure: the cards, the settings, `now` and the time zone come in.
 *
 * Both the view and the study queue's seminar mode (issue 12, §2.3) leave suspended cards out (they are not
 * studied, so they can neither be planned nor be recalled at the seminar) and plan with the person's desired
 * retention, study days and fitted FSRS parameters, so the plan shows what the study queue will do.
 */
import { DAY_MS, deviceZone, parseDayKey, studyDays, type TimeZone } from '$lib/domain/days';
import { State, type Progress } from '$lib/scheduler/progress';
import type { QueueCard, QueueOptions } from '$lib/scheduler/queue';
import {
	fromProgress,
	isSeminarActive,
	prioritiseForSeminar,
	readiness,
	readinessCurve,
	seminarInstant,
	seminarPlan,
	type PlanOptions,
	type ReadinessCard,
	type ReadinessPoint,
	type SeminarPlan
} from '$lib/scheduler/readiness';

/**
 * The plan is simulated day by day for every card (cost: days × cards, twice for plan and curve), so it is
 * drawn only for a seminar within a year; further off, readiness alone is shown.
 */
export const PLAN_HORIZON_DAYS = 366;

export interface SeminarView {
	/** Predicted share of the deck recalled at the seminar, as a whole percentage. */
	percent: number;
	/** False once the seminar has started: no plan, normal scheduling again. */
	active: boolean;
	/** Active, but more than PLAN_HORIZON_DAYS away: no plan yet. */
	tooFar: boolean;
	plan: SeminarPlan | null;
	curve: ReadinessPoint[];
}

/**
 * The settings the seminar plan depends on, and the learner's fitted FSRS parameters (`learnerScheduler`'s `w`;
 * undefined for ts-fsrs's defaults).
 */
export type SeminarSettings = { newPerDay: number; desiredRetention: number; rolloverHour: number; w?: readonly number[] | undefined };

/** A deck's card as the seminar plan reads it. */
export type SeminarCard = { progress: Progress; suspended: boolean };

function planOptions({ desiredRetention, rolloverHour, w }: SeminarSettings, zone: TimeZone): PlanOptions {
	return { params: { request_retention: desiredRetention, ...(w ? { w: [...w] } : {}) }, days: studyDays(rolloverHour, zone) };
}

export function seminarView(
	deckCards: readonly SeminarCard[],
	day: string,
	now: Date,
	settings: SeminarSettings,
	zone: TimeZone = deviceZone
): SeminarView {
	const target = seminarInstant(day, zone);
	const cards = deckCards.filter((card) => !card.suspended).map((card) => fromProgress(card.progress));
	const options = planOptions(settings, zone);
	const percent = Math.round(readiness(cards, target, options) * 100);
	const active = isSeminarActive(target, now);
	const tooFar = target.getTime() - now.getTime() > PLAN_HORIZON_DAYS * DAY_MS;
	if (!active || tooFar) return { percent, active, tooFar, plan: null, curve: [] };
	const limit = seminarNewLimit(cards.length, settings.newPerDay);
	return {
		percent,
		active,
		tooFar,
		plan: seminarPlan(cards, now, target, limit, options),
		curve: readinessCurve(cards, now, target, limit, options)
	};
}

/**
 * SVG polyline points for the curve in a `width`×`height` box, readiness 0..1 bottom to top, days evenly
 * spaced left to right (a single point sits in the middle).
 */
export function curvePoints(curve: readonly ReadinessPoint[], width: number, height: number): string {
	const step = curve.length > 1 ? width / (curve.length - 1) : 0;
	return curve
		.map((point, i) => {
			const x = curve.length > 1 ? i * step : width / 2;
			const y = height - Math.min(1, Math.max(0, point.readiness)) * height;
			return `${round(x)},${round(y)}`;
		})
		.join(' ');
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}

/** "Tue 3 Dec" for a YYYY-MM-DD day, in the given locale. */
export function dayLabel(day: string, locale?: string): string {
	// A day key names a date, not an instant: read and shown in UTC, so no zone can move it to the next date.
	return new Date((parseDayKey(day) ?? 0) * DAY_MS).toLocaleDateString(locale, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		timeZone: 'UTC'
	});
}

/**
 * The new-card cap the seminar plan runs with: none in effect (the deck's size), so every card can be seen twice
 * before the date. The deck page's plan and the study queue use the same figure, so what is shown is what is done.
 */
function seminarNewLimit(deckSize: number, newPerDay: number): number {
	return Math.max(deckSize, newPerDay);
}

export type StudyQueueOptions = Pick<QueueOptions, 'newLeft' | 'compareReviews'>;

/** A card not yet seen, standing for one introduced earlier today (see `studyQueueOptions`). */
const SEEN_TODAY: ReadinessCard = { stability: 0, state: State.New };

/**
 * The study queue's new-card allowance and review order for a deck (issue 5). Normally: the daily limit minus
 * the new cards studied today, and reviews by due date. In seminar mode (a seminar date still ahead):
 * - due reviews come lowest predicted recall at the seminar first (`prioritiseForSeminar`); reviews that fall
 *   due later in the session follow, by due date;
 * - the allowance is raised to today's figure of the seminar plan, uncapped, so every card can be seen twice
 *   before the date. The plan is made as of the start of the day: the new cards already studied today are put
 *   back as new, so studying does not re-spread the remainder and over-introduce on the same day.
 * Never less than the normal allowance. Pure: the deck's cards, the settings and `now` come in.
 */
export function studyQueueOptions(
	deck: { seminarDate: string | null },
	cards: readonly QueueCard[],
	settings: SeminarSettings,
	newToday: number,
	now: Date,
	zone: TimeZone = deviceZone
): StudyQueueOptions {
	const newLeft = Math.max(0, settings.newPerDay - newToday);
	const target = seminarTarget(deck.seminarDate, zone);
	if (!target || !isSeminarActive(target, now)) return { newLeft };

	const studied = cards.filter((card) => !card.suspended);
	const asOfMorning = [...studied.map((card) => fromProgress(card.progress)), ...Array.from({ length: Math.max(0, newToday) }, () => SEEN_TODAY)];
	const tooFar = target.getTime() - now.getTime() > PLAN_HORIZON_DAYS * DAY_MS;
	const limit = seminarNewLimit(asOfMorning.length, settings.newPerDay);
	const options = planOptions(settings, zone);
	const planned = tooFar ? 0 : (seminarPlan(asOfMorning, now, target, limit, options).days[0]?.newCards ?? 0);

	const order = prioritiseForSeminar(
		studied.map((card) => ({ ...fromProgress(card.progress), id: card.id })),
		target,
		now,
		options
	);
	const rank = new Map(order.map((card, i) => [card.id, i]));
	const compareReviews = (a: QueueCard, b: QueueCard): number => {
		const ra = rank.get(a.id) ?? order.length;
		const rb = rank.get(b.id) ?? order.length;
		return ra - rb || a.progress.due - b.progress.due || a.position - b.position;
	};
	return { newLeft: Math.max(newLeft, planned - newToday), compareReviews };
}

/** The seminar instant of a stored day, or null when there is none (or it is not a calendar day). */
function seminarTarget(day: string | null, zone: TimeZone): Date | null {
	if (!day) return null;
	try {
		return seminarInstant(day, zone);
	} catch {
		return null;
	}
}
