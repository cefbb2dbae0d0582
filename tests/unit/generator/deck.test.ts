import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeckFile } from '../../../src/lib/domain/deck-file';
import { CARD_TYPES, type Card } from '../../../src/lib/domain/types';
import { buildModel, candidates, centralNouns, checkCardRules, commonLastWord, deckSize, extractFacts, fromTitle, generateDeck, inAside, longBlank, topical, usedOnce } from '../../../src/lib/generator/core/index';
import type { Fact } from '../../../src/lib/generator/core/fact';
import { factCards, fixedPhrase, genericPerson, givenAway, pairGiven } from '../../../src/lib/generator/core/cards';
import { tidy } from '../../../src/lib/generator/core/clause';
import { cutsModifier, generic, objectOf } from '../../../src/lib/generator/core/concepts';
import { frontedView } from '../../../src/lib/generator/core/long';
import { analyse } from '../../../src/lib/generator/core/nlp';
import { wholePhrase } from '../../../src/lib/generator/core/phrases';
import { readFileSync } from 'node:fs';
import { contextNeed } from '../../../src/lib/generator/core/context';
import { seed } from './seeds';
import { rankCards } from '../../../src/lib/generator/core/rank';
import { docStats } from '../../../src/lib/generator/core/features';

const NOW = '2026-01-01T00:00:00.000Z';
const deckOf = (text: string, maxCards?: number) => generateDeck([{ id: 'doc-1', title: 'T', text }], { now: NOW, seed: 's', maxCards });

describe('generated decks', () => {
	for (const which of ['talks', 'exchanges'] as const) {
		it(`every card of the ${which} seed obeys the contract's card rules`, { timeout: 60_000 }, () => {
			const deck = deckOf(seed(which).text);
			expect(deck.cards.length).toBeGreaterThan(20);
			expect(deck.cards.flatMap((c) => checkCardRules(c, deck).map((v) => `${c.question}: ${v}`))).toEqual([]);
			expect(parseDeckFile(deck).ok).toBe(true);
		});
	}

	it('makes every card type from the second seed and puts the best first', { timeout: 60_000 }, () => {
		const deck = deckOf(seed('exchanges').text);
		expect(new Set(deck.cards.map((c) => c.type))).toEqual(new Set(CARD_TYPES));
		const scores = deck.cards.map((c) => c.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		// "What does CSCAP address? — DPRK's nuclear program" (twelfth pass: a sentence too short for a cloze keeps the
		// object question of its named subject) was second; the seed says "program" only there, so it ranks lower now
		// (thirteenth pass, precision: usedOnce) and "An _____ NEACD meeting …" (April 2006) is second.
		expect(deck.cards.slice(0, 3).map((c) => c.type)).toEqual(['basic', 'mcq', 'basic']);
	});

	it('sizes the deck from its distinct facts (plus matching and ordering cards) unless told otherwise', { timeout: 60_000 }, () => {
		// 58: the topic names (US, North Korea, their adjectives) are never a whole answer, nor with only a party noun
		// ("the North Korean delegation"): was 68, then 61. 60 (twelfth pass): "the US policy known as “strategic
		// patience”, which …" and "what is known as a Track 2 meeting" are two more distinct facts (glosses.ts).
		expect(deckOf(seed('talks').text).cards.length).toBe(60);
		expect(deckOf(seed('talks').text, 7).cards.length).toBe(7);
	});

	it('is deterministic: two runs are byte-identical', { timeout: 60_000 }, () => {
		const { text } = seed('exchanges');
		expect(JSON.stringify(deckOf(text))).toBe(JSON.stringify(deckOf(text)));
	});

	it('keeps card ids when an unrelated paragraph is added', { timeout: 60_000 }, () => {
		const { text } = seed('talks');
		const before = deckOf(text, 10_000);
		const after = deckOf(`${text}\n\nThe weather in the harbour was mild for most of the afternoon, and the ferries ran on time.`, 10_000);
		const ids = new Set(after.cards.map((c) => c.id));
		const single = before.cards.filter((c) => c.type !== 'matching' && c.type !== 'ordering');
		expect(single.filter((c) => !ids.has(c.id)).map((c) => c.question)).toEqual([]);
	});

	it('asks the questions a student should see about the NCAFP', { timeout: 60_000 }, () => {
		const deck = deckOf(seed('talks').text);
		const ask = (q: string) => deck.cards.find((c) => c.question === q)?.answer;
		expect(ask('Who is the President of NCAFP?')).toBe('George Schwab');
		expect(ask('What does NCAFP stand for?')).toBe('National Committee on American Foreign Policy');
		expect(ask('Which term means an unwillingness to engage in dialogue for whatever reason?')).toBe('Strategic patience');
	});

	it('never crashes on random text and its cards still obey the rules', { timeout: 120_000 }, () => {
		const word = fc.constantFrom('the', 'Council', 'of', 'NATO', 'in', '1993', 'said', 'Dr.', 'J.', '“', '”', '(', ')', 'Smith', 'was', 'founded', '21', 'countries', ',', '.', '\n\n', 'He', 'President', 'Alice Brown', '¹');
		fc.assert(
			fc.property(fc.array(word, { maxLength: 200 }), fc.string({ maxLength: 200 }), (words, noise) => {
				const deck = deckOf(`${words.join(' ')} ${noise}`);
				for (const card of deck.cards) expect(checkCardRules(card, deck)).toEqual([]);
			}),
			{ numRuns: 150, seed: 42 }
		);
	});

	const squad = JSON.parse(readFileSync('tests/fixtures/squad/squad-v2-dev-sample.json', 'utf8')) as { data: { title: string; paragraphs: { context: string }[] }[] };
	const texts = [seed('talks').text, seed('exchanges').text, ...squad.data.map((a) => a.paragraphs.map((p) => p.context).join('\n\n'))];

	it('every card of the seeds and the public articles obeys the card rules and reads without its page', { timeout: 120_000 }, () => {
		for (const text of texts) {
			const deck = deckOf(text);
			expect(deck.cards.flatMap((c) => checkCardRules(c, deck))).toEqual([]);
			expect(deck.cards.filter((c) => c.type !== 'matching' && c.type !== 'ordering' && contextNeed(c.question) !== null).map((c) => c.question)).toEqual([]);
			expect(deck.cards.filter((c) => c.type === 'truefalse').length).toBeLessThanOrEqual(Math.floor(deck.cards.length / 5));
		}
	});
});

describe('the top of the deck asks a common-noun answer no more than twice, counting the answers inside it (twelfth pass: ranking)', () => {
	const make = (id: string, answer: string, start: number): { card: Card; fact: string } => ({
		card: { id, type: 'cloze', question: `q ${id}`, answer, tags: [], score: 0.9 - start / 1000, source: { doc: 'd', sentence: 's', start, end: start + 1 } },
		fact: id.toUpperCase()
	});

	it('puts a third "immune response" after the rest when "innate immune response" is already asked', () => {
		// Scores 0.899, 0.898, 0.897 × 0.85 (a second card on its answer), 0.896, 0.6.
		const cards = [make('a', 'immune response', 1), make('b', 'innate immune response', 2), make('c', 'immune response', 3), make('d', 'antibodies', 4), make('e', 'phagocytes', 300)];
		expect(rankCards(cards, 10).map((c) => c.id)).toEqual(['a', 'b', 'd', 'e', 'c']);
	});

	it('keeps names and numbers apart: "Court of Justice" is not "Court", "October 1973" is not "1973"', () => {
		const names = [make('a', 'Court', 1), make('b', 'Court of Justice', 2), make('c', 'Court', 3), make('d', 'Council', 4), make('e', 'Treaty', 300)];
		expect(rankCards(names, 10).map((c) => c.id)).toEqual(['a', 'b', 'd', 'c', 'e']);
		const years = [make('a', '1973', 1), make('b', 'October 1973', 2), make('c', '1973', 3), make('d', '1974', 4), make('e', '1975', 300)];
		expect(rankCards(years, 10).map((c) => c.id)).toEqual(['a', 'b', 'd', 'c', 'e']);
	});
});

describe('defects found judging the top 25 of every dev text (twelfth pass)', () => {
	const answers = (deck: ReturnType<typeof deckOf>) => deck.cards.map((c) => c.answer);
	const filler = [
		'The harbour authority built three new piers along the eastern shore in 1871.',
		'Local merchants paid a small toll for every cargo that crossed the bay.',
		'The fishing fleet grew quickly after the railway reached the coast.',
		'Storms damaged the old lighthouse twice during the following decade.',
		'Engineers later replaced the wooden breakwater with granite blocks.'
	].join(' ');

	it('ranks down a run of the title’s words, or a name whose initials are a title word, as a whole answer', () => {
		expect(fromTitle('European Union', 'European Union law')).toBe(true);
		expect(fromTitle('the Baltic Sea', 'Baltic Sea trade')).toBe(true);
		expect(fromTitle('General Public License', 'gpl-3')).toBe(true);
		expect(fromTitle('European Court', 'European Union law')).toBe(false);
		expect(fromTitle('Union', 'European Union law')).toBe(false);
		expect(fromTitle('Open Data Institute', 'gpl-3')).toBe(false);
		const text = `${filler} Free movement of timber within the Baltic Sea was achieved by a common toll in 1650.`;
		const quality = (title: string) => extractFacts(buildModel('d', text), undefined, title).find((f) => f.answer === 'Baltic Sea')?.quality ?? 1;
		expect(quality('Baltic Sea trade')).toBe(0.3);
		expect(quality('Hanseatic trade')).toBe(1);
		// A term the text defines is asked at full weight even when the title names it.
		const defined = `${filler} Harbour dues is a term used to describe the tolls that merchants paid for every cargo. Harbour dues rose twice after the railway reached the coast.`;
		const facts = extractFacts(buildModel('d', defined), undefined, 'Harbour dues in the north').filter((f) => f.answer === 'Harbour dues');
		expect(facts.map((f) => [f.key.split('|')[0], f.quality ?? 1])).toEqual([['define', 1], ['concept', 0.3], ['concept', 0.3]]);
	});

	it('asks no negative quantifier ("None of the early charters") as an answer', () => {
		const deck = deckOf(`${filler} None of the early charters of the harbour mention protection for migrant workers.`);
		expect(answers(deck).filter((a) => /^(?:none|neither|no)\b/i.test(a))).toEqual([]);
		expect(deck.cards.some((c) => c.answer === 'migrant workers')).toBe(true);
	});

	it('drops "subsequently" and "thereafter", which point to an event the page told before', () => {
		expect(tidy('The Harbour Charter was subsequently adopted in 1889 by nine of the ten ports.')).toBe('The Harbour Charter was adopted in 1889 by nine of the ten ports.');
		expect(tidy('The Frisians thereafter adopted the customs of the Saxons.')).toBe('The Frisians adopted the customs of the Saxons.');
		expect(tidy('Thereafter the customs of the Saxons spread.')).toBe('Thereafter the customs of the Saxons spread.');
		const deck = deckOf(`${filler} The Harbour Charter was subsequently adopted in 1889 by nine of the ten ports.`);
		expect(deck.cards.filter((c) => /subsequently/.test(c.question))).toEqual([]);
		expect(deck.cards.find((c) => c.answer === '1889' && c.type === 'basic')?.question).toBe('In which year was the Harbour Charter adopted?');
	});

	it('takes the "of" phrase of a share with the object: "the rest of Frisia", not "the rest"', () => {
		const clause = 'The settlers adopted the old farming customs of the rest of Frisia, and taught them to their children.';
		expect(objectOf(clause, analyse(clause))?.text).toBe('the old farming customs of the rest of Frisia');
		const plain = 'The settlers adopted the old farming customs of the coast, and taught them to their children.';
		expect(objectOf(plain, analyse(plain))?.text).toBe('the old farming customs of the coast');
		const deck = deckOf(`${filler} ${clause}`);
		expect(answers(deck).filter((a) => /of the rest$/.test(a))).toEqual([]);
	});

	it('splits the two objects of a verb of giving: "deny users | access"', () => {
		const text = 'Some routers are designed to deny users access to the settings page.';
		expect(analyse(text).chunks.map((k) => k.text)).toEqual(['Some routers', 'users', 'access', 'the settings page']);
		const compound = 'The clerk stamped the customs forms at the gate.';
		expect(analyse(compound).chunks.map((k) => k.text)).toEqual(['The clerk', 'the customs forms', 'the gate']);
	});

	it('reads a third-person verb before its "that" clause as the verb ("… of faults and joints states that, …")', () => {
		const text = 'The principle of faults and joints states that, in layered rocks, a fault is younger than the rocks it cuts.';
		expect(analyse(text).chunks.map((k) => k.text).slice(0, 3)).toEqual(['The principle', 'faults', 'joints']);
		const relative = 'The member states that joined in 2004 adopted the euro later.';
		expect(analyse(relative).chunks.map((k) => k.text)[0]).toBe('The member states');
	});

	it('gives away no blank by the answer’s own word in the other number, an idiom, a pair, a person noun, a hyphen or a list before it', () => {
		expect(givenAway('For each key, the index records where key is the type of _____ within the table.', 'keys')).toBe(false);
		expect(fixedPhrase('The library cannot know in _____ which methods return promises.', 'advance')).toBe(true);
		expect(fixedPhrase('Most of the water is stored in _____ beneath the plain.', 'aquifers')).toBe(false);
		expect(pairGiven('The problem asks whether _____ finite graphs are isomorphic.', 'two')).toBe(true);
		expect(pairGiven('The problem of multiplying _____ integers is easy.', 'two')).toBe(false);
		expect(genericPerson('A _____ who has opted into a beta release wants its changes.', 'user')).toBe(true);
		expect(genericPerson('The _____ who founded the port was a Dane.', 'merchant guild')).toBe(false);
		for (const [stem, answer] of [
			['The library cannot know in _____ which methods return promises.', 'advance'],
			['The problem asks whether _____ finite graphs are isomorphic.', 'two'],
			['A _____ who has opted into a beta release wants its changes.', 'user'],
			['The guild formulated its charter in the mid-_____.', '1350s'],
			['The _____-based fleet grew quickly.', 'coal'],
			['The spring, summer and autumn fairs are _____ different markets of the town.', 'three']
		] as const) expect(givenAway(stem, answer)).toBe(true);
		expect(givenAway('The guild formulated its charter in the mid-1350s - _____ years before the war.', 'twenty')).toBe(false);
		expect(givenAway('The spring, summer and autumn fairs are _____ different markets of the town.', 'four')).toBe(false);
		expect(givenAway('Spring, summer and autumn, the busy seasons, bring _____ fairs.', 'three')).toBe(false);
		const text = 'For each key, the index records where key is the type of keys within the table.';
		const info = buildModel('d', text).sentences[0];
		const known = { states: () => false, names: () => false, pairs: () => false };
		const fact = (answer: string, cloze: string) => ({ key: `concept|${answer}`, answer, answerKind: 'concept' as const, info: info!, cloze, weight: 0.5, tags: ['concept'] });
		expect(factCards(fact('keys', 'For each key, the index records where key is the type of _____ within the table.'), new Map(), known, 's')).toEqual([]);
		expect(factCards(fact('table', 'For each key, the index records where key is the type of keys within the _____.'), new Map(), known, 's').map((c) => c.answer)).toEqual(['table']);
		// A question cut inside a "that" clause that an aside opens: the cloze stays, the question goes.
		const rule = 'The rule of layers states that, in a cliff, the lower layer is the older one.';
		const info2 = buildModel('d', rule).sentences[0]!;
		const layers = { key: 'concept|rule of layers', answer: 'rule of layers', answerKind: 'concept' as const, info: info2, question: 'What states that, in a cliff?', cloze: 'The _____ states that, in a cliff, the lower layer is the older one.', weight: 0.5, tags: ['concept'] };
		expect(factCards(layers, new Map(), known, 's').map((c) => c.type)).toEqual(['cloze']);
	});

	it('makes no multiple choice of a list asked whole: single names among the options would not fit (lists.ts)', () => {
		const text = 'The new trade pact covered Austria, Belgium and Chile.';
		const info = buildModel('d', text).sentences[0]!;
		const known = { states: () => false, names: () => false, pairs: () => false };
		const candidates = new Map([['place' as const, ['Denmark', 'Egypt', 'Finland', 'Ghana', 'Hungary']]]);
		const fact = { key: 'list|whole|Austria, Belgium and Chile', answer: 'Austria, Belgium and Chile', answerKind: 'place' as const, info, question: 'What did the new trade pact cover?', cloze: 'The new trade pact covered _____.', weight: 0.7, tags: ['place', 'list'] };
		// Without its members the fact is a place like any other, and gets options of single places.
		expect(factCards(fact, candidates, known, 's').map((c) => c.type)).toEqual(['basic', 'mcq']);
		expect(factCards({ ...fact, members: ['Austria', 'Belgium', 'Chile'] }, candidates, known, 's').map((c) => c.type)).toEqual(['basic', 'cloze']);
	});

	it('counts a noun at 1 % of the words among the most used ones', () => {
		const heads = new Map([['store', 40], ['transaction', 10], ['cursor', 9]]);
		expect([...centralNouns(heads, 1000)].sort()).toEqual(['store', 'transaction']);
	});

	it('treats the topic with a place’s head word as the topic ("the Amazon River" in a text on the Amazon)', () => {
		const names = new Set(['amazon']);
		expect(topical('Amazon River', new Set(), names)).toBe(true);
		expect(topical('the Amazon forest', new Set(), names)).toBe(true);
		expect(topical('Amazon basin', new Set(), names)).toBe(false);
		expect(topical('Negro River', new Set(), names)).toBe(false);
	});

	it('ranks "actual" and "deep" phrases used once as generic, and cuts "an infinite collection of" to what it collects', () => {
		for (const [text, phrase] of [
			['Before the actual research started, many foundations were laid by others.', 'the actual research'],
			['The State had a deep interest in the discipline of its citizens.', 'a deep interest']
		] as const) {
			const c = analyse(text);
			const k = c.chunks.find((x) => x.text === phrase);
			expect(k && generic(c, k, new Map())).toBe(true);
		}
		const text = 'A problem can be viewed as an infinite collection of instances with a solution for each.';
		const c = analyse(text);
		const k = c.chunks.find((x) => x.text === 'an infinite collection');
		expect(k && wholePhrase(text, c, k)?.chunk.text).toBe('instances');
	});

	it('asks no lone noun after the "-ing" word that modifies it ("may make breaking _____")', () => {
		const text = 'Caret ranges suit an author who may make breaking changes between minor releases.';
		const c = analyse(text);
		const k = c.chunks.find((x) => x.text === 'changes');
		expect(k && cutsModifier(c, k)).toBe(true);
		const deck = deckOf(`${filler} ${text} Breaking changes are listed in the release notes of every version.`);
		expect(deck.cards.filter((c) => c.answer === 'changes')).toEqual([]);
	});

	it('leaves an adverbial before the subject in place when the clause ends in a relative clause set off by a comma', () => {
		const view = (text: string) => frontedView(buildModel('d', text).sentences[0]!, new Set())?.info.s.text ?? null;
		expect(view('In the 1890s, the harbour authority built three new piers along the eastern shore, which is called the Strand.')).toBe(null);
		expect(view('In the 1890s, the harbour authority built three new piers along the eastern shore.')).toBe('The harbour authority built three new piers along the eastern shore in the 1890s.');
	});

	it('offers no "person" whose last word the text keeps using as a common word ("Maria Fold" among geologists)', () => {
		const lower = new Map([['fold', 3], ['hutton', 0]]);
		expect(commonLastWord('Maria Fold', lower)).toBe(true);
		expect(commonLastWord('James Hutton', lower)).toBe(false);
		expect(commonLastWord('Fold', lower)).toBe(false);
		const text = [
			'The first geological map of the coast was produced in 1809 by William Maclure.',
			'James Hutton described the rocks of the coast in 1785.',
			'Charles Lyell wrote on the same rocks in 1830.',
			'Adam Sedgwick named the oldest layers in 1835.',
			'Maria Fold is a range of folded hills beside the coast.',
			'A fold forms where layers bend, and each fold has two limbs.',
			'The fold seen near the bay is the largest of them.'
		].join(' ');
		expect([...(candidates([buildModel('d', text)], []).get('person') ?? [])].sort()).toEqual(['Adam Sedgwick', 'Charles Lyell', 'James Hutton', 'William Maclure']);
	});

	it('takes no fact from text to type quoted the GNU way, and ranks a concept inside a short aside lower', () => {
		const deck = deckOf(`${filler} The hypothetical commands \`show w' and \`show c' should show the appropriate parts of the licence.`);
		expect(deck.cards.filter((c) => /show [wc]/.test(c.question) || /show [wc]/.test(c.answer))).toEqual([]);
		const text = `${filler} A time came, in the progress of human affairs, when the harbour towns elected their own magistrates.`;
		const facts = extractFacts(buildModel('d', text));
		const aside = facts.find((f) => f.answer === 'human affairs');
		const main = facts.find((f) => f.answer === 'own magistrates' || f.answer === 'harbour towns');
		expect(aside && inAside(aside)).toBe(true);
		expect(main && inAside(main)).toBe(false);
	});
});

describe('what reaches the top H (thirteenth pass: ranking)', () => {
	const fact = (answer: string, start: number, weight = 0.5) => ({ answer, key: `blank|${answer}|${start}`, weight, info: { s: { doc: 'd', start } } }) as unknown as Fact;

	it('sizes a deck at one card per sixteen words at least, when its distinct facts are fewer', () => {
		// Three distinct facts: the deck would be 5 cards (the least); 320 words ask for 20, 400 words for 25.
		const facts = [fact('granite', 0), fact('the harbour', 100), fact('1871', 200)];
		expect(deckSize(facts, 320)).toBe(20);
		expect(deckSize(facts, 400)).toBe(25);
		// Fewer than 5 × 16 words: still 5.
		expect(deckSize(facts, 40)).toBe(5);
		// More distinct facts than the floor: one card per fact, at most one per ten words.
		const many = Array.from({ length: 30 }, (_, i) => fact(`answer ${i}`, i * 10));
		expect(deckSize(many, 320)).toBe(30);
		expect(deckSize(many, 200)).toBe(20);
	});
});

describe('what the top H holds that nobody asks (thirteenth pass: precision)', () => {
	const filler = 'The harbour town lies on a wide bay. Fishing boats leave the harbour at dawn.';
	// The sentence is said twice, so none of its words is used only once (usedOnce, below).
	const factsOf = (sentence: string) => extractFacts(buildModel('d', `${filler} ${sentence} ${sentence}`)).filter((f) => f.info.s.text === sentence);

	it('ranks lower a common-noun answer of four words or more that only a cloze asks', () => {
		const facts = factsOf('The miller was the keeper of the old stone mill in 1871.');
		const long = facts.find((f) => f.answer === 'keeper of the old stone mill');
		const short = facts.find((f) => f.answer === 'old stone mill');
		expect(long && [long.question ?? null, longBlank(long), long.quality]).toEqual([null, true, 0.6]);
		expect(short && [longBlank(short), short.quality ?? 1]).toEqual([false, 1]);
	});

	it('keeps the weight of a long answer a wh-question asks', () => {
		const asked = factsOf('Traders in the port sold the dried salted fish of the northern coast.').find((f) => f.answer === 'Traders in the port');
		expect(asked && [Boolean(asked.question), longBlank(asked), asked.quality ?? 1]).toEqual([true, false, 1]);
	});

	it('ranks lower a common-noun answer with a word the reading uses only once', () => {
		const text = [
			'The harbour town lies on a wide bay.',
			'The harbour town exported dried fish and woollen cloth to distant ports.',
			'Fishing boats carried the dried fish to the market.'
		].join(' ');
		const model = buildModel('d', text);
		const facts = extractFacts(model).filter((f) => f.info.s.text.startsWith('The harbour town exported'));
		const answer = (a: string) => facts.find((f) => f.answer === a);
		const once = answer('woollen cloth');
		const twice = answer('dried fish');
		expect(once && [usedOnce(once, docStats(model.sentences)), once.quality]).toEqual([true, 0.6]);
		expect(twice && [usedOnce(twice, docStats(model.sentences)), twice.quality ?? 1]).toEqual([false, 1]);
	});
});
