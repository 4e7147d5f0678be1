// The built extension in a real Chromium on the demo pages (run `npm run build` first).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageResult } from '../../entrypoints/background/messages';
import { describeQuote } from '../../dom/card';
import { analyze } from '../../lib/analyze';
import { countryColour } from '../../lib/palette';
import { articleTextFromHtml } from '../../scripts/html-article';
import {
  inShadowUi,
  launchWithExtension,
  openExtensionPage,
  openPopup,
  serveDirectory,
  tabIdByProbe,
  tabIdFor,
  waitForState,
  type ChromeGlobal,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';

let server: StaticServer;
let browser: ExtensionBrowser;
let extensionPage: Page;

const paragraph = (words: string) =>
  `<p>${words} The council met on Tuesday for the third time this month and agreed to publish its findings before the end of the year.</p>`;

/** Bad input, built here rather than stored: a 1 MB article, unbalanced quotation marks, an empty page. */
const GENERATED_PAGES: Record<string, string> = {
  '/long.html': `<!doctype html><title>Long</title><article>${Array.from({ length: 6500 }, (_, i) =>
    paragraph(`Minister ${i} said “the talks were useful”.`),
  ).join('')}</article>`,
  '/unbalanced.html': `<!doctype html><title>Unbalanced</title><article>${paragraph('The mayor said “we will rebuild.')}${paragraph(
    'Nobody closed the quote above, and “this one opens too.',
  )}${paragraph('A closing mark” with no opening one.')}</article>`,
  '/empty.html': '<!doctype html><title>Empty</title><body></body>',
  // The article arrives a second after load, as on pages that render it with scripts.
  '/late.html': `<!doctype html><title>Late</title><body><p>Loading…</p><script>
    setTimeout(() => { document.body.innerHTML = ${JSON.stringify(
      `<article>${paragraph('The envoy said “the ceasefire must hold” after a long night of talks in the capital.')}${[1, 2, 3, 4]
        .map((n) => paragraph(`Delegations from both sides met again on day ${n} of the talks, which diplomats expect to last well into next month.`))
        .join('')}</article>`,
    )}; }, 1000);
  </script></body>`,
};

beforeAll(async () => {
  server = await serveDirectory('test/fixtures/demo', GENERATED_PAGES);
  browser = await launchWithExtension({ headless: true });
  extensionPage = await openExtensionPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; state: string; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  const state = await waitForState(page);
  // Asked of the content script: a page that is no article stores no result.
  return { page, state, tabId: await tabIdByProbe(extensionPage, page.url()) };
}

/** The result the background keeps for the tab, if any. */
function storedResult(tabId: number): Promise<PageResult | undefined> {
  return extensionPage.evaluate(
    (key) => (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(key).then((items) => items[key] as PageResult | undefined),
    `tab:${tabId}`,
  );
}

/** The badge of the tab. */
function badgeOf(tabId: number): Promise<string> {
  return extensionPage.evaluate((tab) => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({ tabId: tab }), tabId);
}

/** Asks the page's content script to turn highlights on (re-running the pipeline) or off. */
function setHighlights(tabId: number, on: boolean): Promise<unknown> {
  return extensionPage.evaluate(
    ([tab, value]) =>
      (globalThis as unknown as ChromeGlobal).chrome.tabs.sendMessage(tab, { type: 'stancemark:set-highlights', on: value }),
    [tabId, on] as const,
  );
}

interface MarkInfo {
  quote: string;
  country: string;
  speaker: string;
  kind: string;
  text: string;
  background: string;
  inArticle: boolean;
  inFurniture: boolean;
}

function marksOn(page: Page): Promise<MarkInfo[]> {
  return page.$$eval('[data-stancemark-quote]', (marks) =>
    marks.map((mark) => ({
      quote: mark.getAttribute('data-stancemark-quote') ?? '',
      country: mark.getAttribute('data-stancemark-country') ?? '',
      speaker: mark.getAttribute('data-stancemark-speaker') ?? '',
      kind: mark.getAttribute('data-stancemark-kind') ?? '',
      text: mark.textContent ?? '',
      background: getComputedStyle(mark).backgroundColor,
      inArticle: mark.closest('article') !== null,
      inFurniture: mark.closest('nav, figure, aside, footer, .related, .sidebar, .ticker, .byline, .site-header') !== null,
    })),
  );
}

/** The quote text of each highlighted quote, its marks joined, by quote index. */
function quotesOf(marks: MarkInfo[]): Map<string, MarkInfo & { text: string }> {
  const quotes = new Map<string, MarkInfo & { text: string }>();
  for (const mark of marks) {
    const seen = quotes.get(mark.quote);
    quotes.set(mark.quote, seen ? { ...seen, text: seen.text + mark.text } : { ...mark });
  }
  return quotes;
}

function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

describe('the demo article', () => {
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    const opened = await open('/index.html');
    expect(opened.state).toBe('done');
    ({ page, tabId } = opened);
  });

  it('highlights the seed article’s 9 direct quotes, only inside the article body', async () => {
    const marks = await marksOn(page);
    const direct = quotesOf(marks.filter((m) => m.kind === 'direct'));
    expect(direct.size).toBe(9);
    expect(marks.every((m) => m.inArticle && !m.inFurniture)).toBe(true);
    // Quoted headlines in navigation, related links, the sidebar, the caption and the footer stay untouched.
    for (const selector of ['nav', '.related', '.related-inline', '.sidebar', 'figcaption', '.site-footer', '.ticker']) {
      expect(await page.locator(`${selector} [data-stancemark-quote]`).count(), selector).toBe(0);
    }
  });

  it('puts data-stancemark-* attributes on highlight elements only', async () => {
    const strays = await page.$$eval('body *', (elements) =>
      elements
        .filter((el) => !el.matches('mark.stancemark-quote'))
        .filter((el) => [...el.attributes].some((a) => a.name.startsWith('data-stancemark-')))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(strays).toEqual([]);
    for (const mark of await marksOn(page)) {
      expect(['direct', 'indirect']).toContain(mark.kind);
      expect(mark.country).toMatch(/^([A-Z]{2,5}|unknown)$/);
    }
  });

  it('colours quotes by country: US and RU present, the two unnamed quotes unknown (grey)', async () => {
    const marks = await marksOn(page);
    const countries = new Set(marks.map((m) => m.country));
    expect(countries).toContain('US');
    expect(countries).toContain('RU');
    for (const mark of marks.filter((m) => m.kind === 'direct')) expect(mark.background).toBe(rgb(countryColour(mark.country).background));
    const unnamed = [...quotesOf(marks).values()].filter(
      (q) => q.text.startsWith('They can not accept') || q.text.startsWith('For them, maybe'),
    );
    expect(unnamed.map((q) => q.country)).toEqual(['unknown', 'unknown']);
  });

  // Compares the built extension with the engine as it is now: a build older than lib/ can differ.
  it('analyses the same text as the CLI reading the page with happy-dom: same quotes at the same offsets', async () => {
    const key = `tab:${tabId}`;
    const stored: Record<string, PageResult> = await extensionPage.evaluate(
      (k) => (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(k),
      key,
    );
    const article = await articleTextFromHtml(readFileSync('test/fixtures/demo/index.html', 'utf8'), 'index.html');
    const fromCli = analyze(article.text, { date: article.date }).quotes;
    const pick = ({ start, end, text, speaker, country }: PageResult['quotes'][number]) => ({ start, end, text, speaker, country });
    expect(stored[key].quotes.map(pick)).toEqual(fromCli.map(pick));
  });

  it('shows the number of quotes as the badge', async () => {
    const badge = await extensionPage.evaluate(
      (tab) => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({ tabId: tab }),
      tabId,
    );
    const quotes = quotesOf(await marksOn(page)).size;
    expect(Number(badge)).toBeGreaterThanOrEqual(quotes);
    expect(Number(badge)).toBeGreaterThanOrEqual(9);
  });

  it('the popup shows the United States and Russia side by side with their speakers', async () => {
    const popup = await openPopup(browser, tabId);
    const sides = await popup.$$eval('.side', (columns) =>
      columns.map((column) => ({
        name: column.querySelector('.side-name')?.textContent ?? '',
        speakers: [...column.querySelectorAll('.speaker .name')].map((n) => n.textContent ?? ''),
        quotes: column.querySelectorAll('.quote').length,
      })),
    );
    expect(sides).toHaveLength(2);
    const byName = new Map(sides.map((s) => [s.name, s]));
    expect([...byName.keys()].sort()).toEqual(['Russia', 'United States']);
    expect(byName.get('United States')!.speakers.join(' ')).toMatch(/Kerry/);
    expect(byName.get('Russia')!.speakers.join(' ')).toMatch(/Konashenkov/);
    expect(byName.get('United States')!.quotes).toBeGreaterThan(byName.get('Russia')!.quotes);
    await popup.close();
  });

  it('the summary, computed after the highlights, reaches the popup and the quote cards', async () => {
    const stored = await extensionPage.evaluate(
      (key) => (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(key).then((items) => items[key] as PageResult),
      `tab:${tabId}`,
    );
    const marked = new Set((await marksOn(page)).map((mark) => Number(mark.quote)));
    const withStances = [...marked].find((i) => (describeQuote(i, stored.quotes, stored.summary)?.stances.length ?? 0) > 0);
    expect(withStances).toBeDefined();
    const popup = await openPopup(browser, tabId);
    expect(await popup.locator('.side .topics .stance').count()).toBeGreaterThan(0);
    await popup.close();
    await page.locator(`mark[data-stancemark-quote="${withStances}"]`).first().hover();
    await expect.poll(() => inShadowUi(page, 'card', (root) => root.querySelectorAll('.card:not([hidden]) .stance').length)).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
  });

  it('clicking a quote in the popup scrolls the page to it and flashes it', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup(browser, tabId);
    const russia = popup.locator('.side').filter({ has: popup.locator('.side-name', { hasText: /^Russia$/ }) });
    await russia.locator('.quote').first().click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(200);
    const flashed = await page.$$eval('mark.stancemark-flash', (marks) => marks.map((m) => m.getAttribute('data-stancemark-country')));
    expect(flashed.length).toBeGreaterThan(0);
    expect(new Set(flashed)).toEqual(new Set(['RU']));
    await popup.close();
  });

  it('running again does not double-wrap', async () => {
    const before = await marksOn(page);
    await setHighlights(tabId, true);
    await setHighlights(tabId, true);
    expect(await page.locator('mark.stancemark-quote mark.stancemark-quote').count()).toBe(0);
    const after = await marksOn(page);
    expect(after.map((m) => [m.quote, m.text])).toEqual(before.map((m) => [m.quote, m.text]));
    expect(await page.getAttribute('html', 'data-stancemark-state')).toBe('done');
  });

  it('turning highlights off restores the article exactly; turning them on again brings them back', async () => {
    const pristine = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return new DOMParser().parseFromString(html, 'text/html').querySelector('article')!.innerHTML;
    });
    const highlighted = quotesOf(await marksOn(page)).size;
    expect(await page.locator('article').innerHTML()).not.toBe(pristine);

    await setHighlights(tabId, false);
    expect(await page.locator('[data-stancemark-quote]').count()).toBe(0);
    expect(await page.locator('article').innerHTML()).toBe(pristine);

    await setHighlights(tabId, true);
    expect(quotesOf(await marksOn(page)).size).toBe(highlighted);
  });
});

describe('pages that are not for Stancemark', () => {
  it('a page that is not an article ends with state not-article and no highlights', async () => {
    const { page, state, tabId } = await open('/not-article.html');
    expect(state).toBe('not-article');
    expect(await page.locator('[data-stancemark-quote]').count()).toBe(0);
    const popup = await openPopup(browser, tabId);
    expect(await popup.locator('.message h2').textContent()).toBe('Not a news article');
    // The reader can overrule the gate.
    await popup.locator('button.anyway').click();
    await expect.poll(() => page.getAttribute('html', 'data-stancemark-state')).not.toBe('not-article');
    expect(['done', 'no-quotes']).toContain(await page.getAttribute('html', 'data-stancemark-state'));
    await Promise.all([popup.close(), page.close()]);
  });

  it('an article without quotes ends with state no-quotes', async () => {
    const { page, state, tabId } = await open('/no-quotes.html');
    expect(state).toBe('no-quotes');
    expect(await page.locator('[data-stancemark-quote]').count()).toBe(0);
    const popup = await openPopup(browser, tabId);
    expect(await popup.locator('.message h2').textContent()).toBe('No quotes found');
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('navigation', () => {
  it('after going back to the article, the tab still has its result and its highlights', async () => {
    const { page, tabId } = await open('/index.html');
    await page.goto(`${server.origin}/no-quotes.html`);
    await waitForState(page);
    await page.goBack();
    await waitForState(page);
    await expect.poll(() => tabIdFor(extensionPage, page.url()).catch(() => null), { timeout: 10_000 }).toBe(tabId);
    expect(quotesOf(await marksOn(page)).size).toBeGreaterThanOrEqual(9);
    await page.close();
  });
});

describe('a tab’s record and the background’s wake-ups', () => {
  it('the record of the tab’s previous page is not shown for the next one, and the browser clears its badge', async () => {
    const { page, tabId } = await open('/index.html?before');
    await expect.poll(() => storedResult(tabId).then((result) => result?.url)).toBe(page.url());
    expect(Number(await badgeOf(tabId))).toBeGreaterThan(0);
    await page.goto(`${server.origin}/not-article.html`);
    expect(await waitForState(page)).toBe('not-article');
    expect(await badgeOf(tabId)).toBe('');
    const popup = await openPopup(browser, tabId);
    expect(await popup.locator('.message h2').textContent()).toBe('Not a news article');
    expect(await popup.locator('.side').count()).toBe(0);
    await Promise.all([popup.close(), page.close()]);
  });

  it('a closed tab’s record is dropped once another result is kept', async () => {
    const closed = await open('/index.html?closed');
    await expect.poll(() => storedResult(closed.tabId).then((result) => result?.state)).toBe('done');
    await closed.page.close();
    const next = await open('/index.html?next');
    await expect.poll(() => storedResult(next.tabId).then((result) => result?.url)).toBe(next.page.url());
    await expect.poll(() => storedResult(closed.tabId)).toBeUndefined();
    await next.page.close();
  });
});

describe('bad input', () => {
  it('a 1 MB article is analysed and highlighted without hanging the page', async () => {
    const { page, state } = await open('/long.html');
    expect(await page.evaluate(() => document.body.textContent!.length)).toBeGreaterThan(1_000_000);
    expect(['done', 'no-quotes']).toContain(state);
    if (state === 'done') expect(await page.locator('[data-stancemark-quote]').count()).toBeGreaterThan(0);
    expect(await page.locator('mark.stancemark-quote mark.stancemark-quote').count()).toBe(0);
    await page.close();
  });

  it('unbalanced quotation marks end in a clear state', async () => {
    const { page, state } = await open('/unbalanced.html');
    expect(['done', 'no-quotes']).toContain(state);
    await page.close();
  });

  it('an article rendered after load is found by the later second look', async () => {
    const { page } = await open('/late.html');
    await page.waitForSelector('html[data-stancemark-state="done"]', { timeout: 15_000 });
    expect(await page.locator('article [data-stancemark-quote]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('an empty page is not an article', async () => {
    const { page, state } = await open('/empty.html');
    expect(state).toBe('not-article');
    await page.close();
  });
});
