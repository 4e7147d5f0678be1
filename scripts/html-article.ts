// STUB until the DOM layer lands: body text of the page, paragraphs from block elements.
import { Window } from 'happy-dom';

export async function articleTextFromHtml(html: string, url: string): Promise<{ text: string; date?: string }> {
  const window = new Window({ url: 'https://localhost/' });
  window.document.write(html);
  const text = [...window.document.querySelectorAll('p')].map((p) => p.textContent?.trim() ?? '').filter(Boolean).join('\n\n');
  await window.happyDOM.close();
  return { text };
}
