// The popup's probe of a tab: does a Stancemark content script run there, and on which page? Without
// the `tabs` permission the popup cannot read a tab's URL, so it asks; a tab where no content script
// runs (browser pages, the extension store, a tab opened before the install) rejects the message.
export const STATUS_REQUEST = { type: 'stancemark:status' } as const;

export interface StatusAnswer {
  url: string;
}

export function isStatusRequest(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === STATUS_REQUEST.type;
}

/** The page URL in a status answer, or null for anything that is not one. */
export function statusUrl(answer: unknown): string | null {
  const url = typeof answer === 'object' && answer !== null ? (answer as { url?: unknown }).url : null;
  return typeof url === 'string' && /^https?:/.test(url) && url.length <= 10_000 ? url : null;
}
