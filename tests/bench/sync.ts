/**
 * Sync benchmark (issue 11): a collection of 50,000 cards and 100,000 reviews synced through pouchdb-server (in
 * memory, on a free loopback port) between two "devices" (Dexie on separate fake-indexeddb factories), in Node.
 * Prints the figures and, unless --quick, appends them to docs/benchmarks.md.
 *
 *   npm run bench:sync -- [--cards 50000] [--quick]
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { FactdeckDB, type CardRow, type DeckRow, type ReviewRow, type SourceRow } from '../../src/lib/db/index';
import { recordReview } from '../../src/lib/db/reviews';
import { saveSyncSettings } from '../../src/lib/db/sync';
import { syncOnce } from '../../src/lib/sync/run';
import { connect } from '../../src/lib/sync/transport';
import { Rating, Scheduler } from '../../src/lib/scheduler/fsrs';
import { newProgress } from '../../src/lib/scheduler/progress';
import { startSyncServer } from '../sync-server';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
// (Without --cards, `args[indexOf + 1]` was the first argument: `--quick` alone gave NaN, so 0 cards.)
const cardCount = args.includes('--cards') ? Number(args[args.indexOf('--cards') + 1]) : 50_000;
const PER_DECK = 1000;
const T0 = Date.UTC(2026, 0, 5, 9);
const DAY = 86_400_000;
const scheduler = new Scheduler({ desiredRetention: 0.9, enableFuzz: true });
const TEXT = 'George Schwab is the President of NCAFP.';

function collection() {
	const decks: DeckRow[] = [];
	const cards: CardRow[] = [];
	const sources: SourceRow[] = [];
	const reviews: ReviewRow[] = [];
	for (let d = 0; d * PER_DECK < cardCount; d++) {
		const deckId = `deck-${d}`;
		decks.push({ id: deckId, title: `Deck ${d}`, createdAt: '2026-01-01T00:00:00Z', updatedAt: T0, builtIn: false, seminarDate: null, extra: {} });
		sources.push({ deckId, id: 'doc-1', title: 'Doc', text: TEXT, extra: {} });
		for (let i = 0; i < PER_DECK && d * PER_DECK + i < cardCount; i++) {
			const id = `c-${i}`;
			// Two reviews a card: Good on day 0, Good on day 3 (so 100,000 reviews for 50,000 cards).
			let progress = newProgress(new Date(T0));
			for (const [k, at] of [T0 + i * 1000, T0 + 3 * DAY + i * 1000].entries()) {
				const { next, log } = scheduler.grade(progress, Rating.Good, new Date(at));
				reviews.push({ uid: `u-${d}-${i}-${k}`, deckId, cardId: id, origin: 'study', at, durationMs: 1000, log, before: progress });
				progress = next;
			}
			const card = { id, type: 'basic' as const, question: `Question ${i} of deck ${d}?`, answer: 'George Schwab', tags: [], score: 0.5, source: { doc: 'doc-1', sentence: TEXT, start: 0, end: TEXT.length } };
			cards.push({ deckId, id, card, position: i, progress, due: progress.due, suspended: false, flagged: false, addedAt: T0 });
		}
	}
	return { decks, cards, sources, reviews };
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<[T, number]> {
	const start = performance.now();
	const result = await work();
	const seconds = (performance.now() - start) / 1000;
	console.log(`${label}: ${seconds.toFixed(1)} s`);
	return [result, seconds];
}

const server = await startSyncServer();
try {
	const url = await server.createDatabase('bench');
	const config = { url, username: '', password: '' };
	const a = new FactdeckDB('bench-a', { indexedDB: new IDBFactory(), IDBKeyRange });
	const b = new FactdeckDB('bench-b', { indexedDB: new IDBFactory(), IDBKeyRange });
	const rows = collection();
	await a.transaction('rw', [a.decks, a.cards, a.sources, a.reviews], async () => {
		await a.decks.bulkAdd(rows.decks);
		await a.sources.bulkAdd(rows.sources);
		await a.cards.bulkAdd(rows.cards);
		await a.reviews.bulkAdd(rows.reviews);
	});
	const entries = rows.decks.length + rows.sources.length + rows.cards.length + rows.reviews.length;
	console.log(`collection: ${rows.cards.length} cards, ${rows.reviews.length} reviews, ${rows.decks.length} decks: ${entries} entries`);
	const remote = await connect(config);
	const run = (db: FactdeckDB) => syncOnce({ db, remote, scheduler, now: () => Date.now() });

	await saveSyncSettings(a, config);
	const [first, firstSeconds] = await timed('device A, first sync (log every row, push)', () => run(a));
	await saveSyncSettings(b, config);
	const [join, joinSeconds] = await timed('device B joins (pull, apply, replay every card)', () => run(b));
	if (first.pushed !== entries || join.applied !== entries) throw new Error(`pushed ${first.pushed}, applied ${join.applied}, expected ${entries}`);
	if ((await b.reviews.count()) !== rows.reviews.length) throw new Error('device B lacks reviews');
	const sample = rows.cards[rows.cards.length - 1]!;
	const onB = await b.cards.get([sample.deckId, sample.id]);
	if (JSON.stringify(onB?.progress) !== JSON.stringify(sample.progress)) throw new Error('replayed state differs from the stored one');

	// The everyday case: 100 reviews on A, then both sync.
	for (let i = 0; i < 100; i++) {
		await recordReview(a, scheduler, { deckId: 'deck-0', cardId: `c-${i}`, grade: Rating.Good, now: new Date(T0 + 10 * DAY + i * 1000), durationMs: 1000, origin: 'study' });
	}
	const [, pushSeconds] = await timed('device A pushes 100 reviews', () => run(a));
	const [daily, pullSeconds] = await timed('device B pulls them', () => run(b));
	if (daily.applied !== 100) throw new Error(`applied ${daily.applied}`);

	const memory = Math.round(process.memoryUsage().rss / 2 ** 20);
	console.log(`RSS: ${memory} MB`);
	if (!quick) {
		const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
		appendFileSync(
			'docs/benchmarks.md',
			`\n## Sync (issue 11), ${new Date().toISOString().slice(0, 10)}, ${machine}\n\n` +
				`\`npx tsx tests/bench/sync.ts\`: ${rows.cards.length.toLocaleString('en')} cards and ${rows.reviews.length.toLocaleString('en')} reviews in ${rows.decks.length} decks ` +
				`(${entries.toLocaleString('en')} change-log entries), two devices on fake-indexeddb, pouchdb-server in memory on loopback, 500 entries per request.\n\n` +
				`| step | seconds |\n| --- | --- |\n` +
				`| device A turns sync on: logs every row and pushes them | ${firstSeconds.toFixed(1)} |\n` +
				`| device B joins: pulls, applies, replays every card's reviews | ${joinSeconds.toFixed(1)} |\n` +
				`| device A pushes 100 new reviews | ${pushSeconds.toFixed(2)} |\n` +
				`| device B pulls and applies them | ${pullSeconds.toFixed(2)} |\n\n` +
				`Peak process memory (RSS at the end, both devices and the figures' process; the server runs apart): ${memory} MB. ` +
				`fake-indexeddb is much slower than a browser's IndexedDB, so the device-side steps are upper bounds.\n`
		);
	}
	a.close();
	b.close();
} finally {
	await server.stop();
}
