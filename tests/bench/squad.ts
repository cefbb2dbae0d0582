/**
 * SQuAD-style gold data for the generator's benchmarks and the ranker's fitting: loading articles, the
 * official answer normalisation and token F1 (measure.ts scores a deck with them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Article {
	title: string;
	/** the kind of text ("science", "legal" …) when the file names it */
	kind?: string;
	/** the set it was read from: the DEVSET folder as named there, or "public sample" */
	set?: string;
	text: string;
	/** one entry per answerable question: its accepted answers */
	gold: string[][];
}

interface SquadFile {
	kind?: string;
	data: { title: string; paragraphs: { context: string; qas: { answers: { text: string }[]; is_impossible?: boolean }[] }[] }[];
}

export const PUBLIC_SAMPLE = 'tests/fixtures/squad/squad-v2-dev-sample.json';

export function loadArticles(file: string, kind?: string): Article[] {
	const squad = JSON.parse(readFileSync(file, 'utf8')) as SquadFile;
	return squad.data.map((a) => ({
		title: a.title,
		kind: squad.kind ?? kind,
		text: a.paragraphs.map((p) => p.context).join('\n\n'),
		gold: a.paragraphs.flatMap((p) => p.qas.filter((q) => !q.is_impossible && q.answers.length > 0).map((q) => q.answers.map((x) => x.text)))
	}));
}

/**
 * The public sample, then every SQuAD-format file in the folders named by DEVSET (colon-separated) and in their
 * `gold/` subfolders (the development set's layout, tests/bench/devset.ts).
 */
export function goldArticles(devset = process.env.DEVSET ?? ''): Article[] {
	const files: { file: string; set: string }[] = [];
	for (const set of devset.split(':').filter(Boolean)) {
		for (const dir of [set, join(set, 'gold')]) {
			if (!existsSync(dir)) continue;
			for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) files.push({ file: join(dir, f), set });
		}
	}
	const sample = loadArticles(PUBLIC_SAMPLE, 'public sample').map((a) => ({ ...a, set: 'public sample' }));
	return [...sample, ...files.flatMap(({ file, set }) => loadArticles(file).map((a) => ({ ...a, set })))];
}

/** SQuAD's official normalisation: lower case, no punctuation, no articles, single spaces. */
export function normaliseAnswer(s: string): string[] {
	return s
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s]/gu, ' ')
		.replace(/\b(a|an|the)\b/g, ' ')
		.split(/\s+/)
		.filter(Boolean);
}

export function f1(a: string, b: string): number {
	return tokenF1(normaliseAnswer(a), normaliseAnswer(b));
}

/** Token F1 of two normalised answers (SQuAD's evaluation script); split out so callers can normalise once. */
export function tokenF1(x: string[], y: string[]): number {
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

/** An answer asks what people asked when its token F1 with one of their answers is at least 0.5. */
export const matches = (answer: string, golds: string[]): boolean => golds.some((g) => f1(answer, g) >= 0.5);
