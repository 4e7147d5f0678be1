// Pages that change after load: single-page news sites, "load more", live blogs. A MutationObserver
// notices new text (debounced), and a change of URL without a reload (history.pushState, popstate) is
// reported as a navigation to another article. Stancemark's own changes never count: its UI lives
// outside <body>; the highlighter's writes (wrapping and unwrapping quotes) are made through
// `asOwnChanges`, whose records the watchers drop unread; and a look is only taken when the length of the
// body's text has changed since the last one. A page that keeps changing
// without end trips a circuit breaker: the observer stops for a cool-down that doubles on each trip.

/** Marks that can open a quotation (lib/quotes.ts): new text with one of them may hold a quote. */
const QUOTATION_MARK = /["“”„«»‘’'‚‹›「」『』]/;
/** Text not holding page prose. */
const NOT_PROSE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'svg']);

export interface LiveTiming {
  /** Quiet time after the last relevant change before looking again. */
  debounceMs: number;
  /** Longest wait while changes keep coming. */
  maxWaitMs: number;
  /** The breaker trips after this many looks within `windowMs`. */
  maxRuns: number;
  windowMs: number;
  /** First cool-down; doubles on each trip, up to `maxCoolDownMs`. */
  coolDownMs: number;
  maxCoolDownMs: number;
  /** New text of at least this many characters is worth a look even without a quotation mark. */
  minChars: number;
}

export const LIVE_TIMING: LiveTiming = {
  debounceMs: 600,
  maxWaitMs: 3000,
  maxRuns: 6,
  windowMs: 60_000,
  coolDownMs: 30_000,
  maxCoolDownMs: 600_000,
  minChars: 200,
};

export interface LiveOptions {
  /** The page gained text worth another look. */
  onContent(): void;
  /** The URL (without its fragment) changed without a page load. */
  onNavigate(url: string): void;
  /** The breaker tripped (true) or the cool-down ended (false). */
  onBackOff?(backingOff: boolean): void;
  /** Nodes of Stancemark's own (UI hosts, highlight marks): changes to them are ignored. */
  isOwn(node: Node): boolean;
  signal: AbortSignal;
  timing?: Partial<LiveTiming>;
}

const withoutHash = (url: string) => url.replace(/#.*$/, '');

/** Visible text added by `node`, up to `limit` characters (script, style and own nodes skipped). */
function addedText(node: Node, isOwn: (node: Node) => boolean, limit: number): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data.slice(0, limit);
  if (node.nodeType !== Node.ELEMENT_NODE || isOwn(node) || NOT_PROSE.has((node as Element).nodeName)) return '';
  let text = '';
  const walker = node.ownerDocument!.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === Node.ELEMENT_NODE && (isOwn(n) || NOT_PROSE.has(n.nodeName)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n && text.length < limit; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) text += (n as Text).data;
  }
  return text;
}

function insideProse(node: Node, isOwn: (node: Node) => boolean): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (isOwn(n) || NOT_PROSE.has(n.nodeName)) return false;
  }
  return true;
}

/** The page watchers running now: their observers, what each does with the page's changes, and how it starts observing. */
const watchers = new Set<{ observer: MutationObserver; handle(records: MutationRecord[]): void; observe(): void }>();

/**
 * Runs `work`, whose DOM changes are Stancemark's own (wrapping or unwrapping quotes): each page watcher
 * takes the page's changes still pending before it as usual, and stops observing while the work runs, so
 * hundreds of marks cost the watcher nothing (no record made, no text gathered, no look scheduled).
 */
export function asOwnChanges<T>(work: () => T): T {
  for (const watcher of watchers) {
    watcher.handle(watcher.observer.takeRecords());
    watcher.observer.disconnect();
  }
  try {
    return work();
  } finally {
    for (const watcher of watchers) watcher.observe();
  }
}

export interface LiveWatch {
  readonly backingOff: boolean;
}

export function watchPage(doc: Document, options: LiveOptions): LiveWatch {
  const timing = { ...LIVE_TIMING, ...options.timing };
  const { signal, isOwn } = options;
  const view = doc.defaultView!;
  let url = withoutHash(doc.location.href);
  let debounceTimer = 0;
  let firstPending = 0;
  let runs: number[] = [];
  let coolDown = timing.coolDownMs;
  let backingOff = false;
  const textLength = () => doc.body?.textContent?.length ?? 0;
  let seenLength = textLength();

  const observer = new MutationObserver((records) => handle(records));
  const observe = () => {
    if (!signal.aborted && !backingOff) observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  };
  const watcher = { observer, handle, observe };
  if (!signal.aborted) watchers.add(watcher);

  const checkUrl = (): boolean => {
    const now = withoutHash(doc.location.href);
    if (now === url) return false;
    url = now;
    runs = [];
    coolDown = timing.coolDownMs;
    options.onNavigate(now);
    seenLength = textLength();
    return true;
  };

  const run = () => {
    debounceTimer = 0;
    firstPending = 0;
    const length = textLength();
    if (length === seenLength) return;
    seenLength = length;
    const now = Date.now();
    runs = runs.filter((t) => now - t < timing.windowMs);
    runs.push(now);
    if (runs.length > timing.maxRuns) return tripBreaker();
    options.onContent();
  };

  const tripBreaker = () => {
    backingOff = true;
    observer.disconnect();
    options.onBackOff?.(true);
    view.setTimeout(() => {
      if (signal.aborted) return;
      backingOff = false;
      runs = [];
      options.onBackOff?.(false);
      observe();
      // What changed during the cool-down gets one look.
      seenLength = textLength();
      options.onContent();
    }, coolDown);
    coolDown = Math.min(coolDown * 2, timing.maxCoolDownMs);
  };

  const schedule = () => {
    const now = Date.now();
    firstPending ||= now;
    view.clearTimeout(debounceTimer);
    const wait = Math.max(0, Math.min(timing.debounceMs, firstPending + timing.maxWaitMs - now));
    debounceTimer = view.setTimeout(run, wait);
  };

  function handle(records: MutationRecord[]): void {
    if (!records.length || signal.aborted) return;
    if (checkUrl()) return;
    let text = '';
    for (const record of records) {
      if (text.length >= timing.minChars) break;
      if (!insideProse(record.target, isOwn)) continue;
      if (record.type === 'characterData') text += (record.target as Text).data.slice(0, timing.minChars);
      else for (const node of record.addedNodes) text += addedText(node, isOwn, timing.minChars);
    }
    if (text.trim().length >= timing.minChars || QUOTATION_MARK.test(text)) schedule();
  }

  // Single-page sites change the URL with pushState (seen by the Navigation API where there is one, and
  // by the next DOM change anyway) or go back and forth with popstate.
  view.addEventListener('popstate', () => checkUrl(), { signal });
  const navigation = (view as unknown as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', () => checkUrl(), { signal });
  signal.addEventListener('abort', () => {
    watchers.delete(watcher);
    observer.disconnect();
    view.clearTimeout(debounceTimer);
  }, { once: true });
  observe();

  return {
    get backingOff() {
      return backingOff;
    },
  };
}
