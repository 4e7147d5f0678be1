// The settings in the extension's local storage (WXT storage item, versioned): read, write, watch.
// Every read goes through parseSettings, so a value from an older or damaged store is still valid.
//
// Shape changes: raise `version` and add `migrations[version]`, a function from the previous shape to
// the new one; WXT runs the missing steps in order the first time any extension context defines the
// item after an update. Version 1 is the first shape, so there is nothing to migrate from yet.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  migrations: {},
});

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(parseSettings(settings));
}

/** Calls `onChange` with the new settings whenever any part of the extension saves them, until `signal` aborts. */
export function watchSettings(onChange: (settings: Settings) => void, signal: AbortSignal): void {
  const unwatch = settingsItem.watch((value) => onChange(parseSettings(value)));
  signal.addEventListener('abort', unwatch, { once: true });
}
