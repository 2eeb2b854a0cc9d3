import { describe, expect, it } from 'vitest';
import { escapeHtml, html, safeHref } from './html.ts';

describe('html', () => {
  it('escapes interpolated text, in content and in attributes', () => {
    const quote = `<script>alert("x")</script> & 'more'`;
    const out = html`<blockquote title="${quote}">${quote}</blockquote>`.value;
    expect(out).not.toContain('<script>');
    expect(out).toBe(
      '<blockquote title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;</blockquote>',
    );
  });

  it('nests fragments without escaping them twice, joins lists, drops null and false', () => {
    const items = ['a<b', 'c&d'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}${null}${false}${undefined}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li></ul>');
  });

  it('lets only http(s), relative and fragment links through', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('/figures/x/page')).toBe('/figures/x/page');
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref(' JavaScript:alert(1)')).toBe('#');
    expect(safeHref('data:text/html,<b>')).toBe('#');
    expect(safeHref(null)).toBe('#');
    expect(escapeHtml(safeHref('https://x.example/?a=1&b=<2>'))).toBe('https://x.example/?a=1&amp;b=&lt;2&gt;');
  });
});
