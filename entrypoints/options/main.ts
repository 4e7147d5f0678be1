// The options page: every change is saved at once and reaches open pages through storage (applied
// there without a reload). Settings are read and written through extension/settings-store.ts.
import { countryName } from '../../lib/country-names';
import { sidePalette, type ColourScheme } from '../../lib/palette';
import { parseSettings, siteOf, type Settings } from '../../extension/settings';
import { loadSettings, saveSettings, watchSettings } from '../../extension/settings-store';

const form = document.getElementById('options') as HTMLFormElement;
const offSites = document.getElementById('off-sites')!;
const siteInput = document.getElementById('site') as HTMLInputElement;
const preview = document.getElementById('preview')!;
const status = document.getElementById('status')!;
const field = <T>(name: string) => form.elements.namedItem(name) as unknown as T;

const BODIES = ['NATO', 'UN', 'EU', 'OSCE', 'IAEA', 'OPCW', 'ICRC', 'WHO', 'ISIS'];

/** Every region code the browser can name (ISO 3166-1 alpha-2), and the bodies the engine codes, by name. */
function pairChoices(): { code: string; name: string }[] {
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  const regions = letters.flatMap((a) => letters.map((b) => a + b)).filter((code) => countryName(code) !== code);
  return [...regions, ...BODIES].map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
}

function fillPairSelects(): void {
  const choices = pairChoices();
  for (const select of [field<HTMLSelectElement>('left'), field<HTMLSelectElement>('right')]) {
    select.append(new Option('— most quoted —', ''), ...choices.map(({ code, name }) => new Option(`${name} (${code})`, code)));
  }
}

/** Sample quotes in the chosen scheme, on a light and on a dark page. */
function renderPreview(scheme: ColourScheme): void {
  const colourOf = sidePalette(['US', 'RU'], scheme);
  const sample = (code: string | null, words: string, kind: 'direct' | 'indirect') => {
    const colour = colourOf(code);
    const mark = document.createElement('mark');
    mark.className = `sample ${kind}`;
    mark.textContent = words;
    mark.style.setProperty('--bg', colour.background);
    mark.style.setProperty('--fg', colour.text);
    mark.style.setProperty('--accent', colour.accent);
    mark.style.setProperty('--on-accent', colour.onAccent);
    mark.dataset.label = code ?? '?';
    return mark;
  };
  preview.replaceChildren(
    ...['light', 'dark'].map((tone) => {
      const page = document.createElement('p');
      page.className = `page ${tone}`;
      page.append(
        sample('US', 'we want a clear understanding', 'direct'), ' ',
        sample('RU', 'the views are close', 'direct'), ' ',
        sample(null, 'an unnamed source', 'direct'), ' and ',
        sample('US', 'the talks would go on', 'indirect'), ' (reported)',
      );
      return page;
    }),
  );
}

function show(settings: Settings): void {
  field<HTMLInputElement>('highlight').checked = settings.highlight;
  field<RadioNodeList>('analysis').value = settings.analysis;
  field<RadioNodeList>('scheme').value = settings.scheme;
  field<HTMLSelectElement>('left').value = settings.pair?.[0] ?? '';
  field<HTMLSelectElement>('right').value = settings.pair?.[1] ?? '';
  offSites.replaceChildren(
    ...settings.offSites.map((site) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = site;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Switch on again';
      remove.addEventListener('click', () => void save({ ...current, offSites: current.offSites.filter((s) => s !== site) }));
      item.append(name, remove);
      return item;
    }),
  );
  if (!settings.offSites.length) {
    const none = document.createElement('li');
    none.className = 'none';
    none.textContent = 'None';
    offSites.append(none);
  }
  renderPreview(settings.scheme);
}

let current: Settings = parseSettings(null);

async function save(next: Settings): Promise<void> {
  current = parseSettings(next);
  show(current);
  await saveSettings(current);
  status.textContent = 'Saved. Open pages follow at once.';
}

/** The settings the form shows now. */
function fromForm(): Settings {
  const left = field<HTMLSelectElement>('left').value;
  const right = field<HTMLSelectElement>('right').value;
  return parseSettings({
    ...current,
    highlight: field<HTMLInputElement>('highlight').checked,
    analysis: field<RadioNodeList>('analysis').value,
    scheme: field<RadioNodeList>('scheme').value,
    pair: left && right && left !== right ? [left, right] : null,
  });
}

async function main(): Promise<void> {
  fillPairSelects();
  current = await loadSettings();
  show(current);
  form.addEventListener('change', (event) => {
    if (event.target === siteInput) return;
    const { name } = event.target as HTMLInputElement;
    const [left, right] = [field<HTMLSelectElement>('left').value, field<HTMLSelectElement>('right').value];
    // A half-chosen pair waits for its other side.
    if ((name === 'left' || name === 'right') && ((left === '') !== (right === '') || (left && left === right))) {
      status.textContent = 'Choose two different sides for the pair, or neither.';
      return;
    }
    void save(fromForm());
  });
  const addSite = () => {
    const site = siteOf(/^[a-z]+:\/\//i.test(siteInput.value) ? siteInput.value.trim() : `https://${siteInput.value.trim()}`);
    if (!site) {
      status.textContent = 'That is not a site name (like example.com).';
      return;
    }
    siteInput.value = '';
    void save({ ...current, offSites: [...current.offSites, site] });
  };
  document.getElementById('add-site')!.addEventListener('click', addSite);
  siteInput.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    addSite();
  });
  // Changes from the popup (this site on or off) show here too.
  watchSettings((settings) => {
    current = settings;
    show(settings);
  }, new AbortController().signal);
  (document.getElementById('controls') as HTMLFieldSetElement).disabled = false;
}

void main();
