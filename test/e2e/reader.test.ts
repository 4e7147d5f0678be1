// The extension as a reader uses it, in Chromium with the built extension (run `npm run build` first):
// card, legend and keys on the demo article; options and the popup's site switch applied live; pages that
// change after load; the ten readerable pages of ../shared/data/pages/readability with the most quotations.
// Everything is served from 127.0.0.1 and every request to another origin is blocked and recorded.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PageResult } from '../../entrypoints/background/messages';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import { sidePalette } from '../../lib/palette';
import {
  inShadowUi,
  launchWithExtension,
  openExtensionPage,
  openPopup,
  serveDirectory,
  setSettings,
  tabIdByProbe,
  tabIdFor,
  waitForState,
  watchRequests,
  type ChromeGlobal,
  type ExtensionBrowser,
  type SeenRequest,
  type StaticServer,
} from './harness';

const READABILITY = '../shared/data/pages/readability';

const story = (lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('');
/** A long paragraph without speech, so the page reads as an article (Readability wants paragraphs of 140+ characters). */
const FILLER =
  'The delegations met again in the afternoon in the old customs house by the harbour, where the windows were boarded up after the storm and the heating had failed, and the meeting ran on well past the hour the organisers had planned for it, with long breaks between the sessions.';

/** Pages that change after load, written here. */
const LIVE_PAGES: Record<string, string> = {
  // "Load more": a second batch of paragraphs arrives after a second.
  '/load-more.html': `<!doctype html><title>Talks resume</title><body><article><h1>Talks resume</h1>${story([
    'The envoy said “the ceasefire must hold” after a long night of talks in the capital.',
    FILLER, FILLER, FILLER,
  ])}</article><script>
    setTimeout(() => document.querySelector('article').insertAdjacentHTML('beforeend', ${JSON.stringify(
      story(['Later the mayor said “we will rebuild every school” as crews cleared the main road.', FILLER, FILLER]),
    )}), 1000);
  </script></body>`,
  // A single-page site: a click-free "navigation" to another article with history.pushState.
  '/spa.html': `<!doctype html><title>First story</title><body><article id="story"><h1>First story</h1>${story([
    'The minister said “the harbour will reopen next week” after the storm.',
    FILLER, FILLER, FILLER,
  ])}</article><script>
    setTimeout(() => {
      history.pushState({}, '', '/spa-second.html');
      document.title = 'Second story';
      document.getElementById('story').innerHTML = ${JSON.stringify(
        `<h1>Second story</h1>${story(['The coach said “we were not good enough today” after the final.', 'The captain said “next season starts now” in the dressing room.', FILLER, FILLER])}`,
      )};
    }, 1200);
  </script></body>`,
  // Three countries speak: the popup offers another pair.
  '/three-sides.html': `<!doctype html><title>Three capitals</title><body><article><h1>Three capitals</h1>${story([
    `US Secretary of State John Kerry said “the corridor must stay open for aid convoys” after the meeting. ${FILLER}`,
    `Russian Foreign Minister Sergei Lavrov said “our position on the corridor has not changed” in Moscow. ${FILLER}`,
    `Turkish President Recep Tayyip Erdogan said “we will not accept new camps on our border” in Ankara. ${FILLER}`,
    `Kerry added that “the talks will go on next week” before he left. ${FILLER}`,
  ])}</article></body>`,
  // Only one country speaks.
  '/one-side.html': `<!doctype html><title>One voice</title><body><article><h1>One voice</h1>${story([
    `US Secretary of State John Kerry said “the corridor must stay open for aid convoys” after the meeting. ${FILLER}`,
    `Kerry added that “the talks will go on next week” before he left. ${FILLER}`,
    FILLER,
  ])}</article></body>`,
  // A page that never stops changing: a quoted ticker line every 700 ms, forever.
  '/ticker.html': `<!doctype html><title>Live</title><body><article><h1>Live</h1>${story([
    'The spokesman said “the bridge stays closed tonight” to reporters.', FILLER, FILLER, FILLER,
  ])}<ul id="ticker"></ul></article><script>
    let n = 0;
    setInterval(() => document.getElementById('ticker').insertAdjacentHTML('beforeend', '<li>Update ' + (++n) + ': “still closed”</li>'), 700);
  </script></body>`,
};

/** Visible text of an HTML document, whitespace removed (for containment tests across element boundaries). */
async function compactText(html: string): Promise<string> {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  const text = window.document.body?.textContent ?? '';
  await window.happyDOM.close();
  return text.replace(/\s+/g, '');
}

/** Quotations in a text: paired curly double marks, paired straight double marks, paired guillemets. */
function countQuotations(text: string): number {
  return (text.match(/“[^“”]{2,600}”|"[^"]{2,600}"|«[^«»]{2,600}»/g) ?? []).length;
}

/** The ten readerable pages with the most quotations in their expected.html, most first. */
async function pagesWithMostQuotations(): Promise<{ name: string; expected: string; quotations: number }[]> {
  const pages: { name: string; expected: string; quotations: number }[] = [];
  for (const name of readdirSync(READABILITY).sort()) {
    const metadata = `${READABILITY}/${name}/expected-metadata.json`;
    if (!existsSync(metadata) || !existsSync(`${READABILITY}/${name}/source.html`)) continue;
    if (!(JSON.parse(readFileSync(metadata, 'utf8')) as { readerable?: boolean }).readerable) continue;
    const html = readFileSync(`${READABILITY}/${name}/expected.html`, 'utf8');
    const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
    window.document.write(html);
    const quotations = countQuotations(window.document.body?.textContent ?? '');
    await window.happyDOM.close();
    pages.push({ name, expected: html, quotations });
  }
  return pages.sort((a, b) => b.quotations - a.quotations || a.name.localeCompare(b.name)).slice(0, 10);
}

const haveReadability = existsSync(READABILITY);
const readabilityPages = haveReadability ? await pagesWithMostQuotations() : [];
const generated: Record<string, string> = { ...LIVE_PAGES };
for (const { name } of readabilityPages) generated[`/readability/${name}.html`] = readFileSync(`${READABILITY}/${name}/source.html`, 'utf8');

let server: StaticServer;
let browser: ExtensionBrowser;
let extensionPage: Page;
let requests: SeenRequest[];

beforeAll(async () => {
  server = await serveDirectory('test/fixtures/demo', generated);
  browser = await launchWithExtension({ headless: true });
  requests = await watchRequests(browser.context, server.origin);
  extensionPage = await openExtensionPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await setSettings(extensionPage, { ...DEFAULT_SETTINGS });
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(`${server.origin}${path}`);
  return page;
}

async function storedResult(tabId: number): Promise<PageResult> {
  const key = `tab:${tabId}`;
  const stored: Record<string, PageResult> = await extensionPage.evaluate((k) => (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(k), key);
  return stored[key];
}

function tabRequest(tabId: number, message: Record<string, unknown>): Promise<unknown> {
  return extensionPage.evaluate(([tab, m]) => (globalThis as unknown as ChromeGlobal).chrome.tabs.sendMessage(tab, m), [tabId, message] as const);
}

/** Each highlighted quote's joined text and country, by quote index. */
function highlighted(page: Page): Promise<Record<string, { text: string; country: string }>> {
  return page.$$eval('mark.stancemark-quote[data-stancemark-quote]', (marks) => {
    const quotes: Record<string, { text: string; country: string }> = {};
    for (const mark of marks) {
      const index = mark.getAttribute('data-stancemark-quote')!;
      quotes[index] = { text: (quotes[index]?.text ?? '') + (mark.textContent ?? ''), country: mark.getAttribute('data-stancemark-country') ?? '' };
    }
    return quotes;
  });
}

const focusedQuote = (page: Page) =>
  page.evaluate(() => {
    const mark = document.activeElement?.closest('mark.stancemark-quote');
    return mark ? { quote: mark.getAttribute('data-stancemark-quote'), country: mark.getAttribute('data-stancemark-country') } : null;
  });

const cardState = (page: Page) =>
  inShadowUi(page, 'card', (root) => {
    const card = root.querySelector<HTMLElement>('.card')!;
    return { hidden: card.hidden, text: card.innerText, speaker: card.querySelector('.speaker')?.textContent ?? '', images: card.querySelectorAll('img').length };
  });

describe('on the demo article', () => {
  let page: Page;
  let tabId: number;

  beforeAll(async () => {
    page = await open('/index.html');
    expect(await waitForState(page)).toBe('done');
    tabId = await tabIdFor(extensionPage, page.url());
  });

  it('hovering a quote shows its card in a closed shadow root: speaker, role, country, kind; Escape hides it', async () => {
    const quote = page.locator('mark.stancemark-quote[data-stancemark-country="RU"]').first();
    await quote.hover();
    await expect.poll(async () => (await cardState(page))?.hidden).toBe(false);
    const card = (await cardState(page))!;
    expect(card.speaker).toMatch(/Konashenkov/);
    expect(card.text).toMatch(/Russia · quote/);
    expect(card.text).toMatch(/spokesperson/i);
    expect(card.images).toBe(0);
    // Page CSS cannot reach the card: the host is not even in reach of page scripts as a root.
    expect(await page.evaluate(() => [...document.querySelectorAll('stancemark-ui')].map((h) => h.shadowRoot))).toEqual([null, null]);
    await page.keyboard.press('Escape');
    expect((await cardState(page))!.hidden).toBe(true);
  });

  it('the card’s button goes to the next quote of the same side', async () => {
    const first = page.locator('mark.stancemark-quote[data-stancemark-country="US"]').first();
    await first.hover();
    await expect.poll(async () => (await cardState(page))?.hidden).toBe(false);
    const from = await first.getAttribute('data-stancemark-quote');
    await inShadowUi(page, 'card', (root) => root.querySelector<HTMLButtonElement>('.next')!.click());
    const focused = await focusedQuote(page);
    expect(focused?.country).toBe('US');
    expect(focused?.quote).not.toBe(from);
    await expect.poll(async () => (await cardState(page))?.hidden).toBe(false);
  });

  it('the legend lists each side with its number of quotes and collapses', async () => {
    const legend = await inShadowUi(page, 'legend', (root) => ({
      title: root.querySelector('.toggle')!.textContent,
      rows: [...root.querySelectorAll('.side')].map((row) => [row.querySelector('.code')!.textContent, row.querySelector('.count')!.textContent]),
    }));
    const quotes = Object.values(await highlighted(page));
    const count = (country: string) => String(quotes.filter((q) => q.country === country).length);
    expect(legend!.title).toContain(`${quotes.length} quotes`);
    expect(legend!.rows).toEqual([['US', count('US')], ['RU', count('RU')], ['?', count('unknown')]]);
    const collapsed = await inShadowUi(page, 'legend', (root) => {
      root.querySelector<HTMLButtonElement>('.toggle')!.click();
      return root.querySelector<HTMLElement>('.body')!.hidden;
    });
    expect(collapsed).toBe(true);
    await inShadowUi(page, 'legend', (root) => root.querySelector<HTMLButtonElement>('.toggle')!.click());
  });

  it('Alt+Shift+J / K move between quotes in page order; keys typed into a field are left alone', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const order = await page.$$eval('mark.stancemark-quote', (marks) => [...new Set(marks.map((m) => m.getAttribute('data-stancemark-quote')))]);
    await page.keyboard.press('Alt+Shift+J');
    const first = (await focusedQuote(page))!.quote;
    await page.keyboard.press('Alt+Shift+J');
    expect((await focusedQuote(page))!.quote).toBe(order[(order.indexOf(first) + 1) % order.length]);
    await page.keyboard.press('Alt+Shift+K');
    expect((await focusedQuote(page))!.quote).toBe(first);

    await page.evaluate(() => {
      const field = document.createElement('input');
      field.id = 'search-field';
      document.querySelector('.site-header')!.append(field);
    });
    await page.focus('#search-field');
    await page.keyboard.press('Alt+Shift+J');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-field');
  });

  it('options change the page live: the colour-blind scheme restyles the highlights, the global switch removes and restores them', async () => {
    const labelColour = () =>
      page.$eval('mark.stancemark-quote[data-stancemark-country="US"][data-stancemark-label]', (m) => getComputedStyle(m, '::after').backgroundColor);
    const before = await labelColour();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.check('input[name="scheme"][value="colour-blind"]');
    const result = await storedResult(tabId);
    const expected = sidePalette(result.sides.map((s) => s.country), 'colour-blind')('US').accent;
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    await expect.poll(labelColour).toBe(rgb(expected));
    expect(before).not.toBe(rgb(expected));
    await options.check('input[name="scheme"][value="standard"]');
    await expect.poll(labelColour).toBe(before);
    // Highlighting off everywhere, then on again.
    const marks = await page.locator('mark.stancemark-quote').count();
    await options.uncheck('input[name="highlight"]');
    await expect.poll(() => page.locator('mark.stancemark-quote').count()).toBe(0);
    await options.check('input[name="highlight"]');
    await expect.poll(() => page.locator('mark.stancemark-quote').count()).toBe(marks);
    await options.close();
  });

  it('the popup’s site switch takes the highlights off the page and back, live', async () => {
    const count = () => page.locator('mark.stancemark-quote').count();
    const marks = await count();
    const popup = await openPopup(browser, tabId);
    await popup.uncheck('#site-switch input');
    await expect.poll(count).toBe(0);
    await expect.poll(() => popup.locator('.message h2').textContent()).toBe('Highlighting is off on 127.0.0.1');
    await popup.locator('button.anyway').click();
    await expect.poll(count).toBe(marks);
    await popup.close();
  });
});

describe('the popup', () => {
  it('offers another pair when more than two countries speak, and keeps it on request', async () => {
    const page = await open('/three-sides.html');
    expect(await waitForState(page)).toBe('done');
    const tabId = await tabIdFor(extensionPage, page.url());
    const popup = await openPopup(browser, tabId);
    const shown = () => popup.$$eval('.side h2 .code', (codes) => codes.map((c) => c.textContent));
    expect((await storedResult(tabId)).sides.map((s) => s.country).sort()).toEqual(['RU', 'TR', 'US']);
    await popup.selectOption('.pair select[aria-label="Right side"]', 'TR');
    await expect.poll(shown).toContain('TR');
    await popup.selectOption('.pair select[aria-label="Left side"]', 'RU');
    await expect.poll(shown).toEqual(['RU', 'TR']);
    await popup.locator('.pair .keep').click();
    // The popup saves in two storage round trips: wait for the stored pair rather than read it once.
    const storedPair = async () =>
      ((await extensionPage.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.get('settings'))).settings as
        | { pair?: unknown }
        | undefined)?.pair;
    await expect.poll(storedPair).toEqual(['RU', 'TR']);
    // The page follows: its legend now lists the pair first.
    await expect
      .poll(() => inShadowUi(page, 'legend', (root) => [...root.querySelectorAll('.side .code')].map((c) => c.textContent)))
      .toEqual(['RU', 'TR', 'US']);
    await Promise.all([popup.close(), page.close()]);
  });

  it('says so on a page the extension cannot run on', async () => {
    const tabIds = () => extensionPage.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.tabs.query({})).map((t) => t.id!));
    const before = new Set(await tabIds());
    const page = await browser.context.newPage();
    await page.goto('about:blank');
    const tabId = (await tabIds()).find((id) => !before.has(id))!;
    const popup = await openPopup(browser, tabId);
    expect(await popup.locator('.message h2').textContent()).toBe('Stancemark cannot run on this page');
    expect(await popup.locator('#site-switch').isHidden()).toBe(true);
    await Promise.all([popup.close(), page.close()]);
  });

  it('says so when only one country speaks', async () => {
    const page = await open('/one-side.html');
    expect(await waitForState(page)).toBe('done');
    const popup = await openPopup(browser, await tabIdFor(extensionPage, page.url()));
    expect(await popup.locator('.single').textContent()).toMatch(/Only one side speaks in this article: United States/);
    expect(await popup.locator('.side').count()).toBe(1);
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('settings before a page loads', () => {
  it('analyse on click: the page is left alone until the popup asks', async () => {
    await setSettings(extensionPage, { ...DEFAULT_SETTINGS, analysis: 'on-click' });
    // Its own URL: the demo article is open in another tab too.
    const page = await open('/index.html?on-click');
    await page.waitForLoadState('load');
    await new Promise((done) => setTimeout(done, 1000));
    expect(await page.getAttribute('html', 'data-stancemark-state')).toBeNull();
    const tabId = await tabIdByProbe(extensionPage, page.url());
    const popup = await openPopup(browser, tabId);
    expect(await popup.locator('.message h2').textContent()).toBe('Ready when you are');
    await popup.locator('button.anyway').click();
    expect(await waitForState(page)).toBe('done');
    await expect.poll(() => popup.locator('.side').count()).toBe(2);
    await Promise.all([popup.close(), page.close()]);
  });

  it('a site switched off gets no highlights; the popup says so and switches it back on', async () => {
    await setSettings(extensionPage, { ...DEFAULT_SETTINGS, offSites: ['127.0.0.1'] });
    const page = await open('/index.html?site-off');
    await page.waitForLoadState('load');
    await new Promise((done) => setTimeout(done, 1000));
    expect(await page.locator('mark.stancemark-quote').count()).toBe(0);
    const popup = await openPopup(browser, await tabIdByProbe(extensionPage, page.url()));
    expect(await popup.locator('.message h2').textContent()).toBe('Highlighting is off on 127.0.0.1');
    // Switched on from the popup, the page is analysed at once.
    await popup.locator('button.anyway').click();
    expect(await waitForState(page)).toBe('done');
    await expect.poll(() => popup.locator('.side').count()).toBe(2);
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('pages that change after load', () => {
  it('content loaded later is analysed and highlighted when it appears', async () => {
    const page = await open('/load-more.html');
    await waitForState(page);
    await expect.poll(async () => Object.values(await highlighted(page)).map((q) => q.text), { timeout: 10_000 }).toEqual([
      'the ceasefire must hold',
      'we will rebuild every school',
    ]);
    await page.close();
  });

  it('a single-page navigation to another article resets the highlights and the result', async () => {
    const page = await open('/spa.html');
    await waitForState(page);
    expect(Object.values(await highlighted(page)).map((q) => q.text)).toEqual(['the harbour will reopen next week']);
    await expect.poll(async () => Object.values(await highlighted(page)).map((q) => q.text), { timeout: 10_000 }).toEqual([
      'we were not good enough today',
      'next season starts now',
    ]);
    const tabId = await tabIdFor(extensionPage, `${server.origin}/spa-second.html`);
    const result = await storedResult(tabId);
    expect(result.title).toBe('Second story');
    expect(result.quotes.map((q) => q.text)).toEqual(['we were not good enough today', 'next season starts now']);
    await page.close();
  });

  it('a page that never stops changing trips the circuit breaker', async () => {
    const page = await open('/ticker.html');
    await waitForState(page);
    await page.waitForSelector('html[data-stancemark-live="backing-off"]', { timeout: 20_000 });
    // Backing off, the page keeps its highlights.
    expect(await page.locator('mark.stancemark-quote').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe.skipIf(!haveReadability)('the ten readerable pages with the most quotations (../shared/data/pages/readability)', () => {
  const figures: { name: string; quotations: number; highlighted: number; insideShare: number; badge: number }[] = [];

  const outside: Record<string, string[]> = {};

  afterAll(() => {
    if (process.env.STANCEMARK_SHOW_OUTSIDE) console.log(JSON.stringify(outside, null, 1));
    console.log('page | quotations in expected.html | quotes highlighted | share of highlighted text inside the body | badge');
    for (const f of figures) console.log(`${f.name} | ${f.quotations} | ${f.highlighted} | ${f.insideShare.toFixed(3)} | ${f.badge}`);
    const chars = figures.reduce((n, f) => n + f.insideShare, 0) / Math.max(1, figures.length);
    console.log(`mean inside-body share ${chars.toFixed(3)} over ${figures.length} pages`);
  });

  it.each(readabilityPages.map((p) => [p.name, p] as const))('%s: highlights inside the article body, badge, popup, un-highlighting', async (name, { expected, quotations }) => {
    // Analysed on request, so the page's own DOM can be kept before any highlight to compare after removal.
    await setSettings(extensionPage, { ...DEFAULT_SETTINGS, analysis: 'on-click' });
    const page = await open(`/readability/${name}.html`);
    await page.waitForLoadState('load');
    const pristine = await page.evaluate(() => document.body.innerHTML);
    const tabId = await tabIdByProbe(extensionPage, page.url());
    const answer = (await tabRequest(tabId, { type: 'stancemark:set-highlights', on: true })) as PageResult;
    expect(answer.state).toBe('done');

    const marks = await highlighted(page);
    const quotes = Object.values(marks);
    // A mark (one text node's stretch) is inside the body when the text of the element around it is in
    // Readability's body text, or (Readability may drop an inline element next to it) when the mark's
    // own text is, if long enough not to be found anywhere by chance.
    const body = await compactText(expected);
    const compact = (text: string) => text.replace(/\s+/g, '');
    const pieces = (await page.$$eval('mark.stancemark-quote', (all) => all.map((m) => [m.textContent ?? '', m.parentElement?.textContent ?? '']))).map(
      ([own, around]) => ({ own: compact(own), around: compact(around) }),
    );
    const isInside = (p: { own: string; around: string }) => body.includes(p.around) || (p.own.length >= 30 && body.includes(p.own));
    const total = pieces.reduce((n, p) => n + p.own.length, 0);
    const inside = pieces.filter(isInside).reduce((n, p) => n + p.own.length, 0);
    outside[name] = [...new Set(pieces.filter((p) => !isInside(p)).map((p) => p.own))].slice(0, 5);
    const badge = Number(await extensionPage.evaluate((tab) => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({ tabId: tab }), tabId));
    const share = total ? inside / total : 0;
    figures.push({ name, quotations, highlighted: quotes.length, insideShare: share, badge });
    expect(quotes.length).toBeGreaterThanOrEqual(3);
    expect(share).toBeGreaterThanOrEqual(0.97);

    const popup = await openPopup(browser, tabId);
    const sides = Math.min(2, answer.sides.length);
    if (sides) expect(await popup.locator('.side').count()).toBe(sides);
    else expect(await popup.locator('.others .quote').count()).toBeGreaterThan(0);
    await popup.close();

    await tabRequest(tabId, { type: 'stancemark:set-highlights', on: false });
    expect(await page.locator('[data-stancemark-quote]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(pristine);
    await page.close();
    // The badge counts the quotes found; each one not highlighted lies inside another quote (the engine
    // nests some reported speech, and marks never nest).
    expect(badge).toBe(answer.quotes.length);
    const marked = new Set(Object.keys(marks).map(Number));
    const hidden = answer.quotes.filter((q, i) => !marked.has(i));
    const nested = hidden.filter((q) => answer.quotes.some((o, j) => marked.has(j) && o.start < q.end && q.start < o.end));
    expect(nested).toEqual(hidden);
  });
});

describe('network', () => {
  it('the extension sends no request: not its service worker, not its pages, nothing off the demo page', () => {
    const fromExtension = requests.filter((r) => r.from === 'worker' || r.from.startsWith('chrome-extension:'));
    expect(fromExtension.filter((r) => !r.url.startsWith('chrome-extension:'))).toEqual([]);
    const demo = requests.filter((r) => r.from.startsWith(`${server.origin}/index.html`));
    expect(demo.length).toBeGreaterThan(0);
    // The page loads the extension's own reader module (a packaged file, not the network); nothing else
    // leaves the page's origin.
    expect(demo.filter((r) => !r.url.startsWith(server.origin) && !r.url.startsWith('data:') && !r.url.startsWith('chrome-extension:'))).toEqual([]);
    const ownFiles = demo.filter((r) => r.url.startsWith('chrome-extension:'));
    expect(ownFiles.every((r) => new URL(r.url).pathname === '/content-scripts/reader.js')).toBe(true);
    console.log(`requests seen: ${requests.length}; from the extension's worker or pages to the network: ${fromExtension.filter((r) => !r.url.startsWith('chrome-extension:')).length}`);
  });

  it('(the check itself) sees and blocks a request from the service worker', async () => {
    const worker = browser.context.serviceWorkers()[0];
    const outcome = await worker.evaluate(() => fetch('http://example.invalid/ping').then(() => 'sent', () => 'blocked'));
    expect(outcome).toBe('blocked');
    expect(requests.some((r) => r.from === 'worker' && r.url === 'http://example.invalid/ping')).toBe(true);
  });
});
