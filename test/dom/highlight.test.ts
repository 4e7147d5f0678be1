import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CLASS, highlightInSlices, highlightQuotes, planHighlights, removeHighlights } from '../../dom/highlight';
import { buildTextMap } from '../../dom/text-map';
import type { Quote } from '../../lib/types';

function quoteOf(text: string, words: string, extra: Partial<Quote> = {}): Quote {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return {
    start, end: start + words.length, text: words, kind: 'direct', speaker: 'Ana Lima', role: 'foreign minister',
    country: 'BR', evidence: null, paragraph: 0, ...extra,
  };
}

function setUp(html: string) {
  document.body.innerHTML = `<div id="root">${html}</div><p id="outside">“not in the article”</p>`;
  const root = document.getElementById('root')!;
  return { root, original: root.innerHTML, map: buildTextMap(root) };
}

const marks = () => [...document.querySelectorAll(`mark.${HIGHLIGHT_CLASS}`)] as HTMLElement[];

describe('highlightQuotes', () => {
  it('wraps a quote inside one text node with its data attributes', () => {
    const { map } = setUp('<p>Lima said “we will stay” on Monday.</p>');
    const quote = quoteOf(map.text, 'we will stay');
    expect(highlightQuotes(map, [quote])).toBe(1);
    const [mark] = marks();
    expect(mark.textContent).toBe('we will stay');
    expect({ ...mark.dataset }).toMatchObject({
      stancemarkCountry: 'BR', stancemarkSpeaker: 'Ana Lima', stancemarkQuote: '0', stancemarkKind: 'direct', stancemarkLabel: 'BR',
    });
    // Data only: colours come from the theme stylesheet, the speaker's details from the hover card.
    expect(mark.hasAttribute('style')).toBe(false);
    expect(mark.hasAttribute('title')).toBe(false);
  });

  it('wraps a quote crossing inline elements in several marks sharing its index; only the last carries the label', () => {
    const { map } = setUp('<p>She said “we <em>will</em> <a href="#">stay here</a> for now”.</p>');
    highlightQuotes(map, [quoteOf(map.text, 'we will stay here for now')]);
    const found = marks();
    expect(found.map((m) => m.textContent)).toEqual(['we ', 'will', 'stay here', ' for now']);
    expect(new Set(found.map((m) => m.dataset.stancemarkQuote))).toEqual(new Set(['0']));
    expect(found.map((m) => m.dataset.stancemarkLabel ?? null)).toEqual([null, null, null, 'BR']);
    expect(document.querySelector('em > mark')?.textContent).toBe('will');
  });

  it('marks an unattributed quote as unknown and keeps two quotes in one node apart', () => {
    const { map } = setUp('<p>“First words,” he said. “Second words.”</p>');
    const quotes = [
      quoteOf(map.text, 'First words,', { speaker: null, role: null, country: null }),
      quoteOf(map.text, 'Second words.', { kind: 'indirect' }),
    ];
    expect(highlightQuotes(map, quotes)).toBe(2);
    expect(marks().map((m) => [m.textContent, m.dataset.stancemarkCountry, m.dataset.stancemarkSpeaker, m.dataset.stancemarkKind])).toEqual([
      ['First words,', 'unknown', '', 'direct'],
      ['Second words.', 'BR', 'Ana Lima', 'indirect'],
    ]);
  });

  it('never nests marks: a quote overlapping an earlier one and an empty or out-of-range one are left out', () => {
    const { map } = setUp('<p>“one two three four”</p>');
    const whole = quoteOf(map.text, 'one two three');
    const overlapping = quoteOf(map.text, 'three four');
    const empty = { ...whole, end: whole.start };
    const beyond = { ...whole, start: 5000, end: 5010 };
    expect(highlightQuotes(map, [whole, overlapping, empty, beyond])).toBe(1);
    expect(document.querySelectorAll('mark mark')).toHaveLength(0);
  });

  it('keeps each quote\'s own index when the quotes come out of text order', () => {
    const { map } = setUp('<p>“First words,” he said. “Second words.”</p>');
    const quotes = [quoteOf(map.text, 'Second words.'), quoteOf(map.text, 'First words,')];
    expect(highlightQuotes(map, quotes)).toBe(2);
    expect(marks().map((m) => [m.textContent, m.dataset.stancemarkQuote])).toEqual([
      ['First words,', '1'],
      ['Second words.', '0'],
    ]);
  });

  it('gives a direct quote inside reported speech its own marks; the paraphrase keeps the words around it', () => {
    const { map } = setUp('<p>The envoy said the deal was “dead on arrival” and would not return.</p>');
    const paraphrase = quoteOf(map.text, 'the deal was “dead on arrival” and would not return', { kind: 'indirect' });
    const direct = quoteOf(map.text, 'dead on arrival');
    expect(highlightQuotes(map, [paraphrase, direct])).toBe(2);
    expect(marks().map((m) => [m.textContent, m.dataset.stancemarkKind, m.dataset.stancemarkLabel ?? null])).toEqual([
      ['the deal was “', 'indirect', null],
      ['dead on arrival', 'direct', 'BR'],
      ['” and would not return', 'indirect', 'BR'],
    ]);
    expect(document.querySelectorAll('mark mark')).toHaveLength(0);
  });

  it('highlighted in slices, yields the same marks as in one pass', async () => {
    const html = Array.from({ length: 40 }, (_, i) => `<p>Speaker ${i} said “words number ${i}” and <em>“more ${i}”</em>.</p>`).join('');
    const { root, map } = setUp(html);
    const quotes = Array.from({ length: 40 }, (_, i) => [quoteOf(map.text, `words number ${i}”`), quoteOf(map.text, `more ${i}”`)]).flat();
    highlightQuotes(map, quotes);
    const onePass = root.innerHTML;
    removeHighlights(document);
    let slices = 0;
    const plan = planHighlights(buildTextMap(root), quotes);
    const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    expect(await highlightInSlices(plan, { sliceMs: 0, yieldToPage, onSlice: () => slices++ })).toBe(80);
    expect(slices).toBeGreaterThan(1);
    expect(root.innerHTML).toBe(onePass);
  });

  it('makes the marks off the page, then puts them in: the page sees none until then', async () => {
    const { map } = setUp(Array.from({ length: 300 }, (_, i) => `<p>“quote ${i}”</p>`).join(''));
    const plan = planHighlights(map, Array.from({ length: 300 }, (_, i) => quoteOf(map.text, `quote ${i}”`)));
    const seen: number[] = [];
    const yieldToPage = async () => {
      seen.push(marks().length);
    };
    expect(await highlightInSlices(plan, { sliceMs: 0, yieldToPage })).toBe(300);
    expect(marks()).toHaveLength(300);
    const firstIn = seen.findIndex((count) => count > 0);
    // Several slices make marks without a write to the page; the last ones put them in.
    expect(firstIn).toBeGreaterThan(1);
    expect(seen.slice(0, firstIn).every((count) => count === 0)).toBe(true);
    // Back to front: the article's end goes in first.
    expect(document.querySelector('p:last-child mark')).not.toBeNull();
  });

  it('stops between slices when aborted', async () => {
    const { map } = setUp(Array.from({ length: 300 }, (_, i) => `<p>“quote ${i}”</p>`).join(''));
    const controller = new AbortController();
    const plan = planHighlights(map, Array.from({ length: 300 }, (_, i) => quoteOf(map.text, `quote ${i}”`)));
    // Aborted once the first marks are in the page.
    const yieldToPage = async () => {
      if (marks().length) controller.abort();
    };
    expect(await highlightInSlices(plan, { sliceMs: 0, signal: controller.signal, yieldToPage })).toBe(-1);
    expect(marks().length).toBeGreaterThan(0);
    expect(marks().length).toBeLessThan(300);
    expect(document.querySelector('p:first-child mark')).toBeNull();
  });

  it('marks a text node the page changed between making its marks and putting them in from its current text', async () => {
    const { root, map } = setUp('<p>He said “keep calm” today.</p><p>She said “stay here” then.</p>');
    const plan = planHighlights(map, [quoteOf(map.text, '“keep calm”'), quoteOf(map.text, '“stay here”')]);
    const first = root.querySelector('p')!.firstChild as Text;
    let changed = false;
    const yieldToPage = async () => {
      if (changed || marks().length) return;
      // The page rewrites the text after the quote, keeping the quote's place.
      first.data = 'He said “keep calm” tonight, again.';
      changed = true;
    };
    expect(await highlightInSlices(plan, { sliceMs: 0, yieldToPage })).toBe(2);
    expect(changed).toBe(true);
    expect(root.querySelector('p')!.textContent).toBe('He said “keep calm” tonight, again.');
    expect(marks().map((mark) => mark.textContent)).toEqual(['“keep calm”', '“stay here”']);
    removeHighlights(document);
    expect(root.querySelector('p')!.firstChild).toBe(first);
    expect(first.data).toBe('He said “keep calm” tonight, again.');
  });

  it('only touches text inside the mapped root', () => {
    const { map } = setUp('<p>“inside”</p>');
    highlightQuotes(map, [quoteOf(map.text, 'inside')]);
    expect(document.getElementById('outside')!.querySelector('mark')).toBeNull();
  });
});

describe('removeHighlights', () => {
  it('restores the original markup exactly', () => {
    const { root, original, map } = setUp('<p>She said “we <em>will</em> <a href="#">stay here</a> for now”. “Again,” he said.</p>');
    highlightQuotes(map, [quoteOf(map.text, 'we will stay here for now'), quoteOf(map.text, 'Again,')]);
    expect(root.innerHTML).not.toBe(original);
    removeHighlights(document);
    expect(root.innerHTML).toBe(original);
    expect(marks()).toHaveLength(0);
  });

  it('puts back the page\'s own text nodes: the same objects, and adjacent ones the page made stay apart', () => {
    const { root } = setUp('<p id="p"></p>');
    const p = root.querySelector('#p')!;
    const pageNodes = ['He said “stay ', 'calm” twice', ' and left.'].map((text) => p.appendChild(document.createTextNode(text)));
    const map = buildTextMap(root);
    highlightQuotes(map, [quoteOf(map.text, 'stay calm')]);
    expect(marks().map((m) => m.textContent)).toEqual(['stay ', 'calm']);
    removeHighlights(document);
    expect([...p.childNodes]).toEqual(pageNodes);
    expect(pageNodes.map((node) => node.data)).toEqual(['He said “stay ', 'calm” twice', ' and left.']);
  });

  it('leaves other <mark> elements alone, and a second highlighting after removal does not double-wrap', () => {
    const { root, map } = setUp('<p>A <mark class="highlight">site mark</mark> and “a quote”.</p>');
    const quote = quoteOf(map.text, 'a quote');
    highlightQuotes(map, [quote]);
    removeHighlights(document);
    highlightQuotes(buildTextMap(root), [quote]);
    expect(marks()).toHaveLength(1);
    expect(root.querySelectorAll('mark')).toHaveLength(2);
    expect(root.querySelector('mark.highlight')?.textContent).toBe('site mark');
  });
});
