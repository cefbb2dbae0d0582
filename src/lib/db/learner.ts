/**
 * The learner's scheduler: the one place where the settings row (desired retention, learning and relearning
 * steps, maximum interval, "Next day starts at") and the FSRS parameters fitted by `Optimise` become a Scheduler.
 * Study, quiz, sync's replay, the knowledge map, /stats and the card browser all build theirs here, so a card is
 * graded, replayed and shaded by the same forgetting curve in the same study days.
 */
import { deviceZone, studyDays, type DayRule, type TimeZone } from '$lib/domain/days';
import { Scheduler, schedulerOptions } from '$lib/scheduler/fsrs';
import { schedulingWeights } from './parameters';
import type { FactdeckDB } from './schema';
import { getSettings, type Settings } from './settings';

export interface LearnerSchedulerOptions {
	/** On where cards are graded, so cards studied together spread out; off (the default) where recall is only read. */
	enableFuzz?: boolean;
	/** The zone study days are counted in; this device's by default. */
	zone?: TimeZone;
}

export interface LearnerScheduler {
	scheduler: Scheduler;
	/** The settings it was built from (read once, so callers need not read them again). */
	settings: Settings;
	/** Study days under the "Next day starts at" setting, in the zone asked for. */
	days: DayRule;
	/** The learner's fitted FSRS parameters, or undefined when ts-fsrs's defaults apply. */
	w: number[] | undefined;
}

/** Reads the settings and the fitted parameters and builds the scheduler from them. */
export async function learnerScheduler(db: FactdeckDB, { enableFuzz = false, zone = deviceZone }: LearnerSchedulerOptions = {}): Promise<LearnerScheduler> {
	const [settings, w] = await Promise.all([getSettings(db), schedulingWeights(db)]);
	const days = studyDays(settings.rolloverHour, zone);
	return { scheduler: new Scheduler(schedulerOptions(settings, { enableFuzz, days, w })), settings, days, w };
}
