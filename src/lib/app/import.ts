/**
 * Adding a deck the person brought (the create, import and share pages): a validated deck stored in one
 * transaction, asking the page what to do when its id is taken, and reading a file the person picked.
 */
import { getDb, importDeck, StorageError, type ImportMode } from '$lib/db';
import type { DeckFile } from '$lib/domain/types';

export type AddOutcome = { ok: true; id: string } | { ok: false; conflict: true };

/**
 * Stores `deck` in one transaction (importDeck). With mode 'add', a deck whose id is already on this device is
 * not an error but a question for the person: `{ conflict: true }`; the page then calls again with 'update'
 * (keeps progress of unchanged cards) or 'copy' (keep both). Other failures throw a StorageError.
 */
export async function addDeck(
	deck: DeckFile,
	mode: ImportMode,
	now: Date = new Date(),
	seminarDate?: string | null
): Promise<AddOutcome> {
	try {
		return { ok: true, id: await importDeck(getDb(), deck, mode, now, { seminarDate }) };
	} catch (error) {
		if (error instanceof StorageError && error.kind === 'conflict') return { ok: false, conflict: true };
		throw error;
	}
}

/** A picked file's bytes; a file the browser cannot read becomes a message. */
export async function readPickedFile(file: File): Promise<Uint8Array> {
	try {
		return new Uint8Array(await file.arrayBuffer());
	} catch {
		throw new Error(`Could not read "${file.name}"; it may have been moved or deleted. Pick it again.`);
	}
}
