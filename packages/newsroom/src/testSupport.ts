import { request } from 'node:http';

/*
 * Helpers for this package's tests: a crude HTML-to-text, a well-formedness check for feeds (the
 * real feed parser lives elsewhere and is not a dependency here), and a raw HTTP client that shows
 * bytes and headers exactly as sent.
 */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Visible text of a page, one line per text node: scripts, styles and comments dropped. */
export function pageText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|svg|textarea)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, '\n'),
  )
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * Throws unless `xml` is well-formed enough for any XML parser: one root, balanced and properly
 * nested elements, quoted attributes, known entity references. Returns the root element's name.
 */
export function checkWellFormedXml(xml: string): string {
  const stack: string[] = [];
  let root: string | null = null;
  let i = 0;
  const text = xml.replace(/^\uFEFF/, '');
  const checkText = (chunk: string) => {
    for (const m of chunk.matchAll(/&([^;\s]*);?/g)) {
      if (!/^(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos)$/.test(m[1] ?? '') || !m[0].endsWith(';')) {
        throw new Error(`bad entity reference ${m[0]}`);
      }
    }
    if (chunk.includes('<')) throw new Error('stray <');
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      checkText(text.slice(i));
      break;
    }
    checkText(text.slice(i, lt));
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end < 0) throw new Error('unterminated CDATA');
      i = end + 3;
      continue;
    }
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 3;
      continue;
    }
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt);
      if (end < 0) throw new Error('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    const gt = text.indexOf('>', lt);
    if (gt < 0) throw new Error('unterminated tag');
    const tag = text.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else {
      const selfClosing = tag.endsWith('/');
      const m = /^([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*\/?$/.exec(tag);
      if (!m) throw new Error(`malformed tag <${tag}>`);
      const name = m[1]!;
      checkText((m[2] ?? '').replace(/\s+[\w.:-]+\s*=\s*["']/g, ' ').replace(/["']/g, ' '));
      if (root === null) root = name;
      else if (stack.length === 0) throw new Error(`second root element <${name}>`);
      if (!selfClosing) stack.push(name);
    }
    i = gt + 1;
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (!root) throw new Error('no root element');
  return root;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request without any client-side decoding. */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('request timed out')));
    req.end();
  });
}

/** Items of an RSS or Atom document, by a regular expression over well-formed XML. */
export function feedItems(xml: string): string[] {
  return [...xml.matchAll(/<(item|entry)>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!);
}

export function itemLink(item: string): string | null {
  const rss = /<link>([^<]*)<\/link>/.exec(item);
  if (rss) return decodeEntities(rss[1]!);
  const atom = /<link rel="alternate"[^>]*href="([^"]*)"/.exec(item);
  return atom ? decodeEntities(atom[1]!) : null;
}
