/**
 * How something is done, said by a manner adverb (issue 9): "The packets are routed individually" → "How are the
 * packets routed? — individually". The adverb stands right after a passive or intransitive main verb, or after the
 * verb's object (and one prepositional phrase): "… approved the budget unanimously". The question inverts the main
 * clause up to the adverb, as reasons.ts does for a means; a means marker right after the adverb ("stored
 * temporarily using steel racks") is the means fact's, which leaves the adverb out of its question.
 *
 * Refused: adverbs of degree, frequency, time, place, focus and comment (`NOT_MANNER`), an adverb that qualifies the
 * adjective or adverb after it ("highly efficient"), one between an active verb and its object, and clauses that
 * are negated or hedged ("were not sorted carefully", "may be sorted manually"), whose manner the text does not state.
 */
import type { SentenceInfo } from './entities';
import type { Fact } from './fact';
import { blankOut, occurrences, pieceCount, resolveStart, tidy } from './clause';
import { selfContained } from './context';
import { analyse, type Clause, type Tagged } from './nlp';
import { inverted, predicateEnd } from './concepts';
import { markerAt, meansAt, question } from './reasons';
import { digest } from './rng';

/**
 * "-ly" adverbs that say how much, how often, when, where, how sure, or what the writer thinks, not how: the
 * answer to "How …?" would be no manner. Also the "-ly" words that are rarely adverbs of manner at all.
 */
const NOT_MANNER = new RegExp(
	'^(?:' +
		[
			// degree and extent
			'highly|widely|largely|greatly|heavily|strongly|deeply|vastly|hugely|extremely|relatively|comparatively|increasingly|substantially|considerably|significantly|slightly|marginally|fully|completely|entirely|totally|wholly|partly|partially|mostly|mainly|primarily|chiefly|predominantly|principally|nearly|roughly|approximately|exactly|precisely|merely|solely|purely|simply|barely|hardly|scarcely|sufficiently|adequately|reasonably|fairly|rather|quite|particularly|especially|specifically|notably|virtually|practically|effectively|essentially|basically|fundamentally|broadly|loosely|strictly|closely|tightly|firmly|dramatically|sharply|steeply|markedly|noticeably|enormously|immensely|exceedingly|excessively|unusually|exceptionally|remarkably|moderately|overwhelmingly|disproportionately|proportionally|equally|similarly|likewise|correspondingly|respectively|jointly|collectively',
			// frequency and habit
			'usually|typically|generally|normally|commonly|frequently|rarely|seldom|occasionally|regularly|constantly|continually|repeatedly|routinely|customarily|habitually|invariably|consistently|periodically|sporadically|intermittently|traditionally|conventionally|ordinarily|often|always|never|sometimes|daily|weekly|monthly|yearly|annually|hourly|nightly',
			// time and order
			'early|recently|lately|previously|formerly|originally|initially|subsequently|eventually|finally|ultimately|immediately|instantly|soon|later|currently|presently|now|today|already|still|yet|once|twice|again|first|firstly|secondly|thirdly|lastly|briefly|temporarily|permanently|momentarily|shortly|promptly|newly|freshly|historically|simultaneously|concurrently|successively|consecutively|thereafter|henceforth|hitherto|meanwhile|nowadays',
			// place
			'locally|globally|nationally|internationally|regionally|worldwide|abroad|nearby|everywhere|somewhere|elsewhere|internally|externally|domestically|overseas|offshore|underground|upstream|downstream|geographically',
			// focus, comment, certainty and connection
			'only|also|even|just|too|however|therefore|thus|hence|consequently|accordingly|nevertheless|nonetheless|moreover|furthermore|additionally|alternatively|instead|otherwise|indeed|certainly|surely|probably|possibly|perhaps|likely|unlikely|apparently|seemingly|evidently|obviously|clearly|presumably|reportedly|allegedly|supposedly|arguably|undoubtedly|definitely|actually|really|truly|fortunately|unfortunately|luckily|interestingly|importantly|surprisingly|ironically|notoriously|famously|reputedly|ostensibly|nominally|officially|formally|informally|legally|technically|theoretically|literally|figuratively|overall|altogether|together|alone|namely|wherein|thereby|therein|thereof',
			// -ly words that are seldom adverbs of manner
			'family|lonely|friendly|holy|ugly|italy|july|supply|apply|reply|rely|ally|assembly|anomaly|monopoly|rally|belly|jelly|folly|bully|fly|emily|lily|kelly|molly|polly|sally|billy|holly|willy'
		].join('|') +
		')$'
);
/** Words that negate or hedge the clause: its manner is not stated as a fact. */
const NEGATED_OR_HEDGED = /^(?:not|n't|never|no|neither|nor|hardly|scarcely|barely|may|might|could|would|should|perhaps|possibly|probably|likely|unlikely|apparently|seemingly|reportedly|allegedly|supposedly|arguably|if|whether|unless)$/;
/** What may follow a manner adverb: the end of the clause, or a new phrase (not a word it qualifies). */
const AFTER_ADVERB = new Set(['PUNCT', 'ADP', 'CCONJ', 'SCONJ', 'PART']);
/** Linking verbs: "quickly became the busiest port" says when, and a copula has no manner to ask. */
const LINKING = /^(?:be|become|remain|seem|appear|prove|look|sound|feel|get|stay|turn)$/;
/** The most words a question keeps after its verb ("How did Smith develop the same method of measuring tides?"). */
const MAX_REST_WORDS = 12;
/** A manner fact's cue, as a reason's; it ranks with the predicate adjectives (kind `quality`), a word that says how. */
const WEIGHT = 0.64;

const mannerAdverb = (t: Tagged | undefined): boolean => !!t && t.pos === 'ADV' && /^[a-z]{4,}ly$/.test(t.text) && !NOT_MANNER.test(t.lower);
/** Words around one of two coordinated adverbs ("quickly and cheaply", "both slowly and suddenly"): half an answer. */
const PAIRED = /^(?:and|or|nor|both|either|neither|but)$/;
const paired = (c: Clause, k: number): boolean => PAIRED.test(c.tokens[k - 1]?.lower ?? '') || PAIRED.test(c.tokens[k + 1]?.lower ?? '');

/** The token index after a noun phrase that starts at `k` (its "of" phrases included), or -1 when none starts there. */
function phraseEnd(c: Clause, k: number): number {
	let chunk = c.chunks.find((u) => u.from === k);
	if (!chunk) return -1;
	let end = chunk.to;
	while (c.tokens[end]?.lower === 'of' && (chunk = c.chunks.find((u) => u.from === end + 1))) end = chunk.to;
	return end;
}

/**
 * The index of the manner adverb of the main clause, or -1: right after the main verb (passive or intransitive: no
 * noun phrase follows the adverb), or after the object, or after one prepositional phrase ("forwarded by the
 * nodes asynchronously").
 */
function adverbAt(c: Clause): number {
	const main = c.main;
	if (main === null) return -1;
	let k = main + 1;
	const object = phraseEnd(c, k);
	if (object > k) k = object;
	if (c.tokens[k]?.pos === 'ADP' && c.tokens[k]?.lower !== 'of') {
		const end = phraseEnd(c, k + 1);
		if (end > k + 1 && !mannerAdverb(c.tokens[k])) k = end;
	}
	const t = c.tokens[k];
	const next = c.tokens[k + 1];
	if (!mannerAdverb(t) || paired(c, k)) return -1;
	// "highly efficient", "quite independently": the adverb qualifies the word after it. "discovered independently by
	// Scheele": the agent after it is what a reader would answer to "How was oxygen discovered?".
	if (next && (!AFTER_ADVERB.has(next.pos) || next.lower === 'by')) return -1;
	return k;
}

/** A manner adverb between the subject and the main verb ("Smith independently developed …"), or -1. */
function preVerbAt(c: Clause): number {
	const { subject, main } = c;
	if (!subject || main === null) return -1;
	// Only adverbs and auxiliaries stand between the subject and the verb: an aside ("…, both slowly and suddenly,") is none.
	const between = c.tokens.slice(subject.to, main);
	if (between.some((t) => t.pos !== 'ADV' && t.pos !== 'AUX' && t.pos !== 'PART')) return -1;
	const k = between.findIndex((t) => mannerAdverb(t)) + subject.to;
	return k >= subject.to && !paired(c, k) ? k : -1;
}

/**
 * "How did Smith develop the same method of measuring tides?": the clause inverted around its verb, with what follows
 * the verb up to the end of its predicate. Null where that holds a clause of its own, an aside or a quotation.
 */
function preVerbQuestion(text: string, c: Clause): string | null {
	const main = c.main === null ? undefined : c.tokens[c.main];
	if (!main || c.main === null) return null;
	const end = predicateEnd(text, c, c.main);
	const rest = text.slice(main.end, end).replace(/[\s,.;:!]+$/, '').trim();
	const inside = c.tokens.filter((t, i) => i > (c.main ?? 0) && t.end <= main.end + rest.length + 1);
	if (/[,;:"“”()]/.test(rest) || pieceCount(rest) > MAX_REST_WORDS) return null;
	if (inside.some((t) => t.pos === 'SCONJ' || t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower)) || /^(?:which|who|whom|that)$/.test(t.lower))) return null;
	const body = inverted(text, c, rest);
	return body ? `How ${body}?` : null;
}

export function mannerFacts(info: SentenceInfo, previous: SentenceInfo[], analysed: Clause | undefined): Fact[] {
	const tidied = tidy(info.s.text);
	const resolved = resolveStart(tidied, info, previous);
	if (!resolved || !analysed || /\?["”’]?$/.test(resolved) || !selfContained(resolved)) return [];
	const c = resolved === tidied ? analysed : analyse(resolved, analysed.capitalised);
	if (c.main === null || !c.subject) return [];
	if (LINKING.test(c.tokens[c.main]?.lemma ?? '')) return [];
	const after = adverbAt(c);
	const at = after >= 0 ? after : preVerbAt(c);
	const adverb = c.tokens[at];
	if (!adverb) return [];
	// The clause up to the adverb must state, not negate or hedge ("were not sorted carefully").
	if (c.tokens.slice(0, at).some((t) => NEGATED_OR_HEDGED.test(t.lower))) return [];
	// "stored temporarily using steel racks": the means after the adverb is the fact (reasons.ts).
	// "neutralize toxins directly, by binding to …": so is one after its comma.
	const means = (k: number) => !!markerAt(c.tokens, k) || !!meansAt(c, k);
	if (means(at + 1) || (c.tokens[at + 1]?.text === ',' && means(at + 2))) return [];
	// "The response is to destroy the cells …": the parse read "is to" as one verb group.
	if (c.tokens.slice(c.verb ?? c.main, c.main).some((t) => t.pos === 'PART')) return [];
	const answer = adverb.text;
	if (occurrences(info.s.text, answer) !== 1) return [];
	const q = after >= 0 ? question(resolved, c, { reason: 'means', at }) : preVerbQuestion(resolved, c);
	// Before the verb the adverb is asked only by its question: as a cloze ("Tesla _____ faulted a generator",
	// "Marconi _____ transmitted the letter S") the blank takes any adverb, and such cards were seldom what people asked.
	const cloze = after >= 0 ? blankOut(resolved, answer) : null;
	if (!q && !cloze) return [];
	return [
		{
			key: `manner|${answer}|${digest(resolved)}`,
			answer,
			answerKind: 'quality',
			info,
			question: q && selfContained(q) ? q : undefined,
			cloze: cloze ?? undefined,
			weight: WEIGHT + (q ? 0.04 : 0),
			tags: ['concept', 'means', 'manner']
		}
	];
}
