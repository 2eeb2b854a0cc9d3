import type { BlockKind } from './blockText.ts';
import { wordsOf } from './words.ts';

/**
 * Headings that open a stretch of the page that is not the article: the comment section (cut with
 * everything after it) and "About <company>" boilerplate (cut up to the next heading).
 */

const COMMENTS_HEADING =
  /^(?:comments?|reader comments|readers' comments|what (?:readers|you) (?:say|think)|have your say|join the (?:conversation|discussion)|responses|replies|\d+ (?:comments?|responses?|replies|thoughts on\b.*)|leave a (?:comment|reply)|комментарии|обсуждение|коментарі|обговорення)\s*(?:\(\d+\))?[:.]?$/iu;

/** A single word that titles a comment section when set as a heading, and a table column otherwise. */
const BARE_COMMENTS_WORD = /^(?:comments?|responses|replies|комментарии|коментарі)\s*[:.]?$/iu;

/** A heading that opens the comment section: the section and everything after it are not the article. */
export function isCommentsHeading(text: string, kind: BlockKind): boolean {
  const trimmed = text.trim();
  if (trimmed.length >= 120 || !COMMENTS_HEADING.test(trimmed)) return false;
  return kind === 'h' || !BARE_COMMENTS_WORD.test(trimmed);
}

const ABOUT_HEADING = /^(?:about|über|à propos de|acerca de|sobre|о компании|про компанію)\s+(.{2,60}?)\s*[:.]?$/iu;
/** "About the author", "About us": furniture whatever follows. */
const ABOUT_FURNITURE = /^(?:the\s+)?(?:authors?|writers?|reporters?|contributors?|us|publisher|editor)$/iu;

/**
 * The name an "About <Name>" heading introduces (its words), `[]` for "About the author" or "About
 * us", null when the block is no such heading. A topic ("About the study") is not a name: the
 * boilerplate heading names a company, a publisher or a person, so its first word is capitalised.
 */
export function aboutHeadingName(text: string, kind: BlockKind): string[] | null {
  const trimmed = text.trim();
  const wordCount = wordsOf(trimmed).length;
  const headingLike = kind === 'h' || (kind === 'p' && wordCount <= 8 && !/[.!?]$/.test(trimmed));
  if (!headingLike) return null;
  const match = ABOUT_HEADING.exec(trimmed);
  const name = match?.[1];
  if (!name) return null;
  if (ABOUT_FURNITURE.test(name)) return [];
  if (!/^\p{Lu}/u.test(name.replace(/^the\s+/i, ''))) return null;
  return wordsOf(name).filter((word) => word !== 'the');
}

/** Whether a paragraph speaks of the named company: its name among the first words ("Acme Corp. is a ..."). */
export function speaksOf(text: string, name: readonly string[]): boolean {
  if (name.length === 0) return true;
  const opening = wordsOf(text).slice(0, 12);
  return opening.includes(name[0]!);
}
