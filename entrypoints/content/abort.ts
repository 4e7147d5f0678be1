// Every listener, observer and timer of the content script is tied to one AbortSignal (the content
// script context's), so tearing the script down is one abort. These cover what has no `signal` option.

/** Runs `cleanup` once when `signal` aborts (at once if it already has). */
export function onAbort(signal: AbortSignal, cleanup: () => void): void {
  if (signal.aborted) cleanup();
  else signal.addEventListener('abort', cleanup, { once: true });
}

/** setTimeout that never fires after `signal` aborts. */
export function setTimeoutUntil(signal: AbortSignal, callback: () => void, ms: number): void {
  if (signal.aborted) return;
  const timer = setTimeout(callback, ms);
  onAbort(signal, () => clearTimeout(timer));
}
