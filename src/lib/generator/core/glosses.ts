/**
 * Glosses and naming phrases (issue 9, twelfth pass): what a text says a word means or what a thing is called.
 *  - a gloss in brackets right after a noun phrase: a description ("petrology (the study of rocks)", "granulysin
 *    (a protease)") asked "What is petrology?"; an alias ("inclusions (or clasts)", "vaccination (also called
 *    immunization)") asked "What is another name for inclusions?";
 *  - a naming phrase, "known as / called / referred to as X" ("the US policy known as “strategic patience”, which
 *    diminished chances for talks"): X asked by the relative clause that follows the name ("Which US policy
 *    diminished chances for talks?"), or else as a cloze of its clause.
 * Never a gloss that is a date, a number, a citation, an abbreviation (acronyms are terms.ts's) or a list.
 */
import type { SentenceInfo } from './entities';
import type { Fact } from './fact';
import { blankOut, clauseAround, hasWholeWord, occurrences, pieceCount, resolveStart, tidy } from './clause';
import { selfContained } from './context';
import { FUNCTION_WORDS, PERSON_NOUNS, PERSON_TITLES, ROLE_NOUNS, VAGUE_HEAD } from './lexicon';
import { pluralNoun, type Chunk, type Clause, type Tagged } from './nlp';
import { wholePhrase } from './phrases';
import { digest } from './rng';

/** A description gloss: a determined noun phrase of 2-12 words, no digits, no list, no citation. */
const DESCRIPTION = /^(?:the|a|an)\s+[^\d,;:()“”"]{3,100}$/i;
/** An alias gloss: "or X", "also called X", "also known as X", "i.e. X". */
const ALIAS = /^(?:or|also\s+called|also\s+known\s+as)\s+([^\d,;:()]{2,60})$/i;
const GLOSS_WORDS = 12;
const ALIAS_WORDS = 4;
/** Determiners that point outside the card: "their prince (…)", "this layer (…)". */
const POINTING = /^(?:his|her|its|their|our|my|your|this|these|that|those|such)\b/i;

/** The tokens of the clause that lie inside [start, end). */
const inside = (c: Clause, start: number, end: number): Tagged[] => c.tokens.filter((t) => t.start >= start && t.end <= end);

/**
 * A noun phrase followed by a gloss in brackets: the description or alias as a definition fact. `t` is the tidy
 * sentence the clause `c` was analysed from.
 */
/** A lower-case title before a capitalised name: "prince Godan", "king Harald". */
const TITLED_NAME = new RegExp(`\\b(?:${[...PERSON_TITLES].join('|')})\\s+\\p{Lu}`, 'u');

export function glossFacts(info: SentenceInfo, c: Clause | undefined): Fact[] {
	const t = tidy(info.s.text);
	if (!c || !t.includes('(')) return [];
	const out: Fact[] = [];
	for (const m of t.matchAll(/\s\(([^()]{2,120})\)/g)) {
		const open = m.index ?? 0;
		const chunk = c.chunks.find((k) => k.end === open);
		const gloss = (m[1] ?? '').trim();
		if (!chunk) continue;
		// "The Holocene (…)" opening the sentence is asked "What is the Holocene?".
		const term = chunk.start === 0 ? chunk.text.replace(/^(The|A|An)\s/, (d) => d.toLowerCase()) : chunk.text;
		const head = c.tokens[chunk.head];
		// The term is a word of three letters or more, no number, nothing that points back, no acronym (terms.ts).
		if (!head || term.length < 3 || /\d/.test(term) || POINTING.test(term) || /^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(term)) continue;
		// The bracket closes the noun phrase: "Adaptive (or acquired) immunity" glosses an adjective.
		const after = c.tokens.find((k) => k.start >= open + m[0].length);
		// … and so does one the phrase goes on after: "in the wake (or midst) of the war".
		if (after && (after.pos === 'NOUN' || after.pos === 'PROPN' || after.lower === 'of')) continue;
		const words = inside(c, open + 2, open + m[0].length - 1).filter((k) => k.pos !== 'PUNCT');
		const last = words[words.length - 1];
		if (!last || (last.pos !== 'NOUN' && last.pos !== 'PROPN')) continue;
		const alias = ALIAS.exec(gloss)?.[1]?.trim();
		const be = pluralNoun(head) ? 'are' : 'is';
		if (alias) {
			if (pieceCount(alias) > ALIAS_WORDS || /^(?:any|other|some|another|more|less)\b/i.test(alias) || FUNCTION_WORDS.has(alias.toLowerCase())) continue;
			out.push({ key: `alias|${term}|${alias}`, answer: alias, answerKind: 'term', info, question: `What is another name for ${term}?`, weight: 0.85, tags: ['term', 'gloss'] });
		} else if (!/\p{Lu}/u.test(term.slice(1)) && DESCRIPTION.test(gloss) && pieceCount(gloss) <= GLOSS_WORDS && !/\b(?:see|etc|e\.g|cf)\b/i.test(gloss)) {
			// (Not a name: "Northern Telecom (a telecommunications equipment supplier)" is an appositive; people ask
			// what the name did, not what it is — measured, both such cards pushed a recalled answer out of the top.)
			// A description is a phrase, not a term: never offered among the terms of a multiple-choice card ("the study
			// of rocks" among "asthenosphere", "clasts").
			out.push({ key: `gloss|${term}`, answer: gloss, answerKind: 'concept', info, question: `What ${be} ${term}?`, weight: 0.85, tags: ['term', 'gloss'] });
		}
	}
	return out;
}

/** "known as", "called", "referred to as", "so-called", "termed" and the name after it (with "it"/"them" between: "He called it X"). */
const NAMING = /\b(?:(?:known|referred\s+to)\s+as|called(?:\s+(?:it|them))?|so-called|termed)\s+(?!(?:for|on|upon|off|in|into|out|to|by|at|with|from|up|back|a\s+few)\b)/gi;
/** A name in quotes after the cue: “strategic patience”, "the Romantic Rhine", 'phagocytes'. */
const QUOTED_NAME = /^[“"‘']([^“”"‘’']{2,50})[”"’']/u;
const NAME_WORDS = 5;

/**
 * A thing named by "known as / called / referred to as X": X is the answer. Where a relative clause follows the
 * name (", which diminished chances …", "that, when expressed …, transforms …") the question names the thing by
 * it ("Which US policy diminished chances …?"); else a cloze of the clause, read by the same checks as any stem.
 */
export function namingFacts(info: SentenceInfo, previous: SentenceInfo[], c: Clause | undefined): Fact[] {
	const t = tidy(info.s.text);
	if (!c || !/\b(?:known|referred|called|termed)\b/.test(t)) return [];
	const out: Fact[] = [];
	for (const m of t.matchAll(NAMING)) {
		const at = (m.index ?? 0) + m[0].length;
		// "(also called X)" is an alias gloss (glossFacts).
		if (/\(\s*also\s+$/i.test(t.slice(0, m.index))) continue;
		const quoted = QUOTED_NAME.exec(t.slice(at));
		let answer: string | undefined;
		let end: number;
		if (quoted) {
			answer = quoted[1]?.trim().replace(/[.,;:!?]+$/, '');
			end = at + quoted[0].length;
		} else {
			// The noun phrase right after the cue, whole, without its article.
			const k = c.chunks.find((k) => k.start === at);
			const phrase = k ? wholePhrase(t, c, k) : null;
			if (!phrase || phrase.chunk.start !== at) continue;
			end = phrase.chunk.end;
			// "called anticlines and synclines, respectively": a second name joined by "and"/"or" ends the clause too.
			const joined = /^\s+(?:and|or)\s+/.exec(t.slice(end));
			const second = joined ? c.chunks.find((n) => n.start === end + joined[0].length) : undefined;
			if (second && /^\s*(?:[,.;:]|$)/.test(t.slice(second.end))) end = second.end;
			// The name ends its phrase: not "called a major histocompatibility | complex", "Pathogen|-associated".
			const next = c.tokens.find((n) => n.start >= end);
			if (/^[-\p{L}\p{N}]/u.test(t.slice(end)) || (next && next.start === end + 1 && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ' || next.lower === 'of' || /ing$/.test(next.lower)))) continue;
			answer = t.slice(phrase.chunk.start, end).replace(/^(?:the|a|an)\s+/i, '');
		}
		if (!answer || pieceCount(answer) > NAME_WORDS || /^\d/.test(answer) || FUNCTION_WORDS.has(answer.toLowerCase()) || occurrences(t, answer) !== 1) continue;
		// A name one of whose capitalised words the sentence already says gives itself away ("Kuznets saw … what is
		// now known as the Kuznets curve"); a repeated head noun is cards.ts's check.
		const rest = t.replace(answer, ' ');
		if ((answer.match(/\p{Lu}\p{Ll}{2,}/gu) ?? []).some((w) => hasWholeWord(rest, w))) continue;
		// "the so-called “Winchester school”, which …": the name itself is the phrase before the relative clause.
		const question = /^so-called/i.test(m[0]) ? null : byRelative(t, c, m.index ?? 0, end);
		const resolved = resolveStart(t, info, previous);
		const clause = resolved ? clauseAround(resolved, answer) : null;
		const cloze = clause && selfContained(clause) ? blankOut(clause, answer) : null;
		if (!question && !cloze) continue;
		// Asked like a concept, as a cloze with no options: the text's other named things are seldom of one family
		// ("phagocytes" among "tyrosinase", "chemotaxis", "immunization").
		out.push({ key: `named|${answer}|${digest(clause ?? t)}`, answer, answerKind: 'concept', info, ...(question ? { question } : {}), ...(cloze ? { cloze } : {}), weight: 0.85, tags: ['term', 'named'] });
	}
	return out;
}

/**
 * "<the US policy> known as “X”, which diminished chances for talks." → "Which US policy diminished chances for
 * talks?": the named phrase before the cue, without its article, and the relative clause after the name up to the
 * clause's end. Null when no such relative clause follows or the phrase is not a plain noun phrase.
 */
function byRelative(t: string, c: Clause, cue: number, end: number): string | null {
	const rel = /^,?\s+(?:which|that)\s+(,[^,]{3,80},\s+)?([^,;:()]{10,160})[.]?$/u.exec(t.slice(end).replace(/[.]\s*$/, ''));
	if (!rel) return null;
	const named = c.chunks.find((k) => /^,?\s*$/.test(t.slice(k.end, cue)));
	if (!named || POINTING.test(named.text)) return null;
	const phrase = named.text.replace(/^(?:the|a|an|another)\s+/i, '');
	const verb = c.tokens.find((k) => k.start >= end + rel[0].indexOf(rel[2] ?? '') && k.pos !== 'ADV');
	// The relative clause starts with its verb ("which diminished …", "that, when expressed …, transforms …").
	// "eight comb rows, called swimming-plates": a phrase with its count names a set, not one thing to pick ("Which eight …?").
	if (!verb || (verb.pos !== 'VERB' && verb.pos !== 'AUX') || /\d/.test(phrase) || c.tokens.some((k) => k.start >= named.start && k.end <= named.end && k.pos === 'NUM') || pieceCount(phrase) > 5) return null;
	const aside = rel[1] ? rel[1].replace(/\s+$/, ' ') : ' ';
	const q = `Which ${phrase}${aside}${rel[2]?.trim()}?`;
	return selfContained(q) ? q : null;
}

/** An appositive that defines: an indefinite noun phrase ("a method which …", "an enzyme that …"). */
const DEFINING = /^(?:a|an)\s+\p{Ll}/u;
/** An appositive that singles its noun out: "the oldest known rock in the world", "the first …", "the only …". */
const SINGLING = /^the\s+(?:\p{Ll}+est|first|only|last|main|principal|largest|smallest|highest|longest)\s+\p{Ll}/u;
const APPOSITIVE_WORDS = 16;
/** Nouns an appositive uses to sum up the clause before it, not to say what the noun phrase is. */
const SUMMING = /^(?:claim|claims|view|views|move|moves|decision|step|argument|idea|change|finding|trend|development|practice|policy|measure|process|situation|event|outcome|position|belief|assumption|view)$/;

/**
 * A noun phrase set off by commas right after another says what it is: "circuit switching, a method which
 * pre-allocates dedicated network bandwidth …" → "What is circuit switching?"; "the Acasta gneiss of the Slave
 * craton, the oldest known rock in the world" → "What is the oldest known rock in the world?" — Acasta gneiss. Not a
 * person (people.ts asks roles), not a list ("a pear, an apple, and …"), no number, nothing that points outside the card.
 */
export function appositiveDefinitions(info: SentenceInfo, c: Clause | undefined): Fact[] {
	const t = tidy(info.s.text);
	// The sentence must read on its own: "These included …, missile program, a peace agreement …" is a list the page introduced.
	if (!c || !/, (?:a|an|the)\s/.test(t) || !selfContained(t)) return [];
	const out: Fact[] = [];
	for (const m of t.matchAll(/, ((?:a|an|the)\s[^,;:()]{3,160}?)(?=,|\.$|$)/g)) {
		const open = m.index ?? 0;
		// The term is the noun phrase the comma closes, or the words between two commas that the tagger splits
		// ("…, circuit switching, a method …": "switching" read as a verb).
		const between = /(?:^|,\s)((?:the\s)?[\p{L}-]+(?:\s[\p{L}-]+){0,3})$/u.exec(t.slice(0, open));
		const from = between ? open - (between[1] ?? '').length : -1;
		const chunk = c.chunks.find((k) => k.end === open) ?? (between && !FUNCTION_WORDS.has((between[1] ?? '').split(' ')[0]?.toLowerCase() ?? '') || between?.[1]?.startsWith('the ') ? { ...spanChunk(c, from, open), text: between?.[1] ?? '' } : undefined);
		const apposed = (m[1] ?? '').trim().replace(/[.]$/, '');
		// A member of a coordination ("nuclear program and missile program, …") is no term of its own.
		if (!chunk || /\b(?:and|or)\s+$/.test(t.slice(0, chunk.start))) continue;
		const defining = DEFINING.test(apposed);
		if (!defining && !SINGLING.test(apposed)) continue;
		// The appositive closes the sentence or its noun phrase: the main clause goes on with its verb ("Dikes, …,
		// enter along cracks"), or a second aside follows ("…, each having …"). Not a list ("…, and …", "…, a …",
		// "cortisol, epinephrine, and …") nor a clause after an adverbial ("At Saint Evroul, a tradition … had …").
		const after = t.slice(open + m[0].length);
		const next = c.tokens.find((k) => k.start >= open + m[0].length + 1);
		if (after.trim() && !(next && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV' || /^(?:each|both|which|where|whose)$/.test(next.lower)))) continue;
		const inner = inside(c, open + 2, open + 2 + apposed.length);
		const relative = inner.findIndex((k) => /^(?:which|that|who|whom|whose|where)$/.test(k.lower));
		const finite = (k: Tagged, i: number) => k.pos === 'AUX' || (k.pos === 'VERB' && !/(?:ed|en|ing)$/.test(k.lower) && inner[i - 1]?.lower !== 'to');
		if (inner.slice(0, relative < 0 ? inner.length : relative).some(finite)) continue;
		// A noun that sums up the clause before ("…, a claim which BSkyB denied", "…, a view shared by …") or names a
		// person's job ("Sinback, a high-level marketing manager": people.ts's) defines nothing.
		const first = c.chunks.find((k) => k.start === open + 2);
		const noun = first ? c.tokens[first.head] : inner.find((k) => k.pos === 'NOUN');
		if (!noun || SUMMING.test(noun.lower) || VAGUE_HEAD.test(noun.lower) || ROLE_NOUNS.has(noun.lower) || PERSON_NOUNS.has(noun.lower) || /(?:ist|ian|er|or)$/.test(noun.lower)) continue;
		const term = chunk.text.replace(/^(?:the|a|an)\s+/i, '');
		const head = c.tokens[chunk.head];
		const person = info.mentions.some((x) => x.kind === 'person' && term.includes(x.text));
		if (!head || person || /\d/.test(term + apposed) || POINTING.test(chunk.text) || pieceCount(term) > 5 || pieceCount(apposed) > APPOSITIVE_WORDS) continue;
		const last = inner.filter((k) => k.pos !== 'PUNCT').pop();
		if (!last || FUNCTION_WORDS.has(last.lower)) continue;
		const be = pluralNoun(head) ? 'are' : 'is';
		// "the Federal Energy Office" keeps its article; "a method" would not.
		const named = /^the\s/i.test(chunk.text) ? `the ${term}` : term;
		// "The Mongol prince Godan, a grandson of …": a title before a name makes the term a person.
		const wh = defining && TITLED_NAME.test(term) ? 'Who' : 'What';
		const question = defining ? `${wh} ${be} ${named}?` : `What ${be} ${apposed}?`;
		if (!selfContained(question)) continue;
		out.push(defining
			? { key: `gloss|${term}`, answer: apposed, answerKind: 'concept', info, question, weight: 0.85, tags: ['term', 'appositive'] }
			: { key: `singled|${term}|${apposed}`, answer: term, answerKind: /^\p{Lu}/u.test(term) ? 'name' : 'concept', info, question, weight: 0.85, tags: ['term', 'appositive'] });
	}
	return out;
}

/** A chunk over [start, end) of the clause's text, headed by its last token. */
function spanChunk(c: Clause, start: number, end: number): Chunk {
	const from = c.tokens.findIndex((k) => k.start >= start);
	let to = from;
	while (c.tokens[to + 1] && (c.tokens[to + 1]?.end ?? Infinity) <= end) to++;
	return { from, to: to + 1, head: to, start, end, text: '' };
}
