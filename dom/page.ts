// The page pipeline shared by the content script (live DOM) and the CLI (happy-dom): gate, article
// body, text, engine. Bad pages end in a state, never an exception.
import { analyze } from '../lib/analyze';
import type { Analysis } from '../lib/types';
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
  const root = findArticleRoot(doc) ?? doc.body;
  if (!root) return null;
  return { root, map: buildTextMap(root, isPageFurniture), date: articleDate(doc) };
}

export type PageAnalysis =
  | { state: 'not-article' }
  | { state: 'no-quotes'; article: ArticleText | null }
  | { state: 'done'; article: ArticleText; analysis: Analysis };

/** `anyway`: the reader asked to analyse the page even though it does not look like an article. */
export function analyzePage(doc: Document, options: { anyway?: boolean } = {}): PageAnalysis {
  if (!options.anyway && !isProbablyArticle(doc)) return { state: 'not-article' };
  // Cheap bail-out before the text map: a page without a single quotation mark has no quotes.
  if (!QUOTATION_MARK.test(doc.body?.textContent ?? '')) return { state: 'no-quotes', article: null };
  const article = readArticle(doc);
  if (!article || !QUOTATION_MARK.test(article.map.text)) return { state: 'no-quotes', article };
  const analysis = analyze(article.map.text, { date: article.date });
  if (!analysis.quotes.length) return { state: 'no-quotes', article };
  return { state: 'done', article, analysis };
}
