// The popup: the analysis of one tab (popup.html?tab=<id>, else the active tab), the two main sides
// side by side with their speakers and quotes. Page text is only ever inserted as text.
import { browser } from 'wxt/browser';
import { countryName } from '../../lib/country-names';
import { countryColour } from '../../lib/palette';
import type { Quote, Side, Summary, TopicStance } from '../../lib/types';
import { parsePageResult, storageKey, type PageResult, type RevealQuoteMessage, type SetHighlightsMessage } from '../background/messages';

const app = document.getElementById('app')!;
const pageLine = document.getElementById('page')!;
const toggle = document.getElementById('toggle') as HTMLButtonElement;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function codeLabel(code: string | null): HTMLElement {
  const label = element('span', 'code', code ?? '?');
  label.style.background = countryColour(code).accent;
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
  const colour = countryColour(quote.country);
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
  for (const [name, said] of bySpeaker) {
    if (!said.length) continue;
    const role = ranked.find((s) => s.name === name)?.role ?? said.find((q) => q.role)?.role ?? null;
    const item = element('li', 'speaker');
    const who = element('div', 'who');
    who.append(element('strong', 'name', name));
    if (role) who.append(element('span', 'role', role));
    who.append(element('span', 'count', plural(said.length, 'quote')));
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
      const cell = element('td');
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
  const colour = countryColour(side.country);
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

function message(title: string, detail: string): HTMLElement {
  const box = element('div', 'message');
  box.append(element('h2', undefined, title), element('p', undefined, detail));
  return box;
}

function render(result: PageResult | null, tabId: number | null): void {
  app.replaceChildren();
  pageLine.textContent = result ? result.title || result.url : '';
  toggle.hidden = !result || result.state !== 'done' || tabId === null;
  revealInTab =
    result?.highlighted && tabId !== null
      ? (quote) => {
          const request: RevealQuoteMessage = { type: 'stancemark:reveal-quote', quote };
          browser.tabs.sendMessage(tabId, request).catch(() => {});
        }
      : null;
  if (!result) {
    app.append(message('Nothing analysed in this tab', 'Stancemark reads news articles on http(s) pages. Reload the page if it was open before Stancemark was installed.'));
    return;
  }
  if (result.state === 'not-article') {
    const box = message('Not a news article', 'This page does not look like an article, so Stancemark left it alone.');
    if (tabId !== null) {
      const anyway = element('button', 'anyway', 'Analyse it anyway');
      anyway.type = 'button';
      anyway.addEventListener('click', () => void requestHighlights({ type: 'stancemark:set-highlights', on: true, anyway: true }));
      box.append(anyway);
    }
    app.append(box);
    return;
  }
  if (result.state === 'no-quotes' || (result.state === 'done' && !result.quotes.length)) {
    app.append(message('No quotes found', 'This article quotes nobody: there are no sides to set side by side.'));
    return;
  }
  if (result.state === 'error') {
    app.append(message('Could not analyse this page', 'Something went wrong while reading the article; the page is unchanged.'));
    return;
  }
  toggle.textContent = result.highlighted ? 'Hide highlights' : 'Show highlights';
  const main = result.sides.slice(0, 2);
  const summary = element('p', 'summary', `${plural(result.quotes.length, 'statement')} found · ${plural(result.sides.length, 'side')}`);
  const columns = element('div', 'sides');
  const balance = element('div', 'balance');
  balance.title = 'Share of statements per side';
  for (const side of main) {
    const share = element('span');
    share.style.flex = String(side.direct + side.indirect);
    share.style.background = countryColour(side.country).accent;
    share.title = `${side.name || countryName(side.country)}: ${plural(side.direct + side.indirect, 'statement')}`;
    balance.append(share);
  }
  const restCount = result.quotes.length - main.reduce((n, side) => n + side.direct + side.indirect, 0);
  if (main.length && restCount > 0) {
    const share = element('span');
    share.style.flex = String(restCount);
    share.style.background = countryColour(null).background;
    balance.append(share);
  }
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
  app.append(summary, ...(main.length ? [balance] : []), columns);
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

async function main(): Promise<void> {
  const tabId = await targetTab();
  let shown: PageResult | null = null;
  const show = (result: PageResult | null) => {
    shown = result;
    render(result, tabId);
  };
  const load = async () => {
    if (tabId === null) return show(null);
    const stored = await browser.storage.session.get(storageKey(tabId));
    show(parsePageResult(stored[storageKey(tabId)]));
  };
  requestHighlights = async (request) => {
    if (tabId === null) return;
    toggle.disabled = true;
    try {
      show(parsePageResult(await browser.tabs.sendMessage(tabId, request)) ?? shown);
    } catch {
      // The tab's content script is gone (page closed or reloaded): show what is stored.
      await load();
    } finally {
      toggle.disabled = false;
    }
  };
  toggle.addEventListener('click', () => {
    if (shown) void requestHighlights({ type: 'stancemark:set-highlights', on: !shown.highlighted });
  });
  // The content script may report after the popup opened.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && tabId !== null && storageKey(tabId) in changes) void load();
  });
  await load();
}

void main();
