/**
 * The study page's keyboard shortcuts (contract §3): Space shows the answer, 1-4 grade, 1-5 pick an option
 * of a multiple-choice card before the answer shows, Z undoes. Study control (issue 10, §2) takes Anki's keys
 * where they are single keys: `@` suspends and `-` buries the card shown; F flags it (Anki's Ctrl+1, which
 * browsers keep for tabs). Pure, so the mapping is unit-tested.
 */
export type StudyAction =
	| { type: 'reveal' }
	| { type: 'grade'; index: number }
	| { type: 'choose'; index: number }
	| { type: 'undo' }
	| { type: 'suspend' }
	| { type: 'bury' }
	| { type: 'flag' };

/** Keys that act on the card shown, whether its answer shows or not. */
const CARD_KEYS: Record<string, StudyAction> = {
	'@': { type: 'suspend' },
	'-': { type: 'bury' },
	f: { type: 'flag' },
	F: { type: 'flag' }
};

export interface KeyContext {
	/** 'question': the answer is hidden; 'answer': it shows and a grade is due. */
	phase: 'question' | 'answer' | 'other';
	/** Number of options when the card is answered by tapping one (mcq, true/false), else 0. */
	options: number;
}

export interface KeyInput {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
	/** The focused element's tag name and whether it is editable. */
	target?: { tagName: string; isContentEditable?: boolean } | null;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Elements where Space and Enter already do something (press the button, follow the link). */
const ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

export function studyKeyAction(event: KeyInput, context: KeyContext): StudyAction | null {
	if (event.ctrlKey || event.metaKey || event.altKey) return null;
	const tag = event.target?.tagName.toUpperCase() ?? '';
	// Never while typing: the keys are letters and digits a person may be typing.
	if (TYPING.has(tag) || event.target?.isContentEditable) return null;
	const key = event.key;
	if (key === 'z' || key === 'Z') return { type: 'undo' };
	const onCard = CARD_KEYS[key];
	if (onCard) return context.phase === 'other' ? null : onCard;
	if (key === ' ' || key === 'Spacebar') {
		return context.phase === 'question' && !ACTIVATES.has(tag) ? { type: 'reveal' } : null;
	}
	if (!/^[1-9]$/.test(key)) return null;
	const n = Number(key);
	if (context.phase === 'answer' && n <= 4) return { type: 'grade', index: n - 1 };
	if (context.phase === 'question' && n <= Math.min(5, context.options)) return { type: 'choose', index: n - 1 };
	return null;
}
