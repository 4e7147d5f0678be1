// Reading a page: gate, article body, text. Shared by the content script (live DOM) and the CLI
// (happy-dom). No engine here: the content script sends the text to the background, which runs
// lib/analyze, so the engine and its knowledge base never load into a web page. Bad pages end in a
// state, never an exception.
import { articleDate, findArticleRoot, isPageFurniture, isProbablyArticle } from './article';
import { buildTextMap, type TextMap } from './text-map';

/** What the content script concluded about a page; <html data-stancemark-state> carries it. */
export type PageState = 'done' | 'not-article' | 'no-quotes';

/**
 * Every mark the engine may read as a quotation mark (lib/quotes.ts), straight ones included since
 * some sites quote with '...': a page with none of them has no quotes.
 */
const QUOTATION_MARK = /["“”„«»‘’'‚‹›「」『』]/;

export interface ArticleText {
  root: Element;
  map: TextMap;
  date?: string;
}

/** The article body of `doc` and its analysed text; the whole body when no article body stands out. */
export function readArticle(doc: Document): ArticleText | null {
  const root = articleRoot(doc);
  return root && articleIn(doc, root);
}

/** The element holding the article body: the whole body when no article body stands out. */
export function articleRoot(doc: Document): Element | null {
  return findArticleRoot(doc) ?? doc.body;
}

/** The analysed text of the article under `root`. */
export function articleIn(doc: Document, root: Element): ArticleText {
  return { root, map: buildTextMap(root, isPageFurniture), date: articleDate(doc) };
}

export const hasQuotationMarks = (text: string): boolean => QUOTATION_MARK.test(text);

/** A page read up to the engine: `ready` means its article text has quotation marks worth analysing. */
export type PageReading =
  | { state: 'not-article' }
  | { state: 'no-quotes'; article: ArticleText | null }
  | { state: 'ready'; article: ArticleText };

/** Is it an article at all? The cheap part, run on every page: Readability's gate, then a quotation mark anywhere. */
export function detectArticle(doc: Document, options: { anyway?: boolean } = {}): 'not-article' | 'no-quotes' | 'candidate' {
  if (!options.anyway && !isProbablyArticle(doc)) return 'not-article';
  return hasQuotationMarks(doc.body?.textContent ?? '') ? 'candidate' : 'no-quotes';
}

/** `anyway`: the reader asked to analyse the page even though it does not look like an article. */
export function readPage(doc: Document, options: { anyway?: boolean } = {}): PageReading {
  const detected = detectArticle(doc, options);
  if (detected === 'not-article') return { state: 'not-article' };
  if (detected !== 'candidate') return { state: 'no-quotes', article: null };
  return readCandidate(doc);
}

/** The article of a page `detectArticle` let through. */
export function readCandidate(doc: Document): PageReading {
  const article = readArticle(doc);
  if (!article || !hasQuotationMarks(article.map.text)) return { state: 'no-quotes', article };
  return { state: 'ready', article };
}
