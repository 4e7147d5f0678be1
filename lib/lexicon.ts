// Word lists the quote and speaker stages share: speech verbs with their inflections, titles,
// speaker nouns, pronouns and the organisation words that make a mention an organisation.

/** The forms of "tell": what follows one is its listener ("told reporters", "told Interfax"), not the speaker. */
export const TELL_FORMS: ReadonlySet<string> = new Set(['tell', 'tells', 'told', 'telling']);

/** Irregular speech verbs: every form written out. */
const IRREGULAR_VERBS: string[][] = [
  ['say', 'says', 'said', 'saying'],
  [...TELL_FORMS],
  ['write', 'writes', 'wrote', 'written', 'writing'],
  ['tweet', 'tweets', 'tweeted', 'tweeting'],
  ['post', 'posts', 'posted', 'posting'],
  ['speak', 'speaks', 'spoke', 'speaking'],
  ['put', 'puts', 'putting'],
  ['quip', 'quips', 'quipped', 'quipping'],
  ['admit', 'admits', 'admitted', 'admitting'],
  ['plead', 'pleads', 'pleaded', 'pled', 'pleading'],
  ['swear', 'swears', 'swore', 'sworn', 'swearing'],
  ['forbid', 'forbids', 'forbade'],
  ['reply', 'replies', 'replied', 'replying'],
  ['testify', 'testifies', 'testified', 'testifying'],
  ['deny', 'denies', 'denied', 'denying'],
  ['cry', 'cries', 'cried', 'crying'],
  ['retort', 'retorts', 'retorted', 'retorting'],
  ['blog', 'blogs', 'blogged', 'blogging'],
  ['text', 'texts', 'texted', 'texting'],
  ['refer', 'refers', 'referred', 'referring'],
  // (the base form is mostly the noun: "her personal brand")
  ['branded'],
];

/** Regular speech and attitude verbs by base form; inflections are generated. */
const REGULAR_VERBS = (
  'add warn insist note argue stress state declare announce explain claim assert acknowledge respond ' +
  'ask answer continue complain suggest urge predict recall remark observe emphasize emphasise ' +
  'concede contend maintain vow pledge promise threaten charge caution counter joke boast lament ' +
  'shout yell scream reiterate repeat allege affirm proclaim opine demand estimate hint wonder muse ' +
  'conclude confirm report agree object protest exclaim whisper email recount describe call criticize ' +
  'criticise praise accuse urge mention point recommend fume rail thunder chide scoff mock tout ' +
  'reason recall reckon explain confide underline underscore observe dismiss complain retort ' +
  'interject interrupt begin chant sing echo gush marvel quote express reject refute condemn denounce ' +
  'blast slam hail welcome label predict bark sneer rant scold retaliate'
).split(/\s+/);

function inflect(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const s = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  return [base, s, `${stem}ed`, `${stem}ing`];
}

/** Every form of every speech verb, lower case. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([...IRREGULAR_VERBS.flat(), ...REGULAR_VERBS.flatMap(inflect)]);

/** Speech verbs that are also common nouns ("state TV", "a report", "the post"): base and -s forms. */
export const NOUN_LIKE_VERBS: ReadonlySet<string> = new Set(
  'state states report reports post posts text texts note notes claim claims charge charges call calls answer answers reply replies demand demands promise promises protest protests estimate estimates quote quotes counter tweet tweets email emails blog blogs remark remarks comment comments pledge pledges vow vows joke jokes object objects'.split(' '),
);

/** Speech-verb forms that open a participle clause ("..., saying that"): the subject is the clause's subject. */
export function isParticiple(verb: string): boolean {
  return /ing$/.test(verb.toLowerCase());
}

/** Verbs whose object is a listener, not the speaker ("told reporters", "warned Moscow"). */
export const LISTENER_VERBS: ReadonlySet<string> = new Set(
  [...TELL_FORMS, 'warn', 'warns', 'warned', 'warning', 'urge', 'urges', 'urged', 'urging', 'ask', 'asks', 'asked', 'asking', 'remind', 'reminded', 'assure', 'assured', 'promise', 'promised', 'accuse', 'accused', 'call', 'called', 'calls', 'calling', 'describe', 'described', 'describes', 'describing', 'criticize', 'criticized', 'criticise', 'criticised', 'praise', 'praised', 'mock', 'mocked', 'dismiss', 'dismissed'],
);

/** Words that may sit between a subject and its speech verb ("Kerry also said", "she has repeatedly warned"). */
export const VERB_MODIFIERS: ReadonlySet<string> = new Set(
  ('also later has have had had once then previously recently again further earlier repeatedly reportedly ' +
    'would will could might may did does do just simply flatly publicly privately often frequently ' +
    'still already even separately subsequently quickly bluntly angrily famously once long ' +
    'is was were are be been being not never always').split(' '),
);

/** Titles and ranks that precede a name; written without a trailing period. */
export const TITLES: ReadonlySet<string> = new Set(
  ('mr mrs ms miss dr sir dame lord lady prof professor president vice secretary minister premier chancellor ' +
    'prime foreign defense defence interior finance deputy assistant acting former general gen lt lieutenant col colonel ' +
    'maj major capt captain adm admiral brig sgt sergeant cmdr commander marshal sen senator rep representative ' +
    'gov governor mayor ambassador envoy king queen prince princess emir sheikh sultan ayatollah imam pope cardinal ' +
    'archbishop bishop rev reverend father judge justice speaker chairman chairwoman chair chief director ' +
    'spokesman spokeswoman spokesperson sec attorney congressman congresswoman councilman councilwoman ' +
    'leader commissioner president-elect secretary-general sen. gov. rep. state national security adviser advisor ' +
    'press supreme house senate majority minority whip u.s. us un uk eu nato executive officer ceo founder coach ' +
    'republican democrat democratic conservative liberal independent candidate nominee rival sens reps').split(' '),
);

/** Titles that give the bearer's gender. */
export const GENDERED_TITLES: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ...'mr sir lord king prince emir sheikh sultan father spokesman chairman congressman councilman businessman'.split(' ').map((w) => [w, 'm'] as const),
  ...'mrs ms miss dame lady queen princess spokeswoman chairwoman congresswoman councilwoman businesswoman'.split(' ').map((w) => [w, 'f'] as const),
]);

/**
 * Common given names whose gender is not in doubt, for pronoun resolution when the article gives no
 * title. Short on purpose: an unknown name stays compatible with any pronoun.
 */
export const GIVEN_NAME_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ...('john james robert michael william david richard joseph thomas charles donald barack george bill ' +
    'bernie ted marco jeb chris mike paul mitch jeff josh tim ben rand lindsey joe sergei sergey vladimir dmitry ' +
    'igor ivan bashar hassan ali mohammad mohammed ahmed abdel recep benjamin ban francois emmanuel nicolas ' +
    'boris david tony gordon xi wang li abe shinzo kim moon ashton ash mark peter steve stephen scott kevin brian ' +
    'jim tom jon jonathan andrew matthew daniel anthony eric ryan jack frank harry henry sean patrick martin ' +
    'ronald newt rick rudy reince corey kellyanne').split(' ').map((w) => [w, 'm'] as const),
  ...('hillary kellyanne sarah maria nancy elizabeth susan samantha victoria angela theresa marine federica ' +
    'catherine condoleezza madeleine dianne barbara michelle melania ivanka chelsea carly nikki kelly ' +
    'jennifer jessica karen linda mary patricia laura lisa emily hope huma donna debbie katrina ' +
    'marie anne julia helen ruth amy elena natalia valentina yulia tulsi kamala jill').split(' ').map((w) => [w, 'f'] as const),
]);

/** Head nouns of unnamed sources: "a senior official", "diplomats", "the spokesman". */
export const SPEAKER_NOUNS: ReadonlySet<string> = new Set(
  ('official officials source sources spokesman spokeswoman spokesperson spokespeople diplomat diplomats ' +
    'aide aides analyst analysts expert experts observer observers resident residents witness witnesses ' +
    'lawmaker lawmakers senator senators commander commanders officer officers adviser advisers advisor advisors ' +
    'minister ministers envoy envoys member members leader leaders activist activists negotiator negotiators ' +
    'president secretary ambassador representative representatives delegate delegates statement report ' +
    'people person man woman protester protesters demonstrator demonstrators voter voters supporter supporters ' +
    'critic critics campaign candidate candidates nominee governor mayor chairman director executive ' +
    'economist economists strategist strategists pollster pollsters researcher researchers scientist scientists ' +
    'journalist journalists reporter reporters correspondent ally allies friend friends neighbor neighbors ' +
    'official spokesmen rebels rebel fighters militants group groups team staffer staffers aide insider insiders ' +
    'operative operatives organizer organizers survivor survivors victim victims mother father son daughter ' +
    'wife husband brother sister lawyer lawyers attorney attorneys prosecutor prosecutors judge doctor doctors ' +
    'teacher student students worker workers soldier soldiers general generals chief head user users poll survey ' +
    'republican republicans democrat democrats conservative conservatives liberal liberals columnist columnists ' +
    'commentator commentators writer writers author authors editor editors blogger bloggers host anchor ' +
    'professor professors scholar scholars historian historians chairwoman ceo founder paper newspaper ' +
    'tabloid magazine broadcaster envoy prosecutor investigators investigator monitor monitors lawmaker ' +
    'legislator legislators congressman congresswoman mp mps delegation delegations coalition opposition ' +
    'secretary-general chancellor commissioner user users netizen netizens commenter commenters ' +
    'coach coaches captain captains manager managers player players referee fan fans owner owners driver drivers ' +
    'pilot pilots nurse nurses farmer farmers trader traders vendor vendors shopkeeper employee employees ' +
    'surgeon engineer engineers designer artist artists singer actor actress chef banker bankers investor investors ' +
    'parent parents priest pastor rabbi guard guards miner miners fisherman fishermen organiser organizer').split(' '),
);

/** Words that make a capitalised or determined phrase an organisation. */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set(
  ('pentagon kremlin white house department ministry government administration agency army military navy ' +
    'police embassy council commission committee campaign party union organization organisation office ' +
    'court parliament congress senate cabinet coalition alliance command corps forces force bureau service ' +
    'company corporation group foundation institute center centre university network newspaper agency ' +
    'fund bank authority authorities regime junta presidency duma knesset majlis nato un eu opec ' +
    'hamas hezbollah taliban fbi cia nsa kgb fsb osce iaea opcw icrc who isis isil fifa ioc ' +
    'state islamic republic kingdom federation front brigade brigades brotherhood movement times post news ' +
    'journal tribune herald agency television tv radio assembly nations').split(' '),
);

/** Country names, capitals and places that stand for a government when they speak ("Moscow said"). */
export const STATE_NAMES: ReadonlySet<string> = new Set(
  ('russia moscow kremlin united states america washington us u.s. usa china beijing iran tehran syria damascus ' +
    'israel jerusalem turkey ankara britain london uk france paris germany berlin ukraine kiev kyiv japan tokyo ' +
    'north korea pyongyang south korea seoul india new delhi pakistan islamabad saudi arabia riyadh egypt cairo ' +
    'iraq baghdad afghanistan kabul qatar doha jordan amman lebanon beirut italy rome spain madrid poland warsaw ' +
    'canada ottawa australia canberra mexico brazil cuba havana venezuela caracas belarus minsk georgia tbilisi ' +
    'libya tripoli yemen sanaa taiwan taipei vietnam hanoi philippines manila indonesia jakarta europe brussels ' +
    'palestinians israelis nato').split(' '),
);

/** Nationality and region adjectives that stand before a title ("Russian Foreign Minister"). */
export function isNationality(word: string): boolean {
  // plural forms name the people, not a person: "Ukrainians", "Israelis"
  if (word.length > 4 && word.endsWith('s') && !/(?:ss|ese)s?$/.test(word) && NATIONALITY.test(word.slice(0, -1))) return true;
  return NATIONALITY.test(word);
}
const NATIONALITY = /^(?:[A-Z][a-z]+(?:ian|ean|ese|ish)|U\.?S\.?|U\.?N\.?|EU|NATO|American|Mexican|Cuban|German|Moroccan|Venezuelan|Afghan|Russian|Chinese|British|French|Syrian|Iranian|Israeli|Turkish|Iraqi|Saudi|Palestinian|Ukrainian|Japanese|Korean|Egyptian|Qatari|Kuwaiti|Yemeni|Bahraini|Emirati|Omani|Somali|Pakistani|Bangladeshi|Nepali|Azerbaijani|Kurdish|Arab|Western|Dutch|Greek|Swiss|Thai|Gulf|Tajik|Uzbek|Kazakh|Kyrgyz|Turkmen|Sudanese|Libyan|Tunisian|Algerian|Nigerian|Kenyan|Ethiopian|Afghan|Belarusian|Georgian|Armenian|Chechen|Serbian|Croatian|Bosnian|Polish|Czech|Slovak|Hungarian|Romanian|Bulgarian|Latvian|Lithuanian|Estonian|Finnish|Swedish|Danish|Norwegian|Irish|Scottish|Welsh|Spanish|Portuguese|Italian|Belgian|Austrian|Canadian|Australian|Indian|Brazilian|Argentine|Colombian|Chilean|Peruvian|Filipino|Indonesian|Malaysian|Vietnamese|Taiwanese|Tibetan|Mongolian|European|African|Asian|Lebanese|Jordanian)$/;

export const PERSON_PRONOUNS: ReadonlyMap<string, { gender: 'm' | 'f' | null; plural: boolean }> = new Map([
  ['he', { gender: 'm', plural: false }],
  ['she', { gender: 'f', plural: false }],
  ['they', { gender: null, plural: true }],
  ['it', { gender: null, plural: false }],
]);

/** Words in a capitalised run that are never part of a name (sentence openers, days, months). */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  ('the a an this that these those it its he she they we i you his her their our my your in on at for ' +
    'to of by with from and but or as if when while after before since because although though so yet ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december today yesterday tomorrow there here what who why how ' +
    'according asked speaking meanwhile however still also even last next earlier later then now ' +
    'mr mrs ms dr sir during despite amid among under over through following including like unlike without ' +
    'within about against between into upon across behind beyond near toward towards via per some many ' +
    'several both each every all most other another such no not only just inside outside beside around along ' +
    'beneath above below except besides regarding concerning asked answering responding speaking ' +
    // quantity words that open a sentence ("More than 100 people ...")
    'more fewer less nearly almost roughly').split(' '),
);

/** Particles that join the words of one name ("Secretary of State", "bin Salman", "Van Rompuy"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['of', 'al', 'bin', 'ibn', 'de', 'del', 'da', 'di', 'van', 'von', 'der', 'la', 'le', 'du']);

/** Verbs that open a headline or caption before a name ("Watch Bush express concerns"): not part of the name. */
export const HEADLINE_VERBS: ReadonlySet<string> = new Set(['watch', 'read', 'see', 'listen', 'meet']);

// What makes a phrase read as a subject no speaker's name (lib/entities.ts speakerSource, the one check every
// speaker's words pass): an opener of a clause or an adjunct, a pronoun, a time, a contraction, a lone adjective.

/** Words that open an adjunct: the noun phrase after them is never the clause's subject ("despite polls", "like officials"). */
export const ADJUNCT_OPENERS: ReadonlySet<string> = new Set('like unlike despite including among amid without during through following by with in on at from into toward towards'.split(' '));
/** Subordinators and demonstratives before a clause's subject: the subject is what follows ("while critics argue", "that officials said"). */
export const SUBJECT_OPENERS: ReadonlySet<string> = new Set('that this these those while when whereas though although since because if as where after before once until unless whether'.split(' '));
/** Subordinators that open a clause inside a phrase read as a subject: its subject follows ("days after Ukrainian forces"). */
export const INNER_SUBORDINATORS: ReadonlySet<string> = new Set('after before when while whereas since because although though until unless where'.split(' '));
/** A personal pronoun (not "US" or "IT"): a description that opens with one is a clause fragment ("that he didn't"). */
export const PERSONAL_PRONOUN = /^(?:i|we|you|he|she|they|it|me|us|him|them|I|We|You|He|She|They|It)$/;
/** Possessive pronouns: alone, a possessor without its noun ("his"). */
export const POSSESSIVE_WORDS: ReadonlySet<string> = new Set('his her their its my our your'.split(' '));
/** Heads that name no speaker: a time ("years", "that night"). */
export const NO_SPEAKER_HEADS: ReadonlySet<string> = new Set('year years day days hour hours week weeks month months minute minutes night time ago'.split(' '));
/** Endings of adjectives, which nouns of speakers and documents rarely have ("vocal", "persuasive", "biggest"). */
export const ADJECTIVE_ENDING = /(?:al|ive|ous|ful|able|ible|ic|est|less|ing|ar|ate|ish)$/;
/** A contraction: a clause, not a noun phrase ("that he didn't"). */
export const CONTRACTION = /n['’]t$|['’](?:re|ve|ll|m|d)$/i;
/** Words for a share of a group, which speak for it ("Some say", "Most believe"): never a name. */
export const SHARES: ReadonlySet<string> = new Set('some many most few one all both another several'.split(' '));

/** A capitalised sentence-opening adverb ("Specifically", "Honestly") or a shouted heading word: never part of a name. */
export const ADVERB_OR_HEADING = /^(?!(?:Kelly|Sully|Lilly|Daly|Connolly|Donnelly|Reilly|Beverly|Shelly|Kimberly|Emily|Molly|Holly|Polly|Dolly|Billy|Wally|Sally|Nelly|Ely|Bradly|Ashly)$)\p{Lu}\p{Ll}{3,}ly$|^\p{Lu}{6,}$/u;

/**
 * News outlets: the words that make a source a medium ("state television", "the news agency", "the
 * newspaper") and the names of the agencies and broadcasters that most often relay officials' words.
 */
export const OUTLET_WORDS: ReadonlySet<string> = new Set(
  ('agency television tv radio newspaper paper daily weekly tabloid magazine broadcaster channel network outlet media press ' +
    'news wire gazette courier chronicle interfax reuters ap afp xinhua tass itar-tass ria novosti yonhap kyodo irna isna fars tasnim mehr sana anadolu ' +
    'aljazeera jazeera arabiya cnn bbc nhk nbc cbs abc msnbc npr pbs fox kcna wafa petra mena bernama antara ansa dpa efe ' +
    'pravda izvestia kommersant haaretz times post journal herald tribune guardian telegraph independent observer').split(' '),
);
