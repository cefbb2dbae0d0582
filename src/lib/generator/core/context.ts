/**
 * Self-contained stems (issue 9): a question must make sense without the page. A stem depends on its
 * context when its first clause holds a discourse connective ("Similarly", "However", "Out of these"), a
 * demonstrative ("these", "this idea", "such a"), a definite phrase that points back ("the latter", "the
 * region") or a third-person pronoun with nothing named before it in the stem itself.
 */
const CONNECTIVES = [
	'however', 'similarly', 'moreover', 'furthermore', 'in addition', 'additionally', 'therefore', 'thus', 'hence',
	'also', 'instead', 'likewise', 'nevertheless', 'nonetheless', 'meanwhile', 'consequently', 'as a result',
	'in contrast', 'by contrast', 'on the other hand', 'for example', 'for instance', 'in this case', 'in that case',
	'out of these', 'among them', 'among these', 'of these', 'of them', 'in turn', 'otherwise', 'accordingly', 'still',
	'besides', 'then', 'too', 'again', 'later', 'afterwards', 'subsequently', 'finally', 'first', 'second', 'third'
];
const CONNECTIVE = new RegExp(`(?:^|[,;:]\\s*)(?:${CONNECTIVES.join('|')})\\b(?!\\s+(?:of|than|to)\\b)`, 'i');
/** Anywhere in the first clause: "But", "And" or "So" leading it. */
const LEADING = /^(?:true or false:\s*)?(?:but|and|so|yet|or|nor|because|since|although|while)\b/i;
const DEMONSTRATIVE = /\b(?:this|these|those|such)\b(?!\s+as\b)/i;
const THAT_DETERMINER = /(?:^|\b(?:in|on|at|of|from|by|for|with|to|during|after|before|about|under)\s+)that\s+\p{Ll}+(?!\s+(?:is|was|are|were|has|had|have|can|could|will|would)\b)/iu;
const BACK_REFERENCE = /\b(?:the|its|their)\s+(?:latter|former|same|above|following|aforementioned|ensuing|said|region|area|country|city|town|period|case|idea|concept|process|event|group|company|method|approach|system|theory|problem|term|latter's|former's)\b(?!\s+of\b)/i;
const PRONOUN = /\b(?:he|she|it|they|him|her|them|his|its|their|theirs|hers)\b/i;
/** Something a pronoun can point to inside the stem: a determined noun phrase or a capitalised name. */
const NAMED = /\b(?:[Tt]he|[Aa]n?)\s+\p{L}{3,}|\s\p{Lu}\p{Ll}+|^\p{Lu}\p{Ll}+\s+\p{Ll}/u;

/** The first clause: up to the first ";" or ":", or the first comma after eight words. */
export function firstClause(stem: string): string {
	const text = stem.replace(/^true or false:\s*/i, '');
	const hard = text.search(/[;:]/);
	const cut = hard >= 0 ? text.slice(0, hard) : text;
	const words = cut.split(/\s+/);
	let n = 0;
	for (let i = 0; i < words.length; i++) {
		n++;
		if (n >= 8 && /,$/.test(words[i] ?? '')) return words.slice(0, i + 1).join(' ');
	}
	return cut;
}

/** Why a stem needs its page, or null when it reads on its own. */
export function contextNeed(stem: string): string | null {
	const text = stem.replace(/^true or false:\s*/i, '');
	if (LEADING.test(text)) return 'leading connective';
	const clause = firstClause(text);
	if (CONNECTIVE.test(clause)) return 'connective';
	if (DEMONSTRATIVE.test(clause) || THAT_DETERMINER.test(clause)) return 'demonstrative';
	if (BACK_REFERENCE.test(clause)) return 'back reference';
	const p = PRONOUN.exec(clause);
	// A pronoun may point to something the stem names before it ("The Normans kept their language").
	if (p && !NAMED.test(clause.slice(0, p.index).replace(/^(?:what|who|which|when|where|how|why)\b/i, ''))) return 'pronoun';
	return null;
}

export const selfContained = (stem: string): boolean => contextNeed(stem) === null;
