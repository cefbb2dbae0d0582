import { describe, expect, it } from 'vitest';
import { buildModel, extractFacts } from '../../../src/lib/generator/core/index';
import { seed } from './seeds';

const facts = (which: 'talks' | 'exchanges') => extractFacts(buildModel('d', seed(which).text));
const pairs = (which: 'talks' | 'exchanges', group: 'role' | 'acronym') =>
	facts(which).flatMap((f) => (f.pair?.group === group ? [[f.pair.left, f.pair.right]] : []));

describe('facts of the seeds', () => {
	it('finds acronyms with their expansions', () => {
		expect(pairs('talks', 'acronym')).toContainEqual(['NCAFP', 'National Committee on American Foreign Policy']);
		const exchanges = pairs('exchanges', 'acronym');
		expect(exchanges).toContainEqual(['NEACD', 'Northeast Asia Cooperative Dialogue']);
		expect(exchanges).toContainEqual(['DPRK', 'Democratic People’s Republic of Korea']);
		expect(exchanges).toContainEqual(['BDA', 'Banco Delta Asia']);
		// "Council for Security Cooperation in Northeast Asia (CSCAP)": the letters do not fit, so no fact.
		expect(exchanges.find(([short]) => short === 'CSCAP')?.[1]).toBe('Council for Security Cooperation in the Asia Pacific');
	});

	it('finds people with their roles from appositives and titles', () => {
		const talks = pairs('talks', 'role');
		expect(talks).toContainEqual(['George Schwab', 'President of NCAFP']);
		expect(talks).toContainEqual(['Henry Kissinger', 'co-chairman of the NCAFP']);
		expect(talks).toContainEqual(['Donald Zagoria', 'Senior Vice President of the NCAFP']);
		const exchanges = pairs('exchanges', 'role');
		expect(exchanges).toContainEqual(['Kim Gye-gwan', 'DPRK Vice Minister of Foreign Affairs']);
		expect(exchanges).toContainEqual(['Christopher Hill', 'Assistant Secretary of State']);
		expect(exchanges).toContainEqual(['Ri Gun', 'director general of the DPRKs Foreign Ministry’s American Affairs Bureau']);
	});

	it('finds affiliations, definitions and quotations', () => {
		const talks = facts('talks');
		expect(talks.find((f) => f.question === 'Which organisation is Evans Revere from?')?.answer).toBe('Korea Society');
		expect(talks.find((f) => f.key === 'define|Strategic patience')?.question).toBe('Which term means an unwillingness to engage in dialogue for whatever reason?');
		expect(talks.find((f) => f.tags.includes('quotation'))?.answer).toBe('Schwab');
		const exchanges = facts('exchanges');
		expect(exchanges.find((f) => f.key === 'define|Track I')?.answer).toBe('Track I');
		expect(exchanges.find((f) => f.question === 'In which year was CSCAP founded?')?.answer).toBe('1993');
	});

	it('counts with their noun: experts from 21 countries', () => {
		const f = facts('exchanges').find((x) => x.answer === '21');
		expect(f?.cloze).toBe('Experts from _____ countries, drawn primarily from think tanks and including some members of government, convene for unofficial dialogue on security issues on a regular basis.');
	});
});

describe('concept answers are whole phrases (eighth pass: phrase boundaries)', () => {
	const concepts = (text: string) => extractFacts(buildModel('d', text)).filter((f) => f.answerKind === 'concept' && !f.tags.includes('purpose'));
	const answers = (text: string) => concepts(text).map((f) => f.answer);
	const fact = (text: string, answer: string) => {
		const f = concepts(text).find((x) => x.answer === answer);
		return f && { cloze: f.cloze, question: f.question };
	};

	it('asks bare nouns that share the next conjunct’s head as the whole coordination: "wheat and barley crops"', () => {
		const text = 'Farmers grow wheat and barley crops in the dry valleys of the northern region.';
		expect(fact(text, 'wheat and barley crops')).toEqual({ cloze: 'Farmers grow _____ in the dry valleys of the northern region.', question: undefined });
		expect(answers(text)).not.toContain('wheat');
		expect(answers(text)).not.toContain('barley crops');
	});

	it('makes no card of one parallel conjunct when the whole coordination is too long: "low temperature and high pressure laboratory experiments"', () => {
		const text = 'Chemists run low temperature and high pressure laboratory experiments to test new alloys.';
		expect(answers(text).filter((a) => /temperature|pressure|experiments/.test(a))).toEqual([]);
	});

	it('reads an adjective after a noun inside the last member as where the shared head begins: "low temperature and pressure | mechanical tests"', () => {
		const text = 'Engineers perform low temperature and pressure mechanical tests to check the alloys.';
		expect(fact(text, 'low temperature and pressure mechanical tests')).toEqual({ cloze: 'Engineers perform _____ to check the alloys.', question: undefined });
		expect(answers(text).filter((a) => a !== 'low temperature and pressure mechanical tests' && /temperature|pressure|tests/.test(a))).toEqual([]);
	});

	it('takes the coordinated modifiers with the phrase they share: "the formal or legal land registration system"', () => {
		const text = 'Much farmland stays outside the formal or legal land registration system in rural provinces.';
		expect(fact(text, 'formal or legal land registration system')).toEqual({ cloze: 'Much farmland stays outside the _____ in rural provinces.', question: undefined });
		expect(answers(text)).not.toContain('legal land registration system');
	});

	it('takes a coordinated "of" complement whole: "a body of customs and statutes"', () => {
		const text = 'Maritime law is a body of customs and statutes that govern shipping.';
		expect(fact(text, 'body of customs and statutes')).toEqual({ cloze: 'Maritime law is a _____ that govern shipping.', question: undefined });
		expect(answers(text)).not.toContain('body of customs');
	});

	it('ends a chunk where a quantifier starts the next phrase: "villages | much water"', () => {
		const text = 'In many small and remote villages much water and food is carried by hand.';
		expect(fact(text, 'small and remote villages')).toEqual({ cloze: 'In many _____ much water and food is carried by hand.', question: undefined });
		expect(answers(text).filter((a) => /much/.test(a))).toEqual([]);
	});

	it('leaves the adjective a degree adverb grades in the stem: "the most famous | unsolved problems"', () => {
		const text = 'Whether the proof holds is one of the most famous unsolved problems in modern mathematics.';
		expect(fact(text, 'unsolved problems')).toEqual({ cloze: 'Whether the proof holds is one of the most famous _____ in modern mathematics.', question: undefined });
		expect(answers(text)).not.toContain('famous unsolved problems');
		// Only the head would be left: no card.
		expect(answers('Miners judged the new methods in terms of more efficient tools.')).not.toContain('efficient tools');
	});

	it('asks what a quantifier counts, never the quantifier: "a variety of field, laboratory, and computer simulation methods"', () => {
		const text = 'Biologists employ a variety of field, laboratory, and computer simulation methods to study cells.';
		expect(fact(text, 'field, laboratory, and computer simulation methods')).toEqual({ cloze: 'Biologists employ a variety of _____ to study cells.', question: undefined });
		expect(answers(text).filter((a) => /variety|^field$/.test(a))).toEqual([]);
		// "numerous" and "various" lead no term, as "many" and "several" do not.
		expect(answers('Before the survey began, numerous foundations were laid out by various engineers.').filter((a) => /numerous|various/.test(a))).toEqual([]);
	});

	it('asks no object question cut inside a coordination: not "What did the settlers adopt and the customs of the valley?"', () => {
		const text = 'The settlers adopted the local language and the customs of the valley.';
		expect(fact(text, 'local language')).toEqual({ cloze: 'The settlers adopted the _____ and the customs of the valley.', question: undefined });
	});

	it('asks a coordinated subject that spans its whole coordination: "What can repel water during long dives?"', () => {
		const text = 'The feathers of herons and egrets can repel water during long dives.';
		expect(fact(text, 'feathers of herons and egrets')).toEqual({ cloze: 'The _____ can repel water during long dives.', question: 'What can repel water during long dives?' });
	});

	it('keeps phrases of their own apart: two noun compounds, a determiner or quantifier after "and", a noun before it', () => {
		expect(answers('The clinic offers oxygen therapy and life support systems to patients.')).toEqual(expect.arrayContaining(['oxygen therapy', 'life support systems']));
		expect(answers('The word survives in French and several other European languages.')).not.toContain('French and several other European languages');
		expect(answers('Sleep has strong effects on both the innate and the adaptive immunity of mammals.')).not.toContain('innate and the adaptive immunity');
		expect(answers('Toxicity can also occur in deep scuba diving and surface supplied diving.')).not.toContain('diving and surface');
		expect(answers('Courts weigh general principles of law, or fundamental rights, in such cases.')).toEqual(expect.arrayContaining(['general principles of law', 'fundamental rights']));
	});
});
