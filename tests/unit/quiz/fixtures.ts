import type { Card, CardType } from '../../../src/lib/domain/types';
import type { QuizCandidate } from '../../../src/lib/quiz/build';

function card(id: string, type: CardType, extra: Partial<Card> = {}): Card {
	return {
		id,
		type,
		question: `Question ${id}`,
		answer: `Answer ${id}`,
		tags: [],
		score: 1,
		source: { doc: 'doc-1', sentence: `Sentence ${id}.`, start: 0, end: 12 },
		...extra
	};
}

/** A small deck with every card type; c1-c4 are new, c5-c8 due, c2 and c9 were missed in the last quiz. */
export const deck: Card[] = [
	card('c1', 'basic', { answer: 'George Schwab', tags: ['person'] }),
	card('c2', 'cloze', { answer: '1994', tags: ['date'] }),
	card('c3', 'mcq', { answer: 'Seoul', choices: ['Seoul', 'Tokyo', 'Beijing', 'Moscow'], tags: ['place'] }),
	card('c4', 'truefalse', { answer: 'False', tags: ['date'] }),
	card('c5', 'matching', {
		answer: 'NEACD → Northeast Asia Cooperation Dialogue; NCAFP → National Committee on American Foreign Policy; IAEA → International Atomic Energy Agency',
		pairs: [
			['NEACD', 'Northeast Asia Cooperation Dialogue'],
			['NCAFP', 'National Committee on American Foreign Policy'],
			['IAEA', 'International Atomic Energy Agency']
		],
		tags: ['acronym']
	}),
	card('c6', 'ordering', { answer: 'a → b → c → d', items: ['a', 'b', 'c', 'd'], tags: ['date'] }),
	card('c7', 'basic', { answer: 'Pyongyang', tags: ['place'] }),
	card('c8', 'mcq', { answer: '2005', choices: ['2003', '2005', '2007'], tags: ['date'] }),
	card('c9', 'basic', { answer: 'Kim Jong Un', tags: ['person'] }),
	card('c10', 'cloze', { answer: 'Track II', tags: [] })
];

export const candidates: QuizCandidate[] = deck.map((c, i) => ({
	card: c,
	isNew: i < 4,
	isDue: i >= 4 && i < 8,
	missedLastQuiz: c.id === 'c2' || c.id === 'c9'
}));
