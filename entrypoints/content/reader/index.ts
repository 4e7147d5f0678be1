// The content script's second part: what a page needs only once detection has found a candidate
// article — taking the background's reply, the highlighter and the reader UI. The content script
// registered on every page (entrypoints/content/index.ts) holds detection, reading and messaging; it
// imports this module (built as an ES module, content-scripts/reader.js, see wxt.config.ts) when a page
// passes detection, so a page that is no article never loads, parses or compiles any of it.
//
// It runs in the content script's isolated world and uses no extension API: the page session hands it
// what it needs.
export { parseAnalysisReply, parseReportAnswer } from '../../background/messages';
export { highlightInSlices, planHighlights, removeHighlights } from '../../../dom/highlight';
export { readerUi } from './reader-ui';
