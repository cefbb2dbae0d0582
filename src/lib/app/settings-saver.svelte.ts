/**
 * Saving a setting as /settings does (the study options, theme, and the study-control panel): each change is
 * stored at once through `saveSettings`, which refuses a value out of range with a message and stores nothing.
 * The outcome is state a panel shows: `saved` for its role="status" line ("Theme saved."), `error` for its
 * role="alert".
 */
import { getDb } from '$lib/db/connection';
import type { FactdeckDB } from '$lib/db/schema';
import { saveSettings, type Settings } from '$lib/db/settings';
import { messageOf } from './message';

export class SettingsSaver {
	/** "<what> saved." after the last change was stored; '' otherwise. */
	saved = $state('');
	/** Why the last change was refused or failed; '' otherwise. */
	error = $state('');
	readonly #db: () => FactdeckDB;

	/** `db`: the app's database by default; tests pass their own. */
	constructor(db: () => FactdeckDB = getDb) {
		this.#db = db;
	}

	/** Stores `change` (named `what` in the status line); the settings now stored, or null when it was refused. */
	async save(change: Partial<Settings>, what: string): Promise<Settings | null> {
		this.saved = '';
		try {
			const settings = await saveSettings(this.#db(), change);
			this.error = '';
			this.saved = `${what} saved.`;
			return settings;
		} catch (e) {
			this.error = messageOf(e);
			return null;
		}
	}

	/** Input refused before it reached storage (e.g. steps that do not parse): its message, and nothing saved. */
	refuse(message: string): void {
		this.saved = '';
		this.error = message;
	}
}
