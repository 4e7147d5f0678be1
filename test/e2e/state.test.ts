// State in the real browser: the reader's settings survive a browser restart and an extension update;
// settings stored by an older or a damaged version are read safely; a tab's result survives the
// background service worker being stopped; after an update the open pages' popups ask for a reload.
// Needs `npm run build` first.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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

beforeAll(async () => {
  server = await serveDirectory('test/fixtures/demo');
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
    it('a tab’s result survives the worker being stopped: the popup shows the same, and the worker starts again when needed', async () => {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/index.html?worker`);
      expect(await waitForState(page)).toBe('done');
      const tabId = await tabIdFor(extensionPage, page.url());
      const shownBefore = await (await openPopup(browser, tabId)).locator('#app').innerText();

      // The worker's running status, as the DevTools protocol reports it.
      const cdp = await browser.context.newCDPSession(extensionPage);
      let status = '';
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const background = versions.find((version) => version.scriptURL.endsWith('/background.js'));
        if (background) status = background.runningStatus;
      });
      await cdp.send('ServiceWorker.enable');
      await expect.poll(() => status).toBe('running');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => status).toBe('stopped');

      const popup = await openPopup(browser, tabId);
      await popup.waitForSelector('.side');
      expect(await popup.locator('#app').innerText()).toBe(shownBefore);
      // Turning highlights off and on again re-runs the page through the background: the worker starts again.
      await popup.click('#toggle');
      await expect.poll(() => popup.textContent('#toggle')).toBe('Show highlights');
      await popup.click('#toggle');
      await expect.poll(() => popup.textContent('#toggle')).toBe('Hide highlights');
      expect(status).toBe('running');
      expect(await page.locator('mark.stancemark-quote').count()).toBeGreaterThan(0);
      await cdp.detach();
      await Promise.all([popup.close(), page.close()]);
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
