import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldArticles } from '../../bench/squad';

const root = mkdtempSync(join(tmpdir(), 'factdeck-sets-'));
const squad = (title: string) => JSON.stringify({ data: [{ title, paragraphs: [{ context: `${title} text.`, qas: [{ answers: [{ text: title }] }] }] }] });
// A set as the development set lays it out (its files under gold/) and a set of bare files.
mkdirSync(join(root, 'dev', 'gold'), { recursive: true });
writeFileSync(join(root, 'dev', 'gold', 'B.json'), squad('Beta'));
writeFileSync(join(root, 'dev', 'gold', 'A.json'), squad('Alpha'));
mkdirSync(join(root, 'ho'));
writeFileSync(join(root, 'ho', 'C.json'), squad('Gamma'));

describe('gold articles from several DEVSET folders (fit.ts)', () => {
	it('reads a colon-separated list of folders and names each article’s set', () => {
		const read = goldArticles(`${join(root, 'dev')}:${join(root, 'ho')}`).map((a) => [a.title, a.set]);
		expect(read).toEqual([
			['Normans', 'public sample'],
			['Sky_(United_Kingdom)', 'public sample'],
			['Alpha', join(root, 'dev')],
			['Beta', join(root, 'dev')],
			['Gamma', join(root, 'ho')]
		]);
	});

	it('still reads a single folder', () => {
		expect(goldArticles(join(root, 'ho')).map((a) => a.title)).toEqual(['Normans', 'Sky_(United_Kingdom)', 'Gamma']);
	});
});
