/**
 * The app's database connection and live queries. Separate from the barrel (index.ts) so a page that only
 * lists decks (the home page) does not pull in backup, quiz and editing code.
 */
import { liveQuery, type Observable } from 'dexie';
import { FactdeckDB } from './schema';

let instance: FactdeckDB | undefined;

/** The app's database, opened on first use (in the browser only: prerendering runs without IndexedDB). */
export function getDb(): FactdeckDB {
	instance ??= new FactdeckDB();
	return instance;
}

/**
 * A query that re-runs whenever the tables it read change, in this tab or another (Dexie liveQuery), as a
 * Svelte-compatible store: `$derived` over `fromStore`, or subscribe in an effect.
 *
 * The querier handed to Dexie is always an `async` function: Dexie follows its zone through native `await`s (and
 * so observes the reads made after them) only when the querier itself is one. A plain `() => deckSummaries(…)`
 * was observed only up to its first await, and the home page and the card browser never saw a change
 * (tests/unit/db/live.test.ts).
 */
export function live<T>(query: () => Promise<T>): Observable<T> {
	return liveQuery(async () => await query());
}
