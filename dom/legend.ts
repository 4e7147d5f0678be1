// The small legend in the page's corner: each side's code, colour and number of quotes, the key to the
// styles, and the keyboard shortcuts. Collapsible; clicking a side goes to its next quote. In a closed
// shadow root; page text only ever inserted as text.
import type { CountryColour } from '../lib/palette';
import { element, mountShadowUi } from './shadow-ui';

export interface LegendSide {
  /** Country or body code; null for quotes with no known country. */
  country: string | null;
  name: string;
  count: number;
}

const CSS = `
.legend{position:fixed;right:12px;bottom:12px;max-width:260px;border-radius:8px;background:#fff;color:#1d1d24;
  border:1px solid #c9c9d4;box-shadow:0 4px 16px rgba(0,0,0,.18);font:12px/1.35 system-ui,-apple-system,'Segoe UI',sans-serif}
.toggle{display:flex;align-items:center;gap:6px;width:100%;padding:6px 10px;border:0;border-radius:8px;background:#23232d;color:#fff;
  font:700 12px/1.2 system-ui,sans-serif;cursor:pointer;text-align:left}
.toggle:focus-visible{outline:2px solid #7aa7ff;outline-offset:2px}
.toggle .arrow{margin-left:auto}
.body{padding:6px 10px 8px}
.body[hidden]{display:none}
ul{list-style:none;margin:0;padding:0}
.side{display:flex;align-items:center;gap:6px;width:100%;padding:3px 2px;border:0;background:none;color:inherit;font:inherit;cursor:pointer;text-align:left;border-radius:4px}
.side:hover,.side:focus-visible{background:#f0f0f5;outline:none}
.code{display:inline-block;min-width:30px;padding:1px 4px;border-radius:3px;background:var(--accent);color:var(--on-accent);font-weight:800;font-size:10px;text-align:center;letter-spacing:.04em}
.count{margin-left:auto;color:#5c5c6a}
.key{margin:6px 0 0;padding-top:6px;border-top:1px solid #e3e3ea;color:#5c5c6a;font-size:11px}
.quote{background:#e2e2e2;padding:0 3px;border-radius:2px;color:#1a1a1a}
.reported{text-decoration:underline dashed 2px #6b6b6b;text-underline-offset:2px}`;

export interface LegendOptions {
  /** Takes the reader to the next quote of `country` (null: the quotes with no known country). */
  onPick(country: string | null): void;
  /** One line telling the keyboard shortcuts. */
  keys: string;
  signal: AbortSignal;
}

export function mountLegend(doc: Document, options: LegendOptions): { update(sides: readonly LegendSide[], colour: (country: string | null) => CountryColour): void } {
  const root = mountShadowUi(doc, 'legend', CSS, options.signal);
  const box = element(doc, 'section', 'legend');
  box.setAttribute('aria-label', 'Stancemark legend');
  const toggle = element(doc, 'button', 'toggle');
  toggle.type = 'button';
  const title = element(doc, 'span');
  const arrow = element(doc, 'span', 'arrow');
  toggle.append(title, arrow);
  const body = element(doc, 'div', 'body');
  body.id = 'stancemark-legend-body';
  toggle.setAttribute('aria-controls', body.id);
  const list = element(doc, 'ul');
  const key = element(doc, 'p', 'key');
  key.append(element(doc, 'span', 'quote', 'quote'), ' tinted · ', element(doc, 'span', 'reported', 'reported'), ' underlined', element(doc, 'br'), options.keys);
  body.append(list, key);
  box.append(toggle, body);
  root.append(box);

  const setOpen = (open: boolean) => {
    body.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    arrow.textContent = open ? '▾' : '▸';
  };
  setOpen(true);
  toggle.addEventListener('click', () => setOpen(body.hidden), { signal: options.signal });

  return {
    update(sides, colour) {
      const total = sides.reduce((n, s) => n + s.count, 0);
      title.textContent = `Stancemark · ${total} quote${total === 1 ? '' : 's'}`;
      list.replaceChildren(
        ...sides.map((side) => {
          const { accent, onAccent } = colour(side.country);
          const button = element(doc, 'button', 'side');
          button.type = 'button';
          button.title = `Go to the next ${side.name} quote`;
          const code = element(doc, 'span', 'code', side.country ?? '?');
          code.style.setProperty('--accent', accent);
          code.style.setProperty('--on-accent', onAccent);
          button.append(code, element(doc, 'span', 'name', side.name), element(doc, 'span', 'count', String(side.count)));
          button.addEventListener('click', () => options.onPick(side.country), { signal: options.signal });
          const item = element(doc, 'li');
          item.append(button);
          return item;
        }),
      );
    },
  };
}
