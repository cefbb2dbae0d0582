/**
 * What the reminder to back up needs from storage (src/lib/app/backup-reminder.ts decides): when the last
 * `Export all data` was, and on how many days the person studied since. Read through the reviews' `at` index
 * (a key each day at most, 30 at most), so the home page stays quick with years of history.
 */
import { LAST_EXPORT_KEY } from './meta-keys';
import type { FactdeckDB } from './schema';

export interface BackupStatus {
	/** Epoch ms of the last export, or null when this device never exported. */
	lastExportAt: number | null;
	/** Days with at least one review since the last export (or ever), counted up to `cap`. */
	daysOfUse: number;
}

/**
 * `dayAfter(t)`: the start of the local day after the one containing epoch ms `t` (passed in: the day
 * arithmetic belongs to the app, and tests pin it).
 */
export async function backupStatus(db: FactdeckDB, dayAfter: (t: number) => number, cap = 30): Promise<BackupStatus> {
	const row = await db.meta.get(LAST_EXPORT_KEY);
	const lastExportAt = typeof row?.value === 'number' ? row.value : null;
	let daysOfUse = 0;
	let from = lastExportAt ?? -Infinity;
	while (daysOfUse < cap) {
		const [at] = (await db.reviews.where('at').above(from).limit(1).keys()) as number[];
		if (at === undefined) break;
		daysOfUse++;
		// The next review on a later day: everything before that day's start is this day's.
		from = dayAfter(at) - 1;
	}
	return { lastExportAt, daysOfUse };
}
