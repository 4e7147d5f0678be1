// The popup's probe of a tab: does a Stancemark content script run there, and on which page? Without
// the `tabs` permission the popup cannot read a tab's URL, so it asks; a tab where no content script
// runs (browser pages, the extension store, files, a tab opened before the install) rejects the message.
// When the content script does not run, the tab's URL may still be readable (activeTab, granted when the
// reader opens the popup from the toolbar): closedPage() says from it why Stancemark is not there.
export const STATUS_REQUEST = { type: 'stancemark:status' } as const;

export interface StatusAnswer {
  url: string;
  /** The document's content type: `application/pdf` on the page of Chromium's PDF viewer. */
  contentType?: string;
  /** The page's state once the content script has finished with it (html[data-stancemark-state]); null before. */
  state?: string | null;
}

export function isStatusRequest(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === STATUS_REQUEST.type;
}

/** The page in a status answer (content type empty and state null when not given), or null for anything that is not one. */
export function parseStatus(answer: unknown): { url: string; contentType: string; state: string | null } | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const { url, contentType, state } = answer as { url?: unknown; contentType?: unknown; state?: unknown };
  if (typeof url !== 'string' || !/^https?:/.test(url) || url.length > 10_000) return null;
  return {
    url,
    contentType: typeof contentType === 'string' && contentType.length <= 200 ? contentType : '',
    state: typeof state === 'string' && state.length <= 20 ? state : null,
  };
}

/**
 * Why no content script runs in a tab, by its URL: an empty tab, a browser or extension page, a file
 * on this computer, an extension store (browsers keep extensions out of them), a web page opened before
 * Stancemark was installed, updated or switched on (it needs a reload), or unknown when the URL is hidden.
 */
export type ClosedPage = 'empty-tab' | 'browser-page' | 'file' | 'extension-store' | 'needs-reload' | 'unknown';

/** The stores' pages, where browsers run no extension's content scripts. */
const EXTENSION_STORES: readonly RegExp[] = [
  /^https:\/\/chromewebstore\.google\.com(\/|$)/,
  /^https:\/\/chrome\.google\.com\/webstore(\/|$)/,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons(\/|$)/,
  /^https:\/\/addons\.mozilla\.org(\/|$)/,
];

const EMPTY_TABS = /^(about:(blank|newtab|home)|chrome:\/\/(newtab|new-tab-page)\/?|edge:\/\/newtab\/?)(#.*)?$/i;

export function closedPage(url: string | null | undefined): ClosedPage {
  if (!url) return 'unknown';
  if (EMPTY_TABS.test(url)) return 'empty-tab';
  if (/^file:/i.test(url)) return 'file';
  if (EXTENSION_STORES.some((store) => store.test(url))) return 'extension-store';
  if (/^https?:/i.test(url)) return 'needs-reload';
  return 'browser-page';
}
