// Runs the engine fuzz cases in a worker thread, so a case that never returns (an endless loop blocks
// its thread: no test timeout could fire) is stopped and named instead of hanging `npm test`. The
// limit is a hang guard far above any real case, not a speed check.
import { buildSync } from 'esbuild';
import { Worker } from 'node:worker_threads';
import type { TextVerdict } from './engine-check';

/** The engine and the checks, bundled once for the worker (TypeScript does not load in a bare worker). */
function workerCode(): string {
  const result = buildSync({
    stdin: {
      contents: `import { parentPort } from 'node:worker_threads';
        import { checkText } from './engine-check';
        parentPort.on('message', (text) => parentPort.postMessage(checkText(text)));`,
      resolveDir: import.meta.dirname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export interface EngineWatchdog {
  /** The verdict on `text`; rejects naming `label` when the engine has not returned within `limitMs`. */
  check(text: string, label: string, limitMs?: number): Promise<TextVerdict>;
  close(): Promise<void>;
}

const DEFAULT_LIMIT_MS = 30_000;

export function engineWatchdog(): EngineWatchdog {
  const code = workerCode();
  let worker = new Worker(code, { eval: true });
  return {
    check(text, label, limitMs = DEFAULT_LIMIT_MS) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          worker.removeAllListeners('message');
          void worker.terminate();
          worker = new Worker(code, { eval: true });
          reject(new Error(`${label}: the engine did not return within ${limitMs / 1000} s on ${JSON.stringify(text.slice(0, 300))}`));
        }, limitMs);
        worker.once('message', (verdict: TextVerdict) => {
          clearTimeout(timer);
          resolve(verdict);
        });
        worker.postMessage(text);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
