/**
 * `npm run bench:generator`: the generator measured, not assumed (issues 3 and 9). Prints, per article and
 * overall, for Factdeck and for the naive baseline (baseline.ts): recall@H and precision@H with one gold answer
 * crediting at most two cards (measure.ts), the share of cards whose stem needs the page
 * (context-dependence.ts), contract card-rule breaks, cards by type, the true/false share and the most
 * repeats of one answer in the top H; then throughput and peak memory, and appends a dated section to
 * docs/benchmarks.md.
 *
 *   --quick          no throughput part, nothing appended (for frequent runs while tuning)
 *   --devset DIR     the extra development set (else env DEVSET; layout in devset.ts)
 *   --only TEXT      only articles and texts whose name contains TEXT (implies nothing appended)
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { normaliseKey } from '../../src/lib/domain/ids';
import type { DeckFile } from '../../src/lib/domain/types';
import { checkCardRules, generateDeck, parseDocument } from '../../src/lib/generator/core/index';
import { baselineDeck } from './baseline';
import { bareDefiniteAnswer, contextDependence, type ContextReason } from './context-dependence';
import { defects, type Defect } from './defects';
import { devsetDir, goldArticles, plainTexts } from './devset';
import { keyFactsCovered, SPAN_TYPES, scoreTop, spanAnswers, type KeyFact, type TopScore } from './measure';

const SEEDS = 'src/lib/seeds';
const OUT = 'docs/benchmarks.md';
const NOW = '2026-01-01T00:00:00Z';
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const devset = devsetDir(argv, process.env);
const wanted = (name: string) => !only || name.toLowerCase().includes(only.toLowerCase());

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);

function seconds<T>(fn: () => T): [T, number] {
	const t = performance.now();
	const out = fn();
	sample();
	return [out, (performance.now() - t) / 1000];
}

const lines: string[] = [];
const say = (s = '') => {
	console.log(s);
	lines.push(s);
};
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');
const ratio = (n: number, d: number) => (d ? (n / d).toFixed(2) : '—');
// Three decimals and the counts: a kind at 0.598 is under the 0.60 target, which two decimals would hide.
const exact = (n: number, d: number) => (d ? `${(n / d).toFixed(3)} (${n} of ${d})` : '—');
const verdict = (n: number, d: number, target: number) => (d && n / d >= target ? 'met' : 'missed');
const TYPES = ['basic', 'cloze', 'mcq', 'truefalse', 'matching', 'ordering'] as const;
/** Cards whose question is a stem a reader must understand alone; matching and ordering have fixed prompts. */
const STEM_TYPES = new Set(['basic', 'cloze', 'mcq', 'truefalse']);

interface DeckFigures {
	cards: number;
	byType: Record<string, number>;
	broken: number;
	stems: number;
	dependent: number;
	reasons: Map<ContextReason, number>;
	spans: number;
	/** span cards whose answer is a bare definite noun ("→ lake"): context-dependent in the answer */
	bare: number;
	/** cards flagged by each defect proxy (defects.ts) */
	proxies: Record<Defect, number>;
}

/**
 * Cards breaking a contract rule. checkCardRules compares each question with every other card's (quadratic,
 * slow on the baseline's thousands of cards), so the duplicate-question rule is counted here with one map
 * and each card is checked against a deck of itself for the rest.
 */
function brokenCards(deck: DeckFile): number {
	const questions = new Map<string, number>();
	for (const c of deck.cards) questions.set(normaliseKey(c.question), (questions.get(normaliseKey(c.question)) ?? 0) + 1);
	return deck.cards.filter((c) => (questions.get(normaliseKey(c.question)) ?? 0) > 1 || checkCardRules(c, { sources: deck.sources, cards: [c] }).length > 0).length;
}

function proxyCounts(deck: DeckFile): Record<Defect, number> {
	const out = noProxies();
	const text = new Map(deck.sources.map((s) => [s.id, s.text]));
	for (const c of deck.cards) for (const d of defects(c, text.get(c.source.doc) ?? '')) out[d]++;
	return out;
}
const noProxies = (): Record<Defect, number> => ({ 'broken stem': 0, 'foreign choice': 0, 'reverse acronym': 0 });
const proxies = (f: DeckFigures) => `${f.proxies['broken stem']}/${f.proxies['foreign choice']}/${f.proxies['reverse acronym']}`;

function deckFigures(deck: DeckFile): DeckFigures {
	const byType: Record<string, number> = {};
	for (const c of deck.cards) byType[c.type] = (byType[c.type] ?? 0) + 1;
	const reasons = new Map<ContextReason, number>();
	let stems = 0;
	for (const c of deck.cards) {
		if (!STEM_TYPES.has(c.type)) continue;
		stems++;
		const r = contextDependence(c.question);
		if (r) reasons.set(r, (reasons.get(r) ?? 0) + 1);
	}
	return {
		cards: deck.cards.length,
		byType,
		broken: brokenCards(deck),
		stems,
		dependent: [...reasons.values()].reduce((a, b) => a + b, 0),
		reasons,
		spans: deck.cards.filter((c) => SPAN_TYPES.has(c.type)).length,
		bare: deck.cards.filter((c) => SPAN_TYPES.has(c.type) && bareDefiniteAnswer(c.answer, c.source.sentence)).length,
		proxies: proxyCounts(deck)
	};
}

function add(into: DeckFigures, f: DeckFigures): void {
	into.cards += f.cards;
	into.broken += f.broken;
	into.stems += f.stems;
	into.dependent += f.dependent;
	into.spans += f.spans;
	into.bare += f.bare;
	for (const d of Object.keys(f.proxies) as Defect[]) into.proxies[d] += f.proxies[d];
	for (const [t, n] of Object.entries(f.byType)) into.byType[t] = (into.byType[t] ?? 0) + n;
	for (const [r, n] of f.reasons) into.reasons.set(r, (into.reasons.get(r) ?? 0) + n);
}
const emptyFigures = (): DeckFigures => ({ cards: 0, byType: {}, broken: 0, stems: 0, dependent: 0, reasons: new Map(), spans: 0, bare: 0, proxies: noProxies() });
const emptyScore = (): TopScore => ({ H: 0, shown: 0, recalled: 0, credited: 0, maxRepeat: 0 });
function addScore(into: TopScore, s: TopScore): void {
	into.H += s.H;
	into.shown += s.shown;
	into.recalled += s.recalled;
	into.credited += s.credited;
	into.maxRepeat = Math.max(into.maxRepeat, s.maxRepeat);
}
const types = (f: DeckFigures) => TYPES.map((t) => f.byType[t] ?? 0).join('/');
const tfShare = (f: DeckFigures) => pct(f.byType.truefalse ?? 0, f.cards);

say(`## Generator benchmark, ${new Date().toISOString().slice(0, 10)}`);
say();
say(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}. Dev set: ${devset ?? 'committed parts only'}.`);
say();
say('### Seeds');
say();
say('| deck | words | cards | key facts in the top 200 | basic/cloze/mcq/tf/match/order | true/false | context-dependent | bare answers | stem/choice/acronym | failing rules | seconds |');
say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
// The facts a student should carry away, chosen by hand (tests/fixtures/seed-key-facts.json); issue 9's target is 0.90.
const keyFacts = JSON.parse(readFileSync('tests/fixtures/seed-key-facts.json', 'utf8')) as Record<string, KeyFact[]>;
let keyTotal = 0;
let keyCovered = 0;
for (const name of readdirSync(SEEDS).filter((f) => f.endsWith('.txt') && wanted(f)).sort()) {
	const doc = parseDocument(name, readFileSync(join(SEEDS, name), 'utf8'));
	const [deck, s] = seconds(() => generateDeck([{ id: 'doc-1', title: doc.title, text: doc.text }], { now: NOW }));
	const f = deckFigures(deck);
	const key = keyFacts[name] ?? [];
	const covered = keyFactsCovered(deck.cards, key);
	keyTotal += key.length;
	keyCovered += covered;
	say(`| ${doc.title.slice(0, 40)} | ${doc.text.split(/\s+/).length} | ${f.cards} | ${covered} of ${key.length} (${(covered / Math.max(1, key.length)).toFixed(2)}) | ${types(f)} | ${tfShare(f)} | ${pct(f.dependent, f.stems)} | ${pct(f.bare, f.spans)} | ${proxies(f)} | ${pct(f.broken, f.cards)} | ${s.toFixed(2)} |`);
}
say();
say(`Seed key facts covered by the top 200 cards: **${keyCovered} of ${keyTotal} (${(keyCovered / Math.max(1, keyTotal)).toFixed(3)})** (target ≥ 0.90: ${verdict(keyCovered, keyTotal, 0.9)}).`);

say();
say('### Articles with people\'s questions: Factdeck (naive baseline)');
say();
say('H = the number of people\'s questions; top H = the first H basic/cloze/mcq cards. Precision credits one gold answer at most twice.');
say();
say('| article | kind | words | H | recall@H | precision@H | max repeats | cards | basic/cloze/mcq/tf/match/order | true/false | context-dependent | bare answers | stem/choice/acronym | failing rules | seconds |');
say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const articles = goldArticles(devset).filter((a) => wanted(a.name));
const total = { fd: emptyScore(), base: emptyScore(), fdFig: emptyFigures(), baseFig: emptyFigures() };
const byKind = new Map<string, { fd: TopScore; base: TopScore }>();
for (const a of articles) {
	const [deck, s] = seconds(() => generateDeck([{ id: 'a', title: a.name, text: a.text }], { now: NOW }));
	const base = baselineDeck('a', a.name, a.text);
	const fd = scoreTop(spanAnswers(deck.cards), a.gold);
	const bs = scoreTop(spanAnswers(base.cards), a.gold);
	const f = deckFigures(deck);
	const bf = deckFigures(base);
	addScore(total.fd, fd);
	addScore(total.base, bs);
	add(total.fdFig, f);
	add(total.baseFig, bf);
	const k = byKind.get(a.kind) ?? { fd: emptyScore(), base: emptyScore() };
	addScore(k.fd, fd);
	addScore(k.base, bs);
	byKind.set(a.kind, k);
	say(
		`| ${a.name} | ${a.kind} | ${a.text.split(/\s+/).length} | ${fd.H} | ${ratio(fd.recalled, fd.H)} (${ratio(bs.recalled, bs.H)}) | ${ratio(fd.credited, fd.shown)} (${ratio(bs.credited, bs.shown)}) | ${fd.maxRepeat} (${bs.maxRepeat}) | ${f.cards} | ${types(f)} | ${tfShare(f)} | ${pct(f.dependent, f.stems)} (${pct(bf.dependent, bf.stems)}) | ${pct(f.bare, f.spans)} (${pct(bf.bare, bf.spans)}) | ${proxies(f)} | ${pct(f.broken, f.cards)} (${pct(bf.broken, bf.cards)}) | ${s.toFixed(2)} |`
	);
}
const T = total;
say(
	`| **all** | | | ${T.fd.H} | **${ratio(T.fd.recalled, T.fd.H)}** (${ratio(T.base.recalled, T.base.H)}) | **${ratio(T.fd.credited, T.fd.shown)}** (${ratio(T.base.credited, T.base.shown)}) | ${T.fd.maxRepeat} (${T.base.maxRepeat}) | ${T.fdFig.cards} | ${types(T.fdFig)} | ${tfShare(T.fdFig)} | **${pct(T.fdFig.dependent, T.fdFig.stems)}** (${pct(T.baseFig.dependent, T.baseFig.stems)}) | **${pct(T.fdFig.bare, T.fdFig.spans)}** (${pct(T.baseFig.bare, T.baseFig.spans)}) | **${proxies(T.fdFig)}** | **${pct(T.fdFig.broken, T.fdFig.cards)}** (${pct(T.baseFig.broken, T.baseFig.cards)}) | |`
);
say();
say('| kind | questions | recall@H (questions asked) | recall target 0.60 | precision@H (cards credited) | baseline recall@H | baseline precision@H |');
say('| --- | --- | --- | --- | --- | --- | --- |');
for (const [kind, k] of [...byKind].sort()) say(`| ${kind} | ${k.fd.H} | ${exact(k.fd.recalled, k.fd.H)} | ${verdict(k.fd.recalled, k.fd.H, 0.6)} | ${exact(k.fd.credited, k.fd.shown)} | ${ratio(k.base.recalled, k.base.H)} | ${ratio(k.base.credited, k.base.shown)} |`);
say();
say('Targets (issue 9): recall@H ≥ 0.60 on every kind, precision@H ≥ 0.75, context-dependent ≤ 1 %, failing rules 0. Bare answers: span cards whose answer is a bare "the …" noun (no target; the judges count them as dangling). Stem/choice/acronym: cards flagged by tests/bench/defects.ts (basic questions keeping a colon, semicolon or second clause / mcq choices the document never mentions / reverse acronym questions).');

say();
say('### Plain expository texts (no questions; judged by hand in docs/generator.md)');
say();
say('| text | kind | words | cards | basic/cloze/mcq/tf/match/order | true/false | max repeats (top 25) | context-dependent | bare answers | stem/choice/acronym | failing rules | seconds |');
say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const plainTotal = emptyFigures();
for (const t of plainTexts(devset).filter((x) => wanted(x.name))) {
	const [deck, s] = seconds(() => generateDeck([{ id: 'doc-1', title: t.title, text: t.text }], { now: NOW }));
	const f = deckFigures(deck);
	add(plainTotal, f);
	const top = spanAnswers(deck.cards).slice(0, 25);
	const repeats = scoreTop(top, top.map((a) => [a])).maxRepeat;
	say(`| ${t.name} | ${t.kind} | ${t.text.split(/\s+/).length} | ${f.cards} | ${types(f)} | ${tfShare(f)} | ${repeats} | ${pct(f.dependent, f.stems)} | ${pct(f.bare, f.spans)} | ${proxies(f)} | ${pct(f.broken, f.cards)} | ${s.toFixed(2)} |`);
}
say(`| **all** | | | ${plainTotal.cards} | ${types(plainTotal)} | ${tfShare(plainTotal)} | | **${pct(plainTotal.dependent, plainTotal.stems)}** | **${pct(plainTotal.bare, plainTotal.spans)}** | **${proxies(plainTotal)}** | **${pct(plainTotal.broken, plainTotal.cards)}** | |`);
say();
const reasons = new Map<ContextReason, number>();
for (const f of [total.fdFig, plainTotal]) for (const [r, n] of f.reasons) reasons.set(r, (reasons.get(r) ?? 0) + n);
say(`Context-dependent stems by reason (Factdeck, articles and texts): ${[...reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}.`);

if (!quick) {
	say();
	say('### Throughput (the articles above, concatenated)');
	say();
	// Three runs each, median and fastest: one run on a shared machine can be a third slower than the next.
	say('| input | characters | words | cards | seconds (median of 3) | fastest | µs per character (median) |');
	say('| --- | --- | --- | --- | --- | --- | --- |');
	const corpus = articles.map((a) => a.text).join('\n\n');
	const ofSize = (chars: number): string => {
		let out = '';
		while (out.length < chars) out += `${corpus}\n\n`;
		const cut = out.lastIndexOf('\n\n', chars);
		return out.slice(0, cut > 0 ? cut : chars);
	};
	const words5k = corpus.split(/\s+/).slice(0, 5000).join(' ');
	for (const [label, text] of [
		['5,000-word article', words5k],
		['100 KB', ofSize(100_000)],
		['1 MB', ofSize(1_000_000)]
	] as const) {
		const runs = [0, 1, 2].map(() => seconds(() => generateDeck([{ id: 'x', title: label, text }], { now: NOW })));
		const times = runs.map(([, t]) => t).sort((a, b) => a - b);
		const s = times[1] ?? 0;
		const deck = runs[0]?.[0];
		say(`| ${label} | ${text.length.toLocaleString('en-US')} | ${text.split(/\s+/).length.toLocaleString('en-US')} | ${deck?.cards.length ?? 0} | ${s.toFixed(2)} | ${(times[0] ?? 0).toFixed(2)} | ${((1e6 * s) / text.length).toFixed(1)} |`);
	}
	say();
	say('Targets: 5,000 words ≤ 0.5 s, 1 MB ≤ 5 s, linear (µs per character flat from 100 KB to 1 MB).');
}
clearInterval(timer);
sample();
say();
say(`Peak memory (RSS high-water): ${(peak / 2 ** 20).toFixed(0)} MB.`);
say();

if (!quick && !only) {
	if (!existsSync(OUT)) writeFileSync(OUT, '# Benchmarks\n\nEach benchmark appends its own dated section.\n\n');
	appendFileSync(OUT, `${lines.join('\n')}\n`);
}
