/**
 * A Dexie live query as rune state: re-runs when the tables it read change, in this tab or another, so
 * several tabs stay consistent (issue 4, point 4). Call during component initialisation (it uses $effect,
 * which also keeps IndexedDB out of prerendering).
 */
import { messageOf } from './message';
import { live } from '$lib/db/connection';

export interface LiveState<T> {
	/** undefined until the first result. */
	readonly value: T | undefined;
	readonly error: string | null;
}

export interface LiveOptions {
	/** Awaited before the first query (e.g. the built-in decks' install on a first visit). */
	ready?: () => Promise<unknown>;
	/** Read inside the effect: when it changes (another deck id in the URL) the query starts over. */
	key?: () => unknown;
	/** Read inside the effect: when it changes (a new day) the query runs again, keeping the shown value meanwhile. */
	refresh?: () => unknown;
}

export function liveState<T>(query: () => Promise<T>, options: LiveOptions = {}): LiveState<T> {
	let value = $state.raw<T | undefined>(undefined);
	let error = $state<string | null>(null);
	const ready = options.ready ?? (() => Promise.resolve());
	let shownKey: unknown = Symbol('none');
	$effect(() => {
		const key = options.key?.();
		options.refresh?.();
		if (key !== shownKey) value = undefined;
		shownKey = key;
		let unsubscribe: (() => void) | undefined;
		let stopped = false;
		// `ready` first: e.g. the home page waits for the built-in decks, so a first visit never flashes "no decks".
		void ready().then(() => {
			if (stopped) return;
			const subscription = live(query).subscribe({
				next: (result) => {
					value = result;
					error = null;
				},
				error: (e: unknown) => {
					error = messageOf(e);
				}
			});
			unsubscribe = () => subscription.unsubscribe();
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
		}
	};
}
