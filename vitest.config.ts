// Unit tests (`npx vitest run`): test/dom/** in happy-dom, every other test in Node. The real-browser
// suite has its own config (vitest.e2e.config.ts, `npm run test:e2e`) and is not run here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'dom', include: ['test/dom/**/*.test.ts'], environment: 'happy-dom' },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/dom/**', 'test/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
    ],
  },
});
