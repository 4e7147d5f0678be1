// The content script's second part: the reader UI's controls (the legend, the hover card and the quote
// keys), which a page needs only once detection has found a candidate article. The content script
// registered on every page (entrypoints/content/index.ts) holds detection, reading, messaging, the
// highlighter and the colours; it imports this module (built as an ES module, content-scripts/reader.js,
// see wxt.config.ts) when a page passes detection, so a page that is no article never loads it, and
// nothing on the way to the highlights waits for it (its load took 36-123 ms on a loaded machine, longer
// than the background's reply: docs/benchmarks.md).
//
// It runs in the content script's isolated world and uses no extension API: the page session hands it
// what it needs.
export { readerUi } from './reader-ui';
