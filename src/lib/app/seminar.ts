/**
 * What the deck page shows for a seminar date: readiness now, the daily plan and the readiness curve, from
 * src/lib/scheduler/readiness.ts. Pure: the cards, the settings and `now` come in.
 */
import type { Progress } from '$lib/scheduler/progress';
import {
	fromProgress,
	isSeminarActive,
	readiness,
	readinessCurve,
	seminarInstant,
	seminarPlan,
	type ReadinessPoint,
	type SeminarPlan
} from '$lib/scheduler/readiness';

export interface SeminarView {
	/** Predicted share of the deck recalled at the seminar, as a whole percentage. */
	percent: number;
	/** False once the seminar has started: no plan, normal scheduling again. */
	active: boolean;
	plan: SeminarPlan | null;
	curve: ReadinessPoint[];
}

export function seminarView(progress: readonly Progress[], day: string, now: Date, newPerDay: number): SeminarView {
	const target = seminarInstant(day);
	const cards = progress.map(fromProgress);
	const percent = Math.round(readiness(cards, target) * 100);
	const active = isSeminarActive(target, now);
	if (!active) return { percent, active, plan: null, curve: [] };
	return {
		percent,
		active,
		plan: seminarPlan(cards, now, target, newPerDay),
		curve: readinessCurve(cards, now, target, newPerDay)
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
	const [y, m, d] = day.split('-').map(Number);
	return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short' });
}
