import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupReminder } from '$lib/app/backup-reminder';
import { nextDayStart } from '$lib/app/day-change';
import { backupStatus, exportBackupFile, FactdeckDB, importDeck, LAST_EXPORT_KEY, recordReview } from '$lib/db';
import { Rating, Scheduler } from '$lib/scheduler/fsrs';
import { deckFile } from '../db/deck-fixture';

const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false });
const dayAfter = (t: number) => nextDayStart(new Date(t)).getTime();
/** Local times, so days are the device's days whatever the test machine's time zone. */
const at = (day: number, hour: number) => new Date(2026, 2, day, hour, 0, 0);
let db: FactdeckDB;
let n = 0;

beforeEach(async () => {
	db = new FactdeckDB(`reminder-db-${++n}`);
	await db.open();
	await importDeck(db, deckFile('d', [['c-1', 'Who?', 'Schwab']]), 'add', at(1, 8));
});
afterEach(async () => {
	await db.delete();
});

async function studyOn(...times: Date[]) {
	for (const now of times) {
		await recordReview(db, scheduler, { deckId: 'd', cardId: 'c-1', grade: Rating.Good, now, durationMs: 1000, origin: 'study' });
	}
}

describe('backupStatus', () => {
	it('counts the days with reviews since the last export, several reviews on a day counting once', async () => {
		await studyOn(at(2, 9), at(2, 21), at(3, 0), at(5, 23));
		expect(await backupStatus(db, dayAfter)).toEqual({ lastExportAt: null, daysOfUse: 3 });
		await exportBackupFile(db, at(5, 23));
		expect(await db.meta.get(LAST_EXPORT_KEY)).toEqual({ key: LAST_EXPORT_KEY, value: at(5, 23).getTime() });
		expect(await backupStatus(db, dayAfter)).toEqual({ lastExportAt: at(5, 23).getTime(), daysOfUse: 0 });
		await studyOn(at(6, 7), at(7, 7));
		expect(await backupStatus(db, dayAfter)).toEqual({ lastExportAt: at(5, 23).getTime(), daysOfUse: 2 });
	});

	it('stops counting at the cap', async () => {
		await studyOn(...Array.from({ length: 12 }, (_, i) => at(i + 2, 10)));
		expect((await backupStatus(db, dayAfter, 10)).daysOfUse).toBe(10);
	});
});

describe('backupReminder', () => {
	const now = at(20, 12);
	it('nothing studied since the last export: no reminder, whatever the storage', () => {
		expect(backupReminder({ lastExportAt: at(1, 12).getTime(), daysOfUse: 0 }, false, now)).toBeNull();
	});

	it('the browser may evict: reminded after one day of study', () => {
		expect(backupReminder({ lastExportAt: at(10, 12).getTime(), daysOfUse: 1 }, false, now)).toEqual({
			reason: 'evictable',
			message: "Your last backup was 10 days ago. This browser may clear Factdeck's data when the device runs low on space; export all data to keep a copy."
		});
		expect(backupReminder({ lastExportAt: null, daysOfUse: 1 }, true, now)).toBeNull();
		expect(backupReminder({ lastExportAt: null, daysOfUse: 1 }, null, now)).toBeNull();
	});

	it('persistent storage: reminded after 30 days of use without an export, not 29', () => {
		expect(backupReminder({ lastExportAt: null, daysOfUse: 29 }, true, now)).toBeNull();
		expect(backupReminder({ lastExportAt: null, daysOfUse: 30 }, true, now)).toEqual({
			reason: 'overdue',
			message: 'You have studied on 30 days without a backup. Export all data to keep a copy.'
		});
		expect(backupReminder({ lastExportAt: at(19, 8).getTime(), daysOfUse: 30 }, false, now)?.message).toBe(
			'You have studied on 30 days since your last backup (1 day ago). Export all data to keep a copy.'
		);
	});
});
