// Runs in a Chromium page (bundled by harness.ts domFuzzBundle): builds random DOM trees from a seed,
// then text map -> highlighting (in one pass or in slices) -> removal, and reports every broken rule:
// an exception, an offset outside its text node, nested or empty marks, changed page text while
// highlighted, and any difference from the original DOM after removal (serialisation, and the very
// same text node objects with the same data). The quotes are random ranges, or (pipelineCase) the
// engine's own analysis of the page text, passed through the check the content script applies to it.
import { findArticleRoot, isPageFurniture } from '../../dom/article';
import { highlightInSlices, highlightQuotes, planHighlights, removeHighlights } from '../../dom/highlight';
import { readPage } from '../../dom/page';
import { buildTextMap, type TextMap } from '../../dom/text-map';
import { parseAnalysisReply } from '../../entrypoints/background/messages';
import { analyze } from '../../lib/analyze';
import type { Quote } from '../../lib/types';
import { random, randomArticle, randomText } from '../fuzz/generate';

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

const CONTAINERS = ['p', 'div', 'span', 'em', 'b', 'a', 'li', 'blockquote', 'h2', 'pre', 'code', 'section', 'article', 'td', 'label', 'q', 'bdi', 'font'];

/** A random subtree under `parent`: elements, text (adjacent and empty text nodes too), comments, and the odd elements. */
function grow(doc: Document, parent: Node, rand: Rand, depth: number): void {
  const children = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < children; i++) {
    const r = rand();
    if (r < 0.45 || depth <= 0) {
      parent.appendChild(doc.createTextNode(rand() < 0.05 ? '' : randomText(rand, 25)));
    } else if (r < 0.5) {
      parent.appendChild(doc.createComment('a “comment” --'));
    } else if (r < 0.58) {
      parent.appendChild(oddElement(doc, rand));
    } else {
      const element = doc.createElement(pick(rand, CONTAINERS));
      if (element.tagName === 'A') element.setAttribute('href', '#x');
      if (rand() < 0.05) element.setAttribute('dir', 'rtl');
      if (rand() < 0.05) element.setAttribute('contenteditable', 'true');
      if (rand() < 0.03) element.setAttribute('hidden', '');
      parent.appendChild(element);
      grow(doc, element, rand, depth - 1);
    }
  }
}

/** Elements whose text is not ordinary page text: scripts, styles, frames, SVG text, form fields, templates. */
function oddElement(doc: Document, rand: Rand): Node {
  const text = randomText(rand, 10);
  switch (Math.floor(rand() * 9)) {
    case 0: {
      const script = doc.createElement('script');
      script.type = 'text/plain';
      script.textContent = `var s = "${text.replace(/[\\"]/g, '')}";`;
      return script;
    }
    case 1: {
      const style = doc.createElement('style');
      style.textContent = `.x::after { content: "“${text.replace(/[\\"]/g, '')}”"; }`;
      return style;
    }
    case 2: {
      const frame = doc.createElement('iframe');
      frame.srcdoc = `<p>“${text.replace(/[<&"]/g, '')}” said someone.</p>`;
      return frame;
    }
    case 3: {
      const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const svgText = doc.createElementNS('http://www.w3.org/2000/svg', 'text');
      svgText.textContent = `“${text}”`;
      svg.appendChild(svgText);
      return svg;
    }
    case 4: {
      const area = doc.createElement('textarea');
      area.textContent = `“${text}”`;
      return area;
    }
    case 5: {
      const select = doc.createElement('select');
      select.appendChild(doc.createElement('option')).textContent = `“${text}”`;
      return select;
    }
    case 6: {
      const template = doc.createElement('template');
      template.innerHTML = `<p>“${text.replace(/[<&]/g, '')}”</p>`;
      return template;
    }
    case 7:
      return doc.createElement('br');
    default: {
      const editable = doc.createElement('div');
      editable.contentEditable = 'true';
      editable.textContent = `“${text}” she said.`;
      return editable;
    }
  }
}

/** Random quote ranges over the text: anywhere, overlapping, past the end, and on quotation marks. */
function randomQuotes(text: string, rand: Rand, count: number): Quote[] {
  const quotes: Quote[] = [];
  const marks = [...text.matchAll(/[“”"«»‘’„]/g)].map((m) => m.index);
  for (let i = 0; i < count; i++) {
    let start = Math.floor(rand() * (text.length + 5));
    if (marks.length && rand() < 0.5) start = pick(rand, marks) + 1;
    const end = start + Math.floor(rand() * (rand() < 0.1 ? 5000 : 120)) - (rand() < 0.05 ? 10 : 0);
    quotes.push({
      start, end, text: text.slice(start, end), kind: rand() < 0.7 ? 'direct' : 'indirect', speaker: rand() < 0.5 ? 'Ana Lima' : null,
      role: null, country: pick(rand, ['BR', 'KE', null, 'UN', '<x>']), evidence: null, paragraph: 0,
    });
  }
  return quotes;
}

function textNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

export interface CaseReport {
  seed: number;
  problems: string[];
  marks: number;
}

const WHITESPACE = /\s/;

/** The quotes to highlight on a mapped text; broken rules go to `problems`. */
type QuoteSource = (map: TextMap, problems: string[]) => Quote[];

/** Everything after the tree is built: map, highlight, check, remove, compare. */
async function exercise(doc: Document, seed: number, rand: Rand, quotesFor: QuoteSource): Promise<CaseReport> {
  const problems: string[] = [];
  const body = doc.body;
  const before = body.innerHTML;
  const nodesBefore = textNodes(body);
  const dataBefore = nodesBefore.map((n) => n.data);
  const textBefore = body.textContent;
  let marks = 0;
  try {
    readPage(doc, { anyway: rand() < 0.5 });
    const root = rand() < 0.5 ? body : (findArticleRoot(doc) ?? body);
    const map = buildTextMap(root, rand() < 0.5 ? isPageFurniture : undefined);
    for (const run of map.runs) {
      if (run.nodeStart < 0 || run.nodeStart + run.length > run.node.data.length || run.start + run.length > map.text.length) {
        problems.push(`run outside its node or text: ${JSON.stringify({ nodeStart: run.nodeStart, length: run.length, data: run.node.data.length })}`);
        continue;
      }
      for (let k = 0; k < run.length; k++) {
        const fromNode = run.node.data[run.nodeStart + k];
        const fromText = map.text[run.start + k];
        if (fromNode !== fromText && !(fromText === ' ' && WHITESPACE.test(fromNode))) {
          problems.push(`text ${run.start + k} is ${JSON.stringify(fromText)}, its node has ${JSON.stringify(fromNode)}`);
          break;
        }
      }
    }
    const quotes = quotesFor(map, problems);
    if (rand() < 0.5) highlightQuotes(map, quotes);
    else await highlightInSlices(planHighlights(map, quotes), { sliceMs: rand() * 2 });
    marks = body.querySelectorAll('mark.stancemark-quote').length;
    if (body.querySelector('mark.stancemark-quote mark.stancemark-quote')) problems.push('nested marks');
    if ([...body.querySelectorAll('mark.stancemark-quote')].some((m) => !m.textContent)) problems.push('an empty mark');
    if (body.textContent !== textBefore) problems.push('highlighting changed the page text');
    removeHighlights(doc);
  } catch (error) {
    problems.push(`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  if (body.innerHTML !== before) problems.push('removal did not restore the markup');
  const nodesAfter = textNodes(body);
  if (nodesAfter.length !== nodesBefore.length || nodesAfter.some((n, i) => n !== nodesBefore[i] || n.data !== dataBefore[i])) {
    problems.push('removal did not restore the same text nodes');
  }
  return { seed, problems, marks };
}

/** One random page from `seed`. */
export async function randomCase(seed: number): Promise<CaseReport> {
  const rand = random(seed);
  document.body.replaceChildren();
  grow(document, document.body, rand, 1 + Math.floor(rand() * 6));
  const count = Math.floor(rand() * 25);
  return exercise(document, seed, rand, (map) => randomQuotes(map.text, rand, count));
}

/** The engine's quotes for the text, as the background sends them (a structured clone) and the content script checks them. */
const engineQuotes: QuoteSource = (map, problems) => {
  const reply = parseAnalysisReply(JSON.parse(JSON.stringify({ ...analyze(map.text), engineMs: 1 })), map.text);
  if (!reply) {
    problems.push('the content script would refuse the engine’s reply');
    return [];
  }
  for (const quote of reply.quotes) {
    if (quote.start > quote.end || map.text.slice(quote.start, quote.end) !== quote.text) {
      problems.push(`engine quote outside its text: ${JSON.stringify([quote.start, quote.end, quote.text.slice(0, 40)])}`);
    }
  }
  return reply.quotes;
};

/**
 * One random article from `seed` (quoted statements, open and nested marks, RTL, emoji and odd characters),
 * its paragraphs cut by inline markup at random points and strewn with the odd elements, read and analysed
 * by the engine in the page, then highlighted and removed.
 */
export async function pipelineCase(seed: number): Promise<CaseReport> {
  const rand = random(seed);
  document.body.replaceChildren();
  const article = document.body.appendChild(document.createElement('article'));
  for (const paragraphText of randomArticle(rand, 2 + Math.floor(rand() * 12)).split('\n\n')) {
    const paragraph = article.appendChild(document.createElement(rand() < 0.1 ? 'blockquote' : 'p'));
    if (rand() < 0.1) paragraph.setAttribute('dir', 'rtl');
    if (rand() < 0.05) paragraph.setAttribute('contenteditable', 'true');
    let rest = paragraphText;
    while (rest) {
      const cut = 1 + Math.floor(rand() * rest.length);
      const piece = document.createTextNode(rest.slice(0, cut));
      rest = rest.slice(cut);
      if (rand() < 0.3) paragraph.appendChild(document.createElement(pick(rand, ['em', 'a', 'b', 'span', 'q']))).appendChild(piece);
      else paragraph.appendChild(piece);
      if (rand() < 0.05) paragraph.appendChild(oddElement(document, rand));
    }
  }
  return exercise(document, seed, rand, engineQuotes);
}

/** The shapes no random tree reaches: very deep nesting, one huge text node, 10,000 quotes. */
export async function shapedCase(shape: 'deep' | 'huge-text' | 'many-quotes', seed: number, size = 5_000_000): Promise<CaseReport> {
  const rand = random(seed);
  document.body.replaceChildren();
  if (shape === 'deep') {
    let parent: Element = document.body;
    for (let i = 0; i < 3000; i++) parent = parent.appendChild(document.createElement(i % 2 ? 'span' : 'div'));
    parent.appendChild(document.createTextNode('At the bottom she said “we are deep” and left.'));
    return exercise(document, seed, rand, engineQuotes);
  }
  if (shape === 'huge-text') {
    const chunk = 'The minister said “the harbour stays open” on Monday. ';
    document.body.appendChild(document.createElement('p')).appendChild(document.createTextNode(chunk.repeat(Math.ceil(size / chunk.length))));
    return exercise(document, seed, rand, (map) => randomQuotes(map.text, rand, 300));
  }
  const article = document.body.appendChild(document.createElement('article'));
  for (let i = 0; i < 10_000; i++) article.appendChild(document.createElement('p')).textContent = `“Point ${i} stands,” said Lima.`;
  const map = buildTextMap(article);
  const problems: string[] = [];
  const quotes = engineQuotes(map, problems);
  const before = document.body.innerHTML;
  const highlighted = await highlightInSlices(planHighlights(map, quotes));
  if (highlighted !== 10_000) problems.push(`${highlighted} of 10,000 quotes highlighted`);
  removeHighlights(document);
  if (document.body.innerHTML !== before) problems.push('removal did not restore the markup');
  return { seed, problems, marks: highlighted };
}

(globalThis as unknown as { stancemarkDomFuzz: unknown }).stancemarkDomFuzz = { randomCase, pipelineCase, shapedCase };
