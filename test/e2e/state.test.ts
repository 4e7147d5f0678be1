// State in the real browser: the reader's settings survive a browser restart and an extension update;
// settings stored by an older or a damaged version are read safely; a tab's result survives the
// background service worker being stopped; after an update the open pages' popups ask for a reload.
// Needs `npm run build` first.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PageResult } from '../../entrypoints/background/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../extension/settings';
import {
  CHROME_DIST,
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
import { toolbarPopup } from './toolbar-popup';

let server: StaticServer;
let scratch: string;

/**
 * The demo article, with a page script that holds the page's main thread for 3 s once the first highlight is in:
 * after the background's reply, before the page's report.
 */
const HELD_PAGE = readFileSync('test/fixtures/demo/index.html', 'utf8').replace(
  '</body>',
  `<script>
    new MutationObserver((records, observer) => {
      if (!document.querySelector('mark.stancemark-quote')) return;
      observer.disconnect();
      console.log('held: marks in');
      const end = Date.now() + 3000;
      while (Date.now() < end);
    }).observe(document.documentElement, { childList: true, subtree: true });
  </script></body>`,
);

beforeAll(async () => {
  server = await serveDirectory('test/fixtures/demo', { '/held.html': HELD_PAGE });
  scratch = mkdtempSync(join(tmpdir(), 'stancemark-state-'));
});

afterAll(async () => {
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The options page's form as the reader sees it. */
async function optionsShown(browser: ExtensionBrowser): Promise<{ scheme: string; analysis: string; highlight: boolean; sites: string[]; status: string }> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('#off-sites li');
  const shown = await page.evaluate(() => {
    const form = document.getElementById('options') as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as RadioNodeList).value;
    return {
      scheme: value('scheme'),
      analysis: value('analysis'),
      highlight: (form.elements.namedItem('highlight') as HTMLInputElement).checked,
      sites: [...document.querySelectorAll('#off-sites li:not(.none) span')].map((s) => s.textContent ?? ''),
      status: document.getElementById('status')!.textContent ?? '',
    };
  });
  await page.close();
  return shown;
}

const storedSettings = (extensionPage: Page) =>
  extensionPage.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.storage.local.get(['settings', 'settings$']));

describe('settings survive a browser restart and an extension update', () => {
  let dist: string;
  let profile: string;

  beforeAll(() => {
    // A copy of the build at a path of its own: the unpacked extension's id comes from its path, so the
    // "updated" copy below is the same extension.
    dist = join(scratch, 'extension');
    profile = join(scratch, 'profile');
    cpSync(CHROME_DIST, dist, { recursive: true });
  });

  const launch = () => launchWithExtension({ headless: true, dist, userDataDir: profile });

  it('what the reader chose on the options page is there after a restart and after an update', async () => {
    const first = await launch();
    const options = await first.context.newPage();
    await options.goto(`chrome-extension://${first.extensionId}/options.html`);
    await options.check('input[name="scheme"][value="colour-blind"]');
    await options.check('input[name="analysis"][value="on-click"]');
    await options.fill('#site', 'www.Example.org');
    await options.click('#add-site');
    await expect.poll(() => options.textContent('#status')).toMatch(/^Saved/);
    const chosen = { scheme: 'colour-blind', analysis: 'on-click', highlight: true, sites: ['example.org'] };
    await first.close();

    const restarted = await launch();
    expect(restarted.extensionId).toBe(first.extensionId);
    expect(await optionsShown(restarted)).toMatchObject(chosen);
    await restarted.close();

    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    writeFileSync(join(dist, 'manifest.json'), JSON.stringify({ ...manifest, version: '99.0.0' }));
    const updated = await launch();
    const extensionPage = await openExtensionPage(updated);
    expect(await extensionPage.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.runtime.getManifest().version)).toBe('99.0.0');
    expect(await optionsShown(updated)).toMatchObject(chosen);
    // The stored shape is version 1 (extension/settings-store.ts), and the page follows the settings: analysis waits for a click.
    expect((await storedSettings(extensionPage))['settings$']).toEqual({ v: 1 });
    const article = await updated.context.newPage();
    await article.goto(`${server.origin}/index.html`);
    const popup = await openPopup(updated, await tabIdByProbe(extensionPage, article.url()));
    expect(await popup.locator('.message h2').textContent()).toBe('Ready when you are');
    await updated.close();
  });
});

describe('one browser', () => {
  let browser: ExtensionBrowser;
  let extensionPage: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchWithExtension({ headless: true });
    extensionPage = await openExtensionPage(browser);
    browser.context.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(`${message.page()?.url()}: ${message.text()}`);
    });
    browser.context.on('weberror', (error) => errors.push(String(error.error())));
  });

  afterAll(() => browser?.close());

  /** Stores `value` (and the version record WXT keeps beside it, when given) as an older or damaged version might have. */
  async function storeRaw(value: unknown, meta?: unknown): Promise<void> {
    await extensionPage.evaluate(
      async ([settings, version]) => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        await chrome.storage.local.remove(['settings', 'settings$']);
        await chrome.storage.local.set((version === undefined ? { settings } : { settings, settings$: version }) as Record<string, unknown>);
      },
      [value, meta] as const,
    );
  }

  describe('settings stored by an older or a damaged version are read safely', () => {
    const cases: [string, unknown, unknown, Partial<typeof DEFAULT_SETTINGS>][] = [
      ['not an object', 'on', undefined, {}],
      ['every field mistyped', { highlight: 'yes', offSites: '127.0.0.1', analysis: 1, scheme: 'rainbow', pair: ['US'] }, { v: 1 }, {}],
      ['from before versioning, fields missing', { offSites: ['127.0.0.1'] }, undefined, { offSites: ['127.0.0.1'] }],
      ['a damaged version record', { scheme: 'colour-blind' }, { v: 'x' }, { scheme: 'colour-blind' }],
      ['from a newer version (a downgrade)', { scheme: 'colour-blind', later: 'field' }, { v: 2 }, { scheme: 'colour-blind' }],
    ];
    for (const [name, value, meta, expected] of cases) {
      it(`${name}: the options page shows valid settings and pages follow them`, async () => {
        await storeRaw(value, meta);
        const settings = { ...DEFAULT_SETTINGS, ...expected };
        expect(await optionsShown(browser)).toMatchObject({
          scheme: settings.scheme,
          analysis: settings.analysis,
          highlight: settings.highlight,
          sites: settings.offSites,
        });
        const page = await browser.context.newPage();
        await page.goto(`${server.origin}/index.html?${encodeURIComponent(name)}`);
        const popup = await openPopup(browser, await tabIdByProbe(extensionPage, page.url()));
        if (settings.offSites.includes('127.0.0.1')) {
          expect(await popup.locator('.message h2').textContent()).toBe('Highlighting is off on 127.0.0.1');
        } else {
          expect(await waitForState(page)).toBe('done');
          await popup.waitForSelector('.side');
        }
        await Promise.all([popup.close(), page.close()]);
      });
    }

    it('a version record from a newer version is set back to this one, so no context keeps failing to migrate', async () => {
      await storeRaw({ scheme: 'colour-blind' }, { v: 2 });
      expect((await optionsShown(browser)).scheme).toBe('colour-blind');
      expect((await storedSettings(extensionPage))['settings$']).toEqual({ v: 1 });
    });

    it('logged no error', () => {
      expect(errors).toEqual([]);
    });

    afterAll(() => storeRaw(DEFAULT_SETTINGS, { v: 1 }));
  });

  describe('the background service worker', () => {
    /** The worker's running status, as the DevTools protocol reports it, and a way to stop it. */
    async function watchWorker(): Promise<{ status: () => string; stop: () => Promise<void>; detach: () => Promise<void> }> {
      const cdp = await browser.context.newCDPSession(extensionPage);
      let status = '';
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const background = versions.find((version) => version.scriptURL.endsWith('/background.js'));
        if (background) status = background.runningStatus;
      });
      await cdp.send('ServiceWorker.enable');
      await expect.poll(() => status).not.toBe('');
      return {
        status: () => status,
        async stop() {
          await cdp.send('ServiceWorker.stopAllWorkers');
          await expect.poll(() => status).toBe('stopped');
        },
        detach: () => cdp.detach(),
      };
    }

    it('a tab’s result survives the worker being stopped: the popup shows the same, and the worker starts again when needed', async () => {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/index.html?worker`);
      expect(await waitForState(page)).toBe('done');
      const tabId = await tabIdFor(extensionPage, page.url());
      const shownBefore = await (await openPopup(browser, tabId)).locator('#app').innerText();

      const worker = await watchWorker();
      await expect.poll(worker.status).toBe('running');
      await worker.stop();

      const popup = await openPopup(browser, tabId);
      await popup.waitForSelector('.side');
      expect(await popup.locator('#app').innerText()).toBe(shownBefore);
      // Turning highlights off and on again re-runs the page through the background: the worker starts again.
      await popup.click('#toggle');
      await expect.poll(() => popup.textContent('#toggle')).toBe('Show highlights');
      await popup.click('#toggle');
      await expect.poll(() => popup.textContent('#toggle')).toBe('Hide highlights');
      expect(worker.status()).toBe('running');
      expect(await page.locator('mark.stancemark-quote').count()).toBeGreaterThan(0);
      await worker.detach();
      await Promise.all([popup.close(), page.close()]);
    });

    it('a worker restarted between its reply and the page’s report: the summary still reaches the stored result and the popup', async () => {
      const worker = await watchWorker();
      const page = await browser.context.newPage();
      const marksIn = new Promise<void>((done) => page.on('console', (message) => message.text() === 'held: marks in' && done()));
      await page.goto(`${server.origin}/held.html`);
      await marksIn;
      // The reply has come (the page is highlighting) and the page's main thread is held: no report yet.
      await worker.stop();
      expect(await waitForState(page)).toBe('done');
      const tabId = await tabIdFor(extensionPage, page.url());
      const stored = () =>
        extensionPage.evaluate((key) => (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(key).then((items) => items[key] as PageResult | undefined), `tab:${tabId}`);
      await expect.poll(async () => (await stored())?.summary.sides.length ?? 0).toBe(2);
      const popup = await openPopup(browser, tabId);
      expect(await popup.locator('.side .topics .stance').count()).toBeGreaterThan(0);
      await worker.detach();
      await Promise.all([popup.close(), page.close()]);
    });

    it('a page that is no article, navigations and closed tabs do not wake the stopped worker; an article does', async () => {
      const worker = await watchWorker();
      await worker.stop();
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/not-article.html`);
      expect(await waitForState(page)).toBe('not-article');
      await page.goto(`${server.origin}/not-article.html?next`);
      expect(await waitForState(page)).toBe('not-article');
      await page.close();
      // Anything the worker was woken for would have reached it by now.
      await new Promise((done) => setTimeout(done, 1000));
      expect(worker.status()).toBe('stopped');

      const article = await browser.context.newPage();
      await article.goto(`${server.origin}/index.html?wake`);
      expect(await waitForState(article)).toBe('done');
      await expect.poll(worker.status).toBe('running');
      await worker.detach();
      await article.close();
    });
  });

  // Last: reloading the extension, as an update does, closes its pages.
  describe('after an update', () => {
    it('a page opened before it has no content script: the toolbar popup asks for a reload, and the reload brings the analysis', async () => {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/index.html?before-update`);
      expect(await waitForState(page)).toBe('done');
      // Reloaded from disk as chrome://extensions does (an update does the same to open pages).
      const extensionsPage = await browser.context.newPage();
      await extensionsPage.goto('chrome://extensions');
      const reloaded = browser.context.waitForEvent('serviceworker');
      await extensionsPage.evaluate(async (id) => {
        type DeveloperPrivate = { updateProfileConfiguration(c: object): Promise<void>; reload(id: string, o: object): Promise<void> };
        const developer = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome.developerPrivate;
        // Out of developer mode Chromium disables a command-line extension that reloads.
        await developer.updateProfileConfiguration({ inDeveloperMode: true });
        await developer.reload(id, { failQuietly: true });
      }, browser.extensionId);
      await reloaded;
      await extensionsPage.close();
      extensionPage = await openExtensionPage(browser);
      const { title, detail } = await toolbarPopup(browser, extensionPage, page);
      expect(title).toBe('Reload this page to analyse it');
      expect(detail).toMatch(/^It was opened before Stancemark was installed, updated or switched on/);
      await page.reload();
      expect(await waitForState(page)).toBe('done');
      expect(await tabIdFor(extensionPage, page.url())).toBeGreaterThan(0);
      await page.close();
    });
  });
});
