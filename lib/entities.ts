import {
  ADJECTIVE_ENDING,
  ADJUNCT_OPENERS,
  ADVERB_OR_HEADING,
  CONTRACTION,
  GENDERED_TITLES,
  GIVEN_NAME_GENDER,
  HEADLINE_VERBS,
  INNER_SUBORDINATORS,
  isNationality,
  NAME_PARTICLES,
  NO_SPEAKER_HEADS,
  NOT_NAME_WORDS,
  ORGANISATION_WORDS,
  PERSONAL_PRONOUN,
  POSSESSIVE_WORDS,
  SHARES,
  SPEAKER_NOUNS,
  SPEECH_VERBS,
  STATE_NAMES,
  SUBJECT_OPENERS,
  TITLES,
} from './lexicon';
import { followsTell, relayedSpeaker } from './attribution';
import { remembered } from './remembered';
import { escapeRegExp, sentenceStart } from './text';
import type { Attribution, Entity, EntityType, Paragraph, SourceMention, Span, Statement } from './types';

// Speakers resolved inside the article. Every capitalised run of the text is indexed once by its
// last word, so a surname mention finds the fullest form of the name ("Kerry" -> "John Kerry") and
// every other mention of it. Pronouns go to the most recent compatible speaker or titled person in
// the same or the previous paragraph; beyond that reach they stay unresolved.

/** How many paragraphs before its own a pronoun may look for its antecedent. */
const PRONOUN_REACH = 1;
/** How many more paragraphs the reach extends through while each uses the same pronoun. */
const PRONOUN_CHAIN = 4;
/** How many paragraphs further back a pronoun may reach its last speaker when nobody else is named since. */
const PRONOUN_FAR = 2;
/** How far back a he/she may reach the one recent source of its gender. */
const PRONOUN_GENDER_FAR = 6;

/** What a capitalised run says, with offsets relative to the run's start (one per distinct run text). */
interface NameShape {
  /** End of the name (after any titles), relative. */
  end: number;
  /** Offset where the name words begin (after any titles), relative. */
  nameStart: number;
  /** Words of the name itself, titles and nationalities removed. */
  words: string[];
  /** Lower-case keys of `words` (keyOf), computed once. */
  keys: string[];
  /** The titles before the name in this run: "Russian Foreign Minister". */
  title: string | null;
  gender: 'm' | 'f' | null;
  /** A word of the name is an organisation or state word ("Foreign Ministry", "Moscow"). */
  organisation: boolean;
  /** ... or a nationality: not a person's name. */
  notPerson: boolean;
}

/** One capitalised run of the text: its shape with absolute offsets. */
interface NameRun extends Span, Omit<NameShape, 'end'> {
  /** The person it names, once a pronoun's search has resolved it (null until then). */
  entity: Entity | null;
}

const UPPER = /\p{Lu}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Arabic articles written before a capital with a hyphen ("al-Assad"). */
const RUN_PREFIXES = new Set(['al', 'el', 'ad', 'as', 'an', 'ash', 'at', 'az']);

// The run scanner reads character codes by hand (ASCII first): it visits every capital of the text, and a
// sticky Unicode pattern there cost more than the rest of the stage.
const isUpperAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 128 && UPPER.test(text[i]));
};
/** A character of a name word: a letter or mark, an apostrophe, a period or a hyphen. */
const isNameCharAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 46 || c === 45 || c === 0x2019 || (c >= 128 && LETTER_OR_MARK.test(text[i]));
};
const isRunSpaceAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c === 32 || c === 0xa0;
};
/**
 * End of the lower-case ASCII word at i (i when none), or i + 4 when it runs longer: only particles and
 * prefixes are looked for there, none longer than three letters (the words after a name are most often long).
 */
function lowerWordEnd(text: string, i: number): number {
  let j = i;
  for (let c = text.charCodeAt(j); c >= 97 && c <= 122 && j < i + 4; c = text.charCodeAt(++j));
  return j;
}
/** Where the capital of the next name word stands at i, after an optional "al-" prefix; -1 when none does. */
function capitalAt(text: string, i: number): number {
  const w = lowerWordEnd(text, i);
  if (w > i && text.charCodeAt(w) === 45 && RUN_PREFIXES.has(text.slice(i, w)) && isUpperAt(text, w + 1)) return w + 1;
  return isUpperAt(text, i) ? i : -1;
}
/**
 * End of the capitalised run whose first capital is at i: name words (a capital, then letters, marks,
 * apostrophes, periods, hyphens) joined by spaces, a particle ("of", "bin") or an "al-" prefix.
 */
function runEnd(text: string, i: number): number {
  let end = i + 1;
  while (end < text.length && isNameCharAt(text, end)) end++;
  for (;;) {
    let j = end;
    while (j < text.length && isRunSpaceAt(text, j)) j++;
    if (j === end) return end;
    let capital = -1;
    const w = lowerWordEnd(text, j);
    if (w > j && w - j < 4 && isRunSpaceAt(text, w) && NAME_PARTICLES.has(text.slice(j, w))) {
      let k = w;
      while (k < text.length && isRunSpaceAt(text, k)) k++;
      capital = capitalAt(text, k);
    }
    if (capital < 0) capital = capitalAt(text, j);
    if (capital < 0) return end;
    end = capital + 1;
    while (end < text.length && isNameCharAt(text, end)) end++;
  }
}

/** Lower case, without a final possessive 's or a final period or apostrophe. */
function keyOf(word: string): string {
  const n = word.length;
  const possessive = n > 2 && word[n - 1] === 's' && (word[n - 2] === "'" || word[n - 2] === '’');
  const cut = possessive ? 2 : n > 0 && (word[n - 1] === '.' || word[n - 1] === "'" || word[n - 1] === '’') ? 1 : 0;
  return (cut ? word.slice(0, n - cut) : word).toLowerCase();
}

/** A word without a final possessive 's or period. */
function bareWord(word: string): string {
  const n = word.length;
  if (n > 2 && word[n - 1] === 's' && (word[n - 2] === "'" || word[n - 2] === '’')) return word.slice(0, n - 2);
  return word[n - 1] === '.' ? word.slice(0, n - 1) : word;
}

/** Splits a capitalised run into titles and name, e.g. "Russian Foreign Minister Sergei Lavrov". */
function nameShape(run: string): NameShape | null {
  if (run.indexOf(' ') < 0 && run.indexOf('\u00a0') < 0) {
    // one word, the common case: a name only when it is not a title or a sentence opener
    const key = keyOf(run);
    if (NOT_NAME_WORDS.has(key) || TITLES.has(key)) return null;
    const word = bareWord(run);
    if (word.length >= 6 && ADVERB_OR_HEADING.test(word)) return null;
    const organisation = isOrganisationKey(key);
    return { end: word.length, words: [word], nameStart: 0, title: null, gender: null, keys: [key], organisation, notPerson: organisation || isNationality(word) };
  }
  const parts: { word: string; at: number; key: string }[] = [];
  for (let i = 0; i < run.length; ) {
    let j = i;
    while (j < run.length && run[j] !== ' ' && run[j] !== '\u00a0') j++;
    const word = run.slice(i, j);
    parts.push({ word, at: i, key: keyOf(word) });
    for (i = j; i < run.length && (run[i] === ' ' || run[i] === '\u00a0'); ) i++;
  }
  // a day or month after a name is not part of it ("CNBC Saturday", "Kerry Monday")
  while (parts.length > 1 && NOT_NAME_WORDS.has(parts[parts.length - 1].key)) parts.pop();
  if (parts.length === 1) return nameShape(parts[0].word);
  // the name begins after the last title-like word: "Fisheries Minister Tomas Brandt", "Secretary of State John Kerry"
  // (also a verb of a title-case headline, "Hollande Says Donald Trump", an imperative, "Watch Bush", and an
  // outlet's acronym before a full name, "CNN Michael Bociurkiw")
  const titleLike = (p: { word: string; key: string }, j: number) =>
    NOT_NAME_WORDS.has(p.key) || TITLES.has(p.key) || isOrganisationKey(p.key) || isNationality(p.word) || p.word === 'of' || p.word === 'the' ||
    SPEECH_VERBS.has(p.key) || HEADLINE_VERBS.has(p.key) || (/^\p{Lu}{2,6}$/u.test(p.word) && parts.length - j > 2) ||
    // a possessor before the name: "CNN's Arwa Damon"
    /['’]s$/.test(p.word);
  let k = 0;
  for (let j = parts.length - 2; j >= 0; j--) if (titleLike(parts[j], j)) {
    k = j + 1;
    break;
  }
  if (k === parts.length - 1 && (NOT_NAME_WORDS.has(parts[k].key) || TITLES.has(parts[k].key))) return null;
  const names = parts.slice(k);
  // honorifics (Mr, Mrs) give a gender, not a role
  const titleWords = parts.slice(0, k).filter((p) => !NOT_NAME_WORDS.has(p.key));
  const gender = parts.slice(0, k).map((p) => GENDERED_TITLES.get(p.key)).find((g) => g) ?? GIVEN_NAME_GENDER.get(names[0].key) ?? null;
  const organisation = names.some((n) => isOrganisationKey(n.key));
  const last = names[names.length - 1];
  return {
    end: last.at + bareWord(last.word).length,
    words: names.map((n) => bareWord(n.word)),
    keys: names.map((n) => n.key),
    organisation,
    notPerson: organisation || names.some((n) => isNationality(n.word)),
    nameStart: names[0].at,
    title: titleWords.length ? run.slice(titleWords[0].at, titleWords[titleWords.length - 1].at + titleWords[titleWords.length - 1].word.length) : null,
    gender: names.length > 1 || k > 0 ? gender : null,
  };
}

/** Names recur, within an article and across articles: each distinct run text is split into titles and name once. */
const shapeOf = remembered(nameShape, 20000);

/** Files a run under `key`. */
function addRun(map: Map<string, NameRun[]>, key: string, run: NameRun): void {
  const list = map.get(key);
  if (list) list.push(run);
  else map.set(key, [run]);
}

function indexNames(text: string): { bySurname: Map<string, NameRun[]>; byFirstWord: Map<string, NameRun[]>; runs: NameRun[] } {
  const bySurname = new Map<string, NameRun[]>();
  const byFirstWord = new Map<string, NameRun[]>();
  const runs: NameRun[] = [];
  // (a pattern finds the next candidate capital faster than a loop over character codes)
  const candidate = /[A-Z\u0080-\uffff]/g;
  for (let found = candidate.exec(text); found; found = candidate.exec(text)) {
    const i = found.index;
    if (text.charCodeAt(i) >= 128 && !UPPER.test(text[i])) continue;
    const end = runEnd(text, i);
    const runText = text.slice(i, end);
    const shape = shapeOf(runText);
    const start = i;
    candidate.lastIndex = end;
    if (!shape || shape.words.length > 5) continue;
    const run: NameRun = { start, end: start + shape.end, nameStart: start + shape.nameStart, words: shape.words, keys: shape.keys, title: shape.title, gender: shape.gender, organisation: shape.organisation, notPerson: shape.notPerson, entity: null };
    runs.push(run);
    addRun(bySurname, run.keys[run.keys.length - 1], run);
    if (run.words.length === 2) addRun(byFirstWord, run.keys[0], run);
  }
  return { bySurname, byFirstWord, runs };
}

/** Heads of unnamed-source descriptions whose shorter mentions take the fuller one's affiliation. */
const UNNAMED_HEADS = new Set(['official', 'officials', 'source', 'sources', 'diplomat', 'diplomats', 'spokesman', 'spokeswoman', 'spokesperson', 'aide', 'aides', 'adviser', 'officer', 'commander']);
/** Heads of descriptions a lede uses for a person the next paragraph names ("Russia's top diplomat"). */
const LEDE_HEADS = new Set(['diplomat', 'chief', 'leader', 'head']);
/** Heads of descriptions that one named office holder answers to. */
const HOLDER_TITLES = new Set(['minister', 'president', 'premier', 'chancellor', 'secretary', 'secretary-general', 'ambassador', 'envoy', 'governor', 'mayor', 'king', 'queen', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'commander']);
/** The common verbs of reported statements, in running text. */
const STATEMENT_VERB = /\b(?:said|says|told|tells|added|adds|stated|declared|announced|expressed|wrote|writes|tweeted|insisted|warned|argued|noted|according to)\b/;
/**
 * A role or affiliation worth keeping: not a determiner or particle alone ("The", "de"), not a lone
 * place or word that is no title ("Syria.", "Egypt's", "Opponents"), not a clause ("the Pentagon said").
 */
function isRoleText(d: string): boolean {
  const words = d.split(/\s+/);
  if (words.every((w) => NOT_NAME_WORDS.has(keyOf(w)) || isParticle(w.toLowerCase()))) return false;
  if (words.some((w) => /^(?:said|says|told|tells)$/i.test(w))) return false;
  if (words.length === 1) return TITLES.has(keyOf(words[0])) || SPEAKER_NOUNS.has(keyOf(words[0])) || ORGANISATION_WORDS.has(keyOf(words[0])) || /^(?:\p{Lu}\.?){2,}$/u.test(words[0]);
  return true;
}
/** isRoleText, once per descriptor: the same titles recur on every mention of a name. */
const isRole = remembered(isRoleText, 5000);

/** A name particle, "el" included: written apart and capitalised, "El" opens a name's run ("El Baradei"). */
const isParticle = (word: string) => NAME_PARTICLES.has(word) || word === 'el';
const isOrganisationKey = (key: string) => ORGANISATION_WORDS.has(key) || STATE_NAMES.has(key);

/** Whether a run's titles end with a title word ("Foreign Minister", not "CNN's"): once per title. */
const endsWithTitle = remembered((title: string) => TITLES.has(keyOf(title.split(/\s+/).pop()!)), 5000);

/** A run that names a person: a title before it, or two or more name words none of which is an organisation word. */
function looksLikePerson(run: NameRun, bySurname: Map<string, NameRun[]>, byFirstWord: Map<string, NameRun[]>, fullNameKnown: Map<string, boolean>): boolean {
  if (run.notPerson) return false;
  if (run.words.length >= 2 || (run.title && endsWithTitle(run.title))) return true;
  // a surname alone: a person when the article gives the full name elsewhere (once per surname)
  const key = run.keys[0];
  let known = fullNameKnown.get(key);
  if (known === undefined) {
    // (or as the family name first: "Ban" after "Ban Ki-moon", "Hua" after "Hua Chunying")
    known = (bySurname.get(key) ?? []).some((r) => r.words.length >= 2 && !r.notPerson) || (byFirstWord.get(key) ?? []).some((r) => !r.notPerson);
    fullNameKnown.set(key, known);
  }
  return known;
}

/** A name that opens a paragraph, a sentence or a clause: "... . Kerry met", "and Lavrov said". */
function isSubjectPosition(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  return before.trim() === '' || /(?:[.!?:;,]["”’)]?|\n|\b(?:and|but|when|while|as|after|before|because|that|where|since))\s+$/.test(before);
}

const sameWord = (a: string, b: string) => a === b || a.toLowerCase() === b.toLowerCase();
const isSuffix = (short: string[], long: string[]) =>
  short.length <= long.length && short.every((w, i) => sameWord(w, long[long.length - short.length + i]));

/** The name after a role word ("columnist Ai Jun"), matched where the role word ends. */
const NAME_AFTER_ROLE = /\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/uy;
const isAsciiWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/**
 * The name written right after the last whole `role` word in text[from, to) ("columnist Ai Jun"), or null.
 * (Found from the role word's occurrences back from `to`: a pattern run over the whole window cost more.)
 */
function nameAfterLastRole(text: string, role: string, from: number, to: number): string | null {
  // (searched in the window itself: lastIndexOf on the whole text would run on to its start)
  const window = text.slice(from, to);
  for (let at = window.lastIndexOf(role, window.length - role.length); at >= 0; at = at > 0 ? window.lastIndexOf(role, at - 1) : -1) {
    if (at > 0 && isAsciiWordChar(window.charCodeAt(at - 1))) continue;
    NAME_AFTER_ROLE.lastIndex = at + role.length;
    const m = NAME_AFTER_ROLE.exec(window);
    if (m) return m[1];
  }
  return null;
}

/** "a Russian Embassy official": an unnamed source's fuller mention, one pattern per head noun (a fixed few). */
const fullerMentionPatterns = new Map<string, RegExp>();
function fullerMentionPattern(singular: string): RegExp {
  let pattern = fullerMentionPatterns.get(singular);
  if (!pattern) fullerMentionPatterns.set(singular, (pattern = new RegExp(`\\b(?:an?|the)\\s+((?:[a-z][a-z-]*\\s+){0,2}(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,3})${escapeRegExp(singular)}s?\\b`, 'gu')));
  return pattern;
}
/**
 * The words before `singular` in the last fuller mention of an unnamed source in `window` ("Russian Embassy "
 * of "a Russian Embassy official"), as a left-to-right scan of the whole window finds them; null when none.
 * (The scan starts after the last character no mention can hold before the head noun's last occurrence: the
 * matches after it are the whole scan's, since none runs across that character. The whole window is scanned
 * only when none follows it. A whole scan of 1,500 characters cost more than the rest of a source's resolution.)
 */
function lastFullerMention(window: string, singular: string): string | null {
  const last = window.lastIndexOf(singular);
  if (last < 0) return null;
  let from = 0;
  for (let i = last - 1; i >= 0; i--) {
    if (isMentionBarrierAt(window, i)) {
      from = i + 1;
      break;
    }
  }
  const pattern = fullerMentionPattern(singular);
  return lastGroupFrom(window, pattern, from) ?? (from > 0 ? lastGroupFrom(window, pattern, 0) : null);
}
/** The first group of the last match of the global `pattern` in `text` from `from` (lastIndex is 0 again after). */
function lastGroupFrom(text: string, pattern: RegExp, from: number): string | null {
  pattern.lastIndex = from;
  let group: string | null = null;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) group = m[1];
  return group;
}
const MENTION_CHARACTER = /[\s\p{L}.'’-]/u;
/** A character no fuller mention holds: not a letter, space, period, apostrophe or hyphen (a surrogate counts as one it may hold). */
function isMentionBarrierAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 32 || (c >= 9 && c <= 13) || c === 46 || c === 39 || c === 45);
  return !(c >= 0xd800 && c <= 0xdfff) && !MENTION_CHARACTER.test(text[i]);
}

/** A whole-word pattern for each pronoun ("he", "they"), built once. */
const pronounPatterns = new Map<string, RegExp>();
function pronounPattern(pronoun: string): RegExp {
  let pattern = pronounPatterns.get(pronoun);
  if (!pattern) pronounPatterns.set(pronoun, (pattern = new RegExp(`\\b${escapeRegExp(pronoun)}\\b`, 'i')));
  return pattern;
}

const isSpaceCode = (c: number) => c === 32 || c === 0xa0 || (c >= 9 && c <= 13);

/**
 * The mention as a speaker's name can use it, or null when it is none: a listener ("told Interfax"), a clause
 * fragment ("that he didn't", "despite polls"), a lone adjective or number ("a vocal", "many"). A subordinator
 * before the subject is dropped ("while critics" -> critics), and so is a possessive ending ("Russian
 * government's" -> Russian government); "U.S" gets back the period the sentence's end took.
 * (lib/reported.ts reads subjects as plain noun phrases; this is where every mention becomes a speaker.)
 */
function speakerSource(text: string, source: SourceMention): SourceMention | null {
  if (source.kind === 'pronoun') return source;
  // (a listener whose speaker lib/attribution.ts's relayedSpeaker found no subject for)
  if (followsTell(text, source.start)) return null;
  // (most names are whole already: no possessive or cut "U.S" at their end)
  if (source.kind === 'name' && !/['’s.]$|\.\p{L}$/u.test(source.text)) return source;
  const words: { start: number; end: number; key: string }[] = [];
  const written = source.text;
  for (let i = 0; i < written.length; ) {
    let j = i;
    while (j < written.length && !isSpaceCode(written.charCodeAt(j))) j++;
    if (j > i) words.push({ start: source.start + i, end: source.start + j, key: written.slice(i, j).toLowerCase() });
    for (i = j; i < written.length && isSpaceCode(written.charCodeAt(i)); ) i++;
  }
  if (!words.length) return null;
  if (source.kind !== 'name') {
    while (words.length > 1 && SUBJECT_OPENERS.has(words[0].key)) words.shift();
    if (ADJUNCT_OPENERS.has(words[0].key)) return null;
    // "days after Ukrainian forces": the subject of the clause a subordinator opens inside the phrase
    const inner = words.findIndex((w, k) => k > 0 && k < words.length - 1 && INNER_SUBORDINATORS.has(w.key));
    if (inner > 0) words.splice(0, inner + 1);
    // "the prime minister didn't", "the reporter who": an auxiliary or a relative pronoun the reading took in
    if (words.length > 1 && (CONTRACTION.test(words[words.length - 1].key) || /^(?:who|which|that)$/.test(words[words.length - 1].key))) words.pop();
    const opener = text.slice(words[0].start, words[0].end);
    if (PERSONAL_PRONOUN.test(opener) || (words.length === 1 && POSSESSIVE_WORDS.has(words[0].key)) || words.some((w) => CONTRACTION.test(w.key))) return null;
    // "head of the Israeli military's": a possessive after "of" belongs to a noun the reading cut off
    if (words.length > 2 && words.some((w) => w.key === 'of') && /(?:['’]s|s['’])$/.test(words[words.length - 1].key)) return null;
    const body = /^(?:the|a|an)$/.test(words[0].key) && words.length > 1 ? words.slice(1) : words;
    const head = keyOf(body[body.length - 1].key);
    if (NO_SPEAKER_HEADS.has(head)) return null;
    // a lone adjective of stance ("Pro-Russian", "Anti-government") names nobody
    if (body.length === 1 && /^(?:anti|pro)-/.test(head)) return null;
    // a lone lower-case adjective: the reading stopped before its noun ("a vocal [advocate]", "the biggest [decline]")
    if (body.length === 1 && !/^\p{Lu}/u.test(text[body[0].start]) && !SPEAKER_NOUNS.has(head) && !ORGANISATION_WORDS.has(head) && ADJECTIVE_ENDING.test(head)) return null;
  }
  const first = words[0], last = words[words.length - 1];
  // (a mention's end may hold the period its text leaves out: "Comey Jr.")
  let end = last.end === source.start + written.length ? source.end : last.end;
  // a possessor without its noun speaks as itself
  const possessive = /['’]s?$/.exec(text.slice(last.start, end));
  if (possessive && end - possessive[0].length > last.start && (possessive[0].length === 2 || /s['’]$/.test(text.slice(last.start, end)))) end -= possessive[0].length;
  // "U.S" before the period that also ends the sentence
  if (text[end] === '.' && /(?:^|[^\p{L}])(?:\p{L}\.)+\p{L}$/u.test(text.slice(first.start, end))) end++;
  if (first.start === source.start && end === source.end) return source;
  const words_ = text.slice(first.start, end);
  // a single capitalised word left ("Trump's" read as a description) is a name
  const kind = source.kind === 'description' && /^\p{Lu}[^\s]*$/u.test(words_) && !SPEAKER_NOUNS.has(keyOf(words_)) ? 'name' : source.kind;
  return { ...source, start: first.start, end, text: words_, kind };
}

/**
 * Whether a one-word name is a common word capitalised only where it opens a sentence or a title ("Indeed",
 * "Instead", "The Latest"): never capitalised after a sentence's first word, and written in lower case too
 * or shaped as an adverb or participle. A name is written mid-sentence somewhere ("said Kerry", "John Kerry").
 */
function isCommonWord(text: string, name: string, memo: Map<string, boolean>): boolean {
  if (!mayBeCommonWord(name)) return false;
  let common = memo.get(name);
  if (common !== undefined) return common;
  common = true;
  for (let at = text.indexOf(name); at >= 0 && common; at = text.indexOf(name, at + name.length)) {
    if (isWordCharAt(text, at - 1) || isWordCharAt(text, at + name.length)) continue;
    if (!opensSentence(text, at)) common = false;
  }
  if (common && !/(?:ly|ing|ed)$/.test(name)) common = hasLowerCaseWord(text, name.toLowerCase());
  memo.set(name, common);
  return common;
}
/** Whether a name is shaped as a common word might be: one capitalised word, not a plural, speaker noun or share. */
const mayBeCommonWord = remembered(
  // (a capitalised plural or speaker noun opening a sentence is a group described: "Critics say", "Poll finds")
  (name: string) => !(/\s/.test(name) || !/^\p{Lu}\p{Ll}+$/u.test(name) || name.endsWith('s') || SPEAKER_NOUNS.has(name.toLowerCase()) || ORGANISATION_WORDS.has(name.toLowerCase()) || SHARES.has(name.toLowerCase())),
  5000,
);
const isWordCharAt = (text: string, i: number) => i >= 0 && i < text.length && LETTER_OR_MARK.test(text[i]);
/** Whether the word at `at` opens a sentence, a paragraph or a title (after "The"/"A"), past opening marks and brackets. */
function opensSentence(text: string, at: number): boolean {
  let i = previousMark(text, at - 1);
  // a title's article: "The Latest: ..."
  let j = i;
  while (j >= 0 && LETTER_OR_MARK.test(text[j])) j--;
  if (/^(?:The|A|An)$/.test(text.slice(j + 1, i + 1))) i = previousMark(text, j);
  if (i < 0 || /[.!?:;\n\u2028\u2029—–-]/.test(text[i])) return true;
  // after a closing quotation mark only when the quote ended its sentence ('..." Kerry said' runs on)
  return /["'”’]/.test(text[i]) && /[.!?]/.test(text[i - 1] ?? '');
}
/** The index of the last character before i + 1 that is no space, opening mark or bracket (a straight mark after a space opens). */
function previousMark(text: string, i: number): number {
  for (;;) {
    while (i >= 0 && /[ \t\u00a0“‘(\[]/.test(text[i])) i--;
    if (i >= 0 && /["']/.test(text[i]) && (i === 0 || /\s/.test(text[i - 1]))) i--;
    else return i;
  }
}
/** Whether `word` stands in the text as a whole word in lower case. */
function hasLowerCaseWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) if (!isWordCharAt(text, at - 1) && !isWordCharAt(text, at + word.length)) return true;
  return false;
}

/** A heading: a paragraph without closing punctuation. */
const isHeading = (text: string, paragraph: Paragraph): boolean => !/[.!?:"”’)]$/.test(text.slice(paragraph.end - 1, paragraph.end));

const byStart = (x: Span, y: Span) => x.start - y.start;
/** (mentions are mostly added in text order: sorting only those that are not saves the sort's calls) */
function isSortedByStart(spans: Span[]): boolean {
  for (let k = 1; k < spans.length; k++) if (spans[k].start < spans[k - 1].start) return false;
  return true;
}
/** Whether a word of a name is an organisation or state word ("Foreign Ministry", "Moscow"): once per name. */
const hasOrganisationWord = remembered((name: string) => name.split(' ').some((w) => isOrganisationKey(w.toLowerCase())), 5000);

/** Whether a pronoun (he, she, they, it) can stand for `entity`, a plural source or not, of the pronoun's `gender`. */
function fitsPronoun(pronoun: string, entity: Entity, plural: boolean, gender: SourceMention['gender']): boolean {
  if (pronoun === 'he' || pronoun === 'she') return entity.type === 'person' && (!entity.gender || entity.gender === gender);
  return pronoun === 'they' ? plural || entity.type === 'organisation' || entity.type === 'group' : entity.type === 'organisation';
}
/** `entity` when its gender is unknown or `gender`, else null. */
const ofGender = (entity: Entity, gender: SourceMention['gender']): Entity | null => (!entity.gender || entity.gender === gender ? entity : null);

/** Resolves each statement's source mention to an entity. */
export function resolveSpeakers(text: string, paragraphs: Paragraph[], attributions: Attribution[]): { entities: Entity[]; statements: Statement[] } {
  return new SpeakerResolution(text, paragraphs, attributions).resolveAll(attributions);
}

/** Index of the first of `list` (sorted by start) that starts at or after `from` (binary search). */
function firstRunFrom(list: NameRun[], from: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last of `list` (sorted by start) that starts in [from, before) and passes `accept`, walking back. */
function nearestRun(list: NameRun[], from: number, before: number, accept: (r: NameRun) => Entity | null): Entity | null {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < before) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && list[k].start >= from; k--) {
    const e = accept(list[k]);
    if (e) return e;
  }
  return null;
}

/**
 * One article's speakers as they are resolved: its index of names, the entities found so far and the recent
 * sources pronouns look back to. (A class, not closures made in resolveSpeakers: under tsx each closure made
 * on a call cost an __name call.)
 */
class SpeakerResolution {
  readonly names: Map<string, NameRun[]>;
  readonly byFirstWord: Map<string, NameRun[]>;
  /** Persons named outside quotation marks (a speaker rarely names himself inside his own quote). */
  readonly personRuns: NameRun[];
  /** Organisations so named: a body or state word in the run, not a nationality adjective alone ("Turkish"). */
  readonly organisationRuns: NameRun[];
  readonly titledRuns: NameRun[];
  readonly entities: Entity[] = [];
  readonly byKey = new Map<string, Entity>();
  readonly resolved = new Map<SourceMention, number | null>();
  /** Entities in order of their latest mention as a source, for pronouns. */
  readonly recent: { entity: Entity; at: number; plural: boolean; direct: boolean }[] = [];
  readonly commonWords = new Map<string, boolean>();
  // each entity's mentions seen, as start and length in one number (a string key per mention made this
  // set the stage's largest cost on long texts); a small integer while start * 128 stays under 2^30, which
  // hashes fastest (a mention is a name: never 127 characters long)
  readonly seen: Set<number>[] = [];
  readonly byMentionText = new Map<string, Entity>();
  /** The latest unnamed source per head noun ("official"), for a shorter mention of it later. */
  readonly describedByHead = new Map<string, Entity>();
  lastUnnamedHead: string | null = null;
  /** The speaker an outlet relays, or who told it ("X told Interfax", "Interfax quoted X as saying"), per source. */
  readonly relayed = new Map<SourceMention, SourceMention>();

  constructor(
    readonly text: string,
    readonly paragraphs: Paragraph[],
    attributions: Attribution[],
  ) {
    const { bySurname, byFirstWord, runs } = indexNames(text);
    this.names = bySurname;
    this.byFirstWord = byFirstWord;
    const fullNameKnown = new Map<string, boolean>();
    const quoted = attributions.filter((a) => a.kind === 'direct').map((a) => ({ start: a.start, end: a.end })).sort((x, y) => x.start - y.start);
    let qi = 0;
    const outsideQuotes = runs.filter((r) => {
      while (qi < quoted.length && quoted[qi].end <= r.start) qi++;
      const insideQuote = qi < quoted.length && quoted[qi].start <= r.start;
      return !insideQuote;
    });
    this.organisationRuns = outsideQuotes.filter((r) => r.organisation);
    this.personRuns = outsideQuotes.filter((r) => looksLikePerson(r, bySurname, byFirstWord, fullNameKnown));
    this.titledRuns = this.personRuns.filter((r) => r.title !== null);
  }

  /** Every statement with the entity its source resolves to, and the entities. */
  resolveAll(attributions: Attribution[]): { entities: Entity[]; statements: Statement[] } {
    const { text, paragraphs, relayed, resolved, entities } = this;
    for (const a of attributions) {
      if (!a.source || relayed.has(a.source)) continue;
      const speaker = relayedSpeaker(text, a, paragraphs[this.paragraphOf(a.source.start)]);
      if (speaker) relayed.set(a.source, speaker);
    }
    // sources in text order, so that pronouns see the speakers named before them
    // (a stable sort: sources at the same place keep the statements' order)
    const order = attributions.filter((a) => a.source).sort((x, y) => x.source!.start - y.source!.start);
    for (const a of order) this.resolve(a.source!, a.kind === 'direct');
    // (written out: spreading each attribution cost more than resolving it)
    const statements: Statement[] = attributions.map((a) => ({ start: a.start, end: a.end, text: a.text, kind: a.kind, quote: a.quote, cue: a.cue, source: a.source, entity: a.source ? resolved.get(a.source) ?? null : null }));
    for (const e of entities) {
      if (!isSortedByStart(e.mentions)) e.mentions.sort(byStart);
      if (e.type === 'person' && hasOrganisationWord(e.name)) e.type = 'organisation';
    }
    return { entities, statements };
  }

  /** Index of the paragraph holding `at` (binary search). */
  paragraphOf(at: number) {
    const { paragraphs } = this;
    let lo = 0, hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paragraphs[mid].start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The entity under `key`, made when it is new. */
  entityFor(key: string, name: string, type: EntityType): Entity {
    const { entities, byKey } = this;
    let e = byKey.get(key);
    if (!e) {
      e = { id: entities.length, name, type, gender: null, descriptors: [], mentions: [] };
      entities.push(e);
      byKey.set(key, e);
    }
    return e;
  }

  // a descriptor that contains another replaces it ("Major General" -> "the ministry's spokesperson Major General")
  addDescriptors(e: Entity, descriptors: (string | null | undefined)[]) {
    for (const d of descriptors) {
      // a determiner or name particle alone ("The", "de") is no role
      if (!d || !isRole(d) || e.descriptors.some((x) => x.includes(d))) continue;
      const within = e.descriptors.findIndex((x) => d.includes(x));
      if (within >= 0) e.descriptors[within] = d;
      else e.descriptors.push(d);
    }
  }

  addMention(e: Entity, span: Span) {
    const { seen } = this;
    const key = span.start * 128 + Math.min(span.end - span.start, 127);
    const set = (seen[e.id] ??= new Set());
    if (set.has(key)) return;
    set.add(key);
    e.mentions.push({ start: span.start, end: span.end });
  }

  /** The person a name mention stands for, once per written name. */
  resolveName(source: SourceMention): Entity {
    const { byMentionText } = this;
    const cached = byMentionText.get(source.text);
    if (cached) return cached;
    const e = this.resolveNameWords(source);
    byMentionText.set(source.text, e);
    return e;
  }

  resolveNameWords(source: SourceMention): Entity {
    const { names, byFirstWord } = this;
    const words = source.text.split(/\s+/).map((w) => w.replace(/['’]s$/, ''));
    const runs = names.get(keyOf(words[words.length - 1])) ?? [];
    // the fullest form: the most frequent of the longer runs that end with the mention's words (so an
    // epithet once before a name does not stick), the longer on a tie
    const counts = new Map<string, { words: string[]; n: number }>();
    for (const r of runs) {
      if (r.words.length <= words.length || r.words.length > 4 || !isSuffix(words, r.words) || r.words.every((w) => w === w.toUpperCase())) continue;
      const key = r.words.join(' ').toLowerCase();
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { words: r.words, n: 1 });
    }
    // family name first ("Shen" -> "Shen Xincheng") when no longer form ends with the mention
    if (counts.size === 0 && words.length === 1) {
      for (const r of byFirstWord.get(keyOf(words[0])) ?? []) {
        if (r.notPerson) continue;
        const key = r.words.join(' ').toLowerCase();
        const c = counts.get(key);
        if (c) c.n++;
        else counts.set(key, { words: r.words, n: 1 });
      }
    }
    let fullest = words;
    let best = 0;
    for (const { words: w, n } of counts.values()) if (n > best || (n === best && w.length > fullest.length)) [fullest, best] = [w, n];
    // a surname with a particle ("Van Rompuy") is not yet the fullest form when a longer one ends with it
    if (isParticle(fullest[0].toLowerCase())) {
      for (const { words: w } of counts.values()) if (w.length > fullest.length && isSuffix(fullest, w)) fullest = w;
    }
    const name = fullest.join(' ');
    const e = this.entityFor(`name:${name.toLowerCase()}`, name, 'person');
    for (const r of runs) {
      if (!isSuffix(r.words, fullest) && !isSuffix(fullest, r.words)) continue;
      this.addMention(e, { start: r.nameStart, end: r.end });
      this.addDescriptors(e, [r.title && !NOT_NAME_WORDS.has(keyOf(r.title)) ? r.title : null]);
      e.gender ??= r.gender;
    }
    e.gender ??= GIVEN_NAME_GENDER.get(fullest[0].toLowerCase()) ?? source.gender ?? null;
    return e;
  }

  /** The entity a person's run names (resolveName of its words, kept on the run: pronouns walk the same runs again). */
  runEntity(r: NameRun): Entity {
    return (r.entity ??= this.resolveName({ start: r.nameStart, end: r.end, text: r.words.join(' '), kind: 'name' }));
  }

  /** Another person named in (at, pronoun) who could be the pronoun's antecedent instead of `entity`. */
  rivalSince(entity: Entity, at: number, pronoun: SourceMention): Entity | null {
    const { personRuns } = this;
    return nearestRun(personRuns, at + 1, pronoun.start, (r) => {
      const e = this.runEntity(r);
      return e !== entity ? ofGender(e, pronoun.gender) : null;
    });
  }

  resolvePronoun(source: SourceMention, quoting = false): Entity | null {
    const { text, paragraphs, personRuns, organisationRuns, recent } = this;
    const p = source.text.toLowerCase();
    // the reach runs back one paragraph, and on through paragraphs that keep using the same pronoun
    // (headings, paragraphs without closing punctuation, do not count)
    let first = this.paragraphOf(source.start);
    for (let step = 0; step < PRONOUN_REACH && first > 0; ) if (!isHeading(text, paragraphs[--first])) step++;
    const samePronoun = pronounPattern(p);
    for (let extra = 0; extra < PRONOUN_CHAIN && first > 0 && samePronoun.test(text.slice(paragraphs[first].start, paragraphs[first].end)); extra++) first--;
    const reach = paragraphs[first]?.start ?? 0;
    const personal = p === 'he' || p === 'she';
    // a person named earlier in the pronoun's own sentence first ("said Shoigu denied ... what he called")
    if (personal) {
      const sentence = sentenceStart(text, paragraphs[this.paragraphOf(source.start)].start, source.start);
      const inSentence = nearestRun(personRuns, sentence, source.start, (r) => ofGender(this.runEntity(r), source.gender));
      if (inSentence) return inSentence;
      // then the person who opens a sentence earlier in the pronoun's paragraph, after its last source
      // ("U.S. President Bush, speaking from Beijing, called for a halt. He urged ...")
      let lastSource = paragraphs[this.paragraphOf(source.start)].start;
      for (let k = recent.length - 1; k >= 0; k--) if (recent[k].at < source.start) {
        lastSource = Math.max(lastSource, recent[k].at);
        break;
      }
      const opener = nearestRun(personRuns, lastSource, sentence, (r) => {
        const paragraphStart = paragraphs[this.paragraphOf(source.start)].start;
        return sentenceStart(text, paragraphStart, r.start + 1) === r.start ? ofGender(this.runEntity(r), source.gender) : null;
      });
      if (opener) return opener;
    }
    // then the most recent speaker in reach
    for (let k = recent.length - 1; k >= 0 && recent[k].at >= reach; k--) {
      const { entity, plural, at, direct } = recent[k];
      if (at >= source.start || !fitsPronoun(p, entity, plural, source.gender)) continue;
      // a quote's "he said" goes to the speaker of the quote before it, not to someone reported in
      // passing in that paragraph ('"...," Medvedev said, moments after Valls said ... ¶ "...," he said')
      if (!direct && quoting) {
        const paragraph = this.paragraphOf(at);
        for (let j = k - 1; j >= 0 && this.paragraphOf(recent[j].at) === paragraph; j--) if (recent[j].direct && fitsPronoun(p, recent[j].entity, recent[j].plural, source.gender)) return recent[j].entity;
      }
      return entity;
    }
    // then the nearest person (he, she) or organisation (it, they) named outside quotes in reach
    if (personal) {
      // a person in subject position first (opening a sentence or clause), then any
      const near =
        nearestRun(personRuns, reach, source.start, (r) => (isSubjectPosition(text, r.start) ? ofGender(this.runEntity(r), source.gender) : null)) ??
        nearestRun(personRuns, reach, source.start, (r) => ofGender(this.runEntity(r), source.gender));
      if (near) return near;
      // beyond the reach, the last source of any statement when it fits and no fitting person is named
      // since ("..., said Obama." / a paragraph on the army / '"...," he added.')
      const far = paragraphs[Math.max(0, first - PRONOUN_FAR)].start;
      for (let k = recent.length - 1; k >= 0 && recent[k].at >= far; k--) {
        const { entity, plural, at } = recent[k];
        if (at >= source.start) continue;
        if (!fitsPronoun(p, entity, plural, source.gender)) break;
        // a paragraph between that reports anyone's words has moved on from that speaker
        const between = text.slice(paragraphs[this.paragraphOf(at)].end, paragraphs[this.paragraphOf(source.start)].start);
        if (STATEMENT_VERB.test(between)) break;
        return this.rivalSince(entity, at, source) ? null : entity;
      }
      // a he/she whose gender only the last source of that gender shares, every person named since
      // being of the other gender ("... spokeswoman Hua Chunying said" ... three paragraphs of Toner ... "she said")
      if (!source.gender) return null;
      const farther = paragraphs[Math.max(0, first - PRONOUN_GENDER_FAR)].start;
      for (let k = recent.length - 1; k >= 0 && recent[k].at >= farther; k--) {
        const { entity, at } = recent[k];
        if (at >= source.start || entity.type !== 'person') continue;
        if (!entity.gender) return null;
        if (entity.gender === source.gender) return this.rivalSince(entity, at, source) ? null : entity;
      }
      return null;
    }
    // an organisation in subject position first ("The State Department issued a statement")
    return (
      nearestRun(organisationRuns, reach, source.start, (r) => (isSubjectPosition(text, r.start) ? this.describedEntity({ start: r.nameStart, end: r.end, text: r.words.join(' '), kind: 'organisation' }) : null)) ??
      nearestRun(organisationRuns, reach, source.start, (r) => this.describedEntity({ start: r.nameStart, end: r.end, text: r.words.join(' '), kind: 'organisation' }))
    );
  }

  /**
   * The nearest fuller mention of an unnamed source before `at`, within a few paragraphs' text:
   * "a Russian Embassy official" for a later "the unnamed official". Null when none names an affiliation.
   */
  fullerMentionBefore(head: string, at: number): string | null {
    const { text } = this;
    const singular = head.replace(/s$/, '');
    const window = text.slice(Math.max(0, at - 1500), at);
    const words = lastFullerMention(window, singular);
    return words === null ? null : `${words.trim()} ${singular}`;
  }

  /** The entity of an organisation or an unnamed source, keyed by its words. */
  describedEntity(source: SourceMention): Entity {
    const { names, byKey, describedByHead } = this;
    let name = source.text.replace(/^(?:the|a|an)\s+/i, '');
    // "Another said" after "one user wrote": another user
    if (/^another$/i.test(name) && this.lastUnnamedHead) name = `another ${this.lastUnnamedHead.replace(/s$/, '')}`;
    const type: EntityType = source.kind === 'organisation' ? 'organisation' : source.plural && !/official|source|diplomat/i.test(name) ? 'group' : 'unnamed';
    if (type === 'unnamed') {
      // "the official" after "a senior State Department official": the same source, under its fuller name
      const words = name.split(/\s+/);
      const head = words[words.length - 1].toLowerCase();
      const earlier = describedByHead.get(head);
      // ("a second official", "another official" are someone else)
      const someoneElse = /^(?:second|third|fourth|another|other|one|two|three|different|new)$/i.test(words[0]);
      const short = words.length <= 2 && !/^[A-Z]/.test(words[0]);
      const fuller = short && UNNAMED_HEADS.has(head) ? this.fullerMentionBefore(head, source.start) : null;
      if (fuller && someoneElse) {
        // "the second official" after "one of the Iranian officials": someone else with the same affiliation
        const affiliation = fuller.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
        if (affiliation.length) name = [words[0], ...affiliation, head].join(' ');
      } else if (fuller && fuller.length > name.length) name = fuller;
      else if (earlier && !someoneElse && short && earlier.name.length > name.length) return earlier;
      const e = this.entityFor(`${type}:${name.toLowerCase()}`, name, type);
      describedByHead.set(head, e);
      this.lastUnnamedHead = e.name.split(/\s+/).pop()!.toLowerCase();
      return e;
    }
    const key = `${type}:${name.toLowerCase()}`;
    const isNew = !byKey.has(key);
    const e = this.entityFor(key, name, type);
    if (type === 'organisation' && isNew) {
      const words = name.split(/\s+/);
      for (const r of names.get(keyOf(words[words.length - 1])) ?? []) if (isSuffix(words, r.words) || isSuffix(r.words, words)) this.addMention(e, { start: r.nameStart, end: r.end });
    }
    return e;
  }

  /**
   * The named person a definite description stands for: the nearest, within two paragraphs either way,
   * whose title holds every title word of it ("its foreign minister" -> Foreign Minister Ali Akbar
   * Salehi, "the country's president" -> President Viktor Yanukovych). Indefinite ones ("a spokesman") are someone unnamed.
   */
  titleHolder(source: SourceMention): Entity | null {
    const { text, paragraphs, personRuns, titledRuns } = this;
    const words = source.text.split(/\s+/).map(keyOf);
    const head = words[words.length - 1];
    if (/\b(?:a|an|one|another|other|former|some|many)\s+$/i.test(text.slice(Math.max(0, source.start - 10), source.start)) || source.plural) return null;
    // "the columnist" after "columnist Ai Jun": the name the same role word stood before
    if (words.length <= 2 && /^\p{Ll}/u.test(source.text)) {
      const named = nameAfterLastRole(text, head, Math.max(0, source.start - 1500), source.start);
      if (named) return this.resolveName({ start: 0, end: 0, text: named.replace(/['’]s$/, ''), kind: 'name' });
    }
    if (!HOLDER_TITLES.has(head) && !LEDE_HEADS.has(head)) return null;
    // a description in a lede whose next paragraph opens with the person's name ("Turkey's prime
    // minister ... called the strikes "unacceptable." ¶ Recep Tayyip Erdogan made the statement ...")
    const p = this.paragraphOf(source.start);
    const next = paragraphs[p + 1];
    const atNext = next ? personRuns[firstRunFrom(personRuns, next.start)] : undefined;
    const opener = atNext && atNext.start === next!.start ? atNext : undefined;
    if (opener && sentenceStart(text, paragraphs[p].start, source.start) === paragraphs[p].start && !HOLDER_TITLES.has(head)) return this.resolveName({ start: opener.nameStart, end: opener.end, text: opener.words.join(' '), kind: 'name' });
    if (!HOLDER_TITLES.has(head)) return null;
    const wanted = words.filter((w) => TITLES.has(w));
    const from = paragraphs[Math.max(0, p - 2)].start, to = paragraphs[Math.min(paragraphs.length - 1, p + 2)].end;
    let best: NameRun | null = null;
    for (let k = firstRunFrom(titledRuns, from); k < titledRuns.length && titledRuns[k].start < to; k++) {
      const r = titledRuns[k];
      if (best && Math.abs(r.start - source.start) >= Math.abs(best.start - source.start)) continue;
      const title = r.title!.split(/\s+/).map(keyOf);
      if (wanted.every((w) => title.includes(w))) best = r;
    }
    if (best) return this.resolveName({ start: best.nameStart, end: best.end, text: best.words.join(' '), kind: 'name' });
    return opener && sentenceStart(text, paragraphs[p].start, source.start) === paragraphs[p].start ? this.resolveName({ start: opener.nameStart, end: opener.end, text: opener.words.join(' '), kind: 'name' }) : null;
  }

  /** The entity a written source mention resolves to (its id), or null; once per mention. */
  resolve(written: SourceMention, direct: boolean): number | null {
    const { text, resolved, recent, commonWords, relayed } = this;
    if (resolved.has(written)) return resolved.get(written)!;
    const source = speakerSource(text, relayed.get(written) ?? written);
    if (!source) {
      resolved.set(written, null);
      return null;
    }
    let e: Entity | null;
    if (source.kind === 'pronoun') e = this.resolvePronoun(source, direct);
    // a capitalised common noun opening a sentence ("Witnesses said") is a description
    else if (source.kind === 'name' && !/\s/.test(source.text) && SPEAKER_NOUNS.has(source.text.toLowerCase())) e = this.describedEntity({ ...source, kind: 'description', plural: /s$/.test(source.text) });
    else if (source.kind === 'name') e = this.resolveName(source);
    // "the statement said": the organisation that issued it, when one spoke in reach
    else if (source.kind === 'description' && /^(?:the |a |an )?(?:\w+ )?(?:statement|report|letter|memo|communiqu[eé]|release)$/i.test(source.text)) e = this.resolvePronoun({ ...source, text: 'it' });
    else e = (source.kind === 'description' ? this.titleHolder(source) : null) ?? this.describedEntity(source);
    // a word capitalised only where it opens a sentence is no name ("Indeed", "Instead", "The Latest")
    if (e && isCommonWord(text, e.name, commonWords)) e = null;
    if (e) {
      this.addMention(e, source);
      this.addDescriptors(e, source.descriptors ?? []);
      if (e.type === 'person' && !e.gender && source.gender) e.gender = source.gender;
      // a resolved pronoun keeps its speaker in reach for the next pronoun ("..., he said." chains)
      recent.push({ entity: e, at: source.start, plural: source.plural ?? false, direct });
    }
    resolved.set(written, e ? e.id : null);
    return e ? e.id : null;
  }
}
