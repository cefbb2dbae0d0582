// `npm run bench:scale` (issue 12, §4): a large collection in the built app, measured in Debian's Chromium.
//
//   1. builds a seeded collection (200 decks, 50,000 cards, about 35,000 reviews) as a plain-JSON backup file
//   2. restores it through the app's UI on /settings (Restore from backup → Replace everything)
//   3. measures: restore time (read + check + stage, then commit), home listed (navigation to 200 deck links),
//      the card browser (/browse listed; search, deck filter),
//      the due count through the `[deckId+queue+due]` index against the naive one (read every card row, as the
//      home page did before), /stats for all decks (page shown, and the statistics computation alone), grade → next
//      card p50/p95 on the study page, and Export all data (time, gzip size)
//
// Prints the figures and appends them, dated and with the machine, to docs/benchmarks.md. Not part of `npm test`:
// timings on a shared machine are noisy. Builds first when the build folder (FACTDECK_OUT, default build/) is
// missing. Serves on BENCH_PORT (default 4403).
import { execSync, spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildName = process.env.FACTDECK_OUT ?? 'build';
const port = Number(process.env.BENCH_PORT ?? 4403);
const SIZE = { decks: 200, cardsPerDeck: 250, reviews: 35_000 };
const GRADES = 40;

// ---------- the collection ----------

/** mulberry32: a small seeded generator, so every run restores the same collection. */
function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const DAY = 86_400_000;

function progress(rand, now, reviewed) {
	if (!reviewed) {
		return { due: now - 30 * DAY, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0, last_review: null };
	}
	const interval = 1 + Math.floor(rand() * 30);
	const last = now - Math.floor(rand() * 40) * DAY;
	return {
		due: last + interval * DAY,
		stability: interval * 1.1,
		difficulty: 3 + rand() * 5,
		elapsed_days: interval,
		scheduled_days: interval,
		learning_steps: 0,
		reps: 1 + Math.floor(rand() * 4),
		lapses: Math.floor(rand() * 2),
		state: 2,
		last_review: last
	};
}

/** The backup as text, one record per line (the app's own layout; any JSON layout restores). */
function collection(now) {
	const rand = random(12);
	const decks = [];
	const reviewed = [];
	for (let d = 0; d < SIZE.decks; d++) {
		const sentences = [];
		let text = '';
		const cards = [];
		for (let c = 0; c < SIZE.cardsPerDeck; c++) {
			const answer = `term${d}x${c}`;
			const sentence = `Fact ${c} of deck ${d} says that ${answer} belongs to group ${Math.floor(rand() * 1000)}.`;
			const start = text.length;
			text += `${sentence} `;
			sentences.push(sentence);
			const studied = rand() < 0.45;
			const card = {
				id: `c-${d}-${c}`,
				type: 'basic',
				question: `What does fact ${c} of deck ${d} name?`,
				answer,
				tags: ['bench'],
				score: 0.5,
				source: { doc: 'doc-1', sentence, start, end: start + sentence.length },
				progress: progress(rand, now, studied),
				suspended: false,
				flagged: false,
				addedAt: now - 60 * DAY
			};
			if (studied) reviewed.push([`deck-${String(d).padStart(3, '0')}`, card.id, card.progress]);
			cards.push(card);
		}
		decks.push({
			format: 'factdeck',
			version: 1,
			id: `deck-${String(d).padStart(3, '0')}`,
			title: `Bench deck ${String(d).padStart(3, '0')}`,
			createdAt: new Date(now - 60 * DAY).toISOString(),
			sources: [{ id: 'doc-1', title: `Reading ${d}`, text: text.trimEnd() }],
			cards,
			seminarDate: null,
			builtIn: false,
			updatedAt: now - 60 * DAY
		});
	}
	const reviews = [];
	for (let i = 0; i < SIZE.reviews; i++) {
		const [deckId, cardId, after] = reviewed[Math.floor(rand() * reviewed.length)];
		const at = now - Math.floor(rand() * 60) * DAY - Math.floor(rand() * DAY);
		reviews.push({
			id: i + 1,
			deckId,
			cardId,
			origin: 'study',
			at,
			durationMs: 2000 + Math.floor(rand() * 8000),
			log: { rating: 1 + Math.floor(rand() * 4), state: 2, due: after.due, stability: after.stability, difficulty: after.difficulty, elapsed_days: 3, last_elapsed_days: 2, scheduled_days: 5, learning_steps: 0, review: at },
			before: { ...after, due: at }
		});
	}
	const lines = [
		`{"format":"factdeck-backup","version":1,"exportedAt":${JSON.stringify(new Date(now).toISOString())},`,
		`"settings":{"desiredRetention":0.9,"newPerDay":20,"theme":"system"},"meta":[],"quizzes":[],`,
		`"decks":[`,
		decks.map((deck) => JSON.stringify(deck)).join(',\n'),
		`],"reviews":[`,
		reviews.map((review) => JSON.stringify(review)).join(',\n'),
		`]}`
	];
	return { text: lines.join('\n'), cards: SIZE.decks * SIZE.cardsPerDeck, reviews: reviews.length };
}

// ---------- the app ----------

if (!existsSync(join(root, buildName, '200.html'))) {
	console.log(`Building the app into ${buildName}/ …`);
	execSync('npm run build', { cwd: root, stdio: 'inherit' });
}

async function startServer() {
	const server = spawn(process.execPath, [join(root, 'src', 'cli', 'serve.mjs')], {
		cwd: root,
		env: { ...process.env, PORT: String(port), FACTDECK_OUT: buildName },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const url = `http://127.0.0.1:${port}`;
	for (let attempt = 0; ; attempt++) {
		if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
		try {
			if ((await fetch(`${url}/`)).ok) return { server, url };
		} catch {
			// not listening yet
		}
		if (attempt > 300) throw new Error(`the server did not answer at ${url}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

const percentile = (values, p) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const log = (message) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

const now = Date.now();
const tmp = mkdtempSync(join(os.tmpdir(), 'factdeck-scale-'));
const built = collection(now);
const backupPath = join(tmp, 'scale-backup.json');
writeFileSync(backupPath, built.text);
const backupMB = statSync(backupPath).size / 1024 / 1024;
console.log(`collection: ${SIZE.decks} decks, ${built.cards} cards, ${built.reviews} reviews, ${backupMB.toFixed(1)} MB of JSON`);

const { server, url } = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const figures = {};
try {
	const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: url, serviceWorkers: 'block', acceptDownloads: true });
	const page = await context.newPage();
	page.setDefaultTimeout(600_000);

	// Restore through the UI.
	await page.goto('/settings');
	await page.getByLabel('Desired retention').waitFor();
	let t0 = performance.now();
	await page.getByLabel('Restore from backup').setInputFiles(backupPath);
	const confirm = page.getByRole('group', { name: 'Replace everything with this backup?' });
	// A refused backup shows an alert: stop at once rather than wait for a confirmation that never comes.
	const refused = page.getByRole('alert').waitFor().then(
		() => 'alert',
		() => 'none'
	);
	if ((await Promise.race([confirm.waitFor().then(() => 'confirm'), refused])) === 'alert') {
		throw new Error(`restore refused: ${await page.getByRole('alert').textContent()}`);
	}
	figures.stage = performance.now() - t0;
	log(`backup read, checked and staged in ${ms(figures.stage)}`);
	t0 = performance.now();
	await confirm.getByRole('button', { name: 'Replace everything' }).click();
	await page.getByRole('status').filter({ hasText: /Restored \d+ decks/ }).waitFor();
	figures.commit = performance.now() - t0;
	log(`restore committed in ${ms(figures.commit)}`);

	// Home: navigation to the 200 deck links listed (time since navigation start, in the page).
	const homeTimes = [];
	for (let run = 0; run < 3; run++) {
		await page.goto('/');
		await page.waitForFunction(() => document.querySelectorAll('main ul.decks > li a').length >= 200);
		homeTimes.push(await page.evaluate(() => performance.now()));
	}
	figures.home = percentile(homeTimes, 50);
	log(`home listed in ${ms(figures.home)}`);

	// Card browser: navigation to /browse until every card is counted (read, turned into list items, first rows
	// drawn); then, timed in the page from the input to the new count shown, a search (every card's text folded
	// and matched in memory), a deck filter (read again through the deckId index) and back to all decks.
	const browseTimes = [];
	for (let run = 0; run < 3; run++) {
		await page.goto('/browse');
		await page.waitForFunction((n) => Number(document.querySelector('main p.count')?.textContent?.match(/^[\d,]+/)?.[0].replace(/,/g, '') ?? 0) >= n, built.cards);
		browseTimes.push(await page.evaluate(() => performance.now()));
	}
	figures.browse = percentile(browseTimes, 50);
	figures.browseRows = await page.locator('main ul[aria-label="Cards"] > li').count();
	const untilCount = (change, expected) =>
		page.evaluate(
			([change, expected]) =>
				new Promise((resolve) => {
					const start = performance.now();
					// Looked up each time: a read through another index replaces the list (and its count) while loading.
					const done = () => (document.querySelector('main p.count')?.textContent ?? '').trim().startsWith(expected);
					const observer = new MutationObserver(() => {
						if (done()) {
							observer.disconnect();
							resolve(performance.now() - start);
						}
					});
					observer.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
					const [selector, value] = change;
					const input = document.querySelector(selector);
					input.value = value;
					input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
				}),
			[change, expected]
		);
	const searchTimes = [];
	for (let run = 0; run < 5; run++) {
		searchTimes.push(await untilCount(['#browse-search', 'TERM7X42'], '1 card'));
		searchTimes.push(await untilCount(['#browse-search', ''], built.cards.toLocaleString('en-US').slice(0, 2)));
	}
	figures.search = { p50: percentile(searchTimes.filter((_, i) => i % 2 === 0), 50), clear: percentile(searchTimes.filter((_, i) => i % 2 === 1), 50) };
	await page.getByText('Filters and sort').click();
	const deckSelect = 'main select[id$="-deck"]';
	figures.deckFilter = await untilCount([deckSelect, 'deck-100'], `${SIZE.cardsPerDeck} cards`);
	figures.allDecks = await untilCount([deckSelect, ''], built.cards.toLocaleString('en-US').slice(0, 2));
	log(`browse listed in ${ms(figures.browse)}, search ${ms(figures.search.p50)}`);
	// Back home: the steps below start from the deck list.
	await page.goto('/');
	await page.waitForFunction(() => document.querySelectorAll('main ul.decks > li a').length >= 200);

	// Due counts: the index the home page reads against reading every card row, in the page's IndexedDB.
	const counts = await page.evaluate(async (nowMs) => {
		const db = await new Promise((resolve, reject) => {
			const open = indexedDB.open('factdeck');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const request = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
		const deckIds = await request(db.transaction('decks').objectStore('decks').getAllKeys());
		const naive = async () => {
			const rows = await request(db.transaction('cards').objectStore('cards').getAll());
			let due = 0;
			for (const row of rows) if (!row.suspended && row.progress.state !== 0 && row.progress.due <= nowMs) due++;
			return due;
		};
		const indexed = async () => {
			const index = db.transaction('cards').objectStore('cards').index('[deckId+queue+due]');
			const each = await Promise.all(deckIds.map((id) => request(index.count(IDBKeyRange.bound([id, 1, -Infinity], [id, 1, nowMs])))));
			return each.reduce((a, b) => a + b, 0);
		};
		const time = async (run) => {
			const times = [];
			let result = 0;
			for (let i = 0; i < 5; i++) {
				const start = performance.now();
				result = await run();
				times.push(performance.now() - start);
			}
			times.sort((a, b) => a - b);
			return { result, ms: times[2] };
		};
		return { naive: await time(naive), indexed: await time(indexed) };
	}, now);
	if (counts.naive.result !== counts.indexed.result) throw new Error(`due counts differ: ${counts.naive.result} vs ${counts.indexed.result}`);
	figures.due = counts;
	log('due counts measured');

	// Statistics for all decks (issue 10, §4): navigation to the heatmap drawn, and the computation alone — the page
	// times computeStats as the User Timing measure 'factdeck:stats' (src/routes/stats/+page.svelte).
	const statsTimes = [];
	const readTimes = [];
	const computeTimes = [];
	for (let run = 0; run < 3; run++) {
		await page.goto('/stats');
		await page.getByRole('figure', { name: 'Reviews this year' }).waitFor();
		const shown = await page.evaluate(() => ({
			at: performance.now(),
			read: performance.getEntriesByName('factdeck:stats-read').map((entry) => entry.duration),
			compute: performance.getEntriesByName('factdeck:stats').map((entry) => entry.duration)
		}));
		statsTimes.push(shown.at);
		readTimes.push(Math.max(...shown.read));
		computeTimes.push(Math.max(...shown.compute));
	}
	figures.stats = { page: percentile(statsTimes, 50), read: percentile(readTimes, 50), compute: percentile(computeTimes, 50) };
	log(`stats shown in ${ms(figures.stats.page)}: read in ${ms(figures.stats.read)}, computed in ${ms(figures.stats.compute)}`);

	// Grade → next card on a deck's study page, timed in the page from the click to the next question shown.
	await page.goto('/');
	await page.getByRole('link', { name: /^Bench deck 000/ }).click();
	await page.getByRole('link', { name: 'Study', exact: true }).click();
	const gradeTimes = [];
	for (let i = 0; i < GRADES; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
		gradeTimes.push(
			await page.evaluate(
				() =>
					new Promise((resolve) => {
						const question = () => document.querySelector('article h2')?.textContent;
						const before = question();
						const start = performance.now();
						const observer = new MutationObserver(() => {
							if (question() !== before) {
								observer.disconnect();
								resolve(performance.now() - start);
							}
						});
						observer.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
						const good = document.querySelector('button[aria-label="Good"]');
						if (!good) return resolve(Number.NaN);
						good.click();
					})
			)
		);
	}
	if (gradeTimes.some(Number.isNaN)) throw new Error('no Good button on the study page');
	figures.grade = { p50: percentile(gradeTimes, 50), p95: percentile(gradeTimes, 95) };
	log('grades measured');

	// Export all data: its own gzip file.
	await page.goto('/settings');
	const downloading = page.waitForEvent('download');
	t0 = performance.now();
	await page.getByRole('button', { name: 'Export all data' }).click();
	const download = await downloading;
	const exportPath = join(tmp, download.suggestedFilename());
	await download.saveAs(exportPath);
	figures.export = { ms: performance.now() - t0, mb: statSync(exportPath).size / 1024 / 1024, name: download.suggestedFilename() };
	log(`exported ${figures.export.mb.toFixed(1)} MB`);

	// …and it restores (the 60.8 MB JSON export of this collection was refused before: "the limit is 50 MB").
	t0 = performance.now();
	await page.getByLabel('Restore from backup').setInputFiles(exportPath);
	const gzipRefused = page.getByRole('alert').waitFor().then(
		() => 'alert',
		() => 'none'
	);
	if ((await Promise.race([confirm.waitFor().then(() => 'confirm'), gzipRefused])) === 'alert') {
		throw new Error(`restore of the export refused: ${await page.getByRole('alert').textContent()}`);
	}
	log(`export read, checked and staged in ${ms(performance.now() - t0)}`);
	await confirm.getByRole('button', { name: 'Replace everything' }).click();
	// Limited, and what the page shows is recorded if it does not finish: this step (the commit also keeps
	// 50,000 cards for Undo restore) is the one to watch.
	const limit = Number(process.env.BENCH_GZIP_LIMIT_MS ?? 180_000);
	const status = page.getByRole('status').filter({ hasText: /Restored \d+ decks/ });
	const outcome = await Promise.race([
		status.waitFor({ timeout: limit }).then(() => 'done', () => 'timeout'),
		page.getByRole('alert').waitFor({ timeout: limit }).then(() => 'alert', () => 'timeout')
	]);
	if (outcome !== 'done') {
		const shown = await page.locator('main').innerText();
		figures.gzipRestoreProblem = `${outcome === 'alert' ? 'refused' : `not finished after ${limit / 1000} s`}; the page showed: ${shown.replace(/\s+/g, ' ').slice(-300)}`;
	}
	figures.gzipRestore = performance.now() - t0;
	await context.close();
} finally {
	await browser.close();
	server.kill();
	rmSync(tmp, { recursive: true, force: true });
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, ${os.platform()} ${os.release()}; Chromium (${CHROMIUM_PATH}), Pixel 7 emulation, service worker blocked`;
const rows = [
	['collection', `${SIZE.decks} decks, ${built.cards} cards, ${built.reviews} reviews; ${backupMB.toFixed(1)} MB plain JSON`],
	['restore (read + check + stage)', ms(figures.stage)],
	['restore (commit, one transaction)', ms(figures.commit)],
	['restore total', ms(figures.stage + figures.commit)],
	['home listed (navigation → 200 deck links), median of 3', ms(figures.home)],
	['/browse listed (navigation → every card counted, first rows drawn), median of 3', `${ms(figures.browse)} (${figures.browseRows} rows in the DOM)`],
	['/browse search for one card among all (input → count shown), median of 5', ms(figures.search.p50)],
	['/browse search cleared (input → every card counted again), median of 5', ms(figures.search.clear)],
	['/browse deck filter (read one deck through the deckId index)', ms(figures.deckFilter)],
	['/browse back to all decks (read every card again)', ms(figures.allDecks)],
	['due count, indexed (200 index counts)', `${ms(figures.due.indexed.ms)} (due: ${figures.due.indexed.result})`],
	['due count, naive (read all 50,000 cards)', ms(figures.due.naive.ms)],
	['naive / indexed', `${(figures.due.naive.ms / figures.due.indexed.ms).toFixed(1)}×`],
	['/stats, all decks: navigation → heatmap drawn, median of 3', ms(figures.stats.page)],
	['/stats, all decks: reading 50,000 cards and 35,000 reviews (load.ts), median of 3', ms(figures.stats.read)],
	['/stats, all decks: computeStats (every chart\'s numbers), median of 3', ms(figures.stats.compute)],
	[`grade → next card, ${GRADES} grades`, `p50 ${ms(figures.grade.p50)}, p95 ${ms(figures.grade.p95)}`],
	['Export all data', `${ms(figures.export.ms)}, ${figures.export.mb.toFixed(1)} MB (${figures.export.name})`],
	['restore of that export (gzip), commit keeping the replaced data for Undo restore', figures.gzipRestoreProblem ?? ms(figures.gzipRestore)]
];
const table = ['| measure | value |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
console.log(table);
appendFileSync(
	join(root, 'docs', 'benchmarks.md'),
	`\n## Large collection (npm run bench:scale), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC\n\nMachine: ${machine}.\n\n${table}\n`
);
