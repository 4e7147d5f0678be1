import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleDate, findArticleRoot, isPageFurniture, isProbablyArticle } from '../../dom/article';
import { readArticle } from '../../dom/page';
import { articleTextFromHtml } from '../../scripts/html-article';

const demoHtml = readFileSync('test/fixtures/demo/index.html', 'utf8');
const seedText = readFileSync('test/fixtures/seed.txt', 'utf8');

function load(html: string): Document {
  // Stylesheets are irrelevant here and happy-dom would try to load them.
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/<link [^>]*>/g, '');
  return document;
}

const longParagraph = (topic: string) =>
  `<p>The committee on ${topic} met on Tuesday for the third time this month and agreed to publish its findings before the end of the year, after several members asked for more time to read the evidence submitted by regional governments.</p>`;

describe('findArticleRoot', () => {
  it('picks the <article> of the demo page, whose text is the seed article', () => {
    const doc = load(demoHtml);
    const root = findArticleRoot(doc)!;
    expect(root.tagName).toBe('ARTICLE');
    const expected = seedText.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).join('\n\n');
    expect(readArticle(doc)!.map.text).toBe(expected);
  });

  it('the CLI reads the same text and date from the demo page', async () => {
    const expected = seedText.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).join('\n\n');
    expect(await articleTextFromHtml(demoHtml, 'test/fixtures/demo/index.html')).toEqual({ text: expected, date: '2015-09-18' });
  });

  it('prefers [itemprop=articleBody] over its <article>', () => {
    const doc = load(`<body><article><h1>Title</h1><div itemprop="articleBody">${longParagraph('water')}${longParagraph('roads')}</div></article></body>`);
    expect(findArticleRoot(doc)!.getAttribute('itemprop')).toBe('articleBody');
  });

  it('without semantic markup, picks the element holding the paragraphs, not the comments or sidebar', () => {
    const doc = load(`<body>
      <div id="page">
        <div class="content">${longParagraph('water')}${longParagraph('roads')}${longParagraph('schools')}</div>
        <div class="comments">${longParagraph('comment one')}${longParagraph('comment two')}${longParagraph('comment three')}${longParagraph('comment four')}</div>
        <div class="sidebar">${longParagraph('ads')}</div>
      </div></body>`);
    expect(findArticleRoot(doc)!.className).toBe('content');
  });

  it('joins paragraphs split over sibling blocks under their common parent', () => {
    const doc = load(`<body><div id="story"><div class="part">${longParagraph('water')}${longParagraph('roads')}</div>
      <div class="part">${longParagraph('schools')}${longParagraph('bridges')}</div></div></body>`);
    expect(findArticleRoot(doc)!.id).toBe('story');
  });

  it('widens to a story split into sibling blocks a few levels down', () => {
    const step = (topic: string) => `<div class="step"><div class="inner"><div class="text">${longParagraph(topic)}</div></div></div>`;
    const doc = load(`<body><div id="menu"><a href="/">Home</a></div><div id="guide">
      <div class="step"><div class="inner"><div class="text" id="lead">${longParagraph('water')}${longParagraph('power')}</div></div></div>
      ${step('roads')}${step('schools')}${step('bridges')}</div></body>`);
    expect(findArticleRoot(doc)!.id).toBe('guide');
  });

  it('finds text written straight into a <div> between <br>s', () => {
    const line = 'The harbour reopened on Monday after a week of storms kept every ship in port and the fish market closed.';
    const doc = load(`<body><div id="menu"><a href="/">Home</a></div><div id="post">${line}<br><br>${line}<br><br>${line}</div></body>`);
    expect(findArticleRoot(doc)!.id).toBe('post');
  });

  it('does not take paragraphs that are only a link for story text', () => {
    const teaser = (n: number) => `<p><a href="/${n}">Another story about the committee on water, roads and schools, number ${n}</a></p>`;
    const doc = load(`<body><div id="teasers">${[1, 2, 3, 4, 5, 6].map(teaser).join('')}</div><div id="story">${longParagraph('water')}${longParagraph('roads')}</div></body>`);
    expect(findArticleRoot(doc)!.id).toBe('story');
  });

  it('reads a page its site wrapped whole in a <form>, but not a comment form', () => {
    const doc = load(`<body><form id="page"><div id="story">${longParagraph('water')}${longParagraph('roads')}${longParagraph('schools')}</div></form>
      <form id="reply"><p>Leave a reply: your words will be moderated before they appear under the story.</p></form></body>`);
    expect(findArticleRoot(doc)!.id).toBe('story');
    expect(isPageFurniture(doc.getElementById('page')!)).toBe(false);
    expect(isPageFurniture(doc.getElementById('reply')!)).toBe(true);
  });

  it('leaves out text hidden by its own style attribute', () => {
    const doc = load(`<body><article>${longParagraph('water')}<div style="color: red; display: none">“hidden words”</div>${longParagraph('roads')}</article></body>`);
    expect(readArticle(doc)!.map.text).not.toContain('hidden words');
  });

  it('returns null for a page without paragraphs', () => {
    expect(findArticleRoot(load('<body><ul><li><a href="/">Home</a></li></ul></body>'))).toBeNull();
    expect(findArticleRoot(load('<body></body>'))).toBeNull();
  });
});

describe('isPageFurniture', () => {
  it('rejects navigation, asides, captions, related lists and link lists; keeps an article header', () => {
    const doc = load(`<body><header id="site"></header><article><header id="own"><h1>T</h1></header>
      <nav id="n"></nav><figure id="f"><figcaption id="c"></figcaption></figure>
      <div id="rel" class="story-related"></div><div id="body" class="story-body"></div>
      <ul id="links"><li><a href="/a">Another story entirely</a></li></ul>
      <ul id="points"><li>A point made in the text, with <a href="/x">one link</a></li></ul></article></body>`);
    const verdict = (id: string) => isPageFurniture(doc.getElementById(id)!);
    expect(['site', 'n', 'f', 'c', 'rel', 'links'].map(verdict)).toEqual([true, true, true, true, true, true]);
    expect(['own', 'body', 'points'].map(verdict)).toEqual([false, false, false]);
  });

  it('reads class names by whole words at the start or end of a token, and spares wrappers of the story', () => {
    const doc = load(`<body><div id="anchor" class="js-social-anchor-start"></div><div id="share" class="share-bar"></div>
      <div id="ad" class="ad"></div><div id="header" class="header-ad-free"></div>
      <div id="portal" class="sidebar-layout"><h1>Headline</h1></div><div id="promo" class="promo-box"></div></body>`);
    const verdict = (id: string) => isPageFurniture(doc.getElementById(id)!);
    expect(['share', 'ad', 'promo'].map(verdict)).toEqual([true, true, true]);
    expect(['anchor', 'header', 'portal'].map(verdict)).toEqual([false, false, false]);
  });
});

describe('isProbablyArticle and articleDate', () => {
  it('tells the demo article from the non-article fixture', () => {
    expect(isProbablyArticle(load(demoHtml))).toBe(true);
    expect(isProbablyArticle(load(readFileSync('test/fixtures/demo/not-article.html', 'utf8')))).toBe(false);
  });

  it('reads the publication date from the page metadata', () => {
    expect(articleDate(load(demoHtml))).toBe('2015-09-18');
    expect(articleDate(load('<body><p>undated</p></body>'))).toBeUndefined();
  });
});
