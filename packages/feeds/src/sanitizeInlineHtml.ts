import { decodeEntities } from './entities.ts';

/**
 * A sanitised HTML form of a short text construct (a title), kept beside its plain text: harmless
 * markup survives (`<b>`, `<i>`, `<code>`, `<sub>`, links, paragraphs, lists, …), other elements
 * are reduced to their text, and scripts, styles, forms and embedded documents disappear with their
 * content. Attributes
 * are limited to a few harmless ones; `href`/`src` keep only http(s), mailto and relative URLs. The
 * output is always balanced: unclosed tags are closed, stray end tags dropped.
 *
 * A dedicated reader rather than a general sanitiser package: titles need a few dozen elements and
 * no CSS, and this runs only on titles that carry markup.
 */

const ALLOWED = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);
/** Structure a publisher may wrap a title in; kept as written, as feed readers show it. */
const BLOCK = [
  'p',
  'div',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'center',
  'font',
];
for (const name of BLOCK) ALLOWED.add(name);
const VOID = new Set(['br', 'img', 'wbr', 'hr']);
/** Elements whose content is not text for a reader: dropped whole. */
const OPAQUE =
  /<(script|style|iframe|object|embed|noscript|template|svg|math|textarea|select)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'title', 'hreflang', 'lang', 'dir'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  abbr: ['title'],
  acronym: ['title'],
  q: ['cite', 'lang'],
  del: ['datetime'],
  ins: ['datetime'],
  time: ['datetime'],
};
const COMMON = ['lang', 'dir', 'title'];
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const SAFE_URL = /^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])/i;

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>/g;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function attributesOf(tag: string, raw: string): string {
  const allowed = ATTRIBUTES[tag] ?? COMMON;
  let out = '';
  const seen = new Set<string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(raw); m !== null; m = ATTRIBUTE.exec(raw)) {
    const name = m[1]!.toLowerCase();
    if (!allowed.includes(name) || seen.has(name)) continue;
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '').trim();
    // Control characters and spaces inside a scheme (`java\tscript:`) are how filters get fooled.
    if (URL_ATTRIBUTES.has(name) && !SAFE_URL.test(value.replace(/[\u0000-\u0020]/g, ''))) continue;
    seen.add(name);
    out += ` ${name}="${escapeText(m[2] ?? m[3] ?? m[4] ?? '').replace(/"/g, '&quot;')}"`;
  }
  return out;
}

const BARE_AMPERSAND = /&(?!#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)/g;

/**
 * Text as HTML: character and entity references stay as the publisher wrote them (`&#38;` is
 * already safe), a bare `&` and every `<` and `>` are escaped.
 */
function escapeText(raw: string): string {
  return raw.replace(BARE_AMPERSAND, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function sanitizeInlineHtml(html: string): string {
  const source = html.replace(OPAQUE, '');
  const open: string[] = [];
  let out = '';
  let last = 0;
  const text = (raw: string): void => {
    if (raw.length > 0) out += escapeText(raw);
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(source); m !== null; m = TOKEN.exec(source)) {
    text(source.slice(last, m.index));
    last = TOKEN.lastIndex;
    const whole = m[0];
    if (whole.startsWith('<![CDATA[')) {
      out += escapeText(
        whole
          .slice(9)
          .replace(/\]\]>$/, '')
          .replace(/&/g, '&amp;'),
      );
      continue;
    }
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue; // comment, doctype, processing instruction
    const closing = m[1] === '/';
    if (VOID.has(name)) {
      if (!closing) out += `<${name}${attributesOf(name, m[3] ?? '')}>`;
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    if (!closing) {
      out += `<${name}${attributesOf(name, m[3] ?? '')}>`;
      open.push(name);
      continue;
    }
    const at = open.lastIndexOf(name);
    if (at === -1) continue;
    while (open.length > at) out += `</${open.pop()}>`;
  }
  text(source.slice(last));
  while (open.length > 0) out += `</${open.pop()}>`;
  return out;
}
