/**
 * Overlays: dialogs, pop-ups, flyouts and banners that a script shows over the page ("Found the story
 * interesting? Like us on ...", "Make ‹site› my homepage", a newsletter or feedback box). Without the
 * style sheet and the scripts they read as text of the page, often right after the article, and their
 * names are the site's own (`makehomepagedialog`, `fbpopup`). What they share is the control that
 * closes them: an element with a close button among its own children is an overlay.
 */

/** `close` or `dismiss` as a word of a class or id, or glued to a control's name (`closebutton`, `closeBtn`). */
const CLOSE_NAME = /(?:^|[^a-z])(?:close|dismiss)(?:$|[^a-z]|btn|button|icon|link)/;

/** The accessible name of a close control, in the languages the text rules know. */
const CLOSE_LABEL =
  /^(?:close|dismiss|schließen|fermer|cerrar|chiudi|fechar|sluiten|закрыть|закрити)(?:$|[\s.,:!-])|^[×✕✖⨯]$/iu;

const CONTROL_TAGS = new Set(['button', 'a', 'span', 'div', 'i']);

function dashed(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function isCloseControl(element: Element): boolean {
  const name = dashed(`${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`);
  if (CLOSE_NAME.test(name)) return true;
  for (const attribute of ['aria-label', 'title']) {
    const label = element.getAttribute(attribute);
    if (label !== null && CLOSE_LABEL.test(label.trim())) return true;
  }
  // A button whose whole text is "×" or "Close".
  return element.localName === 'button' && CLOSE_LABEL.test((element.textContent ?? '').trim());
}

/**
 * The elements that hold a close control as one of their own children. Read before buttons are
 * removed from the document; the caller decides, with its guards, which of them go.
 */
export function findOverlays(body: Element): Set<Element> {
  const overlays = new Set<Element>();
  // One walk over the elements: cheaper on linkedom than several attribute selectors.
  const visit = (parent: Element, depth: number): void => {
    for (let child = parent.firstElementChild; child !== null; child = child.nextElementSibling) {
      // Controls are empty or nearly so; a paragraph's worth of text is no close button.
      if (
        CONTROL_TAGS.has(child.localName) &&
        child.childElementCount <= 2 &&
        isCloseControl(child) &&
        (child.textContent ?? '').length <= 40
      ) {
        if (parent !== body) overlays.add(parent);
        continue;
      }
      if (depth < 400) visit(child, depth + 1);
    }
  };
  visit(body, 0);
  return overlays;
}
