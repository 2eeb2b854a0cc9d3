/**
 * The text of a DOM subtree as paragraphs: block elements and `<br>` break the text, inline elements
 * do not, so "<p>a</p><p>b</p>" reads "a" and "b" and "Wash<b>ington</b>" stays one word. Used for
 * Readability's reference output and for Readability's article when run here, so both are read alike.
 */

const BLOCK = new Set(
  'address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function domText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text.length > 0) paragraphs.push(text);
    current = '';
  };
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        current += (child as Text).data;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = (child as Element).localName;
      if (SKIPPED.has(tag)) continue;
      if (tag === 'br') {
        flush();
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) flush();
      visit(child);
      if (block) flush();
    }
  };
  visit(root);
  flush();
  return paragraphs.join('\n\n');
}
