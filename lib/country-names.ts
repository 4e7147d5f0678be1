// Display names for the codes the engine gives: ISO 3166-1 alpha-2 through Intl.DisplayNames, the
// international bodies by name. One place for the engine, the page, the popup and the scripts.
import { remembered } from './remembered';

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
/**
 * Display name of a country or body code ("US" -> "United States"); the code itself when unknown.
 * Remembered by code as passed: Intl.DisplayNames.of is slow and the same few codes recur.
 */
export const countryName = remembered((code: string): string => displayName(code.trim().toUpperCase()), 1000);

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
