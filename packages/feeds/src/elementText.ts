import { textOf } from './xmlMarkup.ts';
import type { XmlElement } from './xmlTree.ts';

/**
 * The element children of one element, looked up by namespace key and local name (first wins).
 * A linear scan: items have a handful of children, and this allocates nothing per lookup.
 */
export class ChildIndex {
  private readonly elements: XmlElement[] = [];
  readonly links: XmlElement[] = [];
  constructor(el: XmlElement) {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      this.elements.push(child);
      if (child.local === 'link') this.links.push(child);
    }
  }
  get(ns: string, local: string): XmlElement | undefined {
    for (const el of this.elements) if (el.local === local && el.ns === ns) return el;
    return undefined;
  }
  /** For Atom, where documents without the namespace declaration are common. */
  atom(local: string): XmlElement | undefined {
    return this.get('atom', local) ?? this.get('', local);
  }
}

/**
 * XML whitespace only: a no-break space or a typographic space (U+2000–U+200A, U+202F) is content
 * the author chose, so it is neither collapsed nor turned into a plain space.
 */
const XML_SPACE = /[ \t\n\r]+/g;

/** Runs of XML whitespace as one space, trimmed at both ends; null when nothing is left. */
const NEEDS_COLLAPSE = /[\t\n\r]| {2}/;

export function collapse(text: string | null): string | null {
  if (text === null) return null;
  // Most titles and names have single spaces only: trimming is all they need.
  const value = (NEEDS_COLLAPSE.test(text) ? text.replace(XML_SPACE, ' ') : text).trim();
  return value.length > 0 ? value : null;
}

export function nonEmpty(text: string | null | undefined): string | null {
  if (text == null) return null;
  const value = text.trim();
  return value.length > 0 ? value : null;
}

export function trimmedText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  return nonEmpty(textOf(el));
}
