import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KeyTable, newTextTokens, sentenceEnd, splitParagraphs, TextTokens, textTokens, tokenize } from '../../lib/text';

// The article cut once into sentences and tokens (lib/text.ts TextTokens), which must cut exactly as the
// sentence-by-sentence readers did: sentenceEnd per paragraph, then tokenize per sentence.

/** The sentences as sentenceEnd cuts each paragraph, each with tokenize's tokens. */
function cutOneByOne(text: string) {
  const sentences = [];
  for (const p of splitParagraphs(text)) {
    for (let from = p.start; from < p.end; ) {
      const to = sentenceEnd(text, from, p.end);
      sentences.push({ start: from, end: to, paragraph: p.index, tokens: tokenize(text, from, to) });
      from = to;
      while (from < p.end && /\s/.test(text[from])) from++;
    }
  }
  return sentences;
}

function cutOnce(text: string) {
  const tokens = new TextTokens(text, splitParagraphs(text));
  return Array.from({ length: tokens.sentences }, (_, s) => ({
    start: tokens.sentenceStart[s],
    end: tokens.sentenceEnd[s],
    paragraph: tokens.sentenceParagraph[s],
    tokens: tokens.sentenceTokens(s),
  }));
}

describe('TextTokens', () => {
  it('cuts sentences and tokens as sentenceEnd and tokenize do', () => {
    const text = [
      'Harbour talks resume',
      'Mr. Okafor met the U.S. envoy at 9.30 on Friday. “We will sail,” he said. (The mayor agreed.) Who pays?! Nobody knows...',
      'The port’s ferries -- all three -- run at 3.5 knots; the board’s plan, Lund said, is “doomed.” Crews laughed. . ! ',
      'al-Nur warned: the strike ends tomorrow',
    ].join('\n\n');
    expect(cutOnce(text)).toEqual(cutOneByOne(text));
  });

  it('reads empty and odd text without failing', () => {
    for (const text of ['', '   \n\n  ', '...', '?!', '“', 'a', '— – ―']) expect(cutOnce(text)).toEqual(cutOneByOne(text));
  });

  it('makes room for more sentences and tokens than English text holds', () => {
    // a sentence every 8 characters, a token every 2: past the first guess of the columns' size
    const text = `${'A, b c. '.repeat(4000)}\n\n${'"Point stands," Okafor said. '.repeat(300)}`;
    const once = cutOnce(text);
    expect(once).toHaveLength(4300);
    expect(once).toEqual(cutOneByOne(text));
  });

  it('shares one form per spelling, with the key tokenize gives', () => {
    const text = 'Okafor said. Lund said. Okafor’s plan said nothing: SAID.';
    const tokens = new TextTokens(text, splitParagraphs(text));
    const said = tokens.forms.filter((f) => f.key === 'said');
    expect(said.map((f) => f.text)).toEqual(['said.', 'said', 'SAID.']);
    expect(tokens.forms.find((f) => f.text === 'Okafor’s')?.key).toBe('okafor');
    // "said." twice: one form for both tokens
    expect(tokens.form[1]).toBe(tokens.form[3]);
    expect(tokens.token(3)).toEqual({ start: text.indexOf('said', 14), end: text.indexOf('said', 14) + 5, text: 'said.', key: 'said' });
    expect(tokens.firstTokenAt(text.indexOf('Lund'))).toBe(2);
    expect(tokens.firstTokenAt(text.length)).toBe(tokens.length);
  });

  it('looks the forms\' keys up in a word list, whatever their case, period or possessive', () => {
    const text = 'Okafor said. Lund SAID the plan’s cost ROSE; Said’s plan rose. Überall warned ÜBER.';
    const tokens = new TextTokens(text, splitParagraphs(text));
    const table = new KeyTable([['said', 1], ['rose', 2], ['plan', 3], ['über', 4], ['warned', 5]]);
    const values = table.valuesOf(tokens);
    const valueOf = (i: number) => values[tokens.form[i]];
    const expected = tokenize(text, 0, text.length).map((t) => ({ said: 1, rose: 2, plan: 3, über: 4, warned: 5 })[t.key] ?? 0);
    expect(Array.from({ length: tokens.length }, (_, i) => valueOf(i))).toEqual(expected);
    expect(expected.filter((v) => v > 0)).toHaveLength(9);
    // a list that many words' hashes share slots with still tells them apart
    const many = new KeyTable(Array.from({ length: 3000 }, (_, k) => [`w${k}`, (k % 255) + 1] as const));
    const words = new TextTokens('w0 W17 w2999 w3000 x1.', splitParagraphs('w0 W17 w2999 w3000 x1.'));
    expect(Array.from(many.valuesOf(words))).toEqual([1, 18, (2999 % 255) + 1, 0, 0]);
  });

  it('is kept for the text it was cut from, and cut anew when asked', () => {
    const text = 'Okafor said the ferry runs.\n\nLund agreed.';
    const first = textTokens(text);
    expect(textTokens(text)).toBe(first);
    expect(textTokens(text, splitParagraphs(text))).toBe(first);
    expect(textTokens(`${text} `)).not.toBe(first);
    const again = newTextTokens(text, splitParagraphs(text));
    expect(again).not.toBe(first);
    expect(textTokens(text)).toBe(again);
  });

  it('cuts the seed article as the one-by-one readers do', () => {
    const text = readFileSync(new URL('../fixtures/seed.txt', import.meta.url), 'utf8');
    expect(cutOnce(text)).toEqual(cutOneByOne(text));
  });

  const dev = new URL('../../../shared/data/dev/', import.meta.url);
  describe.skipIf(!existsSync(dev))('on the shared dev articles (read from ../shared; skipped when absent)', () => {
    it('cuts every article as the one-by-one readers do', () => {
      const files = readdirSync(dev).filter((f) => f.endsWith('.txt'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const text = readFileSync(new URL(file, dev), 'utf8');
        expect(cutOnce(text), file).toEqual(cutOneByOne(text));
      }
    });
  });
});
