import iconv from 'iconv-lite';
import { ExtractError } from './ExtractError.ts';

/** The decoded page and the charset it was decoded with (a lower-case WHATWG-style name). */
export interface DecodedHtml {
  html: string;
  charset: string;
}

/**
 * Labels that mean "the server's default" far more often than the truth. WHATWG decodes them all as
 * windows-1252, a superset that keeps curly quotes in the 0x80–0x9F range readable.
 */
const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp819']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'x-unicode20utf8']);
/** A page cannot declare UTF-16 in its own ASCII-compatible bytes; WHATWG treats such a meta as UTF-8. */
const UTF16_LABELS = new Set(['utf-16', 'utf-16le', 'utf-16be', 'unicode', 'ucs-2']);
const CYRILLIC_ALIASES: Record<string, string> = {
  cp1251: 'windows-1251',
  'x-cp1251': 'windows-1251',
  'win-1251': 'windows-1251',
  koi8r: 'koi8-r',
  'koi8-ru': 'koi8-u',
  koi8u: 'koi8-u',
};

/** MIME types that are certainly not a page, whatever the bytes look like. */
const BINARY_MIME =
  /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|msword|vnd\.|octet-stream$|x-shockwave|postscript|wasm)/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The charset parameter of a Content-Type value, lower-cased, or null. */
function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;]+))/i.exec(contentType);
  const label = match?.[1] ?? match?.[2] ?? match?.[3];
  return label ? label.trim().toLowerCase() : null;
}

function bom(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  // UTF-16 without a mark still shows itself through the zero bytes around `<`.
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
    return { charset: 'utf-16le', length: 0 };
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0)
    return { charset: 'utf-16be', length: 0 };
  return null;
}

/**
 * The charset a `<meta charset>` or `<meta http-equiv="Content-Type">` declares, looked for in the
 * head (up to `</head>` or the first 64 KB: pages with large inline scripts push the meta past the
 * 1,024 bytes the HTML standard's prescan reads).
 */
function metaCharset(bytes: Uint8Array): string | null {
  const prefix = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 65_536)).toString('latin1');
  const headEnd = prefix.search(/<\/head\s*>|<body[\s>]/i);
  const head = (headEnd >= 0 ? prefix.slice(0, headEnd) : prefix).replace(/<!--[\s\S]*?-->/g, '');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return meta?.[1] ? meta[1].toLowerCase() : null;
}

/** Maps a declared label to the name we decode with, or null when no decoder knows it. */
function canonicalCharset(label: string): string | null {
  const lower = label.trim().toLowerCase();
  if (UTF8_LABELS.has(lower)) return 'utf-8';
  if (LATIN1_LABELS.has(lower)) return 'windows-1252';
  const alias = CYRILLIC_ALIASES[lower] ?? lower;
  if (/^(windows|cp)-?125\d$/.test(alias)) return `windows-${alias.slice(-4)}`;
  if (/^iso[-_]?8859[-_]?\d{1,2}$/.test(alias)) return `iso-8859-${alias.replace(/^iso[-_]?8859[-_]?/, '')}`;
  return iconv.encodingExists(alias) ? alias : null;
}

/**
 * Guesses the charset of undeclared, non-UTF-8 bytes. Cyrillic text in a single-byte charset is
 * mostly high bytes; Latin-script text (French, German, Polish...) is mostly ASCII letters with a
 * few accented ones. Lower-case Cyrillic letters, the most frequent, sit in 0xE0–0xFF in
 * windows-1251 and in 0xC0–0xDF in KOI8-R.
 */
function guessSingleByte(bytes: Uint8Array): string {
  let ascii = 0;
  let high = 0;
  let c0 = 0;
  let e0 = 0;
  const end = Math.min(bytes.length, 262_144);
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
    else if (b >= 0xc0) {
      high++;
      if (b < 0xe0) c0++;
      else e0++;
    }
  }
  // Markup is ASCII; only a page whose letters are largely high bytes is Cyrillic.
  if (high > 0 && high / (high + ascii) > 0.15) return c0 > e0 ? 'koi8-r' : 'windows-1251';
  return 'windows-1252';
}

function decodeAs(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return lenientUtf8.decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
function strictUtf8Text(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Whether the text holds at least `least` characters outside ASCII. */
function multiByteCharacters(text: string, least: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f && ++count >= least) return true;
  return false;
}

/**
 * Characters no page text contains: replacement characters (bytes invalid in the charset) and C0/C1
 * control characters (what compressed or binary bytes become in a single-byte charset).
 */
function garbageCount(text: string): number {
  let count = 0;
  const end = Math.min(text.length, 262_144);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x80 && c < 0xa0)) {
      count++;
    }
  }
  return count;
}

function isGarbage(text: string): boolean {
  const count = garbageCount(text);
  return count > 16 && count > Math.min(text.length, 262_144) / 200;
}

/** Magic numbers of formats servers send in place of a page. */
function looksBinary(bytes: Uint8Array): string | null {
  const ascii = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 16)).toString('latin1');
  if (ascii.startsWith('%PDF-')) return 'a PDF document';
  if (ascii.startsWith('\x89PNG')) return 'a PNG image';
  if (ascii.startsWith('GIF8')) return 'a GIF image';
  if (ascii.startsWith('\xff\xd8\xff')) return 'a JPEG image';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'a WebP image';
  if (ascii.startsWith('PK\x03\x04')) return 'a ZIP archive (or an office document)';
  if (ascii.startsWith('\x1f\x8b')) return 'gzip-compressed bytes';
  if (ascii.slice(4, 8) === 'ftyp') return 'an MP4 video';
  if (ascii.startsWith('ID3')) return 'an MP3 file';
  // Text has no NUL bytes; UTF-16 (which has many) was ruled out by the caller through its BOM.
  const end = Math.min(bytes.length, 1024);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return 'binary data';
  return null;
}

/**
 * Decodes the bytes of an HTML page. The charset comes from, in order: a byte-order mark (the bytes
 * themselves speak; browsers put it first too), the HTTP Content-Type charset, the page's
 * `<meta charset>` or `http-equiv` declaration, and finally a guess (UTF-8 when the bytes are valid
 * UTF-8, else windows-1251, KOI8-R or windows-1252 by their letter statistics).
 *
 * A declared UTF-8 that the bytes are not (a server default in front of a windows-1251 page) yields
 * to the next source that decodes cleanly; bytes that are valid UTF-8 with at least 8 non-ASCII
 * characters are UTF-8 whatever is declared (legacy text is practically never valid UTF-8). Unknown
 * labels are skipped.
 *
 * @throws ExtractError `not-html` for binary content (by MIME type or magic number), `bad-encoding`
 * when no charset decodes the bytes without widespread replacement characters.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (mime && BINARY_MIME.test(mime) && !(mime === 'application/octet-stream' && !looksBinary(bytes))) {
    throw new ExtractError('not-html', `content type ${mime} is not a page`);
  }
  const mark = bom(bytes);
  if (!mark) {
    const binary = looksBinary(bytes);
    if (binary) throw new ExtractError('not-html', `the body is ${binary}, not a page`);
  }
  if (mark) {
    const body = bytes.subarray(mark.length);
    const html =
      mark.charset === 'utf-8'
        ? lenientUtf8.decode(body)
        : new TextDecoder(mark.charset, { ignoreBOM: true }).decode(body);
    return checked(html, mark.charset, []);
  }

  const declared: string[] = [];
  const header = charsetFromContentType(contentType);
  if (header) declared.push(header);
  const meta = metaCharset(bytes);
  if (meta) declared.push(UTF16_LABELS.has(meta) ? 'utf-8' : meta);

  // Valid UTF-8 is decoded once and needs no garbage check: binary bytes are never valid UTF-8.
  const utf8Text = strictUtf8Text(bytes);
  // Text in a legacy charset is almost never valid UTF-8 once it holds a few non-ASCII letters
  // (a lead byte must be followed by the right number of continuation bytes every time), so valid
  // UTF-8 with several multi-byte characters is UTF-8 whatever a declaration says: a page re-saved or
  // re-served as UTF-8 often keeps its old `<meta charset=gb2312>` or `windows-1251`.
  if (utf8Text !== null && multiByteCharacters(utf8Text, 8)) return { html: utf8Text, charset: 'utf-8' };
  for (const label of declared) {
    const charset = canonicalCharset(label);
    if (!charset) continue;
    if (charset === 'utf-8') {
      // A UTF-8 declaration the bytes contradict is usually a server default; let the next source speak.
      if (utf8Text === null) continue;
      return { html: utf8Text, charset };
    }
    const html = decodeAs(bytes, charset);
    if (!isGarbage(html)) return { html, charset };
  }
  if (utf8Text !== null) return { html: utf8Text, charset: 'utf-8' };

  // Nothing declared that fits: mostly-UTF-8 bytes with a few broken sequences (a truncated
  // multi-byte character, a pasted byte) stay UTF-8; anything else is a single-byte charset.
  const asUtf8 = lenientUtf8.decode(bytes);
  if (garbageCount(asUtf8) <= Math.max(8, asUtf8.length / 2000)) return { html: asUtf8, charset: 'utf-8' };
  const guess = guessSingleByte(bytes);
  return checked(decodeAs(bytes, guess), guess, declared);
}

function checked(html: string, charset: string, declared: string[]): DecodedHtml {
  if (isGarbage(html)) {
    const claimed = declared.length > 0 ? ` (declared: ${declared.join(', ')})` : '';
    throw new ExtractError('bad-encoding', `the bytes do not decode as text in ${charset}${claimed}`);
  }
  return { html, charset };
}
