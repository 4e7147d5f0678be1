// Reading the article's own words for a speaker's country: the title chunk before a mention ("Russian
// Foreign Minister Sergei Lavrov", "his Iranian counterpart, ..."), the apposition after it (", Russia's
// ambassador to the U.N.,"), and names that carry a country themselves ("Russian Defense Ministry", "Kremlin").
import type { KnowledgeBase } from './kb';
import { phraseKey } from './kb';
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

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const possessive = /['’]s?$/.test(raw) && !/^[\p{L}]['’]/u.test(raw);
    let word = possessive ? raw.replace(/['’]s?$/, '') : raw;
    // A trailing dot belongs to the word only in abbreviations ("U.S.", "Gen."), not at a sentence end.
    if (word.endsWith('.') && !isAbbreviation(word)) word = word.slice(0, -1);
    tokens.push({ start: offset + m.index!, end: offset + m.index! + raw.length, raw, word, possessive, key: phraseKey(word) });
  }
  return tokens;
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
    'outlet daily channel station').split(' '),
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
// Compounds that do not make the speaker the country's: "Russian-backed rebels", "Baghdad-based", "pro-Russian".
const NOT_OWN_SUFFIXES = /^-(?:backed|based|born|allied|supported|sponsored|educated|trained|funded|armed|leaning|friendly|aligned|occupied|controlled|held|annexed|installed|speaking|language|focused|watcher)\b/i;
const NOT_OWN_PREFIXES = /\b(?:pro|anti|non|ex)-$/i;
// "Russia expert", "Iran analyst", "Korea scholar": a country as the subject of expertise.
const SUBJECT_NOUNS = new Set('expert experts analyst analysts scholar scholars specialist specialists watcher watchers hand hands researcher researchers correspondent correspondents observer observers hawk hawks critic critics policy'.split(' '));
// Diplomats, ambassadors and delegates at an international body speak for their own states.
const MEMBER_NOUNS = new Set('diplomat diplomats diplomatic ambassador ambassadors delegate delegates delegation delegations member members envoys'.split(' '));
export const BODY_CODES = new Set(['NATO', 'UN', 'EU', 'OSCE', 'IAEA', 'OPCW', 'ICRC', 'WHO']);

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
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

/** The longest KB phrase or nationality adjective starting at token i, or undefined. */
function matchAt(tokens: Token[], i: number, kb: KnowledgeBase): Match | undefined {
  if (!isCapitalised(tokens[i].word)) return undefined;
  const maxWords = Math.min(kb.maxPhraseWords, tokens.length - i, 8);
  for (let n = maxWords; n >= 1; n--) {
    const words = tokens.slice(i, i + n);
    // A possessive ends a phrase: "Russia's foreign ministry" is Russia, then a ministry.
    if (words.slice(0, -1).some((t) => t.possessive)) continue;
    const last = words[words.length - 1];
    // Short words count only in capitals: "US", "UN", "IS", not "us" or "is".
    if (n === 1 && last.word.replace(/\./g, '').length <= 3 && !isAllCaps(last.word)) continue;
    const key = words.map((t) => t.key).join(' ');
    const demonym = n === 1 ? kb.demonym(key) : undefined;
    if (demonym) return { code: demonym, from: i, to: i + 1, adjectival: true };
    const terms = kb.phrase(key);
    if (terms?.length) return { code: terms[terms.length - 1].code, from: i, to: i + n, adjectival: last.possessive };
  }
  return undefined;
}

/** A capitalised word that is no title, role, filler or KB phrase of its own: likely a first name. */
function isFirstName(t: Token): boolean {
  const w = t.word.toLowerCase();
  return /^\p{Lu}[\p{Ll}'’]+$/u.test(t.word) && !t.possessive && !ROLE_NOUNS.has(w) && !TITLE_FILLERS.has(w) && !TITLE_ABBREVIATIONS.has(w) && !NOT_FIRST_NAMES.has(w);
}
// Capitalised words that commonly stand before a place in a name or title, or start a sentence, without
// being a first name.
const NOT_FIRST_NAMES = new Set(
  ('new north south east west upper lower greater united saint san santa el la le al the former even but and or ' +
    'when while if as in on at for with by so yet only also both neither then now today meanwhile however still ' +
    'like unlike although though because since after before including during against without within across').split(' '),
);

/** The index of the word before token i, skipping articles ("ambassador to the United Nations" -> "to"); -1 when none. */
function previousIndex(tokens: Token[], i: number): number {
  let j = i - 1;
  while (j >= 0 && ARTICLES.has(tokens[j].word.toLowerCase())) j--;
  return j;
}

/**
 * What a chunk of words says about the state its speaker stands for: the leftmost country, body or group
 * word that is the speaker's own, skipping places after "to"/"in"/"at", compounds like "Russian-backed",
 * and subjects of expertise ("Russia expert"). A body followed by "diplomat" or "ambassador" (a U.N.
 * diplomat) says "no state" rather than the body.
 */
export function scanChunk(chunkText: string, kb: KnowledgeBase, beforeName = false): ChunkEvidence | undefined {
  const tokens = tokenize(chunkText);
  for (let i = 0; i < tokens.length; i++) {
    const m = matchAt(tokens, i, kb);
    if (!m) continue;
    const first = tokens[m.from];
    const last = tokens[m.to - 1];
    const words = chunkText.slice(first.start, last.end);
    i = m.to - 1;
    const p = previousIndex(tokens, m.from);
    const prev = tokens[p]?.word.toLowerCase();
    // After "at" a full institution name of three words or more is the speaker's affiliation ("a scholar at
    // the Carnegie Endowment for International Peace"); a place is where they are.
    const affiliation = prev === 'at' && m.to - m.from >= 3;
    if (prev && PLACE_PREPOSITIONS.has(prev) && !m.adjectival && !affiliation) continue;
    // "speaking from Beijing": where the speaker is, not whom they speak for.
    if (prev === 'from' && /ing$/.test(tokens[previousIndex(tokens, p)]?.word ?? '') && !m.adjectival) continue;
    if (NOT_OWN_SUFFIXES.test(chunkText.slice(last.end)) || NOT_OWN_PREFIXES.test(chunkText.slice(0, first.start))) continue;
    // "Mexican-American": the second word of a hyphenated identity is the one that counts.
    if (/^-\p{Lu}/u.test(chunkText.slice(last.end))) continue;
    // Right before a name, a place word not introduced by "of/for/from" is a first name ("Actress Rosario
    // Dawson", "Deborah Jordan Reynolds"), not a country.
    const oneWord = m.to - m.from === 1;
    if (beforeName && oneWord && m.to === tokens.length && !m.adjectival && !['of', 'for', 'from'].includes(prev ?? '')) continue;
    // A place word right after a first name is a surname ("Dave Murray", "Deborah Jordan").
    const before = tokens[m.from - 1];
    if (before && oneWord && !m.adjectival && /^\s+$/.test(chunkText.slice(before.end, first.start)) && isFirstName(before)) continue;
    const next = tokens[m.to]?.word.toLowerCase();
    if (next && SUBJECT_NOUNS.has(next) && !m.adjectival && !BODY_CODES.has(m.code)) continue;
    if (next && MEMBER_NOUNS.has(next) && BODY_CODES.has(m.code)) return { code: '', words: chunkText.slice(first.start, tokens[m.to].end) };
    return { code: m.code, words };
  }
  return undefined;
}

// The whole article's tokens, kept for the last article: every speaker of an article scans the same text.
let lastArticle: { text: string; tokens: Token[] } | undefined;
function articleTokens(text: string): Token[] {
  if (lastArticle?.text !== text) lastArticle = { text, tokens: tokenize(text) };
  return lastArticle.tokens;
}

/** Every country, body or group code the article's words name anywhere. */
export function codesNamed(text: string, kb: KnowledgeBase): Set<CountryCode> {
  const tokens = articleTokens(text);
  const codes = new Set<CountryCode>();
  for (let i = 0; i < tokens.length; i++) {
    const m = matchAt(tokens, i, kb);
    if (!m) continue;
    if (m.code) codes.add(m.code);
    i = m.to - 1;
  }
  return codes;
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
const isTitleWord = (t: Token): boolean => /^\p{Lu}|^\p{N}/u.test(t.word) || TITLE_FILLERS.has(t.raw.toLowerCase()) || TITLE_FILLERS.has(t.word.toLowerCase()) || ROLE_NOUNS.has(t.word.toLowerCase());

/** True when the words name a role: a title, an office, an occupation. */
export function hasRole(words: string): boolean {
  return tokenize(words).some((t) => ROLE_NOUNS.has(t.word.toLowerCase()) || TITLE_ABBREVIATIONS.has(t.word.toLowerCase().replace(/\.$/, '')));
}

/**
 * A chunk that ends in a role noun, optionally followed by "to/of/for" and a short name ("the Russian
 * ambassador to Georgia"), or, when `nameMayFollow`, by the first names of the person it introduces.
 */
function endsInRole(tokens: Token[], nameMayFollow = true): boolean {
  let preposition = false;
  for (let k = tokens.length - 1, n = 0; k >= 0 && n <= 6; k--, n++) {
    const w = tokens[k].word.toLowerCase();
    if (ROLE_NOUNS.has(w) || TITLE_ABBREVIATIONS.has(w.replace(/\.$/, ''))) return n === 0 || preposition || nameMayFollow;
    if (['to', 'of', 'for'].includes(w)) preposition = true;
    else if (!/^\p{Lu}/u.test(tokens[k].word) && w !== 'the') return false;
  }
  return false;
}

/**
 * The title chunk right before a mention: the words back to the last clause boundary (at most 10),
 * crossing one comma when the words before it end in a role noun ("his Iranian counterpart, Mohammad ...").
 * Before a person's name it must end in a role; before a description or an organisation ("senior U.S.
 * official", "China's Ministry of Foreign Affairs") the mention itself is the head and it need not.
 */
export function titleBefore(text: string, mention: Span, requireRole = true): string {
  const at = mention.start;
  // "..., Poroshenko said": a comma before a name that a speech verb follows closes the quoted words.
  const saidAfter = /^\s*(?:said|says|told|added|adds|stated|noted|wrote|insisted|explained|warned)\b/.test(text.slice(mention.end, mention.end + 20));
  const windowStart = Math.max(0, at - 200);
  const before = text.slice(windowStart, at);
  const tokens = tokenize(before, windowStart);
  let start = at;
  let crossedComma = false;
  let count = 0;
  for (let j = tokens.length - 1; j >= 0 && count < 10; j--) {
    const t = tokens[j];
    const gap = text.slice(t.end, j === tokens.length - 1 ? at : tokens[j + 1].start);
    if (HARD_BOUNDARY.test(gap) || (t.raw.endsWith('.') && t.word === t.raw.slice(0, -1))) break;
    if (gap.includes(',')) {
      // Only an apposition placed before the name crosses a comma ("his Iranian counterpart, Mohammad
      // Javad Zarif"), and only when nothing is collected yet.
      if (saidAfter || crossedComma || start !== at || !endsInRole(tokens.slice(Math.max(0, j - 6), j + 1), false)) break;
      crossedComma = true;
    }
    if (CLAUSE_WORDS.has(t.word.toLowerCase()) || !isTitleWord(t)) break;
    start = t.start;
    count++;
  }
  // A title ends in a role ("... Foreign Minister", "... ambassador to Georgia", "Col."), the name's own
  // first names aside; anything else before a name is not a title ("the White House East Room for Obama").
  const collected = tokens.filter((t) => t.start >= start);
  let last = collected.length;
  while (last > 0 && /^\p{Lu}/u.test(collected[last - 1].word) && !ROLE_NOUNS.has(collected[last - 1].word.toLowerCase()) && !endsInRole(collected.slice(0, last))) last--;
  if (requireRole && !endsInRole(collected.slice(0, last))) return '';
  // "according to NATO Secretary General ...": the preposition belongs to the clause, not the title.
  return text.slice(start, at).replace(/^(?:to|at|in|on|from|with|for|of)\s+/i, '');
}

/** The apposition right after a mention: ", the X of Y," or "(X)", up to its closing comma or bracket (at most 20 words). */
export function appositionAfter(text: string, at: number): string {
  const open = /^\s*([,(])\s*/.exec(text.slice(at, at + 4));
  if (!open) return '';
  const from = at + open[0].length;
  const after = text.slice(from, from + 200);
  const tokens = tokenize(after, from);
  let end = from;
  for (let j = 0; j < tokens.length && j < 20; j++) {
    const t = tokens[j];
    const gap = text.slice(j === 0 ? from : tokens[j - 1].end, t.start);
    if (HARD_BOUNDARY.test(gap) || gap.includes(',')) break;
    // "and" inside a name ("Center for Strategic and International Studies") does not end the apposition.
    const inName = t.word === 'and' && j > 0 && /^\p{Lu}/u.test(tokens[j - 1].word) && /^\p{Lu}/u.test(tokens[j + 1]?.word ?? '');
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
    if (t.raw.endsWith('.') && t.word === t.raw.slice(0, -1)) break;
  }
  // A title followed by a name ("..., European Council President Herman Van Rompuy") is the next person in
  // a list, not this one's apposition.
  const words = tokenize(text.slice(from, end));
  const titledName = words.some((t, k) => ROLE_NOUNS.has(t.word.toLowerCase()) && words[k + 1] && /^\p{Lu}/u.test(words[k + 1].word) && !ROLE_NOUNS.has(words[k + 1].word.toLowerCase()));
  // An apposition that describes a person names a role ("spokesman", "director", "minister").
  return titledName || !hasRole(text.slice(from, end)) ? '' : text.slice(from, end);
}

/** The outlet a writer's mention is followed by ("... wrote in the Global Times"): a columnist's own side. */
export function outletAfter(text: string, at: number): string {
  return /^\s+(?:wrote|writes|writing|has written)\s+(?:in|for)\s+([^.,;:!?"“”()\n]{1,60})/.exec(text.slice(at, at + 100))?.[1] ?? '';
}

/**
 * Where the article gives a one-word name in full: a first name before it ("Mikhail Saakashvili") or a given
 * name after it, family name first ("Ban Ki-moon", "Hua Chunying"). Spans of the fuller forms.
 */
export function fullerNames(text: string, word: string): Span[] {
  const tokens = articleTokens(text);
  const spans: Span[] = [];
  tokens.forEach((t, i) => {
    if (t.word !== word) return;
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
  });
  return spans;
}
