// The CLI's HTML input: the same page reading as the content script in the browser (dom/page.ts),
// here on a happy-dom document, followed by the engine call the background makes for the content script.
import { Window } from 'happy-dom';
import { readArticle, readPage, type ArticleText } from '../dom/page';
import { analyze } from '../lib/analyze';
import type { Analysis } from '../lib/types';

export type PageAnalysis =
  | { state: 'not-article' }
  | { state: 'no-quotes'; article: ArticleText | null }
  | { state: 'done'; article: ArticleText; analysis: Analysis };

/** The whole page pipeline in one call: read the page, run the engine on its article text. */
export function analyzePage(doc: Document, options: { anyway?: boolean } = {}): PageAnalysis {
  const reading = readPage(doc, options);
  if (reading.state !== 'ready') return reading;
  const analysis = analyze(reading.article.map.text, { date: reading.article.date });
  return analysis.quotes.length ? { state: 'done', article: reading.article, analysis } : { state: 'no-quotes', article: reading.article };
}

export async function articleTextFromHtml(html: string, url: string): Promise<{ text: string; date?: string }> {
  // Scripts never run: only the markup matters, as it does for the content script reading the page.
  const window = new Window({
    url: /^https?:/.test(url) ? url : 'https://localhost/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  try {
    window.document.write(html);
    const article = readArticle(window.document as unknown as Document);
    return { text: article?.map.text ?? '', date: article?.date };
  } finally {
    await window.happyDOM.close();
  }
}
