// npm run demo: the extension on the demo article in Chromium.
// Builds the extension when the build is missing or older than the sources, serves
// test/fixtures/demo on 127.0.0.1, opens the article, waits for the highlights, writes
// docs/screenshot-page.png (highlights, legend and the card of a hovered quote), docs/screenshot-popup.png
// and docs/screenshot-options.png, and prints the analysis summary.
// Without a DISPLAY it runs headless and exits; with one it keeps the browser open until Ctrl-C.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PageResult } from '../entrypoints/background/messages';
import { countryName } from '../lib/country-names';
import {
  CHROME_DIST,
  launchWithExtension,
  openExtensionPage,
  openPopup,
  serveDirectory,
  tabIdFor,
  waitForState,
  type ChromeGlobal,
} from '../test/e2e/harness';

const SOURCES = ['entrypoints', 'dom', 'lib', 'extension', 'assets', 'wxt.config.ts', 'package.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

function buildIfNeeded(): void {
  const manifest = join(CHROME_DIST, 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map(newestChange))) return;
  console.log('Building the extension (npx wxt build)...');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('demo: the build failed');
    process.exit(1);
  }
}

function printSummary(result: PageResult): void {
  console.log(`\n${result.title}\n${result.url}`);
  console.log(`state: ${result.state}; ${result.quotes.length} statements highlighted`);
  result.sides.forEach((side, i) => {
    const label = i < 2 ? `side ${i + 1}` : 'other';
    console.log(`\n[${label}] ${side.name || countryName(side.country)} (${side.country}): ${side.direct} direct, ${side.indirect} reported`);
    for (const speaker of side.speakers) {
      console.log(`  - ${speaker.name}${speaker.role ? `, ${speaker.role}` : ''}: ${speaker.count}`);
    }
  });
  for (const item of result.summary.divergence) {
    const stances = Object.entries(item.stances).map(([code, stance]) => `${code} ${stance}`).join(', ');
    console.log(`\ndiffer on ${item.topic}: ${stances}`);
  }
  for (const item of result.summary.agreement) console.log(`\nagree on ${item.topic}: both ${item.stance}`);
  const unknown = result.quotes.filter((q) => q.country === null).length;
  console.log(`\nStatements (${unknown} with no known country):`);
  for (const quote of result.quotes) {
    const text = quote.text.length > 70 ? `${quote.text.slice(0, 67)}...` : quote.text;
    const shown = quote.kind === 'direct' ? `“${text}”` : `(reported) ${text}`;
    console.log(`  ${(quote.country ?? '?').padEnd(4)} ${(quote.speaker ?? 'unnamed').padEnd(22)} ${shown}`);
  }
}

async function main(): Promise<void> {
  buildIfNeeded();
  const headless = !process.env.DISPLAY;
  const server = await serveDirectory('test/fixtures/demo');
  const browser = await launchWithExtension({ headless });
  const shutdown = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${server.origin}/index.html`);
    const state = await waitForState(page);
    if (state !== 'done') throw new Error(`the demo article ended in state ${state}`);

    mkdirSync('docs', { recursive: true });
    // The article's quotes in the viewport, the legend in its corner, the card of a hovered quote.
    const quote = page.locator('mark.stancemark-quote[data-stancemark-country="US"][data-stancemark-kind="direct"]').nth(1);
    await page.evaluate(() => {
      const body = document.querySelector('.story-body');
      if (body) window.scrollTo(0, body.getBoundingClientRect().top + window.scrollY - 40);
    });
    await quote.hover();
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/screenshot-page.png' });
    await page.mouse.move(0, 0);

    const extensionPage = await openExtensionPage(browser);
    const tabId = await tabIdFor(extensionPage, page.url());
    const popup = await openPopup(browser, tabId);
    await popup.screenshot({ path: 'docs/screenshot-popup.png' });
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 820, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('#preview .page');
    await options.screenshot({ path: 'docs/screenshot-options.png', fullPage: true });
    await options.close();
    console.log('Screenshots: docs/screenshot-page.png, docs/screenshot-popup.png, docs/screenshot-options.png');

    const key = `tab:${tabId}`;
    const stored = await extensionPage.evaluate(
      (k) => (globalThis as unknown as ChromeGlobal).chrome.storage.session.get(k),
      key,
    );
    printSummary(stored[key] as PageResult);
    await extensionPage.close();

    if (headless) return await shutdown();
    await page.bringToFront();
    console.log('\nChromium stays open with the demo article and its popup. Press Ctrl-C to quit.');
    await new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      browser.context.once('close', () => done());
    });
    await shutdown();
  } catch (error) {
    await shutdown();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error('demo:', error instanceof Error ? error.message : error);
  process.exit(1);
});
