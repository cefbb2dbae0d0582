/**
 * Cheap automatic proxies for defects the judges found often on the development set (docs/generator.md,
 * "Development set and judgements"), so a tuning run shows them without a person reading cards. Each is a
 * signal, not a verdict: a flagged card is likely, not surely, bad.
 *  - `brokenStem`: a basic question that keeps a ";" or ":" or a second finite clause after "and"
 *    ("What is divided among three branches: the River Waal …?", "What dried up and the amount … decreased?");
 *  - `foreignChoice`: an mcq choice that the document never mentions (the built-in pools' invented people
 *    offered for "Public License");
 *  - `reverseAcronym`: "What is the abbreviation for …?", trivial next to "What does X stand for?".
 */
import type { Card } from '../../src/lib/domain/types';

export type Defect = 'broken stem' | 'foreign choice' | 'reverse acronym';

const SECOND_CLAUSE = /\band\s+(?:the|a|an|its|their)\s+[\p{L}\s-]{0,40}?\b(?:was|were|is|are|had|has|fell|rose|decreased|increased)\b/iu;

export function brokenStem(question: string): boolean {
	const body = question.replace(/\?\s*$/, '');
	return /[;:]\s/.test(body) || SECOND_CLAUSE.test(body);
}

export function foreignChoice(card: Card, documentText: string): boolean {
	const text = documentText.toLowerCase();
	return (card.choices ?? []).some((c) => c !== card.answer && !text.includes(c.toLowerCase()));
}

export const reverseAcronym = (question: string): boolean => /^what is the abbreviation for\b/i.test(question);

export function defects(card: Card, documentText: string): Defect[] {
	const out: Defect[] = [];
	if (card.type === 'basic' && brokenStem(card.question)) out.push('broken stem');
	if (card.type === 'mcq' && foreignChoice(card, documentText)) out.push('foreign choice');
	if (card.type === 'basic' && reverseAcronym(card.question)) out.push('reverse acronym');
	return out;
}
