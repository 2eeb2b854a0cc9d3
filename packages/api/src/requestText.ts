import { z } from 'zod';

/**
 * Strings a request brings in: every one of them may reach a PostgreSQL query, an event or a log
 * line. PostgreSQL refuses NUL in text and a lone UTF-16 surrogate in JSON (both used to surface as
 * 500), and control characters have no business in an identifier; so they are refused at the edge,
 * with a validation code, before any of that.
 */

/** A lone surrogate: JSON can carry one (`"\ud800"`), UTF-8 and PostgreSQL cannot. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Any control character (C0, DEL, C1). */
const CONTROL = /\p{Cc}/u;
/** Control characters other than tab, line feed and carriage return. */
const CONTROL_BUT_SPACING = /[^\P{Cc}\t\n\r]/u;

/** Why `text` cannot be taken in, or null; `spacing` lets tabs and line breaks through (free text). */
export function textProblem(text: string, spacing: boolean): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if ((spacing ? CONTROL_BUT_SPACING : CONTROL).test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (no lone surrogate)';
  return null;
}

const checked = (schema: z.ZodString, spacing: boolean) =>
  schema.superRefine((text, ctx) => {
    const problem = textProblem(text, spacing);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An identifier or key from a path or query: no control characters at all. */
export const identifierText = (schema: z.ZodString = z.string()) => checked(schema, false);

/** Free text (a title, a reason): tabs and line breaks are allowed, other control characters not. */
export const freeText = (schema: z.ZodString = z.string()) => checked(schema, true);
