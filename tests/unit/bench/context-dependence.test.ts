import { describe, expect, it } from 'vitest';
import { bareDefiniteAnswer, contextDependence, firstClause, stemOf } from '../../bench/context-dependence';

describe('bench context-dependence detector', () => {
	it('reads the true/false statement, not its prefix', () => {
		expect(stemOf('True or false: These engines were cheap.')).toBe('These engines were cheap.');
	});

	it('cuts the first clause at a semicolon or at the first comma after six words', () => {
		expect(firstClause('The Rhine flows north; it drains the Alps.')).toBe('The Rhine flows north');
		expect(firstClause('In 1712 the first engine was built by Newcomen, and it pumped water.')).toBe('In 1712 the first engine was built by Newcomen,');
		expect(firstClause('In 1712, Newcomen built it.')).toBe('In 1712, Newcomen built it.');
	});

	it.each([
		['However, the plan was dropped in _____.', 'connective'],
		['Similarly, what did Watt improve?', 'connective'],
		['Moreover, _____ is a gas at room temperature.', 'connective'],
		['True or false: Therefore the reaction releases heat.', 'connective'],
		['Thus the engine lost _____.', 'connective'],
		['In addition, the court hears _____.', 'connective'],
		['Also, _____ was founded in 1890.', 'connective'],
		['Out of these, the most common is _____.', 'connective'],
		['The engine, however, used _____ as fuel.', 'connective'],
		['What did this concept contradict?', 'demonstrative'],
		['Most influential among these was _____.', 'demonstrative'],
		['_____ rejected those ideas.', 'demonstrative'],
		['Such a device needs _____.', 'demonstrative'],
		['The latter was built in _____.', 'latter/former'],
		['What is the capital of the country?', 'back reference'],
		['When did the company buy _____?', 'back reference'],
		['They were descended from _____ raiders.', 'pronoun'],
		['What did he discover in 1774?', 'pronoun'],
		['In 1066 its army crossed the _____.', 'pronoun']
	])('flags %s as %s', (stem, reason) => {
		expect(contextDependence(stem)).toBe(reason);
	});

	it.each([
		'What does NSF stand for?',
		'The Normans kept their language until _____.',
		'Oxygen is a chemical element with symbol O and atomic number _____.',
		'It is estimated that _____ people live along the Rhine.',
		'Those who study geology are called _____.',
		'Paul Baran developed _____ at the RAND Corporation.',
		'Reactions such as combustion release _____.',
		'The city of Warsaw lies on the _____.',
		'When did the company Sky launch _____?',
		'True or false: Telenet was incorporated in 1973 and started operations in 1975.',
		'So-called packet switching splits data into _____.',
		'_____ is a branch of the theory of computation, and this branch studies difficulty.'
	])('reads %s on its own', (stem) => {
		expect(contextDependence(stem)).toBeNull();
	});
});

describe('bench context-dependence detector: names that open the stem', () => {
	it('takes a name as the first word for an antecedent, but not a function word', () => {
		expect(contextDependence('True or false: Isaac changed his mind and tried to escape.')).toBeNull();
		expect(contextDependence('All declared their support for _____.')).toBe('pronoun');
		expect(contextDependence('With time, they came to be subsumed into _____.')).toBe('pronoun');
	});
});

describe('bench: bare definite answers', () => {
	it('flags a one- or two-word lower-case answer the sentence calls "the …"', () => {
		expect(bareDefiniteAnswer('lake', 'The lake is situated in Germany, Switzerland and Austria near the Alps.')).toBe(true);
		expect(bareDefiniteAnswer('northern flow', 'The northern flow keeps the name IJssel until it flows into Lake IJsselmeer.')).toBe(true);
	});

	it('accepts names, longer phrases, "the … of" and answers without "the"', () => {
		expect(bareDefiniteAnswer('Lake Constance', 'The Lake Constance region is situated near the Alps.')).toBe(false);
		expect(bareDefiniteAnswer('discharge', 'The discharge of the Rhine is divided among three branches.')).toBe(false);
		expect(bareDefiniteAnswer('signaling protocols', 'Signaling protocols allow the application to specify its requirements.')).toBe(false);
		expect(bareDefiniteAnswer('small fraction of the flow', 'A small fraction of the flow is diverted off the island of Mainau.')).toBe(false);
	});
});
