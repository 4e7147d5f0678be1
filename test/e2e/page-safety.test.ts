// Page safety with the built extension: the page's own scripts keep working with the text nodes we
// wrap, links, forms and selection still work inside highlights, nothing leaks into the page's globals,
// quote text with markup stays text, messages from the page are ignored, and odd documents end in a
// clear state with no error in the console; on restricted and odd pages (about:blank, chrome://, an
// PDF, a file, a page loading for minutes, a busy page) the popup says why in a
// sentence. Needs `npm run build` first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  openExtensionPage,
  openPopup,
  serveDirectory,
  setSettings,
  tabIdByProbe,
  tabIdFor,
  waitForState,
  type ChromeGlobal,
  type ExtensionBrowser,
  type StaticServer,
} from './harness';
import { toolbarPopup } from './toolbar-popup';

const filler = (n: number) =>
  `<p>Delegations met again on day ${n} of the talks in the port city, and both sides compared their figures on grain, fuel and shipping before the evening session.</p>`;

const SAFETY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour talks</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Harbour talks go on</h1>
<p id="q1">The envoy said “the harbour stays open to every ship” after the first round, and officials agreed.</p>
<p id="q2">Ana Lima, the foreign minister, told reporters: “Read <a id="report" href="#report-target">the full report</a> before the vote.”</p>
<p id="q3">An activist said “&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt; &lt;script&gt;window.pwned=2&lt;/script&gt; is only text” outside.</p>
${[1, 2, 3, 4, 5].map(filler).join('\n')}
<p id="live">Readers now: <span id="count">0</span>, and “the count goes up” says the page.</p>
</article>
<form id="comment"><input id="name"><button id="send">Send</button></form>
<script>
  window.pageLog = [];
  const paragraphs = [...document.querySelectorAll('article p')];
  window.textsAtStart = paragraphs.map((p) => p.textContent);
  window.heldNodes = paragraphs.map((p) => p.firstChild);
  window.countNode = document.getElementById('count').firstChild;
  document.getElementById('report').addEventListener('click', (e) => { e.preventDefault(); pageLog.push('link:' + e.target.closest('a').id); });
  document.getElementById('comment').addEventListener('submit', (e) => { e.preventDefault(); pageLog.push('submit:' + document.getElementById('name').value); });
  window.globalsAtStart = null;
  window.globalsAtStart = Object.getOwnPropertyNames(window);
</script></body></html>`;

const ODD_PAGES: Record<string, string> = {
  '/odd/frameset.html': '<!doctype html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="about:blank"><frame src="about:blank"></frameset></html>',
  '/odd/no-body.html': '<!doctype html><html><head><title>Empty head</title></head></html>',
  '/odd/notes.txt': 'Notes for the meeting.\n\nShe said "bring the figures" and left.\n'.repeat(50),
  '/odd/image.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="24">“A quoted caption”</text></svg>',
};

let server: StaticServer;
let browser: ExtensionBrowser;
let extensionPage: Page;

beforeAll(async () => {
  server = await serveDirectory('test/fixtures/demo', { '/safety/page.html': SAFETY_PAGE, ...ODD_PAGES });
  browser = await launchWithExtension({ headless: true });
  extensionPage = await openExtensionPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path`, collecting console errors and uncaught exceptions from every world of the tab. */
async function openWatched(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${server.origin}${path}`);
  return { page, errors };
}

describe('a page with its own scripts, links, forms and hostile quote text', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openWatched('/safety/page.html'));
    expect(await waitForState(page)).toBe('done');
    expect(await page.locator('article mark.stancemark-quote').count()).toBeGreaterThan(2);
  });

  it('the page\'s text nodes stay in the page and its paragraphs read the same text; its writes still show', async () => {
    const held = await page.evaluate(() => {
      const w = window as unknown as { heldNodes: Text[]; textsAtStart: string[]; countNode: Text };
      const texts = [...document.querySelectorAll('article p')].map((p) => p.textContent);
      w.countNode.data = '42';
      return { connected: w.heldNodes.every((n) => n.isConnected), same: texts.join('|') === w.textsAtStart.join('|'), live: document.getElementById('count')!.textContent };
    });
    expect(held).toEqual({ connected: true, same: true, live: '42' });
  });

  it('a link inside a highlighted quote still gets its click; a form still submits', async () => {
    await page.waitForSelector('#report mark.stancemark-quote');
    await page.click('#report');
    await page.fill('#name', 'reader');
    await page.click('#send');
    expect(await page.evaluate(() => (window as unknown as { pageLog: string[] }).pageLog)).toEqual(['link:report', 'submit:reader']);
  });

  it('selecting across highlights gives the page\'s own text', async () => {
    const selected = await page.evaluate(() => {
      const paragraph = document.getElementById('q2')!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return { selected: selection.toString(), text: paragraph.textContent };
    });
    expect(selected.selected).toBe(selected.text);
  });

  it('adds no globals to the page', async () => {
    const added = await page.evaluate(() => {
      const before = new Set((window as unknown as { globalsAtStart: string[] }).globalsAtStart);
      return Object.getOwnPropertyNames(window).filter((name) => !before.has(name));
    });
    expect(added).toEqual([]);
  });

  it('quote text with markup and script stays text, in the page and in the popup', async () => {
    // The page's own write above (a counter going up) is no new article content: the marks are the first run's.
    await page.waitForSelector('#q3 mark.stancemark-quote');
    const hostile = await page.evaluate(() => ({
      pwned: (window as unknown as { pwned?: number }).pwned,
      images: document.querySelectorAll('article img').length,
      marked: [...document.querySelectorAll('#q3 mark.stancemark-quote')].map((m) => m.textContent).join(''),
    }));
    expect(hostile.pwned).toBeUndefined();
    expect(hostile.images).toBe(0);
    expect(hostile.marked).toContain('<img src=x');
    const popup = await openPopup(browser, await tabIdFor(extensionPage, page.url()));
    const inPopup = await popup.evaluate(() => ({
      pwned: (window as unknown as { pwned?: number }).pwned,
      handlers: document.querySelectorAll('[onerror], script:not([src])').length,
    }));
    expect(inPopup).toEqual({ pwned: undefined, handlers: 0 });
    await popup.close();
  });

  it('ignores messages and events from the page', async () => {
    await page.waitForSelector('html[data-stancemark-state="done"] #q1 mark.stancemark-quote');
    const marks = await page.locator('mark.stancemark-quote').count();
    await page.evaluate(() => {
      const off = { type: 'stancemark:set-highlights', on: false };
      window.postMessage(off, '*');
      document.dispatchEvent(new CustomEvent('stancemark:set-highlights', { detail: off }));
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome?.runtime;
      try {
        runtime?.sendMessage?.('x', off);
      } catch {
        // Pages cannot reach the extension: there is no externally_connectable.
      }
    });
    await page.waitForTimeout(500);
    expect(await page.locator('mark.stancemark-quote').count()).toBe(marks);
    expect(await page.getAttribute('html', 'data-stancemark-state')).toBe('done');
  });

  it('logged no error on the way', () => {
    expect(errors).toEqual([]);
  });
});

describe('odd documents end in a clear state without console errors', () => {
  const cases: [string, string, (state: string | null) => boolean][] = [
    ['a frameset page', '/odd/frameset.html', (state) => state === 'not-article'],
    ['a page without a body', '/odd/no-body.html', (state) => state === 'not-article'],
    // Chromium shows a text file as one <pre>: a page of text, which may be read; any clear state will do.
    ['a plain-text file', '/odd/notes.txt', (state) => ['done', 'no-quotes', 'not-article'].includes(state ?? '')],
    ['an SVG image', '/odd/image.svg', (state) => state === 'not-article'],
  ];
  for (const [name, path, expected] of cases) {
    it(name, async () => {
      const { page, errors } = await openWatched(path);
      await page.waitForFunction(() => document.documentElement.getAttribute('data-stancemark-state'), null, { timeout: 15_000 });
      expect(expected(await page.evaluate(() => document.documentElement.getAttribute('data-stancemark-state')))).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});

/** A one-page PDF, written here: Chromium shows it in its own viewer. */
const PDF = [
  '%PDF-1.4',
  '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
  '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
  '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj',
  'trailer <</Root 1 0 R>>',
  '%%EOF',
].join('\n');

/** Pages the static server cannot give: a PDF with its content type, and a page whose body never ends. */
async function serveOddRoutes(): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url === '/report.pdf') {
      response.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF);
    } else if (request.url === '/endless.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write(`<!doctype html><title>Live</title><article>${[1, 2, 3].map(filler).join('')}`);
    } else if (request.url === '/slow.html') {
      // The rest of the article arrives after 3 s.
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write(`<!doctype html><title>Slow</title><article><p id="q1">The envoy said “the harbour stays open to every ship” after the first round.</p>`);
      setTimeout(() => response.end(`${[1, 2, 3, 4, 5].map(filler).join('')}</article>`), 3000);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('restricted and odd pages: the popup says why in a sentence, and nothing logs an error', () => {
  let odd: { origin: string; server: Server };
  let fileDir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    odd = await serveOddRoutes();
    fileDir = mkdtempSync(join(tmpdir(), 'stancemark-file-'));
    writeFileSync(join(fileDir, 'saved.html'), `<!doctype html><title>Saved</title><article><p>She said “this was saved to disk” and left.</p>${filler(1)}</article>`);
    // Errors from every page of the browser: the odd pages (content script included) and the popups.
    browser.context.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(`${message.page()?.url()}: ${message.text()}`);
    });
    browser.context.on('weberror', (error) => errors.push(String(error.error())));
  });

  /** The pages and popups a test opened, closed after it even when it fails. */
  const opened: Page[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close({ runBeforeUnload: false })));
  });

  afterAll(async () => {
    odd.server.closeAllConnections();
    await new Promise((done) => odd.server.close(done));
    rmSync(fileDir, { recursive: true, force: true });
  });

  const tabIds = (): Promise<number[]> =>
    extensionPage.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.tabs.query({})).map((tab) => tab.id!));

  /** Opens `url` in a new tab (waiting only for `until`) and gives its tab id, found as the one new tab. */
  async function openTab(url: string, until: 'load' | 'commit' = 'load'): Promise<{ page: Page; tabId: number }> {
    const before = new Set(await tabIds());
    const page = await browser.context.newPage();
    opened.push(page);
    await page.goto(url, { waitUntil: until });
    const [tabId] = (await tabIds()).filter((id) => !before.has(id));
    return { page, tabId };
  }

  /** The popup's message for `tabId`: heading and sentence. */
  async function popupMessage(tabId: number): Promise<{ title: string; detail: string; popup: Page }> {
    const popup = await openPopup(browser, tabId);
    opened.push(popup);
    await popup.waitForSelector('.message h2');
    const [title, detail] = await Promise.all([popup.locator('.message h2').textContent(), popup.locator('.message p').textContent()]);
    return { title: title ?? '', detail: detail ?? '', popup };
  }

  /** Plain text: a sentence, no placeholder leaking through. */
  function plain(text: string): void {
    expect(text).toMatch(/^[A-Z].*[.!]$/s);
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  }

  const closedToExtensions = /closed to extensions/;
  const restricted: [string, () => string][] = [
    ['about:blank', () => 'about:blank'],
    ['a chrome:// page', () => 'chrome://version/'],
    // Unpacked extensions loaded from the command line may read files, but Stancemark's content script is for the web only.
    ['a file:// page', () => `file://${join(fileDir, 'saved.html')}`],
  ];
  for (const [name, url] of restricted) {
    it(`${name}: "cannot run on this page", naming browser pages, stores and files`, async () => {
      const { page, tabId } = await openTab(url());
      const { title, detail, popup } = await popupMessage(tabId);
      expect(title).toBe('Stancemark cannot run on this page');
      expect(detail).toMatch(closedToExtensions);
      expect(detail).toMatch(/files on this computer/);
      plain(detail);
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-stancemark-state'))).toBeNull();
    });
  }

  // From the toolbar the popup may read a file's URL (activeTab): it names the file and why.
  it('a file:// page, popup opened from the toolbar: "cannot read files on this computer", no access by default', async () => {
    const { page } = await openTab(`file://${join(fileDir, 'saved.html')}`);
    const { title, detail } = await toolbarPopup(browser, extensionPage, page);
    expect(title).toBe('Stancemark cannot read files on this computer');
    expect(detail).toMatch(/no access to files by default/);
    plain(detail);
  });

  it('about:blank and a chrome:// page, popup opened from the toolbar: the browser hides their URL, the sentence covers both', async () => {
    for (const url of ['about:blank', 'chrome://version/']) {
      const { page } = await openTab(url);
      const { title, detail } = await toolbarPopup(browser, extensionPage, page);
      expect(title).toBe('Stancemark cannot run on this page');
      expect(detail).toMatch(/Browser pages \(such as chrome:\/\/ pages and new tabs\)/);
    }
  });

  it('a PDF in Chromium’s viewer: "This is a PDF document", not the offer to analyse it', async () => {
    const { page, tabId } = await openTab(`${odd.origin}/report.pdf`);
    await expect.poll(() => tabIdByProbe(extensionPage, page.url()).catch(() => null), { timeout: 10_000 }).toBe(tabId);
    const { title, detail, popup } = await popupMessage(tabId);
    expect(title).toBe('This is a PDF document');
    plain(detail);
    expect(await popup.locator('button.anyway').count()).toBe(0);
  });

  it('a page whose body never finishes loading: "This page is still loading"', async () => {
    const { page, tabId } = await openTab(`${odd.origin}/endless.html`, 'commit');
    await page.waitForSelector('article p');
    const { title, detail, popup } = await popupMessage(tabId);
    expect(title).toBe('This page is still loading');
    plain(detail);
  });

  it('a page that takes a while: "still loading", then the popup follows to its quotes', async () => {
    const { tabId } = await openTab(`${odd.origin}/slow.html`, 'commit');
    const { title, popup } = await popupMessage(tabId);
    expect(title).toBe('This page is still loading');
    await popup.waitForSelector('.quote', { timeout: 20_000 });
    expect(await popup.locator('#app').innerText()).toContain('the harbour stays open to every ship');
  });

  it('a page highlighted whose result could not be kept (too large for storage.session): "Too large to list here", not "Reading"', async () => {
    const { page } = await openTab(`${server.origin}/safety/page.html?lost`);
    expect(await waitForState(page)).toBe('done');
    const tabId = await tabIdFor(extensionPage, page.url());
    await extensionPage.evaluate((key) => (globalThis as unknown as ChromeGlobal).chrome.storage.session.remove(key), `tab:${tabId}`);
    const { title, detail } = await popupMessage(tabId);
    expect(title).toBe('Too large to list here');
    plain(detail);
  });

    it('a page too busy to answer: "The page is not answering", then its state once it answers', async () => {
    await setSettings(extensionPage, { analysis: 'on-click' });
    try {
      const { page } = await openTab(`${server.origin}/safety/page.html?busy`);
      const tabId = await tabIdByProbe(extensionPage, page.url());
      // The page's main thread is held for 3 s, so its content script cannot answer the popup in time.
      await page.evaluate(() => void setTimeout(() => {
        const end = Date.now() + 3000;
        while (Date.now() < end);
      }));
      const { title, detail, popup } = await popupMessage(tabId);
      expect(title).toBe('The page is not answering');
      plain(detail);
      await expect.poll(() => popup.locator('.message h2').textContent(), { timeout: 10_000 }).toBe('Ready when you are');
    } finally {
      await setSettings(extensionPage, {});
    }
  });

  it('logged no error in any page or popup', () => {
    expect(errors).toEqual([]);
  });
});

describe('the popup’s text: plain sentences, exact states, hostile text shown as text', () => {
  let blank: Page;
  let tabId: number;

  beforeAll(async () => {
    const before = new Set(await extensionPage.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.tabs.query({})).map((t) => t.id)));
    blank = await browser.context.newPage();
    await blank.goto('about:blank');
    tabId = (await extensionPage.evaluate(async () => (await (globalThis as unknown as ChromeGlobal).chrome.tabs.query({})).map((t) => t.id!))).find((id) => !before.has(id))!;
  });

  afterAll(() => blank.close());

  const HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  const quote = (text: string, country: string | null, speaker: string | null, kind: 'direct' | 'indirect' = 'direct') => ({
    start: 0, end: text.length, text, kind, speaker, role: speaker ? '<i>envoy</i>' : null, country, evidence: null, paragraph: 0,
  });
  const side = (country: string, name: string, speaker: string, direct: number) => ({
    country, name, direct, indirect: 0, speakers: [{ name: speaker, role: null, count: direct }],
  });
  const summarySide = (country: string, name: string) => ({ country, name, speakers: [], statements: [], topics: [], gist: [] });
  const base = { url: 'https://news.example.com/story', title: `Talks ${HOSTILE}`, highlighted: true };

  /** Shows `result` as the stored result of a tab and gives the popup's visible text and its empty boxes. */
  async function shown(result: Record<string, unknown>): Promise<{ text: string; empty: string[]; images: number; pwned: unknown; popup: Page }> {
    await extensionPage.evaluate(
      ([key, value]) => (globalThis as unknown as ChromeGlobal).chrome.storage.session.set({ [key]: value }),
      [`tab:${tabId}`, result] as const,
    );
    const popup = await openPopup(browser, tabId);
    const seen = await popup.evaluate(() => ({
      text: document.body.innerText,
      empty: [...document.querySelectorAll('#app :is(li, p, h2, h3, td, section)')]
        .filter((box) => !(box as HTMLElement).innerText.trim())
        .map((box) => box.outerHTML.slice(0, 80)),
      images: document.querySelectorAll('img, script:not([src])').length,
      pwned: (window as unknown as { pwned?: number }).pwned,
    }));
    return { ...seen, popup };
  }

  const placeholders = /undefined|\bnull\b|NaN|\[object/;

  it('hostile quote, speaker, role, side and title text is shown as text, never run', async () => {
    const hostile = {
      ...base, state: 'done',
      quotes: [quote(HOSTILE, 'BR', `Ana ${HOSTILE}`), quote('We will sign.', 'KE', 'Joseph Mwangi'), quote(`“${HOSTILE}”`, null, null, 'indirect')],
      sides: [side('BR', `Brazil ${HOSTILE}`, `Ana ${HOSTILE}`, 1), side('KE', '', 'Joseph Mwangi', 1)],
      summary: { sides: [summarySide('BR', 'Brazil'), summarySide('KE', 'Kenya')], agreement: [], divergence: [{ topic: `trade ${HOSTILE}`, stances: { BR: 'supports' }, evidence: [0] }] },
    };
    const { text, empty, images, pwned, popup } = await shown(hostile);
    expect({ images, pwned }).toEqual({ images: 0, pwned: undefined });
    expect(text).toContain(`“${HOSTILE}”`);
    expect(text).toContain(`Brazil ${HOSTILE}`);
    expect(text).toContain('Kenya');
    expect(text).toContain('not stated');
    expect(text).not.toMatch(placeholders);
    expect(empty).toEqual([]);
    await popup.close();
  });

  const states: [string, Record<string, unknown>, string][] = [
    ['not an article', { state: 'not-article' }, 'Not a news article'],
    ['no quotes', { state: 'no-quotes' }, 'No quotes found'],
    ['done but no quotes', { state: 'done' }, 'No quotes found'],
    ['an internal error', { state: 'error' }, 'Could not analyse this page'],
  ];
  for (const [name, fields, title] of states) {
    it(`${name}: "${title}" and a plain sentence`, async () => {
      const { text, empty, popup } = await shown({ ...base, quotes: [], sides: [], summary: { sides: [], agreement: [], divergence: [] }, ...fields });
      expect(await popup.locator('.message h2').textContent()).toBe(title);
      expect(await popup.locator('.message p').textContent()).toMatch(/^[A-Z].*\.$/);
      expect(text).not.toMatch(placeholders);
      expect(empty).toEqual([]);
      await popup.close();
    });
  }

  it('a result kept with its first quotes only (too large for storage.session): the counts are the whole article’s, and it says so', async () => {
    const quotes = Array.from({ length: 3 }, (_, i) => quote(`Point ${i} stands.`, 'BR', 'Ana Lima'));
    const { text, empty, popup } = await shown({
      ...base, state: 'done', quotes, quotesLeftOut: 49_997,
      sides: [side('BR', 'Brazil', 'Ana Lima', 30_000), side('KE', 'Kenya', 'Joseph Mwangi', 20_000)],
      summary: { sides: [], agreement: [{ topic: 'trade', stance: 'supports', evidence: [2, 45_000] }], divergence: [] },
    });
    expect(text).toContain('50,000 statements found');
    expect(text).toContain('A very long article: the first 3 of its 50,000 statements are listed here.');
    expect(text).not.toMatch(placeholders);
    expect(empty).toEqual([]);
    await popup.close();
  });

    it('a tab that is gone: "No tab to read"', async () => {
    const popup = await openPopup(browser, 2_000_000_000);
    expect(await popup.locator('.message h2').textContent()).toBe('No tab to read');
    expect(await popup.locator('.message p').textContent()).toMatch(/^The tab this popup was opened for is closed\./);
    await popup.close();
  });

    it('quotes tied to no country, one side, three sides: each says what it shows', async () => {
    const unattributed = await shown({ ...base, state: 'done', quotes: [quote('We wait.', null, null)], sides: [], summary: { sides: [], agreement: [], divergence: [] } });
    expect(unattributed.text).toMatch(/No quote could be tied to a country/);
    expect(unattributed.text).toMatch(/Unnamed source/);
    await unattributed.popup.close();

    const one = await shown({ ...base, state: 'done', quotes: [quote('We wait.', 'BR', 'Ana Lima')], sides: [side('BR', 'Brazil', 'Ana Lima', 1)], summary: { sides: [summarySide('BR', 'Brazil')], agreement: [], divergence: [] } });
    expect(one.text).toMatch(/Only one side speaks in this article: Brazil\./);
    await one.popup.close();

    const three = await shown({
      ...base, state: 'done',
      quotes: [quote('One.', 'BR', 'Ana Lima'), quote('Two.', 'KE', 'Joseph Mwangi'), quote('Three.', 'UN', 'A spokesperson')],
      sides: [side('BR', 'Brazil', 'Ana Lima', 1), side('KE', 'Kenya', 'Joseph Mwangi', 1), side('UN', 'United Nations', 'A spokesperson', 1)],
      summary: { sides: [], agreement: [], divergence: [] },
    });
    expect(await three.popup.locator('.pair select').count()).toBe(2);
    expect(three.text).toMatch(/Other voices/);
    for (const { text, empty } of [unattributed, one, three]) {
      expect(text).not.toMatch(placeholders);
      expect(empty).toEqual([]);
    }
    await three.popup.close();
  });
});
