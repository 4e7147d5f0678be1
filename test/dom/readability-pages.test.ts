// The article body dom/article.ts finds, against the body Mozilla Readability extracts, on the 130
// pages of Readability's test suite (../shared, Apache-2.0): bag-of-words precision and recall of the
// text Stancemark would analyse, and agreement of the cheap gate with Readability's `readerable`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { isProbablyArticle } from '../../dom/article';
import { readArticle } from '../../dom/page';

const PAGES = '../shared/data/pages/readability';

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Precision and recall of `found` words against `expected` words (multiset overlap). */
function overlap(found: string[], expected: string[]): { precision: number; recall: number } {
  const remaining = new Map<string, number>();
  for (const word of expected) remaining.set(word, (remaining.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of found) {
    const left = remaining.get(word) ?? 0;
    if (left > 0) {
      common++;
      remaining.set(word, left - 1);
    }
  }
  return { precision: found.length ? common / found.length : 0, recall: expected.length ? common / expected.length : 0 };
}

async function parse(html: string): Promise<{ doc: Document; close: () => Promise<void> }> {
  const window = new Window({
    url: 'https://example.com/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  window.document.write(html);
  return { doc: window.document as unknown as Document, close: () => window.happyDOM.close() };
}

describe.skipIf(!existsSync(PAGES))('article body vs Readability on its 130 test pages (../shared)', () => {
  it('finds most of the article text and little else; the gate agrees with Readability', async () => {
    const scores: { f1: number; precision: number; recall: number }[] = [];
    let gateAgrees = 0;
    for (const name of readdirSync(PAGES).sort()) {
      const source = `${PAGES}/${name}/source.html`;
      if (!existsSync(source)) continue;
      const metadata = JSON.parse(readFileSync(`${PAGES}/${name}/expected-metadata.json`, 'utf8')) as { readerable?: boolean };
      const page = await parse(readFileSync(source, 'utf8'));
      const expected = await parse(readFileSync(`${PAGES}/${name}/expected.html`, 'utf8'));
      if (isProbablyArticle(page.doc) === metadata.readerable) gateAgrees++;
      const { precision, recall } = overlap(words(readArticle(page.doc)?.map.text ?? ''), words(expected.doc.body.textContent ?? ''));
      scores.push({ precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 });
      await Promise.all([page.close(), expected.close()]);
    }
    const mean = (key: 'f1' | 'precision' | 'recall') => scores.reduce((sum, s) => sum + s[key], 0) / scores.length;
    console.log(
      `readability pages: ${scores.length}, word F1 ${mean('f1').toFixed(3)}, precision ${mean('precision').toFixed(3)}, ` +
        `recall ${mean('recall').toFixed(3)}, gate agrees on ${gateAgrees}`,
    );
    expect(scores.length).toBeGreaterThanOrEqual(130);
    expect(mean('f1')).toBeGreaterThanOrEqual(0.92);
    expect(gateAgrees / scores.length).toBeGreaterThanOrEqual(0.97);
  }, 120_000);
});
