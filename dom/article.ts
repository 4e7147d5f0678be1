// Is this page a news article, and which element of the LIVE document holds its body?
//
// The gate is Readability's cheap `isProbablyReaderable`. The body is found by paragraph text
// density: every paragraph outside page furniture (navigation, header, footer, asides, related-link
// lists, comments, captions, forms) credits its parent and grandparent with its length, and
// <article>, <main>, [itemprop=articleBody] ancestors with it too. Of the elements holding nearly
// the most paragraph text, the most article-like and then the most specific one wins; it widens to
// a near ancestor when that holds far more paragraph text (a story split into sibling blocks).
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

/** Elements whose text is never article text, whatever their place in the page. */
const FURNITURE_TAGS = new Set([
  'ASIDE', 'AUDIO', 'BUTTON', 'CANVAS', 'DIALOG', 'EMBED', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'IFRAME', 'INPUT',
  'MENU', 'NAV', 'NOSCRIPT', 'OBJECT', 'SCRIPT', 'SELECT', 'STYLE', 'SVG', 'TEMPLATE', 'TEXTAREA', 'VIDEO',
]);

const FURNITURE_ROLES = new Set(['banner', 'complementary', 'contentinfo', 'dialog', 'menu', 'navigation', 'search']);

/**
 * Class or id words news sites use for blocks around the story. A class token counts when it is
 * one of these words or begins or ends with one ("related-links", "story-comments"), not when the
 * word sits inside it ("js-social-anchor-start").
 */
const FURNITURE_WORDS =
  'advert|advertisement|breadcrumb|breadcrumbs|byline|comment|comments|cookie|dateline|disqus|kicker|most-read|mostread|newsletter|outbrain|paywall|popular|promo|recirc|recommended|related|share|sharing|sidebar|social|sponsored|subscribe|taboola|tags|trending';
const FURNITURE_TOKEN = new RegExp(`^(${FURNITURE_WORDS})([-_]|$)|[-_](${FURNITURE_WORDS})$|^(ad|ads)$`, 'i');

/** What only the story's own wrappers hold (comment threads are often <article>s, so that tag does not count). */
const STORY_MARKERS = 'main, h1, [itemprop="articleBody"]';
const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** Paragraphs that make a form more than a search box or a comment form. */
const FORM_STORY_PARAGRAPHS = 3;

/** Elements that hold the story by definition: their names never make them furniture. */
function isStoryContainer(element: Element, tag: string): boolean {
  return tag === 'ARTICLE' || tag === 'MAIN' || tag === 'BODY' || element.getAttribute('itemprop') === 'articleBody';
}

/** Parts of the page that are not the story: skipped when looking for the body and when reading its text. */
export function isPageFurniture(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (FURNITURE_TAGS.has(tag)) return true;
  // A page's header is furniture; an article's own header holds its headline and stays.
  if (tag === 'HEADER' && !element.parentElement?.closest('article')) return true;
  // Most of a story's elements carry no attribute: only their tag can make them furniture.
  if (!element.hasAttributes()) return tag === 'FORM' ? isFormFurniture(element) : (tag === 'UL' || tag === 'OL') && isLinkList(element);
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  // Hidden by its own style attribute (stylesheets are not consulted: the CLI reads pages without them).
  if (HIDDEN_STYLE.test(element.getAttribute('style') ?? '')) return true;
  if (tag === 'FORM') return isFormFurniture(element);
  const role = element.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (!isStoryContainer(element, tag)) {
    const tokens = `${element.getAttribute('class') ?? ''} ${element.id}`.split(/\s+/);
    // A wrapper named like furniture ("sidebar-layout") that holds the story is still a wrapper.
    if (tokens.some((token) => FURNITURE_TOKEN.test(token)) && !element.querySelector(STORY_MARKERS)) return true;
  }
  return (tag === 'UL' || tag === 'OL') && isLinkList(element);
}

/** A form is a search box or a comment form, unless the site wraps its whole page in one (ASP.NET does). */
function isFormFurniture(form: Element): boolean {
  return !form.querySelector(STORY_MARKERS) && form.querySelectorAll('p').length < FORM_STORY_PARAGRAPHS;
}

/** A list whose text is mostly link text: a menu or a list of other stories. */
function isLinkList(list: Element): boolean {
  const total = collapsedLength(list.textContent ?? '');
  if (total === 0) return false;
  let linked = 0;
  for (const link of list.querySelectorAll('a')) linked += collapsedLength(link.textContent ?? '');
  return linked / total > 0.7;
}

/** Length of an element's text outside links: a paragraph that is one link is a teaser, not story. */
function unlinkedLength(element: Element): number {
  let length = collapsedLength(element.textContent ?? '');
  // Most paragraphs are text alone: no element in them, no link (and no live collection made to find none).
  if (!element.firstElementChild) return length;
  for (const link of element.getElementsByTagName('a')) length -= collapsedLength(link.textContent ?? '');
  return length;
}

/** Inline elements whose text belongs to the block around them (a paragraph written as <div><span>...</span></div>). */
const INLINE_TEXT = new Set(['SPAN', 'FONT', 'B', 'I', 'EM', 'STRONG', 'U', 'SMALL', 'MARK', 'Q', 'CITE', 'ABBR', 'TIME', 'SUB', 'SUP']);

/** Length of the text written straight into `element`: its own text nodes and those of its inline children (not links). */
function directTextLength(element: Element): number {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += (child as Text).data;
    else if (child.nodeType === 1 && INLINE_TEXT.has((child as Element).tagName)) text += ' ' + (child.textContent ?? '');
  }
  return text ? collapsedLength(text) : 0;
}

const WHITESPACE_RUN = /\s{2,}/g;

/** The length of `text` with whitespace runs collapsed to one space and the ends trimmed, without building that string. */
function collapsedLength(text: string): number {
  const trimmed = text.trim();
  let length = trimmed.length;
  // Single whitespace characters keep their length; only runs (rare in most text) shrink.
  WHITESPACE_RUN.lastIndex = 0;
  for (let m = WHITESPACE_RUN.exec(trimmed); m; m = WHITESPACE_RUN.exec(trimmed)) length -= m[0].length - 1;
  return length;
}

/**
 * Readability's own visibility test, answered without building a style declaration for every paragraph
 * of the page (`node.style` is one per element, made on first access): an element without attributes is
 * visible to it, and only one with a style attribute has a display to read.
 */
function visibleToReadability(node: Node): boolean {
  const element = node as Element;
  if (!element.hasAttributes()) return true;
  if (element.hasAttribute('style') && (element as HTMLElement).style?.display === 'none') return false;
  if (element.hasAttribute('hidden')) return false;
  if (element.getAttribute('aria-hidden') !== 'true') return true;
  // Readability keeps hidden fallback images' paragraphs.
  const className = (element as HTMLElement).className;
  return typeof className === 'string' && className.includes('fallback-image');
}

/** Cheap gate: does the page look like an article at all (Readability's reader-mode test)? */
export function isProbablyArticle(doc: Document): boolean {
  if (!doc.body) return false;
  return isProbablyReaderable(doc, { visibilityChecker: visibleToReadability });
}

const MIN_PARAGRAPH_CHARS = 25;
/** Elements holding at least this share of the best paragraph text compete on article-likeness and depth. */
const NEAR_BEST = 0.8;
/** How far up, and for how much more paragraph text, the choice widens to a story split into sibling blocks. */
const WIDEN_LEVELS = 3;
const WIDEN_FACTOR = 2;

function articleLikeness(element: Element): number {
  if (element.getAttribute('itemprop') === 'articleBody') return 3;
  const tag = element.tagName.toUpperCase();
  if (tag === 'ARTICLE') return 2;
  if (tag === 'MAIN' || element.getAttribute('role') === 'main') return 1;
  return 0;
}

/** The element of `doc` that holds the article body, or null when the page has no paragraph text. */
export function findArticleRoot(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const furniture = new Map<Element, boolean>();
  const insideFurniture = (element: Element): boolean => {
    const chain: Element[] = [];
    let verdict = false;
    for (let node: Element | null = element; node && node !== body; node = node.parentElement) {
      const known = furniture.get(node);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      chain.push(node);
      if (isPageFurniture(node)) {
        verdict = true;
        break;
      }
    }
    for (const node of chain) furniture.set(node, verdict);
    return verdict;
  };
  // Article-likeness and depth from <html> of every element met, each computed once.
  const likeness = new Map<Element, number>();
  const likenessOf = (element: Element) => {
    let value = likeness.get(element);
    if (value === undefined) likeness.set(element, (value = articleLikeness(element)));
    return value;
  };
  const depth = new Map<Element, number>();
  const depthOf = (element: Element): number => {
    let value = depth.get(element);
    if (value === undefined) {
      value = element.parentElement ? depthOf(element.parentElement) + 1 : 0;
      depth.set(element, value);
    }
    return value;
  };

  // score: paragraph text credited to near containers and article-like ancestors.
  const score = new Map<Element, number>();
  const credit = (element: Element, chars: number) => score.set(element, (score.get(element) ?? 0) + chars);
  // Every paragraph's container and length, to total the paragraph text beneath a few elements afterwards.
  const paragraphs: { container: Element; chars: number }[] = [];
  // A paragraph is a <p>/<pre>, or text written straight into a block (old markup: text and <br>s in a <div>).
  for (const block of body.querySelectorAll('p, pre, div, td, section, article')) {
    const isParagraph = block.tagName === 'P' || block.tagName === 'PRE';
    const chars = isParagraph ? unlinkedLength(block) : directTextLength(block);
    if (chars < MIN_PARAGRAPH_CHARS || insideFurniture(block)) continue;
    const container = isParagraph ? block.parentElement : block;
    if (!container) continue;
    paragraphs.push({ container, chars });
    // The container and its parent, and every article-like ancestor.
    credit(container, chars);
    const parent = container.parentElement;
    if (parent) credit(parent, chars);
    for (let node = parent?.parentElement ?? null; node; node = node.parentElement) {
      if (likenessOf(node) > 0) credit(node, chars);
    }
  }
  if (score.size === 0) return null;

  let best = 0;
  for (const chars of score.values()) best = Math.max(best, chars);
  let choice: Element | null = null;
  for (const [element, chars] of score) {
    if (chars < best * NEAR_BEST) continue;
    if (
      !choice ||
      likenessOf(element) > likenessOf(choice) ||
      (likenessOf(element) === likenessOf(choice) && depthOf(element) > depthOf(choice))
    ) {
      choice = element;
    }
  }
  // A story split into sibling blocks (steps, sections, a "read more" expander) has its other parts
  // beside the choice: take a near ancestor that holds far more paragraph text.
  const totalBeneath = (element: Element) =>
    paragraphs.reduce((sum, p) => (element.contains(p.container) ? sum + p.chars : sum), 0);
  let widened = choice!;
  let widenedTotal = totalBeneath(widened);
  let node = choice!.parentElement;
  for (let level = 1; node && node !== body && level <= WIDEN_LEVELS; level++, node = node.parentElement) {
    const total = totalBeneath(node);
    if (total >= widenedTotal * WIDEN_FACTOR) {
      widened = node;
      widenedTotal = total;
    }
  }
  return widened;
}

/** The publication date (YYYY-MM-DD) the page states, used by the engine to pick office holders. */
export function articleDate(doc: Document): string | undefined {
  const candidates = [
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    doc.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content'),
    doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime'),
    doc.querySelector('article time[datetime]')?.getAttribute('datetime'),
  ];
  for (const value of candidates) {
    const match = value?.match(/^(\d{4}-\d{2}-\d{2})/);
    if (match) return match[1];
  }
  return undefined;
}
