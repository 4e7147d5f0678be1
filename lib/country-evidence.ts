// Reading the article's own words for a speaker's country: the title chunk before a mention ("Russian
// Foreign Minister Sergei Lavrov", "his Iranian counterpart, ..."), the apposition after it (", Russia's
// ambassador to the U.N.,"), and names that carry a country themselves ("Russian Defense Ministry", "Kremlin").
import type { KnowledgeBase } from './kb';
import { LONGEST_PHRASE, phraseKey } from './kb';
import { firstAtOrAfter, startsWithCapital, type TextTokens } from './text';
import type { CountryCode, Span } from './types';

export interface Token extends Span {
  /** The word as written, with its dots and possessive: "U.S.", "Russia's". */
  raw: string;
  /** The word without a trailing possessive or sentence dot: "U.S.", "Russia". */
  word: string;
  possessive: boolean;
  /** `word` as a phrase key (see phraseKey). */
  key: string;
}

/** What a chunk of words says: a code, '' for "stands for no state" (an NGO, a diplomat at the U.N.), or nothing. */
export interface ChunkEvidence {
  code: CountryCode | '';
  /** The words that gave it. */
  words: string;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’\u2019][\p{L}\p{N}]+)*\.?(?:['’]s?)?/gu;
const POSSESSIVE_END = /['’]s?$/;
const ASCII_WORD = /^[A-Za-z0-9]+$/;

// Plain ASCII words (most of them) are their own key once lower-cased; phraseKey remembers the others.
const wordKey = (word: string): string => (ASCII_WORD.test(word) ? word.toLowerCase() : phraseKey(word));

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const APOSTROPHE = 0x2019;

/** Length of the letter or digit at i (2 for one outside the BMP), or 0 when there is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const ch = c >= 0xd800 && c <= 0xdbff ? text.slice(i, i + 2) : text[i];
  return LETTER_OR_DIGIT.test(ch) ? ch.length : 0;
}

/**
 * The words of a text: letters and digits, joined by inner dots and apostrophes ("U.S", "O'Neil"), with a
 * final dot and a possessive ("U.S.", "Russia's"). A hand-written scan: it runs on every article, and a
 * regular expression's match objects cost more than the words.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!wordCharAt(text, i)) {
      i++;
      continue;
    }
    const start = i;
    // Plain ASCII words of letters and digits (most of them) need no folding: lower-case ones are their own key.
    let plain = true;
    let upper = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) i++;
      else if (c >= 65 && c <= 90) {
        upper = true;
        i++;
      } else {
        const more = c >= 128 ? wordCharAt(text, i) : 0;
        if (more) {
          plain = false;
          i += more;
        } else if ((c === 46 || c === 39 || c === APOSTROPHE) && wordCharAt(text, i + 1)) {
          plain = false;
          i++;
        } else break;
      }
    }
    const wordEnd = i;
    if (text.charCodeAt(i) === 46) i++;
    const q = text.charCodeAt(i);
    if (q === 39 || q === APOSTROPHE) i += text.charCodeAt(i + 1) === 115 ? 2 : 1;
    const raw = text.slice(start, i);
    if (plain && i === wordEnd) {
      tokens.push({ start: offset + start, end: offset + i, raw, word: raw, possessive: false, key: upper ? raw.toLowerCase() : raw });
      continue;
    }
    const last = raw.charCodeAt(raw.length - 1);
    // Only a word ending in an apostrophe or "'s" can be a possessive (not "O'Neil" or "d'Estaing").
    const possessive = (last === 39 || last === APOSTROPHE || last === 115) && POSSESSIVE_END.test(raw) && !/^[\p{L}]['’]/u.test(raw);
    let word = possessive ? raw.replace(POSSESSIVE_END, '') : raw;
    // A trailing dot belongs to the word only in abbreviations ("U.S.", "Gen."), not at a sentence end.
    if (word.endsWith('.') && !isAbbreviation(word)) word = word.slice(0, -1);
    tokens.push({ start: offset + start, end: offset + i, raw, word, possessive, key: wordKey(word) });
  }
  return tokens;
}

/** A text and its tokens: a whole article, or a short string of its own (a descriptor the entity stage gave). */
export interface Tokens {
  text: string;
  tokens: Token[];
  /** Whether "Georgia" is the US state here, read on first need. */
  georgiaIsUsState?: boolean;
  /** The article these words are from (a descriptor's): its Georgia is theirs. */
  within?: Tokens;
  /** An article's longest match from each token, per KB (see matchAt). */
  memo?: { kb: KnowledgeBase | null; at: Map<number, Match | null> };
}

/** A run of tokens [from, to) of a Tokens: the words of a title or an apposition, which end at offset `end`. */
export interface Chunk {
  from: number;
  to: number;
  start: number;
  end: number;
}

/** A short string as its own Tokens and the chunk of all its words. */
export function wordsOf(words: string): { src: Tokens; chunk: Chunk } {
  const tokens = tokenize(words);
  return { src: { text: words, tokens }, chunk: { from: 0, to: tokens.length, start: 0, end: words.length } };
}

/** The article's tokens, with what the country stage derives from them once per article. */
export interface ArticleIndex extends Tokens {
  /** The codes the article names anywhere, per KB they were read with. */
  named?: { kb: KnowledgeBase; matches: KbMatch[]; codes: Set<CountryCode> };
  /** Word lookups so far, and then the token indices by word key, in text order (see tokensWith). */
  scans?: number;
  byKey?: Map<string, number[]>;
  /** The tokens' start offsets, searched without reading the token objects (see tokenAt). */
  starts: Int32Array;
  /** The last offset tokenAt was asked for, and its answer: the readers of one mention ask for the same one. */
  lastOffset: number;
  lastToken: number;
}

// The last article's index: every speaker of an article reads the same text.
let lastArticle: ArticleIndex | undefined;

/** The article's index, its words read from the engine's shared cut of the text (lib/text.ts) when it is given. */
export function articleIndex(text: string, shared?: TextTokens): ArticleIndex {
  if (lastArticle?.text !== text) {
    const tokens = shared?.text === text ? tokensOf(shared) : tokenize(text);
    const starts = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) starts[i] = tokens[i].start;
    lastArticle = { text, tokens, starts, lastOffset: -1, lastToken: 0, memo: { kb: null, at: new Map() } };
  }
  return lastArticle;
}

/** Index of the article's first token starting at or after `offset` (the number of tokens when none). */
export function tokenAt(article: ArticleIndex, offset: number): number {
  if (article.lastOffset === offset) return article.lastToken;
  article.lastOffset = offset;
  article.lastToken = firstAtOrAfter(article.starts, offset);
  return article.lastToken;
}

/**
 * The words tokenize gives for the whole text, read from the shared cut: each written form is split into
 * these words once ("al-Assad" is "al" and "Assad" here), and its words are placed at each of its tokens.
 * Where this tokenizer runs a word on past a shared token's final period (over a digit, "3.5", or an
 * apostrophe, "U.S.'s"), the text up to the next space is read here instead.
 */
export function tokensOf(shared: TextTokens): Token[] {
  const { text, start, end, form, forms, length } = shared;
  const words: Token[][] = new Array(forms.length);
  const tokens: Token[] = [];
  for (let i = 0; i < length; i++) {
    const from = start[i];
    const to = end[i];
    if (text.charCodeAt(to - 1) === 46 && runsOnAfterPeriod(text, to)) {
      let stop = to;
      while (stop < text.length && !isSpaceChar(text, stop)) stop++;
      for (const t of tokenize(text.slice(from, stop), from)) tokens.push(t);
      while (i + 1 < length && start[i + 1] < stop) i++;
      continue;
    }
    const f = form[i];
    for (const w of (words[f] ??= tokenize(forms[f].text))) tokens.push({ start: from + w.start, end: from + w.end, raw: w.raw, word: w.word, possessive: w.possessive, key: w.key });
  }
  return tokens;
}

/** Whether a word of this tokenizer goes on at `at`, right after a period: over a digit or an apostrophe. */
function runsOnAfterPeriod(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === 39 || c === APOSTROPHE || wordCharAt(text, at) > 0;
}
const SPACE_CHAR = /\s/;
const isSpaceChar = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE_CHAR.test(text[i]));
};

/**
 * Indices of the article's tokens whose word (or, with `byKey`, word key) is `word` or `plural`, in text
 * order. The first few lookups of an article scan its tokens; after that one pass builds an index by key:
 * a short article is cheaper to scan, a long one (many speakers, many words) would be quadratic.
 */
export function tokensWith(article: ArticleIndex, word: string, byKey = false, plural = ''): number[] {
  const { tokens } = article;
  const found: number[] = [];
  const scan = !article.byKey && (article.scans = (article.scans ?? 0) + 1) <= SCANS_BEFORE_INDEX;
  if (scan) {
    for (let i = 0; i < tokens.length; i++) {
      const w = byKey ? tokens[i].key : tokens[i].word;
      if (w === word || w === plural) found.push(i);
    }
    return found;
  }
  const index = (article.byKey ??= indexByKey(tokens));
  const singular = index.get(wordKey(word)) ?? [];
  const candidates = plural ? [...singular, ...(index.get(wordKey(plural)) ?? [])].sort((a, b) => a - b) : singular;
  for (const i of candidates) {
    const w = byKey ? tokens[i].key : tokens[i].word;
    if (w === word || w === plural) found.push(i);
  }
  return found;
}

// An index by key costs about as much as ten to twenty scans of the article (measured on 2,000 and 200,000
// words): after ten scans it is built, so lookups never cost much more than twice the cheaper way.
const SCANS_BEFORE_INDEX = 10;

function indexByKey(tokens: Token[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    const list = byKey.get(tokens[i].key);
    if (list) list.push(i);
    else byKey.set(tokens[i].key, [i]);
  }
  return byKey;
}

const TITLE_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'lt', 'col', 'maj', 'sen', 'rep', 'gov', 'adm', 'capt', 'sgt', 'st', 'jr', 'sr', 'prof', 'rev', 'brig', 'cmdr', 'amb', 'pres', 'sec', 'no']);

function isAbbreviation(word: string): boolean {
  const body = word.slice(0, -1);
  return body.includes('.') || TITLE_ABBREVIATIONS.has(body.toLowerCase());
}

/** Nouns that head a title or an apposition: a chunk ending in one may stand before a comma and the name. */
export const ROLE_NOUNS = new Set(
  ('counterpart minister secretary spokesman spokeswoman spokesperson ambassador envoy president vice leader chief official ' +
    'officials diplomat diplomats general commander premier chancellor negotiator adviser advisor head director representative ' +
    'chairman chairwoman chair king queen prince emir aide governor mayor senator lawmaker member analyst expert professor ' +
    'scholar correspondent columnist editor founder ruler monarch colonel commissioner mediator delegate speaker secretary-general ' +
    'coordinator deputy chiefs ministry spokespeople lieutenant admiral marshal agency newspaper tabloid broadcaster ' +
    'activist activists journalist journalists reporter lawyer businessman businesswoman writer author economist student ' +
    'resident residents engineer doctor soldier soldiers officer officers commentator blogger historian researcher scientist ' +
    'physicist politician politicians legislator legislators lawmakers mp negotiators fighters militants rebels protesters ' +
    'coalition group groups alliance organization organisation movement party militia faction network council committee ' +
    'outlet daily channel station fellow').split(' '),
);

// Words that end a title chunk going left, or an apposition going right: verbs of saying and meeting,
// conjunctions, relative pronouns. A country word beyond them belongs to someone else.
const CLAUSE_WORDS = new Set(
  ('and or but nor said says say saying told tells tell added adds asked asks met meets meeting meet ' +
    'as while when whereas that who whom which whose where after before because since if than then ' +
    'called urged urges warned warns according spoke speaks speaking wrote writes insisted insists ' +
    'declared declares stated noted argued argues replied responded explained ' +
    'announced announces accused accuses criticized criticised praised thanked joined ' +
    'visited hosted by is are was were has have had will would did does do not').split(' '),
);
// A country word right after one of these names a place the speaker is in, goes to or talks about,
// not the state the speaker stands for ("ambassador to Moscow", "spokesman in Kiev").
const PLACE_PREPOSITIONS = new Set('to in at toward towards against into inside near on over about across within around throughout visiting'.split(' '));
const ARTICLES = new Set(['the', 'a', 'an']);
const INSTITUTION_END = /^(?:Institution|Institute|Center|Centre|Council|Foundation|Endowment|Association|Society|Club|Group|Corporation|Academy|Initiative|House)$/;
// Seats of learning and research a place's name may open ("the London School of Economics", "Kyiv Polytechnic Institute").
const ACADEMIC_WORDS = /^(?:University|School|College|Institute|Academy|Polytechnic|Conservatory)$/;

/** True when the capitalised words after token `to` (within the chunk) complete a university's or institute's name. */
function opensInstitution(tokens: Token[], to: number, end: number): boolean {
  for (let k = to; k < end && k < to + 5; k++) {
    const w = tokens[k].word;
    if (ACADEMIC_WORDS.test(w)) return true;
    if (!/^\p{Lu}/u.test(w) && !/^(?:of|for|and)$/.test(w)) return false;
  }
  return false;
}
// Compounds that do not make the speaker the country's: "Russian-backed rebels", "Baghdad-based", "pro-Russian".
const NOT_OWN_SUFFIXES = /^-(?:backed|based|born|allied|supported|sponsored|educated|trained|funded|armed|leaning|friendly|aligned|occupied|controlled|held|annexed|installed|speaking|language|focused|watcher)\b/i;
const NOT_OWN_PREFIXES = /\b(?:pro|anti|non|ex)-$/i;
// "Russia expert", "Iran analyst", "Korea scholar": a country as the subject of expertise.
const SUBJECT_NOUNS = new Set('expert experts analyst analysts scholar scholars specialist specialists watcher watchers hand hands researcher researchers correspondent correspondents observer observers hawk hawks critic critics policy'.split(' '));
// Diplomats, ambassadors and delegates at an international body speak for their own states.
const MEMBER_NOUNS = new Set('diplomat diplomats diplomatic ambassador ambassadors delegate delegates delegation delegations member members envoys'.split(' '));
export const BODY_CODES = new Set(['NATO', 'UN', 'EU', 'OSCE', 'IAEA', 'OPCW', 'ICRC', 'WHO']);

const isAllCaps = (word: string): boolean => {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
};

interface Match {
  code: CountryCode | '';
  from: number;
  to: number;
  /** True for a nationality adjective or a possessive ("Russian", "Russia's"), which always mean the state's. */
  adjectival: boolean;
}

/**
 * The longest KB phrase or nationality adjective starting at token i and ending before token `end`, or undefined.
 * An article's words are read many times (titles, appositions, the names it holds): the match running on to
 * the article's end is kept per token, and serves every `end` it does not pass. Not to be changed by callers.
 */
function matchAt(src: Tokens, i: number, end: number, kb: KnowledgeBase): Match | undefined {
  const { memo } = src;
  // Only a capitalised word starts a match: the others are answered at once, and kept nowhere.
  if (!memo || !startsWithCapital(src.tokens[i].word)) return longestMatch(src, i, end, kb);
  if (memo.kb !== kb) {
    memo.kb = kb;
    memo.at.clear();
  }
  let m = memo.at.get(i);
  if (m === undefined) memo.at.set(i, (m = longestMatch(src, i, src.tokens.length, kb) ?? null));
  if (m === null) return undefined;
  return m.to <= end ? m : longestMatch(src, i, end, kb);
}

function longestMatch(src: Tokens, i: number, end: number, kb: KnowledgeBase): Match | undefined {
  const { tokens } = src;
  const first = tokens[i];
  if (!startsWithCapital(first.word)) return undefined;
  let node = kb.phraseNode(first.key);
  let longest: Match | undefined;
  // A possessive ends a phrase: "Russia's foreign ministry" is Russia, then a ministry.
  for (let k = i + 1; k < end && k - i < LONGEST_PHRASE && !tokens[k - 1].possessive && node.goesOn; k++) {
    node = kb.phraseAfter(node, tokens[k].key);
    const { terms } = node;
    if (terms?.length) longest = { code: terms[terms.length - 1].code, from: i, to: k + 1, adjectival: tokens[k].possessive };
  }
  if (longest) return longest;
  // Short words count only in capitals: "US", "UN", "IS", not "us" or "is".
  if (first.key.length <= 3 && !isAllCaps(first.word)) return undefined;
  const demonym = kb.demonym(first.key);
  if (demonym) return { code: demonym, from: i, to: i + 1, adjectival: true };
  const terms = kb.phrase(first.key);
  if (!terms?.length) return undefined;
  const code = terms[terms.length - 1].code === 'GE' && first.key === 'georgia' && georgiaIsUsState(src) ? 'US' : terms[terms.length - 1].code;
  return { code, from: i, to: i + 1, adjectival: first.possessive };
}

// What tells Georgia the US state from the country: its cities, universities, politicians' labels; and the country's.
const US_GEORGIA = /\b(?:Atlanta|Savannah|Macon|Ga\.|[RD]-Ga\b|Georgia (?:Tech|State University|Institute of Technology|Republicans?|Democrats?|Gov\.|Sen\.|Rep\.|voters|primary|legislature|General Assembly)|University of Georgia|state of Georgia|Georgia['’]s (?:governor|legislature|secretary of state|\d+(?:st|nd|rd|th)))/;
const COUNTRY_GEORGIA = /\b(?:Tbilisi|Georgians?\b|Saakashvili|Ossetia|Abkhaz|Caucasus|Shevardnadze|Ivanishvili|Georgian Dream)/;

/** True when the text's "Georgia" is the US state, read once per text. */
export function georgiaIsUsState(src: Tokens): boolean {
  src.georgiaIsUsState ??= src.within ? georgiaIsUsState(src.within) : US_GEORGIA.test(src.text) && !COUNTRY_GEORGIA.test(src.text);
  return src.georgiaIsUsState;
}

/** A capitalised word that is no title, role, filler or KB phrase of its own: likely a first name. */
function isFirstName(t: Token): boolean {
  if (t.possessive || !isCapitalisedWord(t.word)) return false;
  const w = t.word.toLowerCase();
  return !ROLE_NOUNS.has(w) && !TITLE_FILLERS.has(w) && !TITLE_ABBREVIATIONS.has(w) && !NOT_FIRST_NAMES.has(w);
}

const CAPITALISED_WORD = /^\p{Lu}[\p{Ll}'’]+$/u;

/** A capital and then lower-case letters or apostrophes ("Jon", "O'neil"): ASCII read without a regex, the rest with one. */
function isCapitalisedWord(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 128 || word.length < 2) return CAPITALISED_WORD.test(word);
  if (first < 65 || first > 90) return false;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 128) return CAPITALISED_WORD.test(word);
    if ((c < 97 || c > 122) && c !== 39) return false;
  }
  return true;
}
// Capitalised words that commonly stand before a place in a name or title, or start a sentence, without
// being a first name.
const NOT_FIRST_NAMES = new Set(
  ('new north south east west upper lower greater united saint san santa el la le al the former even but and or ' +
    'when while if as in on at for with by so yet only also both neither then now today meanwhile however still ' +
    'like unlike although though because since after before including during against without within across').split(' '),
);

/** The index of the word before token i and at or after `floor`, skipping articles ("ambassador to the United Nations" -> "to"); -1 when none. */
function previousIndex(tokens: Token[], i: number, floor: number): number {
  let j = i - 1;
  while (j >= floor && ARTICLES.has(tokens[j].word.toLowerCase())) j--;
  return j >= floor ? j : -1;
}

/**
 * What a chunk of words says about the state its speaker stands for: the leftmost country, body or group
 * word that is the speaker's own, skipping places after "to"/"in"/"at", compounds like "Russian-backed",
 * and subjects of expertise ("Russia expert"). A body followed by "diplomat" or "ambassador" (a U.N.
 * diplomat) says "no state" rather than the body.
 */
export function scanChunk(src: Tokens, chunk: Chunk, kb: KnowledgeBase, beforeName = false): ChunkEvidence | undefined {
  const { text, tokens } = src;
  for (let i = chunk.from; i < chunk.to; i++) {
    const m = matchAt(src, i, chunk.to, kb);
    if (!m) continue;
    const first = tokens[m.from];
    const last = tokens[m.to - 1];
    const words = text.slice(first.start, last.end);
    i = m.to - 1;
    // A nationality of several words is adjectival like one of one word: a country's name and "n" ("South Korean").
    let { adjectival } = m;
    if (!adjectival && m.to - m.from > 1) {
      const key = tokens.slice(m.from, m.to).map((t) => t.key).join(' ');
      const country = key.endsWith('n') ? kb.phrase(key.slice(0, -1)) : undefined;
      adjectival = !!kb.demonym(key) || country?.[country.length - 1].code === m.code;
    }
    const p = previousIndex(tokens, m.from, chunk.from);
    const prev = p >= 0 ? tokens[p].word.toLowerCase() : undefined;
    // After "at" a full institution name (three words or more, or one ending in "Institution", "Center", ...)
    // is the speaker's affiliation ("a scholar at the Carnegie Endowment for International Peace", "a fellow at
    // the Brookings Institution"); a place is where they are.
    // A place that opens such a name is where the institution is ("a professor at the London School of Economics").
    const affiliation = prev === 'at' && (m.to - m.from >= 3 || INSTITUTION_END.test(last.word) || opensInstitution(tokens, m.to, chunk.to));
    if (prev && PLACE_PREPOSITIONS.has(prev) && !adjectival && !affiliation) continue;
    // "speaking from Beijing": where the speaker is, not whom they speak for.
    const beforePrev = p >= 0 ? previousIndex(tokens, p, chunk.from) : -1;
    if (prev === 'from' && beforePrev >= 0 && /ing$/.test(tokens[beforePrev].word) && !adjectival) continue;
    const after = text.slice(last.end, Math.min(chunk.end, last.end + 24));
    if (NOT_OWN_SUFFIXES.test(after) || NOT_OWN_PREFIXES.test(text.slice(Math.max(chunk.start, first.start - 8), first.start))) continue;
    // "Mexican-American": the second word of a hyphenated identity is the one that counts.
    if (/^-\p{Lu}/u.test(after)) continue;
    // Right before a name, a place word not introduced by "of/for/from" is a first name ("Actress Rosario
    // Dawson", "Deborah Jordan Reynolds"), not a country.
    const oneWord = m.to - m.from === 1;
    if (beforeName && oneWord && m.to === chunk.to && !adjectival && !['of', 'for', 'from'].includes(prev ?? '')) continue;
    // A place word right after a first name is a surname ("Dave Murray", "Deborah Jordan").
    const before = m.from > chunk.from ? tokens[m.from - 1] : undefined;
    if (before && oneWord && !adjectival && /^\s+$/.test(text.slice(before.end, first.start)) && isFirstName(before)) continue;
    const next = m.to < chunk.to ? tokens[m.to].word.toLowerCase() : undefined;
    if (next && SUBJECT_NOUNS.has(next) && !adjectival && !BODY_CODES.has(m.code)) continue;
    if (next && MEMBER_NOUNS.has(next) && BODY_CODES.has(m.code)) return { code: '', words: text.slice(first.start, tokens[m.to].end) };
    return { code: m.code, words };
  }
  return undefined;
}

/** What a short string of words says (see scanChunk); words of an article read its Georgia as the article does. */
export function scanWords(words: string, kb: KnowledgeBase, article?: Tokens): ChunkEvidence | undefined {
  const { src, chunk } = wordsOf(words);
  src.within = article;
  return scanChunk(src, chunk, kb);
}

/** A KB phrase or nationality word the article names, with its code (not '') and how many words it spans. */
export interface KbMatch extends Span {
  code: CountryCode;
  words: number;
}

/** Every KB phrase and nationality word in the article with a code, in text order (read once per article and KB). */
export function kbMatches(article: ArticleIndex, kb: KnowledgeBase): KbMatch[] {
  if (article.named?.kb === kb) return article.named.matches;
  const { tokens } = article;
  const matches: KbMatch[] = [];
  // This pass reads each word once: nothing to keep (see matchAt).
  for (let i = 0; i < tokens.length; i++) {
    const m = longestMatch(article, i, tokens.length, kb);
    if (!m) continue;
    if (m.code) matches.push({ start: tokens[m.from].start, end: tokens[m.to - 1].end, code: m.code, words: m.to - m.from });
    i = m.to - 1;
  }
  article.named = { kb, matches, codes: new Set(matches.map((m) => m.code)) };
  return matches;
}

/** The KB name that starts before offset `at` and runs across it ("United Nations" around "Nations"), if any. */
export function kbNameAcross(article: ArticleIndex, at: number, kb: KnowledgeBase): KbMatch | undefined {
  const { tokens } = article;
  const k = tokenAt(article, at);
  // Only a capitalised word or a name's inner "of"/"for" right before the mention can start a name across it.
  const before = tokens[k - 1];
  if (!before || !(isSpace(article.text, before.end, at) || /^\s*$/.test(article.text.slice(before.end, at))) || !(startsWithCapital(before.word) || /^(?:of|for|the|and)$/.test(before.word))) return undefined;
  for (let j = k - 1; j >= 0 && j >= k - 7; j--) {
    // Only a phrase of several words can run across the mention.
    if (!kb.phraseGoesOn(tokens[j].key)) continue;
    const m = matchAt(article, j, tokens.length, kb);
    // "The U.N." before "U.N. human rights chief": an article in front makes no larger name.
    if (m && m.to > k && !tokens.slice(j, k).every((t) => ARTICLES.has(t.key))) return { start: tokens[j].start, end: tokens[m.to - 1].end, code: m.code, words: m.to - m.from };
  }
  return undefined;
}

/** Every country, body or group code the article's words name anywhere. */
export function codesNamed(article: ArticleIndex, kb: KnowledgeBase): Set<CountryCode> {
  kbMatches(article, kb);
  return article.named!.codes;
}

/** Characters that end a chunk: sentence and clause punctuation, quotation marks, brackets, dashes (not hyphens). */
const HARD_BOUNDARY = /[.!?;:"“”«»()\[\]—–\n]|\s-|-\s/;

// Lower-case words a title or apposition is made of; any other lower-case word (a verb, mostly) ends it.
const TITLE_FILLERS = new Set(
  ('the a an of for his her its their our to at in on from with ' +
    'senior former deputy acting top foreign defense defence interior prime state national security press policy affairs ' +
    'military army navy air force forces first vice supreme office government permanent special high presidential royal ' +
    'opposition rebel rebels militant militants group party executive staff intelligence finance economy trade political ' +
    'religious retired elected self-declared self-proclaimed so-called then outgoing incoming longtime veteran leading ' +
    'country’s country\'s nation’s nation\'s department foreign-policy international public relations media information ' +
    'regional local federal central committee human rights general emeritus associate assistant principal lead').split(' '),
);
// Set lookups by the word's key (its lower case, for the plain words these sets hold); a possessive by its raw form.
const isTitleWord = (t: Token): boolean =>
  startsWithCapital(t.word) || /^\p{N}/u.test(t.word) || TITLE_FILLERS.has(t.key) || ROLE_NOUNS.has(t.key) || (t.possessive && TITLE_FILLERS.has(t.raw.toLowerCase()));

const isRoleWord = (t: Token): boolean => {
  const w = t.word.toLowerCase();
  return ROLE_NOUNS.has(w) || TITLE_ABBREVIATIONS.has(w.endsWith('.') ? w.slice(0, -1) : w);
};

/** True when a word ends a noun phrase going left: a verb of saying, a conjunction, a preposition of place. */
export const endsPhrase = (t: Token): boolean => CLAUSE_WORDS.has(t.key) || PLACE_PREPOSITIONS.has(t.key);

/** True when the words name a role: a title, an office, an occupation. */
export function hasRole(words: Token[]): boolean {
  return words.some(isRoleWord);
}

/**
 * Tokens [from, to) end in a role noun, optionally followed by "to/of/for" and a short name ("the Russian
 * ambassador to Georgia"), or, when `nameMayFollow`, by the first names of the person it introduces.
 */
function endsInRole(tokens: Token[], from: number, to: number, nameMayFollow = true): boolean {
  let preposition = false;
  for (let k = to - 1, n = 0; k >= from && n <= 6; k--, n++) {
    const w = tokens[k].word.toLowerCase();
    if (isRoleWord(tokens[k])) return n === 0 || preposition || nameMayFollow;
    if (w === 'to' || w === 'of' || w === 'for') preposition = true;
    else if (!/^\p{Lu}/u.test(tokens[k].word) && w !== 'the') return false;
  }
  return false;
}

/** True when text[from, to) is one plain space (most gaps between words: no slice, no regex). */
const isSpace = (text: string, from: number, to: number): boolean => to - from === 1 && text.charCodeAt(from) === 32;

const SPEECH_VERB_AFTER = /^\s*(?:said|says|told|added|adds|stated|noted|wrote|insisted|explained|warned)\b/;
const LEADING_PREPOSITION = /^(?:to|at|in|on|from|with|for|of)$/i;
const ends = (t: Token): boolean => t.raw.endsWith('.') && t.word === t.raw.slice(0, -1);

/**
 * The title chunk right before a mention: the words back to the last clause boundary (at most 10),
 * crossing one comma when the words before it end in a role noun ("his Iranian counterpart, Mohammad ...").
 * Before a person's name it must end in a role; before a description or an organisation ("senior U.S.
 * official", "China's Ministry of Foreign Affairs") the mention itself is the head and it need not.
 */
export function titleBefore(article: ArticleIndex, mention: Span, requireRole = true): Chunk | undefined {
  const { text, tokens } = article;
  const at = mention.start;
  const windowStart = at - 200;
  const to = tokenAt(article, at);
  let from = to;
  let start = at;
  let crossedComma = false;
  let count = 0;
  for (let j = to - 1; j >= 0 && count < 10 && tokens[j].start >= windowStart; j--) {
    const t = tokens[j];
    if (t.end > at) continue;
    const gapEnd = j === to - 1 ? at : tokens[j + 1].start;
    const gap = isSpace(text, t.end, gapEnd) ? ' ' : text.slice(t.end, gapEnd);
    if (HARD_BOUNDARY.test(gap) || ends(t)) break;
    if (gap.includes(',')) {
      // Only an apposition placed before the name crosses a comma ("his Iranian counterpart, Mohammad
      // Javad Zarif"), and only when nothing is collected yet; "..., Poroshenko said": a comma before a
      // name that a speech verb follows closes the quoted words.
      if (crossedComma || start !== at || SPEECH_VERB_AFTER.test(text.slice(mention.end, mention.end + 20)) || !endsInRole(tokens, Math.max(0, j - 6), j + 1, false)) break;
      crossedComma = true;
    }
    if (CLAUSE_WORDS.has(t.key) || !isTitleWord(t)) break;
    start = t.start;
    from = j;
    count++;
  }
  if (start === at) return undefined;
  // A title ends in a role ("... Foreign Minister", "... ambassador to Georgia", "Col."), the name's own
  // first names aside; anything else before a name is not a title ("the White House East Room for Obama").
  let last = to;
  while (last > from && /^\p{Lu}/u.test(tokens[last - 1].word) && !ROLE_NOUNS.has(tokens[last - 1].word.toLowerCase()) && !endsInRole(tokens, from, last)) last--;
  if (requireRole && !endsInRole(tokens, from, last)) return undefined;
  // "according to NATO Secretary General ...": the preposition belongs to the clause, not the title.
  if (LEADING_PREPOSITION.test(tokens[from].raw) && /^\s/.test(text.slice(tokens[from].end, tokens[from].end + 1))) from++;
  return from < to ? { from, to, start: tokens[from].start, end: at } : undefined;
}

/** The apposition right after a mention: ", the X of Y," or "(X)", up to its closing comma or bracket (at most 20 words). */
export function appositionAfter(article: ArticleIndex, at: number): Chunk | undefined {
  const { text, tokens } = article;
  const next = text.charCodeAt(at);
  if (next !== 44 && next !== 40 && next !== 32 && !/\s/.test(text.charAt(at))) return undefined;
  const open = /^\s*([,(])\s*/.exec(text.slice(at, at + 4));
  if (!open) return undefined;
  const start = at + open[0].length;
  const first = tokenAt(article, start);
  let end = start;
  let to = first;
  for (let j = first; j < tokens.length && j < first + 20 && tokens[j].end <= start + 200; j++) {
    const t = tokens[j];
    const gapStart = j === first ? start : tokens[j - 1].end;
    const gap = isSpace(text, gapStart, t.start) ? ' ' : text.slice(gapStart, t.start);
    if (HARD_BOUNDARY.test(gap) || gap.includes(',')) break;
    // "and" inside a name ("Center for Strategic and International Studies") does not end the apposition.
    const inName = t.word === 'and' && j > first && /^\p{Lu}/u.test(tokens[j - 1].word) && /^\p{Lu}/u.test(tokens[j + 1]?.word ?? '');
    // A participle starts a clause of its own ("..., visiting Nice on vacation").
    const participle = /^\p{Ll}+(?:ed|ing)$/u.test(t.word) && !isTitleWord(t) && !gap.endsWith('-');
    // "..., a physicist who is co-director of ...": "who is/was" goes on describing the same person.
    const describes = t.word === 'who' && /^(?:is|was)$/.test(tokens[j + 1]?.word ?? '');
    if (describes) {
      j++;
      continue;
    }
    if ((CLAUSE_WORDS.has(t.word.toLowerCase()) || participle) && !inName) break;
    end = t.end;
    to = j + 1;
    if (ends(t)) break;
  }
  // A title followed by a name ("..., European Council President Herman Van Rompuy") is the next person in
  // a list, not this one's apposition. An apposition that describes a person names a role.
  if (titlesSomeoneElse(tokens, first, to)) return undefined;
  let role = false;
  for (let k = first; k < to && !role; k++) role = isRoleWord(tokens[k]);
  return role ? { from: first, to, start, end } : undefined;
}

/** True when tokens [from, to) hold a title followed by a name: another person ("a critic of Syrian President Bashar al-Assad"). */
export function titlesSomeoneElse(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k + 1 < to; k++) {
    const next = tokens[k + 1];
    if (ROLE_NOUNS.has(tokens[k].word.toLowerCase()) && isFirstName(next)) return true;
  }
  return false;
}

/** The outlet a writer's mention is followed by ("... wrote in the Global Times"): a columnist's own side. */
export function outletAfter(text: string, at: number): string {
  WROTE_IN.lastIndex = at;
  return WROTE_IN.exec(text)?.[1] ?? '';
}
// Sticky: matched at the offset itself, without slicing the text.
const WROTE_IN = /\s+(?:wrote|writes|writing|has written)\s+(?:in|for)\s+([^.,;:!?"“”()\n]{1,60})/y;

/**
 * Where the article gives a one-word name in full: a first name before it ("Mikhail Saakashvili") or a given
 * name after it, family name first ("Ban Ki-moon", "Hua Chunying"). Spans of the fuller forms.
 */
export function fullerNames(article: ArticleIndex, word: string): Span[] {
  const { text, tokens } = article;
  const spans: Span[] = [];
  for (const i of tokensWith(article, word)) {
    const t = tokens[i];
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    // The word before must be a word of its own, not the end of a sentence ("... Netanyahu. Adelson").
    if (before && before.raw === before.word && /^\s+$/.test(text.slice(before.end, t.start)) && isFirstName(before)) spans.push({ start: before.start, end: t.end });
    else if (after && t.raw === t.word && /^\s+$/.test(text.slice(t.end, after.start)) && isFirstName(after)) {
      // The rest of the name: hyphenated parts ("Ki-moon") and up to two more names or particles
      // ("Zeid Ra'ad al-Hussein"), while the words are not ended by a sentence dot or a possessive.
      let end = after.end;
      for (let k = i + 2, more = 0; k < tokens.length && more < 4; k++, more++) {
        const gap = text.slice(tokens[k - 1].end, tokens[k].start);
        const prev = tokens[k - 1];
        if (prev.raw !== prev.word) break;
        const joined = gap === '-';
        const nameWord = /^\s$/.test(gap) && (isFirstName(tokens[k]) || /^(?:al|el|bin|ibn|de|van|von|der)$/.test(tokens[k].word));
        if (!joined && !nameWord) break;
        end = tokens[k].end;
      }
      spans.push({ start: t.start, end });
    }
  }
  return spans;
}
