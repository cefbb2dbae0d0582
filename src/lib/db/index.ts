/**
 * The persistence layer's public face. Only src/lib/db imports Dexie; pages and components use these
 * functions, passing the database from `getDb()` (tests pass their own `new FactdeckDB(name)`).
 */
import { liveQuery, type Observable } from 'dexie';
import { FactdeckDB } from './schema';

export { FactdeckDB, DEFAULT_SETTINGS } from './schema';
export type { CardRow, DeckRow, ReviewRow, SourceRow, SettingsRow, Theme, ReviewOrigin } from './schema';
export { StorageError, toStorageError, type StorageErrorKind } from './errors';
export * from './decks';
export * from './cards';
export * from './reviews';
export * from './settings';
export * from './backup';
export * from './quizzes';
export type { QuizRow, QuizAnswerRow } from './schema';

let instance: FactdeckDB | undefined;

/** The app's database, opened on first use (in the browser only: prerendering runs without IndexedDB). */
export function getDb(): FactdeckDB {
	instance ??= new FactdeckDB();
	return instance;
}

/**
 * A query that re-runs whenever the tables it read change, in this tab or another (Dexie liveQuery), as a
 * Svelte-compatible store: `$derived` over `fromStore`, or subscribe in an effect.
 */
export function live<T>(query: () => Promise<T>): Observable<T> {
	return liveQuery(query);
}
