// Real-browser harness shared by the e2e tests and `npm run demo`: a static file server on
// 127.0.0.1 and Chromium with the built extension loaded.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';

/** The extension API as seen from an extension page's own scripts (page.evaluate runs there). */
export type ChromeGlobal = { chrome: WxtBrowser };

export const CHROME_DIST = resolve('.output/chrome-mv3');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the files of `root` (no directory listing; `/dir/` serves dir/index.html) on a random port,
 * plus `generated` pages (path -> HTML) built by the caller.
 */
export async function serveDirectory(root: string, generated: Record<string, string> = {}): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (Object.hasOwn(generated, pathname)) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'] }).end(generated[pathname]);
      return;
    }
    let file = normalize(join(base, pathname));
    if (file.startsWith(base) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Chromium with the built extension; its id is read from the background service worker's URL. */
export async function launchWithExtension(options: { headless: boolean; dist?: string }): Promise<ExtensionBrowser> {
  const dist = options.dist ?? CHROME_DIST;
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`no built extension at ${dist}: run \`npm run build\` first`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'stancemark-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: options.headless,
    args: [
      ...(options.headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the content script has finished with the page (html[data-stancemark-state]) and returns the state. */
export async function waitForState(page: Page, timeout = 30_000): Promise<string> {
  const html = await page.waitForSelector('html[data-stancemark-state]', { timeout });
  return (await html.getAttribute('data-stancemark-state')) ?? '';
}

/** An extension page, from which the tests use the extension's own APIs (storage, tabs, action). */
export async function openExtensionPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** The id of the tab showing `url`, found through the result the background stored for it. */
export async function tabIdFor(extensionPage: Page, url: string, timeout = 15_000): Promise<number> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const stored: Record<string, { url?: string }> = await extensionPage.evaluate(() =>
      (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(null),
    );
    const key = Object.keys(stored).find((k) => stored[k]?.url === url);
    if (key) return Number(key.slice('tab:'.length));
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the background stored no result for ${url}`);
}

/** The popup for `tabId`, opened as a page of popup size. */
export async function openPopup(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 760, height: 600 });
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await page.waitForSelector('#app > *');
  return page;
}
