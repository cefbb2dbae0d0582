/**
 * Predicate adjectives (issue 9, sixth pass; predicates.ts): a quality the sentence states of its subject, after a
 * linking verb or a judging verb's "as", asked as a cloze. Only rare, contentful adjectives; never negated,
 * compared, relational, or beside a word of its own family. Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, checkCardRules, generateDeck } from '../../../src/lib/generator/core/index';
import { analyse } from '../../../src/lib/generator/core/nlp';
import { tidy } from '../../../src/lib/generator/core/clause';
import { givesAway, predicateFacts } from '../../../src/lib/generator/core/predicates';

/** [answer, cloze] of each predicate fact of a one-sentence text. */
function predicates(sentence: string): [string, string | undefined][] {
	const model = buildModel('doc-1', sentence);
	return model.sentences.flatMap((info) => predicateFacts(info, [], analyse(tidy(info.s.text), new Set())).map((f): [string, string | undefined] => [f.answer, f.cloze]));
}

describe('predicate adjectives', () => {
	it('asks a rare adjective after a linking verb', () => {
		expect(predicates('Dioxygen gas is paramagnetic under the conditions found in a school laboratory.')).toEqual([['paramagnetic', 'Dioxygen gas is _____ under the conditions found in a school laboratory.']]);
		expect(predicates('After the long drought the northern plains became barren and the farmers moved to the coast.')).toEqual([['barren', 'After the long drought the northern plains became _____ and the farmers moved to the coast.']]);
		expect(predicates('The effect of tariffs on wages in Canada is minor when compared to other causes.')).toEqual([['minor', 'The effect of tariffs on wages in Canada is _____ when compared to other causes.']]);
	});

	it('asks the quality after a judging verb and "as", with adverbs between', () => {
		expect(predicates('The new tax rules were widely viewed as unfair by the poorest families of Ontario.')).toEqual([['unfair', 'The new tax rules were widely viewed as _____ by the poorest families of Ontario.']]);
	});

	it('takes a hyphenated adjective whole', () => {
		expect(predicates('The rocket engine burns propellants that are non-cryogenic, so the launcher can stand fueled for months.')).toEqual([
			['non-cryogenic', 'The rocket engine burns propellants that are _____, so the launcher can stand fueled for months.']
		]);
	});

	it('refuses common, relational, negated, compared, attributive and coordinated adjectives', () => {
		expect(predicates('Trade with the eastern ports is important for the economy of the small island nation.')).toEqual([]);
		expect(predicates('The new vaccine is similar to the older one in most of its chemical properties.')).toEqual([]);
		expect(predicates('Pure nitrogen gas is not toxic in the small amounts found in the air we breathe.')).toEqual([]);
		expect(predicates('Platinum is more toxic than gold in the rocks of the continental crust of the planet.')).toEqual([]);
		expect(predicates('Ozone is a toxic gas that forms in the upper atmosphere from dioxygen and sunlight.')).toEqual([]);
		expect(predicates('The vapour of the liquid is toxic and corrosive to the lungs of the workers in the plant.')).toEqual([]);
	});

	it('refuses a hedged, negated or conditional quality, a pronoun subject and a passive participle', () => {
		expect(predicates('Under severe drought the whole southern forest could become unsustainable within a century.')).toEqual([]);
		expect(predicates('Several judges argued that public hospitals should not be regarded as commercial under the treaty.')).toEqual([]);
		expect(predicates('Infections spread quickly when the defences of the body are inactive for a long time.')).toEqual([]);
		expect(predicates('Like the green algae of the northern lakes, they are parasitic and live inside other cells.')).toEqual([]);
		expect(predicates('Most of the farmland of the western plains is sown for wheat and barley every spring.')).toEqual([]);
		expect(predicates('Inequality in wealth across the provinces is negatively correlated with the length of growth spells.')).toEqual([]);
		expect(predicates('The economy of the coastal province is highly diversified, with services, trade and manufacturing all large.')).toEqual([
			['diversified', 'The economy of the coastal province is highly _____, with services, trade and manufacturing all large.']
		]);
	});

	it('refuses a quality beside a word of its own family or its opposite', () => {
		expect(givesAway('The toxicity of the compound is well known: it is _____ to fish.', 'toxic')).toBe(true);
		expect(givesAway('The ruling was fair to landlords but _____ to the tenants of the building.', 'unfair')).toBe(true);
		expect(givesAway('Ozone is diamagnetic, while dioxygen gas is _____ in the laboratory.', 'paramagnetic')).toBe(false);
		expect(predicates('The ruling was seen as fair to landlords but was unfair to the tenants of the building.')).toEqual([]);
	});

	it('gives cloze cards tagged "quality" that keep the card rules, never options', () => {
		const text = 'Dioxygen gas is paramagnetic under the conditions found in a school laboratory. Liquid oxygen is pale blue and is stored in insulated tanks at the launch site near Kourou.';
		const deck = generateDeck([{ id: 'doc-1', title: 'Oxygen notes', text }], { now: '2026-01-01T00:00:00.000Z', seed: 's', maxCards: 40 });
		const cards = deck.cards.filter((c) => c.tags.includes('quality'));
		expect(cards.map((c) => [c.type, c.question, c.answer])).toEqual([['cloze', 'Dioxygen gas is _____ under the conditions found in a school laboratory.', 'paramagnetic']]);
		for (const c of deck.cards) expect(checkCardRules(c, deck)).toEqual([]);
	});
});
