import { findOverlays } from './overlays.ts';

/**
 * Page furniture recognised by markup, removed before Readability scores the page: navigation,
 * share bars, ads, related links, newsletter and donation boxes, cookie banners, comments, captions.
 * Removing them first keeps Readability from picking a comment thread or a teaser grid as the
 * article, and keeps the recovery pass from bringing them back.
 */

/** Class or id words that mark furniture (matched as whole words of `class` and `id`). */
const FURNITURE_WORDS = [
  'ad',
  'ads',
  'adv',
  'advert',
  'adverts',
  'advertisement',
  'advertising',
  'adslot',
  'adunit',
  'dfp',
  'sponsor',
  'sponsored',
  'promo',
  'promoted',
  'promotion',
  'share',
  'shares',
  'sharing',
  'sharebar',
  'sharethis',
  'addthis',
  'social',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'donate',
  'donation',
  'donations',
  'patreon',
  'patron',
  'related',
  'relatedposts',
  'metadata',
  'feedback',
  'recommended',
  'recommendations',
  'recirc',
  'outbrain',
  'taboola',
  'comment',
  'comments',
  'disqus',
  'sidebar',
  'rail',
  'widget',
  'widgets',
  'footer',
  'masthead',
  'popup',
  'modal',
  'dialog',
  'flyout',
  'overlay',
  'lightbox',
  'tooltip',
  'trending',
  'popular',
  'tags',
  'byline',
  'author',
  'dateline',
  'meta',
  'category',
  'categories',
  'caption',
  'credit',
  'credits',
  'print',
  'weather',
  'ticker',
  'rating',
  'login',
  'teaser',
  'teasers',
  'gallery',
  'banner',
  'spelling',
];

/** Words that name navigation: an element so named with no link or button in it is not navigation. */
const NAVIGATION_WORDS = [
  'nav',
  'navbar',
  'navigation',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'pagination',
  'pager',
  'toolbar',
];

/**
 * A furniture word qualified by a word before it in the same class name describes the element rather
 * than naming it: `no_caption`, `has-sidebar`, `without-ads`, `content-with-sidebar`.
 */
const QUALIFIED = '(?<!(?:^|[^a-z0-9])(?:no|non|not|has|have|with|without))';
const wordHint = (words: readonly string[]): RegExp =>
  new RegExp(`${QUALIFIED}(?:^|[^a-z0-9])(?:${words.join('|')})(?=$|[^a-z0-9])`);
const WORD_HINT = wordHint(FURNITURE_WORDS);
const NAVIGATION_HINT = wordHint(NAVIGATION_WORDS);
const COMPOUND_HINT =
  /most-?(?:read|popular|viewed|shared)|read-?(?:more|also|next)|see-?also|more-?(?:articles|stories|news|from)|latest-?(?:news|articles|posts)|about-?(?:the-?)?author|error-?report|screen-?reader|sr-?only|visually-?hidden|td-?a-?rec/;

/**
 * Furniture words glued to the site's own prefix or suffix (`fbcommentsmodule`, `mastfooter`,
 * `prefooter`, `fbpopup`, `rightsidebar`): only words that name nothing else inside a longer word
 * (not `share`, which `shared` holds, nor `related` or `social`). A qualifier glued before them
 * still describes the element (`contentwithsidebar`, `nocomments`).
 */
const GLUED_HINT =
  /(?<!(?:no|non|not|has|have|with|without)[-_]?)(?:comments|newsletter|sidebar|footer|popup|disqus|taboola|outbrain|cookie|advert)/;

/**
 * A class that names the article itself. WordPress puts `category-world tag-x` on the article
 * element beside `post hentry`; such an element is content whatever else its classes say.
 */
const CONTENT_CLASS =
  /(?:^|\s)(?:hentry|post|article|story|content|entry-content|post-content|post-body|article-body|article-content|article-text|story-body|main-content)(?=\s|$)/i;

/** `fooBar` → `foo-bar`, lower case. */
function dashed(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * An id of four words or more is an anchor made from text (`sharing-with-a-single-developer`,
 * `cite_note-the_economist_print_edition-331`), not the name of a page component.
 */
function isTextSlug(id: string): boolean {
  return (id.match(/[a-z]{2,}/gi) ?? []).length >= 4;
}

/** Whether an element's class or id names it as furniture. */
export function isFurnitureElement(element: Element): boolean {
  const cls = element.getAttribute('class');
  const rawId = element.getAttribute('id');
  const id = rawId && !isTextSlug(rawId) ? rawId : null;
  if (!cls && !id) return false;
  if (cls && CONTENT_CLASS.test(cls)) return false;
  const tokens = dashed(`${cls ?? ''} ${id ?? ''}`).split(/\s+/);
  if (tokens.some((token) => WORD_HINT.test(token) || COMPOUND_HINT.test(token) || GLUED_HINT.test(token))) {
    return true;
  }
  // A "menu" without a link or button in it is not navigation (MathJax marks formulas `CtxtMenu_Attached`).
  return tokens.some((token) => NAVIGATION_HINT.test(token)) && element.querySelector('a[href], button') !== null;
}

const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'dialog', 'figcaption']);
const FURNITURE_ROLES = new Set([
  'navigation',
  'menu',
  'menubar',
  'contentinfo',
  'complementary',
  'dialog',
  'alertdialog',
  'search',
]);
const NON_TEXT = 'script,style,noscript,template,svg,iframe,object,embed,canvas,button,select,textarea,input';

export interface PrecleanRules {
  /** Remove overlays: elements with a close button among their own children (`findOverlays`). */
  overlay?: boolean;
  /** Remove elements whose class or id names furniture. */
  furnitureClass: boolean;
  /** Remove nav, aside, footer, dialog, figcaption and their ARIA roles. */
  furnitureTag: boolean;
}

/**
 * Removes furniture from the document in place. The ancestors of the article's anchors (the first
 * `<h1>`, `<main>`, `[itemprop=articleBody]`) are never removed, whatever their class says: page
 * wrappers are often called `has-sidebar` or `content-with-comments`.
 */
export function removeFurniture(document: Document, rules: PrecleanRules): void {
  // Overlays are known by their close buttons, which go with the other controls just below.
  const overlays = rules.overlay && document.body ? findOverlays(document.body) : new Set<Element>();
  for (const element of Array.from(document.querySelectorAll(NON_TEXT))) element.remove();
  const body = document.body;
  if (!body || (!rules.furnitureClass && !rules.furnitureTag && overlays.size === 0)) return;

  const anchors = Array.from(document.querySelectorAll('h1, main, [itemprop="articleBody"]')).slice(0, 8);
  const protectedElements = new Set<Node>();
  for (const anchor of anchors) {
    for (let node: Node | null = anchor; node !== null; node = node.parentNode) protectedElements.add(node);
  }

  // No class name is trusted with half of the page's text: Drupal calls its article body
  // `field--label-hidden`, Tailwind wrappers say `overflow-hidden`, themes say `has-sidebar`.
  const textLimit = (body.textContent ?? '').replace(/\s+/g, ' ').length / 2;
  const holdsMostText = (element: Element): boolean =>
    (element.textContent ?? '').replace(/\s+/g, ' ').length > textLimit;

  const doomed: Element[] = [];
  const visit = (parent: Element, depth: number): void => {
    for (let child = parent.firstElementChild; child !== null; child = child.nextElementSibling) {
      if (
        !protectedElements.has(child) &&
        !inRunningText(child) &&
        isDoomed(child, rules, overlays) &&
        !holdsMostText(child)
      ) {
        doomed.push(child);
        continue;
      }
      if (depth < 400) visit(child, depth + 1);
    }
  };
  visit(body, 0);
  for (const element of doomed) element.remove();
}

const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup time u var'.split(' '),
);
const TEXT_NODE = 3;

/**
 * An inline element with words on either side is part of a sentence (`<a class="popup">` around a
 * phrase): removing it would cut words out of a paragraph, which no rule does.
 */
function inRunningText(element: Element): boolean {
  if (!INLINE.has(element.localName)) return false;
  for (const sibling of [element.previousSibling, element.nextSibling]) {
    if (sibling?.nodeType === TEXT_NODE && /[\p{L}\p{N}]/u.test(sibling.textContent ?? '')) return true;
  }
  return false;
}

function isDoomed(element: Element, rules: PrecleanRules, overlays: ReadonlySet<Element>): boolean {
  if (overlays.has(element) && !holdsArticleProse(element)) return true;
  if (rules.furnitureTag) {
    if (FURNITURE_TAGS.has(element.localName)) return true;
    const role = element.getAttribute('role');
    if (role !== null && FURNITURE_ROLES.has(role)) return true;
  }
  return rules.furnitureClass && isFurnitureElement(element) && !holdsArticleProse(element);
}

const COMMENT_NAME = /comment|disqus|respon|repl(?:y|ies)|discussion|forum/i;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Paragraphs of sentences, hardly linked, are the article whatever the box is called: the rest of
 * a story behind a "read more" expander, a section of a long read. A comment thread is prose too,
 * so an element named for comments gets no such benefit of the doubt; teaser boxes, bios and
 * newsletter boxes have too few long paragraphs or too many links.
 */
function holdsArticleProse(element: Element): boolean {
  if (COMMENT_NAME.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`)) return false;
  let long = 0;
  let proseWords = 0;
  for (const paragraph of Array.from(element.querySelectorAll('p'))) {
    const count = (paragraph.textContent ?? '').match(WORD)?.length ?? 0;
    if (count >= 25) {
      long++;
      proseWords += count;
    }
  }
  if (long < 3 || proseWords < 150) return false;
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').length;
  let linked = 0;
  for (const link of Array.from(element.querySelectorAll('a')))
    linked += (link.textContent ?? '').replace(/\s+/g, ' ').length;
  return text > 0 && linked / text <= 0.1;
}
