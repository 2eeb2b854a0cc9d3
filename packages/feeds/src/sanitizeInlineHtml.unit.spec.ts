import { describe, expect, it } from 'vitest';
import { sanitizeInlineHtml } from './sanitizeInlineHtml.ts';

describe('sanitizeInlineHtml', () => {
  it.each([
    ['keeps inline markup', 'Low <b>tide</b> at <i>noon</i>', 'Low <b>tide</b> at <i>noon</i>'],
    ['drops scripts and styles with their content', 'A<script>steal()</script><style>b{}</style>B', 'AB'],
    ['drops event handlers and unknown attributes', '<b onclick="x()" class="c">x</b>', '<b>x</b>'],
    [
      'drops javascript: links, keeps http ones',
      '<a href="javascript:x()">a</a><a href="http://e.org/">b</a>',
      '<a>a</a><a href="http://e.org/">b</a>',
    ],
    ['sees through control characters in a scheme', '<a href="java&#9;script:x()">a</a>', '<a>a</a>'],
    [
      'keeps harmless structure, drops forms and frames',
      '<p>one</p><form><input>x</form><iframe src="http://e.org">y</iframe>',
      '<p>one</p>x',
    ],
    ['closes what was left open and drops stray end tags', 'x</em><b>bold <i>both', 'x<b>bold <i>both</i></b>'],
    [
      'keeps references as written and escapes what is bare',
      'Fish &amp; chips &#38; AT&T &lt;3 &eacute; 1 > 0',
      'Fish &amp; chips &#38; AT&amp;T &lt;3 &eacute; 1 &gt; 0',
    ],
    ['keeps references in attribute values', '<abbr title="Q&#x26;A">QA</abbr>', '<abbr title="Q&#x26;A">QA</abbr>'],
    [
      'keeps image sources that are safe',
      '<img src="http://e.org/i.png" onerror="x()" alt="i">',
      '<img src="http://e.org/i.png" alt="i">',
    ],
  ])('%s', (_, html, expected) => {
    expect(sanitizeInlineHtml(html)).toBe(expected);
  });
});
