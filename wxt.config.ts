import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

/**
 * The content script's second part (entrypoints/content/reader/: the legend, hover card and quote keys):
 * loaded by the content script with a dynamic import() only on a page that passes detection. Built as an
 * ES module (WXT builds scripts as IIFEs, which export nothing).
 */
const READER = { name: 'reader', input: 'entrypoints/content/reader/index.ts', output: 'content-scripts/reader.js' };

// Chrome gets Manifest V3; Firefox keeps WXT's default MV2, whose persistent background page and
// broad host permissions behave the same on every Firefox release still supported.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: the engine in lib/ also runs under Node (CLI, tests), where
  // auto-imports do not exist.
  imports: false,
  // `npm run bench` builds into its own directory, so a build running beside it cannot swap the
  // extension under its measurements.
  outDir: process.env.STANCEMARK_OUT_DIR || '.output',
  hooks: {
    'entrypoints:resolved': (wxt, entrypoints) => {
      entrypoints.push({
        type: 'unlisted-script',
        name: READER.name,
        inputPath: resolve(wxt.config.root, READER.input),
        outputDir: resolve(wxt.config.outDir, 'content-scripts'),
        options: {},
        skipped: false,
      });
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length !== 1 || entrypoints[0].name !== READER.name || !config.build) return;
      // The module itself as the entry (its exports are the reader's API), not WXT's wrapper that runs a
      // main(); an ES module, built as an app's entry rather than a library so it is minified whole.
      config.build.lib = false;
      config.build.rollupOptions = {
        input: entrypoints[0].inputPath,
        preserveEntrySignatures: 'strict',
        output: { format: 'es', entryFileNames: READER.output },
      };
      config.plugins = (config.plugins ?? []).flat().filter((plugin) => !(plugin && 'name' in plugin && plugin.name === 'wxt:iife-footer'));
    },
  },
  manifest: ({ browser }) => ({
    name: 'Stancemark',
    description: 'Who says what in international news: quotes coloured by country, the two sides side by side.',
    // storage: the per-tab results (storage.session) and the settings. activeTab: the popup, opened from
    // the toolbar, may read its tab's URL to say why it cannot run there (no install warning; `tabs` would
    // warn). Nothing else is needed: the content script's http(s) matches let it read pages; the popup
    // finds the active tab's id and messages it, and the badge is per tab without a permission.
    permissions: ['storage', 'activeTab'],
    // The reader module, which the content script imports from the page's tab. A dynamic URL (Chrome,
    // MV3) changes with every browser session, so a page cannot probe a fixed URL to learn the extension
    // is installed; Firefox's moz-extension URLs are random per install already (WXT converts this to MV2's list).
    web_accessible_resources: [{ resources: [READER.output], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'stancemark@stancemark.dev' } } } : {}),
  }),
});
