// The reader's settings: their shape, defaults, the check that turns anything stored into a valid value,
// and the pure decisions taken from them (is this site highlighted, which sides make the pair). Pure,
// so the content script, the popup, the options page and the tests share it; storage is settings-store.ts.
import { COLOUR_SCHEMES, type ColourScheme } from '../lib/palette';

export type AnalysisMode = 'auto' | 'on-click';

export interface Settings {
  /** Highlight quotes on pages at all. */
  highlight: boolean;
  /** Hostnames (lower case, no `www.`) where highlighting is off. */
  offSites: string[];
  /** `auto`: analyse every article as it loads; `on-click`: only when the reader asks in the popup. */
  analysis: AnalysisMode;
  scheme: ColourScheme;
  /** Countries or bodies always shown as the pair (left, right) when they speak; null: the two most quoted. */
  pair: [string, string] | null;
}

export const DEFAULT_SETTINGS: Settings = { highlight: true, offSites: [], analysis: 'auto', scheme: 'standard', pair: null };

const MAX_SITES = 1000;
const CODE = /^[A-Z]{2,5}$/;
const HOST = /^[a-z0-9.-]{1,253}$/;

/** The key a site is switched off under: its hostname without `www.`; null for pages without one. */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:' || !hostname) return null;
    return hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** A stored value made valid field by field: anything missing or mistyped takes its default. */
export function parseSettings(value: unknown): Settings {
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const { highlight, offSites, analysis, scheme, pair } = stored;
  const sites = Array.isArray(offSites)
    ? [...new Set(offSites.filter((s): s is string => typeof s === 'string').map((s) => s.toLowerCase().replace(/^www\./, '')))]
        .filter((s) => HOST.test(s))
        .slice(0, MAX_SITES)
    : DEFAULT_SETTINGS.offSites;
  const validPair =
    Array.isArray(pair) && pair.length === 2 && pair.every((c) => typeof c === 'string' && CODE.test(c)) && pair[0] !== pair[1]
      ? ([pair[0], pair[1]] as [string, string])
      : null;
  return {
    highlight: typeof highlight === 'boolean' ? highlight : DEFAULT_SETTINGS.highlight,
    offSites: sites,
    analysis: analysis === 'auto' || analysis === 'on-click' ? analysis : DEFAULT_SETTINGS.analysis,
    scheme: COLOUR_SCHEMES.includes(scheme as ColourScheme) ? (scheme as ColourScheme) : DEFAULT_SETTINGS.scheme,
    pair: validPair,
  };
}

/** Whether quotes are highlighted on the page at `url`. */
export function highlightsOn(settings: Settings, url: string): boolean {
  const site = siteOf(url);
  return settings.highlight && (site === null || !settings.offSites.includes(site));
}

/** `settings` with highlighting on the site of `url` switched on or off. */
export function withSite(settings: Settings, url: string, on: boolean): Settings {
  const site = siteOf(url);
  if (!site) return settings;
  const others = settings.offSites.filter((s) => s !== site);
  return { ...settings, offSites: on ? others : [...others, site] };
}

/**
 * The side codes in the order they are shown: the pinned pair's countries first (those that speak),
 * then the others as the engine ranked them. The colour-blind palette colours sides in this order.
 */
export function orderSides(ranked: readonly string[], pair: Settings['pair']): string[] {
  const pinned = (pair ?? []).filter((code) => ranked.includes(code));
  return [...pinned, ...ranked.filter((code) => !pinned.includes(code))];
}
