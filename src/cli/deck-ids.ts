/**
 * A built-in deck's id comes from its seed file's name, so it stays the same when the generator reads the
 * document's title differently (issue 12 §1.2). `formerIds` are the ids earlier versions used: the slug of the
 * document's title, which for a plain-text seed was its first non-empty line; the app moves a deck stored under
 * one of them to the new id, with its progress (src/lib/db/builtins.ts).
 */
import { slugify } from '../lib/domain/ids';

export function builtInDeckIds(fileName: string, seedText: string, parsedTitle: string): { id: string; formerIds: string[] } {
	const id = slugify(fileName.replace(/\.[^.]+$/, ''));
	const firstLine = seedText.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '';
	const formerIds = [...new Set([slugify(firstLine), slugify(parsedTitle)])].filter((former) => former !== id);
	return { id, formerIds };
}
