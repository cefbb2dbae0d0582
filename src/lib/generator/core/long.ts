/**
 * Long sentences (issue 9, sixth pass). A sentence of more than MAX_SENTENCE_WORDS tokens is too long to
 * quote in a card, but encyclopedia and legal texts pack several independent clauses into one: "NASA's
 * CALIPSO satellite has measured the amount of dust …: an average 182 million tons of dust are windblown out
 * of the Sahara each year, …". Each clause that reads as a sentence on its own becomes a *view*: a
 * SentenceInfo whose `s.text` is the clause (first letter capitalised, a closing period added) with its
 * tokens and mentions shifted to offsets inside it, and whose `whole` is the sentence it was cut from. The
 * extractors read a view like any sentence; cards quote `whole` as their source (cards.ts `sourceOf`), so the
 * contract's source rules hold unchanged.
 */
import { DANGLING_END, EXAMPLES_TAIL, MAX_SENTENCE_WORDS, tidy, titleColon, usable } from './clause';
import type { SentenceInfo } from './entities';
import { contextNeed } from './context';
import { APPOSED_ADVERB, FUNCTION_WORDS, PARTICIPLE_PREPOSITION } from './lexicon';
import { tokenize } from './mentions';
import { analyse, type Clause } from './nlp';

/**
 * ";" or ":" followed by a space (not "10:30"); a full stop glued to a note mark, which the segmenter does not
 * split at ("… (some 1015 tonnes).[d] Earth is unusual …"). A spaced dash ("… here — and there …").
 */
const CLAUSE_BREAK = /^(?:[;:]\s|[.!?]["”’)]*(?:\[[^\]\s]{1,20}\])+\s+(?=\p{Lu}))/u;
const DASH_BREAK = /^\s(?:[–—]|--)\s/;

/**
 * The first place in [from, to) of `text` outside brackets and quotations where `mark` (anchored with ^) matches
 * the text from there, with the match's length; null when there is none. A semicolon inside "(…; …)" or a comma
 * inside a quotation separates no clauses of the sentence.
 */
function topLevelMatch(text: string, mark: RegExp, from = 0, to = text.length): { at: number; length: number } | null {
	let depth = 0;
	let straight = false;
	for (let i = from; i < to; i++) {
		const c = text[i] ?? '';
		if (c === '(' || c === '[' || c === '“') depth++;
		else if ((c === ')' || c === ']' || c === '”') && depth > 0) depth--;
		else if (c === '"') straight = !straight;
		else if (depth === 0 && !straight) {
			const m = mark.exec(text.slice(i, i + 40));
			if (m && !titleColon(text, i)) return { at: i, length: m[0].length };
		}
	}
	return null;
}

/** Where `text` may be cut between clauses: [from, to) pieces between the top-level breaks `isBreak` finds. */
export function pieces(text: string, from: number, to: number, isBreak: RegExp): [number, number][] {
	const out: [number, number][] = [];
	let start = from;
	// A break ends at depth 0 outside a quotation, so the scan restarts after it with nothing open.
	for (let m = topLevelMatch(text, isBreak, start, to); m && m.length > 0; m = topLevelMatch(text, isBreak, start, to)) {
		out.push([start, m.at]);
		start = m.at + m.length;
	}
	out.push([start, to]);
	return out;
}

/** The piece [from, to) of a sentence as a sentence of its own, or null when it is not one. */
function view(info: SentenceInfo, from: number, to: number): SentenceInfo | null {
	const slice = info.s.text.slice(from, to);
	const raw = slice.replace(/^\s+/, '');
	const at = from + slice.length - raw.length;
	const body = raw.replace(/[\s,;:–—-]+$/, '');
	// "… the assignment of legions was as follows:" announces the clause after it and says nothing alone.
	if (!body || /\b(?:as follows|the following|these|below)$/i.test(body)) return null;
	const text = body.charAt(0).toUpperCase() + body.slice(1) + (/[.!?]["”’)]*[¹²³⁴⁵⁶⁷⁸⁹⁰]*$/.test(body) ? '' : '.');
	const end = at + body.length;
	const part: SentenceInfo = {
		s: { ...info.s, start: info.s.start + at, end: info.s.start + end, text },
		tokens: tokenize(text),
		mentions: info.mentions.filter((m) => m.start >= at && m.end <= end).map((m) => ({ ...m, start: m.start - at, end: m.end - at })),
		whole: info.s
	};
	return usable(part) && /^\p{Lu}/u.test(tidy(text)) ? part : null;
}

/**
 * The clauses of a long sentence that read as sentences: cut at ";" and ":" (a piece still too long, at spaced
 * dashes), each piece 6 to MAX_SENTENCE_WORDS tokens, complete and clean by `usable`, starting with a capital
 * once tidied, with a subject at its start and the finite verb after it in the parse (nlp.ts; "Every captain on
 * the river must carry …" is refused, its verb being out of the parse's reach). The whole sentence must pass every other test of
 * `usable` (a long staff list or citation gives nothing). Each view comes with its parse.
 */
export function longParts(info: SentenceInfo, capitalised: ReadonlySet<string>): { info: SentenceInfo; clause: Clause }[] {
	if (info.tokens.length <= MAX_SENTENCE_WORDS || !usable(info, Infinity)) return [];
	const text = info.s.text;
	const out: { info: SentenceInfo; clause: Clause }[] = [];
	for (const [from, to] of pieces(text, 0, text.length, CLAUSE_BREAK)) {
		const long = tokenize(text.slice(from, to)).length > MAX_SENTENCE_WORDS;
		for (const [a, b] of long ? pieces(text, from, to, DASH_BREAK) : [[from, to] as [number, number]]) {
			// "… old master works, including works by: Dürer, …": a piece that ends where its list was to come loses
			// its "including …" phrase, or is no view.
			const including = EXAMPLES_TAIL.exec(text.slice(a, b));
			const end = DANGLING_END.test(`${text.slice(a, b).trimEnd()}.`) ? (including ? a + including.index : -1) : b;
			const part = end < 0 ? null : view(info, a, end);
			if (!part) continue;
			const clause = analyse(tidy(part.s.text), capitalised);
			if (clause.subject && clause.verb !== null) out.push({ info: part, clause });
			else {
				// "In the United States, three Track II forums have become well known …: …": a clause with an adverbial
				// before its subject is read as a sentence is (frontedView).
				const fronted = frontedView(part, capitalised);
				if (fronted) out.push(fronted);
			}
		}
	}
	return out;
}


/**
 * "CSCAP and NEACD, both founded in 1993, are characterized by such longevity.": a participle phrase set off by
 * commas right after the subject says a fact of its own, even where the main clause needs the page. The subject
 * (a phrase opening with a capital, not a preposition or conjunction), the participle with a preposition after
 * it, and a main verb after the second comma.
 */
const APPOSITIVE = new RegExp(String.raw`^((?:The\s+)?\p{Lu}[^,;:()"“”]{1,80}?),\s+(${APPOSED_ADVERB}\s+)?(${PARTICIPLE_PREPOSITION}[^,;:()"“”]{2,120}),\s+(?=(?:\p{Ll}+ly\s+)?(?:is|was|are|were|has|had|have|will|would|can|could|may|might|must|became|become|remains?|remained|\p{Ll}{3,}(?:ed|s))\b)`, 'u');
const STATIVE = /^(?:known|called|located|situated|based|headquartered|bordered|surrounded)\b/;
const NOT_A_SUBJECT = /^(?:In|On|At|By|After|Before|During|For|From|With|Since|Although|Though|While|When|As|If|Because|Unlike|Like|Under|Over|Through|Despite|Following|Between|Among|Within|Without|Upon|Once|Until|Where|Whereas|Whether|According|Due|Apart|Besides|Thus|However|Also|Then|It|This|These|That|Those|They|He|She|We|There|Its|Their|His|Her)\b/;

/**
 * The participle phrase of APPOSITIVE as a sentence: "CSCAP and NEACD were both founded in 1993." Its `s` spans
 * the whole sentence (the view is not one stretch of it), its mentions are those of the subject and the phrase,
 * moved to where they stand in the new text; `whole` is the sentence.
 */
export function appositiveView(info: SentenceInfo, capitalised: ReadonlySet<string>): { info: SentenceInfo; clause: Clause } | null {
	const t = info.s.text;
	const m = APPOSITIVE.exec(t);
	const subject = m?.[1];
	const phrase = m?.[3];
	if (!m || !subject || !phrase || NOT_A_SUBJECT.test(subject)) return null;
	// "The design employed a conical module, supported by …": a clause before the comma, no subject.
	if (analyse(tidy(subject), capitalised).verb !== null) return null;
	const adverb = m[2] ?? '';
	// "The Joe and Rika Mansueto Library, built in 2011, …": an "and" inside one name joins no two subjects.
	const oneName = info.mentions.some((n) => /\s(?:and|&)\s/.test(n.text) && subject.endsWith(n.text) && !/\s(?:and|&)\s/.test(subject.slice(0, -n.text.length)));
	const plural = (/\s(?:and|&)\s/.test(subject) && !oneName) || /^(?:both|all)\s/.test(adverb) || /[^su']s$/.test(subject);
	// An event happened ("was founded in 1993"); a state holds as long as the main clause says ("The Rhine, known
	// as …, is …" → "is known as").
	const present = STATIVE.test(phrase) && /^(?:\p{Ll}+ly\s+)?(?:is|are|has|have|remains?|\p{Ll}{3,}s)\b/u.test(t.slice(m[0].length));
	const lead = `${subject} ${present ? (plural ? 'are' : 'is') : plural ? 'were' : 'was'} ${adverb}`;
	const phraseAt = t.indexOf(phrase, subject.length);
	const text = `${lead}${phrase}.`;
	const shift = lead.length - phraseAt;
	const mentions = info.mentions.flatMap((x) => {
		if (x.end <= subject.length) return [x];
		if (x.start >= phraseAt && x.end <= phraseAt + phrase.length) return [{ ...x, start: x.start + shift, end: x.end + shift }];
		return [];
	});
	const part: SentenceInfo = { s: { ...info.s, text }, tokens: tokenize(text), mentions, whole: info.s };
	// The view is built as subject + "was/were" + participle, so it needs no parse to be a sentence (the parser
	// does not read a coordinated subject: "Ulm and Passau were …").
	return usable(part) ? { info: part, clause: analyse(tidy(text), capitalised) } : null;
}

/** Words that open an adverbial set before the subject: "In 1066, …", "According to the report, …", "When the war ended, …". */
const FRONTED = /^(?:in|at|on|by|since|during|for|from|under|with|after|before|while|when|whenever|if|although|though|as|because|according to|despite|following|throughout|within|until|till|among|between|over|around|upon|across|through|once|unless|whereas|prior to|due to|along|near|outside|inside|beyond|toward|towards|against|without|beginning|starting|by the end of|at the end of)\s/i;
/** How the clause after a fronted adverbial may start: a determiner, a number or quantifier, a capital. */
const SUBJECT_START = /^(?:[Tt]he\b|[Aa]n?\b|\p{Lu}|\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|many|most|some|several|all|both|each|every|few|much|more)\b)/u;
/** A reason or purpose phrase that closes a clause. */
const REASON_TAIL = /\s(?=(?:because|due to|owing to|in order to|so that|so as to)\s)/;
/** A relative clause set off by a comma: ", which …", ", who …". */
const ASIDE_RELATIVE = /,\s+(?:which|who|whom|whose)\b/i;
/** "From X on": a starting point whose particle closes the phrase ("from 1842 onwards" reads well at the end). */
const FROM_ON = /^from\s.*\son$/i;
/** The most tokens an adverbial before the subject may have. */
const MAX_FRONTED_TOKENS = 16;
/** Openers of a fronted clause, which holds a verb of its own ("Although the town was poor, …"). */
const SUBORDINATOR = /^(?:while|when|whenever|if|although|though|as|because|once|unless|whereas|until|till|since|before|after)\s/i;
const FINITE_BE_HAVE = /\b(?:is|are|was|were|has|have|had)\b/i;

/** The index of the first top-level place of `t` where `mark` matches, or -1. */
const topLevel = (t: string, mark: RegExp): number => topLevelMatch(t, mark)?.at ?? -1;

/**
 * "In 1066, Duke William II of Normandy conquered England." → "Duke William II of Normandy conquered England in
 * 1066.": an adverbial before the subject (a phrase or a clause that ends at the first comma) moved to the end, so
 * the parse finds the subject where it looks for it (nlp.ts reads a subject at the start) and the questions keep
 * the adverbial ("What did Duke William II of Normandy conquer in 1066?"). Only for a sentence the parse does not
 * read as it stands; `whole` is the sentence, which cards quote. Mentions are moved to where they stand in the new text.
 */
export function frontedView(info: SentenceInfo, capitalised: ReadonlySet<string>): { info: SentenceInfo; clause: Clause } | null {
	if (!info.s.text.includes(',')) return null;
	const t = tidy(info.s.text);
	if (!FRONTED.test(t)) return null;
	const comma = topLevel(t, /^,/);
	if (comma < 0) return null;
	const front = t.slice(0, comma);
	const frontTokens = tokenize(front).length;
	// "As such, …" says nothing of its own: the adverbial must hold a content word after its opener.
	const content = front.replace(FRONTED, '').split(/\s+/).some((w) => w.length > 2 && !FUNCTION_WORDS.has(w.toLowerCase()));
	if (frontTokens < 2 || frontTokens > MAX_FRONTED_TOKENS || !content) return null;
	// "From the fifth-generation iPod on, …": at the end its "on" would read as the last phrase's ("… loss … on").
	if (FROM_ON.test(front)) return null;
	// "In Europe there are old pharmacies still operating in Dubrovnik, Croatia, …": a preposition's "phrase" that
	// holds a verb of its own is the main clause; what follows its comma is an aside, not a sentence.
	if (!SUBORDINATOR.test(front) && FINITE_BE_HAVE.test(front)) return null;
	const rest = t.slice(comma + 1).trim();
	const end = /[.!]["”’)]*[¹²³⁴⁵⁶⁷⁸⁹⁰]*$/.exec(rest);
	if (!end) return null;
	const body = rest.slice(0, end.index);
	// The clause after the comma must start a sentence: not a second adverbial, a pronoun or a verb.
	if (!SUBJECT_START.test(body) || NOT_A_SUBJECT.test(body.charAt(0).toUpperCase() + body.slice(1))) return null;
	// The adverbial goes to the end of the first clause ("…; their participation …" stays after it), set off by a
	// comma where that clause has one of its own, so it does not read as part of an aside ("…, an important aspect
	// of informal diplomacy, when there is …").
	const semi = topLevel(body, /^[;:]/);
	// … or before a second clause joined by ", but", ", and", ", while" ("…a golden age of manuscripts in the
	// final decade of the century, but it was brief").
	const joined = /,\s+(?:but|and|while|whereas|yet|so)\s/.exec(semi < 0 ? body : body.slice(0, semi));
	const clauseEnd = joined && topLevel(body.slice(0, joined.index + 1), /^,/) === joined.index ? joined.index : semi;
	// … and before a reason that closes the clause, which would otherwise take it in ("… well known in the United
	// States because of their regularity", not "… because of their regularity and longevity in the United States").
	const reason = REASON_TAIL.exec(clauseEnd < 0 ? body : body.slice(0, clauseEnd));
	const cut = reason ? reason.index : clauseEnd;
	const first = cut < 0 ? body : body.slice(0, cut);
	// After a relative clause set off by a comma ("…, which is called the asthenosphere") the moved adverbial would
	// read as part of that clause ("… the asthenosphere, in the 1960s").
	if (ASIDE_RELATIVE.test(first)) return null;
	const joint = !reason && topLevel(first, /^,/) >= 0 ? ', ' : ' ';
	// A sentence that ends inside a quotation ("… and "an electrical transmitter."") takes the adverbial after the
	// quotation closes, not inside it; the period moves out with it.
	const quoteEnd = cut < 0 ? /^[.!](["”’]+)$/.exec(end[0]) : null;
	const moved = `${first}${quoteEnd?.[1] ?? ''}${joint}${front.charAt(0).toLowerCase()}${front.slice(1)}${cut < 0 ? '' : body.slice(cut)}`;
	const text = `${moved.charAt(0).toUpperCase()}${moved.slice(1)}${quoteEnd ? end[0].charAt(0) : end[0]}`;
	// Moved to the end, an adverbial that needs the page ("Because of this, …") would pass the context check, which
	// reads the first clause: the sentence must read on its own as it stands.
	if (contextNeed(t) !== null) return null;
	const clause = analyse(text, capitalised);
	// The verb must come before the moved adverbial: "In southern Italy Norman artwork survives … by its Greek, Lombard,
	// and Arab forebears" has no comma after its adverbial, and cut at the list's comma it reads "Lombard in southern
	// Italy Norman artwork survives …", a subject that swallows the adverbial.
	if (!clause.subject || clause.verb === null || (clause.tokens[clause.verb]?.start ?? Infinity) >= first.length) return null;
	// Each mention at its first place in the new text not already taken.
	const taken: [number, number][] = [];
	const mentions = info.mentions.flatMap((m) => {
		let at = text.indexOf(m.text);
		while (at >= 0 && taken.some(([a, b]) => at < b && at + m.text.length > a)) at = text.indexOf(m.text, at + 1);
		if (at < 0) return [];
		taken.push([at, at + m.text.length]);
		return [{ ...m, start: at, end: at + m.text.length }];
	});
	const part: SentenceInfo = { s: { ...info.s, text }, tokens: tokenize(text), mentions, whole: info.whole ?? info.s };
	return usable(part) ? { info: part, clause } : null;
}
