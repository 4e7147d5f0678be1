// Real-browser end-to-end tests (`npm run test:e2e`): Chromium with the built extension on the demo
// pages. Builds nothing itself: run `npm run build` first (it expects .output/chrome-mv3).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // One browser at a time: the suites share the machine with the build and other tests.
    fileParallelism: false,
  },
});
