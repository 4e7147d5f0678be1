import { DETERMINERS, isPunct, isVerbAt, mention, phraseEndForward, subjectBefore, TIME_WORDS, type SourcePhrase } from './attribution';
import { LISTENER_VERBS, NOUN_LIKE_VERBS, PERSON_PRONOUNS, SPEECH_VERBS, TELL_FORMS, VERB_MODIFIERS } from './lexicon';
import { KeyTable, sentenceEnd, sentenceStart, startsWithCapital, textTokens, tokenize, type TextTokens, type Token } from './text';
import type { Attribution, Paragraph, QuoteSpan, Span } from './types';

// Reported speech: statements attributed without quotation marks ("X said (that) ...", "X warned Y that
// ...", "according to X, ...", "X has expressed concern about ...", "X wants ..."). Its own stage after the
// direct quotes' attribution, sharing that stage's phrase readers (subjects, mentions, speech verbs).
// A reported statement's content is the verb's complement, up to the end of its clause.

/** Verbs of belief, wish and stance that report a position as speech verbs do ("Moscow wants", "she believes"). */
const ATTITUDE_FORMS: string[][] = [
  ['think', 'thinks', 'thought'],
  ['know', 'knows', 'knew'],
  ['feel', 'feels', 'felt'],
  ['seek', 'seeks', 'sought'],
  ['find', 'finds', 'found'],
  ['show', 'shows', 'showed'],
  ['deem', 'deems', 'deemed'],
  // "back" alone is mostly the adverb ("came back")
  ['backs', 'backed'],
  ['sees', 'saw', 'see'],
  // "talks" and "talk" are mostly the noun in political news
  ['talked'],
];
const ATTITUDE_VERBS = ('believe hope expect fear worry doubt suspect want wish plan intend support oppose endorse propose favor ' +
  'favour indicate reveal consider question blame cite defend demand insist recommend advocate highlight dispute challenge ' +
  'ridicule applaud portray characterize characterise predict acknowledge argue attack urge seem appear decline refer point ' +
  'champion signal downplay brag push refuse decide view discuss offer consider reject decry rail prefer request identify order expect worry mention highlight ' +
  // measured on polnear-train: each opens an attribution's content more often than a third of the time
  'assure remind remember imply reference comment outline disclose recognize commend').split(' ');

function forms(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const third = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const past = /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${stem}ed`;
  return [base, third, past];
}

/**
 * Speech-verb forms that in news text mostly are something else ("30 states", "she spoke at a rally",
 * "the talks continue"): measured on PolNeAR's training articles, they report content less than a third of the time.
 */
const WEAK_CUES = new Set(
  ('state states email emails spoke speak speaks continue continues continued call find points point put puts attack attacks support ' +
    'knew considered begin begins began report repeat plan write push challenge order putting continuing decide favored counter welcome explaining').split(' '),
);
/** Past forms that report a stance or a statement; their other forms are mostly nouns or rare (measured on polnear-train). */
const PAST_CUES = 'assailed slammed listed learned thanked referenced projected preferred named invoked bemoaned lambasted congratulated likened voiced knocked retweeted encouraged'.split(' ');
/** Finite forms of the verbs that open reported content. */
const CUE_VERBS: ReadonlySet<string> = new Set(
  [...SPEECH_VERBS].filter((v) => !v.endsWith('ing')).concat(ATTITUDE_FORMS.flat(), ATTITUDE_VERBS.flatMap(forms), PAST_CUES).filter((v) => !WEAK_CUES.has(v)),
);
/** Participles that open a second statement of the sentence's subject (", saying that ...", ", adding ..."). */
const PARTICIPLE_CUES: ReadonlySet<string> = new Set([
  ...[...SPEECH_VERBS].filter((v) => v.endsWith('ing')),
  ...ATTITUDE_VERBS.map((v) => `${v.replace(/e$/, '')}ing`),
  // the -ing form of the forms lists that open with the base
  ...ATTITUDE_FORMS.filter(([v]) => !/(?:s|ed)$/.test(v)).map(([v]) => `${v}ing`),
].filter((v) => !WEAK_CUES.has(v)));
/** Nouns of speech and stance with the preposition that opens their content ("criticism of", "support for"). */
const NOUN_CUES: ReadonlyMap<string, string> = new Map([
  ['criticism', 'of'], ['endorsement', 'of'], ['rejection', 'of'], ['views', 'on'],
  ['support', 'for'], ['call', 'for'], ['calls', 'for'], ['comments', 'about'], ['remarks', 'about'],
  ['concerns', 'about'], ['questions', 'about'], ['doubts', 'about'], ['attacks', 'on'], ['stance', 'on'],
  // measured on polnear-train: each opens an attribution's content more often than a third of the time (the
  // break-even for attributionF1 at its precision)
  ['opposition', 'to'], ['claims', 'about'], ['promise', 'to'], ['promises', 'to'], ['pledge', 'to'], ['praise', 'for'],
  ['demands', 'for'], ['argument', 'for'], ['concern', 'about'], ['enthusiasm', 'for'],
  // and adjectives of stance, whose holder is the sentence's subject ("the mayor is critical of the plan")
  ['critical', 'of'], ['supportive', 'of'], ['skeptical', 'of'], ['sceptical', 'of'], ['worried', 'about'],
  ['concerned', 'about'], ['optimistic', 'about'], ['opposed', 'to'],
]);
const POSSESSIVE_PRONOUNS = new Map<string, { gender: 'm' | 'f' | null; plural: boolean }>([
  ['his', { gender: 'm', plural: false }], ['her', { gender: 'f', plural: false }], ['their', { gender: null, plural: true }],
]);

/** The possessor that ends at tokens[last]: a possessive pronoun, or a name with "'s" ("Okafor's"). */
function possessor(text: string, tokens: Token[], last: number): SourcePhrase | null {
  const t = tokens[last];
  const pronoun = POSSESSIVE_PRONOUNS.get(t.key);
  if (pronoun) return { start: t.start, end: t.end, text: t.text, kind: 'pronoun', descriptors: [], gender: pronoun.gender, plural: pronoun.plural };
  if (!/['’]s$/.test(t.text) || !isCapital(t)) return null;
  let first = last;
  while (first > 0 && isCapital(tokens[first - 1]) && !isPunct(tokens[first - 1])) first--;
  const end = t.end - 2;
  const named = mention(text, tokens, first, last);
  return named ?? { start: tokens[first].start, end, text: text.slice(tokens[first].start, end), kind: 'description', descriptors: [], gender: null, plural: false };
}

/** Forms of "speak" and "talk": cues only before "about" (alone they are mostly a venue, "spoke at a rally", or the noun). */
const TALK_FORMS = new Set('speak speaks spoke speaking talk talks talked talking'.split(' '));
/** "speaking to crews", "talked at length": a form of "speak" or "talk" that no "about" follows, so no cue. */
const talkWithoutAbout = (tokens: Token[], k: number) => TALK_FORMS.has(tokens[k].key) && tokens[k + 1]?.key !== 'about';
/** Every word that can tie a statement to its source: a sentence without one holds no statement. */
const ANY_CUE: ReadonlySet<string> = new Set([...CUE_VERBS, ...PARTICIPLE_CUES, ...SPEECH_VERBS, ...NOUN_CUES.keys(), ...TALK_FORMS, 'according', 'make', 'makes', 'made', 'making']);

/** Words that open a noun rather than a verb when they stand before a cue form ("the plans", "her support"). */
const NOUN_BEFORE = /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|no|any|every|each|new|public|strong|broad|growing|[\d]+)$/;
/** Cue forms that are common nouns too: read as a verb only after a plain subject. */
const NOUN_FORMS = new Set('offer offers order orders request requests plan plans hope hopes fear fears doubt doubts support supports demand demands wish wishes show shows find finds question questions attack attacks'.split(' '));
/** Function words that end a subject reading leftwards, or that a generic subject never ends with. */
const NOT_SUBJECT = new Set(
  ('to of in on at for with by from as and or but nor than if when while because since although though whether so ' +
    'not no never is was were are be been being has have had do does did will would could should can may might must ' +
    'it there here what which where how why who whom whose this that these those a an the very').split(' '),
);
/**
 * Words after a comma that close the content: a new clause, a relative clause or an aside. Not "because":
 * a reason given stays in what was said ("X said A, because B"; polnear-train: attributions run on past it).
 */
const CLAUSE_BREAK = /^(?:but|while|whereas|although|though|which|however|who|whom|whose|where|when|compared|even|despite|unless|until|since|after|before|if)$/;
/** Forms of "be" and "get" before a past form: a passive ("was endorsed by"), which reports nobody's words. */
const PASSIVE = /^(?:is|was|were|are|be|been|being|get|gets|got|gotten)$/;
/** Subordinators that end reported content before a quotation's own attribution ("... when Obama told troops"). */
const BARE_BREAK = /^(?:when|while|after|before|because|since|until|where)$/;
/** Particles that belong to the verb ("called on", "warned of", "expressed concern about" has its own noun). */
const PARTICLES = /^(?:about|of|for|on|against|over|out|up)$/;
/** Subordinators that open a sentence with a subordinate clause, which ends at a comma. */
const SUBORDINATE_OPEN = /^(?:while|although|though|if|when|because|as|since|after|before|whereas|once|unless)$/;
const ARTICLE = /^(?:the|a|an)$/;
/** Words for a share of a group before "of": "some of the crews", "two of the captains". */
const QUANTIFIERS = /^(?:some|many|most|all|none|one|two|three|four|five|several|few|half|both|each|any|majority|dozens|hundreds|thousands|millions|number|percent|share)$/;
const RELATIVE = /^(?:who|whom|whose|which)$/;
/**
 * Verbs whose object is part of what is said, not a listener: "called the plan a failure", "described
 * Okafor as reckless", "accused the board of lying" (their content starts at the object).
 */
const OBJECT_VERBS = /^(?:call|calls|called|calling|describe|describes|described|describing|accuse|accused|praise|praised|criticize|criticized|criticise|criticised|mock|mocked|dismiss|dismissed)$/;
const MAKE = /^(?:make|makes|made|making)$/;
const ADD = /^(?:add|adds|added|adding)$/;
/** Prepositions that open an adjunct phrase. */
const PREPOSITIONS = new Set('in at on after during before from to with by for of about over under into onto near since until via through throughout across among amid inside outside aboard'.split(' '));
/** "say" takes no particle: "said on the radio", "says of the plan" are adjuncts before the content, if any. */
const SAY = /^(?:say|says|said|saying)$/;
/** Adjuncts of the verb that are not its content ("said in an interview", "told reporters at a briefing"). */
const ADJUNCTS = /^(?:in|at|during|after|before|on|via|through|while|when|by|of|about|for|over)$/;
/** Subordinators and prepositions that open an aside right after "said", with or without a comma. */
const ASIDE = /^(?:as|when|while|after|before|without|until|since)$/;

const QUOTATION_MARK = /["“”«»„]/g;
const DASH = /^(?:[—–―]|-{1,2})$/;

/** The first index in [from, to] whose token's key is `key`, or -1 (a bounded scan: sentences run long). */
function indexOfKey(tokens: Token[], key: string, from: number, to: number): number {
  for (let k = from; k <= to && k < tokens.length; k++) if (tokens[k].key === key) return k;
  return -1;
}

/** The first index in [from, to] whose token's text is `text`, or -1. */
function indexOfText(tokens: Token[], text: string, from: number, to: number): number {
  for (let k = from; k <= to && k < tokens.length; k++) if (tokens[k].text === text) return k;
  return -1;
}

const isCapital = (t: Token) => startsWithCapital(t.text);
/** A subordinator that opens a new clause after a quote ("said “we stay” as crews left"). */
const opensClause = (key: string) => SUBORDINATE_OPEN.test(key) || BARE_BREAK.test(key);

/**
 * A finite cue verb at tokens[i], a sentence's tokens whose cue words are `cues`: lower case, in the cue list, and
 * not a noun after a determiner or possessive.
 */
function isCueAt(tokens: Token[], cues: SentenceCues, i: number): boolean {
  if (!cues.isCue(i)) return false;
  const t = tokens[i];
  // "added to her lead": to add to is to increase
  if (ADD.test(t.key) && tokens[i + 1]?.key === 'to') return false;
  // "spoke about", "talked about": weak or noun-like forms that report content with "about" after them
  if (TALK_FORMS.has(t.key)) return !talkWithoutAbout(tokens, i) && i > 0 && !isCapital(t) && !NOUN_BEFORE.test(tokens[i - 1].key) && !/['’]s$/.test(tokens[i - 1].text);
  // the word lists first: most tokens are in neither
  // "-ing" is a cue as a finite verb ("she is calling for"), or as a participle after a lower-case word
  // ("a statement saying", "tweets criticizing", "a bill supporting")
  if (PARTICIPLE_CUES.has(t.key)) {
    return !isCapital(t) && (isProgressive(tokens, i) || (i > 0 && !isPunct(tokens[i - 1]) && !isCapital(tokens[i - 1])));
  }
  if (!CUE_VERBS.has(t.key) || isCapital(t) || i === 0) return false;
  const before = tokens[i - 1];
  // a plural noun after a lower-case word ("opposition protests", "media reports") is no verb
  const nounForm = NOUN_FORMS.has(t.key) || NOUN_LIKE_VERBS.has(t.key);
  // unless a singular noun with its determiner stands before it and an object after ("the poll shows a lead")
  const next = tokens[i + 1]?.key ?? '';
  // (one modifier may stand between: "the new poll shows Okafor ahead")
  const determined = i > 1 && (DETERMINERS.has(tokens[i - 2].key) || (i > 2 && DETERMINERS.has(tokens[i - 3].key) && !isPunct(tokens[i - 2])));
  const object = DETERMINERS.has(next) || next === 'that' || /^\d/.test(next) || (i + 1 < tokens.length && (isCapital(tokens[i + 1]) || PERSON_PRONOUNS.has(next)));
  const singularSubject = determined && !before.key.endsWith('s') && object;
  if (nounForm && t.key.endsWith('s') && !isCapital(before) && !PERSON_PRONOUNS.has(before.key) && !singularSubject) return false;
  if (SPEECH_VERBS.has(t.key)) return isVerbAt(tokens, i);
  return !(nounForm && (NOUN_BEFORE.test(before.key) || /['’]s$/.test(before.text)));
}

/** The index of "clear" in "made clear" or "made it clear" at tokens[i], else -1. */
function madeClear(tokens: Token[], i: number): number {
  if (!MAKE.test(tokens[i].key)) return -1;
  const k = tokens[i + 1]?.key === 'it' ? i + 2 : i + 1;
  return tokens[k]?.key === 'clear' ? k : -1;
}

/** "-ing" after a form of "be" is a finite verb: "she is calling for", "they have been talking about". */
function isProgressive(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && /ly$/.test(tokens[k].key)) k--;
  return k > 0 && /^(?:is|are|was|were|been|be|'s|’s)$/.test(tokens[k].key);
}

/**
 * A plain noun-phrase subject when the speaker reader finds no speaker noun or name ("the report
 * shows", "most voters believe"): up to four content words before the verb, with their determiner.
 */
function plainSubject(text: string, tokens: Token[], v: number, floor: number): SourcePhrase | null {
  let i = v - 1;
  while (i >= floor && (VERB_MODIFIERS.has(tokens[i].key) || /ly$/.test(tokens[i].key) && !isCapital(tokens[i]))) i--;
  // a lower-case past form is a verb, not a subject ("... defeated challenged")
  if (i < floor || isPunct(tokens[i]) || NOT_SUBJECT.has(tokens[i].key) || CUE_VERBS.has(tokens[i].key) || /ed$/.test(tokens[i].text)) return null;
  const pronoun = PERSON_PRONOUNS.get(tokens[i].key);
  if (pronoun) return { start: tokens[i].start, end: tokens[i].end, text: tokens[i].text, kind: 'pronoun', descriptors: [], gender: pronoun.gender, plural: pronoun.plural };
  let first = i;
  while (first - 1 >= floor && i - first < 3 && !isPunct(tokens[first - 1]) && !NOT_SUBJECT.has(tokens[first - 1].key) && !CUE_VERBS.has(tokens[first - 1].key)) first--;
  if (first - 1 >= floor && DETERMINERS.has(tokens[first - 1].key)) first--;
  // a share of a group is the subject ("some of the crews said", "most of them believe")
  if (first - 2 >= floor && tokens[first - 1].key === 'of' && QUANTIFIERS.test(tokens[first - 2].key)) first -= 2;
  // the object of a preposition is no subject ("has in its turn asked")
  if (first - 1 >= floor && /^(?:in|on|at|for|with|by|from|of|to|into|under|over|after|before|during|about)$/.test(tokens[first - 1].key)) return null;
  const start = tokens[first].start;
  const end = tokens[i].end - (tokens[i].text.endsWith('.') ? 1 : 0);
  const head = tokens[i].key;
  // a share of people ("74 percent said") is a plural subject
  const plural = /[^s]s$/.test(head) || head === 'people' || head === 'percent' || /^\d[\d.,]*%?$/.test(head);
  // a noun head: a name, a plural ("voters"), or a word after a determiner or possessive ("the report");
  // not an adverb or adjective left before the verb ("soon", "good")
  const determined = DETERMINERS.has(tokens[first].key) || tokens.slice(first, i).some((t) => /['’]s$/.test(t.text));
  if (!(isCapital(tokens[i]) || plural || determined)) return null;
  return { start, end, text: text.slice(start, end), kind: 'description', descriptors: [], gender: null, plural };
}

function subjectOf(text: string, tokens: Token[], v: number, floor: number): SourcePhrase | null {
  const source = subjectBefore(text, tokens, v, floor) ?? plainSubject(text, tokens, v, floor);
  // "it" is the subject of "it said" only for a body the sentence names; impersonal "it" reports nothing
  if (source?.kind === 'pronoun' && source.text.toLowerCase() === 'it') return null;
  return source;
}

/**
 * Reported speech without quotation marks: one statement per cue verb whose subject the sentence names,
 * in sentences that hold no quotation; the title line is read as "Name: ..." or in title case.
 */
export function reportedSpeech(text: string, paragraphs: Paragraph[], quotes: QuoteSpan[], tokens = textTokens(text, paragraphs)): Attribution[] {
  const found: Attribution[] = [];
  // which written forms are cue words, worked out once per form
  const formCues = CUE_WORDS.valuesOf(tokens);
  let q = 0;
  // the next quotation mark at or after a sentence start: one forward scan over the whole text
  let mark = -1;
  // the offsets of the text's '' marks, found once; `wire` is the first at or after the paragraph
  const wireMarks: number[] = [];
  for (let i = text.indexOf("''"); i >= 0; i = text.indexOf("''", i + 2)) wireMarks.push(i);
  let wire = 0;
  let s = 0;
  for (const p of paragraphs) {
    const first = found.length;
    for (; s < tokens.sentences && tokens.sentenceStart[s] < p.end; s++) {
      const from = tokens.sentenceStart[s];
      const to = tokens.sentenceEnd[s];
      while (q < quotes.length && quotes[q].close <= from) q++;
      const quoted = quotationsBefore(quotes, q, to);
      if (mark < from) {
        QUOTATION_MARK.lastIndex = from;
        // (test, not exec: no match object)
        mark = QUOTATION_MARK.test(text) ? QUOTATION_MARK.lastIndex - 1 : text.length;
      }
      // quotation marks the quote stage left unpaired leave the sentence unread: its extent is unknown
      if (!quoted.length && mark < to) continue;
      const cues = sentenceCues(tokens, s, formCues);
      if (p.index === 0 && !quoted.length) found.push(...headlineStatements(text, tokens.sentenceTokens(s), cues));
      else if (cues) found.push(...sentenceStatements(text, tokens.sentenceTokens(s), cues, quoted));
    }
    while (wire < wireMarks.length && wireMarks[wire] < p.start) wire++;
    if (wire < wireMarks.length && wireMarks[wire] < p.end) wireQuoteStatements(text, p, found, first, wireMarks, wire);
  }
  return outermost(found);
}

const NO_QUOTES: readonly Span[] = [];

/** The quotations (marks included) from quotes[q] that open before `to`; most sentences hold none. */
function quotationsBefore(quotes: QuoteSpan[], q: number, to: number): readonly Span[] {
  if (q >= quotes.length || quotes[q].open >= to) return NO_QUOTES;
  const quoted: Span[] = [];
  for (let k = q; k < quotes.length && quotes[k].open < to; k++) quoted.push({ start: quotes[k].open, end: quotes[k].close });
  return quoted;
}

/** What a written form is to this stage: a cue word (ANY_CUE), a speech verb (SPEECH_VERBS). */
const CUE = 1;
const SPEECH = 2;
/** The cue words with what each is (one lookup per written form of the article). */
const CUE_WORDS = new KeyTable([...ANY_CUE].map((w) => [w, SPEECH_VERBS.has(w) ? CUE | SPEECH : CUE]));

/** Where a sentence's cue words stand, read from its tokens' forms. */
class SentenceCues {
  constructor(
    private readonly tokens: TextTokens,
    /** The sentence's first token in `tokens`. */
    private readonly first: number,
    private readonly formCues: Uint8Array,
    /** The last speech verb (index in the sentence), or -1: a trailing ", X said" needs one after its comma. */
    readonly lastSpeech: number,
  ) {}

  /** Whether the sentence's token k is a cue word. */
  isCue(k: number): boolean {
    return (this.formCues[this.tokens.form[this.first + k]] & CUE) !== 0;
  }

  /** Whether the sentence's token k is a speech verb (SPEECH_VERBS). */
  isSpeech(k: number): boolean {
    return (this.formCues[this.tokens.form[this.first + k]] & SPEECH) !== 0;
  }
}

/** The cue words of sentence s, or null when it holds none (then it holds no statement either). */
function sentenceCues(tokens: TextTokens, s: number, formCues: Uint8Array): SentenceCues | null {
  const first = tokens.sentenceToken[s];
  const end = tokens.sentenceToken[s + 1];
  let i = first;
  while (i < end && !(formCues[tokens.form[i]] & CUE)) i++;
  if (i === end) return null;
  // (speech verbs are cue words: none stands before the first cue)
  let speech = end - 1;
  while (speech >= i && !(formCues[tokens.form[speech]] & SPEECH)) speech--;
  return new SentenceCues(tokens, first, formCues, speech >= i ? speech - first : -1);
}

/**
 * Quotations in wire-style doubled marks (''...''), which the quote stage pairs but leaves unreported, when
 * they open a sentence or follow a comma or colon: one statement for the whole quotation. Its speaker is
 * the attribution that follows it ("''A. B,'' Okafor said on radio"), else a speech verb just before it
 * ("Okafor said in a statement: ''A.''"), else the paragraph's statement before it ("Okafor said A. ''B.''").
 * found[first..] are the paragraph's statements so far; the statements read inside the quotation give way.
 */
function wireQuoteStatements(text: string, p: Paragraph, found: Attribution[], first: number, marks: number[], from: number): void {
  for (const quote of wireQuotes(text, p, marks, from)) {
    const inside = (s: Attribution) => s.start >= quote.start && s.start < quote.end;
    const own = found.slice(first).filter(inside);
    const following = own.find((s) => s.source && s.source.start >= quote.end);
    let source = following?.source ?? attributionAfter(text, quote.end, sentenceEnd(text, quote.end, p.end)) ?? attributionBefore(text, p, quote.start);
    for (let k = found.length - 1; k >= first && !source; k--) if (found[k].end <= quote.start) source = found[k].source;
    if (!source) continue;
    for (let k = found.length - 1; k >= first; k--) if (inside(found[k])) found.splice(k, 1);
    let start = quote.start + 2;
    let end = quote.end - 2;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) found.push({ start, end, text: text.slice(start, end), kind: 'indirect', quote: null, cue: following?.cue ?? null, source });
  }
  found.splice(first, found.length - first, ...found.slice(first).sort((a, b) => a.start - b.start));
}

/** The speaker of ", Okafor said on radio." or ", said Okafor, the mayor." right after a quotation. */
function attributionAfter(text: string, from: number, to: number): SourcePhrase | null {
  const tokens = tokenize(text, from, Math.min(to, from + 200));
  let first = 0;
  while (first < tokens.length && tokens[first].text === ',') first++;
  for (let v = first; v < Math.min(tokens.length, first + 8); v++) {
    if (isPunct(tokens[v]) && tokens[v].text !== ',') return null;
    if (!SPEECH_VERBS.has(tokens[v].key) || !isVerbAt(tokens, v) || tokens[v].key.endsWith('ing')) continue;
    if (v === first) return v + 1 < tokens.length ? mention(text, tokens, v + 1, phraseEndForward(tokens, v + 1, tokens.length - 1)) : null;
    return subjectOf(text, tokens, v, first);
  }
  // a speaker with an apposition: "''A,'' Okafor, the mayor of the port town, said."
  const end = phraseEndForward(tokens, first, tokens.length - 1);
  if (end < first || tokens[end + 1]?.text !== ',') return null;
  for (let v = end + 2; v < Math.min(tokens.length, first + 25); v++) {
    if (isPunct(tokens[v]) && tokens[v].text !== ',') return null;
    if (tokens[v - 1].text === ',' && SPEECH_VERBS.has(tokens[v].key) && isVerbAt(tokens, v) && !tokens[v].key.endsWith('ing')) return mention(text, tokens, first, end);
  }
  return null;
}

/** The speaker of "Okafor said in a statement:" or "the mayor added," just before a quotation. */
function attributionBefore(text: string, p: Paragraph, open: number): SourcePhrase | null {
  const tokens = tokenize(text, sentenceStart(text, p.start, open), open);
  const last = tokens.length - 1;
  if (last < 1 || !/^[,:]$/.test(tokens[last].text)) return null;
  for (let v = last - 1; v >= Math.max(0, last - 6); v--) {
    if (isPunct(tokens[v]) && v < last - 1) return null;
    if (!SPEECH_VERBS.has(tokens[v].key) || !isVerbAt(tokens, v) || tokens[v].key.endsWith('ing')) continue;
    return subjectOf(text, tokens, v, 0) ?? (v < last - 1 ? mention(text, tokens, v + 1, phraseEndForward(tokens, v + 1, last - 1)) : null);
  }
  return null;
}

/**
 * The paragraph's '' quotations that open a sentence or follow a comma or colon, marks included;
 * marks[from..] are the offsets of the '' marks from the paragraph's first.
 */
function wireQuotes(text: string, p: Paragraph, marks: number[], from: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let w = from; w < marks.length && marks[w] < p.end; w++) {
    const at = marks[w];
    const before = at > p.start ? text[at - 1] : ' ';
    const after = at + 2 < p.end ? text[at + 2] : ' ';
    if (open < 0 && /\s/.test(before) && !/\s/.test(after)) {
      let k = at - 1;
      while (k >= p.start && /\s/.test(text[k])) k--;
      // -2: a quotation inside a sentence ("the ''reset'' policy"), paired but not read
      open = k < p.start || /[.!?'"”,:]/.test(text[k]) ? at : -2;
    } else if (open !== -1 && !/\s/.test(before) && (/[\s,.;:!?)—–-]/.test(after) || at + 2 >= p.end)) {
      if (open >= 0) spans.push({ start: open, end: at + 2 });
      open = -1;
    }
  }
  return spans;
}

/**
 * A statement inside another ("X said he wants A": "he wants A" and "A") is part of the outer one: the
 * outer one is kept, so each stretch of text is highlighted and summarised once.
 */
function outermost(found: Attribution[]): Attribution[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Attribution[] = [];
  for (const s of sorted) if (!kept.length || s.end > kept[kept.length - 1].end) kept.push(s);
  return kept;
}

/**
 * One sentence's tokens, the quotations in it and the statements read from it so far, with the readers
 * of its clauses (methods rather than closures: a sentence reader is made for every sentence of the text).
 */
class Sentence {
  readonly last: number;
  readonly found: Attribution[] = [];

  constructor(
    readonly text: string,
    readonly all: Token[],
    readonly quoted: readonly Span[],
    readonly cues: SentenceCues,
  ) {
    this.last = all.length - 1;
  }

  /** The quotation tokens[k] stands in, if any. */
  quoteAround(k: number): Span | undefined {
    const t = this.all[k];
    for (const r of this.quoted) if (t.start >= r.start && t.end <= r.end) return r;
    return undefined;
  }

  inQuote(k: number): boolean {
    return this.quoteAround(k) !== undefined;
  }

  /** Whether tokens[k] comes right after a quotation, past commas: '“...,” said', '“...”, said'. */
  followsQuote(k: number): boolean {
    let j = k - 1;
    while (j >= 0 && this.all[j].text === ',' && !this.inQuote(j)) j--;
    return j >= 0 && this.inQuote(j);
  }

  /** A statement's content: tokens[from..to] without clause punctuation at either end; one with no source only when `unnamed`. */
  emit(from: number, to: number, source: SourcePhrase | null, cue: string, unnamed = false): void {
    const { text, all, last, quoted, found } = this;
    if (quoted.length) {
      if (from > last) return;
      const open = quoted.find((r) => r.end > all[from].start)?.start ?? Infinity;
      let k = from;
      while (k <= to && all[k].end <= open && !(k > from && BARE_BREAK.test(all[k].key))) k++;
      if (k <= to && all[k].end > open) {
        // content that runs on into a partial quote ("X says the campaign will go on and “compete vigorously”")
        // is one statement with it, when four of its words stand outside the marks
        let outside = 0;
        for (let j = from; j <= to; j++) if (!this.inQuote(j)) outside++;
        if (outside < 4) return;
        // content that opens with the quote must run on as its clause ("“the old ferry” would not run"): an
        // adjunct or a new clause after the closing mark ("said “we stay” in the dressing room", "… as crews
        // left") leaves the quote alone
        if (this.inQuote(from)) {
          let after = from;
          while (after <= to && this.inQuote(after)) after++;
          if (after > to || isPunct(all[after]) || PREPOSITIONS.has(all[after].key) || opensClause(all[after].key)) return;
        }
      } else {
        // a whole clause that ends before the quote and its own attribution ("Earnest said A when Obama told ...")
        if (k - from < 4) return;
        to = k - 1;
      }
    }
    while (to >= from && isPunct(all[to])) to--;
    // a dateline opens the article's first sentence, not the content: "MOSCOW (Reuters) - ..."
    let dash = -1;
    for (let k = 0; from === 0 && dash < 0 && k < Math.min(8, all.length); k++) if (DASH.test(all[k].text)) dash = k;
    if (dash > 0 && all.slice(0, dash).every((w) => isCapital(w) || isPunct(w))) from = dash + 1;
    while (from <= to && isPunct(all[from])) from++;
    if ((!source && !unnamed) || to < from) return;
    // content that opens with a partial quote starts at its mark: “the old ferry” would not run
    const start = this.quoteAround(from)?.start ?? all[from].start;
    // and content that closes with one ends after its mark: “doomed to failure” keeps both marks
    const closing = this.quoteAround(to);
    const end = closing && /^(?:[”’"»]|'')$/.test(text.slice(all[to].end, closing.end)) ? closing.end : all[to].end - (/[.!?]$/.test(all[to].text) && to === last ? 1 : 0);
    found.push({ start, end, text: text.slice(start, end), kind: 'indirect', quote: null, cue, source });
  }

  /**
   * The content after a mid-sentence site ("A, she said, B", "A, according to X, B"), from tokens[from]. What
   * follows a speaker named after the verb ("said Okafor,") is an apposition ("the mayor of the town"), and
   * so is a noun phrase after "according to X,"; a relative clause ("who ...") or a participle that is no
   * speech verb ("clutching the lectern") is an aside too (measured on polnear-train: 4 in 10 of 250 read right).
   */
  emitTail(from: number, source: SourcePhrase | null, cue: string, inverted: boolean): void {
    const { all, last } = this;
    // "and" or "but" opens a second clause, never an apposition
    const joined = from <= last && /^(?:and|but)$/.test(all[from].key);
    if (joined) from++;
    if (from >= last) return;
    const first = all[from];
    if (inverted && !joined && (cue !== 'according to' || DETERMINERS.has(first.key) || /['’]s$/.test(first.text))) return;
    if (RELATIVE.test(first.key) || (/ing$/.test(first.key) && (!SPEECH_VERBS.has(first.key) || talkWithoutAbout(all, from)))) return;
    this.emit(from, last, source, cue);
  }

  /** The end of a clause that starts at `from`: a trailing ", X said", ", according to", ", adding", or "; ", " but ". */
  clauseEnd(from: number): number {
    const { all, last } = this;
    const subordinate = SUBORDINATE_OPEN.test(all[0].key) && indexOfText(all, ',', 0, from - 1) < 0;
    for (let k = from + 1; k <= last; k++) {
      const t = all[k];
      if (t.text === ';') return k - 1;
      // "A and proposed B": a coordinated cue verb opens the next statement
      if (t.key === 'and' && k + 1 <= last && isCueAt(all, this.cues, k + 1) && !/ing$/.test(all[k + 1].key)) return k - 1;
      // a sentence that opens with a subordinate clause ("While Okafor says A, B"): the clause ends at its comma
      if (t.text === ',' && subordinate) return k - 1;
      if (t.text === ',' && k + 1 <= last) {
        const next = all[k + 1];
        // "..., and that ...", "..., but that ...": a second complement of the same verb
        if ((next.key === 'and' || next.key === 'but') && all[k + 2]?.key === 'that') continue;
        // an article after the comma opens an apposition or a new clause's subject; a participle that reports
        // speech opens a statement of its own (", adding that ..."), another one goes on with this one
        // (", bringing its total to ...")
        if ((/ing$/.test(next.text) && (PARTICIPLE_CUES.has(next.key) || SPEECH_VERBS.has(next.key))) || CLAUSE_BREAK.test(next.key) || ARTICLE.test(next.key) || (next.key === 'according' && all[k + 2]?.key === 'to')) return k - 1;
        if (this.trailingSite(k + 1) !== null) return k - 1;
        // a new main clause after the comma: a pronoun subject, "and" with a new subject, or a subject and a cue verb
        if (PERSON_PRONOUNS.has(next.key) && next.key !== 'it' && !/^(?:him|her|them|us|me)$/.test(next.key)) return k - 1;
        if (next.key === 'and' && k + 2 <= last && (PERSON_PRONOUNS.has(all[k + 2].key) || DETERMINERS.has(all[k + 2].key))) return k - 1;
        for (let j = k + 2; j <= Math.min(last, k + 5) && !isPunct(all[j]); j++) if (isCueAt(all, this.cues, j)) return k - 1;
      }
    }
    return last;
  }

  /** ", X said" / ", said X" at tokens[from..]: the index of its verb when the site runs to the sentence end. */
  trailingSite(from: number): number | null {
    const { all, last } = this;
    if (from > this.cues.lastSpeech) return null;
    for (let v = from; v <= Math.min(last, from + 8); v++) {
      if (isPunct(all[v]) && all[v].text !== ',') return null;
      if (!this.cues.isSpeech(v) || !isVerbAt(all, v) || all[v].key.endsWith('ing')) continue;
      let tail = v + 1;
      if (v === from) tail = phraseEndForward(all, v + 1, last) + 1;
      while (tail <= last && (TIME_WORDS.has(all[tail].key) || /^(?:on|in|at|to|a|an|the|last|this|statement|interview|reporters|told)$/.test(all[tail].key) || isPunct(all[tail]) && all[tail].text !== ',')) tail++;
      return tail > last || all[tail].text === ',' ? v : null;
    }
    return null;
  }
}

/**
 * The statements of one sentence. Beside a quotation, a statement is a clause before the quote and any
 * subordinate clause that leads to it ("X said A when Y told troops that “...”" -> A), or content that takes
 * the quote in ("X said A “B”"); never the quotation alone, which is the direct-quote stage's.
 */
function sentenceStatements(text: string, all: Token[], cues: SentenceCues, quoted = NO_QUOTES): Attribution[] {
  const last = all.length - 1;
  if (last < 3) return [];
  const sentence = new Sentence(text, all, quoted, cues);
  const found = sentence.found;
  // "According to X, CONTENT."
  if (all[0].key === 'according' && all[1]?.key === 'to') {
    let comma = 2;
    while (comma <= last && all[comma].text !== ',' && comma < 16) comma++;
    if (all[comma]?.text === ',') sentence.emit(comma + 1, sentence.clauseEnd(comma + 1), informant(text, all, 2, comma - 1), 'according to');
    return found;
  }
  // a sentence-final "..., X said." governs the whole sentence, whatever verbs its content holds (its comma stands
  // before the sentence's last speech verb)
  for (let k = Math.min(last - 1, cues.lastSpeech - 1); k >= 3; k--) {
    if (all[k].text !== ',') continue;
    const site = sentence.trailingSite(k + 1);
    if (site === null) continue;
    let tail = site + 1;
    while (tail <= last && all[tail].text !== ',') tail++;
    if (tail <= last) break;
    sentence.emit(0, k - 1, site === k + 1 ? mention(text, all, k + 2, phraseEndForward(all, k + 2, last)) : subjectOf(text, all, site, k + 1), all[site].text);
    return found;
  }
  for (let v = 0; v <= last; v++) {
    const t = all[v];
    if (!cues.isCue(v) && t.text !== ',') continue;
    if (quoted.length && sentence.inQuote(v)) continue;

    if (t.text === ',' && v + 1 <= last) {
      const next = all[v + 1];
      // "CONTENT, according to X."
      if (next.key === 'according' && all[v + 2]?.key === 'to') {
        found.length = 0;
        const source = informant(text, all, v + 3, Math.min(last, v + 10));
        sentence.emit(0, v - 1, source, 'according to');
        // "A, according to X, B": B is X's too
        let tail = v + 3;
        while (tail <= last && all[tail].text !== ',') tail++;
        sentence.emitTail(tail + 1, source, 'according to', true);
        break;
      }
      // "CONTENT, X said, CONTENT." (two statements)
      const site = v > 2 ? sentence.trailingSite(v + 1) : null;
      if (site !== null) {
        const source = site === v + 1 ? mention(text, all, v + 2, phraseEndForward(all, v + 2, last)) : subjectOf(text, all, site, v + 1);
        found.length = 0;
        sentence.emit(0, v - 1, source, all[site].text);
        // the content after the site is the same speaker's too: "A, she said, B"
        let tail = site + 1;
        while (tail <= last && all[tail].text !== ',') tail++;
        sentence.emitTail(tail + 1, source, all[site].text, site === v + 1);
        break;
      }
      // ", saying that CONTENT": the subject of the sentence's first cue
      if (PARTICIPLE_CUES.has(next.key) && !talkWithoutAbout(all, v + 1)) {
        const main = found.length ? (found[found.length - 1].source as SourcePhrase) : sentenceSubjectBefore(text, all, cues, v) ?? sentenceSubject(text, all, v) ?? clauseSubject(text, all, v);
        let from = v + 2;
        if (LISTENER_VERBS.has(next.key)) from = skipListener(all, from, last);
        if (all[from]?.key === 'that') from++;
        sentence.emit(from, sentence.clauseEnd(from), main, next.text);
        v = sentence.clauseEnd(from);
        continue;
      }
    }
    // (a comma is no cue word)
    if (!cues.isCue(v)) continue;
    if (NOUN_CUES.get(t.key) === all[v + 1]?.key && v > 0) {
      // "her criticism of A", "Okafor's support for B": the possessor is the source; without one, the
      // sentence's subject when it names one ("Okafor has doubts about C")
      const owner = possessor(text, all, v - 1) ?? nonPronoun(sentenceSubject(text, all, v) ?? clauseSubject(text, all, v));
      if (owner) sentence.emit(v + 2, sentence.clauseEnd(v + 2), owner, t.text);
      continue;
    }
    // "made (it) clear that ...": the content follows "clear"
    const clear = madeClear(all, v);
    if (clear < 0 && !isCueAt(all, cues, v)) continue;
    // a speech verb and a name right after a quotation are its attribution ('“...,” said Okafor, the mayor', '“...,” said
    // the mayor'): the direct quote's
    if (quoted.length && v < last && (isCapital(all[v + 1]) || (ARTICLE.test(all[v + 1].key) && SAY.test(t.key))) && SPEECH_VERBS.has(t.key) && sentence.followsQuote(v)) continue;
    let before = v - 1;
    while (before >= 0 && (/ly$/.test(all[before].key) || /^(?:not|also|never)$/.test(all[before].key))) before--;
    if (before >= 0 && PASSIVE.test(all[before].key) && /(?:ed|wn|ght|nd|lt)$/.test(t.key)) continue;
    while (before >= 0 && VERB_MODIFIERS.has(all[before].key)) before--;
    // the content first: finding none is cheaper than reading the subject
    const from = contentStart(all, v, clear);
    if (from < 0) continue;
    // a coordinated verb shares the subject of the sentence's last cue, or of the sentence ("X is open to A but has warned B")
    const coordinated = before > 0 && /^(?:and|but)$/.test(all[before].key);
    const outer = found.length ? (found[found.length - 1].source as SourcePhrase) : null;
    // a participle after a noun ("issued a statement saying") reports the sentence's subject, when it names one
    const participle = t.key.endsWith('ing') && !isProgressive(all, v);
    let source = coordinated
      ? outer ?? sentenceSubject(text, all, before) ?? clauseSubject(text, all, before)
      : (participle ? sentenceSubject(text, all, v) : null) ?? subjectOf(text, all, v, 0);
    // a cue verb always has a speaker: when none stands next to it ("an official familiar with the case said",
    // "the board, after weeks of talks, wants ..."), it is the noun phrase that opens the sentence, or the one
    // after its opening phrase (a pronoun there was the verb's own subject, read and refused above: "it said")
    if (!source && !LISTENER_VERBS.has(t.key)) source = nonPronoun(sentenceSubject(text, all, v) ?? clauseSubject(text, all, v));
    // "X said he wants ...": the pronoun inside X's statement is X
    if (source?.kind === 'pronoun' && outer && !coordinated && found[found.length - 1].start <= source.start) source = outer;
    // a speech verb whose speaker no reader finds still reports what follows it ("those surveyed said A"): a
    // statement without a speaker (none is better than a wrong one); not after "to" ("set out to say") or an
    // impersonal "it" ("it said nothing", refused above), nor a verb whose object is a listener or what it names
    // ("told", "called")
    const unnamed = !source && SPEECH_VERBS.has(t.key) && !participle && !LISTENER_VERBS.has(t.key) && !(before >= 0 && /^(?:to|it)$/.test(all[before].key)) && isVerbAt(all, v);
    if (!source && !unnamed) continue;
    // the content may hold a statement of its own ("he said Moscow wants ..."): the loop reads on inside it
    sentence.emit(from, sentence.clauseEnd(from), source, t.text, unnamed);
  }
  return found;
}

/**
 * Where the content of the cue verb at tokens[v] starts (after "clear" when clear >= 0: "made it clear that"),
 * past its listener, time words, a particle or an adjunct, and "that"; -1 when it has none.
 */
function contentStart(all: Token[], v: number, clear: number): number {
  const t = all[v];
  const last = all.length - 1;
  let from = clear >= 0 ? clear + 1 : v + 1;
  if (LISTENER_VERBS.has(t.key) && !OBJECT_VERBS.test(t.key)) from = skipListener(all, from, last);
  // "told a crowd in the town": after "tell" and its listener the content opens with "that", "to", "about", or a new subject
  if (TELL_FORMS.has(t.key) && !(from <= last && (/^(?:that|to|about|of)$/.test(all[from].key) || PERSON_PRONOUNS.has(all[from].key) || isCapital(all[from]) || from > v + 1 && DETERMINERS.has(all[from].key)))) return -1;
  while (from <= last && (TIME_WORDS.has(all[from].key) || /^(?:on|last)$/.test(all[from].key) && TIME_WORDS.has(all[from + 1]?.key ?? ''))) from++;
  if (from <= last && PARTICLES.test(all[from].key) && !SAY.test(t.key) && !(all[from].key === 'on' && TIME_WORDS.has(all[from + 1]?.key ?? ''))) from++;
  else if (from <= last && ADJUNCTS.test(all[from].key)) {
    // "said in a statement that ...": the content starts at the "that"; without one there is none
    const that = indexOfKey(all, 'that', from + 1, from + 10);
    if (that < 0) return -1;
    from = that;
  }
  // "said as she left", "said, when crews arrived": an aside of the verb, before a "that" or no content
  if (SAY.test(t.key)) {
    let first = from;
    while (first <= last && all[first].text === ',') first++;
    if (first <= last && ASIDE.test(all[first].key)) {
      const that = indexOfKey(all, 'that', first + 1, first + 10);
      if (that < 0) return -1;
      from = that;
    }
  }
  if (all[from]?.key === 'that') from++;
  return from <= last ? from : -1;
}

/**
 * The title line: "Name: what they said", or a title-case cue ("Minister Says Talks Will Resume"), read as
 * a sentence once its cue words are in lower case.
 */
function headlineStatements(text: string, tokens: Token[], cues: SentenceCues | null): Attribution[] {
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon >= 1 && colon <= 4 && tokens.slice(0, colon).every(isCapital) && colon < tokens.length - 1) {
    const source = mention(text, tokens, 0, colon - 1) ?? plainSubject(text, tokens, colon, 0);
    const first = tokens[colon + 1], last = tokens[tokens.length - 1];
    const end = last.end - (/[.!?]$/.test(last.text) ? 1 : 0);
    if (source) return [{ start: first.start, end, text: text.slice(first.start, end), kind: 'indirect', quote: null, cue: ':', source }];
  }
  if (!cues) return [];
  // (lower case leaves the keys, and so the cues, as they are)
  const lowered = tokens.map((t, k) => (k > 0 && CUE_VERBS.has(t.key) ? { ...t, text: t.text.toLowerCase() } : t));
  return sentenceStatements(text, lowered, cues);
}

/** After "told", "warned", "urged": the listener up to a "that" close by, else one noun phrase. */
function skipListener(tokens: Token[], from: number, last: number): number {
  for (let k = from; k <= Math.min(last, from + 12) && (tokens[k].text === ',' || !isPunct(tokens[k])); k++) if (tokens[k].key === 'that' || tokens[k].key === 'to' && k > from) return k;
  const end = phraseEndForward(tokens, from, last);
  return end >= from ? end + 1 : from;
}

/**
 * The source after "according to": the speaker reader's mention ("the officials"), else the plain noun
 * phrase up to the clause's end ("the harbour master", "a report by the ministry").
 */
function informant(text: string, tokens: Token[], first: number, ceiling: number): SourcePhrase | null {
  if (first > ceiling) return null;
  const named = mention(text, tokens, first, phraseEndForward(tokens, first, ceiling));
  if (named) return named;
  let last = first;
  while (last + 1 <= ceiling && !isPunct(tokens[last + 1])) last++;
  const from = DETERMINERS.has(tokens[first].key) && first < last ? first + 1 : first;
  const start = tokens[from].start;
  const end = tokens[last].end - (tokens[last].text.endsWith('.') ? 1 : 0);
  return { start, end, text: text.slice(start, end), kind: 'description', descriptors: [], gender: null, plural: false };
}

/** The noun phrase that opens the sentence, before `ceiling`. */
function sentenceSubject(text: string, tokens: Token[], ceiling: number): SourcePhrase | null {
  const end = phraseEndForward(tokens, 0, ceiling - 1);
  return end >= 0 ? mention(text, tokens, 0, end) : null;
}

/** The noun phrase after the sentence's opening phrase ("In his speech, Okafor praised A and said B"). */
function clauseSubject(text: string, tokens: Token[], ceiling: number): SourcePhrase | null {
  const comma = indexOfText(tokens, ',', 0, ceiling - 1);
  if (comma < 0) return null;
  const end = phraseEndForward(tokens, comma + 1, ceiling - 1);
  return end > comma ? mention(text, tokens, comma + 1, end) : null;
}

const nonPronoun = (source: SourcePhrase | null) => (source?.kind === 'pronoun' ? null : source);

/** The sentence's subject, read before its first cue verb (for a participle clause later on). */
function sentenceSubjectBefore(text: string, tokens: Token[], cues: SentenceCues, ceiling: number): SourcePhrase | null {
  for (let v = 0; v < ceiling; v++) if (isCueAt(tokens, cues, v)) return subjectOf(text, tokens, v, 0);
  return null;
}
