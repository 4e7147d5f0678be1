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
 * plus `generated` pages (path -> content, typed by the path's extension, HTML by default) built by the caller.
 */
export async function serveDirectory(root: string, generated: Record<string, string> = {}): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (Object.hasOwn(generated, pathname)) {
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(pathname)] ?? CONTENT_TYPES['.html'] }).end(generated[pathname]);
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

/**
 * Chromium with the built extension; its id is read from the background service worker's URL. A given
 * `userDataDir` (the profile) is kept on close, so a test can start the browser again on it.
 */
export async function launchWithExtension(options: { headless: boolean; dist?: string; userDataDir?: string }): Promise<ExtensionBrowser> {
  const dist = options.dist ?? CHROME_DIST;
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`no built extension at ${dist}: run \`npm run build\` first`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'stancemark-chromium-'));
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
      // Lets a test open the toolbar popup over CDP (Extensions.triggerAction), as a click would.
      '--enable-unsafe-extension-debugging',
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
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
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

/** One request seen by the browser: from a page, an extension page or the extension's service worker. */
export interface SeenRequest {
  url: string;
  /** 'worker' for the extension's background service worker, else the URL of the page that made it. */
  from: string;
}

/**
 * Records every request of the context, the background service worker's included, and blocks every one
 * that leaves `origin` (chrome-extension:, data: and blob: URLs stay inside the browser).
 * Set before the browser starts: playwright reports service-worker requests only with this flag.
 */
export async function watchRequests(context: BrowserContext, origin: string): Promise<SeenRequest[]> {
  const seen: SeenRequest[] = [];
  const local = (url: string) => /^(chrome-extension|data|blob):/.test(url) || new URL(url).origin === origin;
  context.on('request', (request) => {
    const frame = (() => {
      try {
        return request.frame().url();
      } catch {
        return 'worker';
      }
    })();
    seen.push({ url: request.url(), from: request.serviceWorker() ? 'worker' : frame });
  });
  await context.route(
    (url) => !local(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  return seen;
}

/** Sets the extension's settings (extension/settings.ts) as the options page would. */
export async function setSettings(extensionPage: Page, settings: Record<string, unknown>): Promise<void> {
  await extensionPage.evaluate(
    (value) => (globalThis as unknown as ChromeGlobal).chrome.storage.local.set({ settings: value }),
    settings,
  );
}

/**
 * Runs `fn` on the closed shadow root of Stancemark's in-page UI `name` ('card', 'legend') through the
 * DevTools protocol (closed roots are out of reach of page scripts and selectors); null when absent.
 */
export async function inShadowUi<T>(page: Page, name: string, fn: (root: ShadowRoot) => T): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type DomNode = { nodeName: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: (DomNode & { backendNodeId: number })[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (node: DomNode): DomNode | null => {
      const attributes = node.attributes ?? [];
      if (node.nodeName === 'STANCEMARK-UI' && attributes[attributes.indexOf('data-ui') + 1] === name && attributes.includes('data-ui')) return node;
      for (const child of node.children ?? []) {
        const found = find(child);
        if (found) return found;
      }
      return null;
    };
    const host = find(root);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function () { return (${fn.toString()})(this); }`,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`in the ${name} shadow root: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/**
 * The id of the tab showing `url`, asked of the content scripts themselves (extension/status-probe.ts):
 * for pages that stored no result yet (analysis on click). Without the `tabs` permission tabs.query
 * gives no URLs.
 */
export async function tabIdByProbe(extensionPage: Page, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (wanted) => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    for (const tab of await chrome.tabs.query({})) {
      const answer = await chrome.tabs.sendMessage(tab.id!, { type: 'stancemark:status' }).catch(() => null);
      if ((answer as { url?: string } | null)?.url === wanted) return tab.id!;
    }
    return null;
  }, url);
  if (id === null) throw new Error(`no content script answers for ${url}`);
  return id;
}

/**
 * The DOM layer (text map, highlighter, page reading) and the fuzz generators bundled as one script
 * for a plain page: `globalThis.stancemarkDomFuzz` then runs cases in the page (test/e2e/dom-fuzz-page.ts).
 * The DOM cases run in Chromium because happy-dom differs where highlighting is delicate.
 */
export async function domFuzzBundle(): Promise<string> {
  const { buildSync } = await import('esbuild');
  const result = buildSync({
    entryPoints: [resolve('test/e2e/dom-fuzz-page.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
