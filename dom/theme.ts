// The page's one Stancemark stylesheet: how a highlight looks, and each country's colours as custom
// properties keyed on data-stancemark-country. A scheme change rewrites this sheet only, so the page
// restyles at once without touching the highlights.
import type { CountryColour } from '../lib/palette';
import { HIGHLIGHT_CLASS } from './highlight';

/** Codes the engine gives (ISO alpha-2, bodies) and `unknown`; anything else is left to the grey default. */
const SAFE_CODE = /^[A-Za-z]{2,8}$/;

const MARK = `mark.${HIGHLIGHT_CLASS}`;

/** The stylesheet for highlights of the countries in `codes`, coloured by `colourOf`. */
export function themeCss(codes: Iterable<string>, colourOf: (code: string) => CountryColour): string {
  const grey = colourOf('unknown');
  const vars = (c: CountryColour) =>
    `--stancemark-bg:${c.background};--stancemark-fg:${c.text};--stancemark-accent:${c.accent};--stancemark-on-accent:${c.onAccent};`;
  const perCountry = [...new Set(codes)]
    .filter((code) => SAFE_CODE.test(code))
    .map((code) => `${MARK}[data-stancemark-country="${code}"]{${vars(colourOf(code))}}`);
  // A direct quote: the country's tint under dark text (readable on light and dark pages), an accent
  // rule under it. Reported speech: no tint, only a dashed underline in the accent, quieter than a quote
  // and unlike a link. The code label after a quote's last piece says the country without colour.
  return `${MARK}{${vars(grey)}background-color:var(--stancemark-bg);color:var(--stancemark-fg);padding:0.05em 0;border-radius:2px;box-shadow:inset 0 -2px 0 var(--stancemark-accent);cursor:pointer;}
${MARK}[data-stancemark-kind="indirect"]{background-color:transparent;color:inherit;box-shadow:none;text-decoration:underline dashed 2px var(--stancemark-accent);text-underline-offset:3px;}
${MARK}[data-stancemark-label]::after{content:attr(data-stancemark-label);display:inline-block;margin-left:0.3em;padding:0.1em 0.35em;border-radius:3px;background:var(--stancemark-accent);color:var(--stancemark-on-accent);font:700 0.62em/1.2 system-ui,sans-serif;letter-spacing:0.04em;vertical-align:0.25em;text-decoration:none;}
${MARK}:focus{outline:none;}
${MARK}:focus-visible,${MARK}.stancemark-flash{outline:3px solid var(--stancemark-accent);outline-offset:2px;}
${perCountry.join('\n')}`;
}

/** Keeps one <style> element in `doc` with the current theme; `remove()` takes it out again. */
export function pageTheme(doc: Document): { apply(css: string): void; remove(): void } {
  let style: HTMLStyleElement | null = null;
  return {
    apply(css) {
      style ??= doc.createElement('style');
      style.textContent = css;
      // Re-attached when the page replaced its head or dropped the element.
      if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
    },
    remove() {
      style?.remove();
      style = null;
    },
  };
}
