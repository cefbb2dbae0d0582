/**
 * The benchmark's own context-dependence detector (issue 9): does a card's stem need the page to make sense?
 * Deliberately independent of the generator's filter (src/lib/generator/core/context.ts), so the figure
 * measures the generator instead of agreeing with it.
 *
 * The stem is the question, the cloze text or the true/false statement ("True or false: " removed). It is
 * context-dependent when, in its FIRST CLAUSE (up to the first ";", ":" or dash, or the first comma after
 * six words), it holds:
 *  - a leading discourse connective: "However", "Similarly", "Moreover", "Therefore", "Thus", "In addition",
 *    "Also,", "Out of these", "But", … — or one set off by commas inside the clause (", however,");
 *  - a demonstrative: "this", "these", "those" (not "those who/which/that/of"), "such" (not "such as/that");
 *  - "the latter", "the former";
 *  - a bare definite back-reference: "the region", "the city", "the country", "the company", … (a short list
 *    of place/organisation/abstract heads) NOT followed by "of", a capitalised word or a relative clause, and
 *    with no capitalised name anywhere before it in the stem;
 *  - a third-person pronoun (he, she, it, they, them, him, her, his, its, their) with no name before it in
 *    the stem — a name is a capitalised word other than a function word that only opens the stem ("The",
 *    "With", "All"), or a noun phrase opened by "the/a/an" — except the expletive "it" ("it is estimated
 *    that", "it was possible to").
 * Limits (documented in docs/benchmarks.md): a definite back-reference with a name earlier in the stem, or
 * with a head outside the list, is missed; a pronoun whose only possible antecedent is a common noun without
 * an article ("Engines lose their heat") counts as resolved.
 */

export type ContextReason = 'connective' | 'demonstrative' | 'latter/former' | 'back reference' | 'pronoun';

const LEADING_CONNECTIVES = [
	'however', 'similarly', 'moreover', 'furthermore', 'therefore', 'thus', 'hence', 'consequently', 'accordingly',
	'in addition', 'additionally', 'also', 'likewise', 'nevertheless', 'nonetheless', 'instead', 'meanwhile',
	'as a result', 'in contrast', 'by contrast', 'on the other hand', 'in turn', 'otherwise', 'besides',
	'out of these', 'of these', 'of them', 'among these', 'among them', 'in this case', 'in that case',
	'for this reason', 'for example', 'for instance', 'but', 'and', 'yet', 'so', 'still', 'then'
];
const LEADING = new RegExp(`^(?:${LEADING_CONNECTIVES.join('|')})\\b(?!-)(?!\\s+(?:of|than|as|that|far|long|much|many)\\b)`, 'i');
/** A connective set off by commas inside the clause: "The engine, however, …". */
const INNER = /,\s*(?:however|moreover|therefore|thus|furthermore|nevertheless|consequently|in addition|similarly|likewise|in turn|as a result)\s*,/i;
const DEMONSTRATIVE = /\b(?:this|these)\b|\bthose\b(?!\s+(?:who|whom|whose|which|that|of|with|in|at|on|for|from|by|living|born)\b)|\bsuch\b(?!\s+(?:as|that)\b)/i;
const LATTER = /\bthe\s+(?:latter|former)\b/i;
const BACK_HEADS = [
	'region', 'area', 'city', 'town', 'country', 'state', 'nation', 'island', 'river', 'province', 'territory',
	'company', 'firm', 'corporation', 'organisation', 'organization', 'group', 'party', 'movement', 'church',
	'university', 'school', 'team', 'band', 'dynasty', 'empire', 'kingdom', 'government', 'war', 'treaty', 'law',
	'act', 'book', 'film', 'album', 'author', 'species', 'device', 'machine', 'engine', 'process', 'method',
	'approach', 'theory', 'idea', 'concept', 'problem', 'system', 'period', 'event', 'project', 'program',
	'programme', 'network', 'protocol'
];
const BACK_REFERENCE = new RegExp(`\\b[Tt]he\\s+(?:${BACK_HEADS.join('|')})(?:'s)?\\b(?!\\s+(?:of|in|on|at|for|which|that|who|where|called|known|named)\\b)(?!\\s+\\p{Lu})(?!-)`, 'u');
const PRONOUN = /\b(?:he|she|it|they|them|him|her|his|its|their)\b/i;
const EXPLETIVE_IT = /\bit\s+(?:is|was|has been|had been|will be|would be|may be|can be|became|becomes|seems|seemed)\s+(?:\w+\s+){0,2}?(?:that|to|whether|estimated|believed|thought|said|known|possible|necessary|likely|unclear|clear)\b/i;
const CAPITALISED = /\p{Lu}[\p{L}\d]*/gu;
const ARTICLE_PHRASE = /\b(?:[Tt]he|[Aa]n?)\s+\p{L}{3,}/u;
const WH = /^(?:what|who|whom|whose|which|when|where|why|how|in|on|at|by|for|from|to|of|is|are|was|were|do|does|did)$/i;
/** Capitalised only because they open the stem: never a name a pronoun can point to. */
const OPENERS = /^(?:the|a|an|all|both|each|some|many|most|several|few|not|only|with|without|after|before|during|under|over|as|if|although|though|while|because|since|until|once|there|here|he|she|it|they|we|you|i|his|her|its|their|our|this|these|those|such|that|one|two|three|however|also|but|and|so|yet|then|thus|therefore|later|today|now|true|false)$/i;

/** The stem a reader sees: the true/false prefix removed. */
export function stemOf(question: string): string {
	return question.replace(/^\s*true or false:\s*/i, '').trim();
}

/** Up to the first ";", ":" or dash, or the first comma after six words. */
export function firstClause(stem: string): string {
	const hard = stem.search(/[;:]|\s[—–-]\s/);
	const cut = hard >= 0 ? stem.slice(0, hard) : stem;
	const words = cut.split(/\s+/);
	for (let i = 5; i < words.length; i++) if (/,$/.test(words[i] ?? '')) return words.slice(0, i + 1).join(' ');
	return cut;
}

/** Is there a name before `index` in the stem (not counting its first word and wh/preposition openers)? */
function namedBefore(stem: string, index: number): boolean {
	const before = stem.slice(0, index);
	for (const m of before.matchAll(CAPITALISED)) {
		if (WH.test(m[0]) || OPENERS.test(m[0])) continue;
		return true;
	}
	return ARTICLE_PHRASE.test(before);
}

function capitalisedBefore(stem: string, index: number): boolean {
	for (const m of stem.slice(0, index).matchAll(CAPITALISED)) if (m.index !== 0 || /^\p{Lu}{2,}/u.test(m[0])) return true;
	return false;
}

/** Why the stem needs its page, or null when it reads on its own. */
export function contextDependence(question: string): ContextReason | null {
	const stem = stemOf(question);
	const clause = firstClause(stem);
	if (LEADING.test(stem) || INNER.test(clause)) return 'connective';
	if (LATTER.test(clause)) return 'latter/former';
	if (DEMONSTRATIVE.test(clause)) return 'demonstrative';
	const back = BACK_REFERENCE.exec(clause);
	if (back && !capitalisedBefore(stem, back.index)) return 'back reference';
	const withoutExpletive = clause.replace(EXPLETIVE_IT, (m) => ' '.repeat(m.length));
	const p = PRONOUN.exec(withoutExpletive);
	if (p && !namedBefore(stem, p.index)) return 'pronoun';
	return null;
}

/**
 * The other half of the judges' "dangling reference": an ANSWER that is a bare definite noun the page resolves
 * ("What is situated in Germany, Switzerland and Austria near the Alps?" → lake, from "The lake is situated …").
 * True when the answer is one or two lower-case words and the source sentence has "the <answer>" not followed by
 * "of" (which would name what it is).
 */
export function bareDefiniteAnswer(answer: string, sentence: string): boolean {
	const a = answer.trim();
	if (!/^\p{Ll}[\p{Ll}-]*(?:\s\p{Ll}[\p{Ll}-]*)?$/u.test(a)) return false;
	const escaped = a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`\\bthe\\s+${escaped}\\b(?!\\s+of\\b)`, 'i').test(sentence);
}
