import iconv from 'iconv-lite';

export interface DecodedFeedText {
  text: string;
  /** Lower-case name of the encoding the bytes were decoded with. */
  encoding: string;
  warnings: string[];
}

export type DecodeOutcome = { ok: true; value: DecodedFeedText } | { ok: false; message: string };

/**
 * Labels that mean "the server's default" far more often than the truth. WHATWG decodes them all as
 * windows-1252, which is a superset that keeps smart quotes in the 0x80–0x9F range readable.
 */
const LATIN1_LABELS = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp819']);

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The `charset` parameter of a Content-Type header value, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;]+))/i.exec(contentType);
  const label = match?.[1] ?? match?.[2] ?? match?.[3];
  return label ? label.trim().toLowerCase() : null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf-32be', length: 4 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** UTF-16 without a BOM still shows itself through the zero bytes around `<`. */
function sniffUtf16(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return null;
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return null;
}

function prologEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(head);
  if (match?.[1]) return match[1].toLowerCase();
  // An HTML page served in place of a feed: its meta charset only matters for the links it advertises.
  if (!/<(?:!doctype\s+)?html[\s>]/i.test(head)) return null;
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return meta?.[1] ? meta[1].toLowerCase() : null;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function decodeWith(bytes: Uint8Array, label: string): { text: string; encoding: string } | null {
  if (UTF8_LABELS.has(label)) return null; // handled by the caller, which knows about invalid sequences
  const encoding = LATIN1_LABELS.has(label) ? 'windows-1252' : label;
  if (!iconv.encodingExists(encoding)) return null;
  return { text: iconv.decode(bytes, encoding, { stripBOM: true }), encoding };
}

/**
 * Decodes feed bytes. Precedence follows what is right most often in the field: a BOM, then the
 * HTTP charset, then the XML prolog, then UTF-8 if the bytes are valid UTF-8, else windows-1252.
 * One exception: a Latin-1 HTTP charset (a common server default) loses to a UTF-8 prolog when the
 * bytes are valid, non-ASCII UTF-8, because such bytes are almost never meant as Latin-1.
 */
export function decodeFeedBytes(input: Uint8Array, contentType?: string | null): DecodeOutcome {
  const warnings: string[] = [];
  const bom = bomEncoding(input);
  if (bom) {
    const bytes = input.subarray(bom.length);
    if (bom.encoding === 'utf-8') return { ok: true, value: utf8(bytes, warnings, 'BOM') };
    return { ok: true, value: { text: iconv.decode(bytes, bom.encoding), encoding: bom.encoding, warnings } };
  }
  const utf16 = sniffUtf16(input);
  if (utf16) return { ok: true, value: { text: iconv.decode(input, utf16), encoding: utf16, warnings } };

  const http = charsetFromContentType(contentType);
  const prolog = prologEncoding(input);
  const httpKnown = http !== null && (UTF8_LABELS.has(http) || LATIN1_LABELS.has(http) || iconv.encodingExists(http));
  if (http && !httpKnown) warnings.push(`unknown HTTP charset ${http}; ignored`);
  let label = (httpKnown ? http : null) ?? prolog;
  if (httpKnown && http && prolog && http !== prolog && LATIN1_LABELS.has(http) && UTF8_LABELS.has(prolog)) {
    if (hasNonAscii(input) && tryStrictUtf8(input) !== null) {
      warnings.push(`HTTP charset ${http} contradicts the XML prolog (${prolog}); the bytes are UTF-8`);
      label = prolog;
    }
  }
  if (!label) {
    const text = tryStrictUtf8(input);
    if (text !== null) return { ok: true, value: { text, encoding: 'utf-8', warnings } };
    warnings.push('no encoding declared and the bytes are not UTF-8; decoded as windows-1252');
    return { ok: true, value: { text: iconv.decode(input, 'windows-1252'), encoding: 'windows-1252', warnings } };
  }
  if (UTF8_LABELS.has(label))
    return { ok: true, value: utf8(input, warnings, label === http ? 'HTTP charset' : 'prolog') };
  if (label.startsWith('utf-16') || label === 'utf16' || label === 'ucs-2') {
    // Declared UTF-16 but no BOM and no zero bytes: the declaration is wrong (the bytes are 8-bit).
    warnings.push(`declared ${label} but the bytes are not UTF-16`);
    return { ok: true, value: utf8(input, warnings, 'fallback') };
  }
  const decoded = decodeWith(input, label);
  if (decoded) return { ok: true, value: { ...decoded, warnings } };
  const asUtf8 = tryStrictUtf8(input);
  if (asUtf8 !== null) {
    warnings.push(`unknown encoding ${label}; the bytes are valid UTF-8`);
    return { ok: true, value: { text: asUtf8, encoding: 'utf-8', warnings } };
  }
  return { ok: false, message: `unsupported encoding "${label}" and the bytes are not UTF-8` };
}

function utf8(bytes: Uint8Array, warnings: string[], source: string): DecodedFeedText {
  const text = tryStrictUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', warnings };
  warnings.push(`UTF-8 (from ${source}) with invalid byte sequences; replaced with U+FFFD`);
  return { text: lenientUtf8.decode(bytes), encoding: 'utf-8', warnings };
}

// C0 controls other than tab, LF and CR, plus the two non-characters XML forbids.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Removes characters XML 1.0 forbids; returns the cleaned text and how many were removed. */
export function stripInvalidXmlChars(text: string): { text: string; removed: number } {
  INVALID_XML_CHARS.lastIndex = 0;
  if (!INVALID_XML_CHARS.test(text)) return { text, removed: 0 };
  let removed = 0;
  const cleaned = text.replace(INVALID_XML_CHARS, () => {
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}
