// The settings in the extension's local storage (WXT storage item, versioned): read, write, watch.
// Every read goes through parseSettings, so a value from an older, newer or damaged store is still valid.
//
// Shape changes: raise SETTINGS_VERSION and add `SETTINGS_MIGRATIONS[version]`, a function from the
// previous shape to the new one; WXT runs the missing steps in order the first time any extension
// context defines the item after an update. Version 1 is the first shape, so there is nothing to migrate from yet.
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

export const SETTINGS_VERSION = 1;
const SETTINGS_MIGRATIONS: Record<number, (previous: unknown) => unknown> = {};
const KEY = 'local:settings';

/**
 * The storage item, defined once per extension context. A version record newer than this build's (the
 * extension was rolled back after a newer version stored its settings) is first set back to this
 * version: WXT refuses to migrate down and would log an error in every context, on every page, for good,
 * while parseSettings reads a newer shape field by field anyway.
 */
let item: Promise<WxtStorageItem<unknown, Record<string, unknown>>> | null = null;
function settingsItem(): Promise<WxtStorageItem<unknown, Record<string, unknown>>> {
  item ??= storage
    .getMeta<{ v?: unknown }>(KEY)
    .then(async (meta) => {
      if (typeof meta?.v === 'number' && meta.v > SETTINGS_VERSION) await storage.setMeta(KEY, { v: SETTINGS_VERSION });
    })
    .then(() => storage.defineItem<unknown>(KEY, { fallback: DEFAULT_SETTINGS, version: SETTINGS_VERSION, migrations: SETTINGS_MIGRATIONS }));
  return item;
}

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await (await settingsItem()).getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await (await settingsItem()).setValue(parseSettings(settings));
}

/** Calls `onChange` with the new settings whenever any part of the extension saves them, until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  void settingsItem().then((settings) => {
    if (signal.aborted) return;
    const unwatch = settings.watch((value) => onChange(parseSettings(value)));
    signal.addEventListener('abort', unwatch, { once: true });
  });
}
