/**
 * Near misses that are not typos (issue 12 §2.1): a word swapped for its opposite ("South Korea" for "North
 * Korea", "decrease" for "increase"), a negation added or dropped ("Proliferation Treaty" for "Non-Proliferation
 * Treaty"), a short word or a roman numeral changed ("Kim Jong Il" for "Kim Jong Un", "Henry VII" for "Henry
 * VIII"), a name that is another country ("Iraq" for "Iran"). And whether a name is written surname first
 * (Korean and Chinese names: "Kim Jong Un", "Xi Jinping").
 *
 * Everything works on tokens from `tokenize` (lower case, no accents): see answer-check.ts.
 */

/** Words that are each other's opposite; both directions are looked up. */
const OPPOSITES: readonly (readonly [string, string])[] = [
	['north', 'south'], ['east', 'west'], ['northern', 'southern'], ['eastern', 'western'],
	['northeast', 'southwest'], ['northwest', 'southeast'], ['northeast', 'northwest'], ['southeast', 'southwest'],
	['left', 'right'], ['up', 'down'], ['upper', 'lower'], ['above', 'below'], ['over', 'under'],
	['increase', 'decrease'], ['increased', 'decreased'], ['increasing', 'decreasing'], ['increases', 'decreases'],
	['rise', 'fall'], ['rose', 'fell'], ['risen', 'fallen'], ['rising', 'falling'], ['rises', 'falls'],
	['gain', 'loss'], ['gains', 'losses'], ['profit', 'loss'], ['surplus', 'deficit'], ['win', 'lose'],
	['won', 'lost'], ['victory', 'defeat'], ['before', 'after'], ['earlier', 'later'], ['early', 'late'],
	['first', 'last'], ['start', 'end'], ['begin', 'end'], ['more', 'less'], ['more', 'fewer'], ['most', 'least'],
	['higher', 'lower'], ['high', 'low'], ['highest', 'lowest'], ['maximum', 'minimum'], ['max', 'min'],
	['import', 'export'], ['imports', 'exports'], ['imported', 'exported'], ['importer', 'exporter'],
	['in', 'out'], ['inside', 'outside'], ['internal', 'external'], ['inner', 'outer'], ['on', 'off'],
	['open', 'closed'], ['open', 'close'], ['opened', 'closed'], ['accept', 'reject'], ['accepted', 'rejected'],
	['include', 'exclude'], ['included', 'excluded'], ['allow', 'forbid'], ['allowed', 'forbidden'],
	['legal', 'illegal'], ['positive', 'negative'], ['plus', 'minus'], ['major', 'minor'],
	['majority', 'minority'], ['superior', 'inferior'], ['buy', 'sell'], ['bought', 'sold'], ['buyer', 'seller'],
	['ally', 'enemy'], ['allies', 'enemies'], ['war', 'peace'], ['offensive', 'defensive'], ['attack', 'defence'],
	['pro', 'anti'], ['for', 'against'], ['with', 'without'], ['yes', 'no'], ['true', 'false'],
	['conservative', 'liberal'], ['democrat', 'republican'], ['democratic', 'republican'], ['hawk', 'dove'],
	['hawkish', 'dovish'], ['strong', 'weak'], ['stronger', 'weaker'], ['strengthen', 'weaken'],
	['expand', 'contract'], ['expansion', 'contraction'], ['inflation', 'deflation'], ['appreciation', 'depreciation'],
	['large', 'small'], ['big', 'small'], ['long', 'short'], ['wide', 'narrow'], ['fast', 'slow'], ['hot', 'cold'],
	['old', 'new'], ['young', 'old'], ['male', 'female'], ['man', 'woman'], ['men', 'women'], ['king', 'queen'],
	['father', 'mother'], ['son', 'daughter'], ['brother', 'sister'], ['husband', 'wife'],
	['upstream', 'downstream'], ['inbound', 'outbound'], ['inflow', 'outflow'], ['upward', 'downward'],
	['forward', 'backward'], ['ascend', 'descend'], ['arrival', 'departure'], ['entry', 'exit'],
	['public', 'private'], ['official', 'unofficial'], ['formal', 'informal'], ['direct', 'indirect'],
	['bilateral', 'multilateral'], ['unilateral', 'multilateral'], ['unilateral', 'bilateral'],
	['minimum', 'maximum'], ['always', 'never'], ['all', 'none'], ['everyone', 'nobody'], ['can', 'cannot']
];

const OPPOSITE = new Map<string, Set<string>>();
for (const [a, b] of OPPOSITES) {
	OPPOSITE.set(a, (OPPOSITE.get(a) ?? new Set()).add(b));
	OPPOSITE.set(b, (OPPOSITE.get(b) ?? new Set()).add(a));
}

/** Prefixes that turn a word into its opposite when swapped: in-crease/de-crease, im-port/ex-port. */
const OPPOSITE_PREFIXES: readonly (readonly [string, string])[] = [
	['in', 'de'], ['im', 'ex'], ['in', 'ex'], ['in', 'out'], ['pre', 'post'], ['over', 'under'],
	['inter', 'intra'], ['hyper', 'hypo'], ['micro', 'macro'], ['sub', 'super'], ['up', 'down'], ['pro', 'anti'],
	['uni', 'multi'], ['mono', 'poly'], ['endo', 'exo'], ['max', 'min'], ['north', 'south'], ['east', 'west']
];

/** Prefixes that negate a word when added: likely/unlikely, nuclearization/denuclearization. */
const NEGATING_PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'non', 'dis', 'de', 'anti', 'counter', 'mis'];

/** Suffixes that are each other's opposite: careful/careless. */
const OPPOSITE_SUFFIXES: readonly (readonly [string, string])[] = [['ful', 'less']];

/** Whole words that reverse an answer when added or dropped: "Non-Proliferation Treaty" tokenises as non proliferation treaty. */
export const NEGATIONS = new Set(['not', 'no', 'non', 'never', 'without', 'anti', 'counter', 'except']);

/** The shortest stem a prefix or suffix rule applies to, so "in"/"de" alone or "inn"/"den" are not opposites. */
const MIN_STEM = 3;

function swapsAffix(a: string, b: string, pairs: readonly (readonly [string, string])[], atStart: boolean): boolean {
	for (const [x, y] of pairs) {
		for (const [p, q] of [[x, y], [y, x]] as const) {
			const aStem = atStart ? a.startsWith(p) && a.slice(p.length) : a.endsWith(p) && a.slice(0, -p.length);
			const bStem = atStart ? b.startsWith(q) && b.slice(q.length) : b.endsWith(q) && b.slice(0, -q.length);
			if (aStem && aStem === bStem && aStem.length >= MIN_STEM) return true;
		}
	}
	return false;
}

function negates(a: string, b: string): boolean {
	const [short, long] = a.length < b.length ? [a, b] : [b, a];
	return short.length >= MIN_STEM && NEGATING_PREFIXES.some((p) => long === p + short);
}

/** Whether two different words mean opposite things (a pair, a swapped prefix or suffix, a negating prefix). */
export function areOpposites(a: string, b: string): boolean {
	if (a === b) return false;
	return (
		(OPPOSITE.get(a)?.has(b) ?? false) ||
		swapsAffix(a, b, OPPOSITE_PREFIXES, true) ||
		swapsAffix(a, b, OPPOSITE_SUFFIXES, false) ||
		negates(a, b)
	);
}

/** I, IV, XIV, MCMXCV: a well-formed roman numeral (standard subtractive form). */
const ROMAN = /^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;

/**
 * A roman numeral ("Henry VIII", "World War II"). "Xi" and "mix" are well-formed numerals too, so a changed
 * word counts as a changed number only when both sides are numerals.
 */
export function isRomanNumeral(word: string): boolean {
	return word !== '' && ROMAN.test(word);
}

/**
 * Country names, so that one country typed for another is never a typo ("Iraq" for "Iran", "Oman" for
 * "Omani" is fine). Only names within a typo of another name matter; the list is the UN members' common short
 * names, plus a few names used in readings on East Asia.
 */
export const COUNTRIES = new Set(
	(
		'afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain ' +
		'bangladesh barbados belarus belgium belize benin bhutan bolivia botswana brazil brunei bulgaria burundi ' +
		'cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark ' +
		'djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia ' +
		'germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran ' +
		'iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kuwait kyrgyzstan laos ' +
		'latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives ' +
		'mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique ' +
		'myanmar burma namibia nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau panama ' +
		'paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles ' +
		'singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan ' +
		'tanzania thailand togo tonga tunisia turkey turkiye turkmenistan tuvalu uganda ukraine uruguay uzbekistan ' +
		'vanuatu vatican venezuela vietnam yemen zambia zimbabwe dprk rok prc ussr'
	).split(' ')
);

/** Common Korean and Chinese surnames in their usual romanisations. */
const EAST_ASIAN_SURNAMES = new Set(
	(
		'kim lee yi ri rhee park pak bak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh ' +
		'seo suh shin kwon hwang ahn an song ryu yoo hong moon mun roh ro noh chun jeon ban baek nam ' +
		'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie tang ' +
		'deng feng cao xi mao jiang chiang wen bo peng zeng lu su ye pan du dai fan fang jia wei xiao tian shen yuan'
	).split(' ')
);

/**
 * One syllable of a romanised Korean or Chinese given name: an optional initial, a vowel group, an optional
 * final. Broad on purpose; it is only asked when the first word is a Korean or Chinese surname, to tell
 * "Kim Jong Un" and "Xi Jinping" (surname first) from "Lee Harvey Oswald" and "Kim Kardashian" (surname last).
 */
const SYLLABLE =
	'(?:ch|sh|zh|hs|ts|th|kk|tt|pp|ss|jj|[bcdfghjklmnpqrstwxyz])?' +
	'(?:yeo|yae|wae|iao|uai|ae|eo|eu|ui|oe|wa|wo|we|wi|ya|ye|yo|yu|ai|ao|ei|ia|ie|io|iu|ou|ua|uo|oo|ee|[aeiou])' +
	'(?:ng|n|m|l|k|p|t)?';
const GIVEN_NAME_PART = new RegExp(`^(?:${SYLLABLE}){1,2}$`);

/** Whether a name (as tokens) is written surname first, as Korean and Chinese names are. */
export function isSurnameFirst(tokens: readonly string[]): boolean {
	if (tokens.length < 2 || tokens.length > 3 || !EAST_ASIAN_SURNAMES.has(tokens[0] as string)) return false;
	return tokens.slice(1).every((t) => GIVEN_NAME_PART.test(t));
}
