/**
 * Learning and relearning steps and the maximum interval, as in Anki's deck options (issue 10, §2), in the form
 * ts-fsrs takes them (`learning_steps`, `relearning_steps`: "1m", "10m", "1d"; `maximum_interval` in days).
 * Pure and free of ts-fsrs at run time, so the settings page can check input without loading the scheduler.
 */

/** A step: a whole number of minutes, hours or days (ts-fsrs reads the number with parseInt). */
export type Step = `${number}${'m' | 'h' | 'd'}`;

export const DEFAULT_LEARNING_STEPS: readonly Step[] = ['1m', '10m'];
export const DEFAULT_RELEARNING_STEPS: readonly Step[] = ['10m'];
export const MAX_STEPS = 10;
/** Days; ts-fsrs's own bounds (its default maximum interval is 36,500 days). */
export const MAXIMUM_INTERVAL_RANGE = { min: 1, max: 36_500, default: 36_500 } as const;

const STEP = /^([1-9]\d{0,4})([mhd])$/;
const MINUTES = { m: 1, h: 60, d: 1440 } as const;
/** A step longer than this is an interval, not a step. */
const LONGEST_STEP_MINUTES = 30 * 1440;

export type StepsResult = { ok: true; steps: Step[] } | { ok: false; error: string };

function isStep(text: string): text is Step {
	const match = STEP.exec(text);
	return match !== null && Number(match[1]) * MINUTES[match[2] as keyof typeof MINUTES] <= LONGEST_STEP_MINUTES;
}

/** Steps typed as "1m 10m" (spaces or commas between). Empty is allowed: no steps, straight to review. */
export function parseSteps(text: string, what: string): StepsResult {
	const words = text.split(/[\s,]+/).filter((word) => word !== '');
	const bad = words.find((word) => !isStep(word));
	if (bad !== undefined) {
		return { ok: false, error: `${what}: "${bad}" is not a step. Write whole minutes, hours or days up to 30 days, e.g. "1m 10m" or "1h 1d".` };
	}
	if (words.length > MAX_STEPS) return { ok: false, error: `${what}: at most ${MAX_STEPS} steps.` };
	return { ok: true, steps: words as Step[] };
}

export function formatSteps(steps: readonly Step[]): string {
	return steps.join(' ');
}

/** A stored value that is a valid list of steps (settings rows and backups are read back through this). */
export function isSteps(value: unknown): value is Step[] {
	return Array.isArray(value) && value.length <= MAX_STEPS && value.every((step) => typeof step === 'string' && isStep(step));
}

export function isMaximumInterval(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= MAXIMUM_INTERVAL_RANGE.min && value <= MAXIMUM_INTERVAL_RANGE.max;
}
