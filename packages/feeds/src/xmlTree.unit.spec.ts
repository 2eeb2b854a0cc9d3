import { describe, expect, it } from 'vitest';
import { decodeEntities } from './entities.ts';
import { textOf } from './xmlMarkup.ts';
import { buildXmlTree } from './xmlTree.ts';

describe('decodeEntities', () => {
  it('decodes XML, HTML and numeric references and keeps unknown ones', () => {
    expect(decodeEntities('&lt;&amp;&gt; &eacute; &#x263A; &#65; &#150; &unknown;')).toBe('<&> é ☺ A – &unknown;');
  });
});

describe('buildXmlTree', () => {
  it('resolves namespaces to short keys, with or without declarations', () => {
    const { roots } = buildXmlTree(
      '<r xmlns:x="http://purl.org/dc/elements/1.1/"><x:creator>A</x:creator><dc:date>B</dc:date><y:z>C</y:z></r>',
      null,
    );
    const kids = roots[0]!.children.filter((c) => typeof c !== 'string');
    expect(kids.map((k) => (typeof k === 'string' ? k : `${k.ns}|${k.local}`))).toEqual([
      'dc|creator',
      'dc|date',
      'y|z',
    ]);
  });

  it('marks elements cut off by the end of input as not closed', () => {
    const closed: [string, boolean][] = [];
    const { truncated } = buildXmlTree('<a><b>x</b><c>y', null, {
      onClose(el) {
        closed.push([el.local, el.closed]);
        return false;
      },
    });
    expect(truncated).toBe(true);
    expect(closed).toEqual([
      ['b', true],
      ['c', false],
      ['a', false],
    ]);
  });

  it('keeps CDATA verbatim', () => {
    const { roots } = buildXmlTree('<a><![CDATA[<b>&amp;</b>]]></a>', null);
    expect(textOf(roots[0]!)).toBe('<b>&amp;</b>');
  });
});
