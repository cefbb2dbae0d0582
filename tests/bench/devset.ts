/**
 * The development set the benchmark and the judge report read (issue 9; docs/benchmarks.md says where each
 * part comes from):
 *  - gold articles: SQuAD-format JSON (`data[].paragraphs[].context/qas`), loaded by squad.ts: the committed
 *    public sample (tests/fixtures/squad) always, plus every `*.json` in `<devset>/gold/` (or `<devset>/`);
 *  - plain texts without questions, for judging cards: every `.txt`/`.md` in tests/fixtures/devset/ (committed:
 *    npm-package documentation and public-domain texts) and in `<devset>/texts/`.
 * `<devset>` is `--devset DIR` on the command line, else the DEVSET environment variable (colon-separated
 * folders); without either only the committed parts are read. A file may name its kind of text:
 * `kind__name.txt`, or `"kind"` in the JSON.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from '../../src/lib/generator/core/index';
import { goldArticles as squadGold } from './squad';

export const COMMITTED_TEXTS = 'tests/fixtures/devset';

/** A text of the set: `.txt` or `.md`, not the folder's README. */
const TEXT_FILE = /^(?!readme\.md$).+\.(txt|md)$/i;

export interface GoldArticle {
	name: string;
	kind: string;
	text: string;
	/** One entry per answerable question: its answer variants. */
	gold: string[][];
}

export interface PlainText {
	name: string;
	kind: string;
	title: string;
	text: string;
}

export function devsetDir(argv: string[], env: NodeJS.ProcessEnv): string | undefined {
	const i = argv.indexOf('--devset');
	return (i >= 0 ? argv[i + 1] : env.DEVSET) || undefined;
}

const files = (dir: string, ext: RegExp): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => ext.test(f)).sort().map((f) => join(dir, f)) : []);

export function goldArticles(devset: string | undefined): GoldArticle[] {
	return squadGold(devset ?? '').map((a) => ({ name: a.title, kind: a.kind ?? 'encyclopedic', text: a.text, gold: a.gold }));
}

export function plainTexts(devset: string | undefined): PlainText[] {
	const dirs = (devset ?? '').split(':').filter(Boolean).map((d) => join(d, 'texts'));
	return [COMMITTED_TEXTS, ...dirs].flatMap((d) => files(d, TEXT_FILE)).map((path) => {
		const file = basename(path);
		const [kind, rest] = file.includes('__') ? (file.split('__', 2) as [string, string]) : ['text', file];
		const doc = parseDocument(file, readFileSync(path, 'utf8'));
		return { name: rest.replace(/\.(txt|md)$/, ''), kind, title: doc.title, text: doc.text };
	});
}
