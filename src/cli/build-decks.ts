/**
 * `npm run decks`: the built-in decks, one per seed document in src/lib/seeds/, written to static/decks/
 * with an index. `createdAt` is derived from the seed's content, not the clock, so the output is identical
 * on every build until a seed or the generator changes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hash64 } from '../lib/domain/ids';
import { builtInDeckIds } from './deck-ids';
import { generateDeck, parseDocument } from '../lib/generator/core/index';

const SEEDS = 'src/lib/seeds';
const OUT = 'static/decks';
/** A fixed date for built-in decks: they are content, not something the user made at a time. */
const BUILT_AT = '2026-01-01T00:00:00.000Z';

export function buildDecks(seedDir = SEEDS, outDir = OUT): { id: string; title: string; file: string; cards: number; version: string; formerIds: string[] }[] {
	mkdirSync(outDir, { recursive: true });
	const entries = [];
	for (const name of readdirSync(seedDir).filter((f) => /\.(txt|md|html?)$/i.test(f)).sort()) {
		const text = readFileSync(join(seedDir, name), 'utf8');
		const doc = parseDocument(name, text);
		const { id, formerIds } = builtInDeckIds(name, text, doc.title);
		const deck = { ...generateDeck([{ id: 'doc-1', title: doc.title, text: doc.text }], { title: doc.title, now: BUILT_AT, seed: id }), id };
		const file = `${id}.factdeck.json`;
		writeFileSync(join(outDir, file), `${JSON.stringify(deck)}\n`);
		entries.push({ id, title: deck.title, file, cards: deck.cards.length, version: hash64(JSON.stringify(deck.cards)), formerIds });
	}
	writeFileSync(join(outDir, 'index.json'), `${JSON.stringify({ decks: entries }, null, '\t')}\n`);
	return entries;
}

const entries = buildDecks();
process.stdout.write(`built ${entries.length} decks: ${entries.map((e) => `${e.id} (${e.cards})`).join(', ')}\n`);
