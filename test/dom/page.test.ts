// The page pipeline (page reading + engine, as the CLI runs it) on bad input: every page ends in a clear state, never an exception.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highlightQuotes } from '../../dom/highlight';
import { analyzePage } from '../../scripts/html-article';

function load(html: string): Document {
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/<link [^>]*>/g, '');
  return document;
}

const paragraph = (words: string) =>
  `<p>${words} The council met on Tuesday for the third time this month and agreed to publish its findings before the end of the year, after members asked for more time.</p>`;

describe('analyzePage', () => {
  it('an empty page is not an article', () => {
    expect(analyzePage(load('')).state).toBe('not-article');
    expect(analyzePage(load('<body></body>')).state).toBe('not-article');
  });

  it('the non-article fixture is not an article, unless the reader asks to analyse it anyway', () => {
    const html = readFileSync('test/fixtures/demo/not-article.html', 'utf8');
    expect(analyzePage(load(html)).state).toBe('not-article');
    expect(['done', 'no-quotes']).toContain(analyzePage(load(html), { anyway: true }).state);
  });

  it('an article without quotation marks has no quotes', () => {
    expect(analyzePage(load(readFileSync('test/fixtures/demo/no-quotes.html', 'utf8'))).state).toBe('no-quotes');
  });

  it('quotation marks only outside the article body give no quotes', () => {
    const page = `<body><nav><a href="/">“Home”</a></nav><article>${paragraph('Rain fell.')}${paragraph('Roads closed.')}</article></body>`;
    expect(analyzePage(load(page)).state).toBe('no-quotes');
  });

  it('unbalanced quotation marks end in a state, not an exception', () => {
    const page = `<body><article>${paragraph('The mayor said “we will rebuild.')}${paragraph('Nobody closed the quote above.')}${paragraph('“A stray mark.')}</article></body>`;
    expect(['done', 'no-quotes']).toContain(analyzePage(load(page)).state);
  });

  it('the demo article is analysed from its article body', () => {
    const page = analyzePage(load(readFileSync('test/fixtures/demo/index.html', 'utf8')));
    expect(page.state).toBe('done');
    if (page.state !== 'done') return;
    expect(page.article.root.tagName).toBe('ARTICLE');
    expect(page.analysis.quotes.length).toBeGreaterThan(0);
  });

  it('a 1 MB article ends in a state, without hanging', () => {
    const body = Array.from({ length: 5500 }, (_, i) => paragraph(`Minister ${i} said “the talks were useful”.`)).join('');
    const page = analyzePage(load(`<body><article>${body}</article></body>`));
    expect(document.body.textContent!.length).toBeGreaterThan(1_000_000);
    expect(['done', 'no-quotes']).toContain(page.state);
    if (page.state === 'done') expect(highlightQuotes(page.article.map, page.analysis.quotes)).toBeGreaterThan(0);
  }, 180_000); // a hang bound, not a speed test: happy-dom's DOM is slow and the machine may be loaded
});
