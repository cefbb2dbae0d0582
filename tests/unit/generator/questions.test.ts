/**
 * Question formation on fixed sentences (issue 9): the wh-word follows the answer's kind, the predicate stops
 * where a new clause starts, a reduced relative is no verb, why/how questions invert the main clause, and
 * stems that read on their own are kept while those that need the page are not.
 */
import { describe, expect, it } from 'vitest';
import { listLike, namedInstance, namingDemonstratives, resolveStart, tidy } from '../../../src/lib/generator/core/clause';
import { conceptFacts, generic, headCounts, insideRange, subjectQuestion } from '../../../src/lib/generator/core/concepts';
import { contextNeed, documentPerson, documentTopic, spokenOf, withPerson, withTopic } from '../../../src/lib/generator/core/context';
import { buildModel, splitTitle } from '../../../src/lib/generator/core/entities';
import { givenAway, withoutGloss } from '../../../src/lib/generator/core/cards';
import { pickDistractors, placeLevel, unitOf } from '../../../src/lib/generator/core/distractors';
import { fromTitle, generateDeck, topical } from '../../../src/lib/generator/core/index';
import { analyse } from '../../../src/lib/generator/core/nlp';
import { frontedView } from '../../../src/lib/generator/core/long';
import { reasonFacts } from '../../../src/lib/generator/core/reasons';
import { mannerFacts } from '../../../src/lib/generator/core/manner';
import { seed } from './seeds';

const subject = (s: string) => subjectQuestion(s, analyse(s));
/** The reason fact of a one-sentence document: [question, answer], or null. */
function reason(s: string): [string | undefined, string] | null {
	const info = buildModel('d', s).sentences[0];
	if (!info) return null;
	const f = reasonFacts(info, [], analyse(tidy(info.s.text), new Set()))[0];
	return f ? [f.question, f.answer] : null;
}
/** Every reason fact of a one-sentence document, as [question, answer]. */
function reasons(s: string): [string | undefined, string][] {
	const info = buildModel('d', s).sentences[0];
	return info ? reasonFacts(info, [], analyse(tidy(info.s.text), new Set())).map((f) => [f.question, f.answer]) : [];
}
function concepts(s: string): string[] {
	const info = buildModel('d', s).sentences[0];
	return info ? conceptFacts(info, [], new Map(), analyse(tidy(info.s.text), new Set())).map((f) => f.answer) : [];
}

describe('subject questions', () => {
	it('asks "Who" for people and "What" for things', () => {
		expect(subject('Early Norman kings of England owed homage to the King of France for land on the continent.')).toBe('Who owed homage to the King of France for land on the continent?');
		expect(subject('The settlers built houses and planted crops.')).toBe('Who built houses and planted crops?');
		expect(subject('Cloud storage lets users keep files and share them.')).toBe('What lets users keep files and share them?');
	});

	it('stops the predicate before a coordinated clause with a subject of its own', () => {
		expect(subject('The nobility of England were part of a single Norman culture and many had lands on both sides of the channel.')).toBe('Who was part of a single Norman culture?');
	});

	it('builds none on a reduced relative clause ("raised at the meeting … are")', () => {
		const s = 'Questions regarding verification raised at the meeting are in the process of being answered now.';
		expect(analyse(s).verb).toBe(null);
		expect(subject(s)).toBe(null);
		// The participle and its phrase belong to the subject; the verb is the later "are" (nlp.ts, twelfth pass).
		const rules = analyse('The rules adopted in 1990 are strict.');
		expect([rules.subject?.text, rules.tokens[rules.verb ?? -1]?.text]).toEqual(['The rules adopted in 1990', 'are']);
		expect(analyse('The Normans adopted the language in the 10th century.').tokens[analyse('The Normans adopted the language in the 10th century.').verb ?? -1]?.text).toBe('adopted');
	});

	it('does not swallow the verb into the subject ("kings of England owed homage")', () => {
		expect(analyse('Early Norman kings of England owed homage to the King of France.').subject?.text).toBe('Early Norman kings of England');
	});
});

describe('typed wh-phrases', () => {
	/** [question, answer] of each concept fact of a one-sentence document, the document using "network" often. */
	const typed = (s: string) => {
		const info = buildModel('d', s).sentences[0];
		const heads = new Map([['network', 5]]);
		return info ? conceptFacts(info, [], heads, analyse(tidy(info.s.text), new Set())).filter((f) => f.question).map((f) => [f.question, f.answer]) : [];
	};
	it('asks a counted subject or object with "How many" and its noun', () => {
		expect(typed('Eight legions were stationed along the Danube by Trajan.')).toEqual([['How many legions were stationed along the Danube by Trajan?', 'Eight']]);
		expect(typed('Two hundred soldiers guarded the bridge at Arnhem.')).toEqual([['How many soldiers guarded the bridge at Arnhem?', 'Two hundred']]);
		expect(typed('The Romans kept eight legions in five forts along the Danube.')).toEqual([['How many legions did the Romans keep in five forts along the Danube?', 'eight']]);
	});

	it('asks a name that modifies the subject with "Which <noun>", a classifying modifier with "What kind of <noun>"', () => {
		expect(typed('The Picard dialect differs from the speech of Paris in many words.')[0]).toEqual(['Which dialect differs from the speech of Paris in many words?', 'Picard']);
		expect(typed('Circuit-switched networks reserve a line for each call.')[0]).toEqual(['What kind of networks reserve a line for each call?', 'Circuit-switched']);
	});

	it('keeps a compound the reading keeps using whole ("What kind of civil disobedience …? — Non-revolutionary")', () => {
		const info = buildModel('d', 'Non-revolutionary civil disobedience is a simple disobedience of laws judged wrong by an individual conscience.').sentences[0];
		const heads = new Map([['disobedience', 9], ['civil disobedience', 7]]);
		const facts = info ? conceptFacts(info, [], heads, analyse(tidy(info.s.text), new Set())).filter((f) => /^What kind of/.test(f.question ?? '')) : [];
		expect(facts.map((f) => [f.question, f.answer])).toEqual([['What kind of civil disobedience is a simple disobedience of laws judged wrong by an individual conscience?', 'Non-revolutionary']]);
	});

	it('never takes a quantifier for a kind ("What kind of networks …? — Many")', () => {
		expect(typed('Many networks reserve a line for each call.').filter(([q]) => /^What kind of/.test(q ?? ''))).toEqual([]);
	});
});

describe('why and how questions', () => {
	it('asks a purpose with "Why" and the main clause inverted', () => {
		// Since the thirteenth pass "via gateways" is a means of its own, which ends before the purpose.
		expect(reasons('The private networks were connected via gateways to the public network to reach locations not on the private network.')).toEqual([
			['How were the private networks connected?', 'via gateways to the public network'],
			['Why were the private networks connected via gateways to the public network?', 'to reach locations not on the private network']
		]);
		// "Farmers" is tagged as a noun only because the document never capitalises it mid-sentence.
		expect(reason('Farmers burn the forest in order to clear land for crops.')).toEqual(['Why do farmers burn the forest?', 'in order to clear land for crops']);
		expect(reason('The engineers tested the bridge in order to measure its strength.')).toEqual(['Why did the engineers test the bridge?', 'in order to measure its strength']);
	});

	it('asks a cause with "Why" and a means with "How"', () => {
		expect(reason('The sedimentary rock can be turned into a metamorphic rock due to heat and pressure and is then weathered.')).toEqual(['Why can the sedimentary rock be turned into a metamorphic rock?', 'due to heat and pressure']);
		expect(reason('The natural Rhine formed small islands by precipitating sediments.')).toEqual(['How did the natural Rhine form small islands?', 'by precipitating sediments']);
	});

	it('takes no noun complement or object-control infinitive for a purpose', () => {
		expect(reason('Jawed vertebrates have the ability to adapt over time to recognise specific pathogens.')).toBe(null);
		expect(reason('The signalling protocols allow the application to specify its requirements.')).toBe(null);
	});

	it('leaves a reason as a cloze, with no question, where a second verb shows the parse is unsure', () => {
		const r = reason('The signaling protocols used allow the application to specify its requirements in order to discover link parameters.');
		expect(r).toEqual([undefined, 'in order to discover link parameters']);
	});
});

describe('concept answers', () => {
	it('never starts an answer with a quantifier or a relative word', () => {
		const answers = concepts('The only part of the conduct of any one for which he is amenable to society is that which concerns others.');
		expect(answers.filter((a) => /^(?:which|much|one|no)\b/i.test(a))).toEqual([]);
	});

	it('ranks a generic phrase ("a large crowd", "greater interest") below a concept ("volcanic rocks")', () => {
		const isGeneric = (s: string, phrase: string) => {
			const c = analyse(s);
			const k = c.chunks.find((x) => x.text === phrase);
			return k ? generic(c, k, new Map()) : null;
		};
		expect(isGeneric('The museum drew a large crowd from the coast.', 'a large crowd')).toBe(true);
		expect(isGeneric('The strike led to greater interest in unions.', 'greater interest')).toBe(true);
		expect(isGeneric('The museum keeps volcanic rocks from the coast.', 'volcanic rocks')).toBe(false);
		const info = buildModel('d', 'The museum drew a large crowd from the coast.').sentences[0];
		const facts = info ? conceptFacts(info, [], new Map(), analyse(tidy(info.s.text), new Set())) : [];
		expect(facts.map((f) => [f.answer, f.quality])).toEqual([['large crowd', 0.5]]);
	});

	it('counts a relational phrase generic even when its noun recurs, unless the phrase itself does; a vague noun too ("human affairs")', () => {
		const clauses = [
			'The liberty of the press may seem to fall under a different principle.',
			'The principle of liberty protects the individual.',
			'Every principle needs a reason, and this principle has one.',
			'Judges apply the common law in civil cases.',
			'The common law grew from the decisions of judges.',
			'Parliament may change the common law by statute.',
			'Custom shapes the progress of human affairs.'
		].map((s) => analyse(s));
		const heads = headCounts(clauses);
		const isGeneric = (i: number, phrase: string) => {
			const c = clauses[i];
			const k = c?.chunks.find((x) => x.text === phrase);
			return c && k ? generic(c, k, heads) : null;
		};
		expect([isGeneric(0, 'a different principle'), isGeneric(3, 'the common law'), isGeneric(6, 'human affairs')]).toEqual([true, false, true]);
	});

	it('never blanks the front of a compound the chunker split ("The TELNET message | routing system")', () => {
		// The whole compound is the subject (nlp.ts reads "routing system" after "The TELNET message"), asked by a question.
		expect(concepts('The TELNET message routing system was a British research project run by the post office.')).toEqual(['TELNET message routing system', 'British research project', 'post office']);
		expect(concepts('Most libraries treat a 2.x release as if the x were the major version.')).toEqual(['major version']);
		expect(concepts('The backup tool would copy the file report.txt to every folder of the disk.')).not.toContain('file report');
	});

	it('never blanks a phrase away from the adverb that modifies it ("Highly _____ of oxygen" → "concentrated sources")', () => {
		expect(concepts('Highly concentrated sources of oxygen promote rapid combustion in closed rooms.')).not.toContain('concentrated sources');
		expect(concepts('The green algae are another large, highly diverse primary lineage of plants.')).not.toContain('diverse primary lineage');
	});
});

describe('stems that read on their own', () => {
	it('accepts a leading subordinate clause, "those who", "there is" and an expletive "it"', () => {
		expect(contextNeed('Because oil was priced in dollars, oil producers lost real income.')).toBe(null);
		expect(contextNeed('The Netherlands imposed prison sentences for those who used more than their ration.')).toBe(null);
		const info = buildModel('d', 'There are three kinds of rock in the crust of the Earth.').sentences[0];
		expect(info && resolveStart(tidy(info.s.text), info, [])).toBe('There are three kinds of rock in the crust of the Earth.');
		const it = buildModel('d', 'It is believed that the basin was split along the middle of the continent.').sentences[0];
		expect(it && resolveStart(tidy(it.s.text), it, [])).toBe('It is believed that the basin was split along the middle of the continent.');
	});

	it('keeps "Later" that is part of the subject ("Later license versions …"), drops "Later," that links', () => {
		expect(tidy('Later license versions may give you additional permissions.')).toBe('Later license versions may give you additional permissions.');
		expect(tidy('Later, the makers introduced domestic replacements.')).toBe('The makers introduced domestic replacements.');
	});

	it('drops a leading comparison ("In addition to …,", "In contrast to …,") that ties the sentence to another', () => {
		expect(tidy("In addition to being a Steering Committee member, the DPRK's Institute for Disarmament and Peace is an active member of the Study Group.")).toBe("The DPRK's Institute for Disarmament and Peace is an active member of the Study Group.");
		expect(tidy('Unlike cats, dogs bark.')).toBe('Unlike cats, dogs bark.');
	});

	it('drops a connective aside, and a leading "Secondly"', () => {
		expect(tidy('Saudi Arabia, on the other hand, is an Arab nation headed by a monarchy.')).toBe('Saudi Arabia is an Arab nation headed by a monarchy.');
		expect(tidy('Secondly, the principle requires liberty of tastes and pursuits.')).toBe('The principle requires liberty of tastes and pursuits.');
		expect(tidy('Note that, since ranges may be non-contiguous, a version might not satisfy a range.')).toBe('Since ranges may be non-contiguous, a version might not satisfy a range.');
		expect(tidy('Note that the cache is cleared on restart.')).toBe('The cache is cleared on restart.');
		expect(tidy('Next, the two plastid-dividing rings form.')).toBe('The two plastid-dividing rings form.');
		// A pointer that only modifies a phrase goes; the phrase reads on its own.
		expect(tidy('And an April 2006 NEACD meeting picked up where the NCAFP meetings mentioned above left off.')).toBe('An April 2006 NEACD meeting picked up where the NCAFP meetings left off.');
		expect(tidy('The above-mentioned NCAFP/TKS meetings are bilateral.')).toBe('The NCAFP/TKS meetings are bilateral.');
	});

	it('lets a plural noun carry a later "their" in a statement, never in a question', () => {
		expect(contextNeed('Track II events give all sides a forum to present their views.')).toBe(null);
		expect(contextNeed('What can be recognised by their surnames?')).toBe('pronoun');
	});

	it('refuses a definite subject that points back to an instance the sentence before named', () => {
		const text = 'For example, the pattern *.log would match the file error.log in any folder. The glob pattern only matches names in the current folder of the project.';
		const [first, second] = buildModel('d', text).sentences;
		expect(first && second ? resolveStart(second.s.text, second, [first]) : 'no sentences').toBe(null);
		expect(second ? resolveStart(second.s.text, second, []) : null).toBe(second?.s.text);
		expect(namedInstance('The glob pattern only matches names.', 'the pattern *.log would match')).toBe(true);
		expect(namedInstance('The glob pattern only matches names.', 'the pattern of the file would match')).toBe(false);
		expect(namedInstance('The Rhine flows north.', 'the river Aare joins it')).toBe(false);
	});

	it('still refuses a stem that points back', () => {
		expect(contextNeed('This accumulating water broke through the Purus Arch.')).toBe('demonstrative');
		expect(contextNeed('And the council reviews the budget every year.')).toBe('leading connective');
	});
});

describe('true or false', () => {
	it('never swaps a number that its own conversion in brackets would give away ("1,900,000 square kilometres (2,700,000 sq mi)")', () => {
		const text = 'The Amazon rainforest covers most of the Amazon basin of South America. This basin encompasses 7,000,000 square kilometres (2,700,000 sq mi), of which 5,500,000 square kilometres (2,100,000 sq mi) are covered by the rainforest. The region includes territory of nine nations, and Brazil holds 60% of the rainforest. Between 1991 and 2000 the forest lost 1,900,000 square kilometres of its cover to cattle farms. Deforestation in Brazil reached 27,000 square kilometres in 2004.';
		// Over twenty seeds, so the test does not hang on one coin toss of which statements are made false.
		const swapped = Array.from({ length: 20 }, (_, i) => generateDeck([{ id: 'd', title: 'Rainforest', text }], { now: '2026-01-01T00:00:00Z', maxCards: 100, seed: `s${i}` }))
			.flatMap((deck) => deck.cards)
			.filter((c) => c.type === 'truefalse' && c.answer === 'False' && /sq mi\)/.test(c.question));
		expect(swapped.map((c) => c.question)).toEqual([]);
	});
});

describe('multiple choice', () => {
	it('offers an amount only amounts of its unit', () => {
		expect(unitOf('$5.11')).toBe('$|');
		expect(unitOf('five')).toBe('|word');
		expect(unitOf('47.650°N')).toBe('°|n');
		expect(unitOf('182 million tons')).toBe('|tons');
		const candidates = new Map([['number' as const, ['five', 'nine', '$3.01', '$2.50', '$11.65', '12%']]]);
		expect(pickDistractors('$5.11', 'number', candidates, [], 4, 's').every((d) => d.startsWith('$'))).toBe(true);
		// A count with its noun among bare counts gives itself away ("two plastid-dividing rings" among "three", "five").
		expect(pickDistractors('two plastid-dividing rings', 'number', new Map([['number' as const, ['three', 'five', 'four', 'six']]]), [], 4, 's')).toEqual([]);
	});

	it('offers a place of unknown size places of unknown size first, not countries beside it ("Rotterdam" among "Austria", "Luxembourg")', () => {
		const candidates = new Map([['place' as const, ['Austria', 'Luxembourg', 'Scotland', 'Duisburg', 'Nijmegen', 'Arnhem', 'Emmerich']]]);
		expect(placeLevel('Rotterdam')).toBe(null);
		const offered = pickDistractors('Rotterdam', 'place', candidates, [], 3, 's');
		expect([offered.length, offered.filter((p) => ['Austria', 'Luxembourg', 'Scotland'].includes(p))]).toEqual([3, []]);
	});

	it('never offers a bare head word as a name ("River", "Bridge" among places)', () => {
		const candidates = new Map([['place' as const, ['River', 'Bridge', 'Gaul', 'Scandinavia', 'Saxony', 'Lake']]]);
		expect(pickDistractors('Francia', 'place', candidates, [], 3, 's').sort()).toEqual(['Gaul', 'Saxony', 'Scandinavia']);
	});

	it('never offers a term beside its own acronym or expansion', () => {
		const candidates = new Map([['org' as const, ['Royal Society for Bird Protection', 'Harbour Trust', 'Lake Council', 'Forest Guild', 'RSBP']]]);
		expect(pickDistractors('RSBP', 'org', candidates, [], 4, 's')).toEqual(['Forest Guild', 'Harbour Trust', 'Lake Council']);
		expect(pickDistractors('Marsh Board', 'org', candidates, [], 4, 's').filter((d) => /RSBP|Royal/.test(d)).length).toBe(1);
	});

	it('asks a concept as a cloze, never with options drawn from other phrases', () => {
		const deck = generateDeck([{ id: 'doc-1', title: 'T', text: seed('exchanges').text }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.filter((c) => c.type === 'cloze' && c.tags.includes('concept')).length).toBeGreaterThan(50);
		expect(deck.cards.filter((c) => c.type === 'mcq' && c.tags.includes('concept'))).toEqual([]);
	});
});

describe('stems that give the answer away or stop mid-phrase', () => {
	it('refuses a blank before its own abbreviation, inside a bracketed conversion, or before a name\'s number', () => {
		expect(givenAway('Oxygen is released in the form of _____ (CO 2) by respiration.')).toBe(true);
		expect(givenAway('The river is 1,230 kilometres (_____ miles) long.')).toBe(true);
		expect(givenAway('_____ 1 was the public switched data network operated by the Dutch PTT.')).toBe(true);
		expect(givenAway('Who was part of a single Norman culture and?')).toBe(true);
		expect(givenAway('What does NCAFP stand for?')).toBe(false);
		expect(givenAway('The river is _____ kilometres long.')).toBe(false);
	});

	it('refuses a number beside its own unit conversion, and a count of a list the stem then gives', () => {
		expect(givenAway('The canal was _____ kilometres (310 miles) long in 1900.', '500')).toBe(true);
		expect(givenAway('The canal was _____ kilometres long in 1900.', '500')).toBe(false);
		expect(givenAway('More than _____ square kilometres (10,000 sq mi) of farmland are sown for grain.', '26,000')).toBe(true);
		expect(givenAway('The valley holds _____ villages: Alpha, Beta (the oldest), and Gamma.', 'three')).toBe(true);
		expect(givenAway('The valley holds _____ villages: Alpha, Beta and Gamma.', 'four')).toBe(false);
		expect(givenAway('The valley holds _____ villages: Alpha, Beta, and a hamlet by the lake, called Gamma.', 'three')).toBe(true);
		expect(givenAway('The lamp shows _____ bright lines at 589 and 590 nm.', 'two')).toBe(true);
		expect(givenAway('The lamp shows _____ bright lines near the 1,200 nm mark.', 'two')).toBe(false);
	});

	it('drops a list number from the stem and takes no card from a line of code', () => {
		expect(tidy('3. Liquid nitrogen boils at a very low temperature.')).toBe('Liquid nitrogen boils at a very low temperature.');
		const text = 'The tilde range ~2.4 := >=2.4.0 <2.5.0 allows patch updates for the minor version. The caret range allows minor updates within one major version of a package.';
		const deck = generateDeck([{ id: 'd', title: 'T', text }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.filter((c) => /:=/.test(c.source.sentence))).toEqual([]);
		expect(deck.cards.length).toBeGreaterThan(0);
	});

	it('takes no card from an API line that opens with a verb ("Returns the difference …")', () => {
		const deck = generateDeck([{ id: 'd', title: 'T', text: 'Returns the difference between two versions by the release type, or null if the versions are the same. Semantic versioning gives every release of a package a three-part version number.' }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.filter((c) => /^Returns/.test(c.source.sentence))).toEqual([]);
		expect(deck.cards.length).toBeGreaterThan(0);
	});
});

describe('the reading\'s title', () => {
	it('is never the answer: every card is about it', () => {
		const text = 'The Rhine is the longest river in Germany. The Rhine rises in the Swiss Alps and flows into the North Sea. Barges on the river carry coal and grain to Rotterdam.';
		const deck = generateDeck([{ id: 'd', title: 'Rhine', text }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.filter((c) => c.answer === 'Rhine')).toEqual([]);
		expect(generateDeck([{ id: 'd', title: 'Rivers', text }], { now: '2026-01-01T00:00:00Z' }).cards.filter((c) => c.answer === 'Rhine').length).toBeGreaterThan(0);
	});
});

describe('the reading\'s topic words', () => {
	it('are never the whole answer: "What is studied …? — glaciers" in a text on glaciers', () => {
		const text = [
			'Glaciers form where snow builds up faster than it melts over many years.',
			'Glaciology is the study of glaciers and the ice sheets they feed.',
			'A valley glacier moves slowly downhill under its own weight.',
			'Glaciers carve deep valleys and leave moraines of broken rock behind them.',
			'Scientists measure glacier retreat with satellite images and old photographs.',
			'Tidewater glaciers end in the sea and shed icebergs from their fronts.'
		].join(' ');
		const deck = generateDeck([{ id: 'd', title: 'Ice', text }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.filter((c) => /^(?:the )?glaciers?$/i.test(c.answer)).map((c) => c.question)).toEqual([]);
		expect(deck.cards.filter((c) => c.answer === 'deep valleys').length).toBe(1);
	});
});

describe('the reading\'s topic names', () => {
	it('are never the whole answer, nor their adjective: "Ruritania", "Ruritanian" in a text on Ruritania', () => {
		const text = [
			'Ruritania is a small kingdom in the mountains of central Europe.',
			'Ruritanian farmers grow barley and rye in the northern valleys.',
			'The Ruritanian parliament meets twice a year in the capital, Strelsau.',
			'Ruritania exports timber and wool to its larger neighbours.',
			'Most Ruritanian villages elect a council of elders every four years.',
			'Tourists visit Ruritania for its castles and its mineral springs.',
			'The king of Ruritania appoints the judges of the supreme court.',
			'Ruritania has used its own currency, the crown, since 1920.',
			'Winters in Ruritania are long, and snow closes the passes until May.',
			'Ruritania joined the customs union of its neighbours in 1995.',
			'Ruritanian cheese is made from the milk of mountain goats.',
			'The Ruritanian delegation walked out of the trade talks in Geneva last spring.'
		].join(' ');
		const deck = generateDeck([{ id: 'd', title: 'A small kingdom', text }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.filter((c) => /^(?:the )?Ruritanian?$/i.test(c.answer)).map((c) => c.question)).toEqual([]);
		// A phrase the name only modifies is still asked ("Ruritanian farmers"), unless its noun is only a party to
		// the talks the reading is about ("the Ruritanian delegation" says no more than the topic).
		expect(deck.cards.map((c) => c.answer)).toContain('Ruritanian parliament');
		expect(deck.cards.filter((c) => /^Ruritanian (?:farmers|delegation)$/.test(c.answer)).map((c) => c.answer)).toEqual(['Ruritanian farmers']);
		expect([topical('Korean delegates', new Set(), new Set(['kore'])), topical('Korean farmers', new Set(), new Set(['kore']))]).toEqual([true, false]);
	});
});

describe('"It" at the start of a sentence', () => {
	const deckOf = (text: string) => generateDeck([{ id: 'd', title: 'Networks', text }], { now: '2026-01-01T00:00:00Z', maxCards: 100 });

	it('stands for the name the sentence before opened with: "Telenet was … . It was founded by …"', () => {
		const deck = deckOf('Telenet was the first licensed public data network in the country. It was founded by former director Larry Roberts as a way of making the technology public. Most universities reached Telenet through local numbers.');
		const card = deck.cards.find((c) => c.answer === 'Larry Roberts');
		expect(card?.question).toMatch(/^(?:Who founded Telenet\?|Telenet was founded by former director _____ as a way of making the technology public\.)$/);
		expect(deck.cards.filter((c) => /\bIt was founded\b/.test(c.question))).toEqual([]);
	});

	it('is left alone where the sentence before opens with no name as its subject, or in another paragraph', () => {
		for (const text of [
			'At Fécamp the monks wrote their chants in a new notation. It is still the most common form of pitch representation in Europe.',
			'On 7 November 1973 the ministers met in Vienna. It received a large cut in production in December.',
			'Telenet was the first licensed public data network in the country.\n\nIt was founded by former director Larry Roberts as a way of making the technology public. Most universities reached Telenet through local numbers.'
		]) {
			const deck = deckOf(text);
			expect(deck.cards.filter((c) => /Fécamp is|Vienna received|November 1973 received|Telenet was founded/.test(c.question)).map((c) => c.question)).toEqual([]);
			expect(deck.cards.filter((c) => /^(?:True or false: )?It\b/.test(c.question))).toEqual([]);
		}
	});
});

describe('a question cut short at a comma', () => {
	const ask = (sentence: string) => subjectQuestion(sentence, analyse(sentence));
	it('is refused where the last word waits for its noun ("its notions of personal, as of social excellence")', () => {
		expect(ask('Society has expended fully as much effort in the attempt (according to its lights) to compel people to conform to its notions of personal, as of social excellence.')).toBe(null);
	});

	it('keeps a cut after a whole phrase', () => {
		expect(ask('Track II events provide venues for DPRK interlocutors to reach a larger American audience, and for the policy community to hear from both the DPRK and U.S. governments.')).toBe(
			'What provides venues for DPRK interlocutors to reach a larger American audience?'
		);
	});
});

describe('quoted terms', () => {
	it('asks a short term the text sets in quotes ("push" motivations), never a quoted sentence', () => {
		const text = [
			'Researchers divide the motives of new business owners into two groups.',
			'Necessity-based entrepreneurship is motivated by survival needs such as income for food and shelter ("push" motivations), whereas opportunity-based entrepreneurship is driven by achievement-oriented motivations.',
			'One founder told the survey team "We had no other choice at all."'
		].join(' ');
		const deck = generateDeck([{ id: 'd', title: 'Entrepreneurs', text }], { now: '2026-01-01T00:00:00Z', maxCards: 100 });
		const push = deck.cards.filter((c) => c.answer === 'push' && c.type !== 'truefalse');
		expect(push.map((c) => c.question)).toEqual([
			'Necessity-based entrepreneurship is motivated by survival needs such as income for food and shelter ("_____" motivations), whereas opportunity-based entrepreneurship is driven by achievement-oriented motivations.'
		]);
		expect(deck.cards.filter((c) => /no other choice/.test(c.answer))).toEqual([]);
		// Cloze only: the text's other quoted words are seldom the same part of speech ("convey" among "recipients").
		const gpl = generateDeck([{ id: 'g', title: 'Licence', text: 'To "convey" a work means any kind of propagation that enables other parties to make or receive copies. To "modify" a work means to copy from or adapt the work in a fashion requiring permission. Each licensee is addressed as "you" in this text. The "recipients" may be individuals or organizations. All other terms are considered "further restrictions" within the meaning of section 10.' }], { now: '2026-01-01T00:00:00Z', maxCards: 100 });
		expect(gpl.cards.filter((c) => c.type === 'mcq' && c.tags.includes('quoted')).map((c) => c.question)).toEqual([]);
		// A question never breaks a quotation: 'Who did one founder tell "We had no other choice at all?'.
		expect(deck.cards.filter((c) => ((c.question.match(/"/g) ?? []).length % 2 === 1)).map((c) => c.question)).toEqual([]);
	});
});

describe('stems that point elsewhere in the page', () => {
	it.each([
		'An April 2006 meeting picked up where the meetings mentioned above left off.',
		'The two processes described below differ in who takes part.',
		'The above-mentioned treaty was signed in 1990.',
		'As noted earlier, the council meets twice a year.',
		'The results, shown in the table below, favour the second method.'
	])('"%s" needs its page', (stem) => {
		expect(contextNeed(stem)).toBe('back reference');
	});

	it('"The lake is situated in …", "The castle was rebuilt …": a bare definite place or building points back', () => {
		expect(contextNeed('The lake is situated in Germany, Switzerland and Austria near the Alps.')).toBe('back reference');
		expect(contextNeed('The castle was rebuilt after the fire of 1620.')).toBe('back reference');
		expect(contextNeed('The lake of Geneva is shared by France and Switzerland.')).toBe(null);
	});

	it('"a compromise between the two": a number standing for things named before points back', () => {
		expect(contextNeed('What is sometimes regarded as a compromise between the two?')).toBe('back reference');
		expect(contextNeed('The two rivers meet at Koblenz.')).toBe(null);
	});

	it('a place above or below something is no reference: "the valley below the dam"', () => {
		expect(contextNeed('The village lies in the valley below the dam.')).toBe(null);
		expect(contextNeed('Temperatures above freezing melt the snow.')).toBe(null);
	});
});

describe('names', () => {
	it('never asks or offers the front of a name cut at "of" or its number ("Study Group on Countering Weapons" of "… of Mass Destruction", "… Track" of "Track 2 program"), nor the tail after "and" ("Peace")', () => {
		const text = [
			'The Northern Institute for Peace is an active member of the Study Group on Countering Weapons of Mass Destruction in the Asia Pacific.',
			'The Northern Institute for Peace was founded in 1991 by three universities.',
			'The Council for Security Cooperation in Europe meets every spring in Vienna.',
			'The Eastern Forum for Dialogue published a report on export controls in 2004.',
			'Stephen Rosso of the Carnegie Corporation Track 2 program spoke at the Eastern Forum for Dialogue.',
			'The Western Institute for Disarmament and Peace hosted the Study Group on Countering the Proliferation of Arms in 2006.',
			'Most forums meet in private, but the NCAFP/TKS meetings in New York draw the attention of the press.'
		].join(' ');
		const model = buildModel('d', text);
		expect([...model.entities.values()].map((e) => e.text).filter((t) => /(?:Weapons|Track|Disarmament|Countering)$|^Mass Destruction|^Peace$/.test(t))).toEqual([]);
		const deck = generateDeck([{ id: 'd', title: 'Security forums', text }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.filter((c) => [c.answer, ...(c.choices ?? [])].some((a) => /(?:Weapons|Track|Disarmament|Countering)$|^Mass Destruction|^Peace$/.test(a)))).toEqual([]);
		// Nor is half of a slashed pair swapped in a true/false statement ("the CSCAP/TKS events").
		expect(deck.cards.filter((c) => c.type === 'truefalse' && /NCAFP\/|\/TKS/.test(c.source.sentence)).map((c) => c.question)).toEqual([]);
		// Nor is the organisation at its front asked with the rest of the name left in the stem.
		expect(deck.cards.filter((c) => /_____ on Countering|NCAFP\/_____|_____\/TKS/.test(c.question)).map((c) => c.question)).toEqual([]);
		// A person named with where they come from is no fragment.
		expect(buildModel('p', 'The prize went to Professor Anna Berg of Uppsala University in 2004.').entities.get('anna berg')?.kind).toBe('person');
	});

	it('reads a name whose first word the text uses in lower case as no person, even where a speech verb follows it', () => {
		const text = 'Member states signed a social policy protocol in 1989. The Social Charter declares thirty general principles on work. The Social Charter was adopted in 1989 by eleven member states. Jacques Delors declared that the charter was a first step.';
		const model = buildModel('d', text);
		expect(model.entities.get('social charter')?.kind).toBe('name');
		expect(model.entities.get('jacques delors')?.kind).toBe('person');
		const deck = generateDeck([{ id: 'd', title: 'Social policy', text }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.filter((c) => c.answer === 'Social Charter' && /^Who\b/.test(c.question)).map((c) => c.question)).toEqual([]);
	});

	it('keeps a name with its nobiliary particle whole ("Guy de Lusignan", "Otto von Bismarck", "Gadifer de la Salle")', () => {
		const model = buildModel('d', 'In 1192 Guy de Lusignan bought the island from the Templars with Gadifer de la Salle. Later Otto von Bismarck and Enrique Pérez de Guzmán were named in the same letter. The Republic of Korea and the Bank of England kept their names.');
		expect([...model.entities.values()].map((e) => e.text).sort()).toEqual(['Bank of England', 'Enrique Pérez de Guzmán', 'Gadifer de la Salle', 'Guy de Lusignan', 'Otto von Bismarck', 'Republic of Korea', 'Templars']);
	});

	it('reads "GNU General Public License" as one name, not a general called "Public License"', () => {
		expect(splitTitle({ start: 0, end: 26, text: 'GNU General Public License', kind: 'name' })).toBe(null);
		expect(splitTitle({ start: 0, end: 21, text: 'General Colin Powell', kind: 'name' })?.text).toBe('Colin Powell');
	});
});

describe('lists', () => {
	it('reads an all-capitals licence clause at once (the capitalised-piece pattern backtracked exponentially)', () => {
		const clause = 'EXCEPT WHEN OTHERWISE STATED IN WRITING THE COPYRIGHT HOLDERS AND/OR OTHER PARTIES PROVIDE THE PROGRAM "AS IS" WITHOUT WARRANTY OF ANY KIND, EITHER EXPRESSED OR IMPLIED, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE.';
		expect(listLike(clause)).toBe(true);
		const deck = generateDeck([{ id: 'a', title: 'Licence', text: `Some normal sentence comes first here. ${clause} Another normal sentence ends the text.` }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.filter((c) => /WARRANTY/.test(c.source.sentence))).toEqual([]);
	});

	it('reads a sentence that names several companies as a sentence, a masthead as a list', () => {
		expect(listLike('Mazda, Mitsubishi and Isuzu had joint partnerships with Ford, Chrysler, and GM, respectively.')).toBe(false);
		expect(listLike('Steering committee: Dr. Charles Armstrong, Columbia University; Brad Babson, Consultant; Gordon Flake, The Maureen and Mike Mansfield Foundation.')).toBe(true);
	});
});

describe('"This", "These" and "They" at the start of a sentence (seventh pass)', () => {
	const para = (first: string, second: string) => {
		const model = buildModel('d', `${first} ${second}`);
		const [a, b] = model.sentences;
		return a && b ? resolveStart(tidy(b.s.text), b, [a]) : 'no sentences';
	};

	it('puts the one named phrase of that noun in place of "This <noun>" / "These <nouns>"', () => {
		expect(para('Below Basel the river enters the Upper Rhine region near the border.', 'This region includes territory belonging to three nations.')).toBe('The Upper Rhine region includes territory belonging to three nations.');
		expect(para('Engineers cut the Kiel and Panama canals in the same decade.', 'These canals carried most of the freight.')).toBe(null);
		expect(para('The Treaty of Verdun set the Carolingian frontiers in 843.', 'These frontiers remained in place for a century.')).toBe('The Carolingian frontiers remained in place for a century.');
	});

	it('leaves the sentence out where the antecedent is not certain', () => {
		// A bare "This was …", a noun the sentence before does not name, a lower-case phrase, two of them, another paragraph.
		expect(para('Schwab listed a number of issues that often appear in talks.', 'This was one of the topics of the talks.')).toBe(null);
		expect(para('Schwab listed a number of issues that often appear in talks.', 'These included the nuclear program and a peace agreement.')).toBe(null);
		expect(para('Early advances in this field showed a liquid outer core.', 'These advances led to a layered model of the Earth.')).toBe(null);
		expect(para('The river enters a broad region near the border.', 'This region includes territory belonging to three nations.')).toBe(null);
		expect(para('The Upper Rhine region borders the Alsace region to the west.', 'This region includes territory belonging to three nations.')).toBe(null);
		expect(para('Below Basel the river enters the Upper Rhine region near the border.', 'These regions include territory belonging to three nations.')).toBe(null);
		const model = buildModel('d', 'Below Basel the river enters the Upper Rhine region near the border.\n\nThis region includes territory belonging to three nations.');
		const [a, b] = model.sentences;
		expect(b && a ? resolveStart(tidy(b.s.text), b, [a]) : 'no sentences').toBe(null);
	});

	it('puts two names joined by "and" that opened the sentence before in place of "They"', () => {
		expect(para('Kellogg and Briand drafted the pact in Paris in 1928.', 'They hoped to outlaw war as a tool of policy.')).toBe('Kellogg and Briand hoped to outlaw war as a tool of policy.');
		expect(para('In 1928 Kellogg and Briand drafted the pact in Paris.', 'They hoped to outlaw war as a tool of policy.')).toBe(null);
		expect(para('The delegates met Kellogg in Paris in 1928.', 'They hoped to outlaw war as a tool of policy.')).toBe(null);
	});
});

describe('sentences that ask instead of state', () => {
	it('gives no card from a question in the text, and keeps the statements around it', () => {
		const text = 'Glaciers in the western mountains of Norway have retreated since 1950. Is there a glacier in Norway that has grown since 1990 in the western mountains? Scientists measured the retreat of the Jostedal glacier between 1990 and 2010.';
		const deck = generateDeck([{ id: 'g', title: 'Glaciers', text }], { now: '2026-01-01T00:00:00Z' });
		const sentences = new Set(deck.cards.map((c) => c.source.sentence));
		expect([...sentences].sort()).toEqual([
			'Glaciers in the western mountains of Norway have retreated since 1950.',
			'Scientists measured the retreat of the Jostedal glacier between 1990 and 2010.'
		]);
	});
});

describe('a wh-subject takes a singular verb', () => {
	it('turns the plural auxiliary or "have" to the singular, and keeps "are" before a plural complement', () => {
		expect(subject('Courts have distinguished between two kinds of protest.')).toBe('What has distinguished between two kinds of protest?');
		expect(subject('Early campaigns have been described as open revolts.')).toBe('What has been described as open revolts?');
		expect(subject('Small trucks were introduced in the same decade.')).toBe('What was introduced in the same decade?');
		expect(subject('Young lambs have no natural defence against foxes.')).toBe('What has no natural defence against foxes?');
		expect(subject('Hungry birds are eating the seeds of the tree.')).toBe('What is eating the seeds of the tree?');
		expect(subject('Pattern recognition receptors are proteins used by nearly all plants.')).toBe('What are proteins used by nearly all plants?');
		expect(subject('Many local farmers were the first settlers of the valley.')).toBe('Who were the first settlers of the valley?');
	});
});

describe('openers and asides that only order or illustrate', () => {
	it('drops an ordinal opener ("First,", "Second,") and an "In addition" without its comma', () => {
		expect(tidy('Second, swelling may occur at night because of the hormone melatonin.')).toBe('Swelling may occur at night because of the hormone melatonin.');
		expect(tidy('First, during deep sleep, blood levels of cortisol drop sharply.')).toBe('During deep sleep, blood levels of cortisol drop sharply.');
		expect(tidy('In addition there are regulatory cells which modulate the response.')).toBe('There are regulatory cells which modulate the response.');
		expect(tidy('In addition to rivers, the region has many lakes and canals.')).toBe('The region has many lakes and canals.');
	});

	it('reads "for example X," inside a clause as an example, and an expletive "It has been argued that" as no pronoun', () => {
		expect(contextNeed('The Rome Treaty excludes certain regions, for example the Faroe Islands, from the customs union.')).toBe(null);
		expect(contextNeed('The Rome Treaty excludes certain regions, for example, the Faroe Islands from the customs union.')).toBe('connective');
		expect(contextNeed('It has been argued that civil disobedience has always suffered from _____.')).toBe(null);
		expect(contextNeed('It has been argued that it has always suffered from _____.')).toBe('pronoun');
	});
});

describe('"This/These <noun phrase>" that names its thing (ninth pass)', () => {
	it('puts "The" in place of a demonstrative whose phrase has a name, a number or an "of" phrase of two content words', () => {
		expect(namingDemonstratives('This renewal of fighting in the Balkan wars raised the price of grain in Vienna.')).toBe('The renewal of fighting in the Balkan wars raised the price of grain in Vienna.');
		expect(namingDemonstratives('These Hudson Bay trading posts bought furs from Cree hunters.')).toBe('The Hudson Bay trading posts bought furs from Cree hunters.');
		expect(namingDemonstratives('This combination of copper and tin gives bronze its hardness.')).toBe('The combination of copper and tin gives bronze its hardness.');
		expect(namingDemonstratives('These coins of 1840 were struck in Lisbon from Brazilian gold.')).toBe('The coins of 1840 were struck in Lisbon from Brazilian gold.');
		// Inside the first clause, not only at its start.
		expect(namingDemonstratives('After this renewal of fighting in the Balkan wars, grain prices rose sharply in Vienna.')).toBe('After the renewal of fighting in the Balkan wars, grain prices rose sharply in Vienna.');
	});

	it('leaves a demonstrative that points back to the page', () => {
		const kept = [
			'This idea of a single market in Europe spread quickly among the members.', // a shell noun
			'These advances led to a layered model of the Earth.', // nothing after the head, no name in it
			'This decrease in wages caused a long period of unrest.', // a post-modifier without a name, number or "of"
			'This deposition of complement kills bacteria directly.', // an "of" phrase of one word
			'These other planets of the Solar System have thin atmospheres.', // a relational adjective
			'These French troops crossed the river at dawn.', // a name of one word before the head
			'This was the first treaty signed in Vienna.', // no noun phrase
			'This results in 3 smaller flows of water.', // a verb read as a noun: "This" with a plural
			"In part that's because these Hudson Bay trading posts bought furs from Cree hunters.", // another pointer first
			'Reports indicate that rainfall in the Amazon basin was lower than today.', // "that" joins a clause
			'Grain prices rose sharply in Vienna, and this renewal of fighting in the Balkan wars ended trade.' // after the first clause
		];
		for (const s of kept) expect(namingDemonstratives(s)).toBe(s);
	});

	it('lets the sentence give cards that read on their own, and still leaves out the rest', () => {
		const model = buildModel('d', 'Wheat prices in Vienna doubled in 1912. This renewal of fighting in the Balkan wars raised the price of grain in Vienna. These advances led to a layered model of the Earth.');
		const [a, b, c] = model.sentences;
		const resolved = a && b ? resolveStart(tidy(b.s.text), b, [a]) : null;
		expect(resolved).toBe('The renewal of fighting in the Balkan wars raised the price of grain in Vienna.');
		expect(contextNeed(resolved ?? '')).toBe(null);
		expect(b && c ? resolveStart(tidy(c.s.text), c, [b]) : 'no sentences').toBe(null);
	});
});

describe('question forms that still broke after the ninth judging (tenth pass)', () => {
	/** [answer, question] of each concept fact of a one-sentence document. */
	function asked(s: string): [string, string | null][] {
		const info = buildModel('d', s).sentences[0];
		return info ? conceptFacts(info, [], new Map(), analyse(tidy(info.s.text), new Set())).map((f) => [f.answer, f.question ?? null]) : [];
	}

	it('never ends a subject question inside "between X and Y" or "from X to Y"', () => {
		const range = 'The harbour wall was repaired from 1850 to 1870.';
		expect(insideRange(range, range.indexOf(' to'))).toBe(true);
		expect(insideRange(range, range.indexOf('.'))).toBe(false);
		expect(insideRange('The fort lies between the hills and the sea.', 'The fort lies between the hills'.length)).toBe(true);
		// The range's "and" is not where the predicate ends: the second "and" joins a verb phrase of the same subject.
		expect(subject('The stone bridge was built between the 12th and 14th centuries and still carries traffic across the river.')).toBe('What was built between the 12th and 14th centuries and still carries traffic across the river?');
		// Cut at an "and" that may close a range: no question, the cloze stays.
		expect(subject('The old mill was rebuilt between the wars and many families moved to the town.')).toBe(null);
	});

	it('asks no object question when the object is followed by a second verb phrase or a coordinated phrase', () => {
		expect(asked('Wild ponies graze the upper meadows and avoid the rocky slopes of the pass.')).toEqual([
			['Wild ponies', 'What grazes the upper meadows and avoids the rocky slopes of the pass?'],
			['upper meadows', null],
			['rocky slopes', null]
		]);
		expect(asked('The farmers burned the old barns and abandoned villages of the valley.')).toEqual([['old barns', null]]);
	});

	it('asks no "have" object question on a relational phrase, and keeps a count', () => {
		expect(asked('Copper has a long history of use in coins and in roofing.')).toEqual([
			['Copper', 'What has a long history of use in coins and in roofing?'],
			['long history of use', null]
		]);
		expect(asked('The tribe had three chiefs in the winter.')).toEqual([['three', 'How many chiefs did the tribe have in the winter?']]);
	});
});

describe('how and why: means and purposes the markers missed (twelfth pass)', () => {
	it('reads "by" and a gerund the model tags as a noun as a means, and leaves a final bracket aside out of the answer and the cloze', () => {
		expect(reason('The shortage was eased by rationing (as in most towns).')).toEqual(['How was the shortage eased?', 'by rationing']);
		// A cloze leaves the aside out of its stem too: "… _____ (see …)" would read as a blank its bracket gives away.
		const info = buildModel('d', 'In cold seas, divers measure the ratio of two gases in the shells of small animals to estimate past sea temperatures (see isotope records).').sentences[0];
		const f = info ? reasonFacts(info, [], analyse(tidy(info.s.text), new Set()))[0] : undefined;
		expect([f?.question, f?.answer, f?.cloze]).toEqual([
			undefined,
			'to estimate past sea temperatures',
			'In cold seas, divers measure the ratio of two gases in the shells of small animals _____.'
		]);
		// "by morning" is a time, "by something" no means: only an -ing word that is a gerund.
		expect(reason('The patrol reached the pass by morning and camped near the river.')).toBe(null);
		expect(reason('The old bridge was replaced by something much stronger than before.')).toBe(null);
		// An -ing word that qualifies its noun names an agent, not a means.
		expect(reason('The old town was visited by increasing numbers of tourists from the north.')).toBe(null);
	});

	it('keeps two coordinated means whole, up to twenty words', () => {
		expect(reason('The protesters briefly closed the northern harbour by chaining the gates shut and using small boats to block the narrow channel near the docks.')).toEqual([
			'How did the protesters close the northern harbour?',
			'by chaining the gates shut and using small boats to block the narrow channel near the docks'
		]);
	});

	it('reads a purpose infinitive after a name, and one that opens with a gerund', () => {
		expect(reason('Several coastal towns moved the weekly markets away from the Old Harbour to avoid being flooded by the spring tides.')).toEqual([
			'Why did several coastal towns move the weekly markets away from the Old Harbour?',
			'to avoid being flooded by the spring tides'
		]);
	});

	it('ends an explanation at a participle clause after a comma', () => {
		expect(reason('The ferry line signed a deal with Harbour Telecom to launch a new national network, doubling its capacity within a year.')).toEqual([
			'Why did the ferry line sign a deal with Harbour Telecom?',
			'to launch a new national network'
		]);
	});

	it('reads no purpose in "the first X to", a name the verb controls, or a marker inside the subject; a result only as a cloze', () => {
		expect(reason('Neutrophils are usually the first cells to arrive at the scene of an infection.')).toBe(null);
		expect(reason('The hosts have the responsibility to ensure orderly delivery of packets.')).toBe(null);
		expect(reason('The league advised Northwind to raise its bid for the rights.')).toBe(null);
		expect(reason('The tools used by several farmers to protect the young vines are simple wooden frames.')).toBe(null);
		expect(reason('The two rivers merged near the old town to form a wide estuary.')).toEqual([undefined, 'to form a wide estuary']);
	});

	it('asks a reason that opens the sentence about the main clause after its comma', () => {
		const asked: [string, [string | undefined, string] | null][] = [
			['Because heavy rains flooded many farms, local farmers built a new reservoir on higher ground.', ['Why did local farmers build a new reservoir on higher ground?', 'Because heavy rains flooded many farms']],
			['To reduce the cost of repairs, the railway replaced the wooden bridges with iron girders.', ['Why did the railway replace the wooden bridges with iron girders?', 'To reduce the cost of repairs']],
			['By draining the marshes, early farmers created fertile fields along the coast.', ['How did early farmers create fertile fields along the coast?', 'By draining the marshes']],
			// No subject after the comma: a cloze. "To" before a noun is no purpose.
			['To help reduce traffic, in 1974 a lower speed limit was imposed on the highways.', [undefined, 'To help reduce traffic']],
			['To the farmers of the valley, the new law seemed unfair and costly.', null],
			// A pronoun in the reason points ahead to the main clause's subject when that subject agrees with it.
			['Because he published his findings first, Priestley is usually given priority in the discovery.', ['Why is Priestley given priority in the discovery?', 'Because he published his findings first']],
			['Because of its unpaired electrons, triplet oxygen reacts only slowly with most organic molecules.', ['Why does triplet oxygen react only slowly with most organic molecules?', 'Because of its unpaired electrons']],
			['Because he was ill, the village elders chose a new leader.', null],
			['Because of this, the farmers built a new reservoir on higher ground.', null],
			// A "because" clause cut at a comma before its verb, and an imperative main clause, give nothing.
			['Because most river stones, other than clays, do not change in volume, the banks stay stable.', null],
			['To see why slow algorithms might be useless in practice, consider a program that makes many steps.', null]
		];
		for (const [sentence, expected] of asked) expect([sentence, reason(sentence)]).toEqual([sentence, expected]);
	});

	it('reads "by" a noun phrase after a passive of characterising or achieving as a means, never a name', () => {
		expect(reason('The local climate is marked by long dry summers and mild winters.')).toEqual(['How is the local climate marked?', 'by long dry summers and mild winters']);
		expect(reason('Free movement of goods is achieved by a customs union and common rules.')).toEqual([
			'How is free movement of goods achieved?',
			'by a customs union and common rules'
		]);
		// An agent is no means: a name, or a verb whose "by" names who did it.
		expect(reason('The border of the old kingdom was defined by Charles the Bald in a treaty.')).toBe(null);
		expect(reason('The new stone bridge was built by local masons from the quarry.')).toBe(null);
	});

	it('keeps two means joined by "or" whole, and a list to its last member', () => {
		// "binding" is tagged as an adjective; the question once ended on "…, by binding to bacterial toxins or?".
		expect(reason('Antibodies can neutralize toxins directly, by binding to bacterial toxins or by interfering with the receptors that viruses use to infect cells.')).toEqual([
			'How can antibodies neutralize toxins?',
			'by binding to bacterial toxins or by interfering with the receptors that viruses use to infect cells'
		]);
		// The second of two means alone: a cloze, never a question that ends on "or". ("through special binding sites
		// or by blocking …" is read whole since the thirteenth pass, which reads "through" + a noun phrase as a means.)
		expect(reason('Antibodies can neutralize toxins directly, with special binding sites or by blocking the receptors on the cells.')).toEqual([
			undefined,
			'by blocking the receptors on the cells'
		]);
		expect(reason('Thermal models can be used to determine temperature profiles within the crust, the uplift of mountain ranges, and ocean depths.')).toEqual([
			'Why can thermal models be used?',
			'to determine temperature profiles within the crust, the uplift of mountain ranges, and ocean depths'
		]);
	});

	it('reads a purpose after a participle that modifies a noun, as a cloze: the main clause does not give it', () => {
		const sentence = 'In 1990, the mayor named Ann Lee as the head of the Water Board, a small agency created to manage the supply of water.';
		expect(reason(sentence)).toEqual([undefined, 'to manage the supply of water']);
		// Read with "In 1990" moved to its end (long.ts frontedView), the answer still stops where the sentence as written does.
		const info = buildModel('d', sentence).sentences[0];
		const view = info ? frontedView(info, new Set()) : null;
		expect(view?.info.s.text).toBe('The mayor named Ann Lee as the head of the Water Board, a small agency created to manage the supply of water, in 1990.');
		expect(view && reasonFacts(view.info, [], view.clause).map((f) => f.answer)).toEqual(['to manage the supply of water']);
	});
});

describe('how something is done: manner adverbs and "via/using/through" means (thirteenth pass)', () => {
	/** The manner fact of a one-sentence document: [question, answer], or null. */
	function manner(s: string): [string | undefined, string] | null {
		const info = buildModel('d', s).sentences[0];
		if (!info) return null;
		const f = mannerFacts(info, [], analyse(tidy(info.s.text), new Set()))[0];
		return f ? [f.question, f.answer] : null;
	}

	it('asks a manner adverb right after a passive or intransitive verb, or after the object', () => {
		expect(manner('The letters are sorted individually, sometimes reaching their owners in a different order.')).toEqual(['How are the letters sorted?', 'individually']);
		expect(manner('The two engineers worked independently on the design of the new engine.')).toEqual(['How did the two engineers work?', 'independently']);
		expect(manner('The village council approved the new harbour budget unanimously.')).toEqual(['How did the village council approve the new harbour budget?', 'unanimously']);
	});

	it('asks a manner adverb before the main verb about the verb and what follows it, up to the end of its clause', () => {
		expect(manner('The young engineer independently developed a new method of measuring tides.')).toEqual(['How did the young engineer develop a new method of measuring tides?', 'independently']);
		expect(manner('The new roads were gradually extended to the northern villages, and trade grew.')).toEqual(['How were the new roads extended to the northern villages?', 'gradually']);
		// A linking verb has no manner to ask; a comment adverb before the verb is no manner either.
		expect(manner('The old harbour quickly became the busiest port of the coast.')).toBe(null);
		expect(manner('The young engineer largely replaced an older method of measuring tides.')).toBe(null);
	});

	it('refuses degree, frequency, sentence, time and place adverbs, words in -ly that are no adverb, and negated or hedged clauses', () => {
		const refused = [
			'The old bridge is used heavily by cyclists from the nearby town.',
			'The new method was adopted widely in the northern provinces.',
			'The ferry arrived early at the harbour near the old fort.',
			'The results were published recently in a small local journal.',
			'The rules of the game were applied locally by each village council.',
			'The letters were not sorted carefully by the clerks of the post office.',
			'The letters may be sorted manually by the clerks of the post office.',
			'The old machine is highly efficient in cold and dry weather.',
			'The whole family lived in a small house near the river.',
			// An agent after the adverb is what a reader would answer to "How was the comet discovered?".
			'The comet was discovered independently by two farmers in the same week.',
			// One of two coordinated adverbs is half the answer; one in a comma aside is no part of the verb group.
			'The letters were sorted quickly and cheaply in the main hall of the post office.',
			'The addition of new rock layers, both slowly and suddenly, often occurs during folding.'
		];
		for (const s of refused) expect([s, manner(s)]).toEqual([s, null]);
	});

	it('leaves an adverb that a means follows to the means fact, which keeps the adverb out of its question', () => {
		const s = 'The parcels are stored temporarily using large steel racks in the hall.';
		expect(manner(s)).toBe(null);
		expect(reason(s)).toEqual(['How are the parcels stored?', 'using large steel racks in the hall']);
	});

	it('reads "via", "using", "by means of" and "through" with a noun phrase after the main verb as a means, to the end of the phrase', () => {
		expect(reason('Farmers usually connected via telephone lines or dedicated radio links.')).toEqual(['How did farmers connect?', 'via telephone lines or dedicated radio links']);
		expect(reason('The survey team measured the depth of Lake Orta using a small sonar device.')).toEqual(['How did the survey team measure the depth of Lake Orta?', 'using a small sonar device']);
		expect(reason('The signals are sent by means of short radio bursts.')).toEqual(['How are the signals sent?', 'by means of short radio bursts']);
		expect(reason('Most farmland is held through informal family trusts and other arrangements.')).toEqual(['How is most farmland held?', 'through informal family trusts and other arrangements']);
		// A time after the means is no part of it.
		expect(reason('Engineers have studied rock fractures using laser scanners since the 1990s.')).toEqual(['How have engineers studied rock fractures?', 'using laser scanners']);
		expect(reason('Antibodies can neutralize toxins directly, through special binding sites or by blocking the receptors on the cells.')).toEqual([
			'How can antibodies neutralize toxins?',
			'through special binding sites or by blocking the receptors on the cells'
		]);
	});

	it('reads no means in a route, a time, a copula or a marker inside the subject', () => {
		const refused = [
			'The river flows through the old town before it reaches the sea.',
			'Prices of grain rose steadily through the long dry years of the war.',
			'Access to the island is via a narrow wooden bridge.',
			'Researchers using satellite images found that the ice sheet had thinned.'
		];
		for (const s of refused) expect([s, reason(s)]).toEqual([s, null]);
	});

	it('counts a means that only names the title as a part of the title ("via civil disobedience" in "Civil disobedience")', () => {
		expect(fromTitle('via civil disobedience', 'Civil disobedience')).toBe(true);
		expect(fromTitle('using civil courts', 'Civil disobedience')).toBe(false);
	});
});

describe('a manner adverb before the verb is asked only by its question (thirteenth pass, lead)', () => {
	it('makes no cloze of an adverb before the verb where no question can be built', () => {
		const cards = generateDeck([{ id: 'd', title: 'T', text: 'The old engineer accidentally flooded the lower mine, causing a long delay, while testing the new pumps. The mine reopened a year later.' }], { now: '2026-01-01T00:00:00Z', seed: 's' }).cards;
		expect(cards.filter((c) => c.answer === 'accidentally').map((c) => c.question)).toEqual([]);
	});
});

describe('stems the checks rejected, rescued where the reading says what they need (fourteenth pass)', () => {
	const deck = (title: string, text: string) => generateDeck([{ id: 'd', title, text }], { now: '2026-01-01T00:00:00Z', seed: 's' }).cards;
	const town =
		"Lindenport is the largest city in the province of Varo, on the northern coast. The city's harbour was rebuilt in 1874 after a great fire destroyed the old quays. The city council first met in 1901 in a rented room above the harbour. Austria attacked the city in 1866 with a large fleet of steamships. Merchants from the city traded timber and salt with Norway for two hundred years.";

	it('reads the topic and its class noun from the sentence that says what the title is', () => {
		expect(documentTopic('Lindenport', ['Lindenport is the largest city in the province of Varo, on the northern coast.'])).toEqual({ name: 'Lindenport', noun: 'city' });
		expect(documentTopic('Jacksonville, Florida', ['Jacksonville is the largest city by population in the U.S. state of Florida.'])).toEqual({ name: 'Jacksonville', noun: 'city' });
		expect(documentTopic('American_Broadcasting_Company', ['The American Broadcasting Company (ABC) (stylized in its logo as abc) is an American commercial broadcast television network.'])).toEqual({ name: 'ABC', noun: 'network' });
		expect(documentTopic('Kenya', ['Kenya (/ˈkɛnjə/; locally [ˈkɛɲa] ( listen)), officially the Republic of Kenya, is a country in Africa.'])).toEqual({ name: 'Kenya', noun: 'country' });
		expect(documentTopic('Rhine', ['The Rhine (Romansh: Rein, German: Rhein) is a European river that begins in the Swiss Alps.'])).toEqual({ name: 'The Rhine', noun: 'river' });
		// No name, no class noun of a named place or institution, a work, a plural: no topic.
		expect(documentTopic('Steam engine', ['A steam engine is a heat engine that performs mechanical work.'])).toBe(null);
		expect(documentTopic('Oxygen', ['Oxygen is a chemical element with symbol O and atomic number 8.'])).toBe(null);
		expect(documentTopic('Spectre (2015 film)', ['Spectre (2015) is the twenty-fourth James Bond film produced by Eon Productions.'])).toBe(null);
		expect(documentTopic('Normans', ['The Normans were the people who gave their name to Normandy.'])).toBe(null);
	});

	it('names the topic where "the city" stood for it, only where nothing else before it could be meant', () => {
		const topic = { name: 'Lindenport', noun: 'city' };
		expect(withTopic("The city's harbour was rebuilt in _____ after a great fire.", topic)).toBe("Lindenport's harbour was rebuilt in _____ after a great fire.");
		expect(withTopic('Merchants from the city traded timber with _____ for two hundred years.', topic)).toBe('Merchants from Lindenport traded timber with _____ for two hundred years.');
		expect(withTopic('The Rhine makes a distinctive turn to the north near _____.', { name: 'The Rhine', noun: 'river' })).toBe(null);
		expect(withTopic('The river makes a distinctive turn to the north near _____.', { name: 'The Rhine', noun: 'river' })).toBe('The Rhine makes a distinctive turn to the north near _____.');
		expect(withTopic('In 2006, _____ companies were registered in the city.', topic)).toBe('In 2006, _____ companies were registered in Lindenport.');
		// Another place the stem names first may be the one meant; "the city of …" names its own.
		expect(withTopic('Austria attacked the city in _____ with a large fleet.', topic, ['Austria'])).toBe(null);
		expect(withTopic('Japan invaded Thailand, pressuring the country into an alliance in _____.', { name: 'Japan', noun: 'country' }, ['Japan', 'Thailand'])).toBe(null);
		expect(withTopic('The city of Varo was founded in _____.', topic)).toBe(null);
	});

	it('makes the cards a reading on a city asks with its name, and none where the noun modifies another or another place comes first', () => {
		const cards = deck('Lindenport', town);
		expect(cards.filter((c) => c.answer === '1874').map((c) => c.question)).toEqual(["Lindenport's harbour was rebuilt in _____ after a great fire destroyed the old quays."]);
		expect(cards.filter((c) => c.answer === 'two hundred').map((c) => c.question)).toEqual(['Merchants from Lindenport traded timber and salt with Norway for _____ years.']);
		// "The city council" is a council, not the city; "Austria attacked the city" may mean any city.
		expect(cards.filter((c) => c.answer === '1901' || c.answer === '1866').map((c) => c.question)).toEqual([]);
		// A title given no class noun leaves the stems out, as before.
		expect(deck('Harbours', town.replace('Lindenport is the largest city', 'Lindenport lies')).filter((c) => c.answer === '1874')).toEqual([]);
	});

	it('takes a gloss, translation or abbreviation in brackets out from right after the blank instead of dropping the card', () => {
		expect(withoutGloss('The settlers replaced the old faith with _____ (Christianity) and the local tongue with French.')).toBe('The settlers replaced the old faith with _____ and the local tongue with French.');
		expect(withoutGloss('The Persian scholar _____ (Avicenna, 981–1037) proposed explanations for the formation of mountains.')).toBe('The Persian scholar _____ proposed explanations for the formation of mountains.');
		// An argument, not an aside; a member of a list whose members all carry a bracket.
		expect(withoutGloss('The engine runs within time _____(n) on every input.')).toBe('The engine runs within time _____(n) on every input.');
		expect(withoutGloss('Teams come from the NFL (Rams, Chargers); the NBA (Lakers, Clippers); and _____ (Dodgers).')).toBe('Teams come from the NFL (Rams, Chargers); the NBA (Lakers, Clippers); and _____ (Dodgers).');
		expect(withoutGloss('Teams come from the NFL (Rams, Chargers); _____ (Lakers, Clippers); and MLB (Dodgers).')).toBe('Teams come from the NFL (Rams, Chargers); _____ (Lakers, Clippers); and MLB (Dodgers).');
		const cards = deck('Settlers', 'The settlers slowly replaced the old faith with Catholicism (Christianity) and the local tongue with French. The teams came from the NFL (Rams, Chargers); the NBA (Lakers, Clippers); and MLB (Dodgers).');
		expect(cards.filter((c) => c.answer === 'Catholicism').map((c) => c.question)).toEqual(['The settlers slowly replaced the old faith with _____ and the local tongue with French.']);
		expect(cards.filter((c) => c.answer === 'MLB').map((c) => c.question)).toEqual([]);
	});
});

describe('pronouns whose person is certain: a reading about one person (fifteenth pass)', () => {
	const deck = (title: string, text: string) => generateDeck([{ id: 'd', title, text }], { now: '2026-01-01T00:00:00Z', seed: 's' }).cards;
	const life =
		'Anton Vellmar (12 May 1801 – 3 June 1860) was a Danish painter and engraver. Vellmar grew up in Aarhus, where his father kept a print shop. He studied drawing at the academy in Copenhagen. In 1824 he travelled to Rome with two friends. Vellmar painted harbour views for the rest of his life. In 1838 he obtained Italian citizenship. Jens Holt bought most of his early drawings. In 1845 he opened a gallery in Naples. He married late, and his wife ran the gallery after his death. Through his teaching, Vellmar shaped a generation of engravers. Vellmar sold his prints for a high fee, which he raised every year. In 1790 his uncle Nicolas Vellmar had opened a print shop in Odense.';
	const openings = (text: string) => [text.slice(0, text.indexOf('.') + 1)];
	const vellmar = { name: 'Vellmar', names: ['Vellmar', 'Anton Vellmar'], pronoun: 'he' as const };
	const ida = { name: 'Ida Rask', names: ['Ida Rask'], pronoun: 'she' as const };

	it('reads the person, the name the reading calls them by and their pronoun from a name with the bracket of a life', () => {
		expect(documentPerson('Anton Vellmar', openings(life), life)).toEqual(vellmar);
		expect(documentPerson('Anton_Vellmar', ['Anton Frederik Vellmar (/ˈvɛlmar/) (born 12 May 1801) was a Danish painter.'], life)).toEqual(vellmar);
		// No life in the bracket (a film's year), no name for a title, he and she alike: no person.
		expect(documentPerson('Vellmar (1990 film)', ['Vellmar (1990) is a Danish film about a painter.'], life)).toBe(null);
		expect(documentPerson('Painting', ['Painting (from 1801 – 1860) is the practice of applying paint.'], `${life} His painting was admired.`)).toBe(null);
		const mixed = life.replace(/\bhis\b/g, 'her');
		expect(documentPerson('Anton Vellmar', openings(mixed), mixed)).toBe(null);
		// A surname the reading never uses alone: the whole name.
		const she = 'Ida Rask (born 1950) is a Danish singer. She sang in Oslo. She sang in Bergen. She sang in Malmö. She sang in Lund. She sang in Kiel. Her first album sold well. Her second album sold better. Her third was a duet. She toured. She retired.';
		expect(documentPerson('Ida Rask', openings(she), she)).toEqual(ida);
	});

	it('lets a stem that names the person keep their pronouns after the name or in a phrase fronted before it', () => {
		expect(contextNeed('Vellmar sold his prints for a fee of _____ guineas, which he raised every year.')).toBe('pronoun');
		expect(spokenOf('Vellmar sold his prints for a fee of _____ guineas, which he raised every year.', vellmar)).toBe("Vellmar sold Vellmar's prints for a fee of _____ guineas, which Vellmar raised every year.");
		expect(spokenOf('Through his teaching, Vellmar shaped a generation of _____.', vellmar)).toBe("Through Vellmar's teaching, Vellmar shaped a generation of _____.");
		expect(spokenOf('Through her mother, Ida Rask is a descendant of the poet _____.', ida)).toBe("Through Ida Rask's mother, Ida Rask is a descendant of the poet _____.");
		// An object after a comma that follows the name, or after their possessive.
		expect(spokenOf('Vellmar sold _____ prints, which made him rich.', vellmar)).toBe('Vellmar sold _____ prints, which made Vellmar rich.');
		expect(spokenOf("Vellmar's teachers opened the academy to him in _____.", vellmar)).toBe("Vellmar's teachers opened the academy to Vellmar in _____.");
		expect(spokenOf('Ida Rask sold _____ albums, making her a star.', ida)).toBe('Ida Rask sold _____ albums, making Ida Rask a star.');
		// "him" or an object "her" in the name's own clause, a capitalised "His", the other gender's pronoun, a fronted phrase with another pronoun,
		// a pronoun before the name outside a fronted phrase, and anything after a blank that asks a person stay as they are.
		expect(spokenOf('Vellmar told him to sell the drawings in _____.', vellmar)).toBe('Vellmar told him to sell the drawings in _____.');
		expect(spokenOf('Ida Rask thanked her for the song in _____.', ida)).toBe('Ida Rask thanked her for the song in _____.');
		expect(spokenOf('Vellmar painted "Christ and His _____" in 1840.', vellmar)).toBe('Vellmar painted "Christ and His _____" in 1840.');
		expect(spokenOf('Vellmar met her in _____.', vellmar)).toBe('Vellmar met her in _____.');
		expect(spokenOf('When he gave her the prize in _____, Vellmar wept.', vellmar)).toBe('When he gave her the prize in _____, Vellmar wept.');
		expect(spokenOf('In 1824, he sailed to _____, and in 1825 a friend sent for Vellmar.', vellmar)).toBe('In 1824, he sailed to _____, and in 1825 a friend sent for Vellmar.');
		expect(spokenOf('_____ visited Vellmar and found his studio empty.', vellmar, true)).toBe('_____ visited Vellmar and found his studio empty.');
		expect(spokenOf('Vellmar sold his prints to _____.', vellmar, true)).toBe("Vellmar sold Vellmar's prints to _____.");
	});

	it('puts the name in place of the first pronoun where no one is named before it', () => {
		expect(withPerson('In _____ he obtained Italian citizenship.', vellmar)).toBe('In _____ Vellmar obtained Italian citizenship.');
		expect(withPerson('When did he obtain Italian citizenship?', vellmar)).toBe('When did Vellmar obtain Italian citizenship?');
		expect(withPerson('True or false: He studied drawing at the academy in Copenhagen.', vellmar)).toBe('True or false: Vellmar studied drawing at the academy in Copenhagen.');
		expect(withPerson('In his last years, he was supported by the collector _____.', vellmar)).toBe("In Vellmar's last years, he was supported by the collector _____.");
		expect(withPerson('In _____ she recorded her first album.', ida)).toBe('In _____ Ida Rask recorded her first album.');
		expect(withPerson('In _____ her first album was recorded in Oslo.', ida)).toBe("In _____ Ida Rask's first album was recorded in Oslo.");
		// Someone named first, a blank that asks a person before the pronoun, the other gender, a stem that names them already.
		expect(withPerson('In 1845 Jens Holt said he opened a gallery in _____.', vellmar)).toBe(null);
		expect(withPerson('_____ may have taught him drawing.', vellmar, true)).toBe(null);
		expect(withPerson('In _____ she opened a gallery.', vellmar)).toBe(null);
		expect(withPerson('In _____ Vellmar said he was tired.', vellmar)).toBe(null);
	});

	it('asks the cards of a life with the name where the sentence before was about the person, and none where it was about someone else', () => {
		const cards = deck('Anton Vellmar', life);
		expect(cards.filter((c) => c.answer === '1838').map((c) => c.question)).toEqual(['In _____ Vellmar obtained Italian citizenship.']);
		// A chain of "He" sentences back to the name: "He studied drawing …. In 1824 he travelled …".
		expect(cards.filter((c) => c.answer === '1824').map((c) => c.question)).toEqual(['In _____ Vellmar travelled to Rome with two friends.']);
		expect(cards.filter((c) => c.question.startsWith('True or false: Vellmar sold')).map((c) => c.question)).toEqual(['True or false: Vellmar sold his prints for a high fee, which he raised every year.']);
		// After "Jens Holt bought most of his early drawings." the next "he" may be Holt: no card, nor for the chain after it.
		expect(cards.filter((c) => c.answer === '1845' || c.answer === 'Naples' || /married late/.test(c.question))).toEqual([]);
		// "_____ bought most of his early drawings": the blank hides the one named first, so the sentence is read, not the stem.
		expect(cards.filter((c) => c.question.includes("bought most of Vellmar's"))).toEqual([]);
		// An answer that holds the person's name: "his uncle _____" → "Vellmar's uncle _____" would give it away.
		expect(cards.filter((c) => c.question.includes("Vellmar's uncle"))).toEqual([]);
		// The same sentences in a reading that is not about one person keep their pronouns out, as before.
		expect(deck('Danish painters', life.replace('Anton Vellmar (12 May 1801 – 3 June 1860) was', 'Anton Vellmar was')).filter((c) => c.answer === '1838')).toEqual([]);
	});
});
