/**
 * A Dexie live query as rune state: re-runs when the tables it read change, in this tab or another, so
 * several tabs stay consistent (issue 4, point 4). Call during component initialisation (it uses $effect,
 * which also keeps IndexedDB out of prerendering).
 */
import { failureMessage } from './message';
import { live } from '$lib/db/connection';

export interface LiveState<T> {
	/** undefined until the first result. */
	readonly value: T | undefined;
	/** Why the query failed (the cause and what to do, from src/lib/db/errors.ts), or null. */
	readonly error: string | null;
	/** Runs the query again from the start (the page's `Try again`). */
	retry(): void;
}

export interface LiveOptions {
	/** Awaited before the first query (e.g. the built-in decks' install on a first visit). */
	ready?: () => Promise<unknown>;
	/** Read inside the effect: when it changes (another deck id in the URL) the query starts over. */
	key?: () => unknown;
	/** What the query does, for a failure's message: "Could not <action>: …". */
	action?: string;
	/** Read inside the effect: when it changes (a new day) the query runs again, keeping the shown value meanwhile. */
	refresh?: () => unknown;
}

export function liveState<T>(query: () => Promise<T>, options: LiveOptions = {}): LiveState<T> {
	let value = $state.raw<T | undefined>(undefined);
	let error = $state<string | null>(null);
	let attempt = $state(0);
	const action = options.action ?? 'read your decks';
	const ready = options.ready ?? (() => Promise.resolve());
	let shownKey: unknown = Symbol('none');
	$effect(() => {
		const key = options.key?.();
		options.refresh?.();
		void attempt;
		if (key !== shownKey) value = undefined;
		shownKey = key;
		error = null;
		let unsubscribe: (() => void) | undefined;
		let stopped = false;
		// `ready` first: e.g. the home page waits for the built-in decks, so a first visit never flashes "no decks".
		ready().then(() => {
			if (stopped) return;
			const subscription = live(query).subscribe({
				next: (result) => {
					value = result;
					error = null;
				},
				error: (e: unknown) => {
					error = failureMessage(e, action);
				}
			});
			unsubscribe = () => subscription.unsubscribe();
		}, (e: unknown) => {
			if (!stopped) error = failureMessage(e, action);
		});
		return () => {
			stopped = true;
			unsubscribe?.();
		};
	});
	return {
		get value() {
			return value;
		},
		get error() {
			return error;
		},
		retry() {
			attempt += 1;
		}
	};
}
