// `npx tsx tests/bench/knowledge-map.ts`: what the knowledge map (issue 10, §5) costs on long readings.
//
//   1. compute: `knowledgeMap` (segmenting + placing + shading, one pass) on the second built-in deck's reading
//      repeated to a ~20-page reading and to a ~180-page one (its cards repeated with it, every other one studied
//      at a pinned date); the median of 7 runs in Node
//   2. render: the long readings imported into the built app in Debian's Chromium (phone emulation, 360×640);
//      from a tap on `Knowledge map` to the first sentences and to every sentence on the page, the longest
//      main-thread task meanwhile, and a tap on a sentence to its card list
//
// Prints the figures and appends them, dated and with the machine, to docs/benchmarks.md. Not part of `npm test`:
// timings on a shared machine are noisy. Needs a build (`npm run build`); serves on BENCH_PORT (default 4404).
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { knowledgeMap, type MapCardRow } from '../../src/lib/app/knowledge-map';
import { studyDays } from '../../src/lib/domain/days';
import type { DeckFile } from '../../src/lib/domain/types';
import { Rating, Scheduler } from '../../src/lib/scheduler/fsrs';
import { newProgress } from '../../src/lib/scheduler/progress';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const port = Number(process.env.BENCH_PORT ?? 4404);
const index = JSON.parse(readFileSync(join(root, 'build/decks/index.json'), 'utf8')) as { decks: { file: string }[] };
const base = JSON.parse(readFileSync(join(root, 'build/decks', index.decks[1]!.file), 'utf8')) as DeckFile;
const SEPARATOR = '\n\n';

/** The deck's one reading repeated `times`, with its cards moved along and given new ids. */
function repeated(times: number): DeckFile {
	const text = base.sources[0]!.text;
	const step = text.length + SEPARATOR.length;
	return {
		...base,
		id: `long-${times}`,
		title: `Long reading ×${times}`,
		sources: [{ ...base.sources[0]!, text: Array.from({ length: times }, () => text).join(SEPARATOR) }],
		cards: Array.from({ length: times }, (_, r) =>
			base.cards.map((card) => ({ ...card, id: `${card.id}-${r}`, source: { ...card.source, start: card.source.start + r * step, end: card.source.end + r * step } }))
		).flat()
	};
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function compute(deck: DeckFile): { sentences: number; withCards: number; cards: number; ms: number } {
	const days = studyDays(4, () => 0);
	const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: false, days });
	const now = new Date('2026-03-20T09:00:00Z');
	const studied = scheduler.grade(newProgress(now), Rating.Good, new Date('2026-03-10T09:00:00Z')).next;
	const rows: MapCardRow[] = deck.cards.map((card, i) => ({ id: card.id, card, progress: i % 2 ? studied : newProgress(now), suspended: false }));
	const times: number[] = [];
	let sentences = 0;
	let withCards = 0;
	for (let run = 0; run < 7; run++) {
		const start = performance.now();
		const map = knowledgeMap(deck.sources, rows, { now, scheduler, strongAt: 0.9 });
		times.push(performance.now() - start);
		sentences = map.counts.sentences;
		withCards = map.documents.flatMap((d) => d.paragraphs.flatMap((p) => p.sentences)).filter((s) => s.cards.length > 0).length;
	}
	return { sentences, withCards, cards: rows.length, ms: median(times) };
}

async function serve(): Promise<() => void> {
	const server = spawn(process.execPath, [join(root, 'src/cli/serve.mjs')], { cwd: root, env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
	const url = `http://localhost:${port}/`;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
		try {
			if ((await fetch(url)).ok) return () => server.kill();
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** `withCards`: the sentences the page must show as buttons (every card is new in the app, so all of them). */
async function render(deck: DeckFile, withCards: number): Promise<{ firstMs: number; openMs: number; longestTaskMs: number; tapMs: number }> {
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
	try {
		const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 360, height: 640 }, baseURL: `http://localhost:${port}` });
		const page = await context.newPage();
		await page.goto('/import');
		await page.getByLabel('Import deck').setInputFiles({ name: 'long.factdeck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deck)) });
		await page.getByRole('button', { name: 'Add to my decks' }).click();
		await page.getByRole('link', { name: 'Knowledge map' }).waitFor();
		await page.evaluate(() => {
			const w = window as unknown as { longest: number };
			w.longest = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
			}).observe({ type: 'longtask', buffered: false });
		});
		const start = Date.now();
		await page.getByRole('link', { name: 'Knowledge map' }).click();
		await page.locator('[data-key]').first().waitFor();
		const firstMs = Date.now() - start;
		await page.waitForFunction((n) => document.querySelectorAll('[data-key]').length === n, withCards, { polling: 'raf' });
		const openMs = Date.now() - start;
		const longestTaskMs = await page.evaluate(() => (window as unknown as { longest: number }).longest);
		const middle = page.locator('[data-key]').nth(Math.floor(withCards / 2));
		await middle.scrollIntoViewIfNeeded();
		const tapStart = Date.now();
		await middle.tap();
		await page.getByRole('link', { name: 'Study these' }).waitFor();
		return { firstMs, openMs, longestTaskMs, tapMs: Date.now() - tapStart };
	} finally {
		await browser.close();
	}
}

const stop = await serve();
const rows: string[] = [];
try {
	for (const times of [4, 30]) {
		const deck = repeated(times);
		const c = compute(deck);
		const r = await render(deck, c.withCards);
		const words = deck.sources[0]!.text.split(/\s+/).length;
		rows.push(`| ×${times} (${words.toLocaleString('en-US')} words, about ${Math.round(words / 500)} pages) | ${c.sentences.toLocaleString('en-US')} | ${c.cards.toLocaleString('en-US')} | ${c.ms.toFixed(1)} ms | ${r.firstMs} ms | ${r.openMs} ms | ${Math.round(r.longestTaskMs)} ms | ${r.tapMs} ms |`);
		console.log(rows.at(-1));
	}
} finally {
	stop();
}

const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
const table = [
	`## Knowledge map on long readings, ${when} UTC (issue 10, §5)`,
	'',
	`Machine: ${machine} (shared with other jobs). The second built-in deck's reading repeated, with its cards; every other card studied. ` +
		'Compute: `knowledgeMap` in Node, median of 7. In Chromium (phone emulation, 360×640), from a tap on `Knowledge map` on the deck page ' +
		'(live query, compute, render in steps of 80 paragraphs): the first sentences on the page, all of them, and the longest main-thread task meanwhile ' +
		'(0: none over 50 ms); tap: a sentence in the middle to its card list.',
	'',
	'| reading | sentences | cards | compute | first sentences | all sentences | longest task | tap |',
	'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	...rows,
	''
].join('\n');
appendFileSync(join(root, 'docs/benchmarks.md'), `\n${table}`);
console.log(`\n${table}`);
