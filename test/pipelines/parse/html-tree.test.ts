import { describe, expect, it } from 'vitest';
import { closest, contains, elementsUnder, nextElements, parseHtmlTree, previousElements, removeNode, textOf } from '../../../pipelines/parse/html-tree.ts';
import { readDocument } from '../../../pipelines/parse/read-document.ts';

const fetchedAt = new Date('2024-06-01T10:00:00Z');

describe('parseHtmlTree', () => {
  it('keeps the page’s own <body>', () => {
    const tree = parseHtmlTree('<!DOCTYPE html><html><head><title>T</title></head><body class="b"><p>Satz eins.</p></body></html>');
    expect(tree.body.attribs['class']).toBe('b');
    expect(textOf(tree.body)).toBe('Satz eins.');
  });

  it('gives a page without <body> one, after its head content, as browsers do', () => {
    const tree = parseHtmlTree('<title>Meldung</title><meta charset="utf-8"><h1>Kopf</h1><p>Erster Absatz.</p><p>Zweiter Absatz.</p>');
    expect(tree.body.children.map((n) => ('name' in n ? n.name : n.type))).toEqual(['h1', 'p', 'p']);
    expect(tree.document.children.map((n) => ('name' in n ? n.name : n.type))).toEqual(['title', 'meta', 'body']);
    const h1 = elementsUnder(tree.document, (el) => el.name === 'h1')[0]!;
    expect(h1.parent).toBe(tree.body);
    expect(nextElements(h1, 5).map((el) => textOf(el))).toEqual(['Erster Absatz.', 'Zweiter Absatz.']);
    expect(previousElements(h1, 5)).toEqual([]);
  });

  it('puts the body inside <html> when only <html> is written', () => {
    const tree = parseHtmlTree('<html lang="de"><head><title>x</title></head><div><p>Text</p></div></html>');
    expect(tree.body.parent && 'name' in tree.body.parent ? tree.body.parent.name : null).toBe('html');
    expect(textOf(tree.body)).toBe('Text');
  });

  it('walks, finds ancestors and removes nodes', () => {
    const tree = parseHtmlTree('<body><article><div class="x"><p id="p">Hallo <b>Welt</b></p></div></article><p>Rest</p></body>');
    const p = elementsUnder(tree.body, (el) => el.attribs['id'] === 'p')[0]!;
    const article = closest(p, (el) => el.name === 'article')!;
    expect(article.name).toBe('article');
    expect(contains(article, p)).toBe(true);
    expect(contains(p, article)).toBe(false);
    expect(textOf(p)).toBe('Hallo Welt');
    removeNode(article);
    expect(textOf(tree.body)).toBe('Rest');
    removeNode(article); // taken out twice: nothing happens
    expect(textOf(tree.body)).toBe('Rest');
  });

  it('decodes entities in text and attributes', () => {
    const tree = parseHtmlTree('<body><p title="K&ouml;ln">Gr&uuml;&szlig;e &amp; mehr&nbsp;hier</p></body>');
    const p = elementsUnder(tree.body)[0]!;
    expect(p.attribs['title']).toBe('Köln');
    expect(textOf(p)).toBe('Grüße & mehr\u00a0hier');
  });
});

describe('readDocument on one tree', () => {
  it('reads title, date line beside the heading and main text of a page without <body>', async () => {
    const html = '<title>Allianz wächst | Stadt Musterstadt</title><h1>Allianz wächst</h1><p class="datum">14.05.2018</p><p>Die Stadt Musterstadt ist der Allianz beigetreten, das hat der Rat einstimmig beschlossen.</p>';
    const doc = await readDocument({ body: new TextEncoder().encode(html), url: 'https://www.musterstadt.example/presse/a.html', contentType: 'text/html', fetchedAt });
    expect(doc.title).toBe('Allianz wächst');
    expect(doc.published).toBe('2018-05-14');
    expect(doc.text).toContain('Die Stadt Musterstadt ist der Allianz beigetreten');
  });

  it('reads metadata before the main-text rules remove chrome from the same tree', async () => {
    // The link and the dated teaser sit in chrome the rules remove; the links are still read, the teaser's date never counts.
    const html = `<html lang="de-DE"><head><meta property="og:title" content="Partnerschaft besiegelt"></head><body>
      <nav><a href="/rathaus/">Rathaus</a></nav>
      <main><article><h1>Partnerschaft besiegelt</h1><p>Die Städte Musterstadt und Jiangmen haben am Dienstag im Rathaus eine Vereinbarung über eine engere Zusammenarbeit unterzeichnet.</p></article></main>
      <aside class="teaser"><span class="date">01.02.2019</span><a href="/alt/">Ältere Meldung</a></aside></body></html>`;
    const doc = await readDocument({ body: new TextEncoder().encode(html), url: 'https://www.musterstadt.example/presse/b.html', contentType: 'text/html', fetchedAt });
    expect(doc.title).toBe('Partnerschaft besiegelt');
    expect(doc.language).toBe('de');
    expect(doc.links).toEqual(['https://www.musterstadt.example/rathaus/', 'https://www.musterstadt.example/alt/']);
    expect(doc.text).not.toContain('Rathaus\n');
    expect(doc.text).not.toContain('Ältere Meldung');
    expect(doc.published).toBeNull();
  });
});
