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

/** A token's key: lower case, without a trailing period or a possessive 's. */
function keyOf(word: string): string {
  let cut = word.endsWith('.') && word.length > 1 ? 1 : 0;
  const n = word.length - cut;
  if (n > 2 && word[n - 1] === 's' && (word[n - 2] === "'" || word[n - 2] === '’')) cut += 2;
  const keyed = cut ? word.slice(0, word.length - cut) : word;
  // lower-casing copies even a word it leaves unchanged: most words are lower case already
  return hasUpperOrNonAscii(keyed) ? keyed.toLowerCase() : keyed;
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
    tokens.push({ start, end, text: word, key: keyOf(word) });
    start = end;
  }
  return tokens;
}

/** One way a token is written in the article ("Said", "U.S."), shared by every token written so. */
export interface WordForm {
  /** As written, a trailing period included. */
  text: string;
  /** As Token.key. */
  key: string;
}

/**
 * The article cut once into sentences and tokens, for every stage that reads it sentence by sentence
 * (tokenizing again per stage cost each about as much as the stage's own reading). Columns of numbers
 * rather than an object per token: a long article holds hundreds of thousands of tokens. Token i is
 * text[start[i], end[i]) written as forms[form[i]]; a form is made once per distinct spelling, so a stage
 * can work out a per-form answer once (indexed by form id) and its strings are the same objects throughout.
 * Sentence s is text[sentenceStart[s], sentenceEnd[s]) in paragraph sentenceParagraph[s] (its index), and
 * holds tokens sentenceToken[s] .. sentenceToken[s + 1] - 1. Sentences are as sentenceEnd cuts a paragraph,
 * tokens as tokenize cuts a sentence.
 */
export class TextTokens {
  length = 0;
  start: Int32Array;
  end: Int32Array;
  form: Int32Array;
  readonly forms: WordForm[] = [];
  sentences = 0;
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  sentenceParagraph: Int32Array;
  /** sentences + 1 entries: the last is `length`. */
  sentenceToken: Int32Array;
  private readonly table: FormTable;

  constructor(
    readonly text: string,
    /** The paragraphs it was cut from: splitParagraphs(text). */
    readonly paragraphs: readonly Paragraph[],
  ) {
    // sized above English text's usual rates (a token per six characters, a sentence per hundred and fifty),
    // so the columns seldom have to grow
    const tokens = Math.ceil(text.length / 5) + 16;
    const sentences = Math.ceil(text.length / 80) + 16;
    this.start = new Int32Array(tokens);
    this.end = new Int32Array(tokens);
    this.form = new Int32Array(tokens);
    this.sentenceStart = new Int32Array(sentences);
    this.sentenceEnd = new Int32Array(sentences);
    this.sentenceParagraph = new Int32Array(sentences);
    this.sentenceToken = new Int32Array(sentences);
    this.table = new FormTable(text, this.forms);
    for (const p of paragraphs) this.cutParagraph(p);
    this.sentenceToken[this.sentences] = this.length;
    this.start = this.start.subarray(0, this.length);
    this.end = this.end.subarray(0, this.length);
    this.form = this.form.subarray(0, this.length);
    this.sentenceStart = this.sentenceStart.subarray(0, this.sentences);
    this.sentenceEnd = this.sentenceEnd.subarray(0, this.sentences);
    this.sentenceParagraph = this.sentenceParagraph.subarray(0, this.sentences);
    this.sentenceToken = this.sentenceToken.subarray(0, this.sentences + 1);
  }

  /**
   * The paragraph's sentences and tokens in one scan. Only a period, "!" or "?" can end a sentence, and a
   * token never runs past one that does (a token's inner period stands before a letter), so the sentence
   * ends are tested at those characters alone: the tokens are as tokenize gives them per sentence.
   */
  private cutParagraph(p: Paragraph): void {
    const { text } = this;
    this.openSentence(p.start, p.index);
    for (let i = p.start; i < p.end; ) {
      const end = tokenEndAt(text, i, p.end);
      let next = end;
      if (end < 0) {
        const c = text.charCodeAt(i);
        next = (c === 46 || c === 33 || c === 63) && endsSentence(text, i, p.end) ? -(i + 1) : i + 1;
      } else {
        this.addToken(i, end);
        if (text.charCodeAt(end - 1) === 46 && endsSentence(text, end - 1, p.end)) next = -end;
      }
      if (next >= 0) {
        i = next;
        continue;
      }
      // a sentence ends at -next; the next one opens after the spaces
      i = -next;
      this.sentenceEnd[this.sentences - 1] = i;
      while (i < p.end && isSpaceAt(text, i)) i++;
      if (i < p.end) this.openSentence(i, p.index);
    }
    if (this.sentenceEnd[this.sentences - 1] < 0) this.sentenceEnd[this.sentences - 1] = p.end;
  }

  /** A sentence from `start` (its end filled in when found, -1 until then). */
  private openSentence(start: number, paragraph: number): void {
    // room for this sentence and the end mark after the last
    if (this.sentences + 1 >= this.sentenceToken.length) {
      this.sentenceStart = wider(this.sentenceStart);
      this.sentenceEnd = wider(this.sentenceEnd);
      this.sentenceParagraph = wider(this.sentenceParagraph);
      this.sentenceToken = wider(this.sentenceToken);
    }
    const s = this.sentences++;
    this.sentenceStart[s] = start;
    this.sentenceEnd[s] = -1;
    this.sentenceParagraph[s] = paragraph;
    this.sentenceToken[s] = this.length;
  }

  private addToken(start: number, end: number): void {
    if (this.length === this.start.length) {
      this.start = wider(this.start);
      this.end = wider(this.end);
      this.form = wider(this.form);
    }
    const i = this.length++;
    this.start[i] = start;
    this.end[i] = end;
    this.form[i] = this.table.formOf(start, end);
  }

  private keyHashColumn: Int32Array | null = null;

  /** Per form id: the hash of its key, by which a KeyTable looks it up (worked out when first asked for). */
  get keyHashes(): Int32Array {
    return (this.keyHashColumn ??= this.table.keyHashes());
  }

  /** Index of the first token starting at or after `offset` (length when none). */
  firstTokenAt(offset: number): number {
    return firstAtOrAfter(this.start, offset, this.length);
  }

  /** Whether these are the tokens of `text` cut into `paragraphs`. */
  isOf(text: string, paragraphs: readonly Paragraph[]): boolean {
    if (this.text !== text) return false;
    const known = this.paragraphs;
    if (known === paragraphs) return true;
    if (known.length !== paragraphs.length) return false;
    for (let k = 0; k < known.length; k++) {
      if (known[k].start !== paragraphs[k].start || known[k].end !== paragraphs[k].end || known[k].index !== paragraphs[k].index) return false;
    }
    return true;
  }

  /** Token i as the phrase readers take it. */
  token(i: number): Token {
    const form = this.forms[this.form[i]];
    return { start: this.start[i], end: this.end[i], text: form.text, key: form.key };
  }

  /** Tokens first .. last (inclusive) as the phrase readers take them. */
  tokens(first: number, last: number): Token[] {
    const tokens: Token[] = new Array(Math.max(0, last - first + 1));
    for (let i = first; i <= last; i++) tokens[i - first] = this.token(i);
    return tokens;
  }

  /** Sentence s's tokens as the phrase readers take them: tokenize(text, sentenceStart[s], sentenceEnd[s]). */
  sentenceTokens(s: number): Token[] {
    return this.tokens(this.sentenceToken[s], this.sentenceToken[s + 1] - 1);
  }
}

let kept: TextTokens | null = null;

/**
 * The sentences and tokens of `text` cut into `paragraphs`: the last ones made are kept, so that the stages of
 * one analysis, and its summary made later, cut the article once.
 */
export function textTokens(text: string, paragraphs: readonly Paragraph[] = splitParagraphs(text)): TextTokens {
  return kept?.isOf(text, paragraphs) ? kept : newTextTokens(text, paragraphs);
}

/** The sentences and tokens of `text` cut anew (an analysis starts with them: timed as its own stage), then kept. */
export function newTextTokens(text: string, paragraphs: readonly Paragraph[]): TextTokens {
  kept = new TextTokens(text, paragraphs);
  return kept;
}

/** A copy of `column` with twice the room. */
function wider(column: Int32Array): Int32Array {
  const copy = new Int32Array(column.length * 2);
  copy.set(column);
  return copy;
}

const HASH_BASIS = 0x811c9dc5 | 0;
const HASH_PRIME = 16777619;

/**
 * FNV-1a hash of text[start, end), cut to 30 bits: the form table's, and the key table's (their keys are hashed
 * alike). Within 30 bits it stays a small integer to V8 (a 32-bit hash beyond that range was boxed as a heap
 * number on every return, and deoptimised the code that stored it once).
 */
function hashOf(text: string, start: number, end: number): number {
  let hash = HASH_BASIS;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), HASH_PRIME);
  return hash & 0x3fffffff;
}

/**
 * The article's written forms by their characters, read in place: a token is looked up without cutting its
 * string out of the text (open addressing on an FNV-1a hash; only a new form becomes a string).
 */
class FormTable {
  private slots: Int32Array;
  /** Per form id (room for as many as there are slots): the hash of its written text. */
  private hashes: Int32Array;

  constructor(
    private readonly text: string,
    private readonly forms: WordForm[],
  ) {
    // the table grows past half full; one much larger than the article's forms costs a cache miss per token
    let size = 1024;
    while (size < text.length / 32) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
  }

  /** The id of the form text[start, end), filed now if new. */
  formOf(start: number, end: number): number {
    const { text, forms } = this;
    const hash = hashOf(text, start, end);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let id = this.slots[slot]; id >= 0; id = this.slots[slot]) {
      if (this.hashes[id] === hash && end - start === forms[id].text.length && text.startsWith(forms[id].text, start)) return id;
      slot = (slot + 1) & mask;
    }
    const id = forms.length;
    const written = text.slice(start, end);
    forms.push({ text: written, key: keyOf(written) });
    this.hashes[id] = hash;
    if (forms.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      this.hashes = wider(this.hashes);
      for (let k = 0; k < forms.length; k++) this.place(k);
    } else this.slots[slot] = id;
    return id;
  }
  /** Per form id, the hash of its key: most keys are the written form itself, whose hash is known. */
  keyHashes(): Int32Array {
    const { forms } = this;
    const hashes = new Int32Array(forms.length);
    for (let id = 0; id < forms.length; id++) {
      const { text, key } = forms[id];
      hashes[id] = key === text ? this.hashes[id] : hashOf(key, 0, key.length);
    }
    return hashes;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id] & mask;
    while (this.slots[slot] >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }
}

/**
 * A fixed word list with a small number per word (its classes), looked up by an article's forms through the
 * hashes their table made of their keys: no string is hashed per form (a Map lookup per form of a 2,000-word
 * article, each key a new string whose hash V8 works out anew, was a tenth of the reported-speech stage).
 */
export class KeyTable {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly keys: string[];
  private readonly values: Uint8Array;

  /** `entries`: [key (lower case, as Token.key), value 1..255]. */
  constructor(entries: Iterable<readonly [string, number]>) {
    const list = [...entries];
    let size = 16;
    while (size < list.length * 4) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(list.length);
    this.keys = list.map(([key]) => key);
    this.values = Uint8Array.from(list, ([, value]) => value);
    list.forEach(([key], k) => {
      const hash = hashOf(key, 0, key.length);
      this.hashes[k] = hash;
      let slot = hash & (size - 1);
      while (this.slots[slot] >= 0) slot = (slot + 1) & (size - 1);
      this.slots[slot] = k;
    });
  }

  /** Each of the article's forms' value (0 when its key is not listed), by form id. */
  valuesOf(tokens: TextTokens): Uint8Array {
    const { forms, keyHashes } = tokens;
    const values = new Uint8Array(forms.length);
    const mask = this.slots.length - 1;
    for (let id = 0; id < forms.length; id++) {
      const hash = keyHashes[id];
      for (let slot = hash & mask, k = this.slots[slot]; k >= 0; slot = (slot + 1) & mask, k = this.slots[slot]) {
        if (this.hashes[k] === hash && this.keys[k] === forms[id].key) {
          values[id] = this.values[k];
          break;
        }
      }
    }
    return values;
  }
}

/** `words` as a literal inside a RegExp: article words may hold any character ("(", "$", "{"). */
export function escapeRegExp(words: string): string {
  return words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Index of the first of sorted `values[0, length)` at or after `offset` (`length` when none): a column of token starts. */
export function firstAtOrAfter(values: Int32Array, offset: number, length = values.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
