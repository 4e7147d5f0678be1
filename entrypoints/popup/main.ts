// The popup: the analysis of one tab (popup.html?tab=<id>, else the active tab), the two main sides
// side by side with their speakers and quotes, another pair to choose when more countries speak, and
// the switch for the tab's site. Page text is only ever inserted as text.
import { browser } from 'wxt/browser';
import { highlightsOn, orderSides, siteOf, withSite, type Settings } from '../../extension/settings';
import { loadSettings, saveSettings, watchSettings } from '../../extension/settings-store';
import { countryName } from '../../lib/country-names';
import { sidePalette, type CountryColour } from '../../lib/palette';
import type { Quote, Side, Summary, TopicStance } from '../../lib/types';
import { parsePageResult, storageKey, type PageResult, type ResultState, type RevealQuoteMessage, type SetHighlightsMessage } from '../background/messages';
import { closedPage, parseStatus, STATUS_REQUEST, type ClosedPage } from '../../extension/status-probe';

const app = document.getElementById('app')!;
const pageLine = document.getElementById('page')!;
const toggle = document.getElementById('toggle') as HTMLButtonElement;
const siteSwitch = document.getElementById('site-switch') as HTMLLabelElement;
const siteBox = siteSwitch.querySelector('input')!;

/** The colours of the shown article's sides, in the reader's scheme; set by render(). */
let colourOf: (code: string | null) => CountryColour = sidePalette([], 'standard');

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function codeLabel(code: string | null): HTMLElement {
  const label = element('span', 'code', code ?? '?');
  const { accent, onAccent } = colourOf(code);
  label.style.background = accent;
  label.style.color = onAccent;
  return label;
}

/** Asks the tab's content script to turn highlights on or off and shows its answer; set up by main(). */
let requestHighlights: (request: SetHighlightsMessage) => Promise<void> = async () => {};

/** Set when the tab's quotes are highlighted: clicking a quote then shows it on the page. */
let revealInTab: ((quote: number) => void) | null = null;

function quoteItem(quote: Quote, index: number): HTMLLIElement {
  const item = element('li', `quote ${quote.kind}`);
  const reveal = revealInTab;
  if (reveal && index >= 0) {
    item.tabIndex = 0;
    item.setAttribute('role', 'button');
    item.title = 'Show on the page';
    item.addEventListener('click', () => reveal(index));
    item.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      reveal(index);
    });
  }
  const colour = colourOf(quote.country);
  item.style.setProperty('--quote-tint', colour.background);
  item.style.setProperty('--quote-accent', colour.accent);
  item.textContent = quote.kind === 'direct' ? `“${quote.text}”` : quote.text;
  if (quote.kind === 'indirect') item.prepend(element('span', 'reported', 'reported: '));
  return item;
}

/** Speakers in the order the engine ranked them, then any others, each with their quotes. */
function speakerList(quotes: Quote[], ranked: Side['speakers'], all: Quote[]): HTMLUListElement {
  const bySpeaker = new Map<string, Quote[]>();
  for (const name of ranked.map((s) => s.name)) bySpeaker.set(name, []);
  for (const quote of quotes) {
    const name = quote.speaker ?? 'Unnamed source';
    bySpeaker.set(name, [...(bySpeaker.get(name) ?? []), quote]);
  }
  const list = element('ul', 'speakers');
  for (const [name, everything] of bySpeaker) {
    // a quote inside the same speaker's reported statement is shown there, in its context, once
    const said = everything.filter((q) => !everything.some((r) => r !== q && r.kind === 'indirect' && r.start <= q.start && q.end <= r.end));
    if (!said.length) continue;
    const role = ranked.find((s) => s.name === name)?.role ?? said.find((q) => q.role)?.role ?? null;
    const item = element('li', 'speaker');
    const who = element('div', 'who');
    who.append(element('strong', 'name', name));
    if (role) who.append(element('span', 'role', role));
    who.append(element('span', 'count', plural(said.length, 'statement')));
    const quoteList = element('ul', 'quotes');
    quoteList.append(...said.map((quote) => quoteItem(quote, all.indexOf(quote))));
    item.append(who, quoteList);
    list.append(item);
  }
  return list;
}

const STANCE_WORDS: Record<TopicStance['stance'], string> = {
  supports: 'for',
  opposes: 'against',
  mixed: 'mixed on',
  mentions: 'mentions',
};

function stanceChip(stance: TopicStance['stance'], topic?: string): HTMLElement {
  return element('span', `stance ${stance}`, topic ? `${STANCE_WORDS[stance]} ${topic}` : STANCE_WORDS[stance]);
}

/** The quotes that back a position, as a tooltip. */
function evidenceTitle(evidence: number[], quotes: Quote[]): string {
  return evidence
    .map((i) => quotes[i])
    .filter(Boolean)
    .map((q) => `${q.speaker ?? 'Unnamed'}: “${q.text}”`)
    .join('\n');
}

/** Topics on which the two main sides agree or differ, one row each. */
function positionsSection(summary: Summary, main: Side[], quotes: Quote[]): HTMLElement | null {
  const codes = main.map((side) => side.country);
  const rows = [
    ...summary.divergence
      .filter((d) => codes.some((code) => d.stances[code]))
      .map((d) => ({ topic: d.topic, stances: codes.map((code) => d.stances[code] ?? null), evidence: d.evidence, agree: false })),
    ...summary.agreement.map((a) => ({ topic: a.topic, stances: codes.map(() => a.stance), evidence: a.evidence, agree: true })),
  ];
  if (!rows.length) return null;
  const section = element('section', 'positions');
  section.append(element('h2', undefined, 'Where they stand'));
  const table = element('table');
  const head = element('tr');
  head.append(element('th', undefined, 'Topic'), ...main.map((side) => {
    const cell = element('th');
    cell.append(codeLabel(side.country));
    return cell;
  }), element('th'));
  table.append(head);
  for (const row of rows) {
    const line = element('tr');
    line.title = evidenceTitle(row.evidence, quotes);
    line.append(element('td', 'topic', row.topic));
    for (const stance of row.stances) {
      const cell = stance ? element('td') : element('td', 'no-stance', 'not stated');
      if (stance) cell.append(stanceChip(stance));
      line.append(cell);
    }
    line.append(element('td', row.agree ? 'verdict agree' : 'verdict differ', row.agree ? 'agree' : 'differ'));
    table.append(line);
  }
  section.append(table);
  return section;
}

function sideColumn(side: Side, quotes: Quote[], topics: TopicStance[], all: Quote[]): HTMLElement {
  const colour = colourOf(side.country);
  const column = element('section', 'side');
  column.style.setProperty('--accent', colour.accent);
  column.style.setProperty('--tint', colour.background);
  const heading = element('h2');
  heading.append(codeLabel(side.country), element('span', 'side-name', side.name || countryName(side.country)));
  const counts = element(
    'p',
    'counts',
    `${plural(side.direct + side.indirect, 'statement')} · ${side.direct} direct · ${side.indirect} reported · ${plural(side.speakers.length, 'speaker')}`,
  );
  column.append(heading, counts);
  const positions = topics.filter((t) => t.stance !== 'mentions');
  if (positions.length) {
    const chips = element('p', 'topics');
    chips.append(...positions.map((t) => stanceChip(t.stance, t.topic)));
    column.append(chips);
  }
  column.append(speakerList(quotes, side.speakers, all));
  return column;
}

function message(title: string, detail: string, ...actions: HTMLElement[]): HTMLElement {
  const box = element('div', 'message');
  box.append(element('h2', undefined, title), element('p', undefined, detail), ...actions);
  return box;
}

function button(className: string, text: string, onClick: () => void): HTMLButtonElement {
  const node = element('button', className, text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/**
 * What the popup found out about its tab's page by asking its content script (extension/status-probe.ts).
 * `tabUrl`: the tab's URL, when the popup may read it (opened from the toolbar: activeTab).
 */
type TabPage =
  /**
   * The content script answered from this page; `pdf`: it is Chromium's PDF viewer; `state`: how its last run
   * ended (null while the first is going). A page that is no article says so only here: it sends nothing.
   */
  | { kind: 'running'; url: string; pdf: boolean; state: ResultState | null }
  /** The tab is still loading and no content script answered yet (it starts once the page has loaded). */
  | { kind: 'loading'; tabUrl: string | null }
  /** The tab has loaded but its content script has not answered in time (a busy page): it may still. */
  | { kind: 'silent'; tabUrl: string | null }
  /** No content script runs in the tab; why, from the tab's URL when the popup may read it. */
  | { kind: 'closed'; why: ClosedPage; tabUrl: string | null }
  /** There is no such tab (closed, or no tab is active). */
  | { kind: 'no-tab' };

const RESULT_STATES: readonly string[] = ['done', 'not-article', 'no-quotes', 'error'] satisfies ResultState[];

/** A URL without its fragment: moving within a page (#section) keeps its result. */
const withoutFragment = (url: string) => url.replace(/#.*$/s, '');

/**
 * Whether a stored result is of the page now in the tab. Records are not cleared when a tab navigates (that
 * would wake the background on every navigation), so one may be of the tab's previous page: it is, when the
 * page's URL (from its content script, else from the tab when the popup may read it) is another. A result
 * whose page cannot be told is taken.
 */
function isOfPage(result: PageResult, page: TabPage): boolean {
  if (page.kind === 'no-tab') return false;
  const url = page.kind === 'running' ? page.url : page.tabUrl;
  return url === null || withoutFragment(url) === withoutFragment(result.url);
}

/** What the popup knows about its tab. */
interface TabView {
  tabId: number | null;
  page: TabPage;
  result: PageResult | null;
  settings: Settings;
  /** The pair the reader picked in this popup, when more than two sides speak. */
  pair: [string, string] | null;
}

/** Set up by main(): saving settings and choosing a pair re-render the popup. */
let actions = {
  saveSettings: async (_settings: Settings) => {},
  choosePair: (_pair: [string, string]) => {},
};

/** The side switch in the header: highlighting on this tab's site. */
function renderSiteSwitch(view: TabView): void {
  const url = pageUrl(view);
  const site = url ? siteOf(url) : null;
  siteSwitch.hidden = !site || !view.settings.highlight;
  if (!site || !url) return;
  siteSwitch.querySelector('span')!.textContent = `Highlight on ${site}`;
  siteBox.checked = highlightsOn(view.settings, url);
  siteBox.onchange = () => void actions.saveSettings(withSite(view.settings, url, siteBox.checked));
}

/** The URL of the tab's page, when its content script told it or reported a result. */
const pageUrl = (view: TabView): string | null => view.result?.url ?? (view.page.kind === 'running' ? view.page.url : null);

/** Why Stancemark is not on the tab's page, in words; the reload button for a page opened before it was there. */
function closedMessage(why: ClosedPage, tabId: number | null): HTMLElement {
  const elsewhere = 'Open a news article on the web.';
  switch (why) {
    case 'empty-tab':
      return message('This tab is empty', `${elsewhere} Stancemark then highlights its quotes.`);
    case 'browser-page':
      return message('Stancemark cannot run on this page', `This is one of the browser’s own pages, and these are closed to extensions. ${elsewhere}`);
    case 'file':
      return message(
        'Stancemark cannot read files on this computer',
        `This page is a file opened from this computer (file://). Extensions have no access to files by default, and Stancemark reads pages on the web only. ${elsewhere}`,
      );
    case 'extension-store':
      return message('Stancemark cannot run on this page', `Browsers keep every extension out of their extension store. ${elsewhere}`);
    case 'needs-reload':
      return message(
        'Reload this page to analyse it',
        'It was opened before Stancemark was installed, updated or switched on, so Stancemark is not running on it yet.',
        ...(tabId === null ? [] : [button('anyway', 'Reload the page', () => void browser.tabs.reload(tabId).then(() => window.close()))]),
      );
    case 'unknown':
      return message(
        'Stancemark cannot run on this page',
        `Browser pages (such as chrome:// pages and new tabs), extension stores and files on this computer are closed to extensions. ${elsewhere} If this is a web page that was open before Stancemark was installed or updated, reload it.`,
      );
  }
}

/** A message for every tab state that has no sides to show; null when there are sides. */
function stateMessage(view: TabView): HTMLElement | null {
  const { result, tabId, settings, page } = view;
  if (page.kind === 'no-tab') return message('No tab to read', 'The tab this popup was opened for is closed. Open the popup again from a news article.');
  if (page.kind === 'running' && page.pdf) {
    return message('This is a PDF document', 'Stancemark reads news articles on web pages; it cannot read inside PDF files. Open the article’s web page instead.');
  }
  const url = pageUrl(view);
  /** The message for a run that ended without sides, from the stored result or (none kept) the page's own word. */
  const ended = (state: ResultState): HTMLElement | null => {
    switch (state) {
      case 'not-article':
        return message('Not a news article', 'This page does not look like an article, so Stancemark left it alone.', ...(tabId === null ? [] : [analyse(true, 'Analyse it anyway')]));
      case 'no-quotes':
        return message('No quotes found', 'This article quotes nobody: there are no sides to set side by side.');
      case 'error':
        return message('Could not analyse this page', 'Something went wrong while reading the article; the page is unchanged.');
      case 'done':
        return null;
    }
  };
  const analyse = (anyway: boolean, text: string) =>
    button('anyway', text, () => void requestHighlights({ type: 'stancemark:set-highlights', on: true, ...(anyway ? { anyway: true } : {}) }));
  if (url && !settings.highlight) {
    return message('Highlighting is off', 'Stancemark is switched off everywhere in its options.', button('anyway', 'Switch it on', () => void actions.saveSettings({ ...settings, highlight: true })));
  }
  if (url && !highlightsOn(settings, url)) {
    return message(`Highlighting is off on ${siteOf(url)}`, 'You switched Stancemark off on this site.', button('anyway', 'Switch it on here', () => void actions.saveSettings(withSite(settings, url, true))));
  }
  if (!result) {
    switch (page.kind) {
      case 'loading':
        return message('This page is still loading', 'Stancemark reads the article once the page has loaded, and this popup then shows what it found.');
      case 'silent':
        return message('The page is not answering', 'The page is busy, so Stancemark cannot ask it what it found yet. This popup updates when it answers; if it never does, reload the page.');
      case 'closed':
        return closedMessage(page.why, tabId);
      case 'running':
        if (page.state === 'done') {
          // The page is done but its result was not kept (storage.session holds 10 MB: a huge article's result may not fit).
          return message('Too large to list here', 'Stancemark has finished with this page, but its result is too large for this popup to show. The quotes are highlighted on the page itself.');
        }
        // A page that is no article keeps no result: it says so itself.
        if (page.state) return ended(page.state);
        if (settings.analysis === 'on-click') return message('Ready when you are', 'Stancemark analyses articles when you ask (see its options).', analyse(false, 'Analyse this page'));
        return message('Reading this page', 'Stancemark is reading the article; what it finds shows here in a moment.');
    }
  }
  return ended(result.state === 'done' && !result.quotes.length ? 'no-quotes' : result.state);
}

/** Two selects to set another pair of sides side by side, and a button to keep that pair. */
function pairChooser(sides: Side[], pair: [string, string], settings: Settings): HTMLElement {
  const box = element('div', 'pair');
  box.append(element('span', 'pair-label', 'Compare'));
  const selects = pair.map((code, i) => {
    const select = element('select');
    select.setAttribute('aria-label', i === 0 ? 'Left side' : 'Right side');
    for (const side of sides) select.append(new Option(`${side.name || countryName(side.country)} (${side.direct + side.indirect})`, side.country));
    select.value = code;
    return select;
  });
  selects.forEach((select, i) =>
    select.addEventListener('change', () => {
      const other = selects[1 - i].value;
      // Choosing the other column's side swaps the two.
      const next: [string, string] = i === 0 ? [select.value, other === select.value ? pair[0] : other] : [other === select.value ? pair[1] : other, select.value];
      actions.choosePair(next);
    }),
  );
  box.append(selects[0], element('span', undefined, 'with'), selects[1]);
  const pinned = settings.pair?.[0] === pair[0] && settings.pair?.[1] === pair[1];
  box.append(
    pinned
      ? element('span', 'pinned', 'always shown first')
      : button('keep', 'Always show this pair', () => void actions.saveSettings({ ...settings, pair })),
  );
  return box;
}

function render(known: TabView): void {
  // A record of the tab's previous page is no result for this one.
  const view = known.result && !isOfPage(known.result, known.page) ? { ...known, result: null } : known;
  const { result, tabId, settings } = view;
  app.replaceChildren();
  revealInTab = null;
  pageLine.textContent = result ? result.title || result.url : (pageUrl(view) ?? '');
  renderSiteSwitch(view);
  const blocked = stateMessage(view);
  toggle.hidden = !result || result.state !== 'done' || tabId === null || !!blocked;
  if (blocked || !result) {
    if (blocked) app.append(blocked);
    return;
  }
  if (result.highlighted && tabId !== null) {
    revealInTab = (quote) => {
      const request: RevealQuoteMessage = { type: 'stancemark:reveal-quote', quote };
      browser.tabs.sendMessage(tabId, request).catch(() => {});
    };
  }
  toggle.textContent = result.highlighted ? 'Hide highlights' : 'Show highlights';

  // The page's order of sides (the pinned pair first) fixes the colours; the popup may show another pair.
  const ranked = orderSides(result.sides.map((s) => s.country), settings.pair);
  colourOf = sidePalette(ranked, settings.scheme);
  const byCode = new Map(result.sides.map((side) => [side.country, side]));
  const pairCodes = view.pair && view.pair.every((code) => byCode.has(code)) ? view.pair : ranked.slice(0, 2);
  const main = pairCodes.map((code) => byCode.get(code)!);

  const found = result.quotes.length + (result.quotesLeftOut ?? 0);
  const summary = element('p', 'summary', `${plural(found, 'statement')} found · ${plural(result.sides.length, 'side')}`);
  app.append(summary);
  if (result.quotesLeftOut) {
    app.append(element('p', 'single', `A very long article: the first ${result.quotes.length.toLocaleString('en')} of its ${found.toLocaleString('en')} statements are listed here.`));
  }
  if (result.sides.length > 2) app.append(pairChooser(result.sides, [main[0].country, main[1].country], settings));
  if (result.sides.length === 1) {
    app.append(element('p', 'single', `Only one side speaks in this article: ${main[0].name || countryName(main[0].country)}. Nobody quoted answers for another country.`));
  } else if (!result.sides.length) {
    app.append(element('p', 'single', 'No quote could be tied to a country: the quotes are listed below, unattributed.'));
  }
  const balance = element('div', 'balance');
  balance.title = 'Share of statements per side';
  for (const side of main) {
    const share = element('span');
    share.style.flex = String(side.direct + side.indirect);
    share.style.background = colourOf(side.country).accent;
    share.title = `${side.name || countryName(side.country)}: ${plural(side.direct + side.indirect, 'statement')}`;
    balance.append(share);
  }
  const restCount = result.quotes.length - main.reduce((n, side) => n + side.direct + side.indirect, 0);
  if (main.length && restCount > 0) {
    const share = element('span', 'rest');
    share.style.flex = String(restCount);
    share.title = `Other voices: ${plural(restCount, 'statement')}`;
    balance.append(share);
  }
  const columns = element('div', 'sides');
  columns.append(
    ...main.map((side) =>
      sideColumn(
        side,
        result.quotes.filter((q) => q.country === side.country),
        result.summary.sides.find((s) => s.country === side.country)?.topics ?? [],
        result.quotes,
      ),
    ),
  );
  if (main.length) app.append(balance, columns);
  const positions = main.length === 2 ? positionsSection(result.summary, main, result.quotes) : null;
  if (positions) app.append(positions);

  const shown = new Set(main.map((side) => side.country));
  const rest = result.quotes.filter((q) => q.country === null || !shown.has(q.country));
  if (rest.length) {
    const others = element('section', 'others');
    others.append(element('h2', undefined, main.length ? 'Other voices' : 'Quotes'));
    const byCountry = new Map<string | null, Quote[]>();
    for (const quote of rest) byCountry.set(quote.country, [...(byCountry.get(quote.country) ?? []), quote]);
    for (const [country, quotes] of byCountry) {
      const group = element('div', 'group');
      const heading = element('h3');
      heading.append(codeLabel(country), element('span', undefined, country ? countryName(country) : 'Country unknown'));
      const side = result.sides.find((s) => s.country === country);
      group.append(heading, speakerList(quotes, side?.speakers ?? [], result.quotes));
      others.append(group);
    }
    app.append(others);
  }
}

async function targetTab(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

/** How long the popup waits for a content script's answer before it calls the page busy (it keeps listening). */
const PROBE_PATIENCE_MS = 1000;

/**
 * Asks the tab's content script for its page and tells what came of it; `onLate` gets the page when a
 * busy content script answers after PROBE_PATIENCE_MS. Never rejects.
 */
async function probeTab(tabId: number | null, onLate: (page: TabPage) => void): Promise<TabPage> {
  const tab = tabId === null ? null : await browser.tabs.get(tabId).catch(() => null);
  if (tabId === null || !tab) return { kind: 'no-tab' };
  // The URL is hidden unless the reader opened the popup from the toolbar on this tab (activeTab).
  const tabUrl = tab.pendingUrl ?? tab.url ?? null;
  const withoutScript = (): TabPage =>
    tab.status === 'loading' ? { kind: 'loading', tabUrl } : { kind: 'closed', why: closedPage(tab.url ?? tab.pendingUrl), tabUrl };
  const answer = browser.tabs.sendMessage(tabId, STATUS_REQUEST).then(
    (reply): TabPage => {
      const status = parseStatus(reply);
      if (!status) return withoutScript();
      const state = RESULT_STATES.includes(status.state ?? '') ? (status.state as ResultState) : null;
      return { kind: 'running', url: status.url, pdf: status.contentType === 'application/pdf', state };
    },
    withoutScript,
  );
  const late = Symbol('late');
  const first = await Promise.race([answer, new Promise<typeof late>((done) => setTimeout(() => done(late), PROBE_PATIENCE_MS))]);
  if (first !== late) return first;
  void answer.then(onLate);
  return tab.status === 'loading' ? { kind: 'loading', tabUrl } : { kind: 'silent', tabUrl };
}

async function main(): Promise<void> {
  const tabId = await targetTab();
  const view: TabView = { tabId, page: { kind: 'loading', tabUrl: null }, result: null, settings: await loadSettings(), pair: null };
  const show = () => render(view);
  const onLate = (page: TabPage) => {
    view.page = page;
    show();
  };
  const probe = async () => {
    view.page = await probeTab(tabId, onLate);
  };
  const load = async () => {
    if (tabId !== null) {
      const stored = await browser.storage.session.get(storageKey(tabId));
      view.result = parsePageResult(stored[storageKey(tabId)]);
    }
    show();
  };
  actions = {
    saveSettings: async (settings) => {
      view.settings = settings;
      show();
      await saveSettings(settings);
    },
    choosePair: (pair) => {
      view.pair = pair;
      show();
    },
  };
  requestHighlights = async (request) => {
    if (tabId === null) return;
    toggle.disabled = true;
    try {
      const answer = parsePageResult(await browser.tabs.sendMessage(tabId, request));
      if (answer) view.result = answer;
      show();
    } catch {
      // The tab's content script is gone (page closed or reloaded): show what is stored.
      await load();
    } finally {
      toggle.disabled = false;
    }
  };
  document.getElementById('options')!.addEventListener('click', () => void browser.runtime.openOptionsPage());
  toggle.addEventListener('click', () => {
    if (view.result) void requestHighlights({ type: 'stancemark:set-highlights', on: !view.result.highlighted });
  });
  // The content script may report after the popup opened; the options may change meanwhile.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && tabId !== null && storageKey(tabId) in changes) void load();
  });
  watchSettings((settings) => {
    view.settings = settings;
    show();
  }, new AbortController().signal);
  // A page still loading gets its content script once loaded: ask again then.
  if (tabId !== null) {
    browser.tabs.onUpdated.addListener((updated, change) => {
      if (updated === tabId && change.status === 'complete') void probe().then(show);
    });
  }
  await probe();
  await load();
}

void main();
