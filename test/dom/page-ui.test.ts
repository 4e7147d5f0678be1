// The in-page UI modules in happy-dom: theme, quote navigation, keys, card, legend, live watching.
// The same modules run in Chromium in test/e2e/reader.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeQuote, mountQuoteCard } from '../../dom/card';
import { quoteMoveFor } from '../../dom/keyboard';
import { mountLegend } from '../../dom/legend';
import { asOwnChanges, watchPage } from '../../dom/live';
import { goToQuote, quotesInPageOrder, stepQuote } from '../../dom/quote-navigation';
import { isOwnUi } from '../../dom/shadow-ui';
import { pageTheme, themeCss } from '../../dom/theme';
import { countryColour } from '../../lib/palette';
import type { Quote, Summary } from '../../lib/types';

const quote = (over: Partial<Quote>): Quote => ({
  start: 0, end: 1, text: 'x', kind: 'direct', speaker: null, role: null, country: null, evidence: null, paragraph: 0, ...over,
});

/** Marks as dom/highlight.ts makes them; quote 1 in two pieces. */
const MARKED = `<article>
  <p>One said <mark class="stancemark-quote" data-stancemark-quote="0" data-stancemark-country="US" data-stancemark-kind="direct">we go</mark>.</p>
  <p>Then <mark class="stancemark-quote" data-stancemark-quote="2" data-stancemark-country="RU" data-stancemark-kind="direct">no</mark> and
  <mark class="stancemark-quote" data-stancemark-quote="1" data-stancemark-country="US" data-stancemark-kind="indirect">a</mark><b><mark class="stancemark-quote" data-stancemark-quote="1" data-stancemark-country="US" data-stancemark-kind="indirect">b</mark></b>.</p>
  <p><input id="field"> <mark class="stancemark-quote" data-stancemark-quote="3" data-stancemark-country="unknown" data-stancemark-kind="direct">who</mark></p>
</article>`;

let controller: AbortController;
let shadowRoots: ShadowRoot[];

beforeEach(() => {
  document.body.innerHTML = MARKED;
  controller = new AbortController();
  // The UI's shadow roots are closed; the test keeps the roots attachShadow returns.
  shadowRoots = [];
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    shadowRoots.push(root);
    return root;
  });
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

describe('themeCss and pageTheme', () => {
  it('styles each safe country code and leaves anything else to the grey default', () => {
    const css = themeCss(['US', 'RU', 'US', 'x"]{}*{color:red', 'unknown'], countryColour);
    expect(css).toContain(`[data-stancemark-country="US"]{--stancemark-bg:${countryColour('US').background}`);
    expect(css).toContain('[data-stancemark-country="RU"]');
    expect(css).not.toContain('color:red');
    expect(css.match(/data-stancemark-country="US"/g)).toHaveLength(1);
    expect(css).toMatch(/\[data-stancemark-kind="indirect"\]\{background-color:transparent;[^}]*underline dashed/);
  });

  it('keeps one style element, re-attached when the page dropped it, and removes it', () => {
    const theme = pageTheme(document);
    theme.apply('a{}');
    theme.apply('b{}');
    expect([...document.querySelectorAll('style')].map((s) => s.textContent)).toEqual(['b{}']);
    document.querySelector('style')!.remove();
    theme.apply('c{}');
    expect(document.querySelectorAll('style')).toHaveLength(1);
    theme.remove();
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });
});

describe('quote navigation', () => {
  it('lists quotes once each, in page order', () => {
    expect(quotesInPageOrder(document).map((q) => [q.quote, q.country])).toEqual([[0, 'US'], [2, 'RU'], [1, 'US'], [3, 'unknown']]);
  });

  it('steps forward and back with wrap-around, optionally within one side', () => {
    expect(stepQuote(document, null, 1)).toBe(0);
    expect(stepQuote(document, null, -1)).toBe(3);
    expect(stepQuote(document, 0, 1)).toBe(2);
    expect(stepQuote(document, 3, 1)).toBe(0);
    expect(stepQuote(document, 0, -1)).toBe(3);
    expect(stepQuote(document, 0, 1, (c) => c === 'US')).toBe(1);
    expect(stepQuote(document, 1, 1, (c) => c === 'US')).toBe(0);
    expect(stepQuote(document, 2, 1, (c) => c === 'RU')).toBe(2);
    expect(stepQuote(document, 0, 1, (c) => c === 'CN')).toBeNull();
  });

  it('goes to a quote by focusing its first mark, without adding it to the Tab order', () => {
    expect(goToQuote(document, 1)).toBe(true);
    const active = document.activeElement as HTMLElement;
    expect(active.dataset.stancemarkQuote).toBe('1');
    expect(active.textContent).toBe('a');
    expect(active.tabIndex).toBe(-1);
    expect(goToQuote(document, 9)).toBe(false);
  });
});

describe('quote keys', () => {
  const press = (init: KeyboardEventInit, target: Element = document.body) => {
    const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
    Object.defineProperty(event, 'target', { value: target });
    return quoteMoveFor(event);
  };

  it('takes Alt+Shift+J, K and O by physical key', () => {
    expect(press({ code: 'KeyJ', key: 'Ô', altKey: true, shiftKey: true })).toBe('next');
    expect(press({ code: 'KeyK', key: 'K', altKey: true, shiftKey: true })).toBe('previous');
    expect(press({ code: 'KeyO', key: 'O', altKey: true, shiftKey: true })).toBe('next-of-side');
  });

  it('leaves other keys, typing in fields and keys the page handled alone', () => {
    expect(press({ code: 'KeyJ', key: 'j' })).toBeNull();
    expect(press({ code: 'KeyJ', key: 'J', altKey: true, shiftKey: true, ctrlKey: true })).toBeNull();
    expect(press({ code: 'KeyN', key: 'N', altKey: true, shiftKey: true })).toBeNull();
    expect(press({ code: 'KeyJ', key: 'J', altKey: true, shiftKey: true }, document.getElementById('field')!)).toBeNull();
    const handled = new KeyboardEvent('keydown', { code: 'KeyJ', altKey: true, shiftKey: true, cancelable: true });
    handled.preventDefault();
    expect(quoteMoveFor(handled)).toBeNull();
  });
});

const SUMMARY: Summary = {
  sides: [
    { country: 'US', name: 'United States', speakers: [], statements: [0, 1], gist: [0], topics: [
      { topic: 'ceasefire', stance: 'supports', evidence: [0] },
      { topic: 'sanctions', stance: 'mentions', evidence: [0] },
      { topic: 'aid', stance: 'opposes', evidence: [1] },
    ] },
  ],
  agreement: [],
  divergence: [],
};
const QUOTES = [
  quote({ speaker: '<img src=x onerror=alert(1)>', role: 'Secretary of State', country: 'US' }),
  quote({ kind: 'indirect', speaker: 'Kerry', country: 'US' }),
  quote({ speaker: 'Lavrov', country: 'RU' }),
  quote({}),
];

describe('the quote card', () => {
  it('describes a quote: speaker, role, country, its stances without mere mentions, its place on its side', () => {
    expect(describeQuote(0, QUOTES, SUMMARY)).toEqual({
      speaker: '<img src=x onerror=alert(1)>', role: 'Secretary of State', country: 'US', kind: 'direct',
      stances: [{ topic: 'ceasefire', stance: 'supports' }], position: 1, sideTotal: 2,
    });
    expect(describeQuote(3, QUOTES, SUMMARY)).toMatchObject({ country: null, stances: [], position: 1, sideTotal: 1 });
    expect(describeQuote(7, QUOTES, SUMMARY)).toBeNull();
    // Counted among the quotes on the page only, when told which those are.
    expect(describeQuote(1, QUOTES, SUMMARY, new Set([1, 2]))).toMatchObject({ position: 1, sideTotal: 1 });
  });

  it('shows on focus in a closed shadow root, page text as text, and jumps to the next quote of the side', () => {
    const next = vi.fn();
    mountQuoteCard(document, { content: (i) => describeQuote(i, QUOTES, SUMMARY), colour: countryColour, next, signal: controller.signal });
    const host = document.documentElement.lastElementChild!;
    expect(isOwnUi(host)).toBe(true);
    expect(host.shadowRoot).toBeNull();
    const card = shadowRoots[0].querySelector<HTMLElement>('.card')!;
    expect(card.hidden).toBe(true);

    goToQuote(document, 0);
    expect(card.hidden).toBe(false);
    expect(card.querySelector('.speaker')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(card.querySelector('img')).toBeNull();
    expect(card.textContent).toContain('United States · quote');
    expect(card.textContent).toContain('Secretary of State');
    expect([...card.querySelectorAll('.stance')].map((s) => s.textContent)).toEqual(['for ceasefire']);
    card.querySelector<HTMLButtonElement>('.next')!.click();
    expect(next).toHaveBeenCalledWith(0);

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card.hidden).toBe(true);
    controller.abort();
    expect(host.isConnected).toBe(false);
  });
});

describe('the legend', () => {
  it('lists the sides with counts, goes to a side on click, and collapses', () => {
    const onPick = vi.fn();
    const legend = mountLegend(document, { onPick, keys: 'Alt+Shift+J', signal: controller.signal });
    legend.update([{ country: 'US', name: 'United States', count: 2 }, { country: null, name: 'Country unknown', count: 1 }], countryColour);
    const root = shadowRoots[0];
    expect(root.querySelector('.toggle')!.textContent).toContain('3 quotes');
    expect([...root.querySelectorAll('.side')].map((s) => s.textContent)).toEqual(['USUnited States2', '?Country unknown1']);
    root.querySelectorAll<HTMLButtonElement>('.side')[1].click();
    expect(onPick).toHaveBeenCalledWith(null);
    const toggle = root.querySelector<HTMLButtonElement>('.toggle')!;
    toggle.click();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector<HTMLElement>('.body')!.hidden).toBe(true);
  });
});

describe('watching a live page', () => {
  const timing = { debounceMs: 20, maxWaitMs: 100, maxRuns: 3, windowMs: 10_000, coolDownMs: 150, maxCoolDownMs: 1000, minChars: 200 };
  const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

  function watch() {
    const calls = { content: 0, navigate: [] as string[], backOff: [] as boolean[] };
    const live = watchPage(document, {
      onContent: () => calls.content++,
      onNavigate: (url) => calls.navigate.push(url),
      onBackOff: (on) => calls.backOff.push(on),
      isOwn: isOwnUi,
      signal: controller.signal,
      timing,
    });
    return { calls, live };
  }

  it('looks again once, after the changes settle, when new text with a quotation mark arrives', async () => {
    const { calls } = watch();
    const article = document.querySelector('article')!;
    for (let i = 0; i < 3; i++) article.insertAdjacentHTML('beforeend', `<p>Update ${i}: the minister said “we will see”.</p>`);
    await vi.waitFor(() => expect(calls.content).toBe(1));
    await wait(60);
    expect(calls.content).toBe(1);
  });

  it('ignores its own UI, quotes being wrapped or unwrapped, and small text without quotation marks', async () => {
    const { calls } = watch();
    mountLegend(document, { onPick: () => {}, keys: '', signal: controller.signal }).update([{ country: 'US', name: 'United States', count: 1 }], countryColour);
    const text = document.querySelector('article p')!.lastChild as Text;
    const rest = text.splitText(1);
    const mark = document.createElement('mark');
    rest.replaceWith(mark);
    mark.append(rest);
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>12:05</p>');
    await wait(80);
    expect(calls.content).toBe(0);
  });

  it('drops the records of changes made as its own, and still takes the page changes pending before them', async () => {
    const { calls } = watch();
    const article = document.querySelector('article')!;
    // Text a page change of this kind would be looked at for.
    asOwnChanges(() => article.insertAdjacentHTML('beforeend', '<p>Own: “a quotation written by the extension itself”</p>'));
    await wait(80);
    expect(calls.content).toBe(0);
    article.insertAdjacentHTML('beforeend', '<p>Page: the envoy said “talks resume”.</p>');
    asOwnChanges(() => article.lastElementChild!.setAttribute('data-own', ''));
    await vi.waitFor(() => expect(calls.content).toBe(1));
  });

  it('backs off a page that changes without end, and looks again after the cool-down', async () => {
    const { calls, live } = watch();
    const article = document.querySelector('article')!;
    for (let i = 0; i < 4; i++) {
      article.insertAdjacentHTML('beforeend', `<p>Ticker ${i}: “headline ${i}”</p>`);
      // Each change settles before the next: every one is a look of its own.
      await vi.waitFor(() => expect(calls.content + calls.backOff.length).toBe(i + 1));
    }
    expect(calls.content).toBe(3);
    expect(live.backingOff).toBe(true);
    expect(calls.backOff).toEqual([true]);
    article.insertAdjacentHTML('beforeend', '<p>Ticker 4: “unobserved while backing off”</p>');
    await vi.waitFor(() => expect(calls.backOff).toEqual([true, false]));
    expect(calls.content).toBe(4);
  });

  it('reports a URL change without a page load as a navigation', async () => {
    const { calls } = watch();
    history.pushState({}, '', '/other-article');
    document.querySelector('article')!.insertAdjacentHTML('beforeend', '<p>“New story”</p>');
    await vi.waitFor(() => expect(calls.navigate).toEqual([location.href]));
    history.pushState({}, '', '/other-article#comments');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(calls.navigate).toHaveLength(1);
  });
});
