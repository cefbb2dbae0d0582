import { describe, expect, it } from 'vitest';
import { contextNeed } from '../../../src/lib/generator/core/context';
import { conceptFacts, frontedAdjunct, objectOf, objectQuestion, subjectQuestion, typedObject, typedSubject } from '../../../src/lib/generator/core/concepts';
import { resolveStart, tidy } from '../../../src/lib/generator/core/clause';
import { reasonFacts } from '../../../src/lib/generator/core/reasons';
import { analyse, extendOf } from '../../../src/lib/generator/core/nlp';
import { frontedView } from '../../../src/lib/generator/core/long';
import { buildModel, generateDeck } from '../../../src/lib/generator/core/index';
import { parseDocument } from '../../../src/lib/generator/core/read';
import { rankCards } from '../../../src/lib/generator/core/rank';
import { pickDistractors } from '../../../src/lib/generator/core/distractors';
import { factCards } from '../../../src/lib/generator/core/cards';
import type { Card } from '../../../src/lib/domain/types';

const object = (s: string) => {
	const c = analyse(s);
	const at = (c.main ?? c.aux[0] ?? -2) + 1;
	const o = c.chunks.find((k) => k.from === at);
	return o ? objectQuestion(s, c, extendOf(s, c.tokens, c.chunks, o)) : null;
};

describe('the NLP layer (wink-nlp tags, chunks, subject and verb)', () => {
	it('chunks noun phrases and finds the subject, verb and tense', () => {
		const s = 'The Normans adopted the Romance language of the Frankish land in the 10th century.';
		const c = analyse(s);
		expect(c.chunks.map((k) => k.text)).toEqual(['The Normans', 'the Romance language', 'the Frankish land', 'the 10th century']);
		expect(c.subject?.text).toBe('The Normans');
		expect(c.tokens[c.main ?? -1]?.lemma).toBe('adopt');
		expect(c.tense).toBe('past');
		expect(analyse("North Korea's nuclear programme worried the neighbours.").subject?.text).toBe("North Korea's nuclear programme");
	});

	it('asks the subject with "What" and a verb that agrees', () => {
		const s = 'Cloud storage lets users keep files on remote servers.';
		expect(subjectQuestion(s, analyse(s))).toBe('What lets users keep files on remote servers?');
		const d = 'Cloud storage is a model of computer data storage in which data is stored on remote servers.';
		expect(subjectQuestion(d, analyse(d))).toBe('What is a model of computer data storage in which data is stored on remote servers?');
	});

	it('stops the predicate before ", so <clause>" (a consequence with a subject of its own)', () => {
		const s = 'A partial version range is treated as an X-Range, so the special character is in fact optional.';
		expect(subjectQuestion(s, analyse(s))).toBe('What is treated as an X-Range?');
	});

	it('builds no subject question that cannot read well: "What are another …?", "What is how …?"', () => {
		const ask = (s: string) => subjectQuestion(s, analyse(s));
		expect(ask('The chloroplastidan chloroplasts, or green chloroplasts, are another large, highly diverse primary chloroplast lineage.')).toBe(null);
		expect(ask('Endosymbiotic gene transfer is how we know about the lost chloroplasts in many chromalveolate lineages.')).toBe(null);
	});

	it('stops the predicate before a comma and a clause of its own ("…, in fact many interconversions are possible")', () => {
		const s = 'Plastid differentiation is not permanent in most land plants, in fact many interconversions are possible.';
		expect(subjectQuestion(s, analyse(s))).toBe('What is not permanent in most land plants?');
	});

	it('asks no object the sentence goes on naming after a bracket ("the 1,600 mm (5 ft 3 in) broad gauge")', () => {
		expect(object('Victorian lines mainly use the 1,600 mm (5 ft 3 in) broad gauge.')).toBe(null);
	});

	it('asks the object with subject–auxiliary inversion and the lemma', () => {
		expect(object('The committee has reviewed the annual budget.')).toEqual({ question: 'What has the committee reviewed?', answer: 'annual budget' });
		expect(object("North Korea's nuclear programme worried the neighbours.")).toEqual({ question: "What did North Korea's nuclear programme worry?", answer: 'neighbours' });
		expect(object('The city has 2,000 inhabitants.')).toEqual({ question: 'How many inhabitants does the city have?', answer: '2,000' });
		expect(object('Cloud storage is a model of computer data storage.')).toEqual({ question: 'What is cloud storage?', answer: 'model of computer data storage' });
	});

	it('takes no card from a sentence whose list was lost with its formulas ("… classes of organic compounds that contain oxygen are (where …).")', () => {
		const text = 'Oxygen forms many compounds with carbon and hydrogen. Among the most important classes of organic compounds that contain oxygen are (where "R" is an organic group). Alcohols contain a hydroxyl group bonded to carbon.';
		const deck = generateDeck([{ id: 'd', title: 'Compounds', text }], { now: '2026-01-01T00:00:00Z', maxCards: 100 });
		expect(deck.cards.filter((c) => /Among the most important/.test(c.source.sentence)).map((c) => c.question)).toEqual([]);
	});

	it('takes no card from an API line glued to the next call ("… intersect. parse(v).")', () => {
		const text = 'The library compares versions and ranges. Return true if the two supplied ranges or comparators intersect. parse(v). Return the parsed version, or null if it is not valid.';
		const deck = generateDeck([{ id: 'd', title: 'API', text }], { now: '2026-01-01T00:00:00Z', maxCards: 100 });
		expect(deck.cards.filter((c) => /parse\(v\)/.test(c.question)).map((c) => c.question)).toEqual([]);
	});

	it('takes no card from API reference entries run together ("major(v): Return … minor(v): Return …")', () => {
		const text = "The library compares versions and ranges. Example: major(v): Return the major version number. minor(v): Return the minor version number. intersects(r1, r2, loose): Return true if the two supplied ranges or comparators intersect. The library is small.";
		const deck = generateDeck([{ id: 'd', title: 'API', text }], { now: '2026-01-01T00:00:00Z', maxCards: 100 });
		expect(deck.cards.filter((c) => /\w\([^)]*\):/.test(c.source.sentence)).map((c) => c.question)).toEqual([]);
	});

	it('takes no card from a sentence wholly in brackets ("(Any resulting output will always be 100% strict compliant, of course.)")', () => {
		const text = 'The parser coerces loose strings into versions. (Any resulting output will always be 100% strict compliant, of course.) Longer components are ignored by the parser.';
		const deck = generateDeck([{ id: 'd', title: 'API', text }], { now: '2026-01-01T00:00:00Z', maxCards: 100 });
		expect(deck.cards.filter((c) => /resulting output/.test(c.source.sentence)).map((c) => c.question)).toEqual([]);
	});

	it('asks "What is X?" only when the object is all the sentence says of X ("a chemical element with symbol O" has no one answer)', () => {
		expect(object('Oxygen is a chemical element with symbol O and atomic number 8.')).toBe(null);
		expect(object('The capital of Norway is Oslo.')).toEqual({ question: 'What is the capital of Norway?', answer: 'Oslo' });
	});

	it('falls back (no question) where the object is the subject of a following verb', () => {
		expect(object('Cloud storage lets users keep files on remote servers.')).toBe(null);
	});
});

describe('third-person verbs the model reads as plural nouns', () => {
	const chunked = (s: string) => analyse(s).chunks.map((k) => k.text);
	it('re-tags the verb so no noun phrase swallows it ("iron forms stable oxides", "the Danube flows past …")', () => {
		expect(chunked('Because of its reactivity, iron forms stable oxides with most acids.')).toEqual(['its reactivity', 'iron', 'stable oxides', 'most acids']);
		expect(chunked('Below Vienna, the Danube flows past the old castle, a ruin which was built by monks.')).toEqual(['Vienna', 'the Danube', 'the old castle', 'a ruin', 'monks']);
		expect(chunked('The macro system desugars into plain loops.')).toEqual(['The macro system', 'plain loops']);
		expect(chunked('The state funds schools and roads.')).toEqual(['The state', 'schools', 'roads']);
		expect(chunked('Most of the salt water flows through the canal and settles in the bay.')).toEqual(['the salt water', 'the canal', 'the bay']);
		expect(chunked('Tidewater glaciers end in the sea and shed icebergs from their fronts.')).toEqual(['Tidewater glaciers', 'the sea', 'icebergs', 'their fronts']);
	});

	it('leaves a plural compound head alone, and any stretch that has its own verb', () => {
		expect(chunked('Because of the fuel prices in 1990, the airline slowed.')).toEqual(['the fuel prices', 'the airline']);
		expect(chunked('The copper wire conducts heat well.')).toEqual(['The copper wire', 'heat']);
	});
});

describe('the context filter', () => {
	it('names why a stem needs its page', () => {
		expect(contextNeed('Similarly, the council reviews the budget.')).toBe('connective');
		expect(contextNeed('However, the council reviews the budget.')).toBe('connective');
		expect(contextNeed('But the council reviews the budget.')).toBe('leading connective');
		expect(contextNeed('Most influential among these was the council of elders.')).toBe('demonstrative');
		expect(contextNeed('This idea spread quickly through the provinces of the empire.')).toBe('demonstrative');
		expect(contextNeed('The region exports coffee and sugar to the rest of the world.')).toBe('back reference');
		expect(contextNeed('They founded the first university in the city of Bologna.')).toBe('pronoun');
		expect(contextNeed('True or false: He signed the treaty in 1648.')).toBe('pronoun');
		expect(contextNeed('What can be recognised by their surnames?')).toBe('pronoun');
		expect(contextNeed('What could not take part in the ensuing battle?')).toBe('back reference');
		expect(contextNeed('The focus of the talks, however, was on security matters.')).toBe('connective');
	});

	it('accepts a stem that reads on its own', () => {
		expect(contextNeed('The Normans kept their language for two centuries.')).toBe(null);
		expect(contextNeed('What did the Normans adopt in the 10th century?')).toBe(null);
		expect(contextNeed('Metals such as copper conduct electricity well.')).toBe(null);
	});
});

describe('the top of the deck', () => {
	const make = (id: string, answer: string, start: number, type: Card['type'] = 'cloze'): Card => ({ id, type, question: `q ${id}`, answer: type === 'truefalse' ? 'True' : answer, tags: [], score: 0.9 - start / 1000, source: { doc: 'd', sentence: 's', start, end: start + 1 } });
	it('asks no answer more than twice and no sentence more than twice before the rest', () => {
		const ranked = rankCards(
			[
				{ card: make('a', 'X', 1), fact: 'A' },
				{ card: make('b', 'X', 2), fact: 'B' },
				{ card: make('c', 'X', 3), fact: 'C' },
				{ card: make('d', 'Y', 4), fact: 'D' },
				{ card: make('e', 'Z', 4), fact: 'E' },
				{ card: make('f', 'W', 4), fact: 'F' }
			],
			10
		);
		// "c" is a third card on X: no answer is asked more than twice in the deck.
		expect(ranked.map((c) => c.id)).toEqual(['a', 'd', 'e', 'b', 'f']);
	});

	// Scores 0.899, 0.899 × 0.85 (a second card on the answer), 0.6, 0.5: without the rule "b" would come second.
	it.each([
		['one answer once from one sentence ("Which term means …?" and "What is …?" on one definition)', 'Strategic patience', 'strategic patience'],
		['an answer inside another answer of the same sentence ("Caret ranges" and "Caret")', 'Caret ranges', 'Caret']
	])('asks %s before the rest', (_, first, second) => {
		const ranked = rankCards(
			[
				{ card: make('a', first, 1, 'basic'), fact: 'A' },
				{ card: make('b', second, 1, 'basic'), fact: 'B' },
				{ card: make('c', 'Y', 300), fact: 'C' },
				{ card: make('d', 'Z', 400), fact: 'D' }
			],
			10
		);
		expect(ranked.map((c) => c.id)).toEqual(['a', 'c', 'd', 'b']);
	});

	it('asks a term and its definition from one sentence once before the rest, whichever way round', () => {
		const term = { ...make('a', 'Strategic patience', 1, 'basic'), question: 'Which term means an unwillingness to engage in dialogue?' };
		const meaning = { ...make('b', 'an unwillingness to engage in dialogue', 1, 'basic'), question: 'What does the term “Strategic patience” mean in the text?' };
		const ranked = rankCards(
			[
				{ card: term, fact: 'A' },
				{ card: meaning, fact: 'B' },
				{ card: make('c', 'Y', 300), fact: 'C' },
				{ card: make('d', 'Z', 400), fact: 'D' }
			],
			10
		);
		expect(ranked.map((c) => c.id)).toEqual(['a', 'c', 'd', 'b']);
	});

	it('keeps true/false to a fifth of the deck', () => {
		const cards = Array.from({ length: 10 }, (_, i) => ({ card: make(`t${i}`, 'True', 10 + i, 'truefalse'), fact: `T${i}` }));
		expect(rankCards(cards, 10).map((c) => c.id)).toEqual(['t0', 't1']);
	});
});

describe('where the parse is unsure', () => {
	it('finds no main verb in a participle after the subject, so no subject question is built', () => {
		const s = "Relative patterns starting with '../' are not prepended with a dot.";
		const c = analyse(s);
		expect(c.verb).toBe(null);
		expect(subjectQuestion(s, c)).toBe(null);
	});
});

describe('reading a document', () => {
	it('keeps a title that is the subject of the first sentence, and drops a repeated heading line', () => {
		const html = '<html><head><title>Photosynthesis</title></head><body><p>Photosynthesis is the process by which plants turn light into chemical energy.</p></body></html>';
		expect(parseDocument('p.html', html).text).toBe('Photosynthesis is the process by which plants turn light into chemical energy.');
		const repeated = '<html><head><title>Photosynthesis</title></head><body><h1>Photosynthesis</h1><p>Plants turn light into chemical energy.</p></body></html>';
		expect(parseDocument('p.html', repeated).text).toBe('Plants turn light into chemical energy.');
	});
});

describe('verbs the tagger reads as nouns, and "do"/"does" by the subject\'s number (eighth pass)', () => {
	const parsed = (s: string) => {
		const c = analyse(s, new Set());
		return { chunks: c.chunks.map((k) => k.text), subject: c.subject?.text ?? null, verb: c.verb === null ? null : (c.tokens[c.verb]?.text ?? null) };
	};
	const asked = (s: string) => {
		const c = analyse(s, new Set());
		const at = (c.main ?? c.aux[0] ?? -2) + 1;
		const o = c.chunks.find((k) => k.from === at);
		return o ? objectQuestion(s, c, extendOf(s, c.tokens, c.chunks, o)) : null;
	};

	it('re-tags a base-form verb after a plural subject and before its object ("Field botanists use careful examination …")', () => {
		expect(parsed('Field botanists use careful examination of pressed dry leaves to name plants.')).toEqual({
			chunks: ['Field botanists', 'careful examination', 'dry leaves', 'plants'],
			subject: 'Field botanists',
			verb: 'use'
		});
	});

	it('re-tags the verb before an object that a participle then modifies ("mitochondria use the chemical energy stored in …")', () => {
		expect(parsed('Like bacteria, mitochondria use the chemical energy stored in a gradient to make ATP.').chunks).toEqual(['bacteria', 'mitochondria', 'the chemical energy', 'a gradient', 'ATP']);
		expect(parsed('At night, ferns use a pigment called phytochrome.').chunks).toEqual(['night', 'ferns', 'a pigment', 'phytochrome']);
	});

	it('re-tags the verb of a clause opened by a subordinating conjunction ("While maritime law concerns …")', () => {
		expect(parsed('While maritime law concerns shipping contracts, labour law protects workers.').chunks).toEqual(['maritime law', 'contracts', 'labour law', 'workers']);
	});

	it('re-tags an intransitive verb after an adverb when ", then" and a verb follow ("demand first falls, then recovers")', () => {
		expect(parsed('The model predicts that with higher prices, demand first falls, then recovers.').chunks).toEqual(['The model', 'higher prices', 'demand']);
	});

	it('leaves noun compounds, lists and nouns the model never reads as verbs alone', () => {
		expect(parsed('The sales tax rate rose sharply in 1990.').chunks).toEqual(['The sales tax rate']);
		expect(parsed('Farmers, miners, students union members and workers marched together.').chunks).toEqual(['Farmers', 'miners', 'students union members', 'workers']);
		expect(parsed('Because of the fuel prices in 1990, the airline slowed.').chunks).toEqual(['the fuel prices', 'the airline']);
		// "oxygen" is never a verb to the model: the plural before it is ("Fermentation releases …").
		expect(parsed('Fermentation releases oxygen into the water.')).toEqual({ chunks: ['Fermentation', 'oxygen', 'the water'], subject: 'Fermentation', verb: 'releases' });
	});

	it('stops a subject question before ", but"/", while" and a clause whose plural or coordinated subject takes a base form', () => {
		const subject = (s: string) => subjectQuestion(s, analyse(s, new Set()));
		expect(subject('Mosses lack true roots, but many moss species absorb water through their leaves.')).toBe('What lacks true roots?');
		expect(subject('Granite cools slowly, while basalt and andesite cool quickly at the surface.')).toBe('What cools slowly?');
	});

	it('asks "do" for a plural subject, also one the model does not know ("volcanologists", "mitochondria")', () => {
		expect(asked('Volcanologists analyse fresh lava samples in the field.')).toEqual({ question: 'What do volcanologists analyse in the field?', answer: 'fresh lava samples' });
		expect(asked('Mitochondria use the chemical energy of sugars in the cell.')).toEqual({ question: 'What do mitochondria use in the cell?', answer: 'chemical energy of sugars' });
		expect(asked('Economics studies scarce resources in the market.')).toEqual({ question: 'What does economics study in the market?', answer: 'scarce resources' });
	});

	it('reads two noun phrases joined by "and" before a plural verb as one subject, and asks it with "do"', () => {
		expect(parsed('The skin and the gut secrete digestive enzymes in large amounts.').subject).toBe('The skin and the gut');
		expect(asked('The skin and the gut secrete digestive enzymes in large amounts.')).toEqual({ question: 'What do the skin and the gut secrete in large amounts?', answer: 'digestive enzymes' });
		// An "-s" verb says the "and" joins parts of one phrase.
		expect(parsed('The mixture of salt and sand forms a hard crust.').verb).toBe(null);
		// A participle before "to" modifies the phrase; the sentence's verb comes later.
		expect(parsed('Steel pipes and storage tanks used to carry liquid fuel will rust.').verb).toBe(null);
		// The question keeps an "and" inside its "when" clause.
		const subject = (s: string) => subjectQuestion(s, analyse(s, new Set()));
		expect(subject('Fire and flood hazards exist when dry fuels and strong winds are present in summer.')).toBe('What exists when dry fuels and strong winds are present in summer?');
	});

	it('keeps "are" before an adjective and its noun in a subject question ("What are igneous rocks …?", not "What is igneous rocks …?")', () => {
		const subject = (s: string) => subjectQuestion(s, analyse(s, new Set()));
		expect(subject('Granite and basalt are igneous rocks that form from magma.')).toBe('What are igneous rocks that form from magma?');
		expect(subject('Granites are igneous rocks that form from magma.')).toBe('What are igneous rocks that form from magma?');
		expect(subject('Granites are hard in most climates.')).toBe('What is hard in most climates?');
	});
});

describe('measurements (a number and a unit symbol)', () => {
	it('reads a number with its unit as one amount (a range whole), and leaves money, years and grades as they were', () => {
		const text = 'Nitrogen boils at 77.36 K (−195.79 °C) under normal pressure. Pressures above 300 kPa harm the divers in deep water. The lake level dropped 45 m during the dry decade of the 1990s, and 12–15 m in the century before. The trains ran at 80 mph on the old line in 1975. In 2010 a grade 5 A student paid £25m for the house.';
		const numbers = buildModel('d', text).sentences.map((s) => s.mentions.filter((m) => m.kind === 'number').map((m) => m.text));
		expect(numbers).toEqual([['77.36 K', '−195.79 °C'], ['300 kPa'], ['45 m', '12–15 m'], ['80 mph'], ['£25m']]);
	});
});

describe('an occupation before a name', () => {
	it('reads "Archeologist Betty Meggers" as the person Betty Meggers with her occupation, and leaves churches, parties and saints\' places whole', () => {
		const model = buildModel('d', 'Archeologist Betty Meggers argued against large settlements in the basin. The Baptist Church and the Communist Party met in the town hall in 1990. At Saint Evroul a choir sang.');
		expect([...model.entities.values()].map((e) => [e.text, e.kind])).toEqual([
			['Betty Meggers', 'person'],
			['Baptist Church', 'org'],
			['Communist Party', 'org'],
			['Saint Evroul', 'name']
		]);
	});
});

describe('a title after a name', () => {
	it('reads "Karin Lee Executive Director" as Karin Lee, and leaves "General Motors" and a name without a role whole', () => {
		const model = buildModel('d', 'The board met in Seoul in 2006 with its staff. Karin Lee Executive Director. General Motors and Paul Anderson Hall sent letters.');
		expect([...model.entities.values()].map((e) => [e.text, e.kind])).toEqual([
			['Seoul', 'place'],
			['Karin Lee', 'person'],
			['General Motors', 'org'],
			['Paul Anderson Hall', 'person']
		]);
	});
});

describe('distractors of the same form', () => {
	it('offers ranges of the same width for a range, never a single value, and single values for a single value', () => {
		const pool = new Map([['number' as const, ['1–3 μm', '4 μm', '2–4 μm']]]);
		const ranges = pickDistractors('5–8 μm', 'number', pool, [], 4, 's');
		expect(ranges.length).toBe(4);
		expect(ranges.every((d) => /^(\d+)–(\d+) μm$/.test(d) && d !== '5–8 μm')).toBe(true);
		expect(ranges.filter((d) => d !== '1–3 μm' && d !== '2–4 μm').every((d) => Number(d.split('–')[1]?.split(' ')[0]) - Number(d.split('–')[0]) === 3)).toBe(true);
		expect(pickDistractors('6 μm', 'number', pool, [], 4, 's').some((d) => d.includes('–'))).toBe(false);
	});

	it('offers companies for a company and bodies for a body', () => {
		const pool = new Map([['org' as const, ['Pulsar Ltd', 'Centros Ltd', 'Factortame Ltd', 'Central Bank', 'European Commission', 'Council of Europe']]]);
		expect(pickDistractors('Court of Auditors', 'org', pool, [], 3, 's').sort()).toEqual(['Central Bank', 'Council of Europe', 'European Commission']);
		expect(pickDistractors('Acme Ltd', 'org', pool, [], 3, 's').sort()).toEqual(['Centros Ltd', 'Factortame Ltd', 'Pulsar Ltd']);
	});
});

describe('questions that read cleanly', () => {
	it('keeps a coordinated verb in the singular after a wh-subject, and leaves no space before a comma', () => {
		const s1 = 'Newborn lambs have no natural defence against foxes and are especially vulnerable in spring.';
		expect(subjectQuestion(s1, analyse(s1))).toBe('What has no natural defence against foxes and is especially vulnerable in spring?');
		const s2 = 'Hungry birds eat the seeds of the tree and are seen in every garden.';
		expect(subjectQuestion(s2, analyse(s2))).toBe('What eats the seeds of the tree and is seen in every garden?');
		const s3 = 'Overactive responses comprise the other end of the disorder, particularly the allergic reactions.';
		const c3 = analyse(s3);
		const o3 = objectOf(s3, c3);
		expect(o3 && objectQuestion(s3, c3, o3)?.question).toBe('What do overactive responses comprise, particularly the allergic reactions?');
	});
});

describe('a relational phrase before "of"', () => {
	it('asks the "of" phrase, not "an important feature of …" or "the other end of …"', () => {
		const answers = (text: string) => {
			const info = buildModel('d', text).sentences[0];
			return info ? conceptFacts(info, [], new Map(), analyse(tidy(info.s.text), new Set())).map((f) => f.answer) : [];
		};
		expect(answers('Swelling is an important feature of acute soft tissue injury in athletes.')).toEqual(['Swelling', 'acute soft tissue injury']);
		expect(answers('Reckless speculation marks the other end of financial behaviour, particularly in boom years.')).toEqual(['Reckless speculation', 'financial behaviour', 'boom years']);
	});
});

describe('a reason read to the end of its phrase', () => {
	it('reads "an informal and therefore more relaxed setting" whole, and never ends on a word waiting for its noun', () => {
		const reason = (text: string) => {
			const info = buildModel('d', text).sentences[0];
			const f = info ? reasonFacts(info, [], analyse(tidy(info.s.text), new Set()))[0] : undefined;
			return f ? [f.question ?? f.cloze, f.answer] : null;
		};
		expect(reason('Study groups give all members forums to present their findings in an informal and therefore more relaxed setting.')?.[1]).toBe('to present their findings in an informal and therefore more relaxed setting');
	});
});

describe('a date question on its own clause', () => {
	it('asks "In which year was X launched?" of a main clause, and nothing of a subordinate one', () => {
		const asked = (text: string) => generateDeck([{ id: 'd', title: 'T', text }], { now: '2026-01-01T00:00:00Z' }).cards.filter((c) => c.type === 'basic' && c.answer === '1998').map((c) => c.question);
		expect(asked('The new satellite service was launched in 1998 with two hundred channels.')).toEqual(['In which year was the new satellite service launched?']);
		expect(asked('When the new satellite service was launched in 1998, it carried two hundred channels.')).toEqual([]);
	});
});

describe('examples that belong to the subject', () => {
	it('asks no subject question when the examples of the subject follow its verb', () => {
		const s = 'Smaller tractors were introduced, such as the Ferguson TE20 and the Fordson Dexta.';
		expect(subjectQuestion(s, analyse(s))).toBe(null);
		const t = 'Smaller tractors were introduced in the 1940s for farms such as the hill farms of Wales.';
		expect(subjectQuestion(t, analyse(t))).toBe('What was introduced in the 1940s for farms such as the hill farms of Wales?');
	});
});

describe('objects and verbs the parse does not hold together', () => {
	it('asks no object question of an object that is the subject of an infinitive after it', () => {
		const s = 'Erosion causes the river banks as a whole to become steeper and narrower.';
		const c = analyse(s);
		const o = objectOf(s, c);
		expect(o ? objectQuestion(s, c, o) : 'no object').toBe(null);
		const t = 'The Normans adopted the Romance language in the tenth century.';
		const d = analyse(t);
		const p = objectOf(t, d);
		expect(p ? objectQuestion(t, d, p)?.question : 'no object').toBe('What did the Normans adopt in the tenth century?');
	});

	it('asks no subject question where a participle runs into a finite verb (a "that" missing in the source)', () => {
		const s = 'Effects of poverty researchers have found include higher rates of illness in the cities.';
		expect(subjectQuestion(s, analyse(s))).toBe(null);
	});
});

describe('a document named after what it rules on', () => {
	it('reads "Free Movement of Workers Regulation" as a document, not an organisation, and asks no "Which organisation" of it', () => {
		const text = 'The Free Movement of Capital Regulation articles 1 to 9 set out the main provisions on capital transfers. The European Investment Bank finances projects in member states since 1958.';
		const model = buildModel('d', text);
		expect(model.entities.get('free movement of capital regulation')?.kind).toBe('name');
		expect(model.entities.get('european investment bank')?.kind).toBe('org');
		const deck = generateDeck([{ id: 'd', title: 'T', text }], { now: '2026-01-01T00:00:00Z' });
		expect(deck.cards.filter((c) => /^Which organisation/.test(c.question)).map((c) => c.answer)).toEqual(['European Investment Bank']);
	});
});

describe('plain subjects and objects (twelfth pass)', () => {
	/** Each concept fact of the document's first sentence as "answer | question (or cloze when it has none)". */
	const facts = (text: string, capitalised: string[] = []) => {
		const info = buildModel('d', text).sentences[0];
		const c = info ? analyse(tidy(info.s.text), new Set(capitalised)) : undefined;
		return info ? conceptFacts(info, [], new Map(), c).map((f) => `${f.answer} | ${f.question ?? f.cloze}`) : [];
	};

	it('reads the subject after a fronted prepositional phrase, with or without its comma, and keeps the phrase in front of the question', () => {
		expect(facts('In the museum, conservationists restore damaged paintings from the royal collection.')).toEqual([
			'conservationists | In the museum, who restores damaged paintings from the royal collection?',
			'damaged paintings | In the museum, what do conservationists restore from the royal collection?',
			'royal collection | In the museum, conservationists restore damaged paintings from the _____.'
		]);
		expect(facts('In the tenth century a new dynasty built stone temples along the coast.')).toEqual([
			'new dynasty | In the tenth century, what built stone temples along the coast?',
			'stone temples | In the tenth century, what did a new dynasty build along the coast?',
			'tenth century | In the _____ a new dynasty built stone temples along the coast.'
		]);
	});

	it('sets aside no fixed phrase without a noun ("In particular, …"), nor a clause opened by "as"', () => {
		expect(facts('In particular, larger engines burn more fuel on long journeys.')).toEqual([
			'larger engines | In particular, _____ burn more fuel on long journeys.',
			'long journeys | In particular, larger engines burn more fuel on _____.'
		]);
		const lead = (s: string) => frontedAdjunct(s, analyse(s))?.lead ?? null;
		expect(lead('As people age, several changes weaken the immune system.')).toBe(null);
		expect(lead('As with older engines, modern diesel engines burn heavy fuel oil.')).toBe('As with older engines');
	});

	it('asks a sentence too short for a cloze only where the question says enough: an active verb and its object, or a named subject', () => {
		expect(facts('A flood destroyed the bridge.')).toEqual(['flood | What destroyed the bridge?']);
		expect(facts('Norlake also sells cheap garden tools.', ['norlake'])).toEqual(['cheap garden tools | What does Norlake sell?']);
		expect(facts('Chemical barriers protect against infection.')).toEqual([]);
		// The agent is asked; the object is not, its subject being no name ("What did the old rule discourage?").
		expect(facts('The old rule discouraged new farms.')).toEqual(['old rule | What discouraged new farms?']);
	});

	it('keeps the base form of a verb coordinated inside an infinitive ("to cut costs and raise profits")', () => {
		const s = 'Small farms use cheap labour to cut costs and raise profits.';
		expect(subjectQuestion(s, analyse(s))).toBe('What uses cheap labour to cut costs and raise profits?');
		const t = 'Mountain goats climb steep cliffs and avoid the wolves of the valley.';
		expect(subjectQuestion(t, analyse(t))).toBe('What climbs steep cliffs and avoids the wolves of the valley?');
	});

	it('asks no subject question where a base form after "and" may modify a noun ("from outcrop and drill cores")', () => {
		const s = 'Petrologists examine rock samples from outcrop and drill cores in the laboratory.';
		expect(subjectQuestion(s, analyse(s, new Set()))).toBe(null);
	});

	it('asks no subject question whose "that of" stood for the subject, nor one built on a participle that modifies the subject', () => {
		const s = 'The period of Gothic art follows that of the Romanesque in most regions.';
		expect(subjectQuestion(s, analyse(s))).toBe(null);
		const t = 'The area of grassland burned in the dry valleys grew sharply after the long drought.';
		expect(subjectQuestion(t, analyse(t))).toBe(null);
		const u = 'The council consists of members elected to either chamber of the assembly.';
		expect(subjectQuestion(u, analyse(u))).toBe('What consists of members elected to either chamber of the assembly?');
	});

	it('asks "Who" of "-graphers" and no "What kind of" of a modifier that says how much ("sufficient")', () => {
		const s = 'Stratigraphers analyze rock samples from the field.';
		expect(subjectQuestion(s, analyse(s, new Set()))).toBe('Who analyzes rock samples from the field?');
		const kind = (t: string) => typedSubject(t, analyse(t, new Set()), new Map([['oxygen', 3]]))?.question ?? null;
		expect(kind('Sufficient atomic oxygen is present to cause erosion of the solar panels.')).toBe(null);
		expect(kind('Atomic oxygen is present to cause erosion of the solar panels.')).toBe('What kind of oxygen is present to cause erosion of the solar panels?');
	});

	it('asks no object question of an object that opens a clause with its own verb ("announced the number … was rising")', () => {
		const asked = (s: string) => object(s)?.question ?? null;
		expect(asked('The council announced the number of new homes with gardens was rising.')).toBe(null);
		expect(asked('The council announced the number of new homes in its report.')).toBe('What did the council announce in its report?');
		expect(asked('The path then follows the northern shore until Hagnau am Bodensee.')).toBe('What does the path follow until Hagnau am Bodensee?');
	});

	it('keeps "Instead of" and "Next to" when it tidies a leading connective away', () => {
		expect(tidy('Instead of building new roads, the council repaired the old bridges.')).toBe('Instead of building new roads, the council repaired the old bridges.');
		expect(tidy('Next to the harbour stands a tall lighthouse.')).toBe('Next to the harbour stands a tall lighthouse.');
		expect(tidy('Instead, the council repaired the old bridges.')).toBe('The council repaired the old bridges.');
	});
});

describe('subjects read past their first noun phrase (issue 9, twelfth pass: subjects the parser finds)', () => {
	const parse = (s: string) => {
		const c = analyse(s);
		return { subject: c.subject?.text ?? null, verb: c.verb === null ? null : (c.tokens[c.verb]?.text ?? null), at: c.verb, plural: c.plural };
	};
	const asked = (s: string) => {
		const c = analyse(s);
		const o = objectOf(s, c);
		return [subjectQuestion(s, c), o ? (objectQuestion(s, c, o)?.question ?? null) : null];
	};

	it('takes prepositional phrases into the subject and finds the verb after them', () => {
		const s = 'The collapse of the bridge over the river closed the road for a whole year.';
		expect(parse(s)).toEqual({ subject: 'The collapse of the bridge over the river', verb: 'closed', at: 8, plural: false });
		expect(asked(s)).toEqual(['What closed the road for a whole year?', 'What did the collapse of the bridge over the river close for a whole year?']);
	});

	it('takes noun phrases coordinated with commas, inside a prepositional phrase or as the subject itself', () => {
		const s = 'The shortage of food, fuel and medicine forced the garrison to surrender in the spring.';
		expect(parse(s)).toEqual({ subject: 'The shortage of food, fuel and medicine', verb: 'forced', at: 8, plural: false });
		expect(asked(s)[0]).toBe('What forced the garrison to surrender in the spring?');
		const t = 'Copper, tin and zinc are mined in the northern hills of the province.';
		expect(parse(t)).toEqual({ subject: 'Copper, tin and zinc', verb: 'are', at: 5, plural: true });
		expect(asked(t)[0]).toBe('What is mined in the northern hills of the province?');
	});

	it('takes a "to"-infinitive with its object, and a participle with its phrase', () => {
		const s = 'The decision to close the old mine ended three centuries of digging in the valley.';
		expect(parse(s)).toEqual({ subject: 'The decision to close the old mine', verb: 'ended', at: 7, plural: false });
		expect(asked(s)).toEqual(['What ended three centuries of digging in the valley?', 'How many centuries of digging did the decision to close the old mine end in the valley?']);
		const t = 'Farms established during the drought were abandoned within ten years.';
		expect(parse(t)).toEqual({ subject: 'Farms established during the drought', verb: 'were', at: 5, plural: true });
		expect(asked(t)[0]).toBe('What was abandoned within ten years?');
		expect(parse('The workers weaving in the mills were paid by the piece.')).toEqual({ subject: 'The workers weaving in the mills', verb: 'were', at: 6, plural: true });
	});

	it('skips a bracket after the subject, which stays out of the question', () => {
		const s = 'The Danube (German: Donau) crosses the plains of Hungary on its way to the sea.';
		expect(parse(s)).toEqual({ subject: 'The Danube', verb: 'crosses', at: 7, plural: false });
		expect(asked(s)).toEqual(['What crosses the plains of Hungary on its way to the sea?', 'What does the Danube cross on its way to the sea?']);
	});

	it('finds no verb where a past form may be a participle: a second finite verb follows, or a gloss comes before it', () => {
		expect(parse('The reports from the agents sent to the capital arrived in the spring.')).toEqual({ subject: 'The reports', verb: null, at: null, plural: true });
		expect(asked('The reports from the agents sent to the capital arrived in the spring.')).toEqual([null, null]);
		expect(parse('Ships (galleys of the fleet) sailed with the tide.').verb).toBe(null);
	});

	it('asks a subject read past its first phrase only by a question, never as a cloze of the whole phrase', () => {
		const info = buildModel('d', 'The meeting hosted by the council was what is known as an open hearing.').sentences[0];
		const c = info ? analyse(tidy(info.s.text), new Set()) : undefined;
		expect(c?.subject?.text).toBe('The meeting hosted by the council');
		expect(info ? conceptFacts(info, [], new Map(), c).map((f) => f.answer) : null).toEqual(['open hearing']);
	});

	it('refuses a subject that compares with what the page named before ("A similar situation with … occurs")', () => {
		expect(contextNeed('A similar pattern with basalt flows appears where the lava cools quickly.')).toBe('comparison');
		expect(contextNeed('A simple pattern with basalt flows appears where the lava cools quickly.')).toBe(null);
	});

	it('reads no adverbial moved into the subject ("Lombard in southern Italy Norman artwork survives …")', () => {
		const info = buildModel('d', 'In southern Italy Norman artwork survives in forms influenced by its Greek, Lombard, and Arab forebears.').sentences[0];
		expect(info ? frontedView(info, new Set()) : 'no sentence').toBe(null);
	});
});

describe('the context filter: false alarms and openings it can resolve (thirteenth pass)', () => {
	/** The second sentence of `text`, tidied and resolved against the first. */
	const second = (text: string) => {
		const [first, next] = buildModel('d', text).sentences;
		return next && first ? resolveStart(tidy(next.s.text), next, [first]) : 'no sentence';
	};

	it('reads "the term" or "the concept" that names its thing in quotes or capitals as no back reference', () => {
		expect(contextNeed('Economists adopted the term "load shedding" for planned power cuts.')).toBe(null);
		expect(contextNeed('The council developed the concept Participatory Budgeting to involve its citizens.')).toBe(null);
		expect(contextNeed('The term became popular among economists in the 1920s.')).toBe('back reference');
		expect(contextNeed('The council developed the concept further to involve its citizens.')).toBe('back reference');
		expect(contextNeed('What does the term “load shedding” mean in the text?')).toBe('back reference');
	});

	it('reads "It was shown by X that …" as an expletive "it", but not "It was shown/designed to …"', () => {
		expect(contextNeed('It was shown by Dijkstra that the shortest path can be found greedily.')).toBe(null);
		expect(contextNeed('It has been argued that the term "fair trade" has always been vague.')).toBe(null);
		expect(contextNeed('It was shown to be faster than the older design.')).toBe('pronoun');
		expect(contextNeed('It was designed to carry forty passengers at a time.')).toBe('pronoun');
		expect(contextNeed('It is difficult to carry forty passengers at a time.')).toBe(null);
		// "that" as a determiner opens no clause
		expect(contextNeed('It was published in a small edition that year.')).toBe('pronoun');
		expect(contextNeed('It was reported that water from the spring was safe.')).toBe(null);
		expect(contextNeed('It is widely accepted that trade, when fair, helps both sides of a border.')).toBe(null);
		// after a comma too: "…, but it is possible that …"
		expect(contextNeed('Most birds can fly, but it is possible that the earliest birds could only glide.')).toBe(null);
		expect(contextNeed('Most birds can fly, but it is small and light enough to glide.')).toBe('pronoun');
	});

	it('reads "If …, then …" as one conditional, not a connective', () => {
		expect(contextNeed('If the bridge is closed, then the ferry carries all the traffic.')).toBe(null);
		expect(contextNeed('The bridge was closed, then the ferry carried all the traffic.')).toBe('connective');
	});

	it('drops an opener that only compares with the sentence before ("Along the same lines, …")', () => {
		expect(tidy('Along the same lines, a reef is a ridge of rock near the surface of the sea.')).toBe('A reef is a ridge of rock near the surface of the sea.');
		expect(tidy('In the same way, the ferry carries cars across the sound.')).toBe('The ferry carries cars across the sound.');
		expect(tidy('By the same token, the ferry carries cars across the sound.')).toBe('The ferry carries cars across the sound.');
		expect(tidy('In the same way the ferry works, the bus carries cars.')).toBe('In the same way the ferry works, the bus carries cars.');
	});

	it('resolves "It", "Its", "They" and "Their" to a noun phrase the sentence before opened with as the subject of "is/was/are/were"', () => {
		expect(second('A sundial is a device that tells the time from the position of the sun. It is an instrument that casts a shadow on a marked plate.')).toBe('A sundial is an instrument that casts a shadow on a marked plate.');
		expect(second('The Persian astrolabe was an instrument for measuring the height of stars. It was used by sailors to find their latitude.')).toBe('The Persian astrolabe was used by sailors to find their latitude.');
		expect(second('The Persian astrolabe was an instrument for measuring the height of stars. Its brass disc was engraved with a map of the sky.')).toBe("The Persian astrolabe's brass disc was engraved with a map of the sky.");
		expect(second('Telenet was the first licensed public data network in the country. Its founder was a former director of the agency.')).toBe("Telenet's founder was a former director of the agency.");
		expect(second('Hedgehogs are small mammals covered in stiff spines. They roll into a ball when frightened by a predator.')).toBe('Hedgehogs roll into a ball when frightened by a predator.');
		expect(second('The European hedgehogs were small mammals covered in stiff spines. Their quills were hollow and very light.')).toBe("The European hedgehogs' quills were hollow and very light.");
	});

	it('leaves "It", "Its", "They" and "Their" unresolved where the antecedent is not certain', () => {
		for (const text of [
			// the sentence before does not say what its subject is: "It" may be the plan
			'The committee approved the new plan. It was published in the spring of that year.',
			// an indefinite subject told in the past is one thing, not a kind: "A storm destroyed …" would lose which storm
			'A storm was reported near the coast. It destroyed the old pier in a single night.',
			// number does not agree
			'The Persian astrolabes were instruments for measuring stars. It was used by sailors to find their latitude.',
			'The Persian astrolabe was an instrument for measuring stars. They were used by sailors to find their latitude.',
			// a definite phrase of common nouns points back itself; a cleft; the owner's own noun
			'The astrolabe was an instrument for measuring the height of stars. It was used by sailors to find their latitude.',
			'The Persian astrolabe was an instrument for measuring stars. It was in Baghdad that it was first improved.',
			'The name Uranus was proposed by a German astronomer. Its name comes from the Greek god of the sky.',
			// a subject with a post-modifier, and another paragraph
			'The most famous work of the period is the tapestry. It was commissioned by a bishop of the town.',
			'A sundial is a device that tells the time from the sun.\n\nIt is an instrument that casts a shadow on a plate.'
		]) expect(second(text)).toBe(null);
	});

	it('asks no question cut inside a conditional that its "that" clause opens ("Who argues that if a tax is fair?")', () => {
		const text = 'The economist Maria Lopez argues that if a tax is fair, most people will pay it without complaint.';
		const info = buildModel('d', text).sentences[0];
		const known = { states: () => false, names: () => false, pairs: () => false };
		const fact = (question: string) => ({ key: 'person|Maria Lopez', answer: 'Maria Lopez', answerKind: 'person' as const, info: info!, question, cloze: 'The economist _____ argues that if a tax is fair, most people will pay it without complaint.', weight: 0.5, tags: ['person'] });
		expect(factCards(fact('Who argues that if a tax is fair?'), new Map(), known, 's').map((c) => c.type)).toEqual(['cloze']);
		expect(factCards(fact('Who argues that if a tax is fair, most people will pay it without complaint?'), new Map(), known, 's').map((c) => c.type)).toEqual(['basic', 'cloze']);
	});
});

describe('the kind of an object (seventeenth pass: "What type of climate does Jacksonville have?")', () => {
	const kind = (s: string, heads: string[] = ['climate', 'memory', 'republic', 'city', 'buildings', 'building']) => {
		const c = analyse(s, new Set(['kestrel', 'vantoria', 'orla']));
		const o = objectOf(s, c);
		return o ? typedObject(s, c, o, new Map(heads.map((h) => [h, 3]))) : null;
	};

	it('asks the modifiers that sort the object, with its head noun kept in the question', () => {
		expect(kind('Kestrel has a humid subtropical climate.')).toEqual({ question: 'What kind of climate does Kestrel have?', answer: 'humid subtropical' });
		expect(kind('Orla possessed a photographic memory.')).toEqual({ question: 'What kind of memory did Orla possess?', answer: 'photographic' });
		expect(kind('Vantoria is a presidential democratic republic.')).toEqual({ question: 'What kind of republic is Vantoria?', answer: 'presidential democratic' });
	});

	it('asks nothing of a modifier that only says how big, how many or which, of a noun the reading seldom uses, or after "be" with a common noun', () => {
		expect(kind('Kestrel has a large climate.')).toBe(null);
		expect(kind('Kestrel has several climates.')).toBe(null);
		expect(kind('Kestrel has a humid subtropical climate.', ['memory'])).toBe(null);
		expect(kind('The capital is a large coastal city.')).toBe(null);
		expect(kind('The capital is a coastal city.')).toBe(null);
		expect(kind('Orla possessed a memory.')).toBe(null);
	});
});

