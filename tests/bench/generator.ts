/**
 * `npm run bench:generator`: the generator measured, not assumed (issue 3). Prints and appends a dated
 * section to docs/benchmarks.md: seeds (cards by type, share failing the contract's card rules, seconds),
 * SQuAD 2.0 recall@H / precision@H (token F1 ≥ 0.5, SQuAD answer normalisation), throughput and peak RSS.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { checkCardRules, generateDeck, parseDocument } from '../../src/lib/generator/core/index';

const SEEDS = 'src/lib/seeds';
const SQUAD = process.env.SQUAD ?? 'tests/fixtures/squad/squad-v2-dev-sample.json';
const OUT = 'docs/benchmarks.md';

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);

function seconds<T>(fn: () => T): [T, number] {
	const t = performance.now();
	const out = fn();
	sample();
	return [out, (performance.now() - t) / 1000];
}

/** SQuAD's official normalisation: lower case, no punctuation, no articles, single spaces. */
function normaliseAnswer(s: string): string[] {
	return s
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s]/gu, ' ')
		.replace(/\b(a|an|the)\b/g, ' ')
		.split(/\s+/)
		.filter(Boolean);
}

function f1(a: string, b: string): number {
	const x = normaliseAnswer(a);
	const y = normaliseAnswer(b);
	if (!x.length || !y.length) return 0;
	const counts = new Map<string, number>();
	for (const t of y) counts.set(t, (counts.get(t) ?? 0) + 1);
	let common = 0;
	for (const t of x) {
		const n = counts.get(t) ?? 0;
		if (n > 0) {
			common++;
			counts.set(t, n - 1);
		}
	}
	if (!common) return 0;
	const p = common / x.length;
	const r = common / y.length;
	return (2 * p * r) / (p + r);
}

interface Squad {
	data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[]; is_impossible?: boolean }[] }[] }[];
}

const lines: string[] = [];
const say = (s = '') => {
	console.log(s);
	lines.push(s);
};

say(`## Generator benchmark, ${new Date().toISOString().slice(0, 10)}`);
say();
say(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}.`);
say();
say('### Seeds');
say();
say('| deck | words | cards | basic | cloze | mcq | truefalse | matching | ordering | failing rules | seconds |');
say('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const name of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
	const doc = parseDocument(name, readFileSync(join(SEEDS, name), 'utf8'));
	const [deck, s] = seconds(() => generateDeck([{ id: 'doc-1', title: doc.title, text: doc.text }], { now: '2026-01-01T00:00:00Z' }));
	const by = (t: string) => deck.cards.filter((c) => c.type === t).length;
	const failing = deck.cards.filter((c) => checkCardRules(c, deck).length > 0).length;
	const words = doc.text.split(/\s+/).length;
	say(`| ${doc.title.slice(0, 40)} | ${words} | ${deck.cards.length} | ${by('basic')} | ${by('cloze')} | ${by('mcq')} | ${by('truefalse')} | ${by('matching')} | ${by('ordering')} | ${((100 * failing) / Math.max(1, deck.cards.length)).toFixed(1)} % | ${s.toFixed(2)} |`);
}

say();
say('### SQuAD 2.0 sample: questions worth asking');
say();
const squad: Squad = JSON.parse(readFileSync(SQUAD, 'utf8'));
say('| article | H | recall@H | precision@H |');
say('| --- | --- | --- | --- |');
let hits = 0;
let asked = 0;
let good = 0;
let shown = 0;
const articles: string[] = [];
for (const article of squad.data) {
	const text = article.paragraphs.map((p) => p.context).join('\n\n');
	articles.push(text);
	const gold = article.paragraphs.flatMap((p) => p.qas.filter((q) => !q.is_impossible && q.answers.length > 0).map((q) => q.answers.map((a) => a.text)));
	const H = gold.length;
	const deck = generateDeck([{ id: 'a', title: article.title, text }], { now: '2026-01-01T00:00:00Z' });
	const top = deck.cards.filter((c) => c.type === 'basic' || c.type === 'cloze' || c.type === 'mcq').slice(0, H);
	const matches = (answer: string, golds: string[]) => golds.some((g) => f1(answer, g) >= 0.5);
	const recalled = gold.filter((golds) => top.some((c) => matches(c.answer, golds))).length;
	const precise = top.filter((c) => gold.some((golds) => matches(c.answer, golds))).length;
	hits += recalled;
	asked += H;
	good += precise;
	shown += top.length;
	say(`| ${article.title} | ${H} | ${(recalled / H).toFixed(2)} | ${(precise / Math.max(1, top.length)).toFixed(2)} (${top.length} cards) |`);
}
say(`| **all** | ${asked} | **${(hits / asked).toFixed(2)}** | **${(good / Math.max(1, shown)).toFixed(2)}** |`);
say();
say('Targets: recall@H ≥ 0.60, precision@H ≥ 0.80 (naive baseline 0.36 / 0.64).');

say();
say('### Throughput (concatenated bench articles)');
say();
say('| input | characters | words | cards | seconds |');
say('| --- | --- | --- | --- | --- |');
const corpus = articles.join('\n\n');
function ofSize(chars: number): string {
	let out = '';
	while (out.length < chars) out += `${corpus}\n\n`;
	return out.slice(0, out.lastIndexOf('\n\n', chars) > 0 ? out.lastIndexOf('\n\n', chars) : chars);
}
const words5k = corpus.split(/\s+/).slice(0, 5000).join(' ');
for (const [label, text] of [
	['5,000-word article', words5k],
	['100 KB', ofSize(100_000)],
	['1 MB', ofSize(1_000_000)],
	['5 MB', ofSize(5_000_000)]
] as const) {
	const [deck, s] = seconds(() => generateDeck([{ id: 'x', title: label, text }], { now: '2026-01-01T00:00:00Z' }));
	say(`| ${label} | ${text.length.toLocaleString('en-US')} | ${text.split(/\s+/).length.toLocaleString('en-US')} | ${deck.cards.length} | ${s.toFixed(2)} |`);
}
clearInterval(timer);
sample();
say();
say(`Peak memory (RSS high-water): ${(peak / 2 ** 20).toFixed(0)} MB. Targets: 5,000 words < 0.5 s, 1 MB < 5 s, linear growth.`);
say();

if (!existsSync(OUT)) writeFileSync(OUT, '# Benchmarks\n\nEach benchmark appends its own dated section.\n\n');
appendFileSync(OUT, `${lines.join('\n')}\n`);
