import { namedEntities } from './namedEntities.ts';

/**
 * Character and entity references. Decoded: numeric references, the XML five, the HTML 4 names, and
 * general entities a document declares in its internal DTD subset with a literal value. Never
 * expanded: entities declared with SYSTEM/PUBLIC (nothing is ever fetched), parameter entities, and
 * entities whose value refers to other entities, which is how "billion laughs" multiplies itself;
 * what is expanded is also capped in total size.
 */

const ENTITY = /&(#[0-9]{1,10}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});/g;

/** Entities a document declared with literal values, and how many characters they may still add. */
export interface DeclaredEntities {
  values: Map<string, string>;
  budget: number;
}

/** At most this many characters are added by declared entities in one document. */
const EXPANSION_BUDGET = 1_000_000;
const MAX_DECLARED = 200;
const MAX_VALUE_LENGTH = 10_000;
const DECLARATION = /<!ENTITY\s+(%\s+)?([A-Za-z_][\w.-]{0,31})\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/g;
const REFERS_TO_ENTITY = /&[A-Za-z_]/;

export interface DeclaredEntitiesResult {
  entities: DeclaredEntities;
  /** How many declarations were left unexpanded (external, parameter, or referring to others). */
  refused: number;
}

/** The general entities of a DOCTYPE's internal subset that are safe to expand (see the file comment). */
export function readDeclaredEntities(subset: string): DeclaredEntitiesResult {
  const values = new Map<string, string>();
  let refused = 0;
  DECLARATION.lastIndex = 0;
  for (let m = DECLARATION.exec(subset); m !== null; m = DECLARATION.exec(subset)) {
    const raw = m[3] ?? m[4];
    const name = m[2]!;
    if (m[1] !== undefined || raw === undefined || values.size >= MAX_DECLARED || raw.length > MAX_VALUE_LENGTH) {
      refused++;
      continue;
    }
    // Only predefined, HTML and character references may appear in a value that is expanded.
    const decoded = decodeEntities(raw);
    if (REFERS_TO_ENTITY.test(decoded.replace(/&(?:amp|lt|gt|quot|apos);/g, ''))) {
      refused++;
      continue;
    }
    // The first declaration of a name binds (XML 1.0, 4.2); predefined names cannot be redefined.
    if (!values.has(name) && !namedEntities.has(name)) values.set(name, decoded);
  }
  return { entities: { values, budget: EXPANSION_BUDGET }, refused };
}

/**
 * Decodes character references, the predeclared/HTML named entities and the document's `declared`
 * ones. Unknown names are kept verbatim (and listed in `unknown`).
 */
export function decodeEntities(text: string, unknown?: Set<string>, declared?: DeclaredEntities): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code =
        ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88 ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      if (code === 9 || code === 10 || code === 13) return String.fromCharCode(code);
      // A reference to no character at all (a surrogate, beyond U+10FFFF) reads as U+FFFD, as browsers
      // show it; references to characters XML forbids (C0 controls, U+FFFE/U+FFFF) are dropped.
      if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff || Number.isNaN(code)) return '\ufffd';
      if (code < 0x20 || code === 0xfffe || code === 0xffff) return '';
      // Windows-1252 code points written as references (&#150;) are what the author meant.
      if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252_C1[code - 0x80] ?? '';
      return String.fromCodePoint(code);
    }
    const named = namedEntities.get(ref);
    if (named !== undefined) return named;
    const value = declared?.values.get(ref);
    if (value !== undefined && declared!.budget >= value.length) {
      declared!.budget -= value.length;
      return value;
    }
    if (unknown && unknown.size < 20) unknown.add(ref);
    return whole;
  });
}

const WINDOWS_1252_C1 = [
  '€',
  '',
  '‚',
  'ƒ',
  '„',
  '…',
  '†',
  '‡',
  'ˆ',
  '‰',
  'Š',
  '‹',
  'Œ',
  '',
  'Ž',
  '',
  '',
  '\u2018',
  '\u2019',
  '“',
  '”',
  '•',
  '–',
  '—',
  '˜',
  '™',
  'š',
  '›',
  'œ',
  '',
  'ž',
  'Ÿ',
];

const C1_REFERENCE = /&#(?:(1[2-5][0-9])|[xX]0*([89][0-9a-fA-F]));/g;

/**
 * Character references to the C1 range (`&#146;`) left in an HTML fragment, written as the
 * windows-1252 characters their authors meant (`&#146;` is ’), as browsers read them.
 */
export function fixC1References(html: string): string {
  if (html.indexOf('&#') === -1) return html;
  return html.replace(C1_REFERENCE, (whole, decimal: string | undefined, hex: string | undefined) => {
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    if (code < 0x80 || code > 0x9f) return whole;
    const char = WINDOWS_1252_C1[code - 0x80];
    return char ? char : whole;
  });
}

const C1_CHARACTER = /[\u0080-\u009f]/g;

/**
 * C1 control characters in decoded text (U+0080–U+009F) are windows-1252 punctuation that went
 * through a Latin-1 conversion somewhere upstream (`don\u0092t`); no feed means the control
 * characters themselves. They are read as the characters they were, with a count for a warning.
 */
export function replaceC1Characters(text: string): { text: string; replaced: number } {
  C1_CHARACTER.lastIndex = 0;
  if (!C1_CHARACTER.test(text)) return { text, replaced: 0 };
  let replaced = 0;
  const fixed = text.replace(C1_CHARACTER, (c) => {
    const char = WINDOWS_1252_C1[c.charCodeAt(0) - 0x80];
    if (!char) return c;
    replaced++;
    return char;
  });
  return { text: fixed, replaced };
}
