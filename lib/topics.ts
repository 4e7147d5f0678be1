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
import { SPEECH_VERBS, TITLES } from './lexicon';
import { isOpinionWord, wordPolarity } from './stance';
import { hasUpperOrNonAscii, sentenceEnd, splitParagraphs, tokenEndAt } from './text';
import type { CountryCode, Span } from './types';

export interface Token extends Span {
  text: string;
  lower: string;
  /** The article's record of this word (shared by every token of it). */
  word: Word;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Followed by a possessive 's (stripped from `text`). */
  poss: boolean;
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /** First in its sentence, or right after an opening mark (a quotation starts with a capital). */
  initial: boolean;
  /** Written with a period that does not end its sentence ("Gen.", "Feb."): an abbreviation. */
  abbreviation: boolean;
}

/** One lower-case word of an article: what the article shows of it and what the word lists say it is. */
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
  /** The opinion lexicon's score (lib/stance.ts). */
  polarity: number;
  /** A role noun of the agents dictionary ("minister", "official"). */
  role: boolean;
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
  tokens: Token[];
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
/** Marks after which a capital opens a quotation or aside, as at a sentence start. */
const OPENING_MARKS = new Set(['"', '“', '‘', "'", '(', '[', ':', '—']);
const isUpper = (c: number) => (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());

/** The article's words and clause punctuation, sentence by sentence (lib/text.ts), with the sentence each belongs to. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const vocabulary = new Map<string, Word>();
  const lemmaIds = new Map<string, number>();
  let sentence = 0;
  for (const p of splitParagraphs(text)) {
    for (let from = p.start; from < p.end; sentence++) {
      const to = sentenceEnd(text, from, p.end);
      let first = true;
      for (let start = from; start < to; ) {
        let end = tokenEndAt(text, start, to);
        if (end < 0) {
          start++;
          continue;
        }
        const next = end;
        // a trailing period ends the sentence or an abbreviation ("Mr."); dotted acronyms keep theirs ("U.S.")
        const dotted = text.charCodeAt(end - 1) === 46 && text.lastIndexOf('.', end - 2) >= start;
        if (text.charCodeAt(end - 1) === 46 && !dotted) end--;
        // "Russia's" and the plural "sides'" are possessives
        const poss = end - start > 2 && possessiveEnd(text, end);
        if (poss) end -= isApostrophe(text.charCodeAt(end - 1)) ? 1 : 2;
        const word = text.slice(start, end);
        let before = start - 1;
        while (before >= from && text.charCodeAt(before) === 32) before--;
        const c = word.charCodeAt(0);
        const lower = hasUpperOrNonAscii(text, start, end) ? word.toLowerCase() : word;
        const cap = isUpper(c) || ((c === 97 || c === 101) && NAME_PARTICLE_CAPITAL.test(word));
        const initial = first || (before >= from && OPENING_MARKS.has(text[before]));
        let record = vocabulary.get(lower);
        if (!record) vocabulary.set(lower, (record = wordRecord(lower, lemmaIds)));
        if (!cap) record.seenLower = true;
        else if (!initial) record.seenMidCap = true;
        const abbreviation = !dotted && next < to && text.charCodeAt(next - 1) === 46;
        tokens.push({ start, end: start + word.length, text: word, lower, word: record, cap, poss, sentence, initial, abbreviation });
        first = false;
        start = next;
      }
      from = to;
      while (from < p.end && /\s/.test(text[from])) from++;
    }
  }
  return tokens;
}

function wordRecord(lower: string, lemmaIds: Map<string, number>): Word {
  const lemma = issueLemma(lower);
  let lemmaId = -1;
  if (lemma) {
    lemmaId = lemmaIds.get(lemma) ?? lemmaIds.size;
    lemmaIds.set(lemma, lemmaId);
  }
  return { lower, seenLower: false, seenMidCap: false, lemma, lemmaId, polarity: wordPolarity(lower), role: roles.has(lower) };
}

// ---------------------------------------------------------------------------------------------------------
// Alias data (built by scripts/build-topic-aliases.ts)

/** "U.S." -> "US", "the Islamic State" -> "ISLAMIC STATE", "al-Qaeda" -> "AL-QAEDA". */
export function normalizeKey(words: string): string {
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

const countryByForm = new Map<string, CountryCode>();
for (const c of aliasData.countries) {
  const forms = [...c.names, c.capital, c.adjective, c.adjective && `${c.adjective}s`];
  for (const form of forms) if (form && !countryByForm.has(normalizeKey(form))) countryByForm.set(normalizeKey(form), c.code);
}
/** First word of each country form -> the most words a form starting with it has. */
const countryFormLength = new Map<string, number>();
for (const form of countryByForm.keys()) {
  const words = form.split(' ');
  countryFormLength.set(words[0], Math.max(countryFormLength.get(words[0]) ?? 0, words.length));
}

/** A word that starts a country's name or is a country adjective joined to another word ("Russian-backed"). */
const countryWord = (word: string) =>
  countryFormLength.has(normalizeKey(word)) || (word.includes('-') && countryByForm.has(normalizeKey(word.split('-')[0])));

/** Phoenix synonym -> group head key. */
const groupHead = new Map<string, string>();
for (const g of aliasData.groups) for (const a of g.aliases) groupHead.set(normalizeKey(a), normalizeKey(g.name));

const roles = new Set(aliasData.roles);
/** Honorifics that stand before a name but are not role nouns of the agents dictionary. */
const HONORIFICS = new Set('mr mrs ms dr sir lady lord mr. mrs. ms. dr.'.split(' '));
/** Words that, after a country, name its government: "the Syrian regime", "Russia's government". */
const GOVERNMENT_WORDS = new Set(['regime', 'government', 'administration', 'authorities', 'leadership']);
/** Titles that make a named person the country's leader: "Syrian President Bashar al-Assad". */
const LEADER_TITLES = new Set(['president', 'leader', 'premier', 'prime', 'king', 'chancellor', 'emir', 'dictator']);
/** Function words that may open a sentence capitalised without being a name. */
const FUNCTION_WORDS = new Set(
  ('a an the and or but if in on at to of for by with from as is are was were be been being have has had do does did this that these these those ' +
    'it its he she they we you i his her their our my your there here what when where who why how after before ahead according while since ' +
    'despite during also then so not no yes must will would could should can may might shall said says say told tell more most very much many ' +
    'such other than only even still now just over into about against under several some many all any each every both few another ' +
    'whether because although though unless until whereas between among amid across through toward towards without within upon behind beyond'
  ).split(' '),
);
/** Day names, which are capitalised but never topics, and end a name they follow ("in Bergen Tuesday"). */
const WEEKDAYS = new Set(
  Array.from({ length: 7 }, (_, d) => normalizeKey(new Date(Date.UTC(2000, 0, 2 + d)).toLocaleString('en', { weekday: 'long', timeZone: 'UTC' }))),
);
/** Day and month names: no topics on their own. */
const CALENDAR_WORDS = new Set([
  ...WEEKDAYS,
  ...Array.from({ length: 12 }, (_, m) => normalizeKey(new Date(Date.UTC(2000, m, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }))),
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
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(key, root);
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
  modifier?: boolean;
}

const initials = (words: string[]) =>
  words
    .filter((w) => !['of', 'the', 'and', 'for', 'de'].includes(w.toLowerCase()))
    .map((w) => w[0].toUpperCase())
    .join('');

/** Finds every topic mention in the article and merges aliases. Linear in the number of tokens. */
export function findTopics(text: string, tokens: Token[] = tokenize(text)): TopicIndex {
  const sentenceInitial = (i: number) => tokens[i].initial;
  // Punctuation tokens are one character and never letters or digits.
  const isWord = (t: Token) => t.text.length > 1 || !CLAUSE_PUNCTUATION.has(t.text);
  // Per sentence, its words, those in capitals and the function words capitalised inside it: headlines and
  // slogans, in capitals or in title case ("Could Do When Up Against ..."), carry no name information beyond
  // country names.
  const shouting = new Set<number>();
  const sentences = tokens.length ? tokens[tokens.length - 1].sentence + 1 : 0;
  const wordCount = new Int32Array(sentences);
  const capsCount = new Int32Array(sentences);
  const titleCaseCount = new Int32Array(sentences);
  for (const t of tokens) {
    if (t.cap && !t.initial && FUNCTION_WORDS.has(t.lower)) titleCaseCount[t.sentence]++;
    if (t.text.length < 3) continue;
    wordCount[t.sentence]++;
    if (t.cap && t.text === t.text.toUpperCase()) capsCount[t.sentence]++;
  }
  for (let k = 0; k < sentences; k++) if ((wordCount[k] >= 3 && capsCount[k] * 2 >= wordCount[k]) || titleCaseCount[k] >= 2) shouting.add(k);
  /** A capitalised token that can be part of a name: not a sentence-opening common word. */
  const nameToken = (i: number) => {
    const t = tokens[i];
    if (!t.cap || !isWord(t)) return false;
    if (shouting.has(t.sentence)) return countryWord(t.text);
    if (ACRONYM.test(t.text)) return true;
    // "We're", "I'll": a pronoun with a contraction.
    const apostrophe = t.lower.search(/['’]/);
    if (FUNCTION_WORDS.has(t.lower) || (apostrophe > 0 && FUNCTION_WORDS.has(t.lower.slice(0, apostrophe)))) return false;
    if (!sentenceInitial(i)) return true;
    if (t.word.seenLower) return false;
    // A word that only ever opens sentences ("Immediately", "Either") is a name only when a name follows it.
    const next = tokens[i + 1];
    return t.word.seenMidCap || countryWord(t.text) || groupHead.has(normalizeKey(t.text)) || (!!next && next.sentence === t.sentence && next.cap && isWord(next) && !WEEKDAYS.has(normalizeKey(next.text)));
  };
  /** A word that reads as a title or role rather than a name: in the agents dictionary or seen lowercase. */
  /**
   * A title proper (lib/lexicon.ts's titles, honorifics) or an abbreviation ("Gen.", "Sen."); not an initial
   * ("Donald J. Trump") and not the two-letter bodies the title list holds for "U.N. Secretary-General" ("Kim Jong Un").
   */
  const titleWord = (t: Token) =>
    !ACRONYM.test(t.text) && t.text.length > 1 && (HONORIFICS.has(t.lower) || t.abbreviation || (t.text.length > 2 && TITLES.has(t.lower)));
  const roleWord = (t: Token) => titleWord(t) || (!ACRONYM.test(t.text) && (t.word.role || (t.word.seenLower && !t.poss)));

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
    const longest = countryFormLength.get(normalizeKey(tokens[i].text));
    if (!longest) {
      // "Russian-backed", "US-led": the country before the hyphen.
      const head = tokens[i].text.includes('-') ? countryByForm.get(normalizeKey(tokens[i].text.split('-')[0])) : undefined;
      return head ? { code: head, last: i } : null;
    }
    for (let n = Math.min(longest, to - i + 1); n >= 1; n--) {
      const key = normalizeKey(tokens.slice(i, i + n).map((t) => t.text).join(' '));
      const code = countryByForm.get(key);
      if (code) return { code, last: i + n - 1 };
    }
    return null;
  };

  const addName = (first: number, last: number) => {
    const words = tokens.slice(first, last + 1);
    const surface = text.slice(words[0].start, words[words.length - 1].end);
    const allRoles = words.every((t) => roleWord(t) || CONNECTORS.has(t.lower));
    if (words.length === 1 && (allRoles || HONORIFICS.has(words[0].lower))) return;
    const lastWord = words[words.length - 1];
    let key: string;
    let kind: TopicKind;
    if (words.length >= 2 && !roleWord(lastWord) && !/^[\p{Lu}\p{N}.]+$/u.test(lastWord.text)) {
      // A person (or a name-headed organisation): keyed by the last word, particles dropped ("al-Assad" -> ASSAD).
      key = normalizeKey(lastWord.text.replace(NAME_PARTICLE, ''));
      kind = 'person';
    } else {
      // A lone "al-Assad" meets "Bashar al-Assad" on the surname without its particle.
      key = normalizeKey(words.length === 1 ? surface.replace(NAME_PARTICLE, '') : surface);
      kind = words.length === 1 && !allRoles && !/^[\p{Lu}\p{N}.]+$/u.test(lastWord.text) ? 'person' : 'organisation';
      if (words.length === 1 && ACRONYM.test(lastWord.text)) acronyms.push({ key, at: first });
      else if (words.length >= 2) expansions.set(initials(words.map((t) => t.text)), key);
    }
    // Dictionary synonyms join names used alone ("Isil", "Daesh"); full names already meet on their surname.
    if (words.length === 1 || kind !== 'person') key = groupHead.get(key) ?? key;
    // A day or month alone is no topic; "Theresa May" is.
    if (key.length > 1 && !(words.length === 1 && CALENDAR_WORDS.has(key))) raw.push({ first, last, key, kind, surface });
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
    while (nameStart < last && (roleWord(tokens[nameStart]) || CONNECTORS.has(tokens[nameStart].lower))) nameStart++;
    const titles = tokens.slice(i, nameStart);
    const allTitles = nameStart === last && (roleWord(tokens[last]) || CONNECTORS.has(tokens[last].lower));
    if (country && (allTitles || nameStart > last)) {
      // "Russian Defense Ministry", "Syrian Army": an institution of the country.
      const govWord = tokens[last].lower;
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
    if (!titles.some(titleWord)) {
      nameStart = i;
      titles.length = 0;
    }
    // A title proper further in starts a person's name after it and the role words with it ("Maryland Gov.
    // Martin O'Malley", "Chief of Staff Rahm Emanuel"); a name ending in a role noun stays whole ("Florida
    // Democratic Party").
    if (!roleWord(tokens[last])) {
      for (let k = nameStart; k < last; k++) {
        if (!titleWord(tokens[k])) continue;
        nameStart = k + 1;
        while (nameStart < last && (roleWord(tokens[nameStart]) || CONNECTORS.has(tokens[nameStart].lower))) nameStart++;
        k = nameStart - 1;
      }
    }
    const countryMentions = raw.length;
    const key = addName(nameStart, last);
    if (country && key) for (let r = sequenceStart; r < countryMentions; r++) raw[r].modifier = true;
    if (country && key && titles.length) affiliations.set(key, country.code);
    if (country && key && titles.some((t) => LEADER_TITLES.has(t.lower))) leaders.set(country.code, key);
  };

  for (let i = 0; i < tokens.length; i++) {
    if (!nameToken(i)) continue;
    let j = i;
    // Extend over capitalised words and connectors that lead to another capitalised word ("Secretary of State").
    while (j + 1 < tokens.length && tokens[j + 1].sentence === tokens[i].sentence) {
      const next = tokens[j + 1];
      // A day ends a name ("in Europe Tuesday").
      if (next.cap && WEEKDAYS.has(normalizeKey(next.text))) break;
      if (tokens[j].poss) {
        // A common noun's possessive inside a name continues it ("Kurdish People's Protection Units"); a
        // name's possessive ends the name ("Russia's Foreign Ministry").
        if (!(tokens[j].word.seenLower && !tokens[j].initial && next.cap && isWord(next) && next.start - tokens[j].end <= 3)) break;
        j++;
        continue;
      }
      // (an abbreviation's period stands between: "Donald J. Trump", "Gen. Ivanov")
      if (next.cap && isWord(next) && next.start - tokens[j].end <= (tokens[j].abbreviation ? 2 : 1)) {
        j++;
        continue;
      }
      if (CONNECTORS.has(next.lower) && j + 2 < tokens.length && tokens[j + 2].cap && isWord(tokens[j + 2])) {
        j += 2;
        continue;
      }
      if (next.lower === 'of' && tokens[j + 2]?.lower === 'the' && tokens[j + 3]?.cap) {
        j += 3;
        continue;
      }
      break;
    }
    const before = raw.length;
    addSequence(i, j);
    // "Russia's government", "the Syrian regime": a lone country followed by a government word.
    const next = tokens[j + 1];
    if (raw.length === before + 1 && raw[before].kind === 'country' && raw[before].last === j && next && GOVERNMENT_WORDS.has(next.lower)) {
      raw[before].last = j + 1;
      raw[before].governmentOf = raw[before].key.slice(2);
    }
    // "Islamic State of Iraq and the Levant (ISIL)", "X, also known as Y": tie the two names.
    if (raw.length > before) {
      const here = raw[raw.length - 1];
      const open = tokens[j + 1];
      if (open?.text === '(' && tokens[j + 3]?.text === ')' && ACRONYM.test(tokens[j + 2].text)) {
        const acr = normalizeKey(tokens[j + 2].text);
        union.union(groupHead.get(acr) ?? acr, here.key);
        expansions.set(acr, here.key);
      }
      const k = open?.text === ',' ? j + 2 : j + 1;
      if (tokens[k]?.lower === 'also' && tokens[k + 1]?.lower === 'known' && tokens[k + 2]?.lower === 'as') linkNext.set(k + 3, here.key);
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

  return buildIndex(text, tokens, raw, union, affiliations);
}

function buildIndex(
  text: string,
  tokens: Token[],
  raw: RawMention[],
  union: KeyUnion,
  affiliations: Map<string, CountryCode>,
): TopicIndex {
  dropModifiers(tokens, raw, union);
  addIssues(tokens, raw);
  raw.sort((a, b) => a.first - b.first || b.last - a.last);
  const topics: Topic[] = [];
  const byRoot = new Map<string, Topic & { surfaces: Map<string, number> }>();
  const mentions: TopicMention[] = [];
  const mentionAt = new Int32Array(tokens.length).fill(-1);
  for (const m of raw) {
    if (mentionAt[m.first] !== -1) continue;
    const root = union.find(m.key);
    let topic = byRoot.get(root);
    if (!topic) {
      const country = root.startsWith('C:') ? root.slice(2) : null;
      topic = { id: topics.length, name: '', kind: country ? 'country' : m.kind, country, key: root, affiliation: null, aliases: [], surfaces: new Map() };
      byRoot.set(root, topic);
      topics.push(topic);
    }
    topic.affiliation ??= affiliations.get(m.key) ?? null;
    if (!topic.aliases.includes(m.key)) topic.aliases.push(m.key);
    const surface = m.surface || text.slice(tokens[m.first].start, tokens[m.last].end);
    topic.surfaces.set(surface, (topic.surfaces.get(surface) ?? 0) + 1);
    const mention = { start: tokens[m.first].start, end: tokens[m.last].end, topic: topic.id, first: m.first, last: m.last, modifier: !!m.modifier };
    for (let t = m.first; t <= m.last; t++) mentionAt[t] = mentions.length;
    mentions.push(mention);
  }
  for (const t of byRoot.values()) {
    t.name = t.country ? countryName(t.country) : displayName(t.surfaces);
    delete (t as Partial<typeof t>).surfaces;
  }
  return { tokens, topics, mentions, mentionAt };
}

/**
 * A one-word name shaped like an adjective (-ern, -ic, -ish, -ese, -ian, -ican: "Western", "Kurdish", "Hispanic") that
 * the article only ever writes before a common noun ("Western press", "Kurdish fighters") is a modifier there,
 * not a topic of its own. Countries stay; a name ever followed by anything else ("Kurdish said", "the Kurdish.")
 * is kept, and so are nouns used as modifiers ("GOP nominee", "U.N. resolution"), which are topics.
 */
const ADJECTIVE_ENDING = /(?:ern|ic|ish|ese|ian|ican)$/;
function dropModifiers(tokens: Token[], raw: RawMention[], union: KeyUnion): void {
  const modifierOnly = new Map<string, boolean>();
  for (const m of raw) {
    if (m.kind === 'country') continue;
    const root = union.find(m.key);
    const next = tokens[m.last + 1];
    const beforeNoun =
      m.first === m.last &&
      ADJECTIVE_ENDING.test(tokens[m.first].lower) &&
      !tokens[m.first].poss &&
      !!next &&
      next.sentence === tokens[m.first].sentence &&
      next.start - tokens[m.last].end === 1 &&
      /^\p{Ll}/u.test(next.text) &&
      next.word.lemmaId >= 0 &&
      !next.lower.endsWith('ed') &&
      !SPEECH_VERBS.has(next.lower);
    modifierOnly.set(root, (modifierOnly.get(root) ?? true) && beforeNoun);
  }
  let kept = 0;
  for (const m of raw) if (m.kind === 'country' || !modifierOnly.get(union.find(m.key))) raw[kept++] = m;
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
function addIssues(tokens: Token[], raw: RawMention[]): void {
  // One pass to count, one to emit; each word's lemma and word-list tests were worked out once, in tokenize.
  const lemmaAt = (i: number) => (tokens[i].cap ? -1 : tokens[i].word.lemmaId);
  // lemma ids are below the number of distinct words, so below the number of tokens
  const count = new Int32Array(tokens.length);
  const heads = new Int32Array(tokens.length);
  const verbs = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const l = lemmaAt(i);
    if (l >= 0) {
      count[l]++;
      if (i > 0 && VERB_OPENERS.has(tokens[i - 1].lower)) verbs[l]++;
    }
    // "its", "the"; a possessive, but not a pronoun's contraction ("it's going", "that's because")
    if (!NOUN_OPENERS.has(t.lower) && !(t.poss && !FUNCTION_WORDS.has(t.lower))) continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= 3 && lemmaAt(j) >= 0) j++;
    if (j > i + 1) heads[lemmaAt(j - 1)]++;
  }
  /** Per lemma: 0 not yet tested, 1 an issue, 2 not one. */
  const accepted = new Int8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const l = lemmaAt(i);
    if (l < 0) continue;
    const w = tokens[i].word;
    if (!accepted[l]) {
      const ok = !GENERIC_NOUNS.has(w.lemma) && !SPEECH_VERBS.has(w.lemma) && count[l] >= MIN_ISSUE_MENTIONS && heads[l] >= MIN_ISSUE_HEADS && verbs[l] < heads[l] && !roles.has(w.lemma) && !isOpinionWord(w.lemma);
      accepted[l] = ok ? 1 : 2;
    }
    if (accepted[l] === 1 && !w.role && w.polarity === 0 && w.seenLower) raw.push({ first: i, last: i, key: `I:${w.lemma}`, kind: 'issue', surface: w.lemma });
  }
}

/** The form a word is counted under as an issue ("sanctions" -> "sanction", "militias" -> "militia"), or ''. */
function issueLemma(w: string): string {
  if (w.length < 4 || FUNCTION_WORDS.has(w) || !isContentWord(w)) return '';
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  // "speeches", "taxes", "buses": the plural -es after a sibilant
  if (w.length > 4 && /(?:ch|sh|ss|x|z)es$/.test(w)) return w.slice(0, -2);
  return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}
