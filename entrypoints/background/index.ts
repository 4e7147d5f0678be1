// Keeps each tab's result in storage.session (it outlives the MV3 service worker being stopped and
// is cleared with the browser session) and shows the tab's number of quotes as the toolbar badge.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { countryColour } from '../../lib/palette';
import { contentScriptTab, parsePageResultMessage, storageKey, type PageResult } from './messages';

function badgeText(result: PageResult): string {
  return result.state === 'done' ? String(result.quotes.length) : '';
}

export default defineBackground(() => {
  // MV3 has `action`, Firefox's MV2 `browserAction`; both have the same badge calls.
  const action = browser.action ?? browser.browserAction;

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const tabId = contentScriptTab(sender, browser.runtime.id);
    const result = tabId === null ? null : parsePageResultMessage(message);
    if (tabId === null || !result) return;
    void Promise.all([
      browser.storage.session.set({ [storageKey(tabId)]: result }),
      action.setBadgeText({ tabId, text: badgeText(result) }),
      // The badge takes the colour of the most quoted side.
      action.setBadgeBackgroundColor({ tabId, color: result.sides[0] ? countryColour(result.sides[0].country).accent : '#3b3b48' }),
    ]).catch((error: unknown) => console.warn('Stancemark: could not keep the result of tab', tabId, error));
  });

  // A new page in the tab will report afresh; a closed tab needs nothing kept.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void browser.storage.session.remove(storageKey(tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(storageKey(tabId)));
});
