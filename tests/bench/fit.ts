/**
 * `npm run fit:ranker`: fits the ranker's logistic model (src/lib/generator/core/features.ts) on SQuAD-style
 * articles — the public sample, plus the folders named by DEVSET — and reports, by k-fold cross-validation
 * over articles (FOLDS, default 4), recall@H and precision@H of the fitted model against the model in the code. Then the
 * effect of each feature: the cross-validated figures with that feature left out. Prints the model to paste
 * into features.ts. A fact's label is 1 when its answer matches (token F1 ≥ 0.5) one of people's answers that
 * stands in the fact's own sentence: the ranker learns which part of a sentence people ask about, not which
 * words recur in the article (a recurring word matches questions about other sentences).
 */
import { buildModel, cleanText, extractFacts, generateDeck } from '../../src/lib/generator/core/index';
import { docStats, factFeatures, FEATURES, MODEL, type Feature, type FeatureVector, type RankModel } from '../../src/lib/generator/core/features';
import { goldArticles, matches, score, type Article } from './squad';

const L2 = Number(process.env.L2 ?? 0.01);
const STEPS = 1500;
const RATE = 0.5;

interface Sample {
	x: FeatureVector;
	y: number;
}

function samples(a: Article): Sample[] {
	const model = buildModel('a', cleanText(a.text));
	const stats = docStats(model.sentences);
	return extractFacts(model).map((f) => {
		const sentence = f.info.s.text.toLowerCase();
		const local = a.gold.map((g) => g.filter((x) => sentence.includes(x.toLowerCase())));
		return { x: factFeatures(f, stats), y: local.some((g) => matches(f.answer, g)) ? 1 : 0 };
	});
}

/** Logistic regression by full-batch gradient descent with an L2 penalty (features are 0..1, so no scaling). */
function fit(data: Sample[], features: readonly Feature[] = FEATURES): RankModel {
	const w = Object.fromEntries(FEATURES.map((k) => [k, 0])) as FeatureVector;
	let b = 0;
	for (let step = 0; step < STEPS; step++) {
		const g = Object.fromEntries(FEATURES.map((k) => [k, 0])) as FeatureVector;
		let gb = 0;
		for (const { x, y } of data) {
			let z = b;
			for (const k of features) z += w[k] * x[k];
			const err = 1 / (1 + Math.exp(-z)) - y;
			gb += err;
			for (const k of features) g[k] += err * x[k];
		}
		b -= (RATE * gb) / data.length;
		for (const k of features) w[k] -= RATE * (g[k] / data.length + L2 * w[k]);
	}
	return { bias: round(b), weights: Object.fromEntries(FEATURES.map((k) => [k, round(w[k])])) as FeatureVector };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function evaluate(articles: Article[], models: RankModel[]): { recall: number; precision: number } {
	let H = 0;
	let recalled = 0;
	let precise = 0;
	let shown = 0;
	articles.forEach((a, i) => {
		const deck = generateDeck([{ id: 'a', title: a.title, text: a.text }], { now: '2026-01-01T00:00:00Z', rankModel: models[i] ?? MODEL });
		const s = score(deck.cards, a.gold);
		H += s.H;
		recalled += s.recalled;
		precise += s.precise;
		shown += s.shown;
	});
	return { recall: recalled / H, precision: precise / Math.max(1, shown) };
}

const articles = goldArticles();
console.log(`${articles.length} articles, ${articles.reduce((n, a) => n + a.gold.length, 0)} questions (DEVSET=${process.env.DEVSET ?? ''})`);
const data = articles.map(samples);
/** k-fold by article (article i is in fold i mod k): each article is scored by a model that never saw it. */
const FOLDS = Number(process.env.FOLDS ?? 4);
function looModels(features: readonly Feature[] = FEATURES): RankModel[] {
	const models = Array.from({ length: FOLDS }, (_, k) => fit(data.filter((_, j) => j % FOLDS !== k).flat(), features));
	return articles.map((_, i) => models[i % FOLDS] ?? MODEL);
}
const fmt = (r: { recall: number; precision: number }) => `recall@H ${r.recall.toFixed(3)}  precision@H ${r.precision.toFixed(3)}`;

console.log(`model in the code:           ${fmt(evaluate(articles, []))}`);
const loo = looModels();
console.log(`fitted, cross-validated:      ${fmt(evaluate(articles, loo))}`);
if (process.argv.includes('--ablate')) {
	for (const k of FEATURES) {
		const without = FEATURES.filter((f) => f !== k);
		console.log(`  without ${k.padEnd(11)} ${fmt(evaluate(articles, looModels(without)))}`);
	}
}
const all = fit(data.flat());
console.log('\nModel fitted on all articles (paste into features.ts):');
console.log(JSON.stringify(all));
