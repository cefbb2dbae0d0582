/**
 * Persistence failures become a message a person can act on (style: Excalidraw's LocalData), never a
 * silent loss. Callers show `message` in a role="alert" element.
 */
export type StorageErrorKind = 'quota' | 'blocked' | 'unavailable' | 'not-found' | 'conflict' | 'invalid' | 'unknown';

export class StorageError extends Error {
	override readonly name = 'StorageError';
	constructor(
		readonly kind: StorageErrorKind,
		message: string,
		cause?: unknown
	) {
		super(message, { cause });
	}
}

/** The most specific error name: Dexie wraps IndexedDB's errors (an AbortError often hides the real cause). */
function errorName(error: unknown): string {
	if (typeof error !== 'object' || error === null) return '';
	const name = 'name' in error && typeof error.name === 'string' ? error.name : '';
	if (name && name !== 'AbortError') return name;
	const inner = 'inner' in error ? errorName(error.inner) : '';
	return inner || name;
}

/** Wraps anything Dexie or IndexedDB throws into a StorageError that says what did not happen and why. */
export function toStorageError(error: unknown, action: string): StorageError {
	if (error instanceof StorageError) return error;
	const name = errorName(error);
	if (name === 'QuotaExceededError') {
		return new StorageError('quota', `Could not ${action}: this device's storage for Factdeck is full. Free some space or export a backup, then try again. Nothing was changed.`, error);
	}
	if (name === 'VersionError' || name === 'BlockedError' || name === 'DatabaseClosedError') {
		return new StorageError('blocked', `Could not ${action}: Factdeck is open in another tab with an older version. Close the other tabs and reload. Nothing was changed.`, error);
	}
	if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'OpenFailedError') {
		return new StorageError('unavailable', `Could not ${action}: this browser does not let Factdeck store data (private browsing?). Nothing was saved.`, error);
	}
	const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
	return new StorageError('unknown', `Could not ${action}${detail}. Nothing was changed.`, error);
}

/** Runs `work`, turning any failure into a StorageError for `action` ("save the deck", "record the review"). */
export async function guard<T>(action: string, work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		throw toStorageError(error, action);
	}
}
