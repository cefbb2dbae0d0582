/**
 * List members (issue 9, design item 2; lists.ts): one card per list, asking its first member with the others kept
 * in the stem, never one card per member, never a list the sentence says is open, never the count
 * of the list as an answer. Sentences of our own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listLike, tidy } from '../../../src/lib/generator/core/clause';
import { checkCardRules, generateDeck } from '../../../src/lib/generator/core/index';
import { findLists } from '../../../src/lib/generator/core/lists';
import { analyse } from '../../../src/lib/generator/core/nlp';
import { checkTypedAnswer } from '../../../src/lib/quiz/answer-check';

const NOW = '2026-01-01T00:00:00.000Z';
const deckOf = (text: string, maxCards = 40) => generateDeck([{ id: 'doc-1', title: 'Notes', text }], { now: NOW, seed: 's', maxCards });
/** The members of each list of a sentence, as the chunker gives them. */
const lists = (s: string) => findLists(tidy(s), analyse(tidy(s), new Set())).map((l) => l.members.map((m) => m.text));
/** [question, answer] of the deck's list cards, by question (their rank is the ranker's business). */
const listCards = (text: string) => deckOf(text).cards.filter((c) => c.tags.includes('list')).map((c) => [c.question, c.answer]).sort();

const RHINE = 'The Rhine flows through Switzerland, Liechtenstein, Austria, Germany, France and the Netherlands.';

describe('finding lists in the chunks', () => {
	it('reads names and common-noun phrases joined by commas and a final "and"/"or"', () => {
		expect(lists(RHINE)).toEqual([['Switzerland', 'Liechtenstein', 'Austria', 'Germany', 'France', 'the Netherlands']]);
		expect(lists("Oxygen's three allotropes are dioxygen, ozone and tetraoxygen.")).toEqual([['dioxygen', 'ozone', 'tetraoxygen']]);
		expect(lists('The pillars of the policy were deterrence, engagement, or containment.')).toEqual([['deterrence', 'engagement', 'containment']]);
	});

	it('drops the object of an opening preposition: "In developed countries, A, B and C are …"', () => {
		expect(lists('In developed countries, obesity, alcoholism, and drug use are common causes of poor immune function.')).toEqual([['obesity', 'alcoholism', 'drug use']]);
	});

	it('refuses two members, more than eight, mixed kinds, open members, shared heads and a last member that goes on', () => {
		expect(lists('The treaty was signed by France and Germany in a small town.')).toEqual([]);
		expect(lists('The farm grows apples, pears, plums, cherries, grapes, melons, lemons, limes and figs in summer.')).toEqual([]);
		expect(lists('The delegates visited Paris, markets and museums during the week.')).toEqual([]);
		expect(lists('The talks covered trade deals, border disputes and other issues.')).toEqual([]);
		expect(lists('Geologists rely on field, laboratory and numerical modeling methods.')).toEqual([]);
		expect(lists('The cell stores dioxygen, ozone and tetraoxygen molecules in its walls.')).toEqual([]);
		expect(lists('The skin protects bones, muscles and the membranes of the organs.')).toEqual([]);
		expect(lists('The firm hired Smith, Jones and Brown (SJB) to run the survey.')).toEqual([]);
	});

	it('reads a member between two others that takes its "of" phrase, never the first or the last one\'s', () => {
		expect(lists('The causes of the famine were drought, the collapse of trade and poor harvests.')).toEqual([['drought', 'the collapse of trade', 'poor harvests']]);
		expect(lists('The old guild paid for bridges, the upkeep of roads, street lamps and a night guard.')).toEqual([['bridges', 'the upkeep of roads', 'street lamps', 'a night guard']]);
		// After the first member the "of" phrase is the list itself.
		expect(lists('The canal links the sea ports of Rotterdam, Antwerp and Amsterdam.')).toEqual([['Rotterdam', 'Antwerp', 'Amsterdam']]);
		// After the last member an "of" phrase may belong to every member: no list.
		expect(lists('The skin protects bones, muscles and the membranes of the organs.')).toEqual([]);
		// No list: a relative clause the tagger reads as a noun phrase, a first member cut from its own "of" phrase, a run
		// of appositives whose last goes on.
		expect(lists('The strong force acts through gluons, which form part of the heavy pions and kaons.')).toEqual([]);
		expect(lists('The new process requires careful training of staff, quality control of products, and clean facilities.')).toEqual([]);
		expect(lists('The tower has a statue of fame, a symbol of civic pride and a feature common in the north.')).toEqual([]);
		// A long "of" phrase is no member's own.
		expect(lists('The plan named drought, the collapse of the old northern river trade and poor harvests.')).toEqual([]);
		expect(listCards('The causes of the famine were drought, the collapse of trade and poor harvests.')).toEqual([['What were the causes of the famine?', 'drought, the collapse of trade and poor harvests']]);
	});

	it('reads a member the tagger splits or reads as a verb: a participle before its noun, a gerund alone', () => {
		expect(lists('The traders sold plant resins, dried fish and salt.')).toEqual([['plant resins', 'dried fish', 'salt']]);
		expect(lists('The old station needs new tracks, signalling and overhead wires.')).toEqual([['new tracks', 'signalling', 'overhead wires']]);
		expect(lists('The girls loved music, dancing and singing.')).toEqual([['music', 'dancing', 'singing']]);
		// The object of an opening preposition is no member, an adverb before the verb notwithstanding.
		expect(lists('In the lungs, coughing and sneezing quickly expel dust and germs.')).toEqual([]);
		expect(lists('In the lungs, mucus, coughing and cilia quickly expel dust.')).toEqual([['mucus', 'coughing', 'cilia']]);
		// Two members opened by a participle are verb phrases, not things.
		expect(lists('The raiders burned farms, looted towns and killed cattle.')).toEqual([]);
		expect(listCards('The traders sold plant resins, dried fish and salt.')).toEqual([['What did the traders sell?', 'plant resins, dried fish and salt']]);
	});

	it('refuses a list the sentence says gives examples only', () => {
		expect(lists('Many crops, such as wheat, barley, rye and oats, are grown in the valley.')).toEqual([]);
		expect(lists('The region grows crops including wheat, barley and oats on its farms.')).toEqual([]);
		expect(lists('The region grows wheat, barley, oats and others on its farms.')).toEqual([]);
		expect(lists('The region grows wheat, barley, oats, etc. on its farms.')).toEqual([]);
	});

	it('reads a sentence that starts with a clause before its names as a sentence, not a staff list', () => {
		expect(listLike(RHINE)).toBe(false);
	});
});

describe('one card per list', () => {
	it('asks the first member with the others kept in the question where the list ends its clause', () => {
		const text = `${RHINE} The Netherlands is a low country with many dikes and canals. The Rhine carries much water from the Alps to the sea.`;
		expect(listCards(text)).toEqual([['Apart from Liechtenstein, Austria, Germany, France and the Netherlands, which country does the Rhine flow through?', 'Switzerland']]);
		// Six names: too many to ask whole (a list of three is asked whole: "one card per list, asked whole").
		expect(listCards('Several famous doctors treated Alice Brown, John Smith, Karen Lee, David Jones, Susan Clark and Peter White. Dr. Alice Brown said the care was good.')).toEqual([
			['Apart from John Smith, Karen Lee, David Jones, Susan Clark and Peter White, who did several famous doctors treat?', 'Alice Brown']
		]);
	});

	it('asks a subject list with a past verb or a modal, which read the same after "which country"', () => {
		expect(listCards('The UK, Germany, Italy, Switzerland and Norway banned driving and boating on Sundays.')).toEqual([['Apart from Germany, Italy, Switzerland and Norway, which country banned driving and boating on Sundays?', 'UK']]);
		// "Germany" opens the sentence and nowhere else: the tagger reads it as a common noun; it is a name mention.
		expect(listCards('Germany, France and Italy had signed the treaty in Rome. The treaty set up a common market for coal and steel.')).toEqual([['Apart from France and Italy, which country had signed the treaty in Rome?', 'Germany']]);
		// "are" would need "is" after "which country": the card stays a blank.
		expect(listCards('Austria, Hungary and Bohemia are small lands in the middle of the old empire.')).toEqual([['_____, Hungary and Bohemia are small lands in the middle of the old empire.', 'Austria']]);
		// "respectively" pairs each member with another list: no question asks one member alone.
		expect(listCards('Germany, France and Italy had trade deals with Japan, China and Chile, respectively.').map(([q]) => q?.startsWith('Apart from'))).toEqual([false, false]);
	});

	it('blanks the member in a cloze where the list stands inside its clause', () => {
		expect(listCards('The old road crossed Hungary, Austria and Bavaria before it reached the coast near Trieste.')).toEqual([['The old road crossed _____, Austria and Bavaria before it reached the coast near Trieste.', 'Hungary']]);
		expect(listCards('The drought led to new interest in wind farms, solar panels and tidal power.')).toEqual([['The drought led to new interest in _____, solar panels and tidal power.', 'wind farms']]);
	});

	it('makes no card per member: no other card of the sentence asks a member', () => {
		const deck = deckOf(`${RHINE} The Netherlands is a low country with many dikes and canals.`);
		const members = ['Switzerland', 'Liechtenstein', 'Austria', 'Germany', 'France', 'Netherlands'];
		const fromList = deck.cards.filter((c) => c.source.sentence === RHINE && members.includes(c.answer));
		expect(fromList.map((c) => c.answer)).toEqual(['Switzerland']);
	});

	it('asks a member of a plural subject\'s list of six or more as "one of" them, and never the count of the list', () => {
		const text = 'The six pillars of the old policy were deterrence, engagement, containment, diplomacy, trade and aid. The main products of the valley are wool, timber, copper, cheese, honey and salt.';
		expect(listCards(text)).toEqual([
			['Apart from engagement, containment, diplomacy, trade and aid, what was one of the six pillars of the old policy?', 'deterrence'],
			['Apart from timber, copper, cheese, honey and salt, what is one of the main products of the valley?', 'wool']
		]);
		expect(deckOf(text).cards.filter((c) => c.answer === 'six').map((c) => c.question)).toEqual([]);
	});

	it('makes no card from an elliptical clause ("…; Italy, the Alps, and Anatolia, moving west, …")', () => {
		const text = 'Many small plates were caught between the two continents and rotated or were pushed aside, which produced the main features of the coast: Iberia raised the Pyrenees; Italy, the Alps, and Anatolia, moving west, the ranges of Greece and the islands.';
		expect(listCards(text)).toEqual([]);
	});

	it('makes no card where a name of another kind leads the run ("from Jagiellonian University, A and B")', () => {
		const text = 'Oxygen was first liquified in 1883 by Polish scientists from Jagiellonian University, Zygmunt Wróblewski and Karol Olszewski.';
		expect(listCards(text)).toEqual([]);
	});

	it('never offers another member of the list as a distractor, and every card keeps the rules', () => {
		const member = fc.constantFrom<string>('Austria', 'Belgium', 'Chile', 'Denmark', 'Egypt', 'Finland', 'Ghana', 'Hungary', 'India', 'Japan');
		fc.assert(
			fc.property(fc.uniqueArray(member, { minLength: 3, maxLength: 8 }), (names) => {
				const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
				const text = `The old trade road ran through ${list} before the war. Austria, Belgium, Chile, Denmark and Egypt signed a pact in Geneva. Finland, Ghana, Hungary, India and Japan met in Rome.`;
				const deck = deckOf(text);
				for (const card of deck.cards) expect(checkCardRules(card, deck)).toEqual([]);
				const cards = deck.cards.filter((c) => c.source.sentence.startsWith('The old trade road') && names.includes(c.answer));
				expect(cards.length).toBeLessThanOrEqual(1);
				for (const c of cards) expect((c.choices ?? []).filter((o) => o !== c.answer && names.includes(o))).toEqual([]);
			}),
			{ numRuns: 40, seed: 9 }
		);
	});
});

describe('a closed list of three to five asked whole', () => {
	it('asks the whole list where it ends the clause as the object, a taken preposition\'s phrase or a copula\'s complement', () => {
		expect(listCards('The northern valley exported wool, timber and copper.')).toEqual([['What did the northern valley export?', 'wool, timber and copper']]);
		expect(listCards('The old mining towns depend on fishing, forestry and foreign tourism.')).toEqual([['What do the old mining towns depend on?', 'fishing, forestry and foreign tourism']]);
		// The count the sentence states stays in the stem: the student knows how many to give.
		expect(listCards('The three duties of the guild were inspection, charity and education.')).toEqual([['What were the three duties of the guild?', 'inspection, charity and education']]);
		// "Who" where every member is a person.
		expect(listCards('Several famous doctors treated Alice Brown, John Smith and Karen Lee. Dr. Alice Brown said the care was good.')).toEqual([['Who did several famous doctors treat?', 'Alice Brown, John Smith and Karen Lee']]);
	});

	it('asks whole the list a "There are three …:" sentence counts, adjectives included', () => {
		expect(listCards('There are three main kinds of soil: sandy, silty, and clay-rich.')).toEqual([['What are the three main kinds of soil?', 'sandy, silty, and clay-rich']]);
		expect(listCards('There were four branches of the old guild: masons, carpenters, glaziers and smiths.')).toEqual([['What were the four branches of the old guild?', 'masons, carpenters, glaziers and smiths']]);
		// The count must match the members, and say what it counts in three words or more.
		expect(listCards('There are four main seasons of the year: spring, summer and autumn.')).toEqual([]);
		expect(listCards('There were three main causes: drought, war and famine.')).toEqual([]);
	});

	it('lowers a quantifier that opens the subject, which the tagger reads as the start of a name', () => {
		expect(listCards('Various Norse clans were Christian, Pagan or Muslim. The Norse clans were feared.')).toEqual([['What were various Norse clans?', 'Christian, Pagan or Muslim']]);
	});

	it('makes no list card where the subject says the list gives examples only', () => {
		expect(listCards('Examples of farm animals are goats, sheep and cattle.')).toEqual([]);
	});

	it('makes one card of the list: no member is asked alone, nor the count', () => {
		const deck = deckOf('The three duties of the guild were inspection, charity and education. The guild met in the old hall by the river.');
		const fromList = deck.cards.filter((c) => c.source.sentence.startsWith('The three duties'));
		expect(fromList.filter((c) => ['inspection', 'charity', 'education', 'three'].includes(c.answer))).toEqual([]);
		expect(fromList.filter((c) => c.tags.includes('list')).map((c) => [c.type, c.answer])).toEqual([['basic', 'inspection, charity and education']]);
	});

	it('keeps the member card where the list is longer than five, goes on after its last member or is no phrase the verb takes', () => {
		expect(listCards('The old road crossed Hungary, Austria and Bavaria before it reached the coast near Trieste.')).toEqual([['The old road crossed _____, Austria and Bavaria before it reached the coast near Trieste.', 'Hungary']]);
		expect(listCards('The drought led to new interest in wind farms, solar panels and tidal power.')).toEqual([['The drought led to new interest in _____, solar panels and tidal power.', 'wind farms']]);
		expect(listCards(RHINE).map(([, a]) => a)).toEqual(['Switzerland']);
	});

	it('makes no multiple choice of a list of names, and its answer is accepted in any order', () => {
		const deck = deckOf('The new trade pact covered Austria, Belgium and Chile. Austria has many lakes. Belgium and Chile are far apart.');
		const cards = deck.cards.filter((c) => c.tags.includes('list'));
		expect(cards.map((c) => [c.type, c.question, c.answer])).toEqual([['basic', 'What did the new trade pact cover?', 'Austria, Belgium and Chile']]);
		expect(checkTypedAnswer('Chile, Austria and Belgium', cards[0]?.answer ?? '', { type: 'basic' }).correct).toBe(true);
		expect(checkTypedAnswer('Chile and Austria', cards[0]?.answer ?? '', { type: 'basic' }).correct).toBe(false);
	});
});
