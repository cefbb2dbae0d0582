/**
 * Small closed word lists the patterns rely on. They are cues, not a knowledge base: a word here makes a
 * pattern fire or decides an entity's kind; it never supplies an answer. Kept short so the worker stays light.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Closed-class words: a capitalised one at the start of a sentence is not a name. */
export const FUNCTION_WORDS = set(`a an the this that these those it its he she they them his her their we our
 i you your my me us in on at of for from to by with as and or but nor so yet if then than when while where who
 whom whose which what why how whatever whichever whoever whenever wherever after before during since until although though because also however thus
 therefore moreover furthermore meanwhile instead still even only just both either neither each every all any
 some many most much more few several such no not there here one two three four five six seven eight nine ten
 among along across about above below under over into onto upon through throughout between within without
 against toward towards around near like unlike despite via per according asked talking once later earlier
 today yesterday tomorrow recently sometimes often always never perhaps predicting it's`);

/** A question or cloze that starts with one of these needs an antecedent the card does not give. */
export const DANGLING_STARTS = set(`he she it they him her them his hers its their theirs this these those that
 such however but and also yet so then thus therefore moreover furthermore meanwhile instead still another
 other others both neither either here there we our us i you`);

/** Words that end a sentence with a period without ending the sentence (lower case, no dot). */
export const ABBREVIATIONS = set(`mr mrs ms dr prof st jr sr gen col lt sgt capt cmdr adm gov sen rep rev fr hon
 pres supt insp messrs mme mlle jan feb mar apr jun jul aug sep sept oct nov dec mt ft vol vols fig figs pp p
 ed eds approx est dept univ ave blvd rd cf al inc corp co ltd bros no nos op cit ch sec art vs v etc ibid`);

/** After "U.S." and the like a sentence only ends when one of these starts the next one. */
export const SENTENCE_STARTERS = set(`the he she it they we i this that these those but and however in on at a an
 there its his her their our after before when while although if as so yet`);

export const MONTHS = [
	'january', 'february', 'march', 'april', 'may', 'june',
	'july', 'august', 'september', 'october', 'november', 'december'
];
/** Numbers written as words from two to twelve, in order: `SMALL_NUMBER_WORDS[n - 2]` is n. */
export const SMALL_NUMBER_WORDS: readonly string[] = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');

/** Honorifics and titles that precede a person's name. */
export const PERSON_TITLES = set(`mr mrs ms miss dr prof professor sir dame lord lady king queen prince princess
 duke duchess emperor empress pope saint st president vice chairman chairwoman chair senator sen governor gov
 ambassador minister secretary general gen colonel col captain capt lieutenant lt sergeant admiral judge justice
 mayor bishop archbishop cardinal rabbi imam reverend rev father brother sister envoy director chancellor
 premier count countess baron emir sultan tsar czar pharaoh consul commissioner representative rep deputy
 assistant special principal senior chief founder participant`);

/** Head nouns of a role: "President of NCAFP", "director general of …", "co-chairman". */
export const ROLE_NOUNS = set(`president chairman chairwoman chair co-chairman co-chair co-chairs cochair director
 founder co-founder ceo cto cfo head leader secretary minister ambassador envoy professor lecturer editor
 spokesman spokeswoman spokesperson manager chief officer member fellow governor mayor senator representative
 king queen duke emperor pope bishop general commander captain advisor adviser counsel correspondent
 coordinator researcher scholar analyst author economist historian scientist owner partner treasurer
 chancellor dean principal commissioner administrator official diplomat negotiator architect inventor
 composer painter writer poet physicist chemist engineer executive trustee envoy`);

/**
 * Common nouns that denote people, so a question whose answer is such a phrase asks "Who", not "What"
 * ("Who owed homage to the King of France?"). Role nouns count too; so do "-ist" and "-ician" agent nouns.
 */
export const PERSON_NOUNS = set(`person people man men woman women child children boy girl family families king queen
 prince princess ruler rulers lord lords noble nobles nobility aristocracy aristocrat emperor empress monk monks nun
 priest priests clergy soldier soldiers warrior warriors knight knights mercenary mercenaries adventurer adventurers
 settler settlers colonist colonists immigrant immigrants migrant migrants refugee refugees citizen citizens
 resident residents inhabitant inhabitants native natives worker workers employee employees farmer farmers
 peasant peasants merchant merchants trader traders student students pupil pupils teacher teachers child
 parent parents mother father son daughter wife husband brother sister ancestor ancestors descendant descendants
 heir heirs successor successors predecessor predecessors user users customer customers consumer consumers
 viewer viewers listener listeners reader readers player players fan fans voter voters member members
 leader leaders official officials delegate delegates delegation participant participants observer observers
 expert experts critic critics supporter supporters opponent opponents rival rivals ally allies enemy enemies
 invader invaders conqueror conquerors crusader crusaders pilgrim pilgrims missionary missionaries
 colleague colleagues companion companions follower followers disciple disciples friend friends
 judge judges lawyer lawyers doctor doctors patient patients nurse nurses researcher researchers scholar scholars
 scientist scientists author authors writer writers artist artists architect architects engineer engineers
 founder founders owner owners investor investors shareholder shareholders manager managers director directors
 president presidents minister ministers diplomat diplomats negotiator negotiators envoy ambassador
 sailor sailors pirate pirates viking vikings slave slaves servant servants subject subjects vassal vassals
 duke dukes count counts baron barons bishop bishops pope abbot abbots saint saints hero heroes victim victims
 survivor survivors prisoner prisoners audience crew staff team administration government
 commander commanders general generals officer officers captain troops army`);

/** A proper phrase ending in one of these names an organisation. */
export const ORG_HEADS = set(`committee society corporation council department foundation institute institution
 university college school ministry party company association agency forum bank church group project program
 programme dialogue initiative organization organisation union league commission office bureau court
 parliament congress army navy force forces club team times post news network inc ltd corp center centre
 museum library hospital academy federation alliance assembly senate board authority service services trust
 fund reporter journal press broadcasting channel studios records airlines airways railway industries
 enterprises holdings partners laboratory laboratories lab labs institute order movement front coalition
 conference convention secretariat cabinet administration police guard tribune herald gazette review media
 sports television telecom telecommunications communications systems technologies motors pictures
 entertainment publishing`);

/** A proper phrase ending in one of these names a place. */
export const PLACE_HEADS = set(`city county province state river mountains mountain mount island islands sea ocean
 peninsula valley lake bay gulf coast street avenue square kingdom empire republic duchy principality region
 territory desert forest park bridge canal strait straits cape harbour harbor port village town district
 prefecture oblast canton land lands hills falls`);

/** Place levels, so a country is never offered among cities ("The _____ said …" → DPRK among Tokyo / New York). */
export const COUNTRIES = set(`afghanistan albania algeria angola argentina armenia australia austria azerbaijan
 bahrain bangladesh belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chile china
 colombia congo croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia finland france
 georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel
 italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon libya lithuania
 luxembourg madagascar malaysia mali malta mexico moldova mongolia montenegro morocco mozambique myanmar
 namibia nepal netherlands nicaragua niger nigeria norway oman pakistan panama paraguay peru philippines
 poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain
 sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey uganda ukraine uruguay uzbekistan
 venezuela vietnam wales yemen zambia zimbabwe britain us usa uk dprk rok prc ussr uae zealand`);
const CITY_NAMES = set(`london paris rome berlin madrid moscow beijing tokyo washington chicago boston pyongyang
 seoul jerusalem athens vienna constantinople istanbul cairo delhi mumbai sydney toronto geneva brussels
 amsterdam dublin edinburgh york antioch hastings`);
/** Last words of a country's or a city's name that are no place on their own ("United States", "Dodge City"). */
export const COUNTRY_HEADS = set(`states kingdom union emirates`);
export const CITIES = new Set([...CITY_NAMES, 'city', 'town', 'village', 'port']);
export const CONTINENTS = set(`europe asia africa america americas antarctica oceania`);

/** Countries, cities, continents and regions: enough to type "Where" answers and to offer place distractors. */
export const PLACES = new Set([
	...COUNTRIES,
	...CITY_NAMES,
	...CONTINENTS,
	...set(`arabia scandinavia siberia balkans caribbean levant normandy sicily byzantium jersey hampshire carolina
 dakota virginia francia gaul dc`)
]);

/** Other names of one country (keys without spaces): a distractor must never be the answer under another name. */
export const COUNTRY_ALIASES: ReadonlyMap<string, string> = new Map(
	[
		['us', 'usa', 'unitedstates', 'unitedstatesofamerica', 'america'],
		['uk', 'unitedkingdom', 'britain', 'greatbritain'],
		['dprk', 'northkorea', 'democraticpeoplesrepublicofkorea'],
		['rok', 'southkorea', 'republicofkorea'],
		['prc', 'china', 'peoplesrepublicofchina'],
		['ussr', 'sovietunion'],
		['uae', 'unitedarabemirates']
	].flatMap((names) => names.map((n): [string, string] => [n, names[0] ?? n]))
);

/** Verbs that introduce what someone said or thinks: "Lautz believes that …", "… warns that …". */
export const SPEECH_VERBS = set(`said says say told tells wrote writes noted notes explained explains argued argues
 believes believed warned warns added adds stated states responded responds replied replies observed observes
 acknowledged acknowledges cautioned cautions suggested suggests reported reports remarked remarks insisted
 insists claimed claims declared declares announced announces asked asks recalled recalls concluded`);

/** Given names, used only to decide that an unknown capitalised pair is a person. */
export const GIVEN_NAMES = set(`aaron adam alan albert alexander alice amanda amy andrew angela ann anna anne
 anthony barbara benjamin betty brad brian carl carol catherine charles charlotte chris christopher daniel
 david deborah dennis donald donna dorothy douglas edward elizabeth emily emma eric evans frank gary george
 gordon gregory harold harry helen henry howard jack james jane janet jason jeffrey jennifer jenny jessica joan
 joe joel john jonathan joseph joshua julia karen karin kenneth kevin larry laura leon linda lisa margaret
 maria mark martha martin mary matthew michael mike nancy nicholas olivia patricia patrick paul peter philip
 rachel ralph raymond rebecca richard robert roger ronald ronda ruth ryan samuel sandra sarah scott sharon
 stephen steven susan terry thomas timothy tony victoria walter william charlotte louis henri jean pierre
 jacques marie carlos juan jose luis ivan vladimir olga hans karl friedrich wolfgang giuseppe giovanni
 hiroshi kenji wei li mohammed ahmed ali fatima`);


/**
 * A participle phrase set off by commas after a subject ("CSCAP and NEACD, both founded in 1993, are …"): an
 * optional adverb (APPOSED_ADVERB), a past participle (regular, or one of the common irregular ones) and a
 * preposition (PARTICIPLE_PREPOSITION). Read by
 * long.ts (the phrase as a fact of its own) and context.ts (the main clause after it).
 */
export const APPOSED_ADVERB = String.raw`(?:both|each|all|also|first|originally|later|formerly|jointly)`;
export const PARTICIPLE_PREPOSITION = String.raw`(?:\p{Ll}{3,}ed|born|built|known|led|held|run|written|made|chosen|drawn|given|taken|grown|shown|kept|sold|won|begun)\s+(?:\p{Ll}+ly\s+)?(?:in|on|at|by|as|for|from|near|with|after|under|during|between)\s`;

/** Heads too general to be worth a card on their own ("part of", "the way", "a number"). */
export const VAGUE_HEAD = /^(?:thing|things|way|ways|part|parts|number|numbers|kind|kinds|type|types|lot|lots|time|times|case|cases|example|examples|fact|facts|use|uses|one|ones|side|sides|form|forms|result|results|end|level|levels|area|areas|point|points|member|members|people|person|world|year|years|day|days|term|terms|order|place|rest|lack|variety|range|series|set|group|groups|amount|deal|majority|half|share|percent)$/i;

/**
 * Adjectives that say how big, how many, which one or how it compares, never what kind of thing: with them a
 * phrase names no concept of the reading ("a large portion", "a different principle", "the same reasons").
 */
export const RELATIONAL_ADJ = new Set('different same other large small big great high low long short wide broad deep whole entire full main major minor general common usual normal certain particular various several new old previous next last first second final former latter following further initial original current present recent early late real true actual simple good bad important significant considerable substantial huge vast enormous possible likely necessary proper right wrong own separate individual specific similar much more most less least'.split(' '));

/** Nouns that name no concept of their own after an adjective ("human affairs", "a large portion", "in a similar manner"). */
export const VAGUE_AFTER_ADJ = /^(?:affair|matter|portion|manner|sort|degree|extent|respect|aspect|feature|sense|regard|measure)s?$/;

/** The nouns of a fraction ("two thirds", "three quarters"): with its number they are one amount, never a count. */
export const FRACTIONS = 'halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?';
export const FRACTION_NOUN = new RegExp(`^(?:${FRACTIONS})$`, 'i');

/** Nouns that name what something is for, or a place in a sequence: "The main purpose of X is to …", "The second step of X was to …". */
export const AIM_HEAD = /^(?:purpose|aim|goal|role|duty|task|function|mission|objective|step|job|intention|responsibility|ambition)s?$/i;

/**
 * Acronyms English uses for things, measures, media and molecules, never for a body ("GDP", "HIV", "DVD", "EPG"):
 * written in capitals like "BBC" or "NATO", they were offered among organisations ("GDP / AIDS / ODM / PNU") and
 * took them as options. A reading that expands one into a body's name still makes it one (candidates()).
 */
export const THING_ACRONYMS = new Set(
	(
		'TV HDTV HD UHD SD DVD DVR VHS VCD CD LP MP3 MP4 PC CPU GPU RAM ROM USB GPS LED LCD OLED CRT UHF VHF FM SMS URL HTML ' +
		'HTTP HTTPS FTP IP TCP UDP DNS LAN WAN WLAN ISDN DSL ADSL PIN ID IQ GDP GNP GNI PPP CPI VAT HIV AIDS DNA RNA ATP ' +
		'NADH NADPH UV IR EPG PVR STB LNB IPTV VOIP AI API OS SQL XML JSON PDF JPEG GIF PNG GMT UTC MRI ECG EEG DDT PCB CFC ' +
		'LSD TNT ICBM UAV VTOL RPM MPH CCTV SUV'
	).split(' ')
);

/** A road's number: "A696", "B1318", "M1", "N7", "I-95", "E45" (never "G20" or "G8", which are bodies). */
export const ROUTE_NUMBER = /^(?:[ABMN]\d{1,4}|I-?\d{1,3}|E\d{1,3})$/;

/** Head words of events: a name that ends in one ("Safari Rally", "Edinburgh Festival") names no person. */
export const EVENT_HEADS = new Set('rally marathon festival cup games olympics championship championships derby prix tour race fair expo exhibition prize award awards trophy tournament regatta carnival parade'.split(' '));

