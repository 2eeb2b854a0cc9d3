/**
 * Credentials in URLs (`https://user:password@host/feed`). Feed URLs are recorded in the log and
 * shown on public routes, so registering one that carries credentials is refused (by the pipeline's
 * `registerFeed`, whoever registers), and every answer has any that reached the log by other ways
 * (an older registration, a redirect, a failure message) replaced before it leaves.
 */

/** What stands in for the credentials of a URL. */
export const REDACTED_USERINFO = '***';

/** Characters that end a URL's authority, or the URL itself in running text, JSON or HTML. */
const AUTHORITY_END = new Set(['/', '?', '#', '\\', '"', "'", '<', '>', '`', ' ', '\t', '\n', '\r', '\f']);

/**
 * `text` with the user info of every `scheme://user:pass@host` in it replaced by `***`. Works on
 * plain text, serialized JSON and HTML alike; returns `text` itself when there is nothing to hide
 * (the common case costs one `indexOf` per `://`).
 */
export function redactUrlCredentials(text: string): string {
  let from = 0;
  let out: string[] | null = null;
  let copied = 0;
  for (let i = text.indexOf('://'); i >= 0; i = text.indexOf('://', from)) {
    const start = i + 3;
    let end = start;
    let at = -1;
    while (end < text.length && !AUTHORITY_END.has(text[end]!)) {
      if (text[end] === '@') at = end;
      end++;
    }
    from = end;
    // Nothing to hide, or already hidden.
    if (at < 0 || text.slice(start, at) === REDACTED_USERINFO) continue;
    out ??= [];
    out.push(text.slice(copied, start), REDACTED_USERINFO);
    copied = at;
  }
  if (out === null) return text;
  out.push(text.slice(copied));
  return out.join('');
}
