// Display names for the codes the engine gives: ISO 3166-1 alpha-2 through Intl.DisplayNames, the
// international bodies by name. One place for the engine, the page, the popup and the scripts.

/** Names for the international bodies the engine codes alongside ISO countries. */
const BODY_NAMES: Record<string, string> = {
  EU: 'European Union',
  IAEA: 'IAEA',
  ICRC: 'Red Cross (ICRC)',
  ISIS: 'Islamic State',
  NATO: 'NATO',
  OPCW: 'OPCW',
  OSCE: 'OSCE',
  UN: 'United Nations',
  WHO: 'World Health Organization',
};

let regionNames: Intl.DisplayNames | null | undefined;
// Names already given, by code as passed: Intl.DisplayNames.of is slow and the same few codes recur.
const named = new Map<string, string>();

/** Display name of a country or body code ("US" -> "United States"); the code itself when unknown. */
export function countryName(code: string): string {
  let name = named.get(code);
  if (name === undefined) {
    name = displayName(code.trim().toUpperCase());
    if (named.size < 1000) named.set(code, name);
  }
  return name;
}

function displayName(key: string): string {
  if (BODY_NAMES[key]) return BODY_NAMES[key];
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
    } catch {
      regionNames = null;
    }
  }
  if (regionNames && /^[A-Z]{2}$/.test(key)) {
    try {
      return regionNames.of(key) ?? key;
    } catch {
      return key;
    }
  }
  return key;
}
