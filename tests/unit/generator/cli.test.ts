import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../../src/lib/domain/deck-file';

const dir = mkdtempSync(join(tmpdir(), 'factdeck-cli-'));
const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/generate.ts', ...args], { encoding: 'utf8' });

describe('npm run generate', () => {
	it('writes a valid deck from a seed and exits 0', { timeout: 60_000 }, () => {
		const out = join(dir, 'deck.json');
		const r = run('src/lib/seeds/000_d62db504ad6eee28.txt', '-o', out, '--title', 'My talks', '--max-cards', '12');
		expect(r.status).toBe(0);
		const parsed = parseDeckFile(JSON.parse(readFileSync(out, 'utf8')));
		expect(parsed.ok && parsed.deck.title).toBe('My talks');
		expect(parsed.ok && parsed.deck.cards.length).toBe(12);
	});

	const bad: [string, () => string, RegExp][] = [
		['a missing file', () => join(dir, 'missing.txt'), /no such file/],
		['an empty file', () => (writeFileSync(join(dir, 'empty.txt'), ''), join(dir, 'empty.txt')), /empty/],
		['a binary file', () => (writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])), join(dir, 'bin.txt')), /binary/],
		['a file with no sentences', () => (writeFileSync(join(dir, 'dots.md'), '# T\n\n... --- !!!\n'), join(dir, 'dots.md')), /no sentences/]
	];
	for (const [what, make, reason] of bad) {
		it(`refuses ${what} with one line on stderr and writes nothing`, { timeout: 60_000 }, () => {
			const out = join(dir, `${what.replace(/\W+/g, '-')}.json`);
			const r = run(make(), '-o', out);
			expect(r.status).not.toBe(0);
			const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(reason);
			expect(existsSync(out)).toBe(false);
		});
	}
});
