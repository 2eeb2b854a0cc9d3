/**
 * Credentials in feed URLs (`https://user:password@host/feed`). A feed's URL is recorded in the log
 * and shown to whoever reads the feeds (`GET /feeds`, the dashboard, `tally feeds list`), and Tally
 * has no secret store to keep them apart, so a URL carrying them is never registered.
 */

/** The reason code of a feed URL refused for its credentials, on every way a feed is registered. */
export const FEED_URL_CREDENTIALS = 'feed-url-credentials';

/** A scheme, `//`, and an authority holding an `@`: how a URL that does not parse can still carry credentials. */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#\\\s]*@/i;

/** Whether `url` carries a user name or password (parsed, or by its shape when it does not parse). */
export function hasUrlCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return USERINFO.test(url);
  }
}

/** `url` with its user name and password replaced by `***`, for messages; `url` itself when it has none. */
export function withoutUrlCredentials(url: string): string {
  if (!hasUrlCredentials(url)) return url;
  try {
    const u = new URL(url);
    u.username = '***';
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(USERINFO, '$1***@');
  }
}
