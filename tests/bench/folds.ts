/**
 * Cross-validation over articles drawn from several sets (tests/bench/fit.ts): folds that spread every set, and
 * figures tallied per set.
 */

/**
 * Each article's fold (0 … folds − 1), given each article's set: a set's articles go round the folds in turn,
 * and each set starts at the fold after the one where the set before it stopped, so every set is spread over the
 * folds and the folds differ in size by one article at most.
 */
export function groupedFolds(sets: readonly string[], folds: number): number[] {
	const out: number[] = new Array<number>(sets.length).fill(0);
	let next = 0;
	for (const set of new Set(sets)) {
		sets.forEach((s, i) => {
			if (s !== set) return;
			out[i] = next % folds;
			next++;
		});
	}
	return out;
}

export interface Tally {
	articles: number;
	H: number;
	recalled: number;
	credited: number;
	shown: number;
}

/** Per-article counts summed per set, sets in the order they first appear, then "all". */
export function tallyBySet(rows: readonly ({ set: string } & Omit<Tally, 'articles'>)[]): Map<string, Tally> {
	const out = new Map<string, Tally>();
	for (const key of [...rows.map((r) => r.set), 'all']) if (!out.has(key)) out.set(key, { articles: 0, H: 0, recalled: 0, credited: 0, shown: 0 });
	for (const r of rows) {
		for (const key of [r.set, 'all']) {
			const t = out.get(key);
			if (!t) continue;
			t.articles++;
			t.H += r.H;
			t.recalled += r.recalled;
			t.credited += r.credited;
			t.shown += r.shown;
		}
	}
	return out;
}
