/**
 * The reminder to back up (issue 12, §1.3), decided from plain facts so tests pin it: shown when something
 * was studied since the last `Export all data` and either the person studied on 30 days since (the data has
 * grown a month of use past its last copy), or the browser may clear the data (`navigator.storage.persisted()`
 * is false: under storage pressure a browser evicts sites without persistent storage).
 */
import type { BackupStatus } from '$lib/db/reminder';

/** Days of study after which an export is due again. */
export const REMIND_AFTER_DAYS = 30;

const DAY_MS = 86_400_000;

export interface Reminder {
	reason: 'overdue' | 'evictable';
	message: string;
}

/** `persisted`: navigator.storage.persisted(), or null when the browser does not say. `now` for "N days ago". */
export function backupReminder(status: BackupStatus, persisted: boolean | null, now: Date): Reminder | null {
	if (status.daysOfUse === 0) return null;
	const last = status.lastExportAt === null ? 'You have never exported a backup' : `Your last backup was ${daysAgo(status.lastExportAt, now)}`;
	if (status.daysOfUse >= REMIND_AFTER_DAYS) {
		const since = status.lastExportAt === null ? 'without a backup' : `since your last backup (${daysAgo(status.lastExportAt, now)})`;
		return { reason: 'overdue', message: `You have studied on ${REMIND_AFTER_DAYS} days ${since}. Export all data to keep a copy.` };
	}
	if (persisted === false) {
		return {
			reason: 'evictable',
			message: `${last}. This browser may clear Factdeck's data when the device runs low on space; export all data to keep a copy.`
		};
	}
	return null;
}

function daysAgo(time: number, now: Date): string {
	const days = Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
	return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

/** Whether the browser keeps this site's storage under pressure; null when it does not say. */
export async function storagePersisted(): Promise<boolean | null> {
	if (typeof navigator === 'undefined' || !navigator.storage?.persisted) return null;
	return navigator.storage.persisted().catch(() => null);
}
