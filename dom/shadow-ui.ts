// A closed shadow root for Stancemark's own UI in a page (card, legend): page CSS cannot reach inside
// and our CSS cannot leak out. The host sits on <html>, outside the page's <body> and its article.

/** The tag of every Stancemark UI host; the MutationObserver ignores these. */
export const UI_HOST_TAG = 'stancemark-ui';

export function isOwnUi(node: Node): boolean {
  return node instanceof Element && node.localName === UI_HOST_TAG;
}

/** A host element with a closed shadow root holding `css`; removed from the page when `signal` aborts. */
export function mountShadowUi(doc: Document, name: string, css: string, signal: AbortSignal): ShadowRoot {
  const host = doc.createElement(UI_HOST_TAG);
  host.setAttribute('data-ui', name);
  // `all: initial` stops the page's inherited styles at the host; fixed position keeps it out of layout.
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial}*{box-sizing:border-box}${css}`;
  root.append(style);
  doc.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return root;
}

/** An element with a class and text; page text only ever goes in through textContent. */
export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
