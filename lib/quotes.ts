import { PERSONAL_PRONOUN, SHARES, SPEAKER_NOUNS, SPEECH_VERBS } from './lexicon';
import { sentenceEnd, sentenceStart, startsWithCapital } from './text';
import type { Paragraph, QuoteSpan, Span } from './types';

// Direct quotations. Marks are paired within a paragraph by which side they hug (an opening mark
// has space before it and a word after it), so a stray or missing straight mark only costs its own
// quote. Double marks are paired first; single marks count only outside double-quoted text. A quote
// left open at a paragraph end runs on when the next paragraph opens with a mark (the convention for
// multi-paragraph quotes). Pairs that read as scare quotes, titles or mentioned words are dropped.

type Family = 'double' | 'single';
type Role = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  family: Family;
  role: Role;
  /** A doubled single mark (''): paired like a double mark, but its quotes are not reported (see findQuotes). */
  wire?: boolean;
}

const SPACE = /[\s\u00a0]/;
const OPEN_BEFORE = /[\s\u00a0([{\u2014\u2013\-/:;,]/;
const CLOSE_AFTER = /[\s\u00a0)\]}.,;:!?\u2014\u2013\-/…]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const QUOTE_CHARS = '"“”„«»‘’\'‚‹›';
// '' is one mark (wire-service plain text's double quote); see marksOf for '''.
const MARK = /'''|''|["“”„«»‘’'‚‹›]/g;

function isMarkChar(c: string | undefined): boolean {
  return c !== undefined && c !== '' && QUOTE_CHARS.includes(c);
}

/** Classifies the quotation mark at i by its neighbours; null for apostrophes and markup. */
function classify(text: string, i: number, length: number, from: number, to: number): Mark | null {
  const c = length === 2 ? '"' : text[i];
  const before = i > from ? text[i - 1] : '';
  const after = i + length < to ? text[i + length] : '';
  const hugsRight = after !== '' && !SPACE.test(after); // a word follows
  const hugsLeft = before !== '' && !SPACE.test(before); // a word precedes
  const openSide = before === '' || OPEN_BEFORE.test(before) || isMarkChar(before);
  const closeSide = after === '' || CLOSE_AFTER.test(after) || isMarkChar(after);
  if (before === '=') return null; // markup attribute value: author="..."
  if (c === '“' || c === '„' || c === '«') {
    // “ also closes in „...“ and in mis-typed text where it hugs the left word only
    if (c === '“' && hugsLeft && !hugsRight) return { at: i, family: 'double', role: 'close' };
    return { at: i, family: 'double', role: 'open' };
  }
  if (c === '”' || c === '»') {
    // (nothing precedes a mark that opens its paragraph, so it cannot close: '” … what I learned')
    if (!hugsLeft && (hugsRight || before === '')) return { at: i, family: 'double', role: c === '»' ? 'open' : 'either' };
    return { at: i, family: 'double', role: 'close' };
  }
  if (c === '"') {
    const wire = length === 2 ? { wire: true } : {};
    if (openSide && hugsRight && !hugsLeft) return { at: i, family: 'double', role: 'open', ...wire };
    if (closeSide && hugsLeft && !(openSide && hugsRight)) return { at: i, family: 'double', role: 'close', ...wire };
    return { at: i, family: 'double', role: 'either', ...wire };
  }
  // single marks: letters on both sides make an apostrophe (Russia's, don’t)
  if (LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after)) return null;
  if ((c === '’' || c === "'" || c === '‘') && /\d/.test(after) && /^\d{2}s?\b/.test(text.slice(i + 1, i + 4))) return null; // ’90s, '16
  if (c === '‘' || c === '‚' || c === '‹') return hugsRight ? { at: i, family: 'single', role: 'open' } : null;
  if (c === '›') return { at: i, family: 'single', role: 'close' };
  if (openSide && hugsRight && !hugsLeft) return { at: i, family: 'single', role: 'open' };
  if (closeSide && hugsLeft) return { at: i, family: 'single', role: 'close' };
  return null;
}

interface RawPair {
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quote runs on. */
  close: number;
  closed: boolean;
  family: Family;
  /** Opened by a doubled single mark (''). */
  wire?: boolean;
  /** Length of the closing mark ('' is two). */
  closeLength?: number;
  /** Opened in an earlier paragraph: this paragraph continues it. */
  continues: boolean;
}

const isStraight = (c: string) => c === '"' || c === "'";

/**
 * Pairs one family's marks of one paragraph in a single pass. A second opening mark of the same
 * style while one is open means the earlier one was stray (its closing mark is missing): the later
 * one wins. A mark of the other style (curly inside straight) opens a nested quote instead.
 */
function pairMarks(text: string, marks: Mark[], startsOpen: Mark | null): { pairs: RawPair[]; openAtEnd: Mark | null } {
  const pairs: RawPair[] = [];
  let pending: Mark | null = startsOpen;
  let nested = 0;
  for (const m of marks) {
    const otherStyle = pending !== null && isStraight(text[m.at]) !== isStraight(text[pending.at]);
    if (otherStyle && m.role === 'open') nested++;
    else if (otherStyle && nested > 0) nested--;
    else if (m.role === 'open' || (m.role === 'either' && pending === null)) {
      pending = m;
      nested = 0;
    } else if (pending !== null) {
      pairs.push({ open: pending.at, close: m.at, closed: true, family: m.family, wire: pending.wire, closeLength: m.wire ? 2 : 1, continues: pending === startsOpen });
      pending = null;
    }
  }
  return { pairs, openAtEnd: pending };
}

function inside(spans: Span[], at: number): boolean {
  // spans are sorted and disjoint: binary search
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= at) lo = mid + 1;
    else if (spans[mid].start > at) hi = mid - 1;
    else return true;
  }
  return false;
}

/**
 * Every quotation mark of the text with its length, in one scan. In ''' the lone single mark stands
 * inside: first when the run closes a quote (,'''), last when it opens one ('''Word).
 */
function marksOf(text: string): { at: number; length: number }[] {
  const marks: { at: number; length: number }[] = [];
  for (const m of text.matchAll(MARK)) {
    const at = m.index;
    if (m[0].length < 3) marks.push({ at, length: m[0].length });
    else if (at > 0 && !/[\s\u00a0([{\u2014\u2013]/.test(text[at - 1])) marks.push({ at, length: 1 }, { at: at + 1, length: 2 });
    else marks.push({ at, length: 2 }, { at: at + 2, length: 1 });
  }
  return marks;
}

/** A transcript turn after its opening mark: a speaker label in capitals and a colon, or a bracketed stage note alone. */
function isTranscriptTurn(text: string, at: number, end: number): boolean {
  // (a capital and a lower-case letter, as most quotes open, cannot begin a label: no pattern needed)
  const c = text.charCodeAt(at + 1);
  if (c >= 97 && c <= 122 && startsWithCapital(text[at])) return false;
  return TRANSCRIPT_TURN.test(text.slice(at, Math.min(end, at + 60)));
}
const TRANSCRIPT_TURN = /^\s*(?:\p{Lu}[\p{Lu}.'’\- ]{0,40}:|[([]\p{Lu}[^)\]]*[)\]][.]?\s*$)/u;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu;
// Words that announce a single mentioned word rather than speech: a "so-called" term, "the word", an
// episode's name. A phrase someone is said to use, call or write ("the phrase", "dubbed", "a sign that
// read") is that someone's words: it stays a quote.
const MENTION_BEFORE = /(?:\b(?:[Ss]o-called|[Ss]o called|word|hashtag|motto|banner)|\bepisode of)\s*$/;
// A kind of work before its title ("the film"; lower case, so "Dr. Paul Song" is no song). A title opens with
// a capital or a digit: a lower-case phrase there is what someone called the work ("called the show "a
// disgrace"", "getting the program "back on track."").
const WORK_BEFORE = /\b(?:show|program(?:me)?|film|movie|book|documentary|series|song|album|novel|column|op-ed|segment|podcast|operation|magazine|newspaper)\s*$/;
const TITLE_START = /^[\p{Lu}\p{N}]/u;
// The same nouns with the title set off by a comma ("the documentary, "Tide,""), and opinion pieces, whose
// titles are cited that way ("her commentary, "Keep the ferry," is thoughtful"): a work unless a speech
// verb follows, as one may after a source named so ("In his memoir, "I was wrong," he admits").
const NAMING_APPOSITION = /\b(?:show|program(?:me)?|film|movie|book|documentary|series|song|album|novel|column|op-ed|segment|podcast|magazine|newspaper|commentary|editorial|essay),\s*$/;
// Nouns after a title that make it the name of a work or programme.
const NAMING_AFTER = /^[\s,]*(?:radio |TV |television |talk |news |weekly |daily )?(?:show|program(?:me)?|series|podcast|book|memoir|film|movie|documentary|song|album|column|segment|campaign|event|forum)\b/i;
// "as" closing the words before a quote (after another quote of a list: as "A" and "B"), with a word earlier in the
// sentence that has someone name or describe a thing: the quote is the name they gave
const NAMED_AS = /\bas\s+(?:["“][^"“”]{1,60}["”],?\s+(?:and|or)\s+)?$/;
const REFERENCE_WORD = /\b(?:refer(?:s|red|ring|ences?)?|call(?:s|ed|ing)?|dub(?:s|bed|bing)?|nicknam(?:e|es|ed|ing)|label(?:s|ed|led|ing|ling)?|brand(?:s|ed|ing)?|identif(?:y|ies|ied|ying)|describ(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|derid(?:e|es|ed|ing)|mock(?:s|ed|ing)?)\b/i;
// Code, markup and addresses, which technical pages quote in straight marks ('{"id": 1}', "</div>", 'text/plain',
// "https://...", 'app.config.load'): nobody's words. Braces, an equals sign or a closing tag anywhere; one token
// with a slash or two inner dots. (Typeset marks, “...”, hold prose: markup quoted there stays a quote.)
const CODE_LIKE = /[{}=]|<\//;
const CODE_TOKEN = /\/|^[\p{L}\p{N}_$-]+(?:\.[\p{L}\p{N}_$-]{2,}){2}/u;
const isCode = (body: string) => CODE_LIKE.test(body) || (!/\s/.test(body) && CODE_TOKEN.test(body));
// "by" and an outlet's or author's possessive before a name: by the Courier's Ann Lee, by Times' Ann Lee
const BYLINE_AFTER = /^\s*by\s+(?:the\s+)?\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*)*['’]s?\s+\p{Lu}/u;
const LONG_BODY = /^\S*(?:\s+\S+){6}\s+\S/;
const TITLE_CASE_GLUE = /^(?:of|the|a|an|and|in|on|to|for|at|with|or|is|as|by|from|but|nor|vs\.?|&)$/i;

const LETTER_OR_DIGIT_CHAR = /[\p{L}\p{N}]/u;
/** A letter or digit at i (ASCII tested first); its length in code units, 0 when none. */
function wordCharAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT_CHAR.test(s.slice(i, i + 2)) ? 2 : 0;
  return LETTER_OR_DIGIT_CHAR.test(s[i]) ? 1 : 0;
}
/** The words of `s` as WORD reads them (a letter or digit, then letters, digits, apostrophes, hyphens, periods), by hand: this runs on every quote. */
function wordsOf(s: string): string[] {
  const words: string[] = [];
  for (let i = 0; i < s.length; ) {
    let n = wordCharAt(s, i);
    if (!n) {
      i++;
      continue;
    }
    let j = i + n;
    for (;;) {
      const c = s.charCodeAt(j);
      if (c === 39 || c === 0x2019 || c === 45 || c === 46) j++;
      else if ((n = wordCharAt(s, j))) j += n;
      else break;
    }
    words.push(s.slice(i, j));
    i = j;
  }
  return words;
}

const WORD_SCAN = new RegExp(WORD.source, 'gu');
/** Whether `s` holds at least `n` words (without collecting them: a run-on quote may be a whole paragraph). */
function hasWords(s: string, n: number): boolean {
  WORD_SCAN.lastIndex = 0;
  let found = 0;
  while (found < n && WORD_SCAN.exec(s)) found++;
  return found >= n;
}

/** A speech verb earlier in the quote's sentence. */
function speechBefore(text: string, open: number, paragraph: Paragraph): boolean {
  const left = text.slice(Math.max(paragraph.start, open - 200), open);
  const sentence = left.slice(Math.max(left.lastIndexOf('.'), left.lastIndexOf('!'), left.lastIndexOf('?')) + 1);
  return wordsOf(sentence).some((w) => SPEECH_VERBS.has(w.toLowerCase()));
}

/** A speech verb in the sentence just before the quote's, when the quote opens a sentence: '..." she said. "Quite so."'. */
function speechInSentenceBefore(text: string, open: number, paragraph: Paragraph): boolean {
  const left = text.slice(Math.max(paragraph.start, open - 200), open);
  // the previous sentence's stop, maybe with its closing mark, then only spaces
  let stop = left.length;
  while (stop > 0 && SPACE.test(left[stop - 1])) stop--;
  if (stop > 0 && '"”’\''.includes(left[stop - 1])) stop--;
  if (stop === 0 || !'.!?'.includes(left[stop - 1])) return false;
  const sentence = left.slice(0, stop - 1);
  return wordsOf(sentence.slice(Math.max(sentence.lastIndexOf('.'), sentence.lastIndexOf('!'), sentence.lastIndexOf('?')) + 1)).some((w) => SPEECH_VERBS.has(w.toLowerCase()));
}

/** A speech verb among the first words after the closing mark, before the sentence ends: '..." he said', '..." said Ruiz'. */
function speechAfter(right: string): boolean {
  const clause = /^[^.!?;:"“”]*/.exec(right)![0];
  return wordsOf(clause).slice(0, 5).some((w) => SPEECH_VERBS.has(w.toLowerCase()));
}

/** The last character of `s` that is not a space ('' when none). */
function lastNonSpace(s: string): string {
  let i = s.length;
  while (i > 0 && SPACE.test(s[i - 1])) i--;
  return i > 0 ? s[i - 1] : '';
}

function isTitleCase(words: string[]): boolean {
  return words.some(startsWithCapital) && words.every((w) => startsWithCapital(w) || startsWithDigit(w) || TITLE_CASE_GLUE.test(w));
}
const DIGIT_START = /^\p{N}/u;
const startsWithDigit = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 48 && c <= 57 : DIGIT_START.test(w);
};

/** A paragraph's headline test, computed once and on demand (an object, not a closure made per paragraph). */
interface HeadlineTest {
  text: string;
  paragraph: Paragraph;
  value: boolean | null;
}
/** A title-case paragraph is a headline, whose quotes are title case too. */
function isHeadline(h: HeadlineTest): boolean {
  return (h.value ??= isTitleCase(wordsOf(h.text.slice(h.paragraph.start, h.paragraph.end))));
}

/**
 * Drops pairs that name or mention rather than quote: a word or short phrase after a naming word
 * ("so-called", "dubbed", "the show"), a title-case run outside a title-case headline (shows, books,
 * slogans), a lone pronoun, or a short lower-case term used as a modifier (the "reset" button).
 * Everything else between marks counts as a quotation: even one word is often a partial quote.
 */
function isMention(text: string, inner: Span, open: number, close: number, paragraph: Paragraph, headline: HeadlineTest): boolean {
  const body = text.slice(inner.start, inner.end);
  // a piece's headline cited with its byline, however long: "Ferries resume after the storm," by the Courier's Ann Lee
  if (body.endsWith(',') && BYLINE_AFTER.test(text.slice(close, Math.min(paragraph.end, close + 80)))) return true;
  if (LONG_BODY.test(body)) return false; // more than six words: never a mention
  const words = wordsOf(body);
  if (words.length === 0) return true;
  if (words.length > 6) return false;
  const left = text.slice(Math.max(paragraph.start, open - 40), open);
  const right = text.slice(close, Math.min(paragraph.end, close + 40));
  if (/[:]\s*$/.test(left)) return false;
  // a name someone gave is their word, title case or not: her references to the mayor as "Captain Delay"
  // (and "Mr. Maybe"), describing the plan as "Operation Nowhere"
  if (NAMED_AS.test(left) && REFERENCE_WORD.test(text.slice(sentenceStart(text, Math.max(paragraph.start, open - 200), open), open))) return false;
  if (MENTION_BEFORE.test(left) || (WORK_BEFORE.test(left) && TITLE_START.test(body)) || (lastNonSpace(left) === ',' && NAMING_APPOSITION.test(left) && !speechAfter(right))) return true;
  if (words.length === 1 && /^(?:he|she|they|it|him|her|them|his|hers|we|us|i|you)\.?$/i.test(words[0])) return true;
  // a programme or publication: on NBC's "Meet the Press", told "Fox and Friends", his "Keepin' It Real" radio program
  if (isTitleCase(words) && NAMING_AFTER.test(right)) return true;
  // a subheading that is a quote alone in its paragraph: 'All Bets Are Off.', or one in single marks, as headings
  // set their quotes, in a text that quotes in double marks: 'A fair deal.' (a pull quote repeats the body's words)
  if (open === paragraph.start && close === paragraph.end && paragraph.index > 0 && (isTitleCase(words) || (isSingleMark(text[open]) && DOUBLE_MARK.test(text)))) return true;
  if (isTitleCase(words) && (words.length > 1 || /['’]s\s*$/.test(left)) && /(?:\b(?:on|to|told|with|in|from)|['’]s)\s*$/i.test(left) && !isHeadline(headline)) return true;
  // a short answer or exclamation its attribution follows: "Absolutely," he said; "Mexico!" the crowd shouted
  if (/[,!?]$/.test(body) && speechAfter(right)) return false;
  // (not a sentence of its own right after one with a speech verb: '"...," she said, clapping. "The Boss. Our Boss."')
  if (isTitleCase(words) && (words.length > 1 || /^\p{Lu}\p{Ll}/u.test(words[0])) && !isHeadline(headline) && !speechBefore(text, open, paragraph) && !(/[.!?]$/.test(body) && speechInSentenceBefore(text, open, paragraph))) {
    // a capitalised single word may still be a one-word answer: "Absolutely," she said.
    return words.length > 1 || !/^[,.!?]?\s*[\p{Ll}]/u.test(right) || /^\s*\p{Ll}/u.test(right);
  }
  // a writer's term (see isWritersTerm); not in the first paragraph, as a headline quotes speech without its verb
  if (words.length <= 3 && paragraph.index > 0 && !/[.!?]$/.test(body) && isWritersTerm(text, open, close, paragraph)) return true;
  // the "reset" button: determiner before, a lower-case noun right after the closing mark, and no
  // speech verb earlier in the sentence (Lavrov said Russia made a "quite specific" proposal)
  // (not when the quote ends its clause, '"strong leader," comparing', or a function word follows, '"great fright" ahead of')
  if (words.length <= 2 && !/[,.;:!?]$/.test(body) && /\b(?:the|a|an)\s*$/i.test(left) && !speechBefore(text, open, paragraph) && /^\s+\p{Ll}+(?:\s|[.,;]|$)/u.test(right) && !/^\s+(?:and|or|but|to|of|in|that|which|who|as|for|from|with|by|on|at|is|was|are|were|ahead|after|before|against|than|into|about|over|when|while|if|because|since|until)\b/.test(right)) return true;
  return false;
}

const DOUBLE_MARK = /["“”„«»]/;
const isSingleMark = (c: string) => c === "'" || c === '‘' || c === '‚' || c === '‹';
const keyOf = (word: string) => word.toLowerCase().replace(/\.$/, '');
const isSpeechCue = (key: string) => key === 'according' || SPEECH_VERBS.has(key);

/**
 * A quote of a few words inside its sentence (words before and after it) that can only be the writer's own term:
 * before it the sentence names no one (no capitalised word after its first, no personal pronoun, no speaker noun
 * such as "officials" or "critics", no "many" or "some"), and nowhere does it have a speech verb or "according" (a
 * separate "holding account" was set up; this "fast lane" idea stalled). Measured on polnear-train: 21 such quotes
 * unlabelled, 4 labelled.
 */
function isWritersTerm(text: string, open: number, close: number, paragraph: Paragraph): boolean {
  const before = wordsOf(text.slice(sentenceStart(text, paragraph.start, open), open));
  if (before.length === 0) return false;
  const after = wordsOf(text.slice(close, sentenceEnd(text, close, paragraph.end)));
  if (after.length === 0) return false;
  for (let i = 0; i < before.length; i++) {
    const key = keyOf(before[i]);
    if ((i > 0 && startsWithCapital(before[i])) || PERSONAL_PRONOUN.test(key) || SPEAKER_NOUNS.has(key) || SHARES.has(key) || isSpeechCue(key)) return false;
  }
  for (const word of after) if (isSpeechCue(keyOf(word))) return false;
  return true;
}

/**
 * A first line that is a short single sentence closed by a full stop: how PolNeAR's plain texts carry
 * the headline (with a stop added), and its annotation leaves headline quotes (set in single marks,
 * as headlines do) out. A headline as web pages and wire copy give it, without the stop, keeps its
 * quotes, and so does a first sentence quoting in double marks.
 */
function isStoppedHeadline(text: string, p: Paragraph): boolean {
  const line = text.slice(p.start, p.end);
  if (!/[.!?]["”’']?$/.test(line) || /\(\p{Lu}+\)|--/u.test(line)) return false;
  return wordsOf(line).length <= 22 && sentenceEnd(text, p.start, p.end) >= p.end - 2;
}

/**
 * A first line closed by a semicolon: a headline with its deck on the next line, as PolNeAR's plain texts give
 * some ("Dock strike ends;" then "Crews return after a week of 'hard' talks."). The deck is headline too: the
 * single-mark quotes of both are left out, as a stopped headline's are.
 */
function isHeadlineBeforeDeck(text: string, first: Paragraph): boolean {
  return text.charCodeAt(first.end - 1) === 59 && !hasWords(text.slice(first.start, first.end), 23);
}

/** A mark's style: straight, curly or angle. A quotation keeps its style over its paragraphs. */
function styleOf(c: string): number {
  return c === '"' || c === "'" ? 0 : c === '«' || c === '»' || c === '‹' || c === '›' ? 2 : 1;
}

/** Where a quote running on over paragraphs began: the state to replay from when it never closes. */
interface RunOnStart {
  paragraph: number;
  nextMark: number;
  transcript: boolean;
  quotes: number;
}

/** Whether the next paragraph opens with a mark of the family and style of `open` (not one known never to close). */
function opensNext(text: string, family: Family, open: Mark, next: Paragraph | undefined, unclosed: Set<number>): boolean {
  if (next === undefined) return false;
  const c = text[next.start];
  if (!isMarkChar(c) || unclosed.has(next.start) || styleOf(c) !== styleOf(text[open.at])) return false;
  return (family === 'double' ? /^(?:["“„«»]|'')/ : /^['‘](?!')/).test(text.slice(next.start, next.start + 2));
}

/**
 * One family's pairs in a paragraph (`continuing`: its first mark continues a quote carried in), whether the
 * quote left open runs on into the next paragraph. (Module level, not a closure in findQuotes: it runs per paragraph.)
 */
function pairFamily(
  text: string,
  family: Family,
  marks: Mark[],
  continuing: boolean,
  next: Paragraph | undefined,
  unclosed: Set<number>,
): { pairs: RawPair[]; openAtEnd: Mark | null; continuing: boolean; runsOn: boolean } {
  let result = pairMarks(text, continuing ? marks.slice(1) : marks, continuing ? marks[0] : null);
  let runsOn = result.openAtEnd !== null && opensNext(text, family, result.openAtEnd, next, unclosed);
  // a stray opening mark (its quote neither closes nor runs on) must not hide the quotes after it
  if (result.openAtEnd !== null && !runsOn && !(continuing && result.openAtEnd === marks[0])) {
    const stray = result.openAtEnd;
    result = pairMarks(text, (continuing ? marks.slice(1) : marks).filter((m) => m !== stray), continuing ? marks[0] : null);
    runsOn = result.openAtEnd !== null && opensNext(text, family, result.openAtEnd, next, unclosed);
  }
  return { pairs: result.pairs, openAtEnd: result.openAtEnd, continuing, runsOn };
}

/**
 * Finds every direct quotation in the paragraphs, in text order. A quote left open at a paragraph end
 * runs on only into a paragraph that opens with a mark of its family and style, and counts only when
 * a later paragraph closes it: paragraphs that each open with a mark and never close (an excerpt set
 * off that way) are no quotation, and the marks inside them pair as if those opening marks were absent.
 */
export function findQuotes(text: string, paragraphs: Paragraph[]): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  let carried: Family | null = null; // a quote running on from the previous paragraph
  let transcript = false; // the previous paragraph was a transcript turn left open
  // every mark, in one pass over the text
  const marks = marksOf(text);
  let nextMark = 0;
  // opening marks of run-on quotes that never close, found on a first pass and skipped on the replay
  const unclosed = new Set<number>();
  let runOnStart: RunOnStart | null = null;
  const runOnMarks: Record<Family, number[]> = { double: [], single: [] };
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi];
    const doubles: Mark[] = [];
    const singles: Mark[] = [];
    while (nextMark < marks.length && marks[nextMark].at < p.start) nextMark++;
    const startMark: number = nextMark, startTranscript: boolean = transcript, startQuotes = quotes.length;
    // A transcript set in quotation marks ('"SMITH: ...', '"(CROSSTALK)') is a record, not a quotation:
    // the mark opening each turn, and each paragraph the turn runs on to, is skipped; quotes inside count.
    const opensWithMark = nextMark < marks.length && marks[nextMark].at === p.start;
    transcript = opensWithMark && (transcript || isTranscriptTurn(text, p.start + marks[nextMark].length, p.end));
    if (transcript) nextMark++;
    for (; nextMark < marks.length && marks[nextMark].at < p.end; nextMark++) {
      if (unclosed.size > 0 && unclosed.has(marks[nextMark].at)) continue;
      const m = classify(text, marks[nextMark].at, marks[nextMark].length, p.start, p.end);
      if (m) (m.family === 'double' ? doubles : singles).push(m);
    }
    if (transcript && doubles.some((m) => m.role !== 'open') && /["”]$/.test(text[p.end - 1])) transcript = false;
    // headlines set their quotes in single marks (see isStoppedHeadline, isHeadlineBeforeDeck)
    if (pi <= 1 && singles.length > 0 && paragraphs.length > 1) {
      if (pi === 0 ? isStoppedHeadline(text, p) || isHeadlineBeforeDeck(text, p) : isHeadlineBeforeDeck(text, paragraphs[0])) singles.length = 0;
    }
    if (doubles.length === 0 && singles.length === 0 && carried === null) continue;
    // A carried quote continues only when this paragraph opens with a mark of its family.
    const carriedFamily: Family | null = carried && (carried === 'double' ? doubles : singles)[0]?.at === p.start ? carried : null;
    const next = paragraphs[pi + 1];
    const d = pairFamily(text, 'double', doubles, carriedFamily === 'double', next, unclosed);
    const doubleSpans: Span[] = d.pairs.map((r) => ({ start: r.open, end: r.close + (r.closeLength ?? 1) }));
    if (d.openAtEnd !== null) doubleSpans.push({ start: d.openAtEnd.at, end: p.end });
    // Single marks inside double quotes are nested quotes or apostrophes: not ours.
    const s = pairFamily(text, 'single', singles.filter((m) => !inside(doubleSpans, m.at)), carriedFamily === 'single', next, unclosed);
    // A run-on quote carried in that this paragraph neither closes nor runs on further never closed:
    // replay from the paragraph it opened in without its opening marks.
    const carriedIn = carried as Family | null;
    const carriedPairs = carriedIn === 'double' ? d : s;
    if (runOnStart && carriedIn && (!carriedPairs.continuing || (carriedPairs.openAtEnd === (carriedIn === 'double' ? doubles : singles)[0] && !carriedPairs.runsOn))) {
      for (const at of runOnMarks[carriedIn]) unclosed.add(at);
      const lead = (carriedIn === 'double' ? doubles : singles)[0];
      if (lead?.at === p.start) unclosed.add(lead.at);
      ({ paragraph: pi, nextMark, transcript } = runOnStart);
      quotes.length = runOnStart.quotes;
      runOnStart = null;
      runOnMarks.double = [];
      runOnMarks.single = [];
      carried = null;
      pi--;
      continue;
    }
    // (d.pairs is this paragraph's own array: extended in place, concat's generic path cost more)
    const raw: RawPair[] = d.pairs;
    for (const pair of s.pairs) raw.push(pair);
    carried = null;
    let opensRunOn = false;
    // each family's quote left open at the paragraph end that runs on (a loop, not a closure made per paragraph:
    // under tsx each costs an __name call)
    for (let k = 0; k < 2; k++) {
      const family: Family = k === 0 ? 'double' : 'single';
      const r = k === 0 ? d : s;
      if (!r.runsOn) continue;
      const o = r.openAtEnd!;
      const continues = r.continuing && o.at === p.start;
      raw.push({ open: o.at, close: p.end, closed: false, family, wire: o.wire, continues });
      if (!continues) {
        runOnMarks[family] = [];
        opensRunOn = true;
      }
      runOnMarks[family].push(o.at);
      carried = family;
    }
    if (carried === null) runOnStart = null;
    else if (opensRunOn) runOnStart = { paragraph: pi, nextMark: startMark, transcript: startTranscript, quotes: startQuotes };
    if (raw.length === 0) continue;
    if (raw.length > 1) raw.sort((a, b) => a.open - b.open);
    const headline: HeadlineTest = { text, paragraph: p, value: null };
    // keep outer quotes only: a pair inside an earlier kept pair is nested
    let lastEnd = -1;
    for (const r of raw) {
      if (r.open < lastEnd) continue;
      const close = r.closed ? r.close + (r.closeLength ?? 1) : p.end;
      if (r.wire) {
        // PolNeAR's annotation, the one corpus that keeps '' marks, leaves these quotes out: they
        // are paired (so the marks inside them nest) but not reported
        lastEnd = close;
        continue;
      }
      let start = r.open + 1;
      let end = r.close;
      while (start < end && SPACE.test(text[start])) start++;
      while (end > start && SPACE.test(text[end - 1])) end--;
      if (end <= start) continue;
      const span = { start, end };
      const continues = r.continues;
      if (!continues && isStraight(text[r.open]) && isCode(text.slice(start, end))) {
        lastEnd = close; // the marks inside code are code too
        continue;
      }
      if (!continues && !r.closed) {
        // the first part of a multi-paragraph quote: long by nature
        if (!hasWords(text.slice(start, end), 3)) continue;
      } else if (!continues && isMention(text, span, r.open, close, p, headline)) continue;
      quotes.push({ start, end, text: text.slice(start, end), paragraph: p.index, open: r.open, close, continues });
      lastEnd = close;
    }
  }
  return quotes;
}
