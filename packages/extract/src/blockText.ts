/**
 * Turns a DOM subtree into text blocks: one per paragraph, heading, list item, quote or table cell,
 * in document order, with what the surrounding markup says about each (inside a figure? a nav? a
 * block classed as furniture?). The same walk reads the whole page before Readability runs and the
 * article Readability returns, so blocks of the two can be matched by their text.
 */

export type BlockKind = 'p' | 'h' | 'li' | 'quote' | 'pre' | 'cell';

/** Bit flags describing where a block sits. */
export const Context = {
  figure: 1,
  nav: 2,
  aside: 4,
  footer: 8,
  header: 16,
  article: 32,
  furniture: 64,
  link: 128,
  /** Inside a link to a place in the page itself (`href="#section"`). */
  pageLink: 256,
  /** Inside the element the page marks as its article's body (schema.org `itemprop="articleBody"`). */
  declaredBody: 512,
} as const;

export interface TextBlock {
  text: string;
  kind: BlockKind;
  /** 1–6 for headings, 0 otherwise. */
  level: number;
  /** The list element a list item belongs to, so items of one list stay together. */
  list: object | null;
  /** Share of the block's characters inside links. */
  linkDensity: number;
  /**
   * Share inside links that lead away from the page. A link into the page itself (a heading's
   * permalink, a back-reference to the contents) does not make a heading a teaser's headline.
   */
  outboundLinkDensity: number;
  /** `Context` flags of the block's ancestors. */
  context: number;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'option',
  'textarea',
  'input',
  'button',
  'head',
  'title',
  'meta',
  'link',
  'img',
  'picture',
  'source',
  'map',
  'dialog',
]);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'legend',
]);

/** Deeper than this, a subtree is read as flat text: malformed pages nest thousands of levels. */
const MAX_DEPTH = 400;

interface Frame {
  kind: BlockKind;
  level: number;
  list: object | null;
  context: number;
  pre: boolean;
}

/** schema.org microdata: `itemprop` is a list of names, and pages write `articlebody` too. */
export function isDeclaredBody(element: Element): boolean {
  const itemprop = element.getAttribute('itemprop');
  return itemprop !== null && /(?:^|\s)articlebody(?:\s|$)/i.test(itemprop);
}

/** Decides which class/id strings mark furniture; the walk only records the verdict. */
export type FurnitureTest = (element: Element) => boolean;

export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (
    element.getAttribute('aria-hidden') === 'true' &&
    !(element.getAttribute('class') ?? '').includes('fallback-image')
  ) {
    return true;
  }
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

const SPACES = /[\s\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;

class BlockWriter {
  readonly blocks: TextBlock[] = [];
  private parts: string[] = [];
  private chars = 0;
  private linkChars = 0;
  private outboundChars = 0;
  private frame: Frame | null = null;

  append(text: string, frame: Frame): void {
    const piece = frame.pre ? text : text.replace(SPACES, ' ');
    if (piece.length === 0) return;
    if (this.frame === null) {
      if (piece.trim().length === 0) return;
      this.frame = frame;
    }
    this.parts.push(piece);
    const visible = piece.length;
    this.chars += visible;
    if (frame.context & (Context.link | Context.pageLink)) this.linkChars += visible;
    if (frame.context & Context.link) this.outboundChars += visible;
  }

  lineBreak(): void {
    if (this.frame !== null) this.parts.push('\n');
  }

  flush(): void {
    const frame = this.frame;
    if (frame === null) return;
    const linkDensity = this.chars === 0 ? 0 : this.linkChars / this.chars;
    const outboundLinkDensity = this.chars === 0 ? 0 : this.outboundChars / this.chars;
    const raw = this.parts.join('').replace(INVISIBLE, '');
    this.parts = [];
    this.chars = 0;
    this.linkChars = 0;
    this.outboundChars = 0;
    this.frame = null;
    const pieces = frame.pre ? [raw.replace(/^\n+|\s+$/g, '')] : raw.split(/[ \t]*\n[ \t]*\n\s*/);
    for (const piece of pieces) {
      const text = frame.pre
        ? piece
        : piece
            .split('\n')
            .map((line) => line.replace(/ {2,}/g, ' ').trim())
            .filter((line) => line.length > 0)
            .join('\n');
      if (text.length === 0) continue;
      this.blocks.push({
        text,
        kind: frame.kind,
        level: frame.level,
        list: frame.list,
        linkDensity,
        outboundLinkDensity,
        context: frame.context & ~(Context.link | Context.pageLink),
      });
    }
  }
}

function childFrame(parent: Frame, element: Element, tag: string, isFurniture: FurnitureTest | null): Frame {
  let { kind, level, list, context, pre } = parent;
  switch (tag) {
    case 'p':
      // A paragraph in a layout table's cell is a paragraph; in a list item or a quote it stays theirs.
      if (kind !== 'li' && kind !== 'quote') kind = 'p';
      break;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      kind = 'h';
      level = Number(tag[1]);
      break;
    case 'ul':
    case 'ol':
    case 'menu':
    case 'dir':
      list = element;
      break;
    case 'li':
      kind = 'li';
      break;
    case 'blockquote':
      kind = 'quote';
      break;
    case 'pre':
      kind = 'pre';
      pre = true;
      break;
    case 'td':
    case 'th':
      kind = 'cell';
      break;
    case 'a':
      // A bare "#" is a scripted button (share, print), which leads away as much as any link.
      context |= /^#[^!]/.test(element.getAttribute('href') ?? '') ? Context.pageLink : Context.link;
      break;
    case 'figure':
    case 'figcaption':
      context |= Context.figure;
      break;
    case 'nav':
      context |= Context.nav;
      break;
    case 'aside':
      context |= Context.aside;
      break;
    case 'footer':
      context |= Context.footer;
      break;
    case 'header':
      context |= Context.header;
      break;
    case 'article':
    case 'main':
      context |= Context.article;
      break;
  }
  if (isDeclaredBody(element)) context |= Context.article | Context.declaredBody;
  const role = element.getAttribute('role');
  if (role === 'navigation' || role === 'menu' || role === 'menubar') context |= Context.nav;
  if (isFurniture?.(element)) context |= Context.furniture;
  return { kind, level, list, context, pre };
}

/**
 * The text blocks of `root`, in document order. Paragraph breaks are block boundaries and double
 * `<br>`s; a single `<br>` is a line break inside the block. Hidden elements, scripts, forms'
 * controls and media are skipped.
 */
export function collectBlocks(root: Element, isFurniture: FurnitureTest | null = null): TextBlock[] {
  const writer = new BlockWriter();
  const top: Frame = { kind: 'p', level: 0, list: null, context: 0, pre: false };

  const visit = (node: Node, frame: Frame, depth: number): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        writer.append((child as Text).data, frame);
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const element = child as Element;
      const tag = element.localName;
      if (SKIPPED.has(tag)) continue;
      if (tag === 'br') {
        writer.lineBreak();
        continue;
      }
      if (isHidden(element)) continue;
      const inner = childFrame(frame, element, tag, isFurniture);
      const block = BLOCK.has(tag);
      if (block) writer.flush();
      if (depth >= MAX_DEPTH) writer.append(element.textContent ?? '', inner);
      else visit(element, inner, depth + 1);
      if (block || tag === 'hr') writer.flush();
    }
  };

  visit(root, top, 0);
  writer.flush();
  return writer.blocks;
}
