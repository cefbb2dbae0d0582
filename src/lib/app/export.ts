/** A stored deck as a download in each export format (the deck page's Export menu). */
import { exportDeck, getDb } from '$lib/db';
import type { DeckFile } from '$lib/domain/types';
import { writeCsv, writeTsv } from '$lib/formats/csv';
import { writeDeckJson } from '$lib/formats/json';

export const EXPORT_FORMATS = {
	json: { label: 'Deck file (.factdeck.json)', extension: '.factdeck.json', type: 'application/json', write: writeDeckJson },
	csv: { label: 'CSV (spreadsheets, Anki)', extension: '.csv', type: 'text/csv', write: writeCsv },
	tsv: { label: 'TSV (Anki)', extension: '.tsv', type: 'text/tab-separated-values', write: (deck: DeckFile) => writeTsv(deck, 'anki') },
	quizlet: { label: 'Text for Quizlet', extension: '.quizlet.txt', type: 'text/plain', write: (deck: DeckFile) => writeTsv(deck, 'quizlet') }
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** A stored deck as a download: file name (the deck id and the format's extension), text and MIME type. */
export async function exportAs(deckId: string, format: ExportFormat): Promise<{ filename: string; text: string; type: string }> {
	const spec = EXPORT_FORMATS[format];
	const deck = await exportDeck(getDb(), deckId);
	return { filename: `${deckId}${spec.extension}`, text: spec.write(deck), type: spec.type };
}
