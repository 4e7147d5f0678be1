// Country -> colour, pure: the one palette of the page, the popup, the badge and the options page.
//
// Each colour has a light tint for a quote's background (dark text on it, whatever the page's own
// colours, so it reads on light and dark pages alike), and an accent of the same hue for underlines,
// swatches and code labels whose luminance sits where it keeps 3:1 against both a white and a near-black
// page. Colour is never the only cue: the page, the card, the legend and the popup also show the code.
//
// Two schemes. `standard` gives each country a fixed hue (stable across pages). `colour-blind` gives
// the article's sides, most quoted first, the Okabe–Ito colours in an order that keeps the first ones
// apart under protanopia, deuteranopia and tritanopia (blue against vermillion first).

export type ColourScheme = 'standard' | 'colour-blind';
export const COLOUR_SCHEMES: readonly ColourScheme[] = ['standard', 'colour-blind'];

export interface CountryColour {
  /** Light tint for a highlight background; text on it stays `text`. */
  background: string;
  /** Text colour readable on `background`. */
  text: string;
  /** Same hue, mid luminance: underline, swatch, label background; 3:1 against white and near-black pages. */
  accent: string;
  /** Text colour readable on `accent` (white or black, whichever contrasts more). */
  onAccent: string;
}

/** Hues for the sides news most often sets against each other, chosen to stay apart from their usual opponents. */
const FIXED_HUES: Record<string, number> = {
  US: 214,
  RU: 0,
  UA: 50,
  SY: 130,
  IR: 168,
  IL: 235,
  CN: 24,
  GB: 282,
  FR: 192,
  DE: 36,
  TR: 340,
  NATO: 252,
  UN: 200,
  EU: 58,
  PS: 100,
  SA: 150,
  KP: 312,
  KR: 180,
  IN: 16,
  PK: 118,
  JP: 350,
  ISIS: 300,
};

/** Okabe & Ito (2008), "Color Universal Design": blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow. */
const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#f0e442'];

const DARK_TEXT = '#1a1a1a';
/** Luminance bounds of an accent: <= 0.30 keeps 3:1 against white, >= 0.12 keeps 3:1 against #121212. */
const ACCENT_LUMINANCE = { min: 0.12, max: 0.3 };
/**
 * Luminance of a tint: dark text on it keeps over 7:1 (>= 0.38). The colour-blind scheme's tints are
 * deeper, since equal-luminance pale tints are what such viewers tell apart least.
 */
const TINT_LUMINANCE: Record<ColourScheme, number> = { standard: 0.55, 'colour-blind': 0.42 };

const UNKNOWN: CountryColour = { background: '#e2e2e2', text: DARK_TEXT, accent: '#6b6b6b', onAccent: '#ffffff' };

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function rgbToHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex);
  return channelsLuminance(r, g, b);
}

/** An sRGB channel (0-255) in linear light, as WCAG defines it. */
function linear(channel: number): number {
  const v = channel / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of three 0-255 channels. */
function channelsLuminance(r: number, g: number, b: number): number {
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const k = (n: number) => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))) * 255;
  return rgbToHex([channel(0), channel(8), channel(4)]);
}

/**
 * A channel mixed with white (t = 1) or black (t = -1), rounded as a #rrggbb colour holds it; a colour's
 * luminance grows monotonically with t.
 */
function mix(channel: number, t: number): number {
  const target = t >= 0 ? 255 : 0;
  return Math.round(Math.min(255, Math.max(0, channel + (target - channel) * Math.abs(t))));
}

/**
 * The shade of `hex` whose luminance is nearest `goal` (bisection on the mix towards white or black). On
 * channel numbers, written out as hex once: it runs in the page's task of the last marks, in cold code,
 * for every country of the article.
 */
function shadeToLuminance(hex: string, goal: number): string {
  const [r, g, b] = hexToRgb(hex);
  let low = -1;
  let high = 1;
  for (let i = 0; i < 24; i++) {
    const mid = (low + high) / 2;
    if (channelsLuminance(mix(r, mid), mix(g, mid), mix(b, mid)) < goal) low = mid;
    else high = mid;
  }
  const t = (low + high) / 2;
  return rgbToHex([mix(r, t), mix(g, t), mix(b, t)]);
}

/** The full colour from one base colour: its tint, and its accent brought into the luminance band. */
function fromBase(base: string, scheme: ColourScheme): CountryColour {
  const y = luminance(base);
  const accent =
    y > ACCENT_LUMINANCE.max ? shadeToLuminance(base, ACCENT_LUMINANCE.max - 0.01) : y < ACCENT_LUMINANCE.min ? shadeToLuminance(base, ACCENT_LUMINANCE.min + 0.01) : base;
  const onAccent = contrast('#ffffff', accent) >= contrast('#000000', accent) ? '#ffffff' : '#000000';
  return { background: shadeToLuminance(base, TINT_LUMINANCE[scheme]), text: DARK_TEXT, accent, onAccent };
}

/** FNV-1a: a small stable string hash, so an unlisted code keeps its hue across pages and runs. */
function hashHue(code: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    hash ^= code.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

const normalise = (code: string | null | undefined) => (code ?? '').trim().toUpperCase();
const isUnknown = (key: string) => !key || key === 'UNKNOWN';

/** The standard colour for a country or body code; grey for null, empty or `unknown`. */
export function countryColour(code: string | null | undefined): CountryColour {
  const key = normalise(code);
  if (isUnknown(key)) return UNKNOWN;
  return fromBase(hslToHex(FIXED_HUES[key] ?? hashHue(key), 70, 42), 'standard');
}

/**
 * The colours of one article's sides under `scheme`. `ranked`: the side codes in the order they are
 * shown (the pair first, then by number of quotes). In the colour-blind scheme a side beyond the
 * Okabe–Ito colours falls back to grey; its code label still tells it apart.
 */
export function sidePalette(ranked: readonly string[], scheme: ColourScheme): (code: string | null | undefined) => CountryColour {
  if (scheme === 'standard') return countryColour;
  const slots = new Map<string, CountryColour>();
  for (const code of ranked.map(normalise)) {
    if (!isUnknown(code) && !slots.has(code) && slots.size < OKABE_ITO.length) slots.set(code, fromBase(OKABE_ITO[slots.size], 'colour-blind'));
  }
  return (code) => slots.get(normalise(code)) ?? UNKNOWN;
}
