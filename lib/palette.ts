// Country -> colour, pure. Each code gets a stable light tint that works as a highlight
// background under dark text, and a darker accent of the same hue for borders, swatches and labels.
// Colour is never the only cue: the page and the popup also show the code as a label.

export interface CountryColour {
  /** Light tint for a highlight background; text on it stays `text`. */
  background: string;
  /** Darker shade of the same hue: underline, swatch, label background. */
  accent: string;
  /** Text colour readable on `background`. */
  text: string;
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

const UNKNOWN: CountryColour = { background: '#e2e2e2', accent: '#6b6b6b', text: '#1a1a1a' };

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const k = (n: number) => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const value = l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
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

/** The colour for a country or body code; grey for null, empty or `unknown`. */
export function countryColour(code: string | null | undefined): CountryColour {
  const key = (code ?? '').trim().toUpperCase();
  if (!key || key === 'UNKNOWN') return UNKNOWN;
  const hue = FIXED_HUES[key] ?? hashHue(key);
  return { background: hslToHex(hue, 85, 85), accent: hslToHex(hue, 60, 28), text: '#1a1a1a' };
}
