/**
 * Regression tests named after the bugs the generator's second pass fixed (issue 3, review of real output).
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../src/lib/domain/types';
import { buildModel, candidates, cleanText, extractFacts, generateDeck } from '../../../src/lib/generator/core/index';
import { frontedView } from '../../../src/lib/generator/core/long';
import { structuralKind } from '../../../src/lib/generator/core/entities';
import { eventLabel, halfRange, shortQuestion } from '../../../src/lib/generator/core/blanks';
import { countsList, factCards, givenAway } from '../../../src/lib/generator/core/cards';
import { analyse, extendOf, tag } from '../../../src/lib/generator/core/nlp';
import { conceptFacts, objectOf, objectQuestion, subjectQuestion, whFor } from '../../../src/lib/generator/core/concepts';
import { clauseAround, hasFiniteVerb, listLike, tidy, titleColon } from '../../../src/lib/generator/core/clause';
import { grain, pickDistractors, placeLevel, type Candidates } from '../../../src/lib/generator/core/distractors';
import { rankCards } from '../../../src/lib/generator/core/rank';
import { findMentions, tokenize } from '../../../src/lib/generator/core/mentions';
import { segment } from '../../../src/lib/generator/core/segment';
import { orgSpan } from '../../../src/lib/generator/core/people';
import { splitTitle } from '../../../src/lib/generator/core/entities';
import { contextNeed, firstClause, withTopic } from '../../../src/lib/generator/core/context';
import { docStats, factFeatures, FEATURES } from '../../../src/lib/generator/core/features';
import { seed } from './seeds';

const NOW = '2026-01-01T00:00:00.000Z';
const decks = new Map<string, Card[]>();
const cardsOf = (which: 'talks' | 'exchanges'): Card[] => {
	const cached = decks.get(which);
	if (cached) return cached;
	const cards = generateDeck([{ id: 'doc-1', title: 'T', text: seed(which).text }], { now: NOW, seed: 's' }).cards;
	decks.set(which, cards);
	return cards;
};
const both = () => [...cardsOf('talks'), ...cardsOf('exchanges')];

describe('page furniture and fragments', () => {
	it('does not make cards from a staff list', { timeout: 60_000 }, () => {
		expect(both().filter((c) => /Steering committee:|\(co-chair\)|Mansfield Foundation\.$|Executive Director\.$/.test(c.source.sentence))).toEqual([]);
		expect(listLike('Steering committee: Dr. Charles Armstrong, Columbia University; Brad Babson, Consultant; Gordon Flake, The Maureen and Mike Mansfield Foundation.')).toBe(true);
		expect(listLike('Nancy Lindborg (co-chair), Mercy Corps Charles (Jack) Pritchard (co-chair), Korea Economic Institute.')).toBe(true);
		expect(listLike('Mark Minton, Evans Revere and Stephen Del Rosso spoke at the press conference in New York.')).toBe(false);
	});

	it('does not make cards from a citation line', { timeout: 60_000 }, () => {
		expect(both().filter((c) => /Stopping the Nuclear North|op\. cit|Ibid/.test(c.source.sentence))).toEqual([]);
	});

	it('does not make cards from the masthead or the sign-up paragraph', { timeout: 60_000 }, () => {
		expect(both().filter((c) => /Views expressed|To sign up|Earlier issues/.test(c.source.sentence))).toEqual([]);
	});

	it('never makes a card from a sentence that starts in lower case or lacks a finite verb', { timeout: 60_000 }, () => {
		expect(both().filter((c) => /^\p{Ll}/u.test(c.source.sentence)).map((c) => c.source.sentence)).toEqual([]);
		expect(hasFiniteVerb(tokenize('Karin Lee Executive Director.'))).toBe(false);
		expect(hasFiniteVerb(tokenize('and public.'))).toBe(false);
		expect(hasFiniteVerb(tokenize('The DPRK tested short-range missiles.'))).toBe(true);
	});

	it('drops a dash aside instead of cutting the sentence into a fragment', () => {
		const sentence = 'One of the suggestions made in the February 2006 meeting – bilateral meetings to discuss U.S. allegations of illicit activities – did eventually become government policy, though not until after the October test.';
		expect(clauseAround(sentence, 'February 2006')).toBe('One of the suggestions made in the February 2006 meeting did eventually become government policy, though not until after the October test.');
		expect(clauseAround(sentence, 'U.S.')).toBe(sentence);
	});

	it('never cuts a long sentence at a colon into a piece that starts in lower case', () => {
		const sentence = 'And an April 2006 NEACD meeting picked up where the NCAFP meetings mentioned above left off: a track II effort with the potential to breathe life back into the September 19, 2005 agreement to denuclearize North Korea.';
		expect(clauseAround(sentence, 'North Korea')).toBe(sentence);
	});

	it('never cuts before a colon where the list after it completes the clause ("… that contain oxygen are (where …): alcohols …")', () => {
		const sentence = 'Among the most important classes of organic compounds that contain oxygen are (where "R" is an organic group): alcohols (R-OH); ethers (R-O-R); ketones (R-CO-R); aldehydes (R-CO-H); carboxylic acids (R-COOH); esters (R-COO-R); and amides.';
		expect(clauseAround(sentence, 'organic compounds')).toBe(sentence);
	});
});

describe('people and organisations', () => {
	it('role stops before the verb when the appositive has no closing comma', { timeout: 60_000 }, () => {
		const role = cardsOf('talks').filter((c) => c.answer === 'George Schwab' && c.type === 'basic');
		expect(role.map((c) => c.question)).toEqual(['Who is the President of NCAFP?']);
		expect(both().filter((c) => /opened the briefing\?$/.test(c.question))).toEqual([]);
	});

	it('an organisation stops at its head word: "Carnegie Corporation Track 2 program"', { timeout: 60_000 }, () => {
		expect(orgSpan('Carnegie Corporation Track')).toBe('Carnegie Corporation');
		expect(orgSpan('Korea Society')).toBe('Korea Society');
		const full = generateDeck([{ id: 'doc-1', title: 'T', text: seed('talks').text }], { now: NOW, seed: 's', maxCards: 10_000 }).cards;
		expect(full.find((c) => c.question === 'Which organisation is Stephen Del Rosso from?')?.answer).toBe('Carnegie Corporation');
	});

	it('does not ask "Which place" of a country that acts: it stays cloze', { timeout: 60_000 }, () => {
		expect(both().filter((c) => /^Which place (said|tested|called|pointed)/.test(c.question))).toEqual([]);
		// The fact itself, before any deck cut, so the check does not hang on ranking. (In the seed the country is
		// DPRK, the reading's topic name, which is never an answer.)
		const text = 'Trade talks between the two neighbours resumed in Geneva in March. Norway said that the first step by Sweden must be to lift the tariffs on fish. The talks ended without an agreement.';
		const fact = extractFacts(buildModel('doc-1', cleanText(text))).find((f) => f.answer === 'Norway');
		expect([fact?.question, fact?.cloze]).toEqual([undefined, '_____ said that the first step by Sweden must be to lift the tariffs on fish.']);
	});

	it('does not take "English Premier" for a title before a name', () => {
		const text = 'Sky holds the rights to the English Premier League Football matches for three more seasons.';
		const kinds = findMentions(text, tokenize(text), new Set()).map((m) => m.text);
		expect(kinds).toContain('English Premier League Football');
	});
});

describe('questions and options', () => {
	it('cuts a long Who question to the clause that holds the fact, or leaves it as cloze', { timeout: 60_000 }, () => {
		expect(shortQuestion('notes three situations when government officials view Track II meetings as particularly useful: prior to summit meetings, in the wake (or midst) of crisis, and to help interpret political changes')).toBe(
			'notes three situations when government officials view Track II meetings as particularly useful'
		);
		expect(both().filter((c) => c.type === 'basic' && c.question.startsWith('Who ') && c.question.split(/\s+/).length > 24).map((c) => c.question)).toEqual([]);
	});

	it('gives every mcq 3-4 distractors of the answer\'s date precision', { timeout: 60_000 }, () => {
		const mcqs = both().filter((c) => c.type === 'mcq');
		expect(mcqs.filter((c) => (c.choices ?? []).length < 4).map((c) => c.question)).toEqual([]);
		const dated = mcqs.filter((c) => /\b(1\d{3}|20\d{2})\b|January|February|March|April|May|June|July|August|September|October|November|December/.test(c.answer));
		expect(dated.filter((c) => (c.choices ?? []).some((x) => grain(x) !== grain(c.answer))).map((c) => c.choices)).toEqual([]);
		expect(grain('July 29')).toBe('dm');
		expect(grain('June 2005')).toBe('my');
		expect(grain('September 19, 2005')).toBe('dmy');
	});

	it('offers only names the document uses: no invented people, and a cloze where the document has too few', { timeout: 60_000 }, () => {
		for (const which of ['talks', 'exchanges'] as const) {
			const text = seed(which).text.toLowerCase();
			const named = cardsOf(which).filter((c) => c.type === 'mcq' && !c.tags.some((t) => t === 'number' || t === 'date' || t === 'year'));
			expect(named.filter((c) => (c.choices ?? []).some((x) => !text.includes(x.toLowerCase()))).map((c) => c.choices)).toEqual([]);
		}
		const two = generateDeck([{ id: 'd', title: 'T', text: 'Alice Brown founded the society in the old harbour town. Alice Brown later met Carl Green at the harbour town library.' }], { now: NOW, seed: 's' });
		expect(two.cards.filter((c) => c.type === 'mcq' && /Brown|Green/.test(c.answer))).toEqual([]);
	});

	it('reads a three-digit year after "in" when a function word follows it, not when a noun does', () => {
		const mentions = (text: string) => findMentions(text, tokenize(text), new Set()).map((m) => `${m.kind}:${m.text}`);
		expect(mentions('The Duchy, which began in 911 as a fiefdom, grew under the dukes.')).toContain('year:911');
		expect(mentions('The abbey was founded in 966 and rebuilt after a fire.')).toContain('year:966');
		expect(mentions('The disease was found in 400 villages by the survey.').filter((m) => m.startsWith('year:'))).toEqual([]);
	});

	it('joins a given name and "of" a place into one name ("William of Montreuil")', () => {
		const text = 'In 1064, during the War of Barbastro, William of Montreuil led the papal army and took a huge booty.';
		expect(findMentions(text, tokenize(text), new Set()).map((m) => m.text)).toContain('William of Montreuil');
	});

	it('takes a capitalised first word for a name only where the text also capitalises it inside a sentence', () => {
		const model = buildModel('d', 'Strategic patience is an unwillingness to engage in dialogue. Researchers divide the motives of owners into two groups. Rollo agreed to the treaty in 911. The treaty gave the land to Rollo and his men. NATO met in Brussels.');
		const names = model.sentences.flatMap((s) => s.mentions.filter((m) => m.kind !== 'year' && m.kind !== 'number' && m.kind !== 'date').map((m) => m.text));
		expect(names).toEqual(['Rollo', 'Rollo', 'NATO', 'Brussels']);
	});

	it('takes a given name look-alike for a place where the text puts something in it ("in Ann Arbor")', () => {
		const model = buildModel('d', 'The network linked the University of Michigan in Ann Arbor and Wayne State University in Detroit. Most traffic ran through Ann Arbor at night.');
		expect(model.entities.get('ann arbor')?.kind).toBe('place');
		expect(buildModel('p', 'Professor Ann Walker designed the network. Ann Walker said it would grow.').entities.get('ann walker')?.kind).toBe('person');
	});

	it('asks about money and shares, not only counted nouns', () => {
		const text = 'In 2015 Sky paid £4.2bn for the rights and reached 36% of homes, about 25m viewers.';
		const numbers = findMentions(text, tokenize(text), new Set()).filter((m) => m.kind === 'number').map((m) => m.text);
		expect(numbers).toEqual(['£4.2bn', '36%', '25m']);
	});
});

describe('the top of the deck', () => {
	it("shows every fact's best card before any fact's second card", () => {
		const make = (id: string, score: number): Card => ({ id, type: 'cloze', question: `q ${id}`, answer: id, tags: [], score, source: { doc: 'd', sentence: id, start: id.charCodeAt(0), end: id.charCodeAt(0) + 2 } });
		const ranked = rankCards(
			[
				{ card: make('a1', 0.9), fact: 'A' },
				{ card: make('a2', 0.88), fact: 'A' },
				{ card: make('b1', 0.5), fact: 'B' },
				{ card: make('c1', 0.4), fact: 'C' }
			],
			10
		);
		expect(ranked.map((c) => [c.id, c.score])).toEqual([['a1', 0.9], ['b1', 0.5], ['c1', 0.4], ['a2', 0.4]]);
	});

	it('mixes the card types of a long article with many dates', { timeout: 60_000 }, () => {
		const count = (t: Card['type']) => cardsOf('exchanges').filter((c) => c.type === t).length;
		// 124 cloze (was 125): "in an unofficial and therefore more _____" → "relaxed context" left a degree word
		// in the stem and gives no card now (phrases.ts); one fact fewer, one card fewer.
		// 125 cloze and 26 mcq (were 124 and 25): "… concerns that these Track II processes could reduce …" reads on its
		// own as "the Track II processes" (ninth pass, clause.ts namingDemonstratives) and gives two cards.
		// 126 cloze and 27 mcq (were 125 and 26): "the DPRK's Institute for Disarmament and Peace" and "the Study Group on
		// Countering Weapons of Mass Destruction" are read whole (mentions.ts andTail) and are asked; a broken cloze
		// on "Lee Myung-bak administration fears" fell out of the deck.
		// 24 basic and 125 cloze (were 23 and 126): "Ri Gun" weighs its rare part (features.ts) and "Who is the director
		// general of …?" reaches the deck; the cloze of the Six-Party Talks left it. 25 basic (was 24): "Who was
		// previously vice president at the Henry Luce Foundation?", from a sentence a quotation makes too long to quote.
		// 26 basic, 126 cloze, 23 true/false (were 25, 125, 25): "According to NEACD founder Susan Shirk," no longer
		// stops its paragraph (read.ts joins a paragraph cut on a comma), so "Who is the founder of NEACD?" is asked.
		// 28 mcq (was 27): "In part that's because these New York meetings have at times been coordinated with the
		// Department of State …" reads from "The New York meetings" on (clause.ts tidy). 27 basic, 27 mcq (were 26, 28):
		// "As the new U.S. administration prepares to take office, Track II exchanges may …" is read with its adverbial
		// moved to the end (long.ts frontedView) and asks "What may be particularly relevant as …?".
		// Twelfth pass (glosses): "Which term is used to describe talks … with no official government presence? — Track
		// II" is asked although Track II is the reading's topic (a defined term gives nothing away, index.ts).
		// Together: 28 basic, 125 cloze, 27 mcq. 29 basic, 124 cloze (lead, twelfth pass): "What is relationship-building?
		// — an important aspect of informal diplomacy" (glosses.ts appositiveDefinitions) in, the last cloze out. 126 cloze:
		// "Three Track II forums have become well known in the _____ because of …", a clause of a long sentence read
		// with its adverbial moved (long.ts), and one more cloze of the deck's size.
		// 30 basic (was 29): "CSCAP also addresses the DPRK's nuclear program." is too short for a cloze, and now gives
		// "What does CSCAP address?" (twelfth pass, plain subjects and objects: the object of a named subject).
		// Twelfth pass (subjects the parser finds, nlp.ts): "Diplomats on both sides credited the June 30-July 1, 2005 NCAFP
		// meeting …" is read with its prepositional phrase in the subject and asks "Who credited the June 30-July 1, 2005
		// NCAFP meeting for helping to restart Six Party Talks?" (31 basic).
		// 127 cloze, 26 mcq (were 126, 27; twelfth pass, judged top 25): "… the sphere of _____-DPRK bilateral diplomacy"
		// blanked half of a hyphenated pair (cards.ts GLUED_HALF), and a cloze on "U.S. allegations" takes its place.
		// 125 cloze, 27 mcq, 24 true/false (were 127, 26, 23; thirteenth pass, precision): clozes that blank a common-noun
		// phrase of four words or more rank lower (index.ts longBlank), and "Track II activities fall", "Lee Myung-bak
		// administration fears" and eight more clozes leave the deck for shorter answers ("BDA designation", "Kim Gye Gwan").
		// 30 basic, 121 cloze, 29 mcq, 27 true/false (thirteenth pass, precision): a common-noun answer with a word the
		// seed uses only once ranks lower (index.ts usedOnce), and names, dates and true/false take their places.
		// 120 cloze, 28 true/false (lead, thirteenth pass): "Whatever" opening a quotation is no part of a name (lexicon.ts),
		// so the cloze "warns that \"_____'s value …\" — Whatever Track II" is gone and a true/false takes its place.
		// 121 cloze, 31 mcq, 25 true/false (fourteenth pass): a bracket right after the blank is taken out of the stem
		// (cards.ts withoutGloss), so "The _____ advances, promotes … — National Committee on North Korea" (was "_____
		// (NCNK)"), "South Korean participant _____ cautioned …" and "the _____ and the Council for Security Cooperation in
		// Northeast Asia (CSCAP)" are asked, and three true/false and clozes leave the deck.
		// 29 mcq, 27 true/false (sixteenth pass): an option the stem states is never offered (cards.ts), so "_____'s U.N.
		// Ambassador … the DPRK" (North Korea among "U.S.", which the stem names) and "… the DPRK's declaration" (Syria
		// among "DPRK") keep too few options and become a cloze and a true/false.
		expect([count('basic'), count('cloze'), count('mcq'), count('truefalse'), count('matching'), count('ordering')]).toEqual([30, 121, 29, 27, 2, 1]);
	});

	it('describes an event without its date and without breaking the clause', () => {
		expect(eventLabel('Diplomats on both sides credited the June 30-July 1, 2005 NCAFP meeting for helping to restart Six Party Talks.', 'June 30-July 1, 2005')).toBe(
			'Diplomats on both sides credited the NCAFP meeting for helping to restart Six Party Talks'
		);
		expect(eventLabel('CSCAP and NEACD, both founded in 1993, are characterized by such longevity.', '1993')).toBe(null);
		expect(eventLabel('Government officials held talks from July 28 to July 29 in New York City.', 'July 28')).toBe(null);
	});
});

describe('ranking of blanked facts', () => {
	it('halfRange: either end of a range is half a fact', () => {
		expect(halfRange('From 1073 to 1074, 8,000 troops were Normans.', '1073')).toBe(true);
		expect(halfRange('From 1073 to 1074, 8,000 troops were Normans.', '1074')).toBe(true);
		expect(halfRange('Between 1402 and 1405, the expedition conquered the islands.', '1402')).toBe(true);
		expect(halfRange('Officials held talks from July 28 to July 29 in New York City.', 'July 29')).toBe(true);
		expect(halfRange('ITV had increased its offer from £18m to £34m per year.', '£34m')).toBe(true);
		expect(halfRange('In 1066, William conquered England.', '1066')).toBe(false);
		expect(halfRange('Talks between ITV and the BBC failed.', 'BBC')).toBe(false);
	});

	it('a name the text repeats outranks a name it mentions once, and a half range ranks below a whole date', () => {
		const text = [
			'Aldwin Marr founded the Harrow Guild in the old quarter of the city.',
			'The Harrow Guild trained weavers and dyers for the river towns nearby.',
			'Merchants from the coast bought cloth from the Harrow Guild every spring.',
			'A rival workshop run by Bressel Tanning opened near the Harrow Guild later.',
			'The city council met from 1402 to 1405 to settle the disputes between them.',
			'The council finally granted the Harrow Guild a charter in 1410 after long debate.'
		].join(' ');
		const deck = generateDeck([{ id: 'd', title: 'Guild', text }], { now: '2026-01-01T00:00:00Z', maxCards: 50 });
		const rank = (answer: string) => deck.cards.findIndex((c) => c.type !== 'truefalse' && c.answer === answer);
		expect(rank('Harrow Guild')).toBeGreaterThanOrEqual(0);
		expect(rank('Harrow Guild')).toBeLessThan(rank('Bressel Tanning') < 0 ? Infinity : rank('Bressel Tanning'));
		expect(rank('1410')).toBeGreaterThanOrEqual(0);
		expect(rank('1410')).toBeLessThan(rank('1402') < 0 ? Infinity : rank('1402'));
	});
});

describe('place distractors keep the answer\'s level', () => {
	it('placeLevel: countries, cities and continents from a small gazetteer', () => {
		expect(['DPRK', 'North Korea', 'United Kingdom', 'U.S.', 'Tokyo', 'New York', 'Europe', 'Upper Normandy'].map(placeLevel)).toEqual([
			'country', 'country', 'country', 'country', 'city', 'city', 'continent', null
		]);
	});

	it('a country gets countries, not the cities the document names; a city gets cities', () => {
		const candidates = new Map([['place' as const, ['Tokyo', 'New York', 'Seoul', 'Japan', 'Washington', 'China']]]);
		// Two countries only: too few for a multiple-choice card, which then stays a cloze.
		expect(pickDistractors('DPRK', 'place', candidates, [], 4, 's')).toEqual(['China', 'Japan']);
		expect(pickDistractors('Pyongyang', 'place', candidates, [], 4, 's')).toEqual(['Washington', 'Seoul', 'Tokyo', 'New York']);
	});

	it('one country under another name is never a distractor (DPRK / North Korea, U.S. / United States)', () => {
		const candidates = new Map([['place' as const, ['North Korea', 'United States', 'South Korea', 'Japan', 'Syria', 'Pakistan']]]);
		const picked = pickDistractors('DPRK', 'place', candidates, [], 4, 's');
		expect(picked).not.toContain('North Korea');
		expect(picked).toHaveLength(4);
		expect(pickDistractors('U.S.', 'place', candidates, [], 4, 's')).not.toContain('United States');
	});
});

describe('titles', () => {
	it('a title of place ("Count de Niebla") leaves no person called "de Niebla"; a titled name still splits', () => {
		const mention = (text: string) => ({ start: 0, end: text.length, text, kind: 'name' as const });
		expect(splitTitle(mention('Count de Niebla'))).toBe(null);
		expect(splitTitle(mention('Professor George Schwab'))?.text).toBe('George Schwab');
	});
});

describe('wh-words and subject questions', () => {
	it('a media company is an organisation, asked "Which organisation", not "Who"', () => {
		const text = 'Virgin Media said that the channels would return soon. Virgin Media has made a number of statements about the dispute over the years.';
		const deck = generateDeck([{ id: 'd', title: 't', text }], { now: '2026-01-01T00:00:00Z', maxCards: 20 });
		const asked = deck.cards.filter((c) => c.type === 'basic' && c.answer === 'Virgin Media').map((c) => c.question);
		expect(asked.length).toBeGreaterThan(0);
		expect(asked.every((q) => q.startsWith('Which organisation'))).toBe(true);
	});

	it('a name modifying a compound ("Anna Berg set design prizes are …") is no subject: no "Who set design prizes …?"', () => {
		const text = 'Professor Anna Berg said the plan would work well. Anna Berg set design prizes are awarded every year in the old city.';
		const deck = generateDeck([{ id: 'd', title: 't', text }], { now: '2026-01-01T00:00:00Z', maxCards: 20 });
		expect(deck.cards.some((c) => c.answer === 'Anna Berg' && (c.type === 'cloze' || c.type === 'mcq') && /set design prizes/.test(c.question))).toBe(true);
		expect(deck.cards.some((c) => /^Who set design prizes/.test(c.question))).toBe(false);
	});
});

describe('organisation names with "and" or "of" in their tail (session 19)', () => {
	const names = (text: string) => buildModel('d', text).sentences.flatMap((i) => i.mentions.filter((m) => m.kind !== 'year' && m.kind !== 'date').map((m) => `${m.kind}:${m.text}`));

	it('reads "Institute for Disarmament and Peace" and "Study Group on Countering Weapons of Mass Destruction" whole', () => {
		expect(names("The Western Institute for Disarmament and Peace is an active member of the Study Group on Countering Weapons of Mass Destruction in the Baltic.")).toEqual([
			'org:Western Institute for Disarmament and Peace',
			'org:Study Group on Countering Weapons of Mass Destruction',
			'name:Baltic'
		]);
		expect(names('The Ministry of Science and Technology funds the Council for Trade and Development.')).toEqual(['org:Ministry of Science and Technology', 'org:Council for Trade and Development']);
	});

	it('keeps two names apart where the words after "and" are a name of their own or start with "the"', () => {
		expect(names('The University of Washington and Stanford University signed the agreement.')).toEqual(['org:University of Washington', 'org:Stanford University']);
		expect(names('The Committee on Foreign Policy and the Korea Society met in May.')).toEqual(['org:Committee on Foreign Policy', 'org:Korea Society']);
		expect(names('The Bank of England and Citigroup disagreed.')).toEqual(['org:Bank of England', 'name:Citigroup']);
	});
});

describe('the rarity of a name (session 19)', () => {
	it('counts a name\'s two-letter part ("Ri" of "Ri Gun"), not only its common-word part ("Gun")', () => {
		const model = buildModel('d', 'Ri Gun will meet Ambassador Sung Kim in New York.');
		const facts = extractFacts(model);
		const stats = docStats(model.sentences);
		const rarityOf = (answer: string) => {
			const f = facts.find((x) => x.answer === answer);
			return f ? factFeatures(f, stats).rarity : null;
		};
		expect(rarityOf('Ri Gun')).toBe(1);
	});
});

describe('a role in a sentence too long to quote (session 19)', () => {
	it('asks the appositive role of a person whose sentence goes on with a long quotation', () => {
		const quote = 'People who work outside government have the luxury of taking the longer view on every question of policy. That matters a great deal in terms of creating a climate in which the government then can consider other options and think about other possibilities that might not be open in the daily work of a ministry.';
		const text = `Maria Olsen, previously vice president at the Nordic Peace Foundation, believes that "${quote}"`;
		const facts = extractFacts(buildModel('d', text));
		expect(facts.filter((f) => f.question).map((f) => [f.question, f.answer])).toEqual([['Who was previously vice president at the Nordic Peace Foundation?', 'Maria Olsen']]);
	});
});

describe('a sentence that opens by explaining the one before (session 19)', () => {
	it('reads the reason after "That\'s because" / "In part this is because" as the fact', () => {
		expect(tidy("In part that's because the Oslo meetings have at times been coordinated with the Ministry of Foreign Affairs.")).toBe('The Oslo meetings have at times been coordinated with the Ministry of Foreign Affairs.');
		expect(tidy('This is largely because glaciers carve their valleys into a U shape over time.')).toBe('Glaciers carve their valleys into a U shape over time.');
		// Too little is left to stand alone: the sentence stays as it is (and needs the page).
		expect(tidy("That's because it rained.")).toBe("That's because it rained.");
	});
});

describe('"the same" that says what it is the same as (session 19)', () => {
	it('reads "the same as", "the same … that", "the same … for everyone", "of the same", "in the same way a …" as self-contained', () => {
		expect(contextNeed('If the tax is not the same as the duty, the importer pays both.')).toBe(null);
		expect(contextNeed('The ministry allocated each town the same amount of fuel for 1975 that it had used in 1973.')).toBe(null);
		expect(contextNeed('The strikers asked for the same pay rise for everyone.')).toBe(null);
		expect(contextNeed('Two inputs of the same size can take different times.')).toBe(null);
		expect(contextNeed('Radar maps the sea floor in the same way a bat finds its prey.')).toBe(null);
	});

	it('still reads a "same" that points back as a back reference', () => {
		expect(contextNeed('The same principle applies to breaches of international law.')).toBe('back reference');
		expect(contextNeed('Along the same lines, the court struck down the second law.')).toBe('back reference');
		expect(contextNeed('The same is true for the northern valleys.')).toBe('back reference');
	});
});

describe('the position feature reads the sentence as written (session 19)', () => {
	it('places an answer of a reordered view where it stands in the original sentence', () => {
		const text = 'In the late 17th century, Robert Boyle proved that air is necessary for combustion.';
		const model = buildModel('d', text);
		const fact = extractFacts(model).find((f) => f.answer === 'Robert Boyle' && f.question);
		// The question comes from the view with the adverbial moved to the end ("Robert Boyle proved … in the late 17th century.").
		expect(fact?.info.s.text).toBe('Robert Boyle proved that air is necessary for combustion in the late 17th century.');
		expect(fact ? factFeatures(fact, docStats(model.sentences)).position : null).toBe(text.indexOf('Robert Boyle') / (text.length - 'Robert Boyle'.length));
	});
});

describe('an amount with its conversion in brackets (session 19)', () => {
	it('asks the amount with the conversion left out of the stem, not no card at all', () => {
		const text = 'In 1974 a national maximum speed limit of 55 mph (about 88 km/h) was imposed across the whole country.';
		const deck = generateDeck([{ id: 'd', title: 'Fuel', text }], { now: NOW });
		expect(deck.cards.filter((c) => c.answer === '55 mph').map((c) => c.question)).toEqual(['In 1974 a national maximum speed limit of _____ was imposed across the whole country.']);
		// The conversion itself is never the blank's neighbour in any stem.
		expect(deck.cards.filter((c) => /_{5}\s*\(about/.test(c.question))).toEqual([]);
	});
});

describe('a link to the sentence before that holds a demonstrative (session 19)', () => {
	it('drops "Because of this,", "For this reason", "In this way," and the like when the clause after them stands alone', () => {
		expect(tidy('Because of this, Ethelred fled to Normandy in 1013.')).toBe('Ethelred fled to Normandy in 1013.');
		expect(tidy('For this reason many churches in the south preserve works from France.')).toBe('Many churches in the south preserve works from France.');
		expect(tidy('In this way, the glacier carved a deep valley into the plateau.')).toBe('The glacier carved a deep valley into the plateau.');
		expect(contextNeed(tidy('Despite this, the council approved the budget in May.'))).toBe(null);
	});
});

/** The cards of a one-document deck made from `text` (thirteenth-pass tests). */
const textCards = (text: string): Card[] => generateDeck([{ id: 'd', title: 'T', text }], { now: '2026-01-01T00:00:00Z', seed: 's' }).cards;

describe('shares and fractions written in words (thirteenth pass)', () => {
	const amounts = (text: string) => findMentions(text, tokenize(text), new Set()).filter((m) => m.kind === 'number').map((m) => m.text);

	it('reads a share written in words, a range of them and a fraction as one amount', () => {
		expect(amounts('Fishing makes up six to nine percent of the output of the coastal towns.')).toEqual(['six to nine percent']);
		expect(amounts('The port handles about twenty-five per cent of the grain trade.')).toEqual(['twenty-five per cent']);
		expect(amounts('Farming employs two thirds of the workforce in the valley.')).toEqual(['two thirds']);
		expect(amounts('A quarter of the land lies below sea level.')).toEqual(['A quarter']);
		expect(amounts('Three quarters of the vote went to the mayor.')).toEqual(['Three quarters']);
	});

	it('leaves an ordinal and a count alone', () => {
		expect(amounts('A third group of monks settled in the valley.')).toEqual([]);
		expect(amounts('The survey visited three towns in the valley.')).toEqual(['three']);
	});

	it('never blanks the number of a fraction without its parts', () => {
		const cards = textCards('Farming employs two thirds of the workforce in most rural districts. Rural districts export wheat and barley to the coast.');
		expect(cards.filter((c) => c.answer === 'two').map((c) => c.question)).toEqual([]);
		expect(cards.filter((c) => c.answer === 'two thirds').map((c) => c.question)).toEqual(['Farming employs _____ of the workforce in most rural districts.']);
	});
});

describe('a range of centuries written with a dash (thirteenth pass)', () => {
	it('reads "15th–17th centuries" whole, as it reads "12th to 13th centuries"', () => {
		const dates = (text: string) => findMentions(text, tokenize(text), new Set()).filter((m) => m.kind === 'date').map((m) => m.text);
		expect(dates('The word was used from the 15th–17th centuries in the trade.')).toEqual(['15th–17th centuries']);
		expect(dates('The abbey dates from the fifth-sixth centuries.')).toEqual(['fifth-sixth centuries']);
		expect(dates('It was built in the 12th to 13th centuries.')).toEqual(['12th to 13th centuries']);
	});
});

describe('phrases and questions found judging held-out articles (thirteenth pass)', () => {
	it('reads "of" and a bare noun after an "of" phrase as part of it ("a conflict of interest")', () => {
		const cards = textCards('The judges feared the danger of a conflict of interest in the smaller courts. The smaller courts heard most of the cases in the province.');
		expect(cards.filter((c) => c.answer === 'danger of a conflict').map((c) => c.question)).toEqual([]);
		expect(cards.filter((c) => c.answer === 'danger of a conflict of interest').map((c) => c.question)).toEqual(['What did the judges fear in the smaller courts?', 'The judges feared the _____ in the smaller courts.']);
	});

	it('asks no "What is …?" whose answer is a relation such as "the reason for X" or "the trend in X"', () => {
		const cards = textCards('The main reason for the new rule is the danger of fraud among the local traders. The modern trend in farming is toward larger and fewer holdings in the hills.');
		expect(cards.filter((c) => c.type === 'basic' && /^(?:main reason|modern trend)/.test(c.answer)).map((c) => c.question)).toEqual([]);
	});
});

describe('more defects found judging held-out articles (thirteenth pass)', () => {
	it('refuses a count whose members the copula then lists ("The _____ symbols … are the oven and the peel")', () => {
		expect(countsList('The _____ symbols most commonly associated with baking are the oven and the peel, which is carved from ash.', 'two')).toBe(true);
		expect(countsList('The _____ districts include the Marsh, the Weald and the Downs.', 'three')).toBe(true);
		expect(countsList('The _____ districts include the Marsh, the Weald and the Downs.', 'two')).toBe(false);
	});

	it('asks no object question that leaves the object\'s own complement behind ("involve … into harvests")', () => {
		const cards = textCards('In the modern world, farming usually involves the translation of plans into harvests. Harvests in the north depend on the rain in spring.');
		expect(cards.filter((c) => c.type === 'basic' && c.answer === 'translation of plans').map((c) => c.question)).toEqual([]);
	});

	it('never blanks a phrase without the participle that modifies it ("built _____" of "built environment industry")', () => {
		const cards = textCards('The survey covered the built environment industry in the north. The north has the largest firms of the industry.');
		expect(textCards('The classes depend on the chosen machine model in every case. The model is a Turing machine with one tape.').filter((c) => /machine model/.test(c.answer)).map((c) => c.answer)).toEqual(['chosen machine model']);
		expect(cards.filter((c) => c.answer === 'built environment industry').map((c) => c.question)).toEqual(['What did the survey cover in the north?', 'The survey covered the _____ in the north.']);
		expect(cards.filter((c) => c.answer === 'environment industry').map((c) => c.question)).toEqual([]);
	});
});

describe('a participle after the subject runs into a copula (thirteenth pass)', () => {
	it('asks no subject question on "The two symbols most commonly associated with X are …"', () => {
		const cards = textCards('The two symbols most commonly associated with baking in English-speaking countries are the oven and the peel (pala) character, which is often written as "P" in typed text. Bakers in rural districts still use both every day.');
		expect(cards.filter((c) => c.type === 'basic' && /associated/.test(c.question)).map((c) => c.question)).toEqual([]);
	});
});

describe('a reported clause after "states that" (thirteenth pass)', () => {
	it('reads "X states that …" with the reported clause\'s own verbs: "states" is the verb, never part of an answer', () => {
		const c = analyse("Hooke's First Law of Elasticity states that a spring stretches in proportion to the load until it breaks.");
		expect(c.subject?.text).toBe("Hooke's First Law of Elasticity");
		expect(c.tokens[c.verb ?? -1]?.text).toBe('states');
		const cards = textCards("Hooke's First Law of Elasticity states that a spring stretches in proportion to the load until it breaks. Springs in clocks obey the rule.");
		expect(cards.filter((c) => /\bstates$/.test(c.answer)).map((c) => c.answer)).toEqual([]);
	});
});

describe('give-aways and cut phrases found judging held-out articles, second look (thirteenth pass)', () => {
	it('refuses a term whose own word, in another form, stands in the stem ("constructing" for "Construction")', () => {
		const cards = textCards('Navigation is the process of navigating a ship or an aircraft across open water. Navigation depends on maps, stars and instruments.');
		expect(cards.filter((c) => c.type === 'basic' && c.answer === 'Navigation').map((c) => c.question)).toEqual([]);
	});

	it('never blanks a phrase without the participle that a coordination of modifiers shares ("the farming and built _____")', () => {
		const cards = textCards('The survey covered the farming and built environment sectors in the north. The north holds most of the firms in both sectors.');
		expect(cards.filter((c) => c.answer === 'environment sectors').map((c) => c.question)).toEqual([]);
	});
});

describe('a concept cut from a name (thirteenth pass)', () => {
	it('never blanks the end of a capitalised run without its start ("Freely Elected _____ — Farmers Union members")', () => {
		const cards = textCards('Freely Elected Farmers Union members have sometimes handed out leaflets inside markets despite warnings. The markets stayed open during the protest.');
		expect(cards.filter((c) => c.question.startsWith('Freely Elected _____')).map((c) => c.answer)).toEqual([]);
	});
});

describe('"do" agrees with a wh-word subject (thirteenth pass)', () => {
	it('asks "What does not change …?", not "What do not change …?"', () => {
		const cards = textCards('The laws of physics do not change from one moving vehicle to the next vehicle. Vehicles in motion still obey those laws.');
		expect(cards.filter((c) => c.type === 'basic' && c.answer === 'laws of physics').map((c) => c.question)).toEqual(['What does not change from one moving vehicle to the next vehicle?']);
	});
});

describe('"What is <name>?" (thirteenth pass)', () => {
	it('asks no "What is X?" of a bare name: a place or a body has many descriptions, the question has no one answer', () => {
		const cards = textCards('Borduria is a presidential representative democratic republic. Borduria has a long coastline on the northern sea. The capital of Borduria is Szohôd.');
		expect(cards.filter((c) => c.answer === 'presidential representative democratic republic').map((c) => c.question)).toEqual([]);
		expect(cards.filter((c) => c.answer === 'Borduria').map((c) => c.question)).toContain('_____ is a presidential representative democratic republic.');
	});
});

describe('an absolute phrase after the predicate (thirteenth pass)', () => {
	it('ends a subject question before ", with X doing …"', () => {
		const cards = textCards('The vast majority of islanders are Catholic (83%), with 47.7% regarding themselves as devout and 23.5% as lapsed. The island has two cathedrals.');
		expect(cards.filter((c) => c.type === 'basic' && /, with/.test(c.question)).map((c) => c.question)).toEqual([]);
		expect(cards.filter((c) => c.answer === 'Catholic').map((c) => c.question)).toEqual(['The vast majority of islanders are _____, with 47.7% regarding themselves as devout and 23.5% as lapsed.']);
	});
});

describe('the wh-word of a polity (thirteenth pass)', () => {
	it('asks "Which empire …?" of an empire, not "Which place …?"', () => {
		const cards = textCards('The Borduran Empire was a trading state that lasted from 1299 to 1923. The Borduran Empire fought many wars with its neighbours.');
		expect(cards.filter((c) => c.type === 'basic' && c.answer === 'Borduran Empire').map((c) => c.question)).toEqual(['Which empire was a trading state that lasted from 1299 to 1923?']);
	});
});

describe('a second predicate read as a modifier (thirteenth pass)', () => {
	it('never takes ", and involved colonies" for a noun phrase: "involved" is the verb of a second predicate', () => {
		const cards = textCards('The First Borduran Empire was based on trade, and involved colonies and holdings primarily in the south and the east. Its colonies were lost in a later war.');
		expect(cards.filter((c) => c.answer === 'involved colonies').map((c) => c.question)).toEqual([]);
	});
});

describe('held-out articles, third look (thirteenth pass)', () => {
	it('refuses a count whose members an apposition after the counted noun lists', () => {
		expect(countsList('Modern ovens can be divided into _____ main classes, gas (or "town") and electric ovens.', 'two')).toBe(true);
		expect(countsList('Modern ovens can be divided into _____ main classes, which differ in fuel.', 'two')).toBe(false);
	});

	it('ends a subject question before ", in other words …"', () => {
		const cards = textCards('Growth of the young shoots is direct, in other words there is no resting stage, and seedlings of all kinds resemble small adult plants. The plants flower in spring.');
		expect(cards.filter((c) => c.type === 'basic' && /in other words/.test(c.question)).map((c) => c.question)).toEqual([]);
	});

	it('asks no "Which eight …?" of a thing named with its count ("eight comb rows, called swimming-plates")', () => {
		const cards = textCards('The outer shell bears usually eight ridges, called sailing-fins, which are used for steering. The ridges run from the mouth to the tail.');
		expect(cards.filter((c) => c.type === 'basic' && /^Which eight/.test(c.question)).map((c) => c.question)).toEqual([]);
	});
});

describe('a subject question cut on an adjective (thirteenth pass)', () => {
	it('asks nothing that ends on the adjective of a coordination cut short ("What has only a few natural?")', () => {
		const cards = textCards('The plain moraine plateau has only a few natural and artificial ponds and also groups of clay pits. The plateau is flat and dry.');
		expect(cards.filter((c) => c.type === 'basic' && /natural\?$/.test(c.question)).map((c) => c.question)).toEqual([]);
	});

	it('reads "X dates back to …" after a subject with its own complement ("The first historical reference to Borduria")', () => {
		const cards = textCards('The first historical reference to Borduria dates back to the year 1313, at a time when Szohod served as the capital city. Borduria grew after 1400.');
		expect(cards.filter((c) => /dates$/.test(c.answer)).map((c) => c.answer)).toEqual([]);
	});
});

describe('defects the precision ranking brought into the top 25s (thirteenth pass, lead)', () => {
	it('reads no "Whatever" at the start of a quotation as part of a name', () => {
		const text = 'Ann Lee warns that "Whatever Track II\'s value as a forum, what matters is what the governments say" in the end.';
		expect(findMentions(text, tokenize(text), new Set(), new Set(['ann', 'lee', 'track'])).map((m) => m.text)).toEqual(['Ann Lee', 'Track II']);
	});

	it('refuses a blank glued by a dash to the rest of its compound ("the _____–Paleogene extinction event")', () => {
		const cards = textCards('The climate may have allowed the forest to spread across the continent following the Cretaceous–Paleogene extinction event. The forest covers most of the basin today.');
		expect(cards.filter((c) => c.answer === 'Cretaceous').map((c) => c.question)).toEqual([]);
	});
});

describe('judged unseen articles (thirteenth pass, judge2)', () => {
	it('reads ", <role> <Name>" in a list of people as the next member, never as the role of the name before it', () => {
		const cards = textCards('Notable graduates include the novelist Anna Vrba, Mayor of Szohod Karel Denk, Governor of the Borduran Bank Petra Holm, and the founder of Vrba & Co., Jan Vrba. The school was founded in 1890.');
		expect(cards.filter((c) => c.type === 'basic' && /^Who (is|was) /.test(c.question)).map((c) => `${c.question} — ${c.answer}`)).toEqual([
			'Who is the Mayor of Szohod? — Karel Denk',
			'Who is the Governor of the Borduran Bank? — Petra Holm'
		]);
	});

	it('keeps a real appositive role', () => {
		const cards = textCards('Karel Denk, Mayor of Szohod, opened the new harbour in 1990. The harbour was built in two years.');
		expect(cards.filter((c) => c.type === 'basic' && c.answer === 'Karel Denk').map((c) => c.question)).toContain('Who is the Mayor of Szohod?');
	});

	it('ends a sum of money before the comma that follows it ("$38,000, with …")', () => {
		const cards = textCards('For the 2010 school year the annual fee was $38,000, with a total cost of $57,000. The fee rose in 2012.');
		expect([...new Set(cards.filter((c) => /^\$38/.test(c.answer)).map((c) => c.answer))]).toEqual(['$38,000']);
		expect(cards.filter((c) => c.answer === '$38,000').map((c) => c.question)).toContain('For the 2010 school year the annual fee was _____, with a total cost of $57,000.');
	});

	it('reads the base-form verb after a plural subject that opens with "Mean" or with a participle coordinated with an adjective', () => {
		const verbOf = (text: string, word: string) => analyse(text).tokens.find((t) => t.lower === word)?.pos;
		expect(verbOf('Mean weekly water levels range from 2 m in August to 6 m in April.', 'range')).toBe('VERB');
		expect(verbOf('Privately funded and charitable hospitals form a small part of the health system.', 'form')).toBe('VERB');
		expect(verbOf('The newly built houses stand on the old harbour wall.', 'stand')).toBe('VERB');
		const cards = textCards('Mean weekly water levels range from 2 m in August to 6 m in April. Privately funded and charitable hospitals form a small part of the health system. The river floods in spring.');
		expect(cards.filter((c) => /\b(range|form)$/.test(c.answer)).map((c) => c.answer)).toEqual([]);
	});

	it('takes no name the text writes after "the" for a person ("in the Northern Provinces", "the Northern Provinces said")', () => {
		const text = 'Borland is the largest city by area in the contiguous Northern Provinces. In 1821 the Northern Provinces said they would buy the island. Borland is the third largest port in the Northern Provinces. Karel Denk founded Borland in 1790. Karel Denk said the port would grow.';
		const model = buildModel('d', text);
		expect(model.entities.get('northern provinces')?.kind).toBe('place');
		expect(model.entities.get('karel denk')?.kind).toBe('person');
	});

	it('reads no person with a title in a book\'s name ("the King Edmund Bible" is no King called "Edmund Bible")', () => {
		const model = buildModel('d', 'The Borduran Bible influenced other translations, such as the King Edmund Bible of 1611. Karel Denk said that he printed the King Edmund Bible in Szohod.');
		expect([...model.entities.values()].filter((e) => e.kind === 'person').map((e) => e.text)).toEqual(['Karel Denk']);
	});

	it('reads no year in a street number or in a count listed with other counts', () => {
		const kindOf = (text: string, at: string) => findMentions(text, tokenize(text), new Set()).find((m) => m.text === at)?.kind;
		expect(kindOf('The museum holds about 900 British and 250 Dutch paintings, 4800 drawings and 1500 miniatures.', '1500')).toBe('number');
		expect(kindOf('The company moved to a tower at 1250 Avenue of the Pines in 1961.', '1250')).toBeUndefined();
		expect(kindOf('The company moved to a tower at 1250 Avenue of the Pines in 1961.', '1961')).toBe('year');
		expect(kindOf('The 1990 elections and the 1994 elections were held in spring.', '1994')).toBe('year');
	});

	it('reads ", <role> and <more of the role> <Name>" in a list of people as the next member too, and a title of a place before a full name', () => {
		const cards = textCards('Notable faculty include the historian Anna Vrba, noted economist Steven Denk, current governor of the central bank Petra Holm, Mayor of Szohod and 2016 Presidential Candidate Robert Novak, Prime Minister of Borduria William Henry Szabo, Prime Minister of Borduria William Lyon Szabo King, and the poet Eva Brun. The school was founded in 1890.');
		expect(cards.filter((c) => c.type === 'basic' && /^Who (is|was) /.test(c.question)).map((c) => `${c.question} — ${c.answer}`)).toEqual(['Who is the Prime Minister of Borduria? — William Henry Szabo']);
	});

	it('does not cut a sentence at a colon whose list a preposition or "including" before it needs', () => {
		const text = 'The collection of drawings includes over 900 Borduran and 300 old master works, including works by: Anna Vrba, Karel Denk, Petra Holm, Jan Novak, Eva Brun, Tomas Kral, Ivan Sykora, Olga Benes, Pavel Cerny, Marta Dvorak, Lukas Zeman and Hana Ruzicka.';
		expect(clauseAround(text, '900')).toBe('The collection of drawings includes over 900 Borduran and 300 old master works.');
		const won = 'The Szohod prize for young painters and sculptors of the northern provinces was won in its first twenty years by: Anna Vrba, Karel Denk, Petra Holm, Jan Novak, Eva Brun, Tomas Kral, Ivan Sykora and Olga Benes.';
		expect(clauseAround(won, 'twenty years')).toBe(won);
		const longer = text.replace('Lukas Zeman and', 'Lukas Zeman, Jiri Mach, Vera Linhart, Milan Hora, Dana Kopp, Emil Frank, Ota Suk, Rudolf Berg, Jan Kral, Petr Holub, Adam Vesely, Ludmila Hana Novotna, Karel Jan Vrba, Sir Petr Jan Ruzicka and');
		const cards = textCards(`${longer} The drawings are kept in the north wing.`);
		expect(cards.filter((c) => /including works by\.|by\.$/.test(c.question)).map((c) => c.question)).toEqual([]);
		expect(cards.filter((c) => c.answer === '300').map((c) => c.question)).toContain('The collection of drawings includes over 900 Borduran and _____ old master works.');
		const kept = 'The collection of drawings includes over 900 Borduran and 300 old master works from every period of the school: Anna Vrba, Karel Denk, Petra Holm, Jan Novak, Eva Brun, Tomas Kral, Ivan Sykora, Olga Benes, Pavel Cerny, Marta Dvorak and Lukas Zeman are among them.';
		expect(clauseAround(kept, '900')).toBe('The collection of drawings includes over 900 Borduran and 300 old master works from every period of the school.');
	});

	it('asks "Who" of people named by their relation to someone ("his colleagues", "her followers")', () => {
		const cards = textCards('The old abbot and his colleagues introduced the new order of worship during their visit to the northern parishes, which began in 1527. The order was used for a century.');
		expect(cards.filter((c) => c.type === 'basic' && c.answer === 'old abbot and his colleagues').map((c) => c.question)).toEqual(['Who introduced the new order of worship during their visit to the northern parishes, which began in 1527?']);
	});
});

describe('judged train articles (fourteenth pass, judge3)', () => {
	it('does not cut a sentence at the colon inside a title ("Starpower: Borduria")', () => {
		const game = 'The release of a board game called Starpower: Borduria was cancelled after the studio pulled out of a deal with a toy maker who alleged the cancellation meant the sacking of 70 staff and millions lost.';
		expect(clauseAround(game, '70')).toBe(game);
		const quoted = 'In his last letter from the island the old painter complained about his health and the doctors in Szohod: "Three doctors have visited me and the first said I was dead and the second said I was dying."';
		expect(clauseAround(quoted, 'Szohod')).toBe('In his last letter from the island the old painter complained about his health and the doctors in Szohod.');
		const labelled = 'The Vrba (Borduran: Vrbe, Szohodian: Vrbeh) is a long river that begins in the northern mountains, forms part of the western border and then flows through the plain and eventually empties into the sea in the south of the country near Szohod.';
		expect([labelled, game, quoted].map((t) => titleColon(t, t.indexOf(':')))).toEqual([false, true, false]);
		const long = 'The release of a board game called Starpower: Borduria was cancelled in 2009 after the studio pulled out of a large deal with the toy maker Denk Toys, who alleged in a long letter to the national press that the cancellation meant the sacking of 70 staff at its factory in the northern provinces and the loss of millions of crowns spent in the development of the game and its many pieces.';
		expect(textCards(`${long} The game was made of wood.`).filter((c) => /called (_____|Starpower)\.$|^What called/.test(c.question)).map((c) => c.question)).toEqual([]);
	});

	it('does not end a sentence at "Fr." (Father) before a name', () => {
		const text = 'A science hall was built in 1883 under the direction of Fr. Anton Brun, the college president. The hall burned in 1901.';
		expect(segment('d', text).map((x) => x.text)).toEqual(['A science hall was built in 1883 under the direction of Fr. Anton Brun, the college president.', 'The hall burned in 1901.']);
	});

	it('reads "the song", "the industry", "the sector" and "the field" as pointing back to one the page named', () => {
		expect(contextNeed('The song was released as a digital download on _____.')).toBe('back reference');
		expect(contextNeed('The industry employed _____ people in the northern provinces by 1990.')).toBe('back reference');
		expect(contextNeed('In _____, the sector grew faster than any other part of the economy.')).toBe('back reference');
		expect(contextNeed('The field was founded by _____ in the early years of the century.')).toBe('back reference');
		expect(contextNeed('The steel industry employed _____ people in the northern provinces by 1990.')).toBeNull();
		expect(contextNeed('The song "Borduran Nights" was released as a digital download on _____.')).toBeNull();
	});

	it('offers no share above 100 % for a share, and no year later than the reading\'s latest', () => {
		expect(pickDistractors('80%', 'number', new Map([['number', ['20%']]]), [], 4, 's').sort()).toEqual(['20%', '32%', '48%', '56%']);
		const years: Candidates = new Map([['year', ['1998', '2004', '2011', '2014']]]);
		expect(pickDistractors('2015-2016', 'year', years, [], 4, 's').sort()).toEqual(['1985-1986', '1995-1996', '2005-2006']);
		expect(pickDistractors('2016', 'year', years, [], 6, 's').sort()).toEqual(['2004', '2007', '2011', '2013', '2014', '2015']);
	});

	it('keeps "of the <Name>" in an appositive role ("Professor of History and Director of the Szohod Institute")', () => {
		const text = 'Anna Vrba, Professor of History and Director of the Szohod Studies Institute under the Borduran Academy in Vienna, writes that the old court gave new positions to the northern leaders. The court met in 1390.';
		expect(textCards(text).filter((c) => c.answer === 'Anna Vrba' && /^Who /.test(c.question)).map((c) => c.question)).toEqual(['Who is the Professor of History and Director of the Szohod Studies Institute?']);
	});

	it('asks no role of a title that ends in a form of address ("Holy Cross Father", "Notre Dame")', () => {
		const text = 'Holy Cross Father John Brun was elected vice-president in 1933 and president of the college in 1934. One of the main driving forces in the growth of the college was its football team, the Notre Dame Fighting Irish. Under Territorial Governor Karel Denk, the settlers held a convention in 1866.';
		expect(textCards(text).filter((c) => c.type === 'basic' && /^Who is the /.test(c.question)).map((c) => `${c.question} — ${c.answer}`)).toEqual(['Who is the Territorial Governor? — Karel Denk']);
	});

	it('asks "Who" of a compound that ends in children, women or people ("schoolchildren", "townspeople")', () => {
		const cards = textCards('The townspeople of Szohod built the old bridge over the river in 1720. The river is long.');
		expect(cards.filter((c) => c.type === 'basic' && c.answer === 'townspeople of Szohod').map((c) => c.question)).toEqual(['Who built the old bridge over the river in 1720?']);
		expect(whFor(analyse('Borduran schoolchildren chose the state bird.').tokens.find((t) => t.lower === 'schoolchildren'))).toBe('Who');
		expect(whFor(analyse('The children chose the state bird.').tokens.find((t) => t.lower === 'children'))).toBe('Who');
	});

	it('does not take a common word that opens the sentence into the name after it ("Prior Borduria games", "Transferring GameBox")', () => {
		const text = 'Prior Borduria games have employed a theme of two separate worlds. Transferring GameBox development to the new console was simple. The GameBox was sold in Borduria from 2001.';
		const names = (sentence: string) => findMentions(sentence, tokenize(sentence), new Set(), new Set(['borduria', 'gamebox']), new Set(['borduria', 'gamebox'])).filter((m) => m.kind === 'name').map((m) => m.text);
		expect(names('Prior Borduria games have employed a theme of two separate worlds.')).toEqual(['Borduria']);
		expect(names('Transferring GameBox development to the new console was simple.')).toEqual(['GameBox']);
		expect(names('Pavel Cerny designed the first Borduria games.')).toEqual(['Pavel Cerny', 'Borduria']);
		expect(textCards(text).filter((c) => /^(Prior|Transferring) /.test(c.answer)).map((c) => c.answer)).toEqual([]);
	});

	it('ends a subject question before ", however," and the clause it links', () => {
		const cards = textCards('The Borduran School of Mining was established in 1920, however, early courses in mining and mechanical engineering were a part of the Szohod College since the 1870s. The school is large.');
		expect(cards.filter((c) => c.type === 'basic' && c.answer === 'Borduran School of Mining').map((c) => c.question)).toEqual(['Which organisation was established in 1920?']);
		expect(tidy('The Borduran School of Mining was established in 1920, however, early courses were given in 1870.')).toBe('The Borduran School of Mining was established in 1920; early courses were given in 1870.');
		expect(tidy('The old school, however, was established in 1920.')).toBe('The old school was established in 1920.');
	});

	it('asks "Who" of a titled person an appositive defines ("the Borduran prince Vasil, a grandson of …")', () => {
		const facts = extractFacts(buildModel('d', 'The Borduran prince Vasil, a grandson of Karel the Great, raided as far as Szohod. The raid was in 1240.'));
		expect(facts.filter((f) => f.answer === 'a grandson of Karel the Great').map((f) => f.question)).toEqual(['Who is the Borduran prince Vasil?']);
	});

	it('asks no "What is <amount>?" and no object that a comparative with "than" cuts ("What does X have … than …? — larger …")', () => {
		const facts = extractFacts(buildModel('d', 'Average annual rainfall in the valley is 15 inches (380 mm), but great variations are seen. The province of Borduria has a larger native population numerically and percentage-wise than most other provinces. The valley is dry.'));
		expect(facts.filter((f) => f.question && /^What (is 15|does the province of Borduria have)/.test(f.question)).map((f) => f.question)).toEqual([]);
		expect(facts.filter((f) => f.answer === 'province of Borduria').map((f) => f.question)).toEqual(['What has a larger native population numerically and percentage-wise than most other provinces?']);
	});

	it('keeps a surname\'s particle: "Van Vrba states …" is about Van Vrba, and "Michael van Vrba" keeps its capital in a question', () => {
		const facts = extractFacts(buildModel('d', 'Van Vrba states that the old court sent delegations to the north merely to secure horses. Michael van Vrba wrote a long book about the court. The court was rich.'));
		expect(facts.filter((f) => /Vrba$/.test(f.answer)).map((f) => f.answer).sort()).toEqual(['Michael van Vrba', 'Van Vrba']);
		expect(facts.filter((f) => f.answer === 'long book').map((f) => f.question)).toEqual(['What did Michael van Vrba write about the court?']);
	});

	it('does not blank a name whose head word the stem\'s copula says ("The _____ is a chapter of …" — Northern Chapter)', () => {
		const cards = textCards('The Northern Chapter is a chapter of the 1997 Treaty of Szohod which set out the social policy of the union. The union grew in 1999. The Northern Chapter was signed by nine states.');
		expect(cards.filter((c) => c.answer === 'Northern Chapter').map((c) => c.question)).toEqual(['The _____ was signed by nine states.']);
	});

	it('reads no person in a month after a preposition ("In April, …, he left …" points outside the stem)', () => {
		expect(contextNeed('In April, during the Revolution of _____ in Szohod, he left for the capital, where he gave several concerts.')).toBe('pronoun');
		expect(contextNeed('In April, during the Revolution of _____ in Szohod, Anna Vrba left for the capital, where she gave several concerts.')).toBeNull();
		expect(contextNeed('In April, after the death of Anna, he left for the capital.')).toBeNull();
		expect(contextNeed('In 1836, at a party in Szohod, Vrba met the author who became his wife in _____.')).toBeNull();
		expect(contextNeed('After the old king died in _____, his son took the throne.')).toBeNull();
	});

	it('counts a counted member in the list a count announces ("_____ units—ten faculties and the Szohod Institute" is eleven)', () => {
		expect(countsList('The university is organized into _____ separate academic units—ten faculties and the Szohod Institute for Advanced Study.', 'eleven')).toBe(true);
		expect(countsList('The river has _____ branches, two canals and the old harbour arm.', '3')).toBe(true);
		expect(countsList('The university is organized into _____ separate academic units—ten faculties and the Szohod Institute for Advanced Study.', 'twelve')).toBe(false);
		expect(countsList('The university is organized into eleven separate academic units—_____ faculties and the Szohod Institute for Advanced Study—with campuses in the city.', 'ten')).toBe(true);
		expect(countsList('The university is organized into twelve separate academic units—_____ faculties and the Szohod Institute for Advanced Study—with campuses in the city.', 'ten')).toBe(false);
	});
});

describe('a quantifier standing for the page\'s noun (fourteenth pass, lead)', () => {
	it('reads "the rest", "the majority", "a large number", "most", "both" before a verb as a back reference', () => {
		expect(contextNeed('The rest were sold to collectors.')).toBe('back reference');
		expect(contextNeed('The majority voted against the plan.')).toBe('back reference');
		expect(contextNeed('What are a large number made by?')).toBe('back reference');
		expect(contextNeed('Most were destroyed in the fire of 1666.')).toBe('back reference');
		expect(contextNeed('Both have a strong hull.')).toBe('back reference');
	});

	it('leaves the phrase alone where it names what it counts', () => {
		expect(contextNeed('The majority of members voted against the plan.')).toBe(null);
		expect(contextNeed('A large number of accessories are made by third-party companies.')).toBe(null);
		expect(contextNeed('Most bridges were destroyed in the fire of 1666.')).toBe(null);
		expect(contextNeed('Both ships have a strong hull.')).toBe(null);
	});
});

describe('throughput headroom: the same output by a shorter road (fifteenth pass)', () => {
	it('tags a sentence from whole columns as it did token by token (nlp.ts tag)', () => {
		const rows = (text: string) => tag(text).map((t) => [t.text, t.pos, t.lemma, t.start, t.end]);
		expect(rows('The rivers were analysed by two geologists in 1990.')).toEqual([
			['The', 'DET', 'the', 0, 3],
			['rivers', 'NOUN', 'river', 4, 10],
			['were', 'AUX', 'be', 11, 15],
			['analysed', 'VERB', 'analyze', 16, 24],
			['by', 'ADP', 'by', 25, 27],
			['two', 'NUM', 'two', 28, 31],
			['geologists', 'NOUN', 'geologist', 32, 42],
			['in', 'ADP', 'in', 43, 45],
			['1990', 'NUM', '1990', 46, 50],
			['.', 'PUNCT', '.', 50, 51]
		]);
		// A contraction splits into two tokens whose lemmas the model keeps apart; a double space moves the offsets.
		expect(rows("Telenet's founders  didn't sell it—they kept it.")).toEqual([
			['Telenet', 'PROPN', 'telenet', 0, 7],
			["'s", 'PART', "'s", 7, 9],
			['founders', 'NOUN', 'founder', 10, 18],
			['did', 'AUX', 'do', 20, 23],
			["n't", 'PART', 'not', 23, 26],
			['sell', 'VERB', 'sell', 27, 31],
			['it', 'PRON', 'it', 32, 34],
			['—', 'PUNCT', '—', 34, 35],
			['they', 'PRON', 'they', 35, 39],
			['kept', 'VERB', 'keep', 40, 44],
			['it', 'PRON', 'it', 45, 47],
			['.', 'PUNCT', '.', 47, 48]
		]);
	});

	it('tidies each sentence as before however often it is asked (clause.ts tidy memo)', () => {
		const cases: [string, string][] = [
			['However, the river floods every spring.', 'The river floods every spring.'],
			['However, the river floods every spring and autumn.', 'The river floods every spring and autumn.'],
			['The river, however, floods every spring.²', 'The river floods every spring.'],
			['(3) The board met the rival mentioned above in secret.', 'The board met the rival in secret.'],
			['The Normans subsequently adopted the language.', 'The Normans adopted the language.']
		];
		for (const [text, tidied] of cases) expect(tidy(text)).toBe(tidied);
		// Asked again after more sentences than the memo keeps, and again at once: the same text each time.
		for (let i = 0; i < 100; i++) tidy(`Sentence number ${i} is here.`);
		for (const [text, tidied] of [...cases, ...cases]) expect(tidy(text)).toBe(tidied);
	});

	it('cuts the first clause and reads a stem\'s context as before (context.ts firstClause, contextNeed prechecks)', () => {
		// A comma ending the eighth word or later cuts the clause, its spaces made single; an earlier one does not.
		expect(firstClause('One two three four five six seven eight, nine ten eleven.')).toBe('One two three four five six seven eight,');
		expect(firstClause('One two three four five six seven, eight nine ten eleven.')).toBe('One two three four five six seven, eight nine ten eleven.');
		expect(firstClause('One  two three four five six seven\neight, nine.')).toBe('One two three four five six seven eight,');
		expect(firstClause('True or false: The river  rises in the Alps and flows north through six countries, then west.')).toBe('The river rises in the Alps and flows north through six countries,');
		expect(firstClause('The river rises in the Alps; it flows north.')).toBe('The river rises in the Alps');
		expect(firstClause('A comma,in a word is no break, nor is a short clause.')).toBe('A comma,in a word is no break, nor is a short clause.');
		// "that" as a determiner after a preposition or opening the stem points back; "reported that" joins a clause.
		expect(contextNeed('In that year the river flooded the town.')).toBe('demonstrative');
		expect(contextNeed('That river flows north.')).toBe('demonstrative');
		expect(contextNeed('At that time, the king ruled the whole land of the Franks.')).toBe('demonstrative');
		expect(contextNeed('The committee reported that rainfall doubled.')).toBeNull();
	});

	it('picks the same distractors one at a time as after sorting the whole pool (distractors.ts nextBest)', () => {
		const orgs = ['Korea Society Track', 'Korea Society Fund', 'Korea Society Board', 'Korea Society Press', 'Korea Society Trust', 'Korea Society House', 'Korea Society Club', 'Korea Society Forum', 'Korea Society Union', 'Korea Society Guild', 'Asia Foundation', 'Pacific Council', 'Atlantic Council', 'Harbour Board', 'Stanley Foundation', 'Ford Foundation', 'Rand Corporation', 'Brookings Institution', 'Carnegie Endowment', 'Pulsar Ltd', 'Centros Ltd'];
		const numbers = ['12', '15', '1.5', '0.37', '4,000', '3,500', '1910–1940', '1940–1970', '20 km', '45 km', '7', '250'];
		const pool: Candidates = new Map([['org', orgs], ['number', numbers]]);
		// The "Korea Society" names alias one another: past the first, eight picks are read and the rest is sorted.
		expect(pickDistractors('Stanford Research Forum', 'org', pool, [], 4, 's1')).toEqual(['Korea Society Forum', 'Carnegie Endowment', 'Stanley Foundation', 'Brookings Institution']);
		expect(pickDistractors('Oxford Policy Group', 'org', pool, [], 4, 's2')).toEqual(['Korea Society Fund', 'Carnegie Endowment', 'Brookings Institution', 'Stanley Foundation']);
		expect(pickDistractors('Oxford Policy Group', 'org', pool, [], 4, 's3')).toEqual(['Korea Society Board', 'Atlantic Council', 'Stanley Foundation', 'Carnegie Endowment']);
		// A company takes companies; an amount takes amounts of its own form (unit, decimals, range).
		expect(pickDistractors('Acme Ltd', 'org', pool, [], 4, 's2')).toEqual(['Pulsar Ltd', 'Centros Ltd', 'Rand Corporation']);
		expect(pickDistractors('0.42', 'number', pool, [], 4, 's1')).toEqual(['0.25', '0.84', '0.55', '0.67']);
		expect(pickDistractors('1950–1980', 'number', pool, [], 4, 's2')).toEqual(['2040–2070', '1890–1920', '2010–2040', '1980–2010']);
		expect(pickDistractors('30 km', 'number', pool, [], 4, 's1')).toEqual(['20 km', '18 km', '60 km', '45 km']);
		expect(pickDistractors('5,000', 'number', pool, [], 4, 's2')).toEqual(['8,000', '3,500', '4,000', '6,500']);
	});

	it('finds the same mentions in a sentence without a digit as with every pattern tried (mentions.ts findMentions)', () => {
		const mentions = (text: string) => findMentions(text, tokenize(text), new Set()).map((m) => [m.text, m.kind, m.start]);
		expect(mentions('In the fifth century the town, founded in May, lost twenty percent of its two hundred soldiers.')).toEqual([
			['fifth century', 'date', 7],
			['May', 'date', 42],
			['twenty percent', 'number', 52],
			['two hundred', 'number', 74]
		]);
		expect(mentions('On 4 July 1776 the 13 colonies declared independence; by 1783 about 2,500 km of road and 36% of the land were theirs.')).toEqual([
			['4 July 1776', 'date', 3],
			['13', 'number', 19],
			['1783', 'year', 57],
			['2,500', 'number', 68],
			['36%', 'number', 89]
		]);
	});

	it('gives each fact its own feature vector, every feature in order (features.ts factFeatures)', () => {
		const model = buildModel('d', 'Ri Gun will meet Ambassador Sung Kim in New York in 2019. The talks in New York produced a joint statement on nuclear weapons.');
		const stats = docStats(model.sentences);
		const vectors = extractFacts(model).map((f) => [f.answer, factFeatures(f, stats)] as const);
		expect(vectors.map(([answer]) => answer)).toEqual(['Ri Gun', 'Sung Kim', 'New York', '2019', 'New York', 'talks in New York', 'joint statement', 'nuclear weapons']);
		for (const [, v] of vectors) expect(Object.keys(v)).toEqual([...FEATURES]);
		expect(vectors[0]?.[1]).toEqual({ cue: 0.52, question: 0, person: 0, org: 0, place: 0, name: 1, time: 0, number: 0, concept: 0, reason: 0, term: 0, rarity: 1, recurrence: 0, length: 0.2, subject: 1, object: 0, opening: 1, position: 0, given: 0, sentence: 0.3 });
		expect(vectors[1]?.[1]).toEqual({ cue: 0.7, question: 0, person: 1, org: 0, place: 0, name: 0, time: 0, number: 0, concept: 0, reason: 0, term: 0, rarity: 0.9144583904266215, recurrence: 0, length: 0.2, subject: 0, object: 0, opening: 1, position: 0.5714285714285714, given: 0, sentence: 0.3 });
		expect(vectors[7]?.[1]).toEqual({ cue: 0.5, question: 0, person: 0, org: 0, place: 0, name: 0, time: 0, number: 0, concept: 1, reason: 0, term: 0, rarity: 0.7998326537933199, recurrence: 0, length: 0.2, subject: 0, object: 0, opening: 0, position: 0.9811320754716981, given: 0, sentence: 0.3 });
	});

	it('tags as the full wink pipe did with only its tagger running: negation, dates, an e-mail, two sentences (nlp.ts nlp)', () => {
		const text = "He did not like the 5 km race on 4 July 2019 at 3 pm. It wasn't great, said john@example.com :)";
		expect(tag(text).map((t) => [t.text, t.pos, t.lemma])).toEqual([
			['He', 'PRON', 'he'], ['did', 'AUX', 'do'], ['not', 'PART', 'not'], ['like', 'VERB', 'like'], ['the', 'DET', 'the'],
			['5', 'NUM', '5'], ['km', 'NOUN', 'km'], ['race', 'NOUN', 'race'], ['on', 'ADP', 'on'], ['4', 'NUM', '4'],
			['July', 'PROPN', 'july'], ['2019', 'NUM', '2019'], ['at', 'ADP', 'at'], ['3', 'NUM', '3'], ['pm', 'NOUN', 'pm'],
			['.', 'PUNCT', '.'], ['It', 'PRON', 'it'], ['was', 'AUX', 'be'], ["n't", 'PART', 'not'], ['great', 'ADJ', 'great'],
			[',', 'PUNCT', ','], ['said', 'VERB', 'say'], ['john@example.com', 'SYM', 'john@example.com'], [':)', 'SYM', ':)']
		]);
	});

	it('makes cards for the same best facts when the facts are sorted once for the deck size and the cut (index.ts generateDeck)', () => {
		// 96 facts; five cards: cards are made for the best 5 × 2 + 40 facts only, so the sort decides the deck.
		const { title, text } = seed('talks');
		const deck = generateDeck([{ id: 'a', title, text }], { now: '2026-01-01T00:00:00Z', maxCards: 5 });
		expect(deck.cards.map((c) => [c.type, c.answer])).toEqual([
			['basic', 'Schwab'],
			['basic', 'Donald Zagoria'],
			['cloze', 'August 1'],
			['basic', 'Strategic patience'],
			// Was "Korea Society", asked of Donald Zagoria's sentence: in a deck of five, a second card of one paragraph
			// comes after another paragraph's best (sixteenth pass, cover: rank.ts's coverage term).
			['cloze', 'government officials']
		]);
	});
});

describe('judged top 25s under 90 % (fifteenth pass, judge4)', () => {
	it('counts a list the counted noun names with "of", a counted answer, and a total "comprising" its counted members', () => {
		expect(countsList('The old charter named "the _____ towns of Los Altos, Vrbno, Szohod, Orlan and Mesta in 1790."', 'five')).toBe(true);
		expect(countsList('The old charter named "the _____ towns of Los Altos, Vrbno, Szohod, Orlan and Mesta in 1790."', 'six')).toBe(false);
		expect(countsList('The _____ most often linked with the guild are the hammer and the anvil, which appear on its seal.', 'two symbols')).toBe(true);
		expect(countsList('The _____ most often linked with the guild are the hammer and the anvil, which appear on its seal.', 'three symbols')).toBe(false);
		expect(countsList('Training lasts 10 years comprising six years in the lower school and _____ years in the upper school or college.', 'four')).toBe(true);
		expect(countsList('Training lasts 10 years comprising six years in the lower school and _____ years in the upper school or college.', 'three')).toBe(false);
		expect(countsList('Training lasts _____ years comprising six years in the lower school and four years in the upper school.', '10')).toBe(true);
		expect(countsList('The works for piano, including the _____, are held by Vrba to be "vehicles for brilliant playing and extremely conservative".', 'two concertos')).toBe(false);
	});

	it('reads "the two" before a verb as a back reference ("The two travel to the hotel …" counts people the page named)', () => {
		expect(contextNeed('The two travel to the hotel and discover a secret room.')).toBe('back reference');
		expect(contextNeed('The two then discover a secret room in the mine.')).toBe('back reference');
		expect(contextNeed('Where do the three travel after the funeral?')).toBe('back reference');
		expect(contextNeed('The two largest towns are Vrbno and Szohod.')).toBe(null);
		expect(contextNeed('The two men travel to the hotel in Szohod.')).toBe(null);
		expect(contextNeed('The two main islands lie in the bay of Szohod.')).toBe(null);
		expect(contextNeed('The three party system ended in 1920.')).toBe(null);
		const cards = textCards('Anna Vrba meets the spy Karel Novak in Szohod. The two travel to the hotel and discover a secret room where they find maps of the Szohod mine. The Szohod mine was closed in 1920.');
		expect(cards.filter((c) => /two travel|hotel/.test(c.question + ' ' + c.answer)).map((c) => c.answer)).toEqual([]);
	});

	it('reads an ordinal "Century" before a capitalised word as one name ("20th Century Fox"), a century otherwise', () => {
		const mentions = (text: string) => findMentions(text, tokenize(text), new Set()).map((m) => `${m.kind}:${m.text}`);
		expect(mentions('20th Century Fox, Lionsgate and Paramount Pictures paid for trailers.')).toEqual(['name:20th Century Fox', 'name:Lionsgate', 'name:Paramount Pictures']);
		expect(mentions('The studio was sold to 21st Century Holdings in 1998.')).toEqual(['name:21st Century Holdings', 'year:1998']);
		expect(mentions('The town grew in the 19th Century and again in the 20th century.')).toEqual(['date:19th Century', 'date:20th century']);
		expect(mentions('In the 19th century Vrbno grew.')).toEqual(['date:19th century', 'name:Vrbno']);
		const cards = textCards('20th Century Fox, Lionsgate, Paramount Pictures and Universal Studios paid for movie trailers to be aired during the game. Lionsgate was founded in 1997 by Frank Giustra. Paramount Pictures is the oldest studio in Hollywood.');
		expect(cards.filter((c) => /Fox|20th/.test(c.answer)).map((c) => c.answer)).toEqual(['20th Century Fox']);
	});

	it('does not blank a genus before its species ("caused by _____ pestis", "Bathyctena chuni, _____ stationis and …")', () => {
		expect(givenAway('The plague of 1347 was caused by _____ pestis.', 'Yersinia')).toBe(true);
		expect(givenAway('Some species, including Bathyctena chuni, _____ stationis and Eurhamphaea vexilligera, glow.', 'Euplokamis')).toBe(true);
		expect(givenAway('The plague of 1347 was caused by _____.', 'Yersinia pestis')).toBe(false);
		expect(givenAway('Most Vrbno campus buildings face the _____ river.', 'Szohod')).toBe(false);
		expect(givenAway('The college moved to the _____ campus in 1920.', 'Vrbno')).toBe(false);
		const cards = textCards('The plague of 1347 was caused by Yersinia pestis. Yersinia pestis is carried by fleas that live on rats. The plague killed a third of Szohod in 1348.');
		expect(cards.filter((c) => /_____ pestis/.test(c.question)).map((c) => c.answer)).toEqual([]);
	});

	it('takes no concept after coordinated modifiers that share its head ("commercial, scientific, and _____" — cultural growth; "the heavy W and _____" — Z bosons)', () => {
		const concepts = (text: string) => extractFacts(buildModel('d', text)).filter((f) => f.answerKind === 'concept').map((f) => f.answer);
		expect(concepts('Karel Vrba promoted commercial, scientific, and cultural growth in Szohod. The town was founded in 1220.')).toEqual([]);
		expect(concepts('The weak force is due to the exchange of the heavy W and Z bosons. The town was founded in 1220.')).toEqual(['weak force']);
		expect(concepts('Szohod sent grain and salted fish to Vrbno. The town was founded in 1220.')).toEqual(['Szohod', 'grain', 'salted fish']);
	});

	it('offers an amount written with "US$" only amounts written so ("$250,000" is no option for "US$100,000")', () => {
		const candidates = new Map([['number' as const, ['$250,000', '$150,000', 'US$200,000', '£90,000']]]);
		const seeds = 'abcdefghij'.split('');
		expect(seeds.flatMap((s) => pickDistractors('US$100,000', 'number', candidates, [], 4, s)).filter((p) => !p.startsWith('US$'))).toEqual([]);
		expect(seeds.flatMap((s) => pickDistractors('$100,000', 'number', candidates, [], 4, s)).filter((p) => !/^\$\d/.test(p))).toEqual([]);
	});

	it('lowers a first word the document capitalises only inside names ("How was plague introduced …?" beside "the Great Plague of Vrbno")', () => {
		const facts = extractFacts(buildModel('d', 'Plague was reportedly first introduced to Szohod via Genoese traders at the port of Kaffa in 1347. The plague killed many people in Vrbno. The Great Plague of Vrbno began in 1665. Complexity measures are defined by the Blum axioms. The complexity of a problem is studied in Computational Complexity Theory. French traders sold the salt of Szohod in the French towns.'));
		const questions = facts.map((f) => f.question).filter((q) => q && /plague|complexity|french/i.test(q));
		expect(questions).toEqual(['How was plague introduced to Szohod?', 'What are complexity measures defined by?', 'What is studied in Computational Complexity Theory?', 'Who sold the salt of Szohod in the French towns?', 'What did French traders sell in the French towns?']);
	});

	it('keeps a capitalised number word in the name it ends ("BBC One", "the Big Three"), not "_____ One" — BBC', () => {
		const mentions = (text: string) => findMentions(text, tokenize(text), new Set()).map((m) => `${m.kind}:${m.text}`);
		expect(mentions('The series was first broadcast on BBC One in 1963.')).toEqual(['name:BBC One', 'year:1963']);
		expect(mentions('Szohod joined the Big Three of the league.')).toEqual(['name:Szohod', 'name:Big Three']);
		expect(mentions('In Szohod one of the mills closed.')).toEqual(['name:Szohod']);
		const cards = textCards('The series was first broadcast on BBC One in 1963. The show moved to BBC Two in 1970 after a long strike. The director Karel Vrba filmed the first episode in Szohod.');
		expect(cards.filter((c) => /_____ (?:One|Two)/.test(c.question)).map((c) => c.answer)).toEqual([]);
	});

	it('reads no person in a place that closes an appositive before "…, writes that" ("… Sciences in Port Szohod, writes that …")', () => {
		const kinds = (text: string) => [...buildModel('d', text).entities.values()].map((e) => `${e.kind}:${e.key}`);
		expect(kinds('Anna Vrba, a researcher at the Academy of Sciences in Port Szohod, writes that the treaty was signed in 1420. The treaty was broken by Borduria in 1422.')).toEqual(['person:anna vrba', 'org:academy of sciences', 'name:port szohod', 'name:borduria']);
		expect(kinds('In the end Karel Novak, writes that the treaty was signed in 1420. The treaty was broken by Borduria in 1422.')).toEqual(['person:karel novak', 'name:borduria']);
		expect(kinds('The treaty was signed in 1420, writes Karel Novak. The treaty was broken by Borduria in 1422.')).toEqual(['person:karel novak', 'name:borduria']);
	});

	it('gives away "two" after "between the" ("the rivalry between the _____ schools")', () => {
		expect(givenAway('The Vrbno-Szohod Regatta was the original source of the rivalry between the _____ schools.', 'two')).toBe(true);
		expect(givenAway('Trade between _____ neighbouring towns grew after 1420.', '2')).toBe(true);
		expect(givenAway('The Vrbno-Szohod Regatta was the original source of the rivalry between the _____.', 'two schools')).toBe(true);
		expect(givenAway('The rivalry between the _____ schools of the league grew after 1420.', 'three')).toBe(false);
		expect(givenAway('The _____ schools were founded by Anna Vrba in 1420.', 'two')).toBe(false);
	});

	it('does not move a fronted "From X on" to the end, where its "on" would read as the last phrase\'s ("… hearing loss from the fifth-generation Vrbo on?")', () => {
		const questions = extractFacts(buildModel('d', 'From the fifth-generation Vrbo on, Szohod Ltd introduced a user-configurable volume limit in response to concerns about hearing loss. In 1990, Szohod Ltd introduced a new music device.')).map((f) => f.question ?? '');
		expect(questions.filter((q) => / on\?$/.test(q))).toEqual([]);
		expect(questions.filter((q) => /1990/.test(q))).toEqual(['Which organisation introduced a new music device in 1990?', 'What did Szohod Ltd introduce in 1990?']);
	});

	it('reads no person in a role written with capitals after a title-like word ("two deputy Prime Ministers")', () => {
		const kinds = (text: string) => [...buildModel('d', text).entities.values()].map((e) => `${e.kind}:${e.key}`);
		expect(kinds('The cabinet of Borduria would include a vice-president and two deputy Prime Ministers. Karel Vrba said that the talks failed.')).toEqual(['name:borduria', 'name:prime ministers', 'person:karel vrba']);
		expect(kinds('The talks were led by deputy Anna Bishop in 1990. Karel Vrba said that the talks failed.')).toEqual(['person:anna bishop', 'person:karel vrba']);
	});

	it('keeps "the Great and General Court", "the French and Indian War" whole: one modifier and "and" before a run that ends in a head', () => {
		const names = (text: string) => findMentions(text, tokenize(text), new Set()).filter((m) => m.kind === 'name').map((m) => m.text);
		expect(names('The college was formed in 1636 by vote of the Great and General Court of the Szohod Bay Colony.')).toEqual(['Great and General Court of the Szohod Bay Colony']);
		expect(names('The French and Indian War began in 1754.')).toEqual(['French and Indian War']);
		expect(names('The treaty between the Vrbno and Szohod Union was signed in 1920.')).toEqual(['Vrbno', 'Szohod Union']);
		expect(names('In 1990 trade between Vrbno and Szohod University grew.')).toEqual(['Vrbno', 'Szohod University']);
		expect(names('The war between the Germany and Soviet Union began in 1941.')).toEqual(['Germany', 'Soviet Union']);
		const facts = extractFacts(buildModel('d', 'The Great and Royal Library, built in 2011, houses a large study space. The old library of Szohod was closed in 1990.'));
		expect(facts.filter((f) => /2011/.test(f.question ?? '')).map((f) => f.question)).toEqual(['Which organisation was built in 2011?']);
	});

	it('sizes polities and natural or built features: no street, lake or island among kingdoms and empires', () => {
		expect(['Kingdom of Prussia', 'American Empire', 'Duchy of Vrbno', 'Konwiktorska Street', 'Czerniaków Lake', 'Sakhalin Island', 'Pacific Ocean', 'Park of Culture and Rest', 'Upper Normandy', 'Shandong Province'].map(placeLevel)).toEqual([
			'country', 'country', 'country', 'feature', 'feature', 'feature', 'feature', 'feature', null, null
		]);
		const candidates = new Map([['place' as const, ['Duchy of Vrbno', 'Konwiktorska Street', 'Czerniaków Lake', 'Wilanów Park', 'Russian Empire', 'Sakhalin Island', 'Austria']]]);
		expect(pickDistractors('Kingdom of Prussia', 'place', candidates, [], 4, 's').sort()).toEqual(['Austria', 'Duchy of Vrbno', 'Russian Empire']);
	});

	it('reads a demonstrative that opens the main clause after a leading subordinate clause ("Since …, this can provide …")', () => {
		expect(contextNeed('Since forces are perceived as pushes or pulls, this can provide an intuitive understanding for describing forces.')).toBe('demonstrative');
		expect(contextNeed('When the river floods in spring, these fields are covered with silt.')).toBe('demonstrative');
		expect(contextNeed('Since forces are perceived as pushes or pulls, Newton gave an intuitive understanding of them in 1687.')).toBe(null);
		expect(contextNeed('When the Szohod floods in spring, the fields of Vrbno are covered with silt.')).toBe(null);
	});

	it('asks no "also" in a question: it points to an answer the page named before ("What is also popular in …?")', () => {
		const questions = textCards('College sports are also popular in southern Borduria. Active immunity can also be generated artificially, through vaccination. The old bridge of Szohod was built of stone in 1420.').filter((c) => c.type === 'basic').map((c) => c.question);
		expect(questions.filter((q) => /popular|artificially/.test(q))).toEqual(['What is popular in southern Borduria?', 'What can be generated artificially, through vaccination?']);
	});

	it('offers no acronym among organisations that the document expands into something else ("American Sign Language (ASL)"); "National Football League (NFL)" stays', () => {
		const text = 'The game was broadcast by CBS and the BBC in 2016. The halftime show was signed in American Sign Language (ASL) by Marlee Matlin. The National Football League (NFL) sold the rights to CBS in 2012. WBT carried the game on radio.';
		const model = buildModel('d', text);
		expect(candidates([model], extractFacts(model)).get('org')).toEqual(['CBS', 'National Football League', 'BBC', 'NFL', 'WBT']);
	});

	it('offers no places for a place that stands for a team ("_____ got the ball on their own 24-yard line" — Carolina)', () => {
		const text = 'Carolina got the ball on their own 20-yard line in 2015. The fans travelled from Boston, Denver and Chicago to the game in 2016. The final was once played in Egypt in 1990.';
		expect(textCards(text).filter((c) => c.answer === 'Carolina').map((c) => `${c.type}: ${c.question}`)).toEqual(['cloze: _____ got the ball on their own 20-yard line in 2015.']);
	});
});

describe('the changed top 25s re-judged (fifteenth pass, judge5)', () => {
	it('offers dates of the answer\'s own period where there are enough of them ("1765" among 1521, "1930s" among 1530s)', () => {
		const years = new Map([['year' as const, ['1483', '1505', '1517', '1525', '1546', '1765', '1938', '2009']]]);
		expect(pickDistractors('1521', 'year', years, [], 4, 's').sort()).toEqual(['1483', '1505', '1524', '1530']);
		const dates = new Map([['date' as const, ['10 November 1938', '18 April 1521', '3 January 1521', '13 June 1525', '25 May 1946', '17 July 1505']]]);
		expect(pickDistractors('31 October 1517', 'date', dates, [], 4, 's').sort()).toEqual(['13 June 1525', '17 July 1505', '18 April 1521', '28 November 1516']);
		const decades = new Map([['date' as const, ['1520s', '1930s', '1980s', '1540s', '1550s']]]);
		expect(pickDistractors('1530s', 'date', decades, [], 3, 's').sort()).toEqual(['1520s', '1540s', '1550s']);
		// Too few decades of its period in the document: decades made up near it ("1520s"), never "1533s", fill in first.
		const fewDecades = new Map([['date' as const, ['1540s', '1580s', '1930s', '1980s']]]);
		expect(pickDistractors('1530s', 'date', fewDecades, [], 4, 's').sort()).toEqual(['1520s', '1540s', '1550s', '1560s']);
	});

	it('asks no "Who is …?" of a role many hold: an appositive with "a" or "former" ("a former professor of …")', () => {
		const text = 'In 1866 the school was founded by Karel Denk, a professor of history at the University of Vrbno. Petra Holm, a former professor of the University of Szohod, wrote a history of Vrbno in 1990. In 1901 the new gallery was opened by Karl Brenner, the director of the Szohod Academy of Art.';
		const roles = extractFacts(buildModel('d', text)).filter((f) => f.tags.includes('role'));
		expect(roles.map((f) => [f.answer, f.question ?? null, f.statement])).toEqual([
			['Karel Denk', null, 'Karel Denk is a professor of history at the University of Vrbno.'],
			['Petra Holm', null, 'Petra Holm is a former professor of the University of Szohod.'],
			['Karl Brenner', 'Who is the director of the Szohod Academy of Art?', 'Karl Brenner is the director of the Szohod Academy of Art.']
		]);
	});
});

describe('a date whose year the stem names (fifteenth pass, lead)', () => {
	const text = 'The harbour of Marlow grew quickly in the nineteenth century. The port opened in March 1890 after ten years of work. The council passed the Harbour Act of 1911, which set the dock fees, in June 1911. The stone bridge over the river was finished in May 1923. A great fire struck the warehouses in August 1934. The old dock closed in October 1956 when trade moved north. The new terminal opened in April 1972.';

	it('offers no dates of other years where the stem names the answer\'s year ("the Harbour Act of 1911 … in _____" — June 1911)', () => {
		const cards = textCards(text).filter((c) => c.answer === 'June 1911' || c.answer === 'October 1956');
		expect(cards.map((c) => [c.type, c.answer, c.choices?.length ?? 0]).sort()).toEqual([
			['cloze', 'June 1911', 0],
			['mcq', 'October 1956', 5]
		]);
	});
});

describe('leftovers of the re-judged top 25s (fifteenth pass, judge6)', () => {
	it('makes up full dates near the answer that share neither its month nor its year ("September 8, 1883" among "July 1, 2015")', () => {
		const dates = new Map([['date' as const, ['September 8, 1883', 'December 8, 1941', 'November 8, 1889', 'October 3, 2014']]]);
		expect(pickDistractors('July 1, 2015', 'date', dates, [], 4, 's').sort()).toEqual(['December 5, 2010', 'February 8, 2009', 'May 6, 2013', 'October 3, 2014']);
		const british = new Map([['date' as const, ['22 June 1857', '24 September 1856', '7 October 2004', '24 May 2008', '25 February 2010']]]);
		expect(pickDistractors('5 July 2005', 'date', british, [], 4, 's').sort()).toEqual(['2 August 2004', '27 March 2009', '7 October 2002', '9 December 2000']);
	});

	it('offers a span of years spans of about its own length: no life ("1811–81") among four years ("1824–28")', () => {
		const spans = new Map([['year' as const, ['1811–81', '1812–27', '1829–32', '1854–58', '1838–39', '1846–49']]]);
		expect(pickDistractors('1824–28', 'year', spans, [], 4, 's').sort()).toEqual(['1829–32', '1834–38', '1846–49', '1854–58']);
	});

	it('offers a place of a person\'s name ("Saxony" of "John of Saxony") only such places, and a person people first', () => {
		const pool = new Map([['person' as const, ['John of Saxony', 'Saxony', 'Albert of Mainz', 'Mainz', 'Philip of Hesse', 'Hesse', 'Martin Brecht', 'Martin', 'Brecht', 'Christ', 'Bucer']]]);
		expect(pickDistractors('Saxony', 'person', pool, [], 3, 's').sort()).toEqual(['Hesse', 'Mainz']);
		// (A given name alone, "Martin", is no surname: sixteenth pass.)
		expect(pickDistractors('Luther', 'person', pool, [], 3, 's').sort()).toEqual(['Brecht', 'Bucer', 'Christ']);
	});

	it('offers no name with a footnote mark glued to it ("ICTY8" beside "ICTY") while the bare name is in the pool', () => {
		const pool = new Map([['org' as const, ['ICTY8', 'ICTY', 'UNSC', 'ICJ', 'NATO', 'G8', 'ABC2']]]);
		expect(pickDistractors('CPPCG', 'org', pool, [], 5, 's').sort()).toEqual(['ABC2', 'ICJ', 'ICTY', 'NATO', 'UNSC']);
	});
});

describe('defects found judging the rebuilt dev set (sixteenth pass)', () => {
	it('refuses a count whose members "named" or "called" then lists ("_____ brothers named A, B and C")', () => {
		expect(countsList('The old king had _____ daughters named Alda, Berta and Cora, and one son named Dado.', 'three')).toBe(true);
		expect(countsList('The old king had three daughters named Alda, Berta and Cora, and _____ sons called Dado and Egil.', 'two')).toBe(true);
		expect(countsList('The old king had _____ daughters named after the rivers of the plain.', 'three')).toBe(false);
	});

	it('states no true or false count whose members the sentence then lists ("two hills: A and B")', () => {
		const text = 'The old town of Marl is built on two low hills: the Castle Mount and the Abbey Rise. Marl has a market on Tuesdays and a fair in May. The fair draws traders from the whole valley.';
		expect(textCards(text).filter((c) => c.type === 'truefalse' && /low hills/.test(c.question)).map((c) => c.question)).toEqual([]);
	});

	it('blanks no list member whose head the other members share ("The _____, Samarkand and Kiev", "Nursery, Primary and _____")', () => {
		expect(givenAway('The _____, Samarkand, Urgench and Kiev caused mass murders.', 'invasions of Baghdad')).toBe(true);
		expect(givenAway('The _____, Samarkand, Kiev among others caused mass murders.', 'invasions of Baghdad')).toBe(true);
		expect(givenAway('Salaries for Nursery, Primary and _____ ranged from £20,133 to £41,004.', 'Secondary School teachers')).toBe(true);
		// A member that is whole stays a question.
		expect(givenAway('The invasions of _____, Samarkand and Kiev caused mass murders.', 'Baghdad')).toBe(false);
		expect(givenAway('The plans allowed for the conquest of Hungary and _____.', 'Western Europe')).toBe(false);
		expect(givenAway('The _____ of the city grew quickly in the new century.', 'population')).toBe(false);
	});

	it('asks no role whose title is a given name or runs into the name ("Who is the Richard Dean?", "Who is the Director of Flight?")', () => {
		const roles = (text: string) => textCards(text).filter((c) => c.type === 'basic' && /^Who (?:is|was) /.test(c.question)).map((c) => `${c.question} → ${c.answer}`);
		expect(textCards('In 1893 Richard Dean Adams sought the opinion of the engineers on the best system. The engineers chose the new system in 1895.').filter((c) => c.answer === 'Adams').map((c) => c.question)).toEqual([]);
		expect(roles('In 1893 Richard Dean Adams sought the opinion of the engineers on the best system. The engineers chose the new system in 1895.')).toEqual([]);
		expect(roles('Deke Slayton, the grounded pilot who became Director of Flight Crew Operations for the Gemini program, selected the first crews. The first crews flew in 1965.')).toEqual([]);
		expect(roles('In 1850 Minister of Defence Wojciech Jaruzelski met the delegates in Ottawa. The delegates left Ottawa in May.')).toEqual(['Who is the Minister of Defence? → Wojciech Jaruzelski']);
	});

	it('reads a town named for its river as one name ("Newcastle upon Tyne", "Kingston upon Hull")', () => {
		const names = (text: string) => findMentions(text, tokenize(text), new Set()).map((m) => m.text);
		expect(names('The Literary and Philosophical Society of Kingston upon Hull is the largest library outside London.')).toEqual(['Literary and Philosophical Society of Kingston upon Hull', 'London']);
		expect(names('The fair moved from Newcastle upon Tyne to Durham in 1880.')).toEqual(['Newcastle upon Tyne', 'Durham', '1880']);
		expect(names("The show moved to SyFy upon SF's closure.")).toEqual(['SyFy', 'SF']);
	});

	it('moves a fronted date after a closing quotation, not into it ("… "an electrical transmitter" in 1900.")', () => {
		const info = buildModel('d', 'In 1900, Tesla was granted patents for a "system of transmitting electrical energy" and "an electrical transmitter."').sentences[0];
		expect(info ? frontedView(info, new Set())?.info.s.text : 'no sentence').toBe('Tesla was granted patents for a "system of transmitting electrical energy" and "an electrical transmitter" in 1900.');
	});

	it('asks no count of a time counted from what the page said before ("_____ days later, the FBI …")', () => {
		expect(givenAway('_____ days later, the FBI ordered the custodian to seize the belongings.', 'Two')).toBe(true);
		expect(givenAway('The treaty was signed _____ years later in Paris.', 'three')).toBe(true);
		expect(givenAway('The treaty was signed _____ years after the war in Paris.', 'three')).toBe(false);
		const text = 'The agents arrived at the hotel in January. Two days later, the agents took the papers of the engineer. The papers went to Washington.';
		expect(textCards(text).filter((c) => /days later/.test(c.question) && (c.answer === 'Two' || c.type === 'truefalse')).map((c) => c.question)).toEqual([]);
	});

	it('reads no person in a name that opens with a country or a city ("The 2010 United States Census reported …")', () => {
		const kinds = (text: string) => [...buildModel('d', text).entities.values()].map((e) => `${e.kind}:${e.key}`);
		expect(kinds('The 2010 United States Census reported that Marl had 4,000 people. The Berlin Chronicle said that the bridge was safe. Karel Vrba said that the talks failed.')).toEqual(['name:united states census', 'name:marl', 'name:berlin chronicle', 'person:karel vrba']);
	});

	it('asks no phrase led by a quantifier after its article ("although a _____ have simple tentacles" → few genera)', () => {
		const text = 'The tentacles of most comb jellies carry side branches, although a few genera have simple tentacles. Simple tentacles catch smaller prey in the open sea.';
		expect(textCards(text).filter((c) => /few genera/.test(c.answer)).map((c) => c.question)).toEqual([]);
	});

	it('reads no relative clause or "as well as" as a role ("Who is the who was a co-chair of …?")', () => {
		const roles = (text: string) => extractFacts(buildModel('d', text)).filter((f) => f.tags.includes('role')).map((f) => f.question ?? null);
		expect(roles('John Denk, who was a co-chair of the Vrbno Council, answered the critics in 1990. The critics left Vrbno in 1991.')).toEqual([]);
		expect(roles('In 2004 Anne Holm was named president of the network, and Peter Vrba became co-chief of the division with Holm, as well as president of the Szohod Sports Club. The critics left Vrbno in 1991.')).toEqual([]);
	});

	it('asks no "Who is …?" of a military rank or of an office that names no country or body ("Who is the Vice President?")', () => {
		const text = 'In April, Karel Denk sent a memo to Vice President Anna Vrba about the space programme. Major General Petr Holm led the second army in 1915. In 1901 the new gallery was opened by Karl Brenner, the director of the Szohod Academy of Art.';
		const roles = extractFacts(buildModel('d', text)).filter((f) => f.tags.includes('role'));
		expect(roles.map((f) => [f.answer, f.question ?? null])).toEqual([
			['Anna Vrba', null],
			['Petr Holm', null],
			['Karl Brenner', 'Who is the director of the Szohod Academy of Art?']
		]);
	});

	it('reads no person in one common plural or a facility after a title-like word ("IPCC Special Reports", "… Executive Airport")', () => {
		const people = (text: string) => buildModel('d', text).sentences.flatMap((s) => s.mentions.filter((m) => m.kind === 'person').map((m) => m.text));
		expect(people('The approval process for all IPCC Special Reports follows the same procedures. The Fresno Chandler Executive Airport is also on the West Side.')).toEqual([]);
		expect(people('The treaty was signed by President Bush and Secretary Jones in 1990.')).toEqual(['Bush', 'Jones']);
	});

	it('asks no question cut after a "that" and a phrase of time or place ("Who says that towards the end of his life?")', () => {
		const cards = textCards('Modern Vrbnian historians say that towards the end of his life, the old khan tried to create a civil state under the Great Code that would have established the legal equality of all individuals, including women. The civil state lasted until 1368.');
		expect(cards.filter((c) => c.type === 'basic' && /that towards/.test(c.question)).map((c) => c.question)).toEqual([]);
	});

	it('takes no clause cut inside a bracket as a statement ("Yehe Yuan Ulus[a]), was the empire …")', () => {
		const sentence = 'The Vrbno dynasty (Vrbnian: Vrb; pinyin: Vrbno Cháo), officially the Great Vrbno (Vrbnian: Vrbo; pinyin: Dà Vrbno; Szohodian: Yehe Vrbno Ulus[a]), was the ruling dynasty of the plain established by Karl Brenner, leader of the Szohod clan.';
		expect(clauseAround(sentence, 'Karl Brenner')).toBe(sentence);
	});

	it('offers counts in words in the answer\'s case, fractions only among fractions, and no lone given name among surnames', () => {
		const counts = new Map([['number' as const, ['Eight', 'four', 'Ten', 'seven', 'nine', 'five']]]);
		expect(pickDistractors('two', 'number', counts, [], 4, 's').every((d) => /^\p{Ll}/u.test(d))).toBe(true);
		expect(pickDistractors('Twelve', 'number', counts, [], 4, 's').every((d) => /^\p{Lu}/u.test(d))).toBe(true);
		const amounts = new Map([['number' as const, ['three', 'eight', 'hundred', 'one-third', 'three-quarters', 'half']]]);
		expect(pickDistractors('two-thirds', 'number', amounts, [], 4, 's').sort()).toEqual(['half', 'one-third', 'three-quarters']);
		const people = new Map([['person' as const, ['William', 'Braddock', 'Langlade', 'Johnson', 'Shirley', 'Daniel']]]);
		expect(pickDistractors('Montcalm', 'person', people, [], 5, 's').sort()).toEqual(['Braddock', 'Johnson', 'Langlade', 'Shirley']);
	});

	it('offers no option that the stem itself states ("condenses at _____, and freezes at 54.36 K")', () => {
		const text = 'Argon condenses at 87.30 K, and freezes at 83.80 K. Neon condenses at 27.10 K, and freezes at 24.56 K. Krypton condenses at 119.93 K, and freezes at 115.78 K. Xenon condenses at 165.05 K, and freezes at 161.40 K. Radon boils at 211.30 K in the laboratory. Helium boils at 4.22 K in the laboratory. Chlorine boils at 239.11 K in the laboratory. Fluorine boils at 85.03 K in the laboratory.';
		const cards = textCards(text).filter((c) => c.type === 'mcq');
		expect(cards.length).toBeGreaterThan(0);
		expect(cards.filter((c) => (c.choices ?? []).some((o) => o !== c.answer && c.question.includes(o))).map((c) => c.question)).toEqual([]);
	});

	it('offers no piece of a name with a bracket, no plural acronym among singular ones, and no bridge among people', () => {
		const orgs = new Map([['org' as const, ['Church of Scotland', 'Parliament on [Date', 'University of Aberdeen', 'City of Edinburgh Council', 'Kilbrandon Commission']]]);
		expect(pickDistractors('National Trust', 'org', orgs, [], 4, 's').sort()).toEqual(['Church of Scotland', 'City of Edinburgh Council', 'Kilbrandon Commission', 'University of Aberdeen']);
		const acronyms = new Map([['org' as const, ['SNP', 'MPs', 'BBC', 'RMJM', 'CDs', 'UN']]]);
		expect(pickDistractors('MSP', 'org', acronyms, [], 4, 's').sort()).toEqual(['BBC', 'RMJM', 'SNP', 'UN']);
		expect(pickDistractors('MSPs', 'org', acronyms, [], 4, 's').sort()).toEqual(['CDs', 'MPs']);
		expect(pickDistractors('NASA', 'org', new Map([['org' as const, ['AD', 'BBC', 'GPS', 'ESA', 'BC']]]), [], 4, 's').sort()).toEqual(['BBC', 'ESA', 'GPS']);
		expect(structuralKind('George IV Bridge')).toBe('place');
		expect(structuralKind('George Bridges')).toBe('person');
	});

	it('asks "What", not "Who", for a role the verb gives its subject ("What was John Sias appointed?")', () => {
		const object = (s: string) => {
			const c = analyse(s);
			const o = c.chunks.find((k) => k.from === (c.main ?? -2) + 1);
			return o ? objectQuestion(s, c, extendOf(s, c.tokens, c.chunks, o))?.question : null;
		};
		expect(object('John Sias was appointed president of the Vrbno Television Network.')).toBe('What was John Sias appointed?');
		expect(object('Brandon Stoddard became president of Vrbno Entertainment.')).toBe('What did Brandon Stoddard become?');
		// People the verb names are still "Who".
		expect(object('The board appointed the new directors in the spring.')).toBe('Who did the board appoint in the spring?');
	});

	it('drops a bracketed aside that closes a question ("What did Brandon Stoddard become (a position …)?")', () => {
		const info = buildModel('d', 'Brandon Stoddard became president of Vrbno Entertainment (a position to which he had been appointed in November 1985).').sentences[0]!;
		const known = { states: () => false, names: () => false, pairs: () => false };
		const fact = { key: 'concept|x', answer: 'president of Vrbno Entertainment', answerKind: 'concept' as const, info, question: 'What did Brandon Stoddard become (a position to which he had been appointed in November 1985)?', weight: 0.6, tags: ['concept'] };
		expect(factCards(fact, new Map(), known, 's').map((c) => c.question)).toEqual(['What did Brandon Stoddard become?']);
	});

	it('blanks no phrase cut before a participle of a compound ("subsequent carbon | related emissions") or ending in a verb ("T-cell encounters")', () => {
		const answers = (text: string) => {
			const info = buildModel('d', text).sentences[0]!;
			return conceptFacts(info, [], new Map(), analyse(tidy(info.s.text), new Set())).map((f) => f.answer);
		};
		expect(answers('When a T-cell encounters a foreign pathogen, it extends a vitamin D receptor.')).not.toContain('T-cell encounters');
		expect(answers("To accurately map the Amazon's biomass and subsequent carbon related emissions, the classification of tree growth stages within different parts of the forest is crucial.")).not.toContain('subsequent carbon');
	});

	it('blanks no single letter ("alternatives to the _____. pestis" — Y, "a vitamin _____ receptor" — D)', () => {
		expect(givenAway('A variety of alternatives to the _____. pestis have been put forward.', 'Y')).toBe(true);
		expect(givenAway('When a T-cell encounters a foreign pathogen, it extends a vitamin _____ receptor.', 'D')).toBe(true);
		expect(givenAway('The festival runs for _____ weeks each year in mid June.', '2')).toBe(false);
	});

	it('blanks no margin of an estimate ("0.62 ± _____") and no acronym the stem spells inside a word ("ctDNA" — DNA)', () => {
		expect(givenAway('The forests are estimated to have accumulated 0.62 ± _____ tons of carbon per hectare per year.', '0.37')).toBe(true);
		expect(givenAway('Chloroplasts have their own _____, often abbreviated as ctDNA, or cpDNA.', 'DNA')).toBe(true);
		expect(givenAway('Chloroplasts have their own _____, which is copied before the cell divides.', 'DNA')).toBe(false);
	});

	it('reads an acronym as spelt inside a word at either end, beside a digit or a letter of any script, and never across the blank', () => {
		expect(givenAway('Their own _____ is known as DNAse-free.', 'DNA')).toBe(true);
		expect(givenAway('Their own _____ is known as 3DNA.', 'DNA')).toBe(true);
		expect(givenAway('Their own _____ is known as éDNA.', 'DNA')).toBe(true);
		expect(givenAway('Their own _____ is known as \u{1D400}DNA.', 'DNA')).toBe(true);
		expect(givenAway('Their own _____DNA is copied, as (DNA) says.', 'DNA')).toBe(false);
		expect(givenAway('Their own _____ is known as \u{1F600}DNA.', 'DNA')).toBe(false);
	});

	it('reads no role ending in a peer\'s form of address ("Who is the United States Lord?" — Cromer)', () => {
		const text = 'In 1973 Secretary of Defense James Marlow and British Ambassador to the United States Lord Cromer met in Vrbno. The two men spoke about the oil fields.';
		const roles = extractFacts(buildModel('d', text)).filter((f) => f.tags.includes('role')).map((f) => f.pair?.right);
		expect(roles.filter((r) => /Lord$/.test(r ?? ''))).toEqual([]);
	});
});


describe('defects found judging the rebuilt dev set (seventeenth pass)', () => {
	it('types a thing\'s acronym and a road\'s number as no organisation, and keeps a body\'s acronym one', () => {
		expect(['GDP', 'HIV', 'DVDs', 'EPG', 'A696', 'M1', 'I-95'].map(structuralKind)).toEqual(['name', 'name', 'name', 'name', 'name', 'name', 'name']);
		expect(['BBC', 'NATO', 'OPEC', 'ITV', 'UNESCO', 'G20', 'G8'].map(structuralKind)).toEqual(['org', 'org', 'org', 'org', 'org', 'org', 'org']);
		expect(['Pin', 'Id'].map(structuralKind)).toEqual(['name', 'name']);
	});

	it('offers no thing\'s acronym among broadcasters', () => {
		const text = [
			'The BBC broadcast the final in 1998.',
			'ITV bought the rights to the league in 2001.',
			'The BBC lost the rights to ITV in 2001.',
			'NTL carried the channel on cable from 1999.',
			'Channel 5 and NTL shared the costs in 2002.',
			'CBS paid for the tour in 2003.',
			'CBS and the BBC split the highlights in 2004.',
			'The service reached 5% of GDP in 2005.',
			'Viewers used a DVD recorder and a PVR at home.',
			'The guide on the EPG listed every channel in 2006.',
			'The HIV campaign ran on every channel in 2007.'
		].join(' ');
		const options = generateDeck([{ id: 'd', title: 'Broadcasting', text }], { now: '2026-01-01T00:00:00Z', seed: 's', maxCards: 200 })
			.cards.filter((c) => c.type === 'mcq' && /^(?:BBC|ITV|NTL|CBS)$/.test(c.answer))
			.flatMap((c) => c.choices ?? []);
		expect(options.length).toBeGreaterThan(0);
		expect(options.filter((o) => /^(?:GDP|DVD|PVR|EPG|HIV)$/.test(o))).toEqual([]);
	});

	it('offers a country places of its own level first, and a place of unknown size places of unknown size first', () => {
		const places: Candidates = new Map([['place', ['Jarrow', 'Sweden', 'Hexham', 'Morpeth', 'Norway', 'Alnwick', 'Denmark', 'Blyth', 'Seaham']]]);
		expect(pickDistractors('Finland', 'place', places, [], 3, 's').sort()).toEqual(['Denmark', 'Norway', 'Sweden']);
		expect(pickDistractors('Sunderland', 'place', places, [], 3, 's').filter((p) => /^(?:Sweden|Norway|Denmark)$/.test(p))).toEqual([]);
	});

	it('reads a name that ends in an event\'s head word as the event, not a person, unless a given name opens it', () => {
		const kinds = (text: string) => [...buildModel('d', text).entities.values()].map((e) => `${e.text}: ${e.kind}`);
		expect(kinds('Tarvia is home to the world famous Dune Rally, commonly acknowledged as one of the toughest rallies in the world.')).toEqual(['Dune Rally: name']);
		expect(kinds('Mary Fair said the harvest was late. Mary Fair farmed near the river.')).toEqual(['Mary Fair: person']);
	});

	it('names the topic for its noun before a date ("in the city on 22 February"), never where the article is shared ("the city and country")', () => {
		const topic = { name: 'Lindenport', noun: 'city' };
		expect(withTopic('President Cole opened the fair in the city on February 22, 1888.', topic)).toBe('President Cole opened the fair in Lindenport on February 22, 1888.');
		expect(withTopic('President Cole opened the fair in the city in 1888.', topic)).toBe('President Cole opened the fair in Lindenport in 1888.');
		expect(withTopic('The fire destroyed the city on the hill.', topic)).toBe(null);
		expect(withTopic('Its styles reflect the turbulent history of the city and country.', topic)).toBe(null);
		expect(withTopic('The city and its suburbs had two million people in 1939.', topic)).toBe('Lindenport and its suburbs had two million people in 1939.');
	});

	it('reads the facts of a sentence that needs only the reading\'s topic, and forgets the topic when the model is read under another title', () => {
		const text = 'Lindenport is the largest city in Valmark. President Cole opened the harbour fair in the city on February 22, 1888. Traders from Ostheim arrived by sea.';
		const model = buildModel('d', text);
		const cole = (title: string) => extractFacts(model, undefined, title).filter((f) => f.info.s.text.startsWith('President Cole')).map((f) => f.cloze ?? f.question);
		expect(cole('Lindenport')).toContain('President Cole opened the harbour fair in Lindenport on _____.');
		expect(cole('Harbours of Valmark').filter((stem) => stem?.includes('Lindenport'))).toEqual([]);
		expect(cole('Harbours of Valmark')).toContain('President Cole opened the harbour fair in the city on _____.');
	});

	it('asks no subject backwards from an amount after "be" ("What was 4,097.9 people per square mile?" — population density)', () => {
		const asked = (s: string) => subjectQuestion(s, analyse(s));
		expect(asked('The population density was 4,097.9 people per square mile in the last census.')).toBe(null);
		expect(asked('The record high temperature is 115 °F, set on July 8, 1905.')).toBe(null);
		expect(asked('The infection rate is about 6.3% of the adult population according to the survey.')).toBe(null);
		expect(asked('The record high temperature is a matter of dispute among local historians.')).toBe('What is a matter of dispute among local historians?');
	});

	it('asks "What" of the name a naming verb gives, and nothing of the object of one that also gives a name', () => {
		const asked = (s: string) => {
			const c = analyse(s);
			const o = objectOf(s, c);
			return o ? objectQuestion(s, c, o) : null;
		};
		expect(asked('The mayor of Vrbno is called President.')).toEqual({ question: 'What is the mayor of Vrbno called?', answer: 'President' });
		expect(asked('The locals called the bridge the Iron Lady.')).toBe(null);
		expect(asked('The press dubbed the plan a failure in 1990.')).toBe(null);
		expect(asked('The council appointed the new directors in May.')).toEqual({ question: 'Who did the council appoint in May?', answer: 'new directors' });
	});
});

