/**
 * The one place that talks to ts-fsrs: grading a card and previewing the interval each grade would give.
 * Pure: the clock is always passed in.
 *
 * Days (issue 12, §2.2): ts-fsrs counts a review's elapsed days by UTC calendar dates. With cards due by study
 * day, a card reviewed at 21:00 and studied at 08:00 on its due day would, in Tokyo or New York, fall on the same
 * UTC date and be taken for a same-day review (stability hardly grows). So every instant is handed to ts-fsrs in
 * the study-day frame (`toDayFrame`: its UTC date is its study day) and read back from it: elapsed days are
 * study days, intervals stay whole days, and the due instant is the real one.
 */
import { fsrs, generatorParameters, type FSRS, type ReviewLog } from 'ts-fsrs';
import { daysBetween, fromDayFrame, toDayFrame, type DayRule } from '$lib/domain/days';
import { GRADE_NAMES, GRADES, RETENTION_RANGE, type Grade } from './grades';
import { fromFsrs, toFsrs, type Progress } from './progress';
import type { Step } from './steps';

export { GRADE_NAMES, GRADES, Rating, RETENTION_RANGE, type Grade } from './grades';

export interface SchedulerOptions {
	desiredRetention: number;
	/** Off in tests so intervals are exact; on in the app so cards studied together spread out. */
	enableFuzz: boolean;
	/** The study days elapsed days are counted in; by default UTC calendar days, as ts-fsrs counts them. */
	days?: DayRule;
	/** FSRS-6 parameters fitted to the learner (`Optimise`, src/lib/db/parameters.ts); ts-fsrs's defaults without. */
	w?: readonly number[];
	/** ts-fsrs's defaults when absent: 1m 10m, 10m, 36,500 days. */
	learningSteps?: readonly Step[];
	relearningSteps?: readonly Step[];
	maximumInterval?: number;
}

/** The settings a scheduler is built from (src/lib/db/settings.ts): the study and quiz sessions both use this. */
export type SchedulerSettings = Pick<SchedulerOptions, 'desiredRetention' | 'learningSteps' | 'relearningSteps' | 'maximumInterval'>;

/** The one way a session turns the learner's settings into a scheduler's options. */
export function schedulerOptions(
	settings: SchedulerSettings,
	context: { enableFuzz: boolean; days: DayRule; w?: readonly number[] | undefined }
): SchedulerOptions {
	const { desiredRetention, learningSteps, relearningSteps, maximumInterval } = settings;
	return { desiredRetention, learningSteps, relearningSteps, maximumInterval, ...context };
}

/** UTC calendar days: the frame ts-fsrs works in by itself. */
const UTC_DAYS: DayRule = { rolloverHour: 0, zone: () => 0 };

/** What a review stores beside the card's new state: ts-fsrs's log with dates as epoch ms. */
export interface ReviewOutcome {
	rating: Grade;
	state: number;
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	last_elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	review: number;
}

export interface GradePreview {
	grade: Grade;
	name: string;
	next: Progress;
	/** Milliseconds from `now` to the next due date. */
	intervalMs: number;
	/** e.g. "10m", "1d", "3.5mo". */
	label: string;
}

export class Scheduler {
	readonly #fsrs: FSRS;
	readonly #days: DayRule;

	constructor(options: SchedulerOptions) {
		const retention = Math.min(RETENTION_RANGE.max, Math.max(RETENTION_RANGE.min, options.desiredRetention));
		this.#fsrs = fsrs(
			generatorParameters({
				request_retention: retention,
				enable_fuzz: options.enableFuzz,
				...(options.w ? { w: [...options.w] } : {}),
				...(options.learningSteps ? { learning_steps: [...options.learningSteps] } : {}),
				...(options.relearningSteps ? { relearning_steps: [...options.relearningSteps] } : {}),
				...(options.maximumInterval ? { maximum_interval: options.maximumInterval } : {})
			})
		);
		this.#days = options.days ?? UTC_DAYS;
	}

	/** The card's state after `grade` at `now`, and the log entry to store with it. */
	grade(progress: Progress, grade: Grade, now: Date): { next: Progress; log: ReviewOutcome } {
		const item = this.#fsrs.next(toFsrs(this.#framed(progress, toDayFrame)), this.#frame(now), grade);
		return { next: this.#framed(fromFsrs(item.card), fromDayFrame), log: outcome(item.log, grade, (t) => fromDayFrame(t, this.#days)) };
	}

	/** The four grades with the interval each would give, in button order. */
	preview(progress: Progress, now: Date): GradePreview[] {
		const record = this.#fsrs.repeat(toFsrs(this.#framed(progress, toDayFrame)), this.#frame(now));
		// repeat() is indexed by Grade values (toolchain notes, pitfall 8).
		return GRADES.map((grade) => {
			const next = this.#framed(fromFsrs(record[grade].card), fromDayFrame);
			const intervalMs = next.due - now.getTime();
			return { grade, name: GRADE_NAMES[grade], next, intervalMs, label: formatInterval(intervalMs) };
		});
	}

	/**
	 * Probability of recall on `now`'s study day (0..1; 0 for a card never studied): R(t, S) with t the whole study
	 * days since the last review, as ts-fsrs counts elapsed days when grading (so it is the recall the next
	 * review's memory update assumes). A card reviewed at 21:00 is a day old at 08:00 the next morning (24-hour
	 * periods would count none). The one recall of the app: study, the browser, /stats, the knowledge map and
	 * seminar readiness (readiness.ts counts the same days) all predict with it.
	 */
	retrievabilityToday(progress: Progress, now: Date): number {
		if (progress.last_review === null) return 0;
		const days = Math.max(0, daysBetween(progress.last_review, now, this.#days));
		return this.#fsrs.forgetting_curve(days, progress.stability);
	}

	#frame(at: Date): Date {
		return new Date(toDayFrame(at.getTime(), this.#days));
	}

	/** `progress` with its instants moved into (toDayFrame) or out of (fromDayFrame) the study-day frame. */
	#framed(progress: Progress, move: (t: number, days: DayRule) => number): Progress {
		const lastReview = progress.last_review === null ? null : move(progress.last_review, this.#days);
		return { ...progress, due: move(progress.due, this.#days), last_review: lastReview };
	}
}

function outcome(log: ReviewLog, grade: Grade, unframe: (t: number) => number): ReviewOutcome {
	return {
		rating: grade,
		state: log.state,
		due: unframe(log.due.getTime()),
		stability: log.stability,
		difficulty: log.difficulty,
		elapsed_days: log.elapsed_days,
		last_elapsed_days: log.last_elapsed_days,
		scheduled_days: log.scheduled_days,
		learning_steps: log.learning_steps,
		review: unframe(log.review.getTime())
	};
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A short interval label as on a grade button: "<1m", "10m", "5h", "3d", "2.5mo", "1.2y". */
export function formatInterval(ms: number): string {
	if (ms < MINUTE) return '<1m';
	if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
	if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
	const days = ms / DAY;
	if (days < 30) return `${Math.round(days)}d`;
	if (days < 365) return `${trim(days / 30)}mo`;
	return `${trim(days / 365)}y`;
}

function trim(value: number): string {
	return (Math.round(value * 10) / 10).toString();
}
