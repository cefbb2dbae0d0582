import { readFileSync } from 'node:fs';
import { parseDocument } from '../../../src/lib/generator/core/index';

/** The two built-in seed documents, read the way build-decks reads them. */
export function seed(which: 'talks' | 'exchanges'): { title: string; text: string } {
	const file = which === 'talks' ? '000_d62db504ad6eee28.txt' : '001_0be00a226d91100b.txt';
	return parseDocument(file, readFileSync(`src/lib/seeds/${file}`, 'utf8'));
}
