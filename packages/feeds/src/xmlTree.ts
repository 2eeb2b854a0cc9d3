import { type DeclaredEntities, decodeEntities, readDeclaredEntities } from './entities.ts';
import { namespaceKey, WELL_KNOWN_PREFIXES } from './namespaces.ts';

/**
 * A forgiving XML tokenizer and tree builder for feeds. It is not a conforming XML parser on
 * purpose: feeds in the field are often not well-formed, and a feed reader must read what a
 * browser-era publisher meant. What it does:
 * - one pass over the string with `indexOf` jumps, so time is linear in the input;
 * - DOCTYPEs are skipped, except for internal entities with literal values (`entities.ts`); external
 *   entities are never fetched and an unknown `&name;` stays as literal text;
 * - an end tag closes the nearest open element of that name; a stray end tag is ignored;
 * - at end of input every open element is left `closed: false`, so callers can drop a cut item.
 * Namespaces are resolved to short keys (`atom`, `dc`, `content`, …) so RSS 0.90/1.0/2.0 and
 * Atom 0.3/1.0 share one vocabulary; undeclared but well-known prefixes are accepted.
 */

export interface XmlElement {
  /** The name as written, e.g. `dc:creator`. */
  qname: string;
  /** Lower-cased local name, e.g. `creator`. */
  local: string;
  /** Namespace key: '' for RSS (any version) and no namespace, or a short key, or the raw URI. */
  ns: string;
  /** Attributes by lower-cased qualified name, entity-decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The effective xml:base (resolved), or null when none applies. */
  base: string | null;
  closed: boolean;
  parent: XmlElement | null;
  scope: Record<string, string>;
}

export type XmlNode = XmlElement | string;

export interface XmlTreeHooks {
  /** Called when an element is opened (attributes known, children not yet). */
  onOpen?(el: XmlElement): void;
  /** Called when an element is closed; return true to detach it from its parent (frees memory). */
  onClose?(el: XmlElement): boolean;
}

export interface XmlTreeResult {
  roots: XmlElement[];
  /** True when the input ended inside an element, comment, CDATA section or tag. */
  truncated: boolean;
  /** The DOCTYPE text, if any (without its internal subset). */
  doctype: string | null;
  /** True when elements nested deeper than `MAX_DEPTH`; the scan stopped there. */
  tooDeep: boolean;
  warnings: string[];
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0xc0;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function resolveBase(value: string, parentBase: string | null): string | null {
  try {
    return parentBase ? new URL(value.trim(), parentBase).href : new URL(value.trim()).href;
  } catch {
    return parentBase;
  }
}

const EMPTY_SCOPE: Record<string, string> = Object.create(null);
/** Shared by every element without attributes; never written to. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null));

const STRUCTURAL = new Set([
  'rss',
  'channel',
  'item',
  'feed',
  'entry',
  'rdf',
  'items',
  'seq',
  'image',
  'author',
  'source',
]);

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Builds the element tree of `text`. `documentUrl` seeds xml:base resolution.
 */
/**
 * How many elements may be open at once. Real feeds stay under 40 (an XHTML body inside an entry);
 * a few KB of `<b><b><b>…` is an attack on whoever walks the tree or its HTML next, so the document
 * is refused rather than handed on. libxml2 refuses at 256 by default; unclosed naked HTML (`<p>`
 * without `</p>`) stacks up inside one item until the item closes, hence the wider margin.
 */
export const MAX_DEPTH = 1024;

export function buildXmlTree(text: string, documentUrl: string | null, hooks: XmlTreeHooks = {}): XmlTreeResult {
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  const warnings: string[] = [];
  const unknownEntities = new Set<string>();
  const undeclaredPrefixes = new Set<string>();
  let truncated = false;
  let tooDeep = false;
  let declared: DeclaredEntities | undefined;
  let doctype: string | null = null;
  const n = text.length;
  let i = 0;
  let docBase: string | null = null;
  if (documentUrl) {
    try {
      docBase = new URL(documentUrl).href;
    } catch {
      docBase = null;
    }
  }

  const addText = (value: string): void => {
    const top = stack[stack.length - 1];
    if (top === undefined || value.length === 0) return;
    // Indentation between structural elements is never content; skipping it halves the nodes of a
    // pretty-printed feed. Inside content (descriptions, XHTML) whitespace is kept.
    if (STRUCTURAL.has(top.local) && (top.ns === '' || top.ns === 'atom' || top.ns === 'rdf') && isBlank(value)) return;
    top.children.push(value);
  };

  // Open-element counts by name make a stray end tag O(1) to reject, so hostile input stays linear.
  // Each element keeps its counter, so closing it costs no lookup.
  const openByName = new Map<string, { open: number }>();
  const names = new Map<string, { qname: string; prefix: string; local: string }>();
  const counters: { open: number }[] = [];

  const closeTop = (closed: boolean): void => {
    const el = stack.pop()!;
    counters.pop()!.open--;
    el.closed = closed;
    const detach = hooks.onClose ? hooks.onClose(el) : false;
    if (!detach) {
      if (el.parent) el.parent.children.push(el);
      else roots.push(el);
    }
  };

  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      if (stack.length > 0) addText(decodeEntities(text.slice(i), unknownEntities, declared));
      break;
    }
    if (lt > i && stack.length > 0) addText(decodeEntities(text.slice(i, lt), unknownEntities, declared));
    const c = text.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) {
          truncated = true;
          break;
        }
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) {
          addText(text.slice(lt + 9));
          truncated = true;
          break;
        }
        addText(text.slice(lt + 9, end));
        i = end + 3;
      } else {
        // <!DOCTYPE …> with an optional [internal subset]: skipped whole, quotes and brackets respected.
        let j = lt + 2;
        let depth = 0;
        let quote = 0;
        let subsetStart = -1;
        for (; j < n; j++) {
          const d = text.charCodeAt(j);
          if (quote) {
            if (d === quote) quote = 0;
          } else if (d === 34 || d === 39) quote = d;
          else if (d === 91 /* [ */) {
            if (depth === 0 && subsetStart === -1) subsetStart = j;
            depth++;
          } else if (d === 93 /* ] */) depth = Math.max(0, depth - 1);
          else if (d === 62 /* > */ && depth === 0) break;
        }
        if (j >= n) {
          truncated = true;
          break;
        }
        if (/^<!doctype/i.test(text.slice(lt, lt + 9))) {
          doctype = text.slice(lt + 9, subsetStart === -1 ? j : subsetStart).trim();
          if (subsetStart !== -1 && /<!ENTITY/i.test(text.slice(subsetStart, j))) {
            const read = readDeclaredEntities(text.slice(subsetStart + 1, j));
            if (read.entities.values.size > 0) declared = read.entities;
            if (read.refused > 0) {
              warnings.push(
                `${read.refused} DOCTYPE entities are not expanded (external, parameter, or referring to other entities)`,
              );
            }
          }
        }
        i = j + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) {
        truncated = true;
        break;
      }
      i = end + 2;
      continue;
    }
    if (c === 47 /* / */) {
      const end = text.indexOf('>', lt + 2);
      if (end === -1) {
        truncated = true;
        break;
      }
      const name = text.slice(lt + 2, end).trim();
      i = end + 1;
      let k = -1;
      if ((openByName.get(name)?.open ?? 0) > 0) {
        k = stack.length - 1;
        while (k >= 0 && stack[k]!.qname !== name) k--;
      } else {
        // Case-insensitive match (</Item> for <item>), looked for near the top only to stay linear.
        const lower = name.toLowerCase();
        const stop = Math.max(0, stack.length - 64);
        for (let m = stack.length - 1; m >= stop; m--) {
          if (stack[m]!.qname.toLowerCase() === lower) {
            k = m;
            break;
          }
        }
      }
      if (k >= 0) while (stack.length > k) closeTop(true);
      continue;
    }
    if (!isNameStart(c)) {
      if (stack.length > 0) addText('<');
      i = lt + 1;
      continue;
    }
    // Start tag: find its end, skipping quoted attribute values.
    let j = lt + 2;
    while (j < n && isNameChar(text.charCodeAt(j))) j++;
    // Interned: a feed repeats a few dozen names a million times; one string and split per name.
    const sliced = text.slice(lt + 1, j);
    let name = names.get(sliced);
    if (name === undefined) {
      const colon = sliced.indexOf(':');
      name = {
        qname: sliced,
        prefix: colon === -1 ? '' : sliced.slice(0, colon),
        local: (colon === -1 ? sliced : sliced.slice(colon + 1)).toLowerCase(),
      };
      if (names.size < 10_000) names.set(sliced, name);
    }
    const { qname, prefix, local } = name;
    const attrStart = j;
    let quote = 0;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (quote) {
        if (d === quote) quote = 0;
      } else if (d === 34 || d === 39) {
        // A quote only opens a value right after `=` (allowing spaces); elsewhere it is junk.
        let p = j - 1;
        while (p > attrStart && isSpace(text.charCodeAt(p))) p--;
        if (text.charCodeAt(p) === 61) quote = d;
      } else if (d === 62 /* > */) break;
    }
    if (j >= n) {
      truncated = true;
      break;
    }
    const selfClosing = text.charCodeAt(j - 1) === 47 && j - 1 >= attrStart;
    const rawAttrs = text.slice(attrStart, selfClosing ? j - 1 : j);
    i = j + 1;

    if (stack.length >= MAX_DEPTH) {
      tooDeep = true;
      break;
    }
    const parent = stack[stack.length - 1] ?? null;
    let attrs = NO_ATTRIBUTES;
    let scope = parent ? parent.scope : EMPTY_SCOPE;
    if (rawAttrs.length > 0 && !isBlank(rawAttrs)) {
      attrs = Object.create(null);
      ATTRIBUTE.lastIndex = 0;
      for (let m = ATTRIBUTE.exec(rawAttrs); m !== null; m = ATTRIBUTE.exec(rawAttrs)) {
        const attrName = m[1]!;
        const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '', unknownEntities, declared);
        const key = attrName.toLowerCase();
        if (!(key in attrs)) attrs[key] = value;
        if (key === 'xmlns' || key.startsWith('xmlns:')) {
          if (scope === (parent ? parent.scope : EMPTY_SCOPE)) scope = Object.create(scope);
          scope[key === 'xmlns' ? '' : attrName.slice(6)] = value;
        }
      }
    }
    let ns: string;
    const uri = scope[prefix];
    if (uri !== undefined) ns = uri === '' ? '' : namespaceKey(uri);
    else if (prefix === '') ns = '';
    else {
      ns = WELL_KNOWN_PREFIXES[prefix.toLowerCase()] ?? prefix;
      if (undeclaredPrefixes.size < 10) undeclaredPrefixes.add(prefix);
    }
    const parentBase = parent ? parent.base : docBase;
    const xmlBase = attrs['xml:base'];
    const el: XmlElement = {
      qname,
      local,
      ns,
      attrs,
      children: [],
      base: xmlBase !== undefined ? resolveBase(xmlBase, parentBase) : parentBase,
      closed: false,
      parent,
      scope,
    };
    stack.push(el);
    let counter = openByName.get(qname);
    if (counter === undefined) {
      counter = { open: 0 };
      openByName.set(qname, counter);
    }
    counter.open++;
    counters.push(counter);
    hooks.onOpen?.(el);
    if (selfClosing) closeTop(true);
  }
  if (stack.length > 0 && !tooDeep) truncated = true;
  while (stack.length > 0) closeTop(false);

  if (unknownEntities.size > 0) {
    warnings.push(`undefined entities left as text: ${[...unknownEntities].map((e) => `&${e};`).join(' ')}`);
  }
  const prefixes = [...undeclaredPrefixes].filter((p) => p !== 'xml');
  if (prefixes.length > 0) warnings.push(`undeclared namespace prefixes: ${prefixes.join(', ')}`);
  return { roots, truncated, doctype, tooDeep, warnings };
}
