// Topics: the people, groups, places and issues an article's statements talk about, found by general rules
// over the whole text in one left-to-right pass, with aliases merged:
//   - capitalised word sequences (titles stripped from the front: "Foreign Minister Sergei Lavrov" -> Lavrov),
//     people keyed by their surname so "Bashar al-Assad", "Assad" and "the Assad regime" are one topic;
//   - countries by name, nationality adjective or capital ("Russian contributions", "Moscow's support" -> Russia);
//   - "the Syrian regime"/"Syria's government" -> the leader the article names for that country ("Syrian President
//     Bashar al-Assad"), else the country;
//   - acronyms tied to their expansion: initials ("IS" = "Islamic State"), "X (ACR)", "X, also known as Y";
//   - synonym groups built from the Phoenix actor dictionaries (ISIS = ISIL = DAESH = Islamic State);
//   - issues: common nouns the article keeps coming back to ("ceasefire", "sanctions").
import aliasData from '../assets/topic-aliases.json';
import { countryName } from './country-names';
import { remembered } from './remembered';
import { SPEECH_VERBS, TITLES } from './lexicon';
import { isOpinionWord, wordClasses, wordPolarity } from './stance';
import { hasUpperOrNonAscii, textTokens, type TextTokens } from './text';
import type { CountryCode, Span } from './types';

/**
 * One lower-case word: what the word lists say it is, and what the article last tokenized shows of it
 * (seenLower, seenMidCap, lemmaId: reset when an article first meets the word, so read them before the next
 * tokenize call).
 */
export interface Word {
  lower: string;
  /** Written in lower case somewhere in the article. */
  seenLower: boolean;
  /** Written capitalised inside a sentence somewhere in the article (a name that also opens a sentence is still a name). */
  seenMidCap: boolean;
  /** The form an issue is counted under ("sanctions" -> "sanction"); '' for a word that cannot be one. */
  lemma: string;
  /** Index of the lemma among the article's lemmas, -1 when there is none. */
  lemmaId: number;
  /** The lemma passes the word lists' tests for an issue: no generic noun, speech verb, role or opinion word. */
  issueLemma: boolean;
  /** The key of an issue mention of the lemma ("I:sanction"). */
  issueKey: string;
  /** The opinion lexicon's score (lib/stance.ts). */
  polarity: number;
  /** A role noun of the agents dictionary ("minister", "official"). */
  role: boolean;
  /** What the word opens or is (NOUN_OPENING, VERB_OPENING, FUNCTION_WORD bits). */
  opens: number;
  /** lib/stance.ts's WORD_CLASS bits. */
  classes: number;
}

export type TopicKind = 'country' | 'person' | 'organisation' | 'issue';

export interface Topic {
  id: number;
  /** Display name: the fullest form the article uses ("Islamic State", "Bashar al-Assad", "Russia"). */
  name: string;
  kind: TopicKind;
  /** For country topics, the ISO code. */
  country: CountryCode | null;
  /** Normalised key ("ASSAD", "ISLAMIC STATE", "C:RU"): people by surname. */
  key: string;
  /** The country a person is introduced with ("U.S. Secretary of State John Kerry" -> US), if any. */
  affiliation: CountryCode | null;
  /** Every key merged into this topic ("KCNA", "KOREAN CENTRAL NEWS AGENCY"). */
  aliases: string[];
  /**
   * An issue named by the name before it ("the Iran nuclear deal" -> "Iran deal", apart from "a better deal"):
   * the name's key ("C:IR") and the bare issue's key and name ("I:deal", "deal").
   */
  qualified?: { by: string; key: string; name: string };
}

export interface TopicMention extends Span {
  topic: number;
  /** Token range [first, last] of the mention. */
  first: number;
  last: number;
  /** A country that only introduces a name ("Syrian" in "Syrian President Bashar al-Assad"). */
  modifier: boolean;
}

export interface TopicIndex {
  tokens: Tokens;
  topics: Topic[];
  /** In text order. */
  mentions: TopicMention[];
  /** For each token, the index of the mention covering it, or -1. */
  mentionAt: Int32Array;
}

// ---------------------------------------------------------------------------------------------------------
// Tokens and sentences: the engine's own tokenizer (lib/text.ts) per sentence, with what topic finding needs

const isApostrophe = (c: number) => c === 39 || c === 0x2019;
/** Whether the word ending at `end` ends in 's (any case) or s' ("Russia's", "sides'"). */
const possessiveEnd = (text: string, end: number) => {
  const last = text.charCodeAt(end - 1);
  const before = text.charCodeAt(end - 2);
  return ((last === 115 || last === 83) && isApostrophe(before)) || (isApostrophe(last) && before === 115);
};
/** The clause punctuation lib/text.ts's tokenizer keeps beside words. */
const CLAUSE_PUNCTUATION = new Set([',', ';', ':', '(', ')', '—', '–', '―', '-', '--']);
/** A surname with an Arabic article, capitalised after it: "al-Assad". */
const NAME_PARTICLE_CAPITAL = /^(?:al|el|ad|as|ash|an|at|ar|az)-\p{Lu}/u;
/** Marks after which a capital opens a quotation or aside, as at a sentence start: " “ ‘ ' ( [ : — */
const isOpeningMark = (c: number) => c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40 || c === 91 || c === 58 || c === 0x2014;
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());

const POSSESSIVE = 1;
const INITIAL = 2;
const ABBREVIATION = 4;

/**
 * The article's tokens, column by column: token i is `start[i]`..`end[i]` (a possessive 's and a sentence's
 * final period left out) in sentence `sentence[i]`, written as `forms[form[i]]`. Columns of numbers rather
 * than an object per token: a long article holds hundreds of thousands of tokens, all alive until the summary
 * is done, and objects that many, pointed at from one large array, made the young-generation collector copy
 * and rescan them all (a CPU profile of a 200,000-word summary showed it). Out of range, the accessors read as
 * no token: '' for its words, false for its flags, undefined for its numbers.
 */
export class Tokens {
  readonly length: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Index of the sentence the token belongs to. */
  readonly sentence: Int32Array;
  /** The form ids of lib/text.ts's tokens (one form here per form there). */
  readonly form: Int32Array;
  readonly flags: Uint8Array;
  /**
   * Per sentence, 1 for a headline or slogan: in capitals (half its words of three letters or more) or in
   * title case (two function words capitalised inside it: "Could Do When Up Against ..."). Such a sentence
   * carries no name information beyond country names.
   */
  readonly shouting: Uint8Array;
  /** Per form id of lib/text.ts's tokens, the known form (this module's) of its spelling. */
  readonly forms: KnownForm[];
  private readonly source: TextTokens;

  constructor(source: TextTokens) {
    this.source = source;
    this.length = source.length;
    this.start = source.start;
    this.form = source.form;
    this.end = new Int32Array(source.length);
    this.sentence = new Int32Array(source.length);
    this.flags = new Uint8Array(source.length);
    this.shouting = new Uint8Array(source.sentences);
    this.forms = new Array(source.forms.length);
  }
  private formAt(i: number): KnownForm | undefined {
    return i >= 0 && i < this.length ? this.forms[this.form[i]] : undefined;
  }
  /** The token as written. */
  text(i: number): string {
    return this.formAt(i)?.text ?? '';
  }
  lower(i: number): string {
    return this.formAt(i)?.word.lower ?? '';
  }
  /** The article's record of this word (shared by every token of it). */
  word(i: number): Word {
    return this.forms[this.form[i]].word;
  }
  /** The token's normalizeKey ("U.S." -> "US"), worked out once per written form. */
  key(i: number): string {
    const form = this.formAt(i);
    if (!form) return '';
    return (form.key ??= normalizeKey(form.text));
  }
  /** The word's lib/stance.ts WORD_CLASS bits (0 out of range). */
  classes(i: number): number {
    return this.formAt(i)?.word.classes ?? 0;
  }
  /** Starts with a capital letter. */
  cap(i: number): boolean {
    return this.formAt(i)?.cap ?? false;
  }
  /** Whether the token's form has all the SHAPE bits `bits` (false out of range). */
  is(i: number, bits: number): boolean {
    const form = this.formAt(i);
    return form !== undefined && (form.shape & bits) === bits;
  }
  /** Followed by a possessive 's (left out of the token). */
  poss(i: number): boolean {
    return (this.flags[i] & POSSESSIVE) !== 0;
  }
  /** First in its sentence, or right after an opening mark (a quotation starts with a capital). */
  initial(i: number): boolean {
    return (this.flags[i] & INITIAL) !== 0;
  }
  /** Written with a period that does not end its sentence ("Gen.", "Feb."): an abbreviation. */
  abbreviation(i: number): boolean {
    return (this.flags[i] & ABBREVIATION) !== 0;
  }
  /** Index of the first token starting at or after `offset` (length when none): the tokens are the source's. */
  firstStartingAt(offset: number): number {
    return this.source.firstTokenAt(offset);
  }
}

/**
 * One way a word is written ("Russia", "russia"), shared by every token written so: its word lists' answers
 * and key. Kept from article to article (most of an article's forms were in the last one: asking the word
 * lists again for each was a tenth of a 2,000-word summary), bounded: emptied when full. An article's tokens
 * point at these records themselves, so tokenizing allocates nothing per form or word it has met before.
 */
interface KnownForm {
  /** As written, without a final period or a possessive 's. */
  text: string;
  /** Starts with a capital letter. */
  cap: boolean;
  word: KnownWord;
  /** SHAPE bits. */
  shape: number;
  key?: string;
}
/** What a written form is, whatever the article: bits of KnownForm.shape. */
const SHAPE = {
  /** A word, not clause punctuation. */
  word: 1,
  /** Capitalised, all in capitals ("NATO", "WASHINGTON"). */
  allCaps: 2,
  /** All capitals with optional dots ("IS", "U.N."). */
  acronym: 4,
  /** A title proper or honorific ("President", "Mr"). */
  titleProper: 8,
  /** A function word, or one with a contraction ("We're"). */
  functionWord: 16,
};
/** A lower-case word, with its lemma's record and the tokenize call whose article facts it holds. */
interface KnownWord extends Word {
  known: KnownLemma | null;
  article: number;
}
interface KnownLemma {
  lemma: string;
  issue: boolean;
  key: string;
  article: number;
  id: number;
}
const KNOWN_LIMIT = 50_000;
const knownForms = new Map<string, KnownForm>();
const knownWords = new Map<string, KnownWord>();
const knownLemmas = new Map<string, KnownLemma>();
/** Counts tokenize calls: a known word's or lemma's article record is current only for the call that made it. */
let articleCount = 0;

/** What a raw form (as lib/text.ts cuts it, a final period or possessive included) is here. */
interface RawForm {
  known: KnownForm;
  /** How many characters its tokens lose at the end. */
  cut: number;
  /** POSSESSIVE and ABBREVIATION (a final period that is no dotted acronym's). */
  flags: number;
}

/**
 * Raw forms met in earlier articles, found through the hash lib/text.ts's form table already made of each
 * form's key (open addressing): a Map keyed by the form's text hashed each new string anew, a twelfth of a
 * 2,000-word summary. Emptied with the other known records.
 */
class RawForms {
  private slots = new Int32Array(4096).fill(-1);
  private hashes: number[] = [];
  private texts: string[] = [];
  private entries: RawForm[] = [];
  get size(): number {
    return this.entries.length;
  }
  find(hash: number, text: string): RawForm | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask, k = this.slots[slot]; k >= 0; slot = (slot + 1) & mask, k = this.slots[slot])
      if (this.hashes[k] === hash && this.texts[k] === text) return this.entries[k];
    return undefined;
  }
  add(hash: number, text: string, entry: RawForm): void {
    this.hashes.push(hash);
    this.texts.push(text);
    this.entries.push(entry);
    if (this.entries.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      for (let k = 0; k < this.entries.length; k++) this.place(k);
    } else this.place(this.entries.length - 1);
  }
  clear(): void {
    this.slots = new Int32Array(4096).fill(-1);
    this.hashes = [];
    this.texts = [];
    this.entries = [];
  }
  private place(k: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[k] & mask;
    while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = k;
  }
}
const rawForms = new RawForms();

/** What the raw form `raw` is: a trailing period and a possessive 's are cut, and its known form looked up. */
function rawForm(raw: string): RawForm {
  let length = raw.length;
  // a trailing period ends the sentence or an abbreviation ("Mr."); dotted acronyms keep theirs ("U.S.")
  const period = raw.charCodeAt(length - 1) === 46;
  const dotted = period && raw.lastIndexOf('.', length - 2) >= 0;
  if (period && !dotted) length--;
  // "Russia's" and the plural "sides'" are possessives
  const poss = length > 2 && possessiveEnd(raw, length);
  if (poss) length -= isApostrophe(raw.charCodeAt(length - 1)) ? 1 : 2;
  return {
    known: knownForm(length === raw.length ? raw : raw.slice(0, length)),
    cut: raw.length - length,
    flags: (poss ? POSSESSIVE : 0) | (period && !dotted ? ABBREVIATION : 0),
  };
}

function knownForm(written: string): KnownForm {
  let known = knownForms.get(written);
  if (known) return known;
  const lower = hasUpperOrNonAscii(written) ? written.toLowerCase() : written;
  let word = knownWords.get(lower);
  if (!word) {
    const opens = (NOUN_OPENERS.has(lower) ? NOUN_OPENING : 0) | (VERB_OPENERS.has(lower) ? VERB_OPENING : 0) | (FUNCTION_WORDS.has(lower) ? FUNCTION_WORD : 0);
    const lemmaText = issueLemma(lower);
    let lemma = lemmaText ? knownLemmas.get(lemmaText) : null;
    if (lemmaText && !lemma) knownLemmas.set(lemmaText, (lemma = { lemma: lemmaText, issue: issueWord(lemmaText), key: `I:${lemmaText}`, article: -1, id: -1 }));
    word = {
      lower,
      seenLower: false,
      seenMidCap: false,
      lemma: lemmaText,
      lemmaId: -1,
      issueLemma: lemma?.issue ?? false,
      issueKey: lemma?.key ?? '',
      polarity: wordPolarity(lower),
      role: roles.has(lower),
      opens,
      classes: wordClasses(lower),
      known: lemma ?? null,
      article: -1,
    };
    knownWords.set(lower, word);
  }
  const c = written.charCodeAt(0);
  const cap = isUpper(c) || ((c === 97 || c === 101) && NAME_PARTICLE_CAPITAL.test(written));
  const apostrophe = lower.search(/['’]/);
  const shape =
    (written.length > 1 || !CLAUSE_PUNCTUATION.has(written) ? SHAPE.word : 0) |
    (cap && written === written.toUpperCase() ? SHAPE.allCaps : 0) |
    (ACRONYM.test(written) ? SHAPE.acronym : 0) |
    (HONORIFICS.has(lower) || (written.length > 2 && TITLES.has(lower)) ? SHAPE.titleProper : 0) |
    (FUNCTION_WORDS.has(lower) || (apostrophe > 0 && FUNCTION_WORDS.has(lower.slice(0, apostrophe))) ? SHAPE.functionWord : 0);
  known = { text: written, cap, word, shape };
  knownForms.set(written, known);
  return known;
}

/**
 * The article's sentences and tokens (lib/text.ts's, which the earlier stages have cut already when they read
 * this text), with what topic finding needs.
 */
export function tokenize(text: string, source = textTokens(text)): Tokens {
  loadAliases();
  if (knownForms.size >= KNOWN_LIMIT || rawForms.size >= KNOWN_LIMIT) {
    rawForms.clear();
    knownForms.clear();
    knownWords.clear();
    knownLemmas.clear();
  }
  const article = ++articleCount;
  let lemmas = 0;
  const tokens = new Tokens(source);
  const { forms, end: ends, sentence: sentences, flags, shouting } = tokens;
  /** Per form: how many characters its tokens lose at the end, and whether that is a possessive / a kept acronym's dot. */
  const cut = new Uint8Array(source.forms.length);
  const formFlags = new Uint8Array(source.forms.length);
  const { keyHashes } = source;
  for (let s = 0; s < source.sentences; s++) {
    const from = source.sentenceStart[s];
    const to = source.sentenceEnd[s];
    const last = source.sentenceToken[s + 1];
    let words = 0;
    let capitals = 0;
    let titleCase = 0;
    for (let i = source.sentenceToken[s]; i < last; i++) {
      const f = source.form[i];
      let form = forms[f];
      if (!form) {
        const raw = source.forms[f].text;
        let entry = rawForms.find(keyHashes[f], raw);
        if (!entry) rawForms.add(keyHashes[f], raw, (entry = rawForm(raw)));
        cut[f] = entry.cut;
        formFlags[f] = entry.flags;
        form = forms[f] = entry.known;
        const word = form.word;
        if (word.article !== article) {
          // the word's first form in this article: its article facts start afresh
          const lemma = word.known;
          if (lemma && lemma.article !== article) {
            lemma.article = article;
            lemma.id = lemmas++;
          }
          word.article = article;
          word.seenLower = false;
          word.seenMidCap = false;
          word.lemmaId = lemma ? lemma.id : -1;
        }
      }
      const start = source.start[i];
      const next = source.end[i];
      ends[i] = next - cut[f];
      sentences[i] = s;
      let before = start - 1;
      while (before >= from && text.charCodeAt(before) === 32) before--;
      const initial = i === source.sentenceToken[s] || (before >= from && isOpeningMark(text.charCodeAt(before)));
      if (!form.cap) form.word.seenLower = true;
      else if (!initial) form.word.seenMidCap = true;
      // a period that does not end the sentence: an abbreviation ("Gen.")
      const abbreviation = (formFlags[f] & ABBREVIATION) !== 0 && next < to;
      flags[i] = (formFlags[f] & POSSESSIVE) | (initial ? INITIAL : 0) | (abbreviation ? ABBREVIATION : 0);
      if (form.cap && !initial && form.word.opens & FUNCTION_WORD) titleCase++;
      if (ends[i] - start >= 3) {
        words++;
        if (form.shape & SHAPE.allCaps) capitals++;
      }
    }
    if ((words >= 3 && capitals * 2 >= words) || titleCase >= 2) shouting[s] = 1;
  }
  return tokens;
}

const NOUN_OPENING = 1;
const VERB_OPENING = 2;
const FUNCTION_WORD = 4;

// ---------------------------------------------------------------------------------------------------------
// Alias data (built by scripts/build-topic-aliases.ts)

/**
 * "U.S." -> "US", "the Islamic State" -> "ISLAMIC STATE", "al-Qaeda" -> "AL-QAEDA". Kept from article to article
 * like the word lists' answers (bounded): names recur, and a name's key takes five string rewrites.
 */
export const normalizeKey = remembered(keyOfWords, KNOWN_LIMIT);

function keyOfWords(words: string): string {
  const upper = words.toUpperCase();
  // one word without dots or apostrophes (most calls) needs no rewriting
  if (!/[.’´\s]/.test(upper)) return upper;
  return upper
    .replace(/\./g, '')
    .replace(/[’´]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^THE /, '')
    .trim();
}

/** Function words that may open a sentence capitalised without being a name. */
const FUNCTION_WORDS = new Set(
  ('a an the and or but if in on at to of for by with from as is are was were be been being have has had do does did this that these these those ' +
    'it its he she they we you i his her their our my your there here what when where who why how after before ahead according while since ' +
    'despite during also then so not no yes must will would could should can may might shall said says say told tell more most very much many ' +
    'such other than only even still now just over into about against under several some many all any each every both few another ' +
    'whether because although though unless until whereas between among amid across through toward towards without within upon behind beyond'
  ).split(' '),
);

// The alias tables, built from the alias data on first use (loadAliases, called by tokenize and findTopics), not
// at module load: a cold service worker evaluates this module before the page's first highlights, and needs the
// summary only after them (keying the data's names was the largest part of the module's load).
/** Country and body forms by key ("RUSSIA", "MOSCOW", "RUSSIAN", "UN") -> code. */
let countryByForm: Map<string, CountryCode>;
/** Country adjectives ("RUSSIAN"), by key: a name after one is a person's, not a thing named after the country. */
let countryAdjectives: Set<string>;
/** First word of each country form -> the most words a form starting with it has. */
let countryFormLength: Map<string, number>;
/** Phoenix synonym -> group head key. */
let groupHead: Map<string, string>;
let roles: Set<string>;
let aliasesLoaded = false;

function loadAliases(): void {
  if (aliasesLoaded) return;
  aliasesLoaded = true;
  countryByForm = new Map();
  for (const c of aliasData.countries) {
    const forms = [...c.names, c.capital, c.adjective, c.adjective && `${c.adjective}s`];
    for (const form of forms) if (form && !countryByForm.has(normalizeKey(form))) countryByForm.set(normalizeKey(form), c.code);
  }
  // International bodies count as countries do (their code is a side's, like a country's), by the names the
  // knowledge base gives them; a name that is also a function word ("WHO", "who") is no name to read.
  for (const body of aliasData.bodies) {
    for (const name of body.names) {
      const key = normalizeKey(name);
      if (!countryByForm.has(key) && !FUNCTION_WORDS.has(name)) countryByForm.set(key, body.code);
    }
  }
  countryAdjectives = new Set(aliasData.countries.flatMap((c) => (c.adjective ? [normalizeKey(c.adjective)] : [])));
  countryFormLength = new Map();
  for (const form of countryByForm.keys()) {
    const words = form.split(' ');
    countryFormLength.set(words[0], Math.max(countryFormLength.get(words[0]) ?? 0, words.length));
  }
  groupHead = new Map();
  for (const g of aliasData.groups) for (const a of g.aliases) groupHead.set(normalizeKey(a), normalizeKey(g.name));
  roles = new Set(aliasData.roles);
}

/** A country word that is an adjective: a nationality ("Russian") or a compound ("Russian-backed", "U.S.-led"). */
const countryAdjective = (key: string) => countryAdjectives.has(key) || key.includes('-');

/** A word (by its key) that starts a country's name or is a country adjective joined to another word ("Russian-backed"). */
const countryWord = (key: string) => {
  const hyphen = key.indexOf('-');
  return countryFormLength.has(key) || (hyphen >= 0 && countryByForm.has(key.slice(0, hyphen)));
};

/** Honorifics that stand before a name but are not role nouns of the agents dictionary. */
const HONORIFICS = new Set('mr mrs ms dr sir lady lord mr. mrs. ms. dr.'.split(' '));
/** Words that, after a country, name its government: "the Syrian regime", "Russia's government". */
const GOVERNMENT_WORDS = new Set(['regime', 'government', 'administration', 'authorities', 'leadership']);
/** Titles that make a named person the country's leader: "Syrian President Bashar al-Assad". */
const LEADER_TITLES = new Set(['president', 'leader', 'premier', 'prime', 'king', 'chancellor', 'emir', 'dictator']);
/** Day names, which are capitalised but never topics, and end a name they follow ("in Bergen Tuesday"). */
const WEEKDAYS = new Set(['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);
/**
 * Day and month names: no topics on their own. (Written out: formatting dates to get them initialised the
 * runtime's date data, 30-75 ms of every service-worker start.)
 */
const CALENDAR_WORDS = new Set([
  ...WEEKDAYS,
  ...['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'],
]);
/** All capitals (with optional dots): "IS", "NATO", "U.N.". */
const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;
const CONNECTORS = new Set(['of', 'of the', 'de', 'al', 'bin', 'ibn', 'von', 'van', 'la', 'le', 'del']);
const NAME_PARTICLE = /^(?:al|el|ad|as|ash|an|at|ar|az)-/i;

// ---------------------------------------------------------------------------------------------------------
// Topic finding

/** Union-find over topic keys, so aliases found anywhere in the article join one topic. */
class KeyUnion {
  private parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    if (root !== key) this.parent.set(key, root);
    return root;
  }
  union(a: string, b: string) {
    const ra = this.find(a);
    const rb = this.find(b);
    // Country keys stay roots so a merged topic keeps its country.
    if (ra !== rb) {
      if (rb.startsWith('C:')) this.parent.set(ra, rb);
      else this.parent.set(rb, ra);
    }
  }
}

interface RawMention {
  first: number;
  last: number;
  key: string;
  kind: TopicKind;
  surface: string;
  /** For "the Syrian regime": resolved to the country's leader at the end, when the article names one. */
  governmentOf?: CountryCode;
  /** An issue named by the name before it: Topic.qualified. */
  qualified?: Topic['qualified'];
  modifier?: boolean;
  /** The key's root in the article's KeyUnion, once the unions are done. */
  root?: string;
}

const initials = (words: string[]) =>
  words
    .filter((w) => !['of', 'the', 'and', 'for', 'de'].includes(w.toLowerCase()))
    .map((w) => w[0].toUpperCase())
    .join('');

/** Finds every topic mention in the article and merges aliases. Linear in the number of tokens. */
export function findTopics(text: string, tokens: Tokens = tokenize(text)): TopicIndex {
  loadAliases();
  // Punctuation tokens are one character and never letters or digits.
  const isWord = (i: number) => tokens.is(i, SHAPE.word);
  /** A capitalised token that can be part of a name: not a sentence-opening common word. */
  const nameToken = (i: number) => {
    if (!tokens.cap(i) || !isWord(i)) return false;
    if (tokens.shouting[tokens.sentence[i]]) return countryWord(tokens.key(i));
    if (tokens.is(i, SHAPE.acronym)) return true;
    // "We're", "I'll": a pronoun with a contraction.
    if (tokens.is(i, SHAPE.functionWord)) return false;
    if (!tokens.initial(i)) return true;
    const word = tokens.word(i);
    if (word.seenLower) return false;
    // A word that only ever opens sentences ("Immediately", "Either") is a name only when a name follows it.
    const next = i + 1;
    return (
      word.seenMidCap ||
      countryWord(tokens.key(i)) ||
      groupHead.has(tokens.key(i)) ||
      (tokens.sentence[next] === tokens.sentence[i] && tokens.cap(next) && isWord(next) && !WEEKDAYS.has(tokens.key(next)))
    );
  };
  /**
   * A title proper (lib/lexicon.ts's titles, honorifics) or an abbreviation ("Gen.", "Sen."); not an initial
   * ("Donald J. Trump") and not the two-letter bodies the title list holds for "U.N. Secretary-General" ("Kim Jong Un").
   */
  const titleWord = (i: number) => {
    const written = tokens.text(i);
    return !tokens.is(i, SHAPE.acronym) && written.length > 1 && (tokens.is(i, SHAPE.titleProper) || tokens.abbreviation(i));
  };
  /** A word that reads as a title or role rather than a name: in the agents dictionary or seen lowercase. */
  const roleWord = (i: number) => titleWord(i) || (!tokens.is(i, SHAPE.acronym) && (tokens.word(i).role || (tokens.word(i).seenLower && !tokens.poss(i))));
  /** Role words and connectors ("Secretary of State"), which stand before a name. */
  const titlePart = (i: number) => roleWord(i) || CONNECTORS.has(tokens.lower(i));
  /** The words of tokens [first, last], as written. */
  const wordsOf = (first: number, last: number) => {
    const words: string[] = [];
    for (let k = first; k <= last; k++) words.push(tokens.text(k));
    return words;
  };

  const raw: RawMention[] = [];
  const union = new KeyUnion();
  const leaders = new Map<CountryCode, string>();
  const affiliations = new Map<string, CountryCode>();
  const acronyms: { key: string; at: number }[] = [];
  const expansions = new Map<string, string>();
  /** Token index where a name tied to an earlier one by "also known as" starts -> that earlier name's key. */
  const linkNext = new Map<number, string>();

  /** The country whose form starts at token i (longest match), with the index of its last token. */
  const countryAt = (i: number, to: number): { code: CountryCode; last: number } | null => {
    const one = tokens.key(i);
    const longest = countryFormLength.get(one);
    if (!longest) {
      // "Russian-backed", "US-led": the country before the hyphen.
      const hyphen = one.indexOf('-');
      const head = hyphen > 0 ? countryByForm.get(one.slice(0, hyphen)) : undefined;
      return head ? { code: head, last: i } : null;
    }
    for (let n = Math.min(longest, to - i + 1); n >= 1; n--) {
      const key = n === 1 ? one : normalizeKey(wordsOf(i, i + n - 1).join(' '));
      const code = countryByForm.get(key);
      if (code) return { code, last: i + n - 1 };
    }
    return null;
  };

  /** Adds a name's mention; `thing`: a thing named after a country or body ("U.N. Charter"), keyed by all its words. */
  const addName = (first: number, last: number, thing = false) => {
    const one = first === last;
    const surface = text.slice(tokens.start[first], tokens.end[last]);
    let allRoles = true;
    for (let k = first; k <= last && allRoles; k++) allRoles = titlePart(k);
    if (one && (allRoles || HONORIFICS.has(tokens.lower(first)))) return;
    const lastWord = tokens.text(last);
    let key: string;
    let kind: TopicKind;
    if (thing) {
      key = normalizeKey(surface);
      kind = 'organisation';
    } else if (!one && !roleWord(last) && !/^[\p{Lu}\p{N}.]+$/u.test(lastWord)) {
      // A person (or a name-headed organisation): keyed by the last word, particles dropped ("al-Assad" -> ASSAD).
      // A last word of one or two letters is a given name or an initial, not a surname ("Kim Jong Un"), and
      // would meet an acronym's key ("U.N." -> UN): the whole name is the key.
      key = normalizeKey(lastWord.replace(NAME_PARTICLE, ''));
      if (key.length <= 2) key = normalizeKey(surface);
      kind = 'person';
    } else {
      // A lone "al-Assad" meets "Bashar al-Assad" on the surname without its particle.
      key = normalizeKey(one ? surface.replace(NAME_PARTICLE, '') : surface);
      kind = one && !allRoles && !/^[\p{Lu}\p{N}.]+$/u.test(lastWord) ? 'person' : 'organisation';
      if (one && ACRONYM.test(lastWord)) acronyms.push({ key, at: first });
      else if (!one) expansions.set(initials(wordsOf(first, last)), key);
    }
    // Dictionary synonyms join names used alone ("Isil", "Daesh"); full names already meet on their surname.
    if (one || kind !== 'person') key = groupHead.get(key) ?? key;
    // A day or month alone is no topic; "Theresa May" is.
    if (key.length > 1 && !(one && CALENDAR_WORDS.has(key))) raw.push({ first, last, key, kind, surface });
    return key;
  };

  /** Splits a capitalised sequence into country, title and name parts. */
  const addSequence = (first: number, last: number) => {
    const sequenceStart = raw.length;
    let i = first;
    let country: { code: CountryCode; last: number } | null = null;
    while (i <= last) {
      const c = countryAt(i, last);
      if (!c) break;
      raw.push({ first: i, last: c.last, key: `C:${c.code}`, kind: 'country', surface: '' });
      country = c;
      i = c.last + 1;
    }
    if (i > last) return;
    // Titles before a name: "President", "Foreign Minister", "Secretary of State", "Mr".
    let nameStart = i;
    while (nameStart < last && titlePart(nameStart)) nameStart++;
    const titlesFrom = i;
    let titlesTo = nameStart;
    const allTitles = nameStart === last && titlePart(last);
    // "EU Association Agreement", "U.N. Charter": a thing named after the country or body, a topic of its own
    // (its last word is a common noun but no role noun of the agents dictionary). One capitalised word after a
    // country written as a noun ("U.N. Charter", "China Daily") is such a thing too, where after an adjective
    // it is a person ("Syrian Assad").
    const thing = country && i === last && !titleWord(last) && !tokens.word(last).role && !countryAdjective(tokens.key(country.last));
    if (thing || (country && allTitles && !titleWord(last) && !tokens.word(last).role)) {
      raw.length = sequenceStart;
      addName(first, last, true);
      return;
    }
    if (country && (allTitles || nameStart > last)) {
      // "Russian Defense Ministry", "Syrian Army": an institution of the country.
      const govWord = tokens.lower(last);
      raw[raw.length - 1].last = last;
      if (GOVERNMENT_WORDS.has(govWord)) raw[raw.length - 1].governmentOf = country.code;
      return;
    }
    if (allTitles) {
      addName(i, last);
      return;
    }
    // Words the article also writes in lower case are titles only before a title proper ("Foreign Minister",
    // "Secretary of State"): "Super Bowl" and "World War II" are names as written.
    let titleProper = false;
    for (let k = titlesFrom; k < titlesTo && !titleProper; k++) titleProper = titleWord(k);
    if (!titleProper) {
      nameStart = i;
      titlesTo = titlesFrom;
    }
    // A title proper further in starts a person's name after it and the role words with it ("Maryland Gov.
    // Martin O'Malley", "Chief of Staff Rahm Emanuel"); a name ending in a role noun stays whole ("Florida
    // Democratic Party").
    if (!roleWord(last)) {
      for (let k = nameStart; k < last; k++) {
        if (!titleWord(k)) continue;
        nameStart = k + 1;
        while (nameStart < last && titlePart(nameStart)) nameStart++;
        k = nameStart - 1;
      }
    }
    const countryMentions = raw.length;
    const key = addName(nameStart, last);
    if (country && key) for (let r = sequenceStart; r < countryMentions; r++) raw[r].modifier = true;
    if (country && key && titlesTo > titlesFrom) affiliations.set(key, country.code);
    let leaderTitle = false;
    for (let k = titlesFrom; k < titlesTo && !leaderTitle; k++) leaderTitle = LEADER_TITLES.has(tokens.lower(k));
    if (country && key && leaderTitle) leaders.set(country.code, key);
  };

  for (let i = 0; i < tokens.length; i++) {
    if (!nameToken(i)) continue;
    let j = i;
    // Extend over capitalised words and connectors that lead to another capitalised word ("Secretary of State").
    while (j + 1 < tokens.length && tokens.sentence[j + 1] === tokens.sentence[i]) {
      const next = j + 1;
      const nextCap = tokens.cap(next);
      // A day ends a name ("in Europe Tuesday").
      if (nextCap && WEEKDAYS.has(tokens.key(next))) break;
      const gap = tokens.start[next] - tokens.end[j];
      if (tokens.poss(j)) {
        // A common noun's possessive inside a name continues it ("Kurdish People's Protection Units"); a
        // name's possessive ends the name ("Russia's Foreign Ministry").
        if (!(tokens.word(j).seenLower && !tokens.initial(j) && nextCap && isWord(next) && gap <= 3)) break;
        j++;
        continue;
      }
      // (an abbreviation's period stands between: "Donald J. Trump", "Gen. Ivanov")
      if (nextCap && isWord(next) && gap <= (tokens.abbreviation(j) ? 2 : 1)) {
        j++;
        continue;
      }
      const nextLower = tokens.lower(next);
      if (CONNECTORS.has(nextLower) && j + 2 < tokens.length && tokens.cap(j + 2) && isWord(j + 2)) {
        j += 2;
        continue;
      }
      if (nextLower === 'of' && tokens.lower(j + 2) === 'the' && tokens.cap(j + 3)) {
        j += 3;
        continue;
      }
      break;
    }
    const before = raw.length;
    addSequence(i, j);
    // "Russia's government", "the Syrian regime": a lone country followed by a government word.
    if (raw.length === before + 1 && raw[before].kind === 'country' && raw[before].last === j && GOVERNMENT_WORDS.has(tokens.lower(j + 1))) {
      raw[before].last = j + 1;
      raw[before].governmentOf = raw[before].key.slice(2);
    }
    // "Islamic State of Iraq and the Levant (ISIL)", "X, also known as Y": tie the two names.
    if (raw.length > before) {
      const here = raw[raw.length - 1];
      if (tokens.text(j + 1) === '(' && tokens.text(j + 3) === ')' && ACRONYM.test(tokens.text(j + 2))) {
        const acr = tokens.key(j + 2);
        union.union(groupHead.get(acr) ?? acr, here.key);
        expansions.set(acr, here.key);
      }
      const k = tokens.text(j + 1) === ',' ? j + 2 : j + 1;
      if (tokens.lower(k) === 'also' && tokens.lower(k + 1) === 'known' && tokens.lower(k + 2) === 'as') linkNext.set(k + 3, here.key);
    }
    if (linkNext.size && raw.length > before) {
      const linked = linkNext.get(i);
      if (linked) union.union(linked, raw[raw.length - 1].key);
    }
    i = j;
  }

  // Acronyms used alone join the name whose initials they are ("IS" = "Islamic State").
  for (const a of acronyms) {
    const full = expansions.get(a.key);
    if (full) union.union(full, a.key);
  }
  // Governments resolve to the leader the article names, else stay the country.
  for (const m of raw) if (m.governmentOf && leaders.has(m.governmentOf)) m.key = leaders.get(m.governmentOf)!;
  // "the North" after "North Korea": a lone first word of a country's name the article writes in full is that
  // country, when only one such country starts with it.
  const countriesByFirstWord = new Map<string, Set<string>>();
  for (const m of raw) {
    if (m.kind !== 'country' || m.last === m.first) continue;
    const first = tokens.key(m.first);
    countriesByFirstWord.set(first, (countriesByFirstWord.get(first) ?? new Set()).add(m.key));
  }
  for (const m of raw) {
    const countries = m.kind !== 'country' && m.first === m.last ? countriesByFirstWord.get(m.key) : undefined;
    if (countries?.size !== 1) continue;
    m.key = [...countries][0];
    m.kind = 'country';
  }

  return buildIndex(text, tokens, raw, union, affiliations);
}

function buildIndex(
  text: string,
  tokens: Tokens,
  raw: RawMention[],
  union: KeyUnion,
  affiliations: Map<string, CountryCode>,
): TopicIndex {
  for (const m of raw) m.root = union.find(m.key);
  dropModifiers(tokens, raw);
  dropChannels(tokens, raw);
  addIssues(tokens, raw);
  raw.sort((a, b) => a.first - b.first || b.last - a.last);
  const topics: Topic[] = [];
  const byRoot = new Map<string, Topic>();
  /** Per topic that is no country, how often each form is written (its display name is picked from them). */
  const surfaces: (Map<string, number> | null)[] = [];
  const mentions: TopicMention[] = [];
  const mentionAt = new Int32Array(tokens.length).fill(-1);
  for (const m of raw) {
    if (mentionAt[m.first] !== -1) continue;
    const root = m.root ?? union.find(m.key);
    let topic = byRoot.get(root);
    if (!topic) {
      const country = root.startsWith('C:') ? root.slice(2) : null;
      topic = { id: topics.length, name: '', kind: country ? 'country' : m.kind, country, key: root, affiliation: null, aliases: [], ...(m.qualified && { qualified: m.qualified }) };
      byRoot.set(root, topic);
      topics.push(topic);
      surfaces.push(country ? null : new Map());
    }
    topic.affiliation ??= affiliations.get(m.key) ?? null;
    if (!topic.aliases.includes(m.key)) topic.aliases.push(m.key);
    const start = tokens.start[m.first];
    const end = tokens.end[m.last];
    const written = surfaces[topic.id];
    if (written) {
      const surface = m.surface || text.slice(start, end);
      written.set(surface, (written.get(surface) ?? 0) + 1);
    }
    const mention = { start, end, topic: topic.id, first: m.first, last: m.last, modifier: !!m.modifier };
    for (let t = m.first; t <= m.last; t++) mentionAt[t] = mentions.length;
    mentions.push(mention);
  }
  for (const t of topics) t.name = t.country ? countryName(t.country) : displayName(surfaces[t.id]!);
  return { tokens, topics, mentions, mentionAt };
}

/**
 * A one-word name shaped like an adjective (-ern, -ic, -ish, -ese, -ian, -ican: "Western", "Kurdish", "Hispanic") that
 * the article only ever writes before a common noun ("Western press", "Kurdish fighters") is a modifier there,
 * not a topic of its own. Countries stay; a name ever followed by anything else ("Kurdish said", "the Kurdish.")
 * is kept, and so are nouns used as modifiers ("GOP nominee", "U.N. resolution"), which are topics.
 */
const ADJECTIVE_ENDING = /(?:ern|ic|ish|ese|ian|ican)$/;
function dropModifiers(tokens: Tokens, raw: RawMention[]): void {
  const modifierOnly = new Map<string, boolean>();
  for (const m of raw) {
    if (m.kind === 'country') continue;
    const root = m.root!;
    const next = m.last + 1;
    const beforeNoun =
      m.first === m.last &&
      ADJECTIVE_ENDING.test(tokens.lower(m.first)) &&
      !tokens.poss(m.first) &&
      next < tokens.length &&
      tokens.sentence[next] === tokens.sentence[m.first] &&
      tokens.start[next] - tokens.end[m.last] === 1 &&
      /^\p{Ll}/u.test(tokens.text(next)) &&
      tokens.word(next).lemmaId >= 0 &&
      !tokens.lower(next).endsWith('ed') &&
      !SPEECH_VERBS.has(tokens.lower(next));
    modifierOnly.set(root, (modifierOnly.get(root) ?? true) && beforeNoun);
  }
  let kept = 0;
  for (const m of raw) if (m.kind === 'country' || !modifierOnly.get(m.root!)) raw[kept++] = m;
  raw.length = kept;
}

/** Words before a name that make it the audience or channel of speech: "told CNN", "according to Reuters". */
const AUDIENCE_WORDS = new Set(['told', 'tells', 'telling']);
const CHANNEL_PAIRS = new Set(['according to', 'interview with', 'quoted by', 'reported by', 'news agency']);
/** The last words of CHANNEL_PAIRS, tested first. */
const CHANNEL_PAIR_ENDS = new Set([...CHANNEL_PAIRS].map((pair) => pair.slice(pair.indexOf(' ') + 1)));
/** Words after a name that make it a channel: "Interfax reported", "Associated Press contributed". */
const CHANNEL_AFTER = new Set(['reported', 'reports', 'contributed', 'news']);

/**
 * A name the article uses mostly as the audience or channel of speech — "told CNN", "according to Reuters",
 * "Interfax reported", "the Interfax news agency", the dateline's "(CNN) --" — is the outlet that carries the
 * statements, not something they are about: more than half of its mentions so used drop it as a topic.
 * Countries stay ("told Russia that ..."), as do names the article uses otherwise at least as often ("told Kerry").
 */
function dropChannels(tokens: Tokens, raw: RawMention[]): void {
  const uses = new Map<string, { channel: number; all: number }>();
  for (const m of raw) {
    if (m.kind === 'country') continue;
    const root = m.root!;
    // (past a "the": "told the Associated Press", "according to the state news agency")
    const before = tokens.lower(m.first - 1) === 'the' ? m.first - 2 : m.first - 1;
    const dateline = tokens.text(m.first - 1) === '(' && tokens.text(m.last + 1) === ')' && /^[-—–]+$/.test(tokens.text(m.last + 2));
    const channel =
      AUDIENCE_WORDS.has(tokens.lower(before)) ||
      (CHANNEL_PAIR_ENDS.has(tokens.lower(before)) && CHANNEL_PAIRS.has(`${tokens.lower(before - 1)} ${tokens.lower(before)}`)) ||
      CHANNEL_AFTER.has(tokens.lower(m.last + 1)) ||
      dateline;
    const count = uses.get(root) ?? { channel: 0, all: 0 };
    count.all++;
    if (channel) count.channel++;
    uses.set(root, count);
  }
  let kept = 0;
  for (const m of raw) {
    const count = m.kind === 'country' ? undefined : uses.get(m.root!);
    if (!count || count.channel * 2 <= count.all) raw[kept++] = m;
  }
  raw.length = kept;
}

/** The most used multi-word form ("Islamic State" over "IS"), ties to the longer; else the most used form. */
function displayName(surfaces: Map<string, number>): string {
  let best = '';
  let bestScore = -1;
  for (const [surface, count] of surfaces) {
    const score = (surface.includes(' ') ? 1000 : 0) + count * 10 + Math.min(surface.length, 9) / 10;
    if (score > bestScore) {
      best = surface;
      bestScore = score;
    }
  }
  return best.replace(/^the\s+/i, '');
}

// ---------------------------------------------------------------------------------------------------------
// Issues: common nouns the article returns to

/** Words that open a noun phrase: determiners and possessive pronouns. */
const NOUN_OPENERS = new Set('the a an this these those its their our his her any every each some'.split(' '));
/** Words before a verb: a subject pronoun, "to" or a modal ("they live", "to deal", "must act"). */
const VERB_OPENERS = new Set('i we you he she they it who to will would could should can may might must not'.split(' '));
const MIN_ISSUE_MENTIONS = 2;
/**
 * Nouns that head phrases in every article without being what it is about: time, manner and quantity
 * ("time", "way", "lot"); the class of a named thing, which stands for that name ("the country", "the
 * region"); people by their relation ("his wife", "the crowd"); and events of speech, which carry statements
 * rather than being their matter ("a statement", "the interview", "his remarks").
 */
const GENERIC_NOUNS = new Set(
  ('time way thing issue move part week year day month hour night moment people lot kind number fact point place end case matter ' +
    'today tomorrow yesterday side future result change effort attempt need situation role process idea detail list line view event ' +
    'country nation region world area city town province capital ' +
    'wife husband father mother son daughter brother sister family child friend crowd ' +
    'statement speech message remark comment interview conversation briefing conference talk word story description tweet video'
  ).split(' '),
);
const MIN_ISSUE_HEADS = 2;
const CONTENT_WORD = /^\p{L}+(?:-\p{L}+)*$/u;
/** Letters, with single inner hyphens (CONTENT_WORD; a plain ASCII word is tested without the Unicode class). */
function isContentWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return CONTENT_WORD.test(w);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!letter && !(c === 45 && i > 0 && i < w.length - 1 && w.charCodeAt(i - 1) !== 45)) return false;
  }
  return w.length > 0;
}

/**
 * Adds to `raw` the lowercase nouns the article returns to: used at least twice as the head of a noun
 * phrase (the last word after a determiner or possessive: "the ceasefire", "Russia's airstrikes"). Role nouns
 * (official, minister), opinion words (they are stances, not topics) and function words never count. (Pushed
 * one by one: a long article has more mentions than a call may take arguments.)
 */
function addIssues(tokens: Tokens, raw: RawMention[]): void {
  // One pass to count, one to emit; each word's lemma and word-list tests were worked out once, in tokenize.
  const { forms, form, flags, length } = tokens;
  /** Per form: its lemma's id when written in lower case, else -1; and its word's `opens` bits (the token loops read these columns, not the records). */
  const formLemma = new Int32Array(forms.length);
  const formOpens = new Uint8Array(forms.length);
  for (let f = 0; f < forms.length; f++) {
    formLemma[f] = forms[f].cap ? -1 : forms[f].word.lemmaId;
    formOpens[f] = forms[f].word.opens;
  }
  // lemma ids are below the number of distinct words, so below the number of tokens
  const count = new Int32Array(length);
  const heads = new Int32Array(length);
  const verbs = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const l = formLemma[form[i]];
    if (l >= 0) {
      count[l]++;
      if (i > 0 && formOpens[form[i - 1]] & VERB_OPENING) verbs[l]++;
    }
    // "its", "the"; a possessive, but not a pronoun's contraction ("it's going", "that's because")
    const opens = formOpens[form[i]];
    if (!(opens & NOUN_OPENING) && !(flags[i] & POSSESSIVE && !(opens & FUNCTION_WORD))) continue;
    // The phrase's head is its last word, within three; a possessive ends it ("the international community's").
    let j = i + 1;
    let possessive = false;
    while (!possessive && j < length && j - i <= 3 && formLemma[form[j]] >= 0) possessive = (flags[j++] & POSSESSIVE) !== 0;
    if (j > i + 1) heads[formLemma[form[j - 1]]]++;
  }
  /** Per lemma: 0 not yet tested, 1 an issue, 2 not one. */
  const accepted = new Int8Array(length);
  /** Per token, 1 + the index in `raw` of the name (not a possessive) ending there, else 0: it may name an issue after it. */
  const nameEndingAt = new Int32Array(length);
  /** Per bare issue key, the named issues of it ("I:deal" -> "Iran deal"); and the bare mentions after a definite determiner. */
  const namedIssues = new Map<string, Map<string, RawMention>>();
  const definite: RawMention[] = [];
  for (let r = 0; r < raw.length; r++) if (!(flags[raw[r].last] & POSSESSIVE)) nameEndingAt[raw[r].last] = r + 1;
  for (let i = 0; i < length; i++) {
    const l = formLemma[form[i]];
    if (l < 0) continue;
    if (!accepted[l]) accepted[l] = count[l] >= MIN_ISSUE_MENTIONS && heads[l] >= MIN_ISSUE_HEADS && verbs[l] < heads[l] && forms[form[i]].word.issueLemma ? 1 : 2;
    if (accepted[l] !== 1) continue;
    const w = forms[form[i]].word;
    if (w.role || w.polarity !== 0 || !w.seenLower) continue;
    // "the Iran deal", "the Iran nuclear deal" (one lower-case word between, no verb form): the deal named
    // by Iran, a topic apart from other deals; the mention covers the name, which is no topic of its own there.
    const between = i - 1 >= 0 && formLemma[form[i - 1]] >= 0 && !verbEnding(tokens.lower(i - 1)) ? i - 2 : i - 1;
    const name = between >= 0 && nameEndingAt[between] ? raw[nameEndingAt[between] - 1] : undefined;
    const nameText = name && tokens.sentence[name.first] === tokens.sentence[i] ? wordsBetween(tokens, name.first, name.last) : '';
    if (name && nameText && !(name.kind === 'country' && countryAdjective(normalizeKey(nameText)))) {
      const qualified = { by: name.root!, key: w.issueKey, name: w.lemma };
      const key = `${w.issueKey} ${name.root}`;
      raw.push({ first: name.first, last: i, key, kind: 'issue', surface: `${nameText} ${tokens.text(i)}`, qualified });
      const keys = namedIssues.get(w.issueKey) ?? new Map<string, RawMention>();
      namedIssues.set(w.issueKey, keys.set(key, raw[raw.length - 1]));
    } else {
      raw.push({ first: i, last: i, key: w.issueKey, kind: 'issue', surface: w.lemma });
      if (DEFINITE.has(tokens.lower(between))) definite.push(raw[raw.length - 1]);
    }
  }
  // "the deal" after "the Iran deal" is that deal, when the article names only one ("a better deal" is another).
  for (const m of definite) {
    const named = namedIssues.get(m.key);
    if (named?.size !== 1) continue;
    const [[key, { qualified }]] = named;
    m.key = key;
    m.qualified = qualified;
  }
}

/** Ends in -ed or -s: may be a verb ("Iran signed deal"), not a word inside a noun phrase. */
function verbEnding(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  return last === 115 || (last === 100 && word.charCodeAt(word.length - 2) === 101);
}

/** Determiners that refer back to a thing already named. */
const DEFINITE = new Set(['the', 'this', 'that']);

/** The words of tokens [first, last] as written, joined by spaces. */
function wordsBetween(tokens: Tokens, first: number, last: number): string {
  const words: string[] = [];
  for (let k = first; k <= last; k++) words.push(tokens.text(k));
  return words.join(' ');
}

/** Whether the word lists allow a lemma as an issue: no generic noun, speech verb, role noun or opinion word. */
const issueWord = (lemma: string) => !GENERIC_NOUNS.has(lemma) && !SPEECH_VERBS.has(lemma) && !roles.has(lemma) && !isOpinionWord(lemma);

/** The form a word is counted under as an issue ("sanctions" -> "sanction", "militias" -> "militia"), or ''. */
function issueLemma(w: string): string {
  if (w.length < 4 || FUNCTION_WORDS.has(w) || !isContentWord(w)) return '';
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  // "speeches", "taxes", "buses": the plural -es after a sibilant
  if (w.length > 4 && /(?:ch|sh|ss|x|z)es$/.test(w)) return w.slice(0, -2);
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}
