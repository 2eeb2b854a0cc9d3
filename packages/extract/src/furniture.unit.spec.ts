import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isFurnitureElement, removeFurniture } from './furniture.ts';

function element(html: string): Element {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  return document.body.firstElementChild as unknown as Element;
}

const PARAGRAPHS = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i} of the article tells what the council decided about the bus routes, the libraries and the repairs.</p>`,
).join('');

describe('isFurnitureElement', () => {
  it('reads furniture words in class names and short ids', () => {
    expect(isFurnitureElement(element('<div class="share-bar">x</div>'))).toBe(true);
    expect(isFurnitureElement(element('<div id="comments">x</div>'))).toBe(true);
    expect(isFurnitureElement(element('<section class="c-newsletter c-newsletter--promo">x</section>'))).toBe(true);
  });

  it('ignores an id made from text (a heading anchor or a footnote id)', () => {
    expect(isFurnitureElement(element('<div class="section" id="sharing-with-a-single-developer">x</div>'))).toBe(
      false,
    );
    expect(isFurnitureElement(element('<li id="cite_note-The_Economist_print_edition-331">x</li>'))).toBe(false);
  });

  it('ignores a furniture word qualified by the word before it (no_caption, content-with-sidebar)', () => {
    expect(isFurnitureElement(element('<div class="list_item list_item_image no_caption">x</div>'))).toBe(false);
    expect(isFurnitureElement(element('<div id="contentWithSidebar">x</div>'))).toBe(false);
    expect(isFurnitureElement(element('<div class="has-sidebar layout">x</div>'))).toBe(false);
  });

  it('reads furniture words glued to a prefix or suffix, unless a qualifier is glued before them', () => {
    expect(isFurnitureElement(element('<div id="fbcommentsmodule">x</div>'))).toBe(true);
    expect(isFurnitureElement(element('<footer class="mastfooter">x</footer>'))).toBe(true);
    expect(isFurnitureElement(element('<div class="rightsidebar">x</div>'))).toBe(true);
    expect(isFurnitureElement(element('<div class="contentwithsidebar">x</div>'))).toBe(false);
    expect(isFurnitureElement(element('<div class="page-no-comments">x</div>'))).toBe(false);
    // `share` names nothing inside a longer word: "shared", "sharedaddy" are left to other rules.
    expect(isFurnitureElement(element('<div class="section" id="shared-history">x</div>'))).toBe(false);
  });

  it('takes a navigation name only with a link or a button in it', () => {
    expect(isFurnitureElement(element('<span class="MathJax CtxtMenu_Attached_0">x = 1</span>'))).toBe(false);
    expect(isFurnitureElement(element('<div class="menu"><a href="/a">Home</a></div>'))).toBe(true);
  });
});

describe('removeFurniture', () => {
  it('never cuts a phrase out of a sentence, whatever its class says', () => {
    const { document } = parseHTML(
      `<html><body><article><h1>Title</h1>${PARAGRAPHS}<p>He said <a class="popup" href="/n">I seldom lose my temper</a> and left.</p><div class="share">Share</div></article></body></html>`,
    );
    removeFurniture(document as unknown as Document, { furnitureClass: true, furnitureTag: true });
    expect(document.body.textContent).toContain('He said I seldom lose my temper and left.');
    expect(document.body.textContent).not.toContain('Share');
  });
});

describe('overlays', () => {
  const overlaid = (box: string): string => {
    const { document } = parseHTML(
      `<html><body><article><h1>Title</h1>${PARAGRAPHS}${box}</article><div class="end">${box}</div></body></html>`,
    );
    removeFurniture(document as unknown as Document, { furnitureClass: true, furnitureTag: true, overlay: true });
    return document.body.textContent ?? '';
  };

  it('removes a box whose own children include a control that closes it', () => {
    expect(
      overlaid('<div class="box"><button class="box__x" aria-label="Close">×</button><p>Like us to see more</p></div>'),
    ).not.toContain('Like us');
    expect(
      overlaid('<div id="homepagedialog"><span class="closebutton">Close</span><h2>Make us your homepage</h2></div>'),
    ).not.toContain('homepage');
    expect(overlaid('<div class="x"><button>×</button><p>Get the morning briefing</p></div>')).not.toContain(
      'briefing',
    );
  });

  it('keeps a box whose button does something else, or only states that something is closed', () => {
    expect(overlaid('<div class="poll"><button>Vote</button><p>Which route do you take?</p></div>')).toContain(
      'Which route',
    );
    expect(
      overlaid('<div class="notice"><span class="is-closed">Closed</span><p>The bridge reopens in May.</p></div>'),
    ).toContain('reopens');
  });

  it('keeps paragraphs of the article even under a close button (a "read more" expander)', () => {
    const text = overlaid(`<div class="more"><button class="close">Show less</button>${PARAGRAPHS}</div>`);
    expect(text).toContain('Paragraph 5 of the article');
  });
});
