import { defineConfig } from 'wxt';

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
  manifest: ({ browser }) => ({
    name: 'Stancemark',
    description: 'Who says what in international news: quotes coloured by country, the two sides side by side.',
    // storage: the per-tab results (storage.session) and the settings. activeTab: the popup, opened from
    // the toolbar, may read its tab's URL to say why it cannot run there (no install warning; `tabs` would
    // warn). Nothing else is needed: the content script's http(s) matches let it read pages; the popup
    // finds the active tab's id and messages it, and the badge is per tab without a permission.
    permissions: ['storage', 'activeTab'],
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'stancemark@stancemark.dev' } } } : {}),
  }),
});
