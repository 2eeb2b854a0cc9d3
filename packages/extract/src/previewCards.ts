/**
 * Link previews: a hover card a site puts beside or inside a link, hidden by its style sheet, whose
 * text starts by repeating the link's ("Ilhan Omar" + card "Ilhan Omar Representative for ...").
 * Without the style sheet the card's text is glued into the sentence ("Ilhan OmarIlhan OmarHi…").
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const squash = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The card repeats the link's text and says more (a title, a bio, a summary). */
function repeatsAndExtends(cardText: string, linkText: string): boolean {
  return linkText.length >= 4 && cardText.startsWith(linkText) && cardText.length >= linkText.length + 10;
}

/** The link text a card follows: the link just before it, or the link's own text before it inside the link. */
function precedingLinkText(card: Element): string | null {
  let previous = card.previousSibling;
  while (previous !== null && previous.nodeType === TEXT_NODE && squash(previous.textContent) === '') {
    previous = previous.previousSibling;
  }
  if (previous === null) return null;
  if (previous.nodeType === ELEMENT_NODE && (previous as Element).localName === 'a')
    return squash(previous.textContent);
  const parent = card.parentElement;
  if (previous.nodeType === TEXT_NODE && parent?.localName === 'a') return squash(previous.textContent);
  return null;
}

/** Removes link previews from the document in place, telling `removed` the text of each. */
export function removePreviewCards(root: Element, removed?: (text: string) => void): void {
  const cards: Element[] = [];
  for (const link of Array.from(root.querySelectorAll('a'))) {
    const candidates = [link.nextElementSibling, ...Array.from(link.children)];
    for (const element of candidates) {
      if (element === null) continue;
      const linkText = precedingLinkText(element);
      if (linkText !== null && repeatsAndExtends(squash(element.textContent), linkText)) cards.push(element);
    }
  }
  for (const card of cards) {
    removed?.(squash(card.textContent));
    card.remove();
  }
}
