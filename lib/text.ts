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

/** True when the [.!?] at i ends a sentence: followed by space (and optional closing marks), not an abbreviation. */
function endsSentence(text: string, i: number, to: number): boolean {
  const c = text[i];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  let j = i + 1;
  while (j < to && /["”’')\]]/.test(text[j])) j++;
  if (j < to && !/\s/.test(text[j])) return false;
  // a lower-case word next continues the sentence: "Rep. Ana Ruiz (D-Ore.) said"
  let k = j;
  while (k < to && /\s/.test(text[k])) k++;
  if (k < to && /\p{Ll}/u.test(text[k])) return false;
  if (c === '.') {
    let k = i;
    while (k > 0 && i - k < 12 && /[\p{L}.]/u.test(text[k - 1])) k--;
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

// (the first character is tested as ASCII first: a bare property class at every offset is slow)
const TOKEN = /(?:[A-Za-z0-9]|(?![\x00-\x7F])[\p{L}\p{N}])(?:[\p{L}\p{N}'’\-]|\.(?=\p{L}))*\.?|[,;:()—–―]|-{1,2}(?=\s)/gu;

/** Words and clause punctuation of text[from, to), with offsets. A trailing period stays in `text` only. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(TOKEN)) {
    const start = from + m.index;
    const word = m[0];
    let cut = word.endsWith('.') && word.length > 1 ? 1 : 0;
    const n = word.length - cut;
    if (n > 2 && word[n - 1] === 's' && (word[n - 2] === "'" || word[n - 2] === '’')) cut += 2;
    tokens.push({ start, end: start + word.length, text: word, key: (cut ? word.slice(0, word.length - cut) : word).toLowerCase() });
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
