// The reader's settings as the content script's features see them: loaded once, then kept current
// from storage (options page and popup changes arrive without a reload).
import { DEFAULT_SETTINGS, highlightsOn, type Settings } from '../../extension/settings';
import { loadSettings, watchSettings } from '../../extension/settings-store';
import { onAbort } from './abort';

export interface ReaderSettings {
  readonly current: Settings;
  /** Resolves with the stored settings once read. */
  readonly ready: Promise<Settings>;
  /** Calls `listener` with the new and previous settings on every change until `signal` aborts. */
  onChange(listener: (next: Settings, previous: Settings) => void, signal: AbortSignal): void;
  /** Highlighting is on for this page (globally and for its site). */
  highlightsHere(): boolean;
}

export function readerSettings(signal: AbortSignal): ReaderSettings {
  let current = DEFAULT_SETTINGS;
  const listeners = new Set<(next: Settings, previous: Settings) => void>();
  const ready = loadSettings()
    .catch(() => DEFAULT_SETTINGS)
    .then((loaded) => (current = loaded));
  watchSettings((next) => {
    const previous = current;
    current = next;
    for (const listener of listeners) listener(next, previous);
  }, signal);
  return {
    get current() {
      return current;
    },
    ready,
    onChange(listener, listenerSignal) {
      listeners.add(listener);
      onAbort(listenerSignal, () => listeners.delete(listener));
    },
    highlightsHere: () => highlightsOn(current, location.href),
  };
}
