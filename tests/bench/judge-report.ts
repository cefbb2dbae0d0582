/**
 * `npx tsx tests/bench/judge-report.ts [--devset DIR] [--out DIR] [--top N] [--only TEXT]`: for each dev-set
 * text (devset.ts), the top N cards (default 25) in deck order as a Markdown table a person can judge by
 * ../shared/docs/question-quality.md: type, question, answer (mcq choices), source sentence, and the bench's
 * automatic flags (card-rule breaks, context dependence). Writes `<out>/<name>.md`, default
 * `<devset>/report/`. The verdict column is left empty for the judge.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Card, DeckFile } from '../../src/lib/domain/types';
import { checkCardRules, generateDeck } from '../../src/lib/generator/core/index';
import { bareDefiniteAnswer, contextDependence } from './context-dependence';
import { defects } from './defects';
import { devsetDir, goldArticles, plainTexts } from './devset';
import { SPAN_TYPES } from './measure';

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const devset = devsetDir(argv, process.env);
const out = arg('--out') ?? (devset ? join(devset, 'report') : 'judge-report');
const top = Number(arg('--top') ?? 25);
const only = arg('--only');

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function answerCell(c: Card): string {
	if (c.type === 'mcq') return `**${c.answer}** (of ${(c.choices ?? []).join(' / ')})`;
	return c.answer;
}

function reportTable(name: string, kind: string, deck: DeckFile, n: number): string {
	const rows = deck.cards.slice(0, n).map((c, i) => {
		const flags = [
			...checkCardRules(c, deck),
			c.type === 'matching' || c.type === 'ordering' ? '' : (contextDependence(c.question) ?? ''),
			SPAN_TYPES.has(c.type) && bareDefiniteAnswer(c.answer, c.source.sentence) ? 'bare answer' : '',
			...defects(c, deck.sources[0]?.text ?? '')
		].filter(Boolean);
		return `| ${i + 1} | ${c.type} | ${cell(c.question)} | ${cell(answerCell(c))} | ${cell(c.source.sentence)} | ${cell(flags.join('; '))} | |`;
	});
	return [
		`# ${name} (${kind}): top ${Math.min(n, deck.cards.length)} of ${deck.cards.length} cards`,
		'',
		'Verdict: ok, or one of ungrammatical, not answerable, not unique, trivial, dangling reference, peripheral, wrong wh-word, bad distractors, distractor true.',
		'',
		'| # | type | question | answer | source sentence | bench flags | verdict |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...rows,
		''
	].join('\n');
}

mkdirSync(out, { recursive: true });
const texts = [
	...goldArticles(devset).map((a) => ({ name: a.name, kind: a.kind, title: a.name, text: a.text })),
	...plainTexts(devset)
].filter((t) => !only || t.name.toLowerCase().includes(only.toLowerCase()));
for (const t of texts) {
	const deck = generateDeck([{ id: 'doc-1', title: t.title, text: t.text }], { now: '2026-01-01T00:00:00Z' });
	const file = join(out, `${t.name.replace(/[^\w.-]+/g, '_')}.md`);
	writeFileSync(file, reportTable(t.name, t.kind, deck, top));
	console.log(`${file}: ${Math.min(top, deck.cards.length)} cards`);
}
