// The extension's real toolbar popup, opened as the reader opens it: a click on the toolbar button,
// sent over CDP (Extensions.triggerAction; the harness starts Chromium with
// --enable-unsafe-extension-debugging). Like a click it grants activeTab, so the popup may read its
// tab's URL; a popup opened as a page (harness openPopup) may not.
import type { Page } from 'playwright-core';
import type { ChromeGlobal, ExtensionBrowser } from './harness';

/** What the popup shows: its heading and sentence when it has a message, else its summary line. */
export interface PopupText {
  title: string;
  detail: string;
}

/**
 * Makes `page` the active tab, clicks the toolbar button for it and gives what the popup shows once it has
 * settled (a message or the sides), read through `extensionPage` (extension.getViews); then closes it.
 */
export async function toolbarPopup(browser: ExtensionBrowser, extensionPage: Page, page: Page): Promise<PopupText> {
  await page.bringToFront();
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
      targetInfos: { targetId: string; url: string; embedderData?: { tabActive?: boolean } }[];
    };
    const showing = targetInfos.filter((target) => target.url === page.url());
    const tab = showing.find((target) => target.embedderData?.tabActive) ?? showing[0];
    if (!tab) throw new Error('no active tab to open the popup on');
    await cdp.send('Extensions.triggerAction' as never, { id: browser.extensionId, targetId: tab.targetId } as never);
  } finally {
    await cdp.detach();
  }
  const read = () =>
    extensionPage.evaluate(() => {
      // extension.getViews gives the popup's window (typed there as a browser window record).
      const [popup] = (globalThis as unknown as ChromeGlobal).chrome.extension.getViews({ type: 'popup' }) as unknown as (typeof globalThis)[];
      const app = popup?.document.getElementById('app');
      const title = app?.querySelector('.message h2, .summary')?.textContent;
      if (!popup || !title) return null;
      const text = { title, detail: app!.querySelector('.message p')?.textContent ?? '' };
      return text;
    });
  const deadline = Date.now() + 10_000;
  for (let text = await read(); Date.now() < deadline; text = await read()) {
    if (text) {
      await extensionPage.evaluate(() =>
        ((globalThis as unknown as ChromeGlobal).chrome.extension.getViews({ type: 'popup' }) as unknown as (typeof globalThis)[]).forEach((view) => view.close()),
      );
      return text;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the toolbar popup showed nothing');
}
