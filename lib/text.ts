import type { Paragraph, Span } from './types';

/**
 * Paragraphs are lines: runs of text separated by line breaks (blank lines or single ones, which
 * extracted article text uses alike); each span is trimmed of surrounding whitespace.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /[\r\n\u2028\u2029]\s*/g;
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) paragraphs.push({ start, end, index: paragraphs.length });
  };
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return paragraphs;
}

/** Abbreviations whose period does not end a sentence ("Mr. Kerry", "U.S. troops", "Gen. Dunford"). */
const ABBREVIATION = /(?:^|[\s(“"‘'])(?:Mr|Mrs|Ms|Dr|Sr|Jr|St|Mt|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Brig|Sen|Rep|Gov|Rev|Prof|Pres|Sec|Amb|Gov|Atty|Supt|Insp|Det|No|Nos|Vol|vs|etc|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])$/;

/** Whitespace at i (ASCII tested first: this runs on every character the sentence scans pass). */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && /\s/.test(text[i]));
}

/** A closing mark after a sentence's final punctuation: " ” ’ ' ) ]. */
const isClosingMark = (c: number) => c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93;

/** True when the [.!?] at i ends a sentence: followed by space (and optional closing marks), not an abbreviation. */
function endsSentence(text: string, i: number, to: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 46 && c !== 33 && c !== 63) return false;
  let j = i + 1;
  while (j < to && isClosingMark(text.charCodeAt(j))) j++;
  if (j < to && !isSpaceAt(text, j)) return false;
  // a lower-case word next continues the sentence: "Rep. Ana Ruiz (D-Ore.) said"
  let k = j;
  while (k < to && isSpaceAt(text, k)) k++;
  if (k < to) {
    const next = text.charCodeAt(k);
    if ((next >= 97 && next <= 122) || (next >= 128 && /\p{Ll}/u.test(text[k]))) return false;
  }
  if (c === 46) {
    let k = i;
    while (k > 0 && i - k < 12) {
      const before = text.charCodeAt(k - 1);
      const letterOrDot = (before >= 65 && before <= 90) || (before >= 97 && before <= 122) || before === 46 || (before >= 128 && /\p{L}/u.test(text[k - 1]));
      if (!letterOrDot) break;
      k--;
    }
    if (ABBREVIATION.test(text.slice(Math.max(0, k - 1), i))) return false;
  }
  return true;
}

/** Start of the sentence that holds offset `at`, not before `from`. Scans back only as far as the sentence. */
export function sentenceStart(text: string, from: number, at: number): number {
  for (let i = at - 1; i >= from; i--) {
    if (endsSentence(text, i, at)) {
      let j = i + 1;
      while (j < at && /["”’')\]\s]/.test(text[j])) j++;
      return j;
    }
  }
  return from;
}

/** Start of the sentence that ends at `end` (its closing punctuation, marks and spaces before `end` skipped). */
export function lastSentenceStart(text: string, from: number, end: number): number {
  let i = end;
  while (i > from && /[\s"”’')\]]/.test(text[i - 1])) i--;
  while (i > from && /[.!?…]/.test(text[i - 1])) i--;
  return sentenceStart(text, from, i);
}

/** End (exclusive, after the punctuation) of the sentence that holds offset `at`, not after `to`. */
export function sentenceEnd(text: string, at: number, to: number): number {
  for (let i = at; i < to; i++) if (endsSentence(text, i, to)) return i + 1;
  return to;
}

export interface Token extends Span {
  text: string;
  /** Lower case, without a trailing period: the form to look up in word lists. */
  key: string;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const LETTER = /^\p{L}/u;
const SPACE = /\s/;

/** Length of the letter or digit (with `letterOnly`, the letter) at i before `to`: 0 when none, 2 outside the BMP. */
function wordCharAt(text: string, i: number, to: number, letterOnly: boolean): number {
  if (i >= to) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (!letterOnly && c >= 48 && c <= 57) ? 1 : 0;
  const ch = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? text.slice(i, i + 2) : text[i];
  return (letterOnly ? LETTER : LETTER_OR_DIGIT).test(ch) ? ch.length : 0;
}

/**
 * End of the token starting at i within [i, to), or -1 when none starts there. A token is a word (letters and
 * digits, joined by hyphens, apostrophes and dots before a letter: "U.S", "O'Neil", "al-Assad", with one
 * trailing dot) or a piece of clause punctuation (, ; : ( ) dashes, and one or two hyphens before a space).
 * A hand-written scan, not a regular expression: every stage tokenizes, and match objects cost more than the words.
 */
export function tokenEndAt(text: string, i: number, to: number): number {
  let n = wordCharAt(text, i, to, false);
  if (!n) {
    const c = text.charCodeAt(i);
    // , ; : ( ) — – ―
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2014 || c === 0x2013 || c === 0x2015) return i + 1;
    if (c !== 45) return -1;
    if (i + 1 < to && SPACE.test(text[i + 1])) return i + 1;
    return text.charCodeAt(i + 1) === 45 && i + 2 < to && SPACE.test(text[i + 2]) ? i + 2 : -1;
  }
  let j = i + n;
  for (;;) {
    if (j >= to) return j;
    const c = text.charCodeAt(j);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 39 || c === 0x2019) j++;
    else if (c === 46) {
      if (!wordCharAt(text, j + 1, to, true)) return j + 1;
      j++;
    } else if (c >= 128 && (n = wordCharAt(text, j, to, false))) j += n;
    else return j;
  }
}

/** Whether text[start, end) has a capital or a non-ASCII character: only then does lower-casing change it. */
export function hasUpperOrNonAscii(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return true;
  }
  return false;
}

/** Words and clause punctuation of text[from, to), with offsets. A trailing period stays in `text` only. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  for (let start = from; start < to; ) {
    const end = tokenEndAt(text, start, to);
    if (end < 0) {
      start++;
      continue;
    }
    const word = text.slice(start, end);
    let cut = word.endsWith('.') && word.length > 1 ? 1 : 0;
    const n = word.length - cut;
    if (n > 2 && word[n - 1] === 's' && (word[n - 2] === "'" || word[n - 2] === '’')) cut += 2;
    const keyed = cut ? word.slice(0, word.length - cut) : word;
    // lower-casing copies even a word it leaves unchanged: most words are lower case already
    tokens.push({ start, end, text: word, key: hasUpperOrNonAscii(keyed) ? keyed.toLowerCase() : keyed });
    start = end;
  }
  return tokens;
}

/** `words` as a literal inside a RegExp: article words may hold any character ("(", "$", "{"). */
export function escapeRegExp(words: string): string {
  return words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Index of the first item starting at or after `offset` in items sorted by start (items.length when none). */
export function firstStartingAt(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `word` opens with a capital letter (ASCII tested first: the Unicode class is slow, and this runs on every token). */
export function startsWithCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
}
