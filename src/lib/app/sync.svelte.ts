/**
 * Sync as the app runs it (docs/data.md, "Sync"): `Sync now`, and by itself on start, after a study session or
 * quiz, and when the device comes back online — only once a sync server is set. One sync at a time; a request
 * while one runs is folded into one more run after it. The CouchDB client is imported only here, on first use.
 */
import { getDb } from '$lib/db/connection';
import { getDayRule, getSettings } from '$lib/db/settings';
import { recordSyncOutcome, syncStatus } from '$lib/db/sync';
import { messageOf } from '$lib/app/message';

class SyncRunner {
	/** Whether a sync runs now (the stored status, read live by the settings page, says how the last one went). */
	running = $state(false);
	#again = false;
	#started = false;

	/** Runs a sync now (or right after the one running); the outcome is stored and shown as status. */
	async run(): Promise<void> {
		if (this.running) {
			this.#again = true;
			return;
		}
		this.running = true;
		try {
			do {
				this.#again = false;
				await this.#once();
			} while (this.#again);
		} finally {
			this.running = false;
		}
	}

	async #once(): Promise<void> {
		const db = getDb();
		const status = await syncStatus(db);
		const config = status.config;
		if (!status.enabled || !config) return;
		try {
			const [{ connect }, { syncOnce }, { Scheduler }] = await Promise.all([import('$lib/sync/transport'), import('$lib/sync/run'), import('$lib/scheduler/fsrs')]);
			const settings = await getSettings(db);
			// The app's scheduler, so a replayed card gets exactly the state grading it here would give.
			const scheduler = new Scheduler({ desiredRetention: settings.desiredRetention, enableFuzz: true, days: await getDayRule(db) });
			const remote = await connect(config);
			await syncOnce({ db, remote, scheduler, now: () => Date.now() });
			await recordSyncOutcome(db, Date.now(), null);
		} catch (error) {
			await recordSyncOutcome(db, Date.now(), messageOf(error));
		}
	}

	/** Syncs when the app starts and whenever the device comes back online (once; later calls do nothing). */
	start(): void {
		if (this.#started || typeof window === 'undefined') return;
		this.#started = true;
		window.addEventListener('online', () => void this.run());
		void this.run();
	}
}

export const syncRunner = new SyncRunner();

/** After a study session or a quiz: push its reviews (does nothing while sync is off). */
export function syncAfterSession(): void {
	void syncRunner.run();
}
