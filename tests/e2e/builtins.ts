// What the built-in decks are, read from the project's own files (not copied into the tests): the seed
// documents' titles (their first non-empty line) and the generated decks (`npm run decks` writes static/decks).
// The decks are read from the build being served when it has them, so a regeneration of static/decks after
// the build (another `npm run decks` in the same tree) cannot make the expectations disagree with the app.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface IndexEntry {
	id: string;
	title: string;
	file: string;
	cards: number;
	version: string;
}

export interface BuiltInCard {
	type: string;
	question: string;
	answer: string;
	choices?: string[];
	pairs?: [string, string][];
	items?: string[];
	tags?: string[];
	source: { doc: string; sentence: string; start: number; end: number };
}

const sentenceOf = (card: BuiltInCard) => `${card.source.doc}:${card.source.start}:${card.source.end}`;

/**
 * The new cards a first session shows, in order: with "Bury siblings" on (the default), studying a card buries
 * the other cards of its sentence until tomorrow, so only the first card of each sentence comes today.
 */
export function todaysNewCards(cards: BuiltInCard[]): BuiltInCard[] {
	const seen = new Set<string>();
	return cards.filter((card) => !seen.has(sentenceOf(card)) && seen.add(sentenceOf(card)));
}

/** How many cards studying `studied` buries: the other cards of their sentences. */
export function siblingsBuried(cards: BuiltInCard[], studied: BuiltInCard[]): number {
	const sentences = new Set(studied.map(sentenceOf));
	return cards.filter((card) => !studied.includes(card) && sentences.has(sentenceOf(card))).length;
}

const root = process.cwd();
const served = join(root, process.env.FACTDECK_OUT ?? 'build', 'decks');
const decksDir = existsSync(join(served, 'index.json')) ? served : join(root, 'static/decks');

export function seedTitles(): string[] {
	const dir = join(root, 'src/lib/seeds');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.txt'))
		.sort()
		.map((name) => readFileSync(join(dir, name), 'utf8').split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '');
}

export function builtInIndex(): IndexEntry[] {
	return (JSON.parse(readFileSync(join(decksDir, 'index.json'), 'utf8')) as { decks: IndexEntry[] }).decks;
}

export function builtInDeck(title: string): IndexEntry & { deck: { cards: BuiltInCard[] } } {
	const entry = builtInIndex().find((e) => e.title === title);
	if (!entry) throw new Error(`No built-in deck titled ${title}`);
	return { ...entry, deck: JSON.parse(readFileSync(join(decksDir, entry.file), 'utf8')) };
}

/** The local calendar day `days` from today, as a date input's value (YYYY-MM-DD). */
export function inDays(days: number): string {
	const d = new Date();
	d.setDate(d.getDate() + days);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
