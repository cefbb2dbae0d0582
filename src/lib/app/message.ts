/**
 * Errors as the text an Alert shows. A page or session that loads data passes what it was doing ("open this
 * deck") to `loadFailure`, which puts storage failures into words in one place (src/lib/db/errors.ts) and
 * keeps "Deck not found" for a deck that truly is not there.
 */
import { toStorageError } from '$lib/db/errors';

/** An error as the text an Alert shows. */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A failed load: the deck is not on this device, or reading failed (with what happened and what to do). */
export type LoadFailure = { kind: 'missing' } | { kind: 'failed'; message: string };

export function loadFailure(error: unknown, action: string): LoadFailure {
	const storage = toStorageError(error, action);
	return storage.kind === 'not-found' ? { kind: 'missing' } : { kind: 'failed', message: storage.message };
}

/** Runs a load to its end: null when it worked, else what failed (so no page waits on "Loading…" forever). */
export async function attemptLoad(load: () => Promise<void>, action: string): Promise<LoadFailure | null> {
	try {
		await load();
		return null;
	} catch (error) {
		return loadFailure(error, action);
	}
}

/** A failed read or write as an Alert's text: what did not happen, why, and what to do. */
export function failureMessage(error: unknown, action: string): string {
	return toStorageError(error, action).message;
}
