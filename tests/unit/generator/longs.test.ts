/**
 * Long sentences (issue 9, sixth pass; long.ts): a sentence over MAX_SENTENCE_WORDS tokens gives facts from its
 * independent clauses, cut at ";" and ":", each read as a sentence of its own, while every card still quotes the
 * whole sentence as its source. Sentences of our own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_WORDS } from '../../../src/lib/generator/core/clause';
import { buildModel, checkCardRules, generateDeck } from '../../../src/lib/generator/core/index';
import { contextNeed } from '../../../src/lib/generator/core/context';
import { appositiveView, frontedView, longParts, pieces } from '../../../src/lib/generator/core/long';
import { extractFacts } from '../../../src/lib/generator/core/index';

const NOW = '2026-01-01T00:00:00.000Z';
const deckOf = (text: string) => generateDeck([{ id: 'doc-1', title: 'Notes', text }], { now: NOW, seed: 's', maxCards: 40 });
const partsOf = (text: string) => buildModel('doc-1', text).sentences.flatMap((info) => longParts(info, new Set()).map((p) => p.info));

const FOUNDED = 'The Danube Commission was founded in 1948 by seven riparian states to oversee navigation on the river from its source in the Black Forest to its mouth on the Black Sea';
const MEET = 'its delegates meet twice a year in Budapest to agree on common rules for pilots, dredging and the upkeep of locks';
const PUBLISH = 'and to publish sailing directions for every captain who works on the river between Ulm and the delta of the Danube';
const DANUBE = `${FOUNDED}; ${MEET}: ${PUBLISH}.`;

describe('the clauses of a long sentence', () => {
	it('reads each clause with a subject and a finite verb as a sentence, and refuses a fragment', () => {
		expect(buildModel('doc-1', DANUBE).sentences[0]?.tokens.length).toBeGreaterThan(MAX_SENTENCE_WORDS);
		expect(partsOf(DANUBE).map((p) => p.s.text)).toEqual([`${FOUNDED}.`, 'Its delegates meet twice a year in Budapest to agree on common rules for pilots, dredging and the upkeep of locks.']);
	});

	it('keeps offsets: mentions inside the clause, the clause where it stands in the text, the whole sentence beside it', () => {
		const text = `The river is busy in summer. ${DANUBE}`;
		const [first, second] = partsOf(text);
		expect(first?.mentions.map((m) => [m.text, first.s.text.slice(m.start, m.end)])).toEqual([
			['Danube Commission', 'Danube Commission'],
			['1948', '1948'],
			['seven', 'seven'],
			['Black Forest', 'Black Forest'],
			['Black Sea', 'Black Sea']
		]);
		expect(second?.mentions.map((m) => m.text)).toEqual(['Budapest']);
		expect(first && text.slice(first.s.start, first.s.end)).toBe(FOUNDED);
		expect(second && text.slice(second.s.start, second.s.end)).toBe(MEET);
		expect(first?.whole?.text).toBe(DANUBE);
		expect(first?.whole?.start).toBe(29);
	});

	it('never cuts inside brackets or quotations', () => {
		const t = 'The port (built 1890; rebuilt 1950) is "old; famous": it is busy; very.';
		expect(pieces(t, 0, t.length, /^[;:]\s/).map(([a, b]) => t.slice(a, b))).toEqual(['The port (built 1890; rebuilt 1950) is "old; famous"', 'it is busy', 'very.']);
	});

	it('cuts where a full stop is glued to a note mark ("… tonnes).[d] Earth is …"), which the segmenter leaves whole', () => {
		const glued = `${FOUNDED} (some 1015 tonnes of cargo a year).[d] ${MEET.charAt(0).toUpperCase()}${MEET.slice(1)}; ${PUBLISH}.`;
		expect(partsOf(glued).map((p) => p.s.text)).toEqual([`${FOUNDED} (some 1015 tonnes of cargo a year).`, 'Its delegates meet twice a year in Budapest to agree on common rules for pilots, dredging and the upkeep of locks.']);
	});

	it('gives nothing from a sentence of normal length, a long citation, or a clause that only announces what follows', () => {
		expect(partsOf(`${FOUNDED}; ${MEET}.`)).toEqual([]);
		expect(partsOf(`${FOUNDED}; ${MEET}, as reported by Smith et al. in the yearbook of the commission for the year of its fiftieth anniversary.`)).toEqual([]);
		expect(partsOf(`${FOUNDED} and by the treaty it signed with Austria; the duties of its delegates, who meet in Budapest, are as follows: ${MEET}.`).map((p) => p.s.text)).toEqual([
			`${FOUNDED} and by the treaty it signed with Austria.`,
			'Its delegates meet twice a year in Budapest to agree on common rules for pilots, dredging and the upkeep of locks.'
		]);
	});
});

describe('cards from the clauses of a long sentence', () => {
	it('asks a fact of a clause and quotes the whole sentence as the source', () => {
		const text = `${DANUBE} The river is busy in summer.`;
		const deck = deckOf(text);
		const founded = deck.cards.find((c) => c.question === 'In which year was the Danube Commission founded?');
		expect(founded?.answer).toBe('1948');
		expect(founded?.source).toEqual({ doc: 'doc-1', sentence: DANUBE, start: 0, end: DANUBE.length });
		const fromLong = deck.cards.filter((c) => c.source.sentence === DANUBE);
		// Thirteenth pass: the clause "its delegates meet …" reads "The Danube Commission's delegates meet …" ("Its" resolved
		// to the name the clause before opened with), so it gives cards too. The purpose cloze cut inside the list ("…
		// in Budapest _____, dredging and the upkeep of locks" → to agree on common rules for pilots) is reasons.ts's, as
		// the same sentence written out gives on main: left to that module.
		expect(fromLong.map((c) => [c.type, c.answer]).sort()).toEqual([
			['basic', '1948'],
			['basic', 'to agree on common rules for pilots'],
			['cloze', 'Black Forest'],
			['cloze', 'Black Sea'],
			['cloze', 'Budapest'],
			['cloze', 'common rules'],
			['cloze', 'to agree on common rules for pilots'],
			['mcq', '1948'],
			['mcq', 'seven'],
			['truefalse', 'True']
		]);
		for (const c of deck.cards) expect(checkCardRules(c, deck)).toEqual([]);
	});

	it('keeps the card rules on random long sentences of clauses joined by ";" and ":"', { timeout: 120_000 }, () => {
		const clauses = [
			FOUNDED,
			MEET,
			'the Rhine carries much water from the Alps to the North Sea through Germany and the Netherlands',
			'In 1815 the Congress of Vienna declared the river open to the ships of every nation in Europe',
			'Anna Berg of Uppsala University measured the flow of the river at Basel in 2004',
			'its banks hold vineyards, castles and old towns that draw many visitors each summer',
			'such as the locks at Iron Gate'
		];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...clauses), { minLength: 3, maxLength: 5 }), fc.array(fc.constantFrom('; ', ': '), { minLength: 4, maxLength: 4 }), (picked, seps) => {
				const joined = picked.map((c, i) => (i ? `${seps[i - 1]}${c}` : c)).join('');
				const sentence = `${joined.charAt(0).toUpperCase()}${joined.slice(1)}.`;
				const text = `The river is busy in summer. ${sentence}`;
				const deck = deckOf(text);
				for (const c of deck.cards) {
					expect(checkCardRules(c, deck)).toEqual([]);
					expect(['The river is busy in summer.', sentence]).toContain(c.source.sentence);
				}
			}),
			{ numRuns: 25, seed: 17 }
		);
	});
});

describe('a participle phrase set off after the subject', () => {
	const views = (text: string) => buildModel('doc-1', text).sentences.flatMap((info) => {
		const v = appositiveView(info, new Set());
		return v ? [v.info] : [];
	});

	it('reads "X, founded in 1993, is …" as "X was founded in 1993." with its mentions where they stand', () => {
		const [v] = views('The Danube Commission, founded in 1948 by seven states, is characterized by such longevity.');
		expect(v?.s.text).toBe('The Danube Commission was founded in 1948 by seven states.');
		expect(v?.mentions.map((m) => [m.text, v.s.text.slice(m.start, m.end)])).toEqual([
			['Danube Commission', 'Danube Commission'],
			['1948', '1948']
		]);
		expect(v?.whole?.text).toBe('The Danube Commission, founded in 1948 by seven states, is characterized by such longevity.');
		// A state holds in the main clause's tense; an event is past.
		expect(views('The Iller, known locally as the Ilara, joins the Danube at Ulm.').map((x) => x.s.text)).toEqual(['The Iller is known locally as the Ilara.']);
		expect(views('Ulm and Passau, both founded in the Middle Ages by bishops, have kept their old bridges.').map((x) => x.s.text)).toEqual(['Ulm and Passau were both founded in the Middle Ages by bishops.']);
		// A clause before the comma is no subject: "The design employed a module, supported by …, sized …".
		expect(views('The early design employed a conical command module, supported by one of several service modules, sized for the lunar missions.')).toEqual([]);
	});

	it('refuses a phrase that is not after the subject, or without a main verb after it', () => {
		expect(views('In 1948, founded by seven states, the commission began its work on the river.')).toEqual([]);
		expect(views('The commission, founded in 1948, and the river police share an office in Vienna.')).toEqual([]);
		expect(views('The commission, however, met in Vienna in 1948 with seven states.')).toEqual([]);
	});

	it('gives the fact a card that quotes the whole sentence, where the main clause points elsewhere', () => {
		const deck = deckOf('Many river bodies were short-lived after the war in Europe. The Danube Commission, founded in 1948 by seven riparian states, is characterized by such longevity.');
		expect(deck.cards.filter((c) => c.answer === '1948').map((c) => [c.question, c.source.sentence])).toEqual([
			['In which year was the Danube Commission founded?', 'The Danube Commission, founded in 1948 by seven riparian states, is characterized by such longevity.'],
			['The Danube Commission was founded in _____ by seven riparian states.', 'The Danube Commission, founded in 1948 by seven riparian states, is characterized by such longevity.']
		]);
		// The whole sentence's own cloze is refused: past the participle phrase, its main clause points back.
		expect(contextNeed('The Danube Commission, founded in _____ by seven riparian states, is characterized by such longevity.')).toBe('demonstrative');
		expect(contextNeed('The Danube Commission, founded in _____ by seven riparian states, is based in Budapest.')).toBe(null);
	});
});

describe('an adverbial before the subject (session 19)', () => {
	const fronted = (text: string) => {
		const info = buildModel('d', text).sentences[0];
		return info ? (frontedView(info, new Set())?.info.s.text ?? null) : null;
	};

	it('moves a phrase or a clause before the subject to the end, so the parse finds the subject', () => {
		expect(fronted('In the late 17th century, Robert Boyle proved that air is necessary for combustion.')).toBe('Robert Boyle proved that air is necessary for combustion in the late 17th century.');
		expect(fronted('Although lacking coal, Sheffield became a centre of the steel trade.')).toBe('Sheffield became a centre of the steel trade although lacking coal.');
		const facts = extractFacts(buildModel('d', 'In the late 17th century, Robert Boyle proved that air is necessary for combustion.'));
		expect(facts.filter((f) => f.answer === 'Robert Boyle').map((f) => f.question)).toContain('Who proved that air is necessary for combustion in the late 17th century?');
	});

	it('puts the adverbial before a reason that closes the clause, and reads the clauses of a long sentence the same way', () => {
		expect(fronted('In most valleys, three glaciers have become well known because of their size and their speed.')).toBe('Three glaciers have become well known in most valleys because of their size and their speed.');
		const list = 'the Aletsch glacier, which is the longest in the Alps; the Gorner glacier, which lies below the Monte Rosa massif and feeds the river below it; and the Rhone glacier, the source of the Rhone, which has retreated by more than a kilometre since the first survey.';
		const info = buildModel('d', `In the Swiss Alps, three glaciers have become well known because of their size and their speed: ${list}`).sentences[0];
		expect(info ? longParts(info, new Set()).map((p) => p.info.s.text) : null).toEqual(['Three glaciers have become well known in the Swiss Alps because of their size and their speed.']);
	});

	it('leaves a sentence that needs the page, an empty adverbial, or a clause that is no sentence', () => {
		expect(fronted('Because of this, Ethelred fled to Normandy in 1013.')).toBe(null);
		expect(fronted('As such, the mill has a large impact on the valley.')).toBe(null);
		expect(fronted('In the winter, they moved south to the coast.')).toBe(null);
	});

	it('keeps the source of every card the sentence as written', () => {
		const text = 'In the late 17th century, Robert Boyle proved that air is necessary for combustion.';
		const deck = generateDeck([{ id: 'd', title: 'Combustion', text }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.length).toBeGreaterThan(0);
		expect(deck.cards.every((c) => c.source.sentence === text && checkCardRules(c, deck).length === 0)).toBe(true);
	});
});

describe('a phrase before a comma that is a clause of its own (thirteenth pass)', () => {
	it('moves no "phrase" that holds a verb of its own: it is the main clause, not an adverbial', () => {
		// The words the document capitalises inside its sentences: the parse reads "Tuscany" as a name.
		const capitalised = new Set(['italy', 'siena', 'tuscany', 'dominican', 'lucca', 'robert', 'boyle']);
		const fronted = (text: string) => {
			const info = buildModel('d', text).sentences[0];
			return info ? (frontedView(info, capitalised)?.info.s.text ?? null) : null;
		};
		expect(fronted('In Italy there are old bakeries still working in Siena, Tuscany, located inside the Dominican convent, opened in 1402; and in the main square of Lucca, Tuscany, dating from at least 1450.')).toBe(null);
		expect(fronted('In the late 17th century, Robert Boyle proved that air is necessary for combustion.')).toBe('Robert Boyle proved that air is necessary for combustion in the late 17th century.');
	});
});
