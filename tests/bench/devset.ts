/**
 * The development set the benchmark and the judge report read (issue 9; docs/benchmarks.md says where each
 * part comes from):
 *  - gold articles: SQuAD-format JSON (`data[].paragraphs[].context/qas`); the committed public sample
 *    (tests/fixtures/squad) always, plus every `*.json` in `<devset>/gold/`;
 *  - plain texts without questions, for judging cards: every `.txt`/`.md` in tests/fixtures/devset/ (committed:
 *    npm-package documentation and public-domain texts) and in `<devset>/texts/`.
 * `<devset>` is `--devset DIR` on the command line, else the DEVSET environment variable; without either only
 * the committed parts are read. A file may name its kind of text: `kind__name.txt`, or `"kind"` in the JSON.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDocument } from '../../src/lib/generator/core/index';

export const PUBLIC_SQUAD = 'tests/fixtures/squad/squad-v2-dev-sample.json';
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

interface SquadFile {
	kind?: string;
	data: { title: string; paragraphs: { context: string; qas: { answers: { text: string }[]; is_impossible?: boolean }[] }[] }[];
}

export function devsetDir(argv: string[], env: NodeJS.ProcessEnv): string | undefined {
	const i = argv.indexOf('--devset');
	const dir = i >= 0 ? argv[i + 1] : env.DEVSET;
	return dir && existsSync(dir) ? dir : undefined;
}

function squadArticles(path: string, kind: string | undefined): GoldArticle[] {
	const file = JSON.parse(readFileSync(path, 'utf8')) as SquadFile;
	return file.data.map((a) => ({
		name: a.title,
		kind: file.kind ?? kind ?? 'encyclopedic',
		text: a.paragraphs.map((p) => p.context).join('\n\n'),
		gold: a.paragraphs.flatMap((p) => p.qas.filter((q) => !q.is_impossible && q.answers.length > 0).map((q) => q.answers.map((x) => x.text)))
	}));
}

const files = (dir: string, ext: RegExp): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => ext.test(f)).sort().map((f) => join(dir, f)) : []);

export function goldArticles(devset: string | undefined): GoldArticle[] {
	const out = squadArticles(PUBLIC_SQUAD, 'public sample');
	if (devset) for (const f of files(join(devset, 'gold'), /\.json$/)) out.push(...squadArticles(f, undefined));
	return out;
}

export function plainTexts(devset: string | undefined): PlainText[] {
	const paths = [...files(COMMITTED_TEXTS, TEXT_FILE), ...(devset ? files(join(devset, 'texts'), TEXT_FILE) : [])];
	return paths.map((path) => {
		const file = basename(path);
		const [kind, rest] = file.includes('__') ? (file.split('__', 2) as [string, string]) : ['text', file];
		const doc = parseDocument(file, readFileSync(path, 'utf8'));
		return { name: rest.replace(/\.(txt|md)$/, ''), kind, title: doc.title, text: doc.text };
	});
}
