/**
 * Why, how and what-for facts (issue 9): a reading explains as much as it names, and people ask about the
 * explanation ("Why did …?", "How did …?"). From the parse in nlp.ts:
 *  - a cause: "The dukes used the church because it unified the duchy" → "Why did the dukes use the church?"
 *    (because, because of, due to, owing to, as a result of)
 *  - a purpose: "Baran developed the concept to provide a fault-tolerant routing method" → "Why did Baran
 *    develop the concept?" (in order to, so as to, so that, and a bare "to"-infinitive after a noun or a
 *    passive verb — not after "wanted", whose infinitive is its object)
 *  - a means: "The network grew by connecting universities" → "How did the network grow?" (by + a gerund, also
 *    one the model tags as a noun: "Scarcity was addressed by rationing"; or "by" + a noun phrase after a passive
 *    that says how: "Free movement is achieved by a customs union" → "How is free movement achieved?")
 * The question inverts the main clause up to the marker (concepts.ts `inverted`); where the sentence does not
 * start with its subject, or the parse gives no verb, the fact is a cloze of the explanation.
 */
import type { SentenceInfo } from './entities';
import type { Fact } from './fact';
import { blankOut, clauseAround, occurrences, pieceCount, resolveStart, tidy } from './clause';
import { balancedQuotes } from './blanks';
import { AIM_HEAD } from './lexicon';
import { contextNeed, HE_SHE, selfContained } from './context';
import { inverted } from './concepts';
import { analyse, type Clause, type Tagged } from './nlp';
import { digest } from './rng';

type Reason = 'cause' | 'purpose' | 'means';

/** Multi-word markers, matched on lower-case tokens from the marker on. */
const MARKERS: { words: string[]; reason: Reason }[] = [
	{ words: ['because', 'of'], reason: 'cause' },
	{ words: ['because'], reason: 'cause' },
	{ words: ['due', 'to'], reason: 'cause' },
	{ words: ['owing', 'to'], reason: 'cause' },
	{ words: ['as', 'a', 'result', 'of'], reason: 'cause' },
	{ words: ['in', 'order', 'to'], reason: 'purpose' },
	{ words: ['so', 'as', 'to'], reason: 'purpose' },
	{ words: ['so', 'that'], reason: 'purpose' }
];
/**
 * Means that a noun phrase follows: "connected via gateways", "measured the depth using a sonar device", "sent by
 * means of short bursts", "held through informal trusts". Read only after the main verb (`meansAt`).
 */
const MEANS_MARKERS = [['by', 'means', 'of'], ['via'], ['using'], ['through']];
/** A means marker opening an answer ("via the Moselle"): MEANS_MARKERS as one pattern. */
export const MEANS_LEAD = new RegExp(`^(?:${MEANS_MARKERS.map((m) => m.join('\\s+')).join('|')})\\s+`);
/** Where a noun phrase after a means marker may start. */
const PHRASE_START = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Verbs of motion or extent, after which "through" is a route ("flows through the old town"), never a means. */
const MOTION_VERB = /^(?:flow|pass|run|travel|move|go|come|cross|extend|stretch|wind|enter|reach|lead|drive|walk|fly|sail|march|cut|ride|rise|fall|drop|continue|last|live|remain|stay|survive|grow|spread|migrate|circulate|penetrate|filter|drain|percolate|burrow|tunnel|wander|roam|journey|proceed|advance|retreat|escape|slip|climb|descend|emerge|pour|rush|race|sweep)$/;
/** Heads of a "through" phrase that say where or when ("through the 1990s", "through the valley"). */
const WHERE_OR_WHEN = /^(?:year|decade|century|period|age|era|day|night|week|month|season|winter|summer|war|time|life|history|centre|center|city|town|village|country|region|area|valley|territory|land|forest|desert|mountain|hill|pass|gap|gate|door|window|street|road|tunnel|channel|strait|river|sea|ocean|lake|air|space|water|body|skin|blood|tissue|membrane|wall|pore|hole|opening|middle|heart|rest)s?$/;
/** Where an explanation ends: a new clause after a comma, or a semicolon. */
const CLAUSE_AFTER_COMMA = /^(?:which|who|whom|whose|where|while|whereas|although|though|but|and|or|as|with|making|leading|resulting|thus|so|since|including|particularly|especially|when|if|unless|until)$/;
/** Nouns whose "to"-infinitive completes them ("the ability to adapt"): no purpose. */
const NOUN_COMPLEMENT = /^(?:ability|opportunity|desire|initiative|right|power|need|attempt|decision|plan|effort|way|chance|time|tendency|capacity|permission|obligation|authority|freedom|willingness|failure|refusal|proposal|wish|intention|goal|aim|duty|order|request|license|licence|incentive|pressure|means|motivation|reason|urge|determination|readiness|inability|propensity|potential|option|choice|capability|competence|mandate|call|bid|move|campaign|struggle|drive|commitment|promise|threat|agreement|resolution|responsibility|task|job|role|mission|function|purpose)$/;
/** Verbs that take an object and a "to"-infinitive ("allow X to …", "cause X to …"). */
const CONTROL_VERB = /^(?:allow|enable|cause|force|induce|require|want|ask|encourage|permit|lead|help|expect|tell|urge|persuade|invite|compel|oblige|order|instruct|teach|train|prompt|inspire|drive|push|get|need|like|prefer|seek|try|attempt|decide|choose|fail|refuse|agree|promise|hope|plan|tend|begin|start|continue|manage|appear|seem|intend|wish|propose|offer|threaten|vote|arrange|prepare|strive|vow|pledge|volunteer|claim|demand|entitle|authorise|authorize|forbid)$/;
/** Infinitives that tell what came of it, not what it was for ("the rivers merge to form the delta"): a cloze, never "Why". */
const RESULT_VERB = /^(?:form|become|give|yield)$/;
/** Words that open a clause of their own inside an explanation, so a finite verb after them is no new predicate. */
const OPENS_CLAUSE = /^(?:that|which|who|whom|whose|where|when|whether|if|what|how|why)$/;
const RANKED = /^(?:first|last|only|next|second|third|earliest|latest)$/;
const OBJECT_START = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'PRON', 'NUM', 'ADP', 'ADV']);
/** Passives whose "by" phrase says how, not who ("is characterised by …", "is achieved by …"). */
const HOW_PASSIVE = /^(?:characterize|characterise|mark|define|determine|achieve|accomplish|measure|calculate|address)$/;
/** "-ing" words that are no gerund: "by morning" is a time, "by something" no means. */
const NOT_GERUND = /^(?:(?:no|some|any|every)?thing|morning|evening|during|king|ring|spring|string|wing|swing|ceiling|sibling|wedding|pudding|shilling)$/;
/** -ing words that mostly qualify the noun after them ("increasing numbers", "invading armies"), not take it as object. */
const PARTICIPLE_ADJECTIVE = /^(?:increasing|growing|rising|declining|falling|dwindling|mounting|leading|ruling|existing|remaining|following|surrounding|neighbouring|neighboring|competing|emerging|living|prevailing|opposing|invading|attacking|advancing|retreating|visiting|passing|incoming|outgoing)$/;
/** Words of an answer beside its marker: a gerund alone is a whole means ("by rationing"), else two or more. */
const MIN_ANSWER_WORDS: Record<Reason, number> = { cause: 2, purpose: 2, means: 1 };
/** Two coordinated means ("by padlocking the gates and using sickles to deflate …") are one answer. */
const MAX_ANSWER_WORDS = 16;
const MAX_COORDINATED_MEANS = 20;
/** A reason fact is a good card, though a longer answer than a name: ranked with the concepts. */
const WEIGHT = 0.64;
const WH: Record<Reason, string> = { cause: 'Why', purpose: 'Why', means: 'How' };

export interface Found {
	reason: Reason;
	/** token index of the marker's first word */
	at: number;
	/** an infinitive of result ("to form …"): asked as a cloze only */
	result?: boolean;
	/** the reason opens the sentence and ends at its comma ("Because the dam leaked, the council …") */
	fronted?: boolean;
	/** a means marker before a noun phrase (`meansAt`): it ends before a purpose ("via gateways | to reach …") */
	phrase?: boolean;
}

/**
 * "by connecting", "by rationing", "by binding to": an -ing word right after "by" (the model tags some gerunds as
 * nouns or adjectives). An adjective before its noun is no gerund: "visited by increasing numbers of tourists",
 * "attacked by invading armies" name who did it.
 */
function gerund(t: Tagged | undefined, next: Tagged | undefined): boolean {
	if (!t || !/^[a-z]{2,}ing$/.test(t.text) || NOT_GERUND.test(t.lower)) return false;
	const beforeNoun = next?.pos === 'NOUN' || next?.pos === 'ADJ';
	if (beforeNoun && PARTICIPLE_ADJECTIVE.test(t.lower)) return false;
	return t.pos === 'VERB' || t.pos === 'NOUN' || (t.pos === 'ADJ' && !beforeNoun);
}

/** A reason that opens the sentence: "Because …", "Due to …", "In order to …", "To" + a verb, "By" + a gerund. */
function frontedAt(tokens: Tagged[]): Found | null {
	const first = tokens[0];
	const next = tokens[1];
	if (!first || !next) return null;
	for (const m of MARKERS) {
		if (m.words.every((w, k) => tokens[k]?.lower === w)) return { reason: m.reason, at: 0, fronted: true };
	}
	if (first.lower === 'to' && next.pos === 'VERB' && next.lower === next.lemma) return { reason: 'purpose', at: 0, fronted: true };
	if (first.lower === 'by' && gerund(next, tokens[2])) return { reason: 'means', at: 0, fronted: true };
	// "Using a sonar device, the team measured …", "By means of …,": a means before the main clause.
	const means = first.lower === 'using' ? next : first.lower === 'by' && next.lower === 'means' && tokens[2]?.lower === 'of' ? tokens[3] : undefined;
	if (means && PHRASE_START.has(means.pos)) return { reason: 'means', at: 0, fronted: true };
	return null;
}

export function markerAt(tokens: Tagged[], i: number): Found | null {
	for (const m of MARKERS) {
		if (m.words.every((w, k) => tokens[i + k]?.lower === w)) return { reason: m.reason, at: i };
	}
	const t = tokens[i];
	const next = tokens[i + 1];
	const prev = tokens[i - 1];
	if (!t || !next) return null;
	// "by connecting …", "by rationing": the means. The model tags some gerunds as nouns; one with no determiner
	// right after "by" is still the verb's -ing form.
	if (t.lower === 'by' && gerund(next, tokens[i + 2])) return { reason: 'means', at: i };
	// "is achieved by a customs union": a passive of a verb that says how, and a "by" phrase that names no one.
	if (t.lower === 'by' && prev?.pos === 'VERB' && HOW_PASSIVE.test(prev.lemma) && beBefore(tokens, i - 1)) {
		let k = i + 1;
		while (/^(?:DET|ADJ|NUM|ADV)$/.test(tokens[k]?.pos ?? '')) k++;
		if (tokens[k]?.pos === 'NOUN') return { reason: 'means', at: i };
	}
	// "… a network to connect …", "… was built to protect …", "… an agency created to manage …": a purpose
	// infinitive after a noun or a name, a passive, or a participle that modifies the noun before it.
	const participle = prev?.pos === 'VERB' && /ed$/.test(prev.lower);
	// A participle after a noun modifies it only where a verb came before ("Nixon named …, an agency created to");
	// at the start, "The mechanisms used to evade …" is a subject the parse has not understood.
	const modifies = participle && tokens[i - 2]?.pos === 'NOUN' && tokens.slice(0, i - 2).some((u) => u.pos === 'VERB' || u.pos === 'AUX');
	const passive = participle && (beBefore(tokens, i - 1) || modifies);
	const noun = (prev?.pos === 'NOUN' && !NOUN_COMPLEMENT.test(prev.lemma)) || (prev?.pos === 'PROPN' && prepositionObject(tokens, i - 1));
	const object = tokens[i + 2];
	// "… to avoid being targeted", "… to keep drilling": a gerund opens the infinitive's object too.
	const opens = object && (OBJECT_START.has(object.pos) || ((object.pos === 'AUX' || object.pos === 'VERB') && /ing$/.test(object.lower)));
	// "the first cells to arrive": an infinitive after an ordinal or "only" says which one, not what for.
	const which = tokens.slice(Math.max(0, i - 4), i - 1).some((u) => RANKED.test(u.lower));
	if (t.lower === 'to' && next.pos === 'VERB' && next.lower === next.lemma && (passive || (noun && !which)) && opens) {
		// "allowed the application to specify …": the verb takes the infinitive as its complement.
		const verb = tokens.slice(0, i).reverse().find((u) => u.pos === 'VERB' && !/ing$/.test(u.lower));
		if (!verb || !CONTROL_VERB.test(verb.lemma)) return { reason: 'purpose', at: i, result: RESULT_VERB.test(next.lemma) };
	}
	return null;
}

/**
 * A means marker with a noun phrase after it, after the main verb (`MEANS_MARKERS`). Not after a copula ("Access is
 * via a bridge" has no manner to ask), not a "through" of place or time.
 */
export function meansAt(c: Clause, i: number): Found | null {
	const { tokens } = c;
	const main = c.main === null ? undefined : tokens[c.main];
	if (c.main === null || !main || i <= c.main || main.lemma === 'be') return null;
	const words = MEANS_MARKERS.find((m) => m.every((w, k) => tokens[i + k]?.lower === w));
	const k = i + (words?.length ?? 0);
	const first = tokens[k];
	const possessive = first?.pos === 'PRON' && /^(?:his|her|its|their|our|my|your)$/.test(first.lower);
	if (!words || !first || !(PHRASE_START.has(first.pos) || possessive) || /^(?:which|whose|whom|what)$/.test(first.lower)) return null;
	// "fees for using a recorder": a gerund after a preposition is its object; "with bacteria using …" opens an
	// absolute phrase; "The response is to destroy the cells using …": the parse read "is to" as one verb group.
	const before = tokens[i - 1];
	if (before?.pos === 'ADP' || before?.pos === 'SCONJ' || tokens.slice(Math.max(c.main - 1, 0), i).some((t) => t.lower === 'with') || tokens.slice(c.verb ?? c.main, c.main).some((t) => t.pos === 'PART')) return null;
	if (words[0] === 'through') {
		const phrase = c.chunks.find((u) => u.from === k || (possessive && u.from === k + 1));
		const head = phrase ? tokens[phrase.head] : undefined;
		if (!head || head.pos !== 'NOUN' || WHERE_OR_WHEN.test(head.lower) || MOTION_VERB.test(main.lemma)) return null;
	}
	return { reason: 'means', at: i, phrase: true };
}

/** A form of "be" among the three words before the participle at `k` ("was built", "is very generally defined"). */
function beBefore(tokens: Tagged[], k: number): boolean {
	return tokens.slice(Math.max(0, k - 3), k).some((u) => u.pos === 'AUX' && u.lemma === 'be');
}

/**
 * "… away from the Old Harbour to avoid …": a name in a prepositional phrase. Right after a verb ("advised
 * BSkyB to increase") or as an agent ("by the Lombards to act") the name is the one the infinitive's verb controls.
 */
function prepositionObject(tokens: Tagged[], last: number): boolean {
	let k = last;
	while (k > 0 && /^(?:PROPN|DET|ADJ)$/.test(tokens[k]?.pos ?? '')) k--;
	const before = tokens[k];
	return before?.pos === 'ADP' && before.lower !== 'by';
}

/** ", and" at `j` closes a list: the explanation has a comma before it, and no verb follows up to the next comma. */
function listEnd(tokens: Tagged[], from: number, j: number): boolean {
	if (tokens[j]?.text !== ',' || !/^(?:and|or)$/.test(tokens[j + 1]?.lower ?? '') || !tokens.slice(from + 1, j).some((u) => u.text === ',')) return false;
	const stop = tokens.findIndex((u, k) => k > j + 1 && /^[,;:]$/.test(u.text));
	return !tokens.slice(j + 2, stop < 0 ? tokens.length : stop).some((u) => u.pos === 'VERB' || u.pos === 'AUX');
}

/** The same, as words: an answer cut short never ends on one ("to form Merwede from"). */
const WAITING_WORD = /\b(?:the|a|an|of|from|to|in|on|at|by|for|with|and|or|but)$/i;
const WAITING = new Set(['ADJ', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'PART']);

/** The explanation from the marker to the end of its clause, as text, or null when it is too short or long. */
interface Explanation {
	answer: string;
	/** a bracket aside that closed the explanation (" (as in many countries)"), left out of the answer */
	aside: string;
}

function explanation(text: string, tokens: Tagged[], f: Found): Explanation | null {
	let end = tokens.length;
	let depth = 0;
	for (let j = f.at + 1; j < tokens.length; j++) {
		const t = tokens[j];
		if (!t) break;
		if (t.text === '(') depth++;
		if (t.text === ')') depth--;
		// A reason that opens the sentence ends at its first comma outside brackets; none, and it is not understood.
		if (f.fronted) {
			if ((t.text === ',' && depth === 0) || t.text === ';' || t.text === ':') {
				end = j;
				break;
			}
			if (j === tokens.length - 1) return null;
			continue;
		}
		const next = tokens[j + 1];
		// "… due to heat and pressure and is then weathered": a coordinated verb starts a new predicate.
		// "… in an unofficial and therefore more relaxed context": adverbs before an adjective join two modifiers.
		let k = j + 1;
		while (tokens[k]?.pos === 'ADV') k++;
		// "via dial-up lines or dedicated radio links": in a means, a participle before its noun modifies it.
		const modifier = f.reason === 'means' && next?.pos === 'VERB' && /ed$/.test(next.lower) && /^(?:NOUN|ADJ|PROPN)$/.test(tokens[j + 2]?.pos ?? '');
		const newPredicate = t.pos === 'CCONJ' && (next?.pos === 'AUX' || (next?.pos === 'VERB' && !/ing$/.test(next.lower) && !modifier) || (next?.pos === 'ADV' && tokens[k]?.pos !== 'ADJ'));
		// "…, boosting its capacity …": a participle clause after a comma is no part of the explanation.
		const participleClause = t.text === ',' && next?.pos === 'VERB' && /ing$/.test(next.lower);
		// "connected via gateways to the public network to reach …": a purpose after the means is a fact of its own.
		const purpose = f.phrase && t.lower === 'to' && t.pos === 'PART' && next?.pos === 'VERB' && next.lower === next.lemma;
		// "using laser scanners since the 1990s": a time after the means is no part of it.
		const time = f.phrase && (/^(?:since|until|till|during)$/.test(t.lower) || (t.pos === 'ADP' && (next?.pos === 'DET' ? tokens[j + 2] : next)?.pos === 'NUM'));
		if (purpose || time) {
			end = j;
			break;
		}
		if (t.text === ';' || t.text === ':' || newPredicate || participleClause || (t.text === ',' && CLAUSE_AFTER_COMMA.test(next?.lower ?? ''))) {
			// "to determine profiles within the crust, the uplift of ranges, and paleotopography": the last member of a
			// list (a comma before, no verb after) belongs to the explanation.
			if (!listEnd(tokens, f.at, j)) {
				end = j;
				break;
			}
		}
	}
	while (end > f.at + 1 && tokens[end - 1]?.pos === 'PUNCT' && tokens[end - 1]?.text !== ')') end--;
	// "How was scarcity addressed? — by rationing (as in many countries)": a bracket aside that closes the
	// explanation is no part of the answer.
	const close = tokens[end - 1];
	if (close?.text === ')') {
		const open = tokens.findLastIndex((t, j) => j < end - 1 && t.text === '(');
		if (open > f.at + 1) end = open;
	}
	const first = tokens[f.at];
	const last = tokens[end - 1];
	if (!first || !last || last.end <= first.start) return null;
	// An explanation never ends on a word waiting for its noun or its object ("… in an unofficial"); an adjective
	// after its verb ("because it was cheap") or one that says when ("… his findings first") waits for nothing.
	const complete = last.pos === 'ADJ' && (/^(?:first|last|alone|together|again)$/.test(last.lower) || /^(?:AUX|VERB)$/.test(tokens[end - 2]?.pos ?? ''));
	if (WAITING.has(last.pos) && !complete) return null;
	// "… used by several pathogens to avoid the immune system is to hide …": a finite verb right after a noun,
	// with no word that opens a clause before it, is the sentence's own predicate, so the marker stood inside the
	// subject. Only "because" and "so that" open a clause with a verb of its own.
	const clausal = f.reason === 'cause' ? tokens[f.at]?.lower === 'because' && tokens[f.at + 1]?.lower !== 'of' : tokens[f.at]?.lower === 'so';
	const inside = tokens.slice(f.at + 1, end);
	const predicate = inside.findIndex((t, j) => t.pos === 'AUX' && !/ing$/.test(t.lower) && /^(?:NOUN|PROPN|PRON)$/.test(inside[j - 1]?.pos ?? ''));
	if (!clausal && predicate >= 0 && !inside.slice(0, predicate).some((t) => OPENS_CLAUSE.test(t.lower))) return null;
	const answer = text.slice(first.start, last.end).replace(/[,\s]+$/, '');
	const words = pieceCount(answer);
	// "by padlocking the gates and using sickles to deflate …": two means joined by "and" are one answer.
	const coordinated = f.reason === 'means' && inside.some((t, j) => t.pos === 'CCONJ' && /ing$/.test((inside[j + 1]?.lower === 'by' ? inside[j + 2] : inside[j + 1])?.lower ?? ''));
	if (words < MIN_ANSWER_WORDS[f.reason] + 1 || words > (coordinated ? MAX_COORDINATED_MEANS : MAX_ANSWER_WORDS)) return null;
	// Brackets or quotes cut in half read wrong in either card.
	if ((answer.match(/\(/g) ?? []).length !== (answer.match(/\)/g) ?? []).length || (answer.match(/["“”]/g) ?? []).length % 2) return null;
	const aside = close && tokens[end]?.text === '(' ? text.slice(first.start + answer.length, close.end) : '';
	return { answer, aside };
}

/**
 * The cloze of an explanation. A bracket aside right after it leaves the stem with it: "… _____ (see …)" reads
 * as a blank its bracket gives away (cards.ts `givenAway`), and the aside says nothing the card needs.
 */
function reasonCloze(text: string, e: Explanation): string | null {
	const stem = e.aside ? text.replace(e.answer + e.aside, e.answer) : text;
	return blankOut(stem, e.answer);
}

/** "Why did the dukes use the church?": the main clause before the marker, inverted. */
export function question(text: string, c: Clause, f: Found): string | null {
	if (c.verb === null || !c.subject || f.result) return null;
	const marker = c.tokens[f.at];
	const lastVerb = c.main ?? c.aux[c.aux.length - 1] ?? c.verb;
	const after = c.tokens[lastVerb];
	if (!marker || !after || marker.start <= after.end) return null;
	// Only the main clause may stand between the verb and the marker: no second clause, no quotation.
	// "mainly because", "not only because": an adverb before the marker qualifies the reason, not the clause.
	let upTo = f.at;
	while (c.tokens[upTo - 1]?.pos === 'ADV' || c.tokens[upTo - 1]?.text === ',') upTo--;
	if (c.tokens.slice(upTo, f.at).some((t) => /^(?:not|only|also)$/.test(t.lower))) return null;
	// "…, by binding to toxins or by interfering …": the second of two reasons; the question would end on "or".
	if (c.tokens[upTo - 1]?.pos === 'CCONJ') return null;
	const end = c.tokens[upTo]?.start ?? marker.start;
	const between = text.slice(after.end, end).replace(/[,\s]+$/, '').trim();
	if (/[;:"“”]/.test(between) || pieceCount(between) > 12) return null;
	// "… appear even in the simplest forms of life, with bacteria using …": an aside before a means is no part of the question.
	if (f.phrase && between.includes(',')) return null;
	// A second verb, a subordinate clause or a relative pronoun before the marker: the parse has not understood
	// the clause ("the signaling protocols used allow …"), so no question.
	const inside = c.tokens.filter((t, i) => i > lastVerb && t.start < end);
	if (inside.some((t) => t.pos === 'SCONJ' || t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower)) || (t.pos === 'PRON' && /^(?:which|who|that)$/.test(t.lower)))) return null;
	const body = inverted(text, c, between);
	return body ? `${WH[f.reason]} ${body}?` : null;
}

/** "Why did the council build a new reservoir?": the main clause after a reason that opens the sentence. */
function frontedQuestion(text: string, answer: string, capitalised: ReadonlySet<string> | undefined, f: Found): { rest: string; clause: Clause; question: string | null } | null {
	const rest = text.slice(text.indexOf(answer) + answer.length).replace(/^\s*,\s*/, '');
	// After the comma a capital is the writer's, not the sentence's: "…, Priestley is …" opens with a name.
	const opening = /^\p{Lu}[\p{Ll}-]*/u.exec(rest)?.[0]?.toLowerCase();
	const c = analyse(rest, opening ? new Set([...(capitalised ?? []), opening]) : capitalised);
	// "To see why …, consider a program …": an imperative main clause asks the reader, it states nothing.
	if (c.tokens[0]?.pos === 'VERB') return null;
	// The question runs to the sentence's closing punctuation, as it would to a marker.
	const close = c.tokens.findIndex((t, i) => t.pos === 'PUNCT' && c.tokens.slice(i).every((u) => u.pos === 'PUNCT'));
	return { rest, clause: c, question: close > 0 ? question(rest, c, { reason: f.reason, at: close }) : null };
}

const THING_PRONOUN = /\b(?:it|its)\b/i;
const PLURAL_PRONOUN = /\b(?:they|them|their|theirs)\b/i;

/**
 * "Because he published his findings first, Priestley is usually given priority …", "Because of its unpaired
 * electrons, triplet oxygen reacts …": a pronoun in a reason that opens the sentence points ahead to the main
 * clause's subject when that subject is named and agrees with it (a name for he/she, one thing for it, several
 * for they). Only pronouns: a demonstrative ("Because of this, …") still points to the page.
 */
function pointsAhead(answer: string, main: Clause): boolean {
	const s = main.subject;
	if (!s || contextNeed(answer) !== 'pronoun' || main.tokens.slice(s.from, s.to).some((t) => t.pos === 'PRON')) return false;
	const head = main.tokens[s.head];
	if (HE_SHE.test(answer)) return head?.pos === 'PROPN' && !main.plural && !THING_PRONOUN.test(answer) && !PLURAL_PRONOUN.test(answer);
	if (THING_PRONOUN.test(answer)) return !main.plural && !PLURAL_PRONOUN.test(answer);
	return main.plural;
}

export function reasonFacts(info: SentenceInfo, previous: SentenceInfo[], analysed: Clause | undefined): Fact[] {
	const tidied = tidy(info.s.text);
	const resolved = resolveStart(tidied, info, previous);
	if (!resolved || !analysed || /\?["”’]?$/.test(resolved)) return [];
	const contained = selfContained(resolved);
	// Only a reason that opens the sentence may hold a pronoun the main clause resolves (`pointsAhead`).
	if (!contained && contextNeed(resolved) !== 'pronoun') return [];
	const c = resolved === tidied ? analysed : analyse(resolved, analysed.capitalised);
	const out: Fact[] = [];
	const front = frontedAt(c.tokens);
	if (!front && !contained) return [];
	if (front) {
		const e = explanation(resolved, c.tokens, front);
		if (!e || occurrences(info.s.text, e.answer) !== 1) return [];
		const answer = e.answer;
		// "Because article 30 clearly, unconditionally …", "Because rock units, other than muds, do …": a "because"
		// clause cut before its verb is not a reason.
		const clausal = /^because$/i.test(c.tokens[0]?.text ?? '') && c.tokens[1]?.lower !== 'of';
		const cut = c.tokens.filter((t) => t.end <= (c.tokens[0]?.start ?? 0) + answer.length);
		if (clausal && !cut.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return [];
		const main = frontedQuestion(resolved, answer + e.aside, analysed.capitalised, front);
		if (!main) return [];
		const { rest, question: q } = main;
		if (!contained && !pointsAhead(answer, main.clause)) return [];
		// The main clause is the card's context: it must read on its own too ("…, this can result in …").
		const cloze = selfContained(rest) ? reasonCloze(resolved, e) : null;
		return cloze || q ? [reasonFact(info, resolved, answer, front.reason, q, cloze)] : [];
	}
	let means = false;
	for (let i = 1; i < c.tokens.length; i++) {
		const found = markerAt(c.tokens, i) ?? (means ? null : meansAt(c, i));
		if (!found) continue;
		const e = asWritten(explanation(resolved, c.tokens, found), info, found.reason);
		// An explanation too long or cut wrong may hold a shorter one ("… as a means to help …").
		if (!e) continue;
		const { answer } = e;
		// One explanation per sentence: the first is the one the main clause gives.
		if (occurrences(info.s.text, answer) !== 1) break;
		const q = question(resolved, c, found);
		const cloze = reasonCloze(resolved, e);
		if (!cloze && !q) break;
		out.push({ ...reasonFact(info, resolved, answer, found.reason, q, cloze), ...(found.phrase ? { answerKind: 'concept' as const } : {}) });
		// A means before a noun phrase leaves room for the cause or purpose after it ("… via gateways … to reach …").
		if (!found.phrase) break;
		means = true;
		i = c.tokens.findIndex((t) => t.start >= (c.tokens[found.at]?.start ?? 0) + answer.length) - 1;
		if (i < 0) break;
	}
	return out;
}

/**
 * "Nixon named … an agency created to coordinate the response, in 1973.": in a sentence read with its opening
 * adverbial moved to the end (long.ts `frontedView`), an explanation that runs to the end takes the adverbial
 * with it. The answer is what the sentence as written says: the words from the end are dropped until it is.
 */
function asWritten(e: Explanation | null, info: SentenceInfo, reason: Reason): Explanation | null {
	const original = info.whole?.text;
	if (!e || !original || occurrences(original, e.answer) > 0) return e;
	const words = e.answer.split(' ');
	while (words.length > MIN_ANSWER_WORDS[reason] + 1) {
		words.pop();
		const shorter = words.join(' ').replace(/[,;:]$/, '');
		if (occurrences(original, shorter) > 0) return WAITING_WORD.test(shorter) ? null : { answer: shorter, aside: '' };
	}
	return null;
}

/**
 * "The main purpose of X is to …", "The second step of X was to …", "Linnaeus's goal was to …", "One of the roles of X
 * is to …": a noun phrase that names a purpose, a role or a step (AIM_HEAD), qualified by "of" or a possessive name,
 * and the infinitive it is. Groups: the subject, its head noun, the copula, the infinitive (to a comma or the end).
 */
const AIM = /^((?:one of )?(?:the|a|an|\p{Lu}[\p{L}\p{M}.-]*['’]s)\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Ll}+)(\s+of\s+[^,;:]+?)?)\s+(is|was|are|were)\s+(to\s+\p{Ll}+[^,;:]*?)[.!]?(?=[,;:]|$)/iu;
/** An infinitive longer than this is a passage, not an answer. */
const MAX_AIM_WORDS = 25;

/**
 * What a purpose, a role or a step is (fifteenth pass): "The main purpose of the councils is to elect judges" → "What is
 * the main purpose of the councils?" — to elect judges. The noun phrase must say whose ("of …", a possessive name): "The
 * plan is to …" or "Its purpose is to …" needs the page.
 */
export function aimFacts(info: SentenceInfo, previous: SentenceInfo[]): Fact[] {
	const text = info.s.text;
	// Cheap test first: this runs on every sentence.
	if (!/\b(?:is|was|are|were) to\b/.test(text)) return [];
	const resolved = resolveStart(tidy(text), info, previous);
	const m = resolved ? AIM.exec(resolved) : null;
	const [, subject = '', head = '', of, be = '', infinitive = ''] = m ?? [];
	if (!resolved || !m || !AIM_HEAD.test(head) || !(of || /['’]s\s/.test(subject) || /^one of\b/i.test(subject))) return [];
	const answer = infinitive.trim();
	if (pieceCount(answer) > MAX_AIM_WORDS || occurrences(text, answer) !== 1 || !balancedQuotes(answer)) return [];
	const named = /^(?:the|a|an|one)\s/i.test(subject) ? subject.charAt(0).toLowerCase() + subject.slice(1) : subject;
	const question = `What ${be.toLowerCase()} ${named}?`;
	const cloze = selfContained(resolved) ? blankOut(clauseAround(resolved, answer), answer) : null;
	if (!selfContained(question) && !cloze) return [];
	// The question asks what a named thing is, as a definition does: a concept to the ranker, not a reason, which people
	// ask far less often than the reasons' clauses are found (features.ts).
	return [{ ...reasonFact(info, resolved, answer, 'purpose', question, cloze), answerKind: 'concept', tags: ['concept', 'aim'] }];
}

function reasonFact(info: SentenceInfo, resolved: string, answer: string, reason: Reason, q: string | null, cloze: string | null): Fact {
	return {
		key: `reason|${answer}|${digest(resolved)}`,
		answer,
		answerKind: reason,
		info,
		question: q && selfContained(q) ? q : undefined,
		cloze: cloze ?? undefined,
		weight: WEIGHT + (q ? 0.04 : 0),
		tags: ['concept', reason]
	};
}
