/**
 * Facts from typed mentions (people, organisations, places, dates, counts) in a clean clause: the cloze of
 * the clause, and a wh-question where a template needs no syntactic surgery:
 *  - the answer is the clause's subject: "Rollo agreed to …" → "Who agreed to …?"
 *  - a passive event with its date: "CSCAP was founded in 1993" → "In which year was CSCAP founded?"
 * Dated clauses also become events for ordering cards.
 */
import { entityKey, type DocModel, type SentenceInfo } from './entities';
import type { AnswerKind, Fact } from './fact';
import { blankOut, clauseAround, occurrences, pieceCount, resolveStart, tidy } from './clause';
import type { Mention } from './mentions';
import { digest } from './rng';

const WH: Partial<Record<AnswerKind, string>> = { person: 'Who', org: 'Which organisation', place: 'Which place' };
/**
 * A place is asked "Which place …?" only when the clause says what it is or what happens there (a copula or a
 * passive). A place that acts ("The DPRK said …", "Japan tested …") is really a country or its government,
 * and "Which place said …?" reads wrong, so those clauses stay cloze.
 */
const PLACE_PREDICATE = /^(?:is|was|are|were|has been|had been|became|remains|remained|lies|lay)\b/;
/** The head word of a place that is a state, not a stretch of land. */
const POLITY = /\b(Empire|Kingdom|Dynasty|Republic|Caliphate|Sultanate|Khanate|Duchy|Principality|Confederation|Federation)$/;
/** A wh-question longer than this copies a whole sentence; it is cut to its first clause or left as cloze. */
const MAX_QUESTION_WORDS = 24;
const BASE: Partial<Record<AnswerKind, number>> = { person: 0.74, date: 0.74, year: 0.7, number: 0.7, org: 0.66, place: 0.58, name: 0.56 };
const VERBISH = /^(?:\p{Ll}+ly\s+)?(?:is|was|are|were|has|had|have|will|would|can|could|did|does|do|may|might|must|\p{Ll}+ed|\p{Ll}{3,}s|led|won|took|made|gave|built|founded|became|began|wrote|held|brought|fought|ruled|went|saw|met|set|got|lost|left|sent|came|ran|told|said|found|kept|spent|grew|drew|chose|rose|fell|became)\b/u;
/**
 * "Sky Q set top boxes introduce …": a word that is a verb or a noun ("set", "cut", "run", "lead", "rose"),
 * followed by a bare content word, starts a compound the name modifies; "Who set top boxes …?" reads wrong.
 */
const NOUN_COMPOUND = /^(?:set|cut|put|run|lead|led|rose|fell|left|found|saw|spent|won|held)\s+(?!(?:a|an|the|up|out|off|in|on|to|for|by|with|down|his|her|its|their|about|over)\b)\p{Ll}+\s+\p{Ll}+s\b/u;
/** "OPEC ministers had …": the name modifies a plural noun, which is the subject; "Who/Which … ministers" reads wrong. */
const NAME_MODIFIES = /^\p{Ll}{3,}s\s+(?:\p{Ll}+ly\s+)?(?:is|was|are|were|has|had|have|will|would|can|could|did|does|do|may|might|must|\p{Ll}+ed)\b/u;
const FOUNDED = /\b(was|were)\s+((?:\p{Ll}+ly\s+)?(?:founded|established|created|formed|built|born|signed|launched|opened|completed|introduced|elected|appointed|published|released|discovered|invented|adopted|held|killed|crowned|conquered|abolished|dissolved|named|renamed)),?\s+(in|on)\s+$/u;

export function yearOf(m: Mention): number | null {
	const y = /\b(1\d{3}|20\d{2})\b/.exec(m.text)?.[1];
	if (y) return Number(y);
	const c = /(\d{1,2})(?:st|nd|rd|th)\s+centur/i.exec(m.text)?.[1];
	return c ? (Number(c) - 1) * 100 + 50 : null;
}

function answerKind(m: Mention): AnswerKind {
	return m.kind;
}

/** Mentions worth asking about: not a role phrase ("Secretary of State"), not a date without a number. */
function askable(model: DocModel, m: Mention): boolean {
	// A name of no known kind is asked even when the text names it once ("Bill Clinton ended the act"): people
	// ask about those as often as about the rest; the ranker weighs how often the text repeats it.
	if (m.kind === 'name') return !/\s(of|for)\s/.test(m.text);
	if (m.kind === 'number') return true;
	if ((m.kind === 'date' || m.kind === 'year') && !/\d/.test(m.text) && !/centur/i.test(m.text)) return false;
	return m.text.length >= 2;
}

export function blankFacts(model: DocModel, info: SentenceInfo, previous: SentenceInfo[]): Fact[] {
	const resolved = resolveStart(tidy(info.s.text), info, previous);
	if (!resolved) return [];
	const out: Fact[] = [];
	const salience = (m: Mention) => {
		const count = model.entities.get(entityKey(m.text))?.count;
		// Dates and numbers are no entities: a flat bonus. A name the text repeats is central; one it names once is
		// often an aside (measured on the bench: names seen once are asked a third as often as names seen 4+ times).
		if (count === undefined) return 0.03;
		return Math.min(0.15, 0.05 * Math.log2(count)) - (count <= 1 ? 0.04 : 0);
	};
	for (const m of info.mentions) {
		if (!askable(model, m)) continue;
		const answer = m.text.replace(/^the\s+/i, '');
		const clause = clauseAround(resolved, answer);
		if (occurrences(info.s.text, answer) !== 1) continue;
		const cloze = blankOut(clause, answer);
		if (!cloze) continue;
		const kind = answerKind(m);
		const long = pieceCount(clause) > 30;
		const half = halfRange(info.s.text, answer);
		const fact: Fact = {
			key: `blank|${answer}|${digest(clause)}`,
			answer,
			answerKind: kind,
			info,
			cloze,
			statement: long ? undefined : clause,
			weight: (BASE[kind] ?? 0.5) + salience(m) - (long ? 0.06 : 0) - (half ? 0.1 : 0),
			quality: (half ? 0.7 : 1) * (long ? 0.9 : 1),
			subject: clause.replace(/^the\s+/i, '').startsWith(answer),
			tags: [kind]
		};
		const question = subjectQuestion(clause, answer, kind) ?? dateQuestion(clause, m, answer);
		if (question) {
			fact.question = question;
			fact.weight += 0.04;
		}
		const when = m.kind === 'date' || m.kind === 'year' ? yearOf(m) : null;
		const label = when !== null ? eventLabel(clause, answer) : null;
		if (when !== null && label) fact.event = { label, when: when + monthFraction(m.text) };
		out.push(fact);
	}
	return out;
}

/**
 * Each place `answer` stands in `text`, with the text before and after it. The range and event tests below read
 * the words around each place with fixed patterns: a pattern built per answer ran interpreted on every sentence
 * that names it (names and dates seldom recur often enough for the engine to compile it), the largest single cost
 * of a 1 MB reading.
 */
function* placesOf(text: string, answer: string, ignoreCase = false): Generator<{ before: string; after: string }> {
	if (!answer) return;
	const hay = ignoreCase ? text.toLowerCase() : text;
	const needle = ignoreCase ? answer.toLowerCase() : answer;
	// Lower case changes the length of a few letters ("İ"): the places would not line up with the text.
	if (hay.length !== text.length || needle.length !== answer.length) return;
	for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
		yield { before: text.slice(0, at), after: text.slice(at + answer.length) };
	}
}

/** The first of `places` that `read` makes something of. */
function firstPlace<P, T>(places: P[], read: (place: P) => T | null | undefined | false | ''): T | null {
	for (const place of places) {
		const found = read(place);
		if (found) return found;
	}
	return null;
}

const WORD = /\w/;
/** A word boundary where `answer` ends and `after` begins, as `\b` reads it. */
const endsWord = (answer: string, after: string): boolean => WORD.test(answer.at(-1) ?? '') !== WORD.test(after[0] ?? '');

/** "from July 28 to …", "1229–1241": the answer opens a range. */
const RANGE_AFTER = /^\s*(?:to|and|-|–)\s*(?:\d|\p{Lu}\p{Ll}+\.?\s+\d)/u;
/** "…, in 1973": a preposition of time before the answer, with the comma and spaces before it. */
const TIME_PREPOSITION_BEFORE = /(,?)\s*\b(?:[Ii]n|[Oo]n|[Dd]uring|[Ss]ince|by|from)\s+$/;
/** "the 1973 oil crisis": an article before the answer … */
const ARTICLE_BEFORE = /\b([Tt]he|[Aa]n?)\s+$/u;
/** … and a word after it. */
const WORD_AFTER = /^\s+(?=\p{L})/u;

/** halfRange's tests, around one place of the answer. */
const OPENS_FROM = /\b(?:from|between)\s+$/i;
const THEN_END = /^\s+(?:to|and|until)\s+\S/i;
const CLOSES_FROM = /\b(?:from|between)\s+\S+(?:\s+\S+)?\s+(?:to|and|until)\s+$/i;
const DASH_BEFORE = /\d\s*[-–]\s*$/;
const DASH_AFTER = /^\s*[-–]\s*\d/;

/** "From 1073 to 1074", "between 1402 and 1405": either end alone is half a fact, seldom what is asked. */
export function halfRange(sentence: string, answer: string): boolean {
	// Only the words around the answer can make a range: test those, and build no pattern for most mentions.
	const at = sentence.indexOf(answer);
	if (at < 0) return false;
	const around = sentence.slice(Math.max(0, at - 40), at + answer.length + 40);
	// Every range below needs "from", "between" or a dash.
	if (!/\b(?:from|between)\b|[-–]/i.test(around)) return false;
	for (const { before, after } of placesOf(sentence, answer, true)) {
		if (OPENS_FROM.test(before) && THEN_END.test(after)) return true;
		if (DASH_AFTER.test(after)) return true;
		if (endsWord(answer, after) && (CLOSES_FROM.test(before) || DASH_BEFORE.test(before))) return true;
	}
	return false;
}

/** "Rollo agreed to swear fealty …" → "Who agreed to swear fealty …?" */
function subjectQuestion(clause: string, answer: string, kind: AnswerKind): string | null {
	// "Which place was an imperial state …? — Ottoman Empire": a polity is asked by its own kind.
	const polity = kind === 'place' ? POLITY.exec(answer)?.[1] : undefined;
	const wh = polity ? `Which ${polity.toLowerCase()}` : WH[kind];
	if (!wh) return null;
	const m = /^(?:the\s+)?/i.exec(clause);
	const rest = clause.slice((m?.[0].length ?? 0));
	if (!rest.startsWith(answer)) return null;
	const tail = rest.slice(answer.length).replace(/^\s*,[^,]{1,80},\s*/, ' ').trimStart();
	if (!VERBISH.test(tail) || NOUN_COMPOUND.test(tail) || NAME_MODIFIES.test(tail)) return null;
	if (kind === 'place' && !PLACE_PREDICATE.test(tail)) return null;
	// An acronym alone may name a protocol or a network as well as a body ("X.25", "AUSTPAC"): "Which
	// organisation" only for a name whose own words say it is one.
	if (kind === 'org' && !/\s/.test(answer)) return null;
	// "… was established in 1920; early courses … were …": the subject's predicate ends with its clause.
	const question = shortQuestion(tail.replace(/\s*;.*$/, '').replace(/[.!]["”’]?$/, ''));
	return question ? `${wh} ${question}?` : null;
}

/**
 * The predicate of a question cut to the clause that holds the fact: a long one is cut at the first comma,
 * colon or semicolon after its eighth word, where a new clause or a list begins; if it is still long, null.
 */
export function shortQuestion(predicate: string): string | null {
	const words = predicate.split(/\s+/);
	if (words.length + 1 <= MAX_QUESTION_WORDS) return predicate;
	let count = 0;
	for (let i = 0; i < words.length; i++) {
		count++;
		if (count >= 8 && /[,;:]$/.test(words[i] ?? '')) {
			const cut = words.slice(0, i + 1).join(' ').replace(/[,;:]$/, '');
			if (!balancedQuotes(cut)) return null;
			return count + 1 <= MAX_QUESTION_WORDS ? cut : null;
		}
	}
	return null;
}

export function balancedQuotes(t: string): boolean {
	const n = (re: RegExp) => (t.match(re) ?? []).length;
	return n(/\(/g) === n(/\)/g) && n(/“/g) === n(/”/g) && n(/"/g) % 2 === 0;
}

/** "CSCAP was founded in 1993 to …" → "In which year was CSCAP founded?" */
const SUBORDINATOR = /^(?:when|whenever|after|before|although|though|while|whilst|if|as|since|because|once|until|unless|where|whereas)\b/i;

function dateQuestion(clause: string, m: Mention, answer: string): string | null {
	if (m.kind !== 'year' && m.kind !== 'date') return null;
	const at = clause.indexOf(answer);
	const head = clause.slice(0, at);
	const f = FOUNDED.exec(head);
	if (!f) return null;
	const subject = head.slice(0, f.index).trim().replace(/,$/, '');
	if (pieceCount(subject) > 8 || !/^\p{Lu}/u.test(subject)) return null;
	// "When Sky Digital was launched in 1998, …": a subordinate clause is no subject ("In which year was When …?").
	if (SUBORDINATOR.test(subject)) return null;
	const wh = m.kind === 'year' ? 'In which year' : 'When';
	return `${wh} ${f[1]} ${subject.charAt(0) === subject.charAt(0).toUpperCase() && /^The\s/.test(subject) ? `the${subject.slice(3)}` : subject} ${f[2]}?`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
function monthFraction(text: string): number {
	const i = MONTHS.findIndex((mo) => new RegExp(`\\b${mo}`, 'i').test(text));
	const day = /\b(\d{1,2})\b(?!\d)/.exec(text.replace(/\b\d{4}\b/, ''))?.[1];
	return i < 0 ? 0 : (i + (day ? Number(day) / 31 : 0)) / 12;
}

/**
 * A short event description: the clause without its date, 4-18 words, cut at a comma when longer. The date
 * either follows a preposition ("In 1066, …", "… on March 7") and goes with it, or qualifies a noun ("the
 * November 7 meeting" → "the meeting"). A date in a comma aside (", both founded in 1993, are …") is left
 * alone: the clause would lose its sense without it.
 */
export function eventLabel(clause: string, answer: string): string | null {
	const places = [...placesOf(clause, answer)];
	// "from July 28 to July 29": half a range is no event of its own.
	if (places.some((p) => RANGE_AFTER.test(p.after))) return null;
	let without: string | null = null;
	let at = 0;
	const timed = firstPlace(places, (p) => {
		const m = TIME_PREPOSITION_BEFORE.exec(p.before);
		return m && { index: m.index, commaBefore: m[1] ?? '', commaAfter: p.after.startsWith(',') ? ',' : '', after: p.after };
	});
	if (timed) {
		const before = clause.slice(0, timed.index);
		const lastComma = before.lastIndexOf(',');
		if (timed.commaAfter && !timed.commaBefore && lastComma >= 0 && pieceCount(before.slice(lastComma)) <= 5) return null;
		without = `${before}${timed.commaBefore && timed.commaAfter ? ',' : ''} ${timed.after.slice(timed.commaAfter.length)}`;
		at = before.length;
	} else {
		const article = firstPlace(places, (p) => {
			const a = ARTICLE_BEFORE.exec(p.before);
			const space = WORD_AFTER.exec(p.after);
			return a && space && { index: a.index, article: a[1] ?? '', after: p.after.slice(space[0].length) };
		});
		if (article) {
			without = `${clause.slice(0, article.index)}${/^[A-Z]/.test(article.article) ? 'The' : 'the'} ${article.after}`;
			at = article.index;
		}
	}
	if (!without) return null;
	let label = without
		.replace(/\s+/g, ' ')
		.replace(/\s+([.,;:])/g, '$1')
		.replace(/^,\s*/, '')
		.trim()
		.replace(/[.!?]["”’]?$/, '');
	// A quotation is cut off: "CSCAP was founded to provide a structured regional process “to contribute …”".
	const quote = label.search(/\s[“"]/);
	if (quote > at && label.slice(0, quote).split(' ').length >= 5) label = label.slice(0, quote).replace(/(?:[,;:]?\s+(?:to|and|or|of|for|with|a|an|the|that))+$/, '').replace(/[,;:]$/, '');
	let words = label.split(' ');
	if (words.length > 18) {
		const cut = words.findIndex((w, i) => i >= 5 && /[,;:]$/.test(w));
		// The cut must keep the part the date belonged to.
		if (cut < 0 || cut >= 18 || words.slice(0, cut + 1).join(' ').length <= at) return null;
		label = words.slice(0, cut + 1).join(' ').replace(/[,;:]$/, '');
		words = label.split(' ');
	}
	if (words.length < 4 || !/^\p{Lu}/u.test(label) || (label.match(/"/g) ?? []).length % 2 || /[“”]/.test(label)) return null;
	return label;
}
