import {
  ADVERB_OR_HEADING,
  GENDERED_TITLES,
  HEADLINE_VERBS,
  isNationality,
  isParticiple,
  LISTENER_VERBS,
  NAME_PARTICLES,
  NOT_NAME_WORDS,
  NOUN_LIKE_VERBS,
  ORGANISATION_WORDS,
  OUTLET_WORDS,
  PERSON_PRONOUNS,
  SPEAKER_NOUNS,
  SPEECH_VERBS,
  STATE_NAMES,
  TELL_FORMS,
  TITLES,
  VERB_MODIFIERS,
} from './lexicon';
import { remembered } from './remembered';
import { lastSentenceStart, sentenceEnd, sentenceStart, tokenize, type TextTokens, type Token } from './text';
import type { Attribution, Paragraph, QuoteSpan, SourceMention } from './types';

// Who said each quote. The source is looked for in the quote's own sentence, outside the marks:
// after it ("...," X said / "...," said X) and before it (X said: "..." / X told reporters the plan
// was "doomed" / according to X). A quote with no source in its sentence takes the source of the
// quote it continues, of an attributed quote in its paragraph, or, when it opens its paragraph, of
// the last source the previous paragraph names. Anything else stays unattributed: a wrong name is
// worse than none.

/** A source mention with everything the attribution site says about it filled in. */
export type SourcePhrase = SourceMention & Required<Pick<SourceMention, 'descriptors' | 'gender' | 'plural'>>;

export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'one', 'two', 'three', 'several', 'some', 'many', 'another', 'other']);
const SUBORDINATORS = new Set(['since', 'because', 'when', 'after', 'before', 'while', 'if', 'that', 'although', 'though', 'as', 'until', 'unless', 'whether']);
const RELATIVE = new Set(['who', 'whose', 'which', 'whom', 'where']);
const DESCRIPTOR_WORDS = new Set(
  ('senior top former chief deputy assistant acting veteran leading prominent longtime high-ranking ' +
    'high-level unnamed anonymous local regional state federal national foreign defense defence military ' +
    'security intelligence press communications campaign party government ministry ministry’s ministry\'s ' +
    'department administration white house pentagon military’s government’s country’s army police navy ' +
    'presidential vice executive general public political diplomatic western european american russian ' +
    'other two three several some many both another one of').split(' '),
);
const PREPOSITIONS = new Set(['to', 'of', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'into', 'about']);
const CONNECTORS = new Set([...NAME_PARTICLES, 'al-', 'and', '&']);
export const TIME_WORDS = new Set('monday tuesday wednesday thursday friday saturday sunday today tonight yesterday earlier later recently then last this week month year morning afternoon evening night'.split(' '));

const PREFIXED_CAPITAL = /^(?:al|el|ad|as|an|ash|at|az|bin|ibn)-\p{Lu}/u;
/** A capitalised word, or one with an Arabic article before its capital ("al-Assad"). ASCII first: this runs on every token. */
const isCapital = (t: Token) => {
  const c = t.text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122) return c <= 105 && PREFIXED_CAPITAL.test(t.text);
  return c > 127 && /^\p{Lu}/u.test(t.text);
};
/**
 * A capitalised word that can be part of a name: not a sentence-opening adverb or participle, not a shouted
 * heading. A function of the written word alone (its key derives from it), answered once per spelling.
 */
const nameWordSpelling = remembered((written: string) => {
  const t = tokenize(written, 0, written.length)[0];
  return t !== undefined && t.text === written && isCapital(t) && !NOT_NAME_WORDS.has(t.key) && !ADVERB_OR_HEADING.test(written);
}, 20000);
const isNameWord = (t: Token) => nameWordSpelling(t.text);
// Clause punctuation and dashes as tokenize cuts them, told by character code: the phrase readers (and
// lib/reported.ts's) ask this of most tokens, and a Set of strings hashed each one.
/** A dash token: — – ― or a hyphen, one or two ("--"), standing alone. */
const isDash = (t: Token) => {
  const c = t.text.charCodeAt(0);
  return t.text.length === 1 ? c === 0x2014 || c === 0x2013 || c === 0x2015 || c === 45 : t.text === '--';
};
/** Clause punctuation: , ; : ( ) or a dash. */
export const isPunct = (t: Token) => {
  const c = t.text.charCodeAt(0);
  return t.text.length === 1 ? c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2014 || c === 0x2013 || c === 0x2015 || c === 45 : t.text === '--';
};

/** Index after the parenthesis that opens at tokens[i] ("Rep. Gwen Moore (D-Wis.) said"), or i when none opens there. */
function skipParenthesis(tokens: Token[], i: number, ceiling: number): number {
  if (tokens[i]?.text !== '(') return i;
  for (let k = i + 1; k <= ceiling && k - i < 12; k++) if (tokens[k].text === ')') return k + 1;
  return i;
}
/** Party labels before a noun-like verb make it the noun: "Republican claims", "Democratic reports". */
const PARTY_LABELS = new Set(['republican', 'democratic', 'democrat', 'conservative', 'liberal', 'labour', 'labor', 'gop']);
const NOUN_BEFORE = /^(?:the|a|an|his|her|its|their|our|this|that|these|those|no|any|every|each|new|recent|official|state|[\d]+)$/;
/** A speech verb, unless capitalised or a noun after a determiner, possessive or nationality ("Russian state TV"). */
export function isVerbAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!SPEECH_VERBS.has(t.key) || isCapital(t)) return false;
  if (!NOUN_LIKE_VERBS.has(t.key) || i === 0) return true;
  const before = tokens[i - 1];
  return !(NOUN_BEFORE.test(before.key) || /['’]s$/.test(before.text) || isNationality(before.text) || STATE_NAMES.has(before.key) || PARTY_LABELS.has(before.key));
}
const isModifier = (t: Token) => VERB_MODIFIERS.has(t.key) || (/ly$/.test(t.key) && !isCapital(t));

/** Reads the noun phrase that ends at token `last` (inclusive), walking left. Returns its first token index. */
function phraseStartBackward(tokens: Token[], last: number, floor: number): number {
  let i = last;
  let sawHead = false;
  let nounHead = false;
  while (i >= floor) {
    const t = tokens[i];
    if (isPunct(t)) break;
    if (isNameWord(t) || (isCapital(t) && TITLES.has(t.key))) {
      sawHead = true;
      i--;
      continue;
    }
    if (CONNECTORS.has(t.key) && i - 1 >= floor && isCapital(tokens[i - 1]) && i + 1 <= last && isCapital(tokens[i + 1])) {
      i--;
      continue;
    }
    if (!sawHead && (SPEAKER_NOUNS.has(t.key) || ORGANISATION_WORDS.has(t.key) || PERSON_PRONOUNS.has(t.key))) {
      sawHead = true;
      nounHead = true;
      i--;
      if (PERSON_PRONOUNS.has(t.key)) return i + 1;
      continue;
    }
    // modifiers of a lower-case head: "senior trade official", "law enforcement officials"
    const modifier = nounHead && last - i <= 3 && !isVerbAt(tokens, i) && !VERB_MODIFIERS.has(t.key) && !DETERMINERS.has(t.key) && !RELATIVE.has(t.key) && !/^(?:and|or|but|that|to|of|in|on|at|for|with|by|from|as)$/.test(t.key);
    if (sawHead && (DESCRIPTOR_WORDS.has(t.key) || SPEAKER_NOUNS.has(t.key) || TITLES.has(t.key) || /['’]s$/.test(t.text) || modifier)) {
      i--;
      continue;
    }
    if (sawHead && DETERMINERS.has(t.key)) return i;
    break;
  }
  return sawHead ? i + 1 : last + 1;
}

/** A lower-case role word just before a name: "engineer Rui Okafor", "activist Ana Ruiz". */
function roleBeforeName(tokens: Token[], i: number, ceiling: number): boolean {
  const next = tokens[i + 1];
  return i + 1 <= ceiling && !isPunct(tokens[i]) && !/ed$/.test(tokens[i].key) && !VERB_MODIFIERS.has(tokens[i].key) && !NOT_NAME_WORDS.has(tokens[i].key) && !SUBORDINATORS.has(tokens[i].key) && !SPEECH_VERBS.has(tokens[i].key) && isCapital(next) && !NOT_NAME_WORDS.has(next.key);
}

/** Lower-case modifiers before a speaker noun: "law enforcement official", "campaign finance expert". */
function nounAhead(tokens: Token[], i: number, ceiling: number): boolean {
  for (let k = i + 1; k <= Math.min(ceiling, i + 3); k++) {
    if (isPunct(tokens[k]) || SPEECH_VERBS.has(tokens[k].key) || VERB_MODIFIERS.has(tokens[k].key) || DETERMINERS.has(tokens[k].key) || PREPOSITIONS.has(tokens[k].key)) return false;
    if (SPEAKER_NOUNS.has(tokens[k].key) || ORGANISATION_WORDS.has(tokens[k].key)) return true;
  }
  return false;
}

/** Reads the noun phrase that starts at token `first`, walking right. Returns its last token index (or first-1). */
export function phraseEndForward(tokens: Token[], first: number, ceiling: number): number {
  let i = first;
  if (i <= ceiling && PERSON_PRONOUNS.has(tokens[i].key)) return i;
  if (i <= ceiling && DETERMINERS.has(tokens[i].key)) i++;
  let end = first - 1;
  while (i <= ceiling) {
    const t = tokens[i];
    if (isPunct(t) || TIME_WORDS.has(t.key) && isCapital(t)) break;
    if (isNameWord(t)) end = i;
    else if (isCapital(t) && !TITLES.has(t.key)) break;
    else if (CONNECTORS.has(t.key) && i + 1 <= ceiling && isCapital(tokens[i + 1]) && end === i - 1) {
      /* part of a name: "Secretary of State" */
    } else if (SPEAKER_NOUNS.has(t.key) || ORGANISATION_WORDS.has(t.key)) end = i;
    else if (!(DESCRIPTOR_WORDS.has(t.key) || TITLES.has(t.key) || /['’]s$/.test(t.text) || (end < first && roleBeforeName(tokens, i, ceiling)) || (nounAhead(tokens, i, ceiling) && !(end >= first && /ed$/.test(t.key))))) break;
    i++;
  }
  return end;
}

/** The words without one final period ("Sen." -> "Sen"). */
const withoutFinalPeriod = (words: string) => (words.endsWith('.') ? words.slice(0, -1) : words);
/** "I'd", "I'm", "i’ve": I with a contraction (keys are lower case). */
const isIContraction = (key: string) => key.charCodeAt(0) === 105 && (key[1] === "'" || key[1] === '’');

/**
 * The words from..to of a source phrase as written, its descriptor; null when they are only honorifics
 * (Mr, Mrs, Ms give a gender, not a role). At module level, not a closure in mention: mention runs per quote.
 */
function descriptorOf(text: string, words: Token[], from: number, to: number): string | null {
  const parts = words.slice(from, to);
  if (parts.every((w) => /^(?:mr|mrs|ms|miss)$/.test(w.key))) return null;
  return withoutFinalPeriod(text.slice(parts[0].start, parts[parts.length - 1].end));
}

/** Builds the mention for tokens[first..last]: the name part, its kind and the descriptors before it. */
export function mention(text: string, tokens: Token[], first: number, last: number): SourcePhrase | null {
  if (last < first) return null;
  const words = tokens.slice(first, last + 1);
  if (words.every((w) => NOT_NAME_WORDS.has(w.key) || RELATIVE.has(w.key) || isIContraction(w.key)) && !PERSON_PRONOUNS.has(words[0].key)) return null;
  const single = words.length === 1 ? PERSON_PRONOUNS.get(words[0].key) : undefined;
  if (single) return { start: words[0].start, end: words[0].end, text: words[0].text, kind: 'pronoun', descriptors: [], gender: single.gender, plural: single.plural };
  // the name: the capitalised run at the end, after titles, nationalities and descriptors
  let nameFrom = words.length;
  while (nameFrom > 0) {
    const w = words[nameFrom - 1];
    const capital = isCapital(w) || (CONNECTORS.has(w.key) && nameFrom < words.length && nameFrom - 2 >= 0 && isCapital(words[nameFrom - 2]));
    if (!capital || /['’]s$/.test(w.text) || DETERMINERS.has(w.key)) break;
    nameFrom--;
  }
  // titles and nationalities lead a person's name: "Russian Foreign Minister Sergei Lavrov"
  let titleEnd = nameFrom;
  for (let k = nameFrom; k < words.length - 1; k++) {
    const w = words[k];
    if (TITLES.has(w.key) || isNationality(w.text) || CONNECTORS.has(w.key) || ORGANISATION_WORDS.has(w.key) || STATE_NAMES.has(w.key)) titleEnd = k + 1;
    else break;
  }
  const head = words[words.length - 1];
  let gender: 'm' | 'f' | null = null;
  for (let k = 0; k < words.length && !gender; k++) gender = GENDERED_TITLES.get(words[k].key) ?? null;
  if (nameFrom === words.length) {
    // no capitalised head: an unnamed source ("a senior official", "officials") or a body ("the defense ministry")
    const organisation = ORGANISATION_WORDS.has(head.key) && !SPEAKER_NOUNS.has(head.key);
    if (!SPEAKER_NOUNS.has(head.key) && !organisation) return null;
    // "one of the Iranian officials" is one Iranian official
    const partitive = words.length > 3 && words[1].key === 'of' && DETERMINERS.has(words[0].key) ? words[0].key : null;
    let body = partitive ? words.slice(2) : words;
    if (body[0] && DETERMINERS.has(body[0].key)) body = body.slice(1);
    if (!body.length) return null;
    const singled = partitive === 'one' && /[^s]s$/.test(head.text);
    const start = body[0].start, end = body[body.length - 1].end - (body[body.length - 1].text.endsWith('.') || singled ? 1 : 0);
    const plural = !organisation && !singled && ((/s$/.test(head.key) && !/(ss|us|is)$/.test(head.key)) || head.key === 'people');
    return { start, end, text: text.slice(start, end), kind: organisation ? 'organisation' : 'description', descriptors: [], gender, plural };
  }
  // a title-case headline's verb ends the speaker's name ("Hollande Says Donald Trump ...", "KERRY WARNS
  // ASSAD"); an imperative ("Watch Bush") or an outlet's acronym before a full name ("CNN Michael
  // Bociurkiw") ends what comes before the name
  let nameEnd = words.length;
  for (let k = titleEnd + 1; k < words.length - 1; k++) {
    if (SPEECH_VERBS.has(words[k].key) && isCapital(words[k])) {
      nameEnd = k;
      break;
    }
  }
  for (let k = nameEnd - 2; k >= titleEnd && nameEnd === words.length; k--) {
    const w = words[k];
    if (HEADLINE_VERBS.has(w.key) || (/^\p{Lu}{2,6}$/u.test(w.text) && words.length - k > 2)) {
      titleEnd = k + 1;
      break;
    }
  }
  const named = words.slice(titleEnd, nameEnd);
  // "I" and its contractions ("I'd") are capitalised but name nobody
  if (named.every((w) => w.key === 'i' || isIContraction(w.key))) return null;
  const nameWords = named.every((w) => isNationality(w.text)) ? [] : named;
  let organisationWord = false;
  for (let k = nameFrom; k < words.length && !organisationWord; k++) organisationWord = ORGANISATION_WORDS.has(words[k].key) || STATE_NAMES.has(words[k].key);
  const isOrganisation = organisationWord && !nameWords.some((w, k) => k > 0 && !ORGANISATION_WORDS.has(w.key) && !STATE_NAMES.has(w.key) && !CONNECTORS.has(w.key) && titleEnd > nameFrom);
  if (isOrganisation) {
    // the organisation is the whole capitalised run with its own adjectives: "Russian Defense Ministry"
    const orgWords = words.slice(nameFrom);
    const start = orgWords[0].start, end = orgWords[orgWords.length - 1].end;
    const d = descriptorOf(text, words, DETERMINERS.has(words[0].key) ? 1 : 0, nameFrom);
    return { start, end, text: withoutFinalPeriod(text.slice(start, end)), kind: 'organisation', descriptors: d ? [d] : [], gender: null, plural: false };
  }
  if (!nameWords.length) {
    // only titles: "the Foreign Minister" is an unnamed source; a party label alone ("Democratic") is nothing
    // ("the Russians said": a people, as a group)
    const people = /[^s]s$/.test(head.text) && isNationality(head.text);
    if (!people && !words.some((w) => SPEAKER_NOUNS.has(w.key))) return null;
    const start = words[DETERMINERS.has(words[0].key) ? 1 : 0].start;
    return { start, end: head.end, text: withoutFinalPeriod(text.slice(start, head.end)), kind: 'description', descriptors: [], gender, plural: people };
  }
  const start = nameWords[0].start, end = nameWords[nameWords.length - 1].end;
  const d = descriptorOf(text, words, 0, titleEnd);
  return { start, end, text: withoutFinalPeriod(text.slice(start, end)), kind: 'name', descriptors: d ? [d] : [], gender, plural: false };
}

/**
 * The apposition after a name, up to the next comma: ", the defense ministry's spokesperson," or
 * ", Hamas spokesman in Beirut,". With `verbAfter`, only when a speech verb follows that comma.
 */
function appositionAfter(text: string, tokens: Token[], comma: number, ceiling: number, verbAfter = false): { text: string; last: number } | null {
  if (tokens[comma]?.text !== ',' || comma + 1 > ceiling) return null;
  const next = tokens[comma + 1];
  if (RELATIVE.has(next.key) && !verbAfter) return null;
  if (!verbAfter && !(DETERMINERS.has(next.key) || DESCRIPTOR_WORDS.has(next.key) || TITLES.has(next.key) || SPEAKER_NOUNS.has(next.key))) return null;
  let k = comma + 1;
  while (k + 1 <= ceiling && !isPunct(tokens[k + 1]) && !isVerbAt(tokens, k + 1)) k++;
  if (k - comma > 12) return null;
  if (verbAfter) {
    let v = k + 1;
    if (tokens[v]?.text !== ',') return null;
    v++;
    while (v <= ceiling && isModifier(tokens[v])) v++;
    if (v > ceiling || !isVerbAt(tokens, v)) return null;
  }
  const described = RELATIVE.has(next.key) ? null : withoutFinalPeriod(text.slice(next.start, tokens[k].end));
  return { text: described ?? '', last: k };
}

interface Site {
  source: SourcePhrase;
  /** The speech verb; null when the speaker is only the subject of the sentence before. */
  cue: string | null;
}

/** Sentence adverbs set between commas after a subject. */
const PARENTHETICAL = new Set(['meanwhile', 'however', 'though', 'too', 'also', 'instead', 'likewise', 'similarly', 'moreover', 'nonetheless', 'nevertheless', 'separately', 'meantime']);
/** Prepositions whose object is what a noun phrase is about or against, never its head. */
const QUALIFYING = new Set(['against', 'about', 'over', 'toward', 'towards']);

/** Subject of the speech verb at tokens[v], reading left (with a ", who ...," clause skipped). */
export function subjectBefore(text: string, tokens: Token[], v: number, floor: number): SourcePhrase | null {
  let i = v - 1;
  // "Kerry also said", "Moscow on Thursday accused", "the minister last week warned"
  while (i >= floor && (isModifier(tokens[i]) || TIME_WORDS.has(tokens[i].key) || (/^(?:on|last|this|late|early)$/.test(tokens[i].key) && i + 1 < v && TIME_WORDS.has(tokens[i + 1].key)))) i--;
  // "Seoul, meanwhile, on Monday warned": a sentence adverb between commas
  if (i - 2 >= floor && tokens[i].text === ',' && tokens[i - 2].text === ',' && PARENTHETICAL.has(tokens[i - 1].key)) i -= 3;
  if (i >= floor && tokens[i].text === ')') {
    // "Rep. Gwen Moore (D-Wis.) said"
    let k = i - 1;
    while (k >= floor && i - k < 12 && tokens[k].text !== '(') k--;
    if (k >= floor && tokens[k].text === '(') i = k - 1;
  }
  if (i < floor) return null;
  // "Another said" opening its clause: one more unnamed source like the one before (see lib/entities.ts)
  if (tokens[i].key === 'another' && (i === floor || tokens[i - 1].text === ':' || tokens[i - 1].text === ';')) {
    const t = tokens[i];
    return { start: t.start, end: t.end, text: t.text, kind: 'description', descriptors: [], gender: null, plural: false };
  }
  // "the woman who said": the subject is the phrase before the relative pronoun
  if (RELATIVE.has(tokens[i].key) || tokens[i].key === 'that') {
    i--;
    const comma = i >= floor && tokens[i].text === ',';
    if (comma) i--;
    if (i < floor) return null;
    // "Vyacheslav Ponomarev, the self-declared mayor of Slavyansk, who referred": the name before the apposition
    let c = i;
    while (comma && c > floor && i - c < 10 && tokens[c].text !== ',' && !isPunct(tokens[c])) c--;
    if (comma && c > floor && tokens[c].text === ',' && DETERMINERS.has(tokens[c + 1].key)) {
      const named = mention(text, tokens, phraseStartBackward(tokens, c - 1, floor), c - 1);
      if (named?.kind === 'name') {
        named.descriptors.push(text.slice(tokens[c + 1].start, tokens[i].end));
        return named;
      }
    }
    return mention(text, tokens, phraseStartBackward(tokens, i, floor), i);
  }
  const appositions: string[] = [];
  if (tokens[i].text === ',') {
    // "Kerry, who held talks ..., said" / "Konashenkov, the ministry's spokesman, said"
    let c = i - 1;
    while (c >= floor && tokens[c].text !== ',') c--;
    if (c < floor || c + 1 >= i) return null;
    const opener = tokens[c + 1];
    // (a possessive opens a description: "China, Pyongyang's only ally, said")
    const possessive = /['’]s$/.test(opener.text);
    if (isNameWord(opener) && !possessive) {
      // "Her chief policy aide, Jake Sullivan, calls": the name between the commas, the description before
      const named = mention(text, tokens, c + 1, i - 1);
      if (!named || named.kind !== 'name') return null;
      const described = phraseStartBackward(tokens, c - 1, floor);
      if (described <= c - 1) named.descriptors.push(text.slice(tokens[described].start, tokens[c - 1].end));
      return named;
    }
    // "Kerry, speaking in Jordan, said", "Miller, at a consulting firm, argues"
    const clause = (/(?:ing|ed)$/.test(opener.key) && !isCapital(opener)) || /^(?:at|of|from|with|in|for|on)$/.test(opener.key);
    if (!(clause || possessive || RELATIVE.has(opener.key) || DETERMINERS.has(opener.key) || DESCRIPTOR_WORDS.has(opener.key) || TITLES.has(opener.key) || SPEAKER_NOUNS.has(opener.key) || /^\d/.test(opener.text))) return null;
    if (!RELATIVE.has(opener.key) && !clause) appositions.push(text.slice(opener.start, tokens[i - 1].end));
    i = c - 1;
    if (i < floor) return null;
  }
  let first = phraseStartBackward(tokens, i, floor);
  // "the spokesman for the coalition against the Islamic State group refuted": what a phrase opposes or
  // is about is not the speaker; the phrase it qualifies is
  while (first - 2 >= floor && first <= i && QUALIFYING.has(tokens[first - 1].key)) {
    const outer = phraseStartBackward(tokens, first - 2, floor);
    if (outer > first - 2) break;
    i = first - 2;
    first = outer;
  }
  const m = mention(text, tokens, first, i);
  if (m) m.descriptors.push(...appositions);
  if (m || appositions.length) return m;
  // "An Israeli general who commands forces on the border said": the phrase before "who"
  // (not across a subordinate clause: "Ukrainians who died when protests ...")
  for (let k = i; k > floor && i - k < 15 && !isPunct(tokens[k]) && !SUBORDINATORS.has(tokens[k].key); k--) {
    if (tokens[k].key !== 'who') continue;
    return mention(text, tokens, phraseStartBackward(tokens, k - 1, floor), k - 1);
  }
  return null;
}

/** Subject after an inverted speech verb ("said Kerry", "said the Pentagon's spokesman, John Kirby"). */
function subjectAfter(text: string, tokens: Token[], first: number, ceiling: number): SourcePhrase | null {
  if (first > ceiling) return null;
  const last = phraseEndForward(tokens, first, ceiling);
  const m = mention(text, tokens, first, last);
  if (!m) return null;
  // "the Russian ambassador to Georgia, Vyacheslav Kovalenko": a short complement before the comma
  let comma = last + 1;
  if (m.kind !== 'name' && /^(?:to|of|for|at|in)$/.test(tokens[comma]?.key ?? '')) {
    let k = comma + 1;
    while (k <= ceiling && k - comma < 6 && !isPunct(tokens[k])) k++;
    if (tokens[k]?.text === ',') comma = k;
  }
  // "said the ministry's spokesman, Igor Konashenkov" names the person after the comma
  if (m.kind !== 'name' && tokens[comma]?.text === ',' && comma + 1 <= ceiling && (isNameWord(tokens[comma + 1]) || TITLES.has(tokens[comma + 1].key))) {
    const named = mention(text, tokens, comma + 1, phraseEndForward(tokens, comma + 1, ceiling));
    if (named && named.kind === 'name') {
      named.descriptors.push(text.slice(m.start, tokens[comma - 1].end));
      return named;
    }
  }
  const apposition = appositionAfter(text, tokens, comma, ceiling);
  if (apposition) {
    m.descriptors.push(apposition.text);
  }
  return m;
}

const SPACE_OR_MARK = ' \u00a0"“”„\'‘’«»‹›';
/** Reporting verbs that, right after a quote, attribute it even when the quote lacks its comma ('..." said Ruiz'). */
const ATTRIBUTING = new Set(['say', 'says', 'said', 'tell', 'tells', 'told', 'add', 'adds', 'added', 'ask', 'asks', 'asked', 'write', 'writes', 'wrote', 'reply', 'replies', 'replied', 'continue', 'continues', 'continued', 'explain', 'explains', 'explained', 'note', 'notes', 'noted', 'recall', 'recalls', 'recalled', 'insist', 'insists', 'insisted', 'warn', 'warns', 'warned', 'declare', 'declares', 'declared', 'state', 'states', 'stated', 'argue', 'argues', 'argued', 'remark', 'remarked', 'answer', 'answered', 'respond', 'responded', 'conclude', 'concluded', 'quip', 'quipped', 'tweet', 'tweeted', 'tweets']);
/** Whether the quote that closes just before `close` ends with punctuation inside its marks ('...,"', '...?"'). */
function endsWithPunctuation(text: string, close: number): boolean {
  let k = close;
  while (k > 0 && (SPACE_OR_MARK.includes(text[k - 1]))) k--;
  return k > 0 && /[,.!?…;:\-–—]/.test(text[k - 1]);
}

/** The attribution in the words after a quote, up to the end of its sentence. */
function siteAfter(text: string, cut: Cut, from: number, to: number): Site | null {
  const tokens = cut(from, to);
  let i = 0;
  let dashed = false;
  while (i < tokens.length && (tokens[i].text === ',' || tokens[i].text === ':' || isDash(tokens[i]))) {
    if (isDash(tokens[i])) dashed = true;
    i++;
  }
  if (i >= tokens.length) return null;
  const last = tokens.length - 1;
  if (tokens[i].key === 'according' && tokens[i + 1]?.key === 'to') {
    const source = subjectAfter(text, tokens, i + 2, last);
    return source ? { source, cue: 'according to' } : null;
  }
  if (isVerbAt(tokens, i) && !isParticiple(tokens[i].key)) {
    // inverted: "said Kerry"; not after a partial quote that runs on into its clause's verb
    // ('the ad "plainly and wrongly" suggests that Lima ...': the quote ends with no mark of its own and
    // the verb is not one that only reports, as "said" is even after a quote missing its comma)
    if (i === 0 && !ATTRIBUTING.has(tokens[i].key) && !endsWithPunctuation(text, from)) return null;
    const source = subjectAfter(text, tokens, i + 1, last);
    return source ? { source, cue: tokens[i].text } : null;
  }
  // "Kerry said", "the Pentagon said in a statement", "Konashenkov, the spokesman, said"
  const end = phraseEndForward(tokens, i, last);
  if (end >= i) {
    let v = skipParenthesis(tokens, end + 1, last);
    // a byline after a dash: "...” ― Ana Ruiz"
    if (dashed && v > last) {
      const source = mention(text, tokens, i, end);
      return source ? { source, cue: tokens[i - 1].text } : null;
    }
    const apposition = appositionAfter(text, tokens, v, last, true);
    if (apposition) v = apposition.last + 2;
    while (v <= last && isModifier(tokens[v])) v++;
    if (v <= last && isVerbAt(tokens, v)) {
      const source = mention(text, tokens, i, end);
      if (!source) return null;
      if (apposition?.text) source.descriptors.push(apposition.text);
      return { source, cue: tokens[v].text };
    }
  }
  // a phrase between the quote and its attribution: "...," judged to be large, the official said.
  // Not across a subordinate clause ("... since Putin announced"), and only near the sentence end.
  for (let v = i; v <= last; v++) {
    if (SUBORDINATORS.has(tokens[v].key) || RELATIVE.has(tokens[v].key)) return null;
    // '"walk-in" at 200 schools, according to the organisers'
    if (tokens[v].key === 'according' && tokens[v + 1]?.key === 'to' && v > i && tokens[v - 1].text === ',') {
      const source = subjectAfter(text, tokens, v + 2, last);
      return source ? { source, cue: 'according to' } : null;
    }
    if (v === i || !isVerbAt(tokens, v) || isParticiple(tokens[v].key)) continue;
    // '..." to the complex, said Kim Hyung-seok': inverted after the words that finish the quoted clause
    if (tokens[v - 1].text === ',') {
      const inverted = subjectAfter(text, tokens, v + 1, last);
      if (inverted) return { source: inverted, cue: tokens[v].text };
    }
    const source = subjectBefore(text, tokens, v, i);
    return source ? { source, cue: tokens[v].text } : null;
  }
  return null;
}

/** The subject of a sentence: its first noun phrase, or the first after an opening clause ("In Ankara, Erdogan ..."). */
function sentenceSubject(text: string, tokens: Token[], ceiling: number): SourcePhrase | null {
  // a dateline ("GENEVA, Switzerland (CNN) --") is not part of the sentence
  const dash = tokens.findIndex((t, k) => k < 10 && isDash(t));
  const opening = dash > 0 && tokens.slice(0, dash).every((t) => isCapital(t) || isPunct(t)) ? dash + 1 : 0;
  // the subject opens the sentence or follows an opening clause or two ("In 2012, after she was
  // beaten, she went on strike"), after a connective ("But Yanukovych took ...")
  const starts = [opening];
  for (let k = opening; k <= ceiling && starts.length < 4; k++) if (tokens[k].text === ',') starts.push(k + 1);
  for (let first of starts) {
    while (first <= ceiling && isCapital(tokens[first]) && CONNECTIVES.has(tokens[first].key)) first++;
    if (first > ceiling) break;
    // "Reading from a prepared text, Carson ...": a participle opening the sentence is no name; its clause's
    // subject follows the comma
    if (opensParticipleClause(tokens, first)) continue;
    const end = phraseEndForward(tokens, first, Math.min(ceiling, first + 8));
    const source = end >= first ? mention(text, tokens, first, end) : null;
    if (source) return source;
  }
  return null;
}

/** A capitalised participle with a preposition, determiner, "that" or adverb after it ("Preceded at", "Acknowledging that"). */
function opensParticipleClause(tokens: Token[], first: number): boolean {
  const t = tokens[first], next = tokens[first + 1];
  if (!next || !/^\p{Lu}\p{Ll}{2,}(?:ing|ed)$/u.test(t.text) || isCapital(next)) return false;
  return PREPOSITIONS.has(next.key) || DETERMINERS.has(next.key) || next.key === 'that' || /ly$/.test(next.key);
}

const CONNECTIVES = new Set(['but', 'and', 'so', 'yet', 'still', 'meanwhile', 'however', 'now', 'then', 'also', 'instead', 'indeed', 'even', 'or', 'thus']);
const BE = new Set(['be', 'been', 'being', 'is', 'was', 'were', 'are', "it's"]);
/** A speech verb in the passive ("was described", "could be announced"): its subject is not the speaker. */
function isPassive(tokens: Token[], v: number): boolean {
  if (!/(?:ed|told|written|said|put|sworn)$/.test(tokens[v].key)) return false;
  let k = v - 1;
  while (k >= 0 && isModifier(tokens[k]) && !BE.has(tokens[k].key)) k--;
  return k >= 0 && BE.has(tokens[k].key);
}

/** The attribution in the words before a quote, back to the start of its sentence. */
function siteBefore(text: string, cut: Cut, from: number, to: number): Site | null {
  const tokens = cut(from, to);
  const relayed = quotedPerson(text, tokens, 0);
  if (relayed) return relayed;
  for (let v = tokens.length - 1; v >= 0; v--) {
    const t = tokens[v];
    if (t.key === 'to' && v > 0 && tokens[v - 1].key === 'according') {
      const source = subjectAfter(text, tokens, v + 1, tokens.length - 1);
      if (source) return { source, cue: 'according to' };
      continue;
    }
    if (!isVerbAt(tokens, v)) continue;
    if (isPassive(tokens, v)) {
      // "was described by Obama's adviser Susan Rice as ...": the agent speaks; "it could be announced": nobody named
      const agent = tokens[v + 1]?.key === 'by' ? subjectAfter(text, tokens, v + 2, tokens.length - 1) : null;
      if (agent) return { source: agent, cue: t.text };
      continue;
    }
    if (isParticiple(t.key)) {
      // "footage of Trump saying": a name right before the participle is its subject (not a place or
      // medium, "on Facebook writing")
      const named = v > 0 && !isPunct(tokens[v - 1]) ? subjectBefore(text, tokens, v, 0) : null;
      const before = named ? tokens[tokens.findIndex((w) => w.start >= named.start) - 1] : undefined;
      if (named?.kind === 'name' && !(before && PLACE_PREPOSITIONS.has(before.key))) return { source: named, cue: t.text };
      // "..., saying that": the subject of the clause before
      const main = tokens.slice(0, v).findIndex((w, k) => isVerbAt(tokens, k) && !isParticiple(w.key));
      const source = main >= 0 ? subjectBefore(text, tokens, main, 0) : sentenceSubject(text, tokens, v - 1);
      if (source) return { source, cue: t.text };
      continue;
    }
    // an inverted subject only right after the clause opens ("Said Kerry:", ", added the minister:")
    const inverted = v === 0 || tokens[v - 1].text === ':' || isDash(tokens[v - 1]);
    const source = subjectBefore(text, tokens, v, 0) ?? (inverted ? subjectAfter(text, tokens, v + 1, tokens.length - 1) : null);
    if (source) return outerSpeaker(text, tokens, source, v) ?? { source: pronounToSubject(text, tokens, source) ?? source, cue: t.text };
  }
  return null;
}

/** Prepositions before a place or medium, never before the subject of a participle ("on Facebook writing"). */
const PLACE_PREPOSITIONS = new Set(['on', 'in', 'at', 'via', 'through', 'from', 'into', 'to']);
const QUOTING = new Set(['quote', 'quotes', 'quoted', 'quoting']);
/** "RIA Novosti quoted the official as saying", "..., quoting the ambassador, X": the person quoted speaks. */
function quotedPerson(text: string, tokens: Token[], from: number): Site | null {
  for (let k = from; k < tokens.length; k++) {
    // (every form of "quote" starts with q: most words are passed on one character code)
    if (tokens[k].key.charCodeAt(0) !== 113 || !QUOTING.has(tokens[k].key) || isCapital(tokens[k]) || isPassive(tokens, k)) continue;
    const source = subjectAfter(text, tokens, k + 1, tokens.length - 1);
    if (source && source.kind !== 'pronoun') return { source, cue: tokens[k].text };
  }
  return null;
}

/**
 * The speaker of a reporting clause that holds the clause of the speech verb found: 'Putin said
 * Clinton had criticized the vote as "..."', 'Salehi noted that Kerry had mentioned talks, and "..."'.
 * Not when that verb introduces the quote itself ('Kerry said Lavrov told him "..."').
 */
function outerSpeaker(text: string, tokens: Token[], inner: SourcePhrase, v: number): Site | null {
  if (tokens.length - 1 - v <= 2) return null;
  const si = tokens.findIndex((t) => t.start >= inner.start);
  for (let k = si - 1; k >= 0 && si - k < 30; k--) {
    let u = k;
    if (tokens[k].key === 'that') u = k - 1;
    else if (k !== si - 1) continue;
    while (u >= 0 && (TIME_WORDS.has(tokens[u].key) || tokens[u].key === 'on')) u--;
    if (u < 0 || !isVerbAt(tokens, u) || isParticiple(tokens[u].key) || isPassive(tokens, u) || LISTENER_VERBS.has(tokens[u].key)) continue;
    const outer = subjectBefore(text, tokens, u, 0);
    if (outer && outer.kind !== 'description') return { source: outer, cue: tokens[u].text };
  }
  return null;
}

/**
 * A pronoun inside the sentence whose subject it repeats: "The Security Council condemned the test
 * as what it called ..." -> the Security Council. Null when the pronoun opens the sentence or the
 * subject does not fit it.
 */
function pronounToSubject(text: string, tokens: Token[], source: SourcePhrase): SourcePhrase | null {
  if (source.kind !== 'pronoun' || tokens.length === 0 || tokens[0].start >= source.start) return null;
  const pronounAt = tokens.findIndex((t) => t.start === source.start);
  const subject = sentenceSubject(text, tokens, pronounAt - 1);
  if (!subject || subject.end > source.start) return null;
  const p = source.text.toLowerCase();
  const fits = p === 'he' || p === 'she' ? subject.kind === 'name' : p === 'it' ? subject.kind === 'organisation' : subject.kind === 'organisation' || subject.plural;
  return fits ? subject : null;
}

/** A form of "tell" just before a mention (a determiner between): the mention is the listener ("..., X told Interfax"). */
const LISTENER_BEFORE = new RegExp(`\\b(?:${[...TELL_FORMS].join('|')})\\s+(?:the\\s+|a\\s+|an\\s+)?$`, 'i');
/** Whether a form of "tell" stands right before `at`, a determiner between or not: what is written at `at` is a listener. */
export const followsTell = (text: string, at: number): boolean => LISTENER_BEFORE.test(text.slice(Math.max(0, at - 16), at));
/** A form of "quote" just after a mention ("Interfax quoted X as saying", "State TV also quotes X"). */
const QUOTING_AFTER = /^\s+(?:\p{Ll}+ly\s+|also\s+|on\s+\p{Lu}\p{Ll}+\s+)?(?:(?:said|says|reported|reports|wrote|writes|added)\s*,\s*)?quot(?:ed|es|ing)\b/u;

/**
 * The speaker a statement's source only relays, or the one it is said to: "X told Interfax" (X, not the
 * listener), "Interfax quoted X as saying" (X), "X said Tuesday, according to Interfax" and "X said that
 * ..., Interfax reported" (X, whose own speech verb the content holds). Null when the source speaks itself.
 */
export function relayedSpeaker(text: string, statement: Attribution, paragraph: Paragraph): SourcePhrase | null {
  const source = statement.source;
  if (!source || source.kind === 'pronoun') return null;
  if (followsTell(text, source.start)) {
    const tokens = tokenize(text, sentenceStart(text, paragraph.start, source.start), source.start);
    let v = tokens.length - 1;
    if (v >= 0 && DETERMINERS.has(tokens[v].key)) v--;
    return v > 0 ? subjectBefore(text, tokens, v, 0) : null;
  }
  if (QUOTING_AFTER.test(text.slice(source.end, source.end + 40))) {
    const tokens = tokenize(text, source.end, sentenceEnd(text, source.end, paragraph.end));
    return quotedPerson(text, tokens, 0)?.source ?? null;
  }
  // an outlet after the content ("..., Interfax reported", "according to Interfax"): the content's own speaker
  if (statement.kind !== 'indirect' || (statement.cue !== 'according to' && source.start < statement.end) || !source.text.split(/\s+/).some((w) => OUTLET_WORDS.has(w.toLowerCase()))) return null;
  const content = tokenize(text, statement.start, statement.end);
  // "(In Syria, meanwhile,) X said (that) ...": the content's first speech verb, its subject opening the content's
  // clause after any opening phrases
  let clause = 0;
  for (let v = 1; v < Math.min(content.length, 16); v++) {
    if (content[v].text === ',') clause = v + 1;
    if (!isVerbAt(content, v) || isParticiple(content[v].key) || isPassive(content, v)) continue;
    const speaker = clause < v ? subjectBefore(text, content, v, clause) : null;
    const opens = clause + (DETERMINERS.has(content[clause].key) ? 1 : 0);
    if (speaker && speaker.start === content[opens].start && speaker.kind !== 'pronoun') return speaker;
    break;
  }
  // "... , X said Tuesday": a speech verb among the content's last words, after a comma
  let v = content.length - 1;
  while (v > 0 && (TIME_WORDS.has(content[v].key) || /^(?:on|in|a|an|the|statement|interview)$/.test(content[v].key))) v--;
  if (v > 1 && isVerbAt(content, v) && !isParticiple(content[v].key)) {
    let comma = v - 1;
    while (comma > 0 && content[comma].text !== ',' && v - comma < 12) comma--;
    const speaker = content[comma].text === ',' ? subjectBefore(text, content, v, comma + 1) : null;
    if (speaker && speaker.kind !== 'pronoun') return speaker;
  }
  return null;
}

/** The tokens of text[from, to), a window inside one paragraph that starts and ends between tokens. */
type Cut = (from: number, to: number) => Token[];

/**
 * Windows read from the article's shared tokens (lib/text.ts) when the analysis has them, else cut anew:
 * the same tokens, since a window here starts and ends at a sentence's edge or a quotation mark.
 */
function cutter(text: string, shared?: TextTokens): Cut {
  if (!shared) return (from, to) => tokenize(text, from, to);
  // a quote's windows are read again by the next reading (its attribution, then its subject or relayed
  // speaker): the last two windows' tokens are kept (no reader changes a window's tokens)
  const kept: { from: number; to: number; tokens: Token[] }[] = [];
  return (from, to) => {
    for (const k of kept) if (k.from === from && k.to === to) return k.tokens;
    const first = shared.firstTokenAt(from);
    let last = first - 1;
    while (last + 1 < shared.length && shared.end[last + 1] <= to) last++;
    const tokens = shared.tokens(first, last);
    if (kept.length === 2) kept.shift();
    kept.push({ from, to, tokens });
    return tokens;
  };
}

/**
 * Links each quote to its source mention and speech verb (reported speech is lib/reported.ts). `tokens`: the
 * article's shared tokens, when the analysis has cut them.
 */
export function attribute(text: string, paragraphs: Paragraph[], quotes: QuoteSpan[], tokens?: TextTokens): Attribution[] {
  const cut = cutter(text, tokens?.isOf(text, paragraphs) ? tokens : undefined);
  const sites: (Site | null)[] = new Array(quotes.length).fill(null);
  const described: (Site | null)[] = new Array(quotes.length).fill(null);
  const byParagraph = new Map<number, number[]>();
  quotes.forEach((q, i) => {
    const list = byParagraph.get(q.paragraph);
    if (list) list.push(i);
    else byParagraph.set(q.paragraph, [i]);
  });
  for (const [pi, indices] of byParagraph) {
    const p = paragraphs[pi];
    indices.forEach((qi, k) => {
      const q = quotes[qi];
      const prevClose = k > 0 ? quotes[indices[k - 1]].close : p.start;
      const nextOpen = k + 1 < indices.length ? quotes[indices[k + 1]].open : p.end;
      // the words after the quote count when they belong to its sentence
      const quoteEndsSentence = /[.!?…]$/.test(q.text) && !/^[\s,]*\p{Ll}/u.test(text.slice(q.close, nextOpen));
      const afterEnd = sentenceEnd(text, q.close, nextOpen);
      let site = quoteEndsSentence ? null : siteAfter(text, cut, q.close, afterEnd);
      // '"...," Interfax said, quoting the ambassador, Vyacheslav Kovalenko.'
      if (site && /quot/.test(text.slice(q.close, afterEnd))) site = quotedPerson(text, cut(q.close, afterEnd), 0) ?? site;
      // 'X told Y: "...", according to Z': Z is the informant, X the speaker
      // (the sentence before the quote starts where it starts for every reading below: found once)
      let beforeStart = -1;
      if (site?.cue === 'according to') site = siteBefore(text, cut, (beforeStart = sentenceStart(text, prevClose, q.open)), q.open) ?? site;
      if (!site) {
        if (beforeStart < 0) beforeStart = sentenceStart(text, prevClose, q.open);
        site = siteBefore(text, cut, beforeStart, q.open);
      }
      // a quote closed by its own full stop takes the sentence after only when that sentence is a bare
      // attribution ('"We won." Ruiz said.'), not the next statement ('... Valls also spoke out against ...');
      // after "?" or "!" the words that follow are the quote's own attribution ('"Who knows?" Trump told ITV ...')
      if (!site && quoteEndsSentence && (/[?!]$/.test(q.text) || cut(q.close, afterEnd).length <= BARE_ATTRIBUTION)) site = siteAfter(text, cut, q.close, afterEnd);
      // no speech verb: the named subject of the clause before a colon or of the sentence that holds
      // the quote ("Sanders had a retort: ...", "Clinton supports \"pay raises\"")
      if (!site) {
        // (not in a dependent clause running on from an earlier quote of the same sentence: '... "x" that
        // allows it to defeat "y"' has that quote's speaker, given below)
        const dependent = k > 0 && beforeStart === prevClose && /^[\s,]*(?:that|which|who|whom|whose|where|when|because|as|if)\b/i.test(text.slice(beforeStart, q.open));
        if (!dependent && beforeStart < q.open && /\S/.test(text.slice(beforeStart, q.open))) site = subjectSite(text, cut, beforeStart, q.open);
        // 'Al-Assad is "using massive force"': the subject of a copula is what the quote describes, and
        // the speaker more often the one a quote next to it names; the subject only when none does
        if (site && isCopulaSubject(text, site.source, q.open)) {
          described[qi] = site;
          site = null;
        }
      }
      if (site?.source.kind === 'pronoun') {
        const subject = previousSubject(text, cut, p, site.source);
        if (subject) site = { ...site, source: subject };
      }
      sites[qi] = site;
    });
  }
  // the nearest quote of the same paragraph with a source of its own, earlier ones first (two linear passes)
  const earlier: (number | null)[] = new Array(quotes.length).fill(null);
  const later: (number | null)[] = new Array(quotes.length).fill(null);
  for (let i = 1; i < quotes.length; i++) if (quotes[i - 1].paragraph === quotes[i].paragraph) earlier[i] = sites[i - 1] ? i - 1 : earlier[i - 1];
  for (let i = quotes.length - 2; i >= 0; i--) if (quotes[i + 1].paragraph === quotes[i].paragraph) later[i] = sites[i + 1] ? i + 1 : later[i + 1];
  const nearestAttributed = (i: number) => earlier[i] ?? later[i];
  // quotes with no source in their sentence
  for (let i = 0; i < quotes.length; i++) {
    if (sites[i]) continue;
    const q = quotes[i];
    if (q.continues) {
      sites[i] = sites[i - 1];
      continue;
    }
    const donor = nearestAttributed(i);
    if (donor !== null) {
      sites[i] = sites[donor];
      continue;
    }
    const p = paragraphs[q.paragraph];
    // the sentence before, when the quote starts a sentence of its own: '..., he said. "So we ..."'
    const ownStart = sentenceStart(text, p.start, q.open);
    if (ownStart > p.start && text.slice(ownStart, q.open).trim() === '') {
      const before = lastSentenceStart(text, p.start, ownStart);
      sites[i] = siteBefore(text, cut, before, ownStart) ?? subjectSite(text, cut, before, ownStart);
      if (sites[i]) continue;
    }
    const prev = paragraphs[q.paragraph - 1];
    if (q.open !== p.start || !prev) continue;
    // a quote paragraph signed in the next one: '"..."' then '- Bernie Sanders.'
    const next = paragraphs[q.paragraph + 1];
    if (q.close === p.end && next && /^[-—–―]/.test(text[next.start])) {
      sites[i] = siteAfter(text, cut, next.start, next.end);
      if (sites[i]) continue;
    }
    // a quote opening its paragraph: the speaker the previous paragraph ends on
    const prevQuotes = byParagraph.get(prev.index);
    const lastPrev = prevQuotes?.[prevQuotes.length - 1];
    const tail = lastPrev !== undefined ? quotes[lastPrev].close : prev.start;
    const lastSentence = Math.max(tail, lastSentenceStart(text, prev.start, prev.end));
    sites[i] = (tail < prev.end ? siteBefore(text, cut, lastSentence, prev.end) : null) ?? (lastPrev !== undefined ? sites[lastPrev] : null) ?? (tail < prev.end ? subjectSite(text, cut, lastSentence, prev.end) : null);
    // (a paragraph without quotes whose last sentence names nobody: the subject of the sentence before,
    // "When Clinton greeted Lavrov, she presented him a box. Inside was a red button.")
    if (!sites[i] && lastPrev === undefined && lastSentence > prev.start) {
      const earlier = subjectSite(text, cut, lastSentenceStart(text, prev.start, lastSentence), lastSentence);
      if (earlier?.source.kind === 'name' || earlier?.source.kind === 'pronoun') sites[i] = earlier;
    }
  }
  for (let i = 0; i < quotes.length; i++) sites[i] ??= described[i];
  const direct: Attribution[] = quotes.map((q, i) => ({ start: q.start, end: q.end, text: q.text, kind: 'direct', quote: i, cue: sites[i]?.cue ?? null, source: sites[i]?.source ?? null }));
  return direct;
}

/**
 * The body an "It" or "They" opening a sentence stands for: the subject of the sentence before in the
 * paragraph when that is an organisation or a body described ("The Vestian delegation presented a draft.
 * It also condemned ..."). Null otherwise: lib/entities.ts resolves the pronoun then.
 */
function previousSubject(text: string, cut: Cut, p: Paragraph, pronoun: SourcePhrase): SourcePhrase | null {
  const key = pronoun.text.toLowerCase();
  if ((key !== 'it' && key !== 'they') || sentenceStart(text, p.start, pronoun.start) !== pronoun.start || pronoun.start === p.start) return null;
  const before = lastSentenceStart(text, p.start, pronoun.start);
  const tokens = cut(before, pronoun.start);
  const subject = tokens.length ? sentenceSubject(text, tokens, tokens.length - 1) : null;
  if (!subject || subject.plural !== (key === 'they')) return null;
  const head = subject.text.split(/\s+/).pop()!.toLowerCase();
  const body = subject.kind === 'organisation' || (subject.kind === 'description' && (ORGANISATION_WORDS.has(head) || BODIES.has(head)));
  return body ? subject : null;
}
const BODIES = new Set(['delegation', 'delegations', 'coalition', 'opposition', 'team', 'group', 'groups']);

/** Most words of a sentence that is only an attribution: "Ruiz, the ministry's spokeswoman, said on Monday." */
const BARE_ATTRIBUTION = 12;

/** A subject followed by a copula ("is", "was"; not "is questioning") that runs on to the quote. */
function isCopulaSubject(text: string, source: SourcePhrase, open: number): boolean {
  const m = /^\s+(?:is|was|are|were)\s+(\S+)/.exec(text.slice(source.end, Math.min(open + 1, source.end + 40)));
  return m !== null && !/(?:ing|ed)$/.test(m[1]);
}

/**
 * The named subject of the sentence before a quote that has no speech verb of its own
 * ("Clinton touted her record. \"We need ...\""): a name or an organisation, never a description.
 */
function subjectSite(text: string, cut: Cut, from: number, to: number): Site | null {
  const tokens = cut(from, to);
  const source = sentenceSubject(text, tokens, tokens.length - 1);
  // a country or capital as the subject is more often the topic than the speaker when no verb says so
  const state = source?.kind === 'organisation' && source.text.split(/\s+/).every((w) => STATE_NAMES.has(w.toLowerCase()) || isNationality(w));
  return source && !state && (source.kind === 'name' || source.kind === 'organisation' || source.kind === 'pronoun') ? { source, cue: null } : null;
}
