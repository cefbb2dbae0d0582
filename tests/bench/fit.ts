/**
 * `npm run fit:ranker`: fits the ranker's weights (src/lib/generator/core/features.ts) on SQuAD-style articles —
 * the public sample, plus the folders named by DEVSET (one, or several separated by colons: each is a set, and
 * real decks are counted per set) — for what the benchmark measures: recall@H plus precision@H of the top of the
 * deck.
 *
 * 1. A logistic regression gives the starting point. A fact's label is 1 when its answer matches (token
 *    F1 ≥ 0.5) one of people's answers that stands in the fact's own sentence, so the model learns which part
 *    of a sentence people ask about, not which words recur in the article.
 * 2. Coordinate search then moves one weight at a time while recall@H + precision@H of a fast stand-in for the
 *    deck improves: the facts that make a span card (read with the title, as generateDeck reads them), by weight
 *    times quality times their best card type's factor, each fact's first card, no answer and no sentence more
 *    than twice in the first pass (as rank.ts does).
 * Both are cross-validated over articles (FOLDS, default 4: each article is scored by weights fitted without
 * it; a set's articles go round the folds in turn, so every fold holds some of every set; FOLDS equal to the
 * number of articles is leave-one-article-out), then checked on real decks (V=1 prints each article's counts).
 * LOGISTIC_ONLY=1 skips the search; START=code starts it from the weights in the code instead of the logistic
 * fit; BLEND=0.25,0.5 also scores each held-out model mixed with the code's weights; BALANCE=1 weighs every
 * article the same in the fit; WITHOUT=a,b fits without those features. `--ablate` adds each feature's effect
 * (the search without it). The weights fitted on all articles (and their blends) are printed to paste into
 * features.ts.
 */
import { answerKey } from '../../src/lib/generator/core/rank';
import type { Fact } from '../../src/lib/generator/core/fact';
import { buildModel, candidates, cleanText, extractFacts, generateDeck } from '../../src/lib/generator/core/index';
import { factCards, type Knowledge } from '../../src/lib/generator/core/cards';
import { docStats, factFeatures, FEATURES, MODEL, predict, type Feature, type FeatureVector, type RankModel } from '../../src/lib/generator/core/features';
import { answerGroups, scoreTop, spanAnswers, SPAN_TYPES } from './measure';
import { groupedFolds, tallyBySet } from './folds';
import { goldArticles, matches, type Article } from './squad';

const L2 = Number(process.env.L2 ?? 0.01);
const FOLDS = Number(process.env.FOLDS ?? 4);

interface Candidate {
	x: FeatureVector;
	/** label for the logistic start: people asked this answer about this sentence */
	y: number;
	answer: string;
	sentence: number;
	/** indexes of the gold questions this answer matches */
	hits: number[];
	/** what the fact's weight is multiplied by besides the model (index.ts: a title or topic word, an aside), times its best card type's factor */
	quality: number;
}

interface Prepared {
	H: number;
	facts: Candidate[];
	/** each gold question's answer group (measure.ts answerGroups): the benchmark credits a group at most twice */
	groups: number[];
}

/** Span cards do not read what the document states (only true/false does): a stand-in answers for it. */
const NOTHING_KNOWN: Knowledge = { states: () => false, names: () => false, pairs: () => false };

function prepare(a: Article): Prepared {
	const model = buildModel('a', cleanText(a.text));
	const stats = docStats(model.sentences);
	// With the title, as generateDeck reads it: the title's words are trivial answers and rank down (quality).
	const all = extractFacts(model, MODEL, a.title);
	const pool = candidates([model], all);
	// Only facts that make a span card can reach the top: a fact whose stem the card checks reject (a pronoun with
	// nothing named before it, an answer the stem gives away) takes no place in the deck, so none in the stand-in.
	// … and a fact ranks by its best span card, whose score is the fact's weight times the card type's factor
	// (cards.ts TYPE_FACTOR: a wh-question 1, multiple choice 0.97, cloze 0.93).
	const factor = new Map<Fact, number>();
	for (const f of all) {
		const spans = factCards(f, pool, NOTHING_KNOWN, 'fit').filter((c) => SPAN_TYPES.has(c.type));
		if (spans.length && f.weight > 0) factor.set(f, Math.max(...spans.map((c) => c.score / f.weight)));
	}
	const carded = all.filter((f) => factor.has(f));
	const facts = carded.map((f) => {
		const sentence = f.info.s.text.toLowerCase();
		const hits = a.gold.flatMap((g, i) => (matches(f.answer, g) ? [i] : []));
		const local = hits.some((i) => (a.gold[i] ?? []).some((x) => sentence.includes(x.toLowerCase()) && matches(f.answer, [x])));
		return { x: factFeatures(f, stats), y: local ? 1 : 0, answer: answerKey(f.answer), sentence: f.info.s.start, hits, quality: (f.quality ?? 1) * (factor.get(f) ?? 1) };
	});
	return { H: a.gold.length, facts, groups: answerGroups(a.gold) };
}

function logistic(articles: Prepared[], features: readonly Feature[]): RankModel {
	// BALANCE=1: each article's facts weigh as much in all as any other article's, however many it has.
	const mean = articles.reduce((n, a) => n + a.facts.length, 0) / Math.max(1, articles.length);
	const data = articles.flatMap((a) => a.facts.map((f) => ({ ...f, share: BALANCE ? mean / a.facts.length : 1 })));
	const w = zero();
	let b = 0;
	for (let step = 0; step < 1500; step++) {
		const g = zero();
		let gb = 0;
		for (const { x, y, share } of data) {
			let z = b;
			for (const k of features) z += w[k] * x[k];
			const err = (1 / (1 + Math.exp(-z)) - y) * share;
			gb += err;
			for (const k of features) g[k] += err * x[k];
		}
		b -= (0.5 * gb) / data.length;
		for (const k of features) w[k] -= 0.5 * (g[k] / data.length + L2 * w[k]);
	}
	return { bias: b, weights: w };
}

function zero(): FeatureVector {
	return Object.fromEntries(FEATURES.map((k) => [k, 0])) as FeatureVector;
}

/** recall@H + precision@H of the stand-in deck, summed over questions and over cards shown. */
function proxy(articles: Prepared[], model: RankModel): { recall: number; precision: number } {
	let H = 0;
	let recalled = 0;
	let precise = 0;
	let shown = 0;
	for (const a of articles) {
		const order = a.facts.map((f) => ({ f, w: predict(f.x, model) * f.quality })).sort((p, q) => q.w - p.w);
		const perAnswer = new Map<string, number>();
		const perSentence = new Map<number, number>();
		const first: Candidate[] = [];
		const later: Candidate[] = [];
		for (const { f } of order) {
			const top = (perAnswer.get(f.answer) ?? 0) < 2 && (perSentence.get(f.sentence) ?? 0) < 2;
			if (top) {
				perAnswer.set(f.answer, (perAnswer.get(f.answer) ?? 0) + 1);
				perSentence.set(f.sentence, (perSentence.get(f.sentence) ?? 0) + 1);
			}
			(top ? first : later).push(f);
		}
		const shownFacts = [...first, ...later].slice(0, a.H);
		const asked = new Set<number>();
		// Credited as the benchmark does (measure.ts scoreTop): the matched answer group credited least so far, at
		// most twice, whatever the card's own wording.
		const credit = new Map<number, number>();
		for (const f of shownFacts) {
			for (const i of f.hits) asked.add(i);
			const open = [...new Set(f.hits.map((i) => a.groups[i] ?? i))].sort((x, y) => (credit.get(x) ?? 0) - (credit.get(y) ?? 0))[0];
			if (open !== undefined && (credit.get(open) ?? 0) < 2) {
				credit.set(open, (credit.get(open) ?? 0) + 1);
				precise++;
			}
		}
		H += a.H;
		recalled += asked.size;
		shown += shownFacts.length;
	}
	return { recall: recalled / H, precision: precise / Math.max(1, shown) };
}

const objective = (r: { recall: number; precision: number }) => r.recall + r.precision;

/**
 * BALANCE=1: the fit weighs every article the same (the mean of each article's figures), where by default an
 * article counts by its questions and cards, so the articles people asked most about lead the fit.
 */
const BALANCE = Boolean(process.env.BALANCE);
const score = (articles: Prepared[], model: RankModel) =>
	BALANCE ? articles.reduce((n, a) => n + objective(proxy([a], model)), 0) / Math.max(1, articles.length) : objective(proxy(articles, model));

/** Coordinate search from `start`: each weight (and the bias) moves by ±step while the objective improves. */
function search(articles: Prepared[], start: RankModel, features: readonly Feature[]): RankModel {
	let best: RankModel = { bias: start.bias, weights: { ...start.weights } };
	for (const k of FEATURES) if (!features.includes(k)) best.weights[k] = 0;
	let bestScore = score(articles, best);
	for (const step of [1, 0.5, 0.25, 0.1]) {
		let improved = true;
		for (let round = 0; improved && round < 6; round++) {
			improved = false;
			for (const k of features) {
				for (const d of [step, -step]) {
					const trial: RankModel = { bias: best.bias, weights: { ...best.weights, [k]: best.weights[k] + d } };
					const s = score(articles, trial);
					if (s > bestScore + 1e-9) {
						best = trial;
						bestScore = s;
						improved = true;
					}
				}
			}
		}
	}
	return best;
}

/** WITHOUT=person,org,…: features left out of every fit (their weight 0), e.g. the answer kinds for a kind-free model. */
const WITHOUT = new Set((process.env.WITHOUT ?? '').split(',').filter(Boolean));
const FITTED = FEATURES.filter((k) => !WITHOUT.has(k));

function fit(articles: Prepared[], features: readonly Feature[] = FITTED): RankModel {
	// START=code: the search starts from the weights in the code, so it moves them only where the stand-in gains.
	const start = process.env.START === 'code' ? MODEL : logistic(articles, features);
	return process.env.LOGISTIC_ONLY ? start : search(articles, start, features);
}

function crossValidated(prepared: Prepared[], features: readonly Feature[] = FITTED): RankModel[] {
	const models = Array.from({ length: FOLDS }, (_, k) => fit(prepared.filter((_, j) => fold[j] !== k), features));
	return prepared.map((_, i) => models[fold[i] ?? 0] ?? MODEL);
}

/**
 * Real decks, scored as the benchmark scores them (measure.ts), each article with its own model; with several
 * sets, each set's counts are printed too.
 */
function decks(label: string, articles: Article[], models: (RankModel | undefined)[]): void {
	const rows = articles.map((a, i) => {
		const deck = generateDeck([{ id: 'a', title: a.title, text: a.text }], { now: '2026-01-01T00:00:00Z', rankModel: models[i] ?? MODEL });
		const s = scoreTop(spanAnswers(deck.cards), a.gold);
		if (process.env.V) console.log(`  ${a.title.padEnd(34)} ${s.H} ${s.recalled} ${s.credited}`);
		return { set: a.set ?? '', H: s.H, recalled: s.recalled, credited: s.credited, shown: s.shown };
	});
	const sets = tallyBySet(rows);
	const all = sets.get('all') ?? { H: 0, recalled: 0, credited: 0, shown: 0 };
	console.log(`${label.padEnd(30)}${fmt({ recall: all.recalled / Math.max(1, all.H), precision: all.credited / Math.max(1, all.shown) })}`);
	for (const [set, t] of sets) {
		if (sets.size > 2 || process.env.V) console.log(`  ${set.padEnd(16)} ${String(t.articles).padStart(2)} articles  H=${t.H} recalled=${t.recalled} credited=${t.credited} shown=${t.shown}`);
	}
}

/** Stand-in figures of articles each scored by its own model. */
function proxyEach(prepared: Prepared[], models: RankModel[]) {
	let H = 0;
	let r = 0;
	let p = 0;
	let n = 0;
	prepared.forEach((a, i) => {
		const s = proxy([a], models[i] ?? MODEL);
		H += a.H;
		r += s.recall * a.H;
		p += s.precision * Math.min(a.H, a.facts.length);
		n += Math.min(a.H, a.facts.length);
	});
	return { recall: r / H, precision: p / Math.max(1, n) };
}

const blend = (a: RankModel, b: RankModel, share: number): RankModel => ({
	bias: a.bias + share * (b.bias - a.bias),
	weights: Object.fromEntries(FEATURES.map((k) => [k, a.weights[k] + share * (b.weights[k] - a.weights[k])])) as FeatureVector
});
const fmt = (r: { recall: number; precision: number }) => `recall@H ${r.recall.toFixed(3)}  precision@H ${r.precision.toFixed(3)}`;
const rounded = (m: RankModel): RankModel => ({ bias: round(m.bias), weights: Object.fromEntries(FEATURES.map((k) => [k, round(m.weights[k])])) as FeatureVector });
const round = (n: number) => Math.round(n * 1000) / 1000;

const articles = goldArticles();
console.log(`${articles.length} articles, ${articles.reduce((n, a) => n + a.gold.length, 0)} questions (DEVSET=${process.env.DEVSET ?? ''}), ${FOLDS}-fold`);
const prepared = articles.map(prepare);
// Every set spread over the folds (a set's articles go round them in turn), so no fold is fitted without a set.
const fold = groupedFolds(articles.map((a) => a.set ?? ''), FOLDS);
console.log(`stand-in, model in the code:  ${fmt(proxy(prepared, MODEL))}`);
const cv = crossValidated(prepared);
console.log(`stand-in, cross-validated:    ${fmt(proxyEach(prepared, cv))}`);
if (!process.argv.includes('--quick')) {
	decks('decks, model in the code:', articles, []);
	decks('decks, cross-validated:', articles, cv);
	// BLEND=0.25,0.5: each held-out model mixed with the weights in the code (share b of the fitted model), still
	// scoring every article with weights fitted without it.
	for (const b of (process.env.BLEND ?? '').split(',').filter(Boolean).map(Number)) {
		decks(`decks, held out, blend ${b}:`, articles, cv.map((m) => blend(MODEL, m, b)));
	}
}
if (process.argv.includes('--ablate')) {
	for (const k of FEATURES) console.log(`  without ${k.padEnd(11)} stand-in ${fmt(proxyEach(prepared, crossValidated(prepared, FEATURES.filter((f) => f !== k))))}`);
}
console.log('\nFitted on all articles (paste into features.ts):');
const fitted = fit(prepared);
console.log(JSON.stringify(rounded(fitted)));
for (const b of (process.env.BLEND ?? '').split(',').filter(Boolean).map(Number)) console.log(`blend ${b}: ${JSON.stringify(rounded(blend(MODEL, fitted, b)))}`);
