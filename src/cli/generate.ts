/**
 * `npm run generate -- <file> [<file> …] -o <deck.json> [--title "…"] [--max-cards N]` (contract §2).
 * Reads .txt/.md/.html, writes one deck whose sources are those files. Any bad input exits non-zero with
 * one line on stderr, before anything is written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { generateDeck, parseDocument, segment, type GenerateDoc } from '../lib/generator/core/index';

class CliError extends Error {}

interface Args {
	files: string[];
	out: string;
	title?: string;
	maxCards?: number;
}

export function parseArgs(argv: string[]): Args {
	const files: string[] = [];
	let out = '';
	let title: string | undefined;
	let maxCards: number | undefined;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i] ?? '';
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new CliError(`${a} needs a value`);
			return v;
		};
		if (a === '-o' || a === '--out') out = value();
		else if (a === '--title') title = value();
		else if (a === '--max-cards') {
			maxCards = Number(value());
			if (!Number.isInteger(maxCards) || maxCards < 1) throw new CliError('--max-cards needs a positive whole number');
		} else if (a.startsWith('-')) throw new CliError(`unknown option ${a}`);
		else files.push(a);
	}
	if (files.length === 0) throw new CliError('usage: npm run generate -- <file> [<file> …] -o <deck.json> [--title "…"] [--max-cards N]');
	if (!out) throw new CliError('missing -o <deck.json>');
	return { files, out, title, maxCards };
}

function readDocument(file: string, index: number): GenerateDoc {
	let bytes: Buffer;
	try {
		bytes = readFileSync(file);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		throw new CliError(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a directory` : `${file}: cannot read (${code ?? 'error'})`);
	}
	if (bytes.length === 0) throw new CliError(`${file}: file is empty`);
	// NUL bytes or text that is not valid UTF-8: a binary file, not a document.
	if (bytes.includes(0)) throw new CliError(`${file}: binary file, expected text, Markdown or HTML`);
	let content: string;
	try {
		content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new CliError(`${file}: not UTF-8 text, expected text, Markdown or HTML`);
	}
	if (!content.trim()) throw new CliError(`${file}: file is empty`);
	const doc = parseDocument(basename(file), content);
	if (segment('check', doc.text).every((s) => !/\p{L}{2,}/u.test(s.text))) throw new CliError(`${file}: no sentences found`);
	return { id: `doc-${index + 1}`, title: doc.title, text: doc.text };
}

export function main(argv: string[]): number {
	try {
		const args = parseArgs(argv);
		const docs = args.files.map(readDocument);
		const deck = generateDeck(docs, { title: args.title, maxCards: args.maxCards, now: new Date().toISOString() });
		if (deck.cards.length === 0) throw new CliError(`no cards could be made from ${args.files.join(', ')}`);
		writeFileSync(args.out, `${JSON.stringify(deck, null, '\t')}\n`);
		process.stdout.write(`${deck.cards.length} cards → ${args.out}\n`);
		return 0;
	} catch (e) {
		const message = e instanceof CliError ? e.message : e instanceof Error ? `error: ${e.message}` : 'error';
		process.stderr.write(`${message.replace(/\s+/g, ' ')}\n`);
		return 1;
	}
}

process.exitCode = main(process.argv.slice(2));
