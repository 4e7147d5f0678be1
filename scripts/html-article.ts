// The CLI's HTML input: the same article body and text the content script analyses in the browser,
// read here from a happy-dom document.
import { Window } from 'happy-dom';
import { readArticle } from '../dom/page';

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
