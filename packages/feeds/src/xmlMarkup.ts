import type { XmlElement, XmlNode } from './xmlTree.ts';

/** Reading an element tree back: its text, or its markup as (X)HTML. */

/**
 * All descendant text, in document order. Iterative on purpose: a hostile item can nest elements
 * thousands deep (a few KB of `<b>`), and recursion would overflow the stack.
 */
export function textOf(el: XmlElement): string {
  const { children } = el;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  // Most elements hold text only (a title split by an entity or CDATA): no stack needed.
  let flat = '';
  let nested = false;
  for (const child of children) {
    if (typeof child !== 'string') {
      nested = true;
      break;
    }
    flat += child;
  }
  if (!nested) return flat;
  let out = '';
  // A stack of (children, next index) frames, walked depth first.
  const lists: XmlNode[][] = [children];
  const positions: number[] = [0];
  while (lists.length > 0) {
    const top = lists.length - 1;
    const list = lists[top]!;
    const at = positions[top]!;
    if (at >= list.length) {
      lists.pop();
      positions.pop();
      continue;
    }
    positions[top] = at + 1;
    const child = list[at]!;
    if (typeof child === 'string') out += child;
    else if (child.children.length > 0) {
      lists.push(child.children);
      positions.push(0);
    }
  }
  return out;
}

export function hasElementChildren(el: XmlElement): boolean {
  for (const child of el.children) if (typeof child !== 'string') return true;
  return false;
}

const HTML_SPECIAL = /[&<>]/;

export function escapeHtml(text: string): string {
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttribute(text: string): string {
  return text.replace(/[&<"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&quot;'));
}

const VOID_ELEMENTS = new Set(['br', 'img', 'hr', 'meta', 'input', 'area', 'base', 'col', 'embed', 'source', 'wbr']);

function openTag(el: XmlElement): string {
  let out = '<' + markupName(el);
  for (const key in el.attrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    out += ` ${key}="${escapeAttribute(el.attrs[key]!)}"`;
  }
  return out + '>';
}

function markupName(el: XmlElement): string {
  return el.ns === 'xhtml' || el.ns === '' ? el.local : el.qname;
}

/**
 * Serializes the children of `el` as (X)HTML markup; XHTML prefixes and xmlns declarations are
 * dropped. Iterative for the same reason as `textOf`: nesting depth is the publisher's to choose.
 */
export function innerMarkup(el: XmlElement): string {
  let out = '';
  const lists: XmlNode[][] = [el.children];
  const positions: number[] = [0];
  const owners: (XmlElement | null)[] = [null];
  while (lists.length > 0) {
    const top = lists.length - 1;
    const list = lists[top]!;
    const at = positions[top]!;
    if (at >= list.length) {
      const owner = owners[top]!;
      lists.pop();
      positions.pop();
      owners.pop();
      if (owner !== null) out += '</' + markupName(owner) + '>';
      continue;
    }
    positions[top] = at + 1;
    const child = list[at]!;
    if (typeof child === 'string') {
      out += escapeHtml(child);
      continue;
    }
    out += openTag(child);
    if (child.children.length === 0 && VOID_ELEMENTS.has(child.local)) continue;
    lists.push(child.children);
    positions.push(0);
    owners.push(child);
  }
  return out;
}
