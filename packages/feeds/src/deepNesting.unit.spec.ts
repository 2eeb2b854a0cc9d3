import { describe, expect, it } from 'vitest';
import { parseFeed } from './parseFeed.ts';
import { innerMarkup, textOf } from './xmlMarkup.ts';
import { MAX_DEPTH, type XmlElement } from './xmlTree.ts';

/** A chain of `depth` nested elements with one text leaf, built by hand (no depth limit applies). */
function chain(depth: number): XmlElement {
  const root: XmlElement = {
    qname: 'div',
    local: 'div',
    ns: '',
    attrs: {},
    children: [],
    base: null,
    closed: true,
    parent: null,
    scope: {},
  };
  let el = root;
  for (let i = 0; i < depth; i++) {
    const child: XmlElement = { ...el, qname: 'b', local: 'b', children: [], parent: el };
    el.children.push(child);
    el = child;
  }
  el.children.push('leaf');
  return root;
}

describe('walking a deeply nested tree', () => {
  it('reads the text and the markup of 100,000 nested elements without running out of stack', () => {
    const root = chain(100_000);
    expect(textOf(root)).toBe('leaf');
    const markup = innerMarkup(root);
    expect(markup.startsWith('<b><b>')).toBe(true);
    expect(markup.endsWith('</b></b>')).toBe(true);
    expect(markup.length).toBe(100_000 * '<b></b>'.length + 'leaf'.length);
  });
});

describe('parseFeed on deeply nested items', () => {
  const rss = (item: string): string =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Nested</title><item><title>Fine</title></item>${item}</channel></rss>`;

  it('refuses 3,000 nested elements in a 9 KB item as malformed instead of throwing', () => {
    const item = `<item><title>Deep</title><description>${'<i>'.repeat(3000)}x${'</i>'.repeat(3000)}</description></item>`;
    const doc = rss(item);
    expect(doc.length).toBeLessThan(25_000);
    const result = parseFeed(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('malformed');
      expect(result.error.message).toContain(String(MAX_DEPTH));
    }
  });

  it('refuses unclosed nesting past the limit in a title too', () => {
    const result = parseFeed(rss(`<item><title>${'<b>'.repeat(3000)}x</title></item>`));
    expect(result).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });

  it('still reads nesting a little under the limit, markup and text intact', () => {
    const depth = MAX_DEPTH - 10;
    const result = parseFeed(
      rss(
        `<item><title>Deep but allowed</title><description>${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}</description></item>`,
      ),
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.items[1]!.title).toBe('Deep but allowed');
      expect(result.items[1]!.summary).toBe(`${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}`);
    }
  });
});
