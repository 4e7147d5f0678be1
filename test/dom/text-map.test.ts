import { describe, expect, it } from 'vitest';
import { buildTextMap, piecesForRange } from '../../dom/text-map';

function rootOf(html: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root')!;
}

/** The text of every piece of text[start, end), read back from the DOM. */
function readBack(root: HTMLElement, start: number, end: number): string {
  const map = buildTextMap(root);
  return piecesForRange(map, start, end)
    .map((p) => p.node.data.slice(p.start, p.end))
    .join('|');
}

describe('buildTextMap', () => {
  it('separates block elements by a blank line and collapses whitespace', () => {
    const root = rootOf(`
      <h1>  A  headline </h1>
      <p>First   paragraph,
         on two lines.</p>
      <ul><li>one</li><li>two</li></ul>
      <div>direct text<br>after a break</div>`);
    expect(buildTextMap(root).text).toBe(
      'A headline\n\nFirst paragraph, on two lines.\n\none\n\ntwo\n\ndirect text\n\nafter a break',
    );
  });

  it('keeps inline elements in the flow of their paragraph', () => {
    const root = rootOf('<p>He said “we <em>will</em> <a href="#">stay</a>”, firmly.</p>');
    expect(buildTextMap(root).text).toBe('He said “we will stay”, firmly.');
  });

  it('leaves out what the skip rule rejects, with its subtree', () => {
    const root = rootOf('<p>kept</p><aside><p>dropped “quote”</p></aside><p>also kept</p>');
    const map = buildTextMap(root, (el) => el.tagName === 'ASIDE');
    expect(map.text).toBe('kept\n\nalso kept');
  });

  it('maps every character of the text back to the same character in the DOM', () => {
    const root = rootOf('<p>Alpha  <b>beta</b>\n gamma</p><p><i>delta</i>, epsilon</p>');
    const map = buildTextMap(root);
    for (let i = 0; i < map.text.length; i++) {
      const pieces = piecesForRange(map, i, i + 1);
      if (map.text[i] === '\n') {
        expect(pieces).toEqual([]);
        continue;
      }
      expect(pieces).toHaveLength(1);
      const { node, start, end } = pieces[0];
      const original = node.data.slice(start, end);
      expect(map.text[i] === ' ' ? /^\s$/.test(original) : original === map.text[i]).toBe(true);
    }
  });

  it('gives one piece per text node a range crosses, covering collapsed whitespace', () => {
    const root = rootOf('<p>“we   shall <em>stay</em>\n  here”</p>');
    const text = buildTextMap(root).text;
    expect(text).toBe('“we shall stay here”');
    expect(readBack(root, 1, text.length - 1)).toBe('we   shall |stay|\n  here');
  });

  it('handles an empty element and a whitespace-only page', () => {
    expect(buildTextMap(rootOf('')).text).toBe('');
    const map = buildTextMap(rootOf('  \n <p> </p> <div>\t</div> '));
    expect(map).toEqual({ text: '', runs: [] });
    expect(piecesForRange(map, 0, 10)).toEqual([]);
  });

  it('maps a 1 MB text quickly', () => {
    const paragraph = 'Officials said the talks would continue next week in the capital. '.repeat(16);
    const root = rootOf(Array.from({ length: 1000 }, () => `<p>${paragraph}</p>`).join(''));
    const began = performance.now();
    const map = buildTextMap(root);
    expect(map.text.length).toBeGreaterThan(1_000_000);
    expect(readBack(root, map.text.length - 8, map.text.length)).toBe('capital.');
    expect(performance.now() - began).toBeLessThan(5000);
  });
});
