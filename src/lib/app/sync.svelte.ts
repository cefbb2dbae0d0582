/**
 * Sync as the app runs it (docs/data.md, "Sync"): `Sync now`, and by itself on start, after a study session or
 * quiz, and when the device comes back online — only once a sync server is set. One sync at a time; requests
 * while one runs share one more run after it. The CouchDB client is imported only here, on first use.
 */
import { getDb } from '$lib/db/connection';
import { recordSyncOutcome, syncStatus } from '$lib/db/sync';
import { messageOf } from '$lib/app/message';

export type SyncOutcome = { ok: true; sent: number; received: number; published: number } | { ok: false; message: string } | { ok: null };

class SyncRunner {
	/** Whether a sync runs now (the stored status, read live by the settings page, says how the last one went). */
	running = $state(false);
	#current: Promise<SyncOutcome> | null = null;
	#queued: Promise<SyncOutcome> | null = null;
	#started = false;

	/** Syncs now, or once more right after the sync running; resolves with how it went (`ok: null`: sync is off). */
	run(): Promise<SyncOutcome> {
		if (this.#current) {
			this.#queued ??= this.#current.then(() => {
				this.#queued = null;
				return this.run();
			});
			return this.#queued;
		}
		this.running = true;
		this.#current = this.#once().finally(() => {
			this.#current = null;
			this.running = false;
		});
		return this.#current;
	}

	async #once(): Promise<SyncOutcome> {
		const db = getDb();
		const status = await syncStatus(db);
		const config = status.config;
		if (!status.enabled || !config) return { ok: null };
		try {
			const [{ connect }, { syncOnce, syncClass, classFailure, replayScheduler }] = await Promise.all([import('$lib/sync/transport'), import('$lib/sync/run')]);
			const scheduler = await replayScheduler(db);
			const remote = await connect(config);
			const now = () => Date.now();
			const result = await syncOnce({ db, remote, scheduler, now });
			// Then the class database, with the same account: the decks this device publishes go out, the class's come in.
			const classUrl = config.classUrl;
			const fromClass = classUrl
				? await connect({ ...config, url: classUrl })
						.then((klass) => syncClass({ db, remote: klass, scheduler, now }))
						.catch((error: unknown) => Promise.reject(classFailure(error, classUrl)))
				: { applied: 0, published: 0 };
			await recordSyncOutcome(db, Date.now(), null);
			return { ok: true, sent: result.pushed, received: result.applied + fromClass.applied, published: fromClass.published };
		} catch (error) {
			const message = messageOf(error);
			await recordSyncOutcome(db, Date.now(), message).catch(() => {});
			return { ok: false, message };
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
