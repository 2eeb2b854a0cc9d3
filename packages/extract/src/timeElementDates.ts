import { normalizeDate } from './normalizeDate.ts';

const FURNITURE_ANCESTOR =
  /(?:^|[^a-z])(?:nav|menu|related|teaser|widget|sidebar|footer|recirc|trending|popular|comment)/i;
const PUBLISHED_HINT = /publish|posted|pubdate|dateline|byline|article-date|post-date|entry-date|story-date|meta/i;
const MODIFIED_HINT = /updat|modif/i;

function insideFurniture(element: Element): boolean {
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    const tag = node.localName;
    if (tag === 'nav' || tag === 'aside' || tag === 'footer') return true;
    const names = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    if (names.length > 1 && FURNITURE_ANCESTOR.test(names)) return true;
  }
  return false;
}

function hintOf(element: Element): string {
  let hint = `${element.getAttribute('class') ?? ''} ${element.getAttribute('itemprop') ?? ''}`;
  if (element.hasAttribute('pubdate')) hint += ' pubdate';
  let node = element.parentElement;
  for (let i = 0; i < 3 && node !== null; i++, node = node.parentElement)
    hint += ` ${node.getAttribute('class') ?? ''}`;
  return hint;
}

/**
 * The publication (or modification) date of the article from `<time datetime>`. Only times inside
 * the article or after its headline count: a time above the headline is a date widget in the
 * masthead ("Monday, December 4, 2023"), and times in navigation, teasers or comments belong to
 * other texts. Among the rest, one marked as published (or updated) wins, else the first.
 */
export function timeElementDates(document: Document): { published: string | null; modified: string | null } {
  const h1 = document.querySelector('h1');
  const times = Array.from(document.querySelectorAll('time[datetime]'));
  let published: string | null = null;
  let publishedHinted = false;
  let modified: string | null = null;
  for (const time of times) {
    const inArticle = time.closest('article, main, [itemprop="articleBody"]') !== null;
    const afterTitle = h1 !== null && (h1.compareDocumentPosition(time) & 4) !== 0;
    if (!inArticle && !afterTitle) continue;
    if (insideFurniture(time)) continue;
    const date = normalizeDate(time.getAttribute('datetime'));
    if (!date) continue;
    const hint = hintOf(time);
    if (MODIFIED_HINT.test(hint) && !PUBLISHED_HINT.test(time.getAttribute('class') ?? '')) {
      modified ??= date;
      continue;
    }
    const hinted = PUBLISHED_HINT.test(hint);
    if (published === null || (hinted && !publishedHinted)) {
      published = date;
      publishedHinted = hinted;
    }
  }
  return { published, modified };
}
