// The settings in the extension's local storage (WXT storage item, versioned): read, write, watch.
// Every read goes through parseSettings, so a value from an older, newer or damaged store is still valid.
//
// Shape changes: raise SETTINGS_VERSION and add `SETTINGS_MIGRATIONS[version]`, a function from the
// previous shape to the new one; WXT runs the missing steps in order when the item is defined in a
// context that finds an older version stored. Version 1 is the first shape, so there is nothing to migrate from yet.
//
// Reading is one storage round trip when the stored version is this build's (the content script waits for
// it before its first run on every page); only an older store goes through WXT's item, which migrates it.
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

export const SETTINGS_VERSION = 1;
const SETTINGS_MIGRATIONS: Record<number, (previous: unknown) => unknown> = {};
const KEY = 'local:settings';
/** Where WXT keeps the item's version record: `{ v: <version> }`. */
const VERSION_KEY = 'local:settings$';

/** The version of the stored settings: WXT reads a missing record as version 1; NaN for a damaged one. */
function storedVersion(record: unknown): number {
  const v = (record as { v?: unknown } | null)?.v;
  return v === undefined ? 1 : typeof v === 'number' ? v : NaN;
}

/**
 * A version record newer than this build's (the extension was rolled back after a newer version stored its
 * settings) is set back to this version: WXT refuses to migrate down and would log an error in every
 * context that defines the item, while parseSettings reads a newer shape field by field anyway.
 */
async function acceptNewer(record: unknown): Promise<void> {
  if (storedVersion(record) > SETTINGS_VERSION) await storage.setMeta(KEY, { v: SETTINGS_VERSION });
}

let item: Promise<WxtStorageItem<unknown, Record<string, unknown>>> | null = null;

/** The storage item, defined once per extension context (defining it runs the migrations). */
function settingsItem(): Promise<WxtStorageItem<unknown, Record<string, unknown>>> {
  item ??= storage
    .getItem(VERSION_KEY)
    .then(acceptNewer)
    .then(() => storage.defineItem<unknown>(KEY, { fallback: DEFAULT_SETTINGS, version: SETTINGS_VERSION, migrations: SETTINGS_MIGRATIONS }));
  return item;
}

export async function loadSettings(): Promise<Settings> {
  const [{ value }, { value: record }] = await storage.getItems([KEY, VERSION_KEY]);
  const version = storedVersion(record);
  if (value == null || version >= SETTINGS_VERSION) {
    await acceptNewer(record);
    return parseSettings(value);
  }
  return parseSettings(await (await settingsItem()).getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await (await settingsItem()).setValue(parseSettings(settings));
}

/** Calls `onChange` with the new settings whenever any part of the extension saves them, until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const unwatch = storage.watch<unknown>(KEY, (value) => onChange(parseSettings(value)));
  signal.addEventListener('abort', unwatch, { once: true });
}
