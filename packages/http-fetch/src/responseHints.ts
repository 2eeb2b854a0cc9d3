/** Response headers as one string each (repeated headers joined with ", "). */
export function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * Retry-After as milliseconds from `now`: delay-seconds or an HTTP date (a date in the past gives 0).
 * Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only dates with a month or weekday name: Date.parse would read "1.5" as a date too.
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Freshness lifetime left, in seconds: Cache-Control max-age (else s-maxage) minus Age.
 * Null when the response states none.
 */
export function parseCacheMaxAge(cacheControl: string | undefined, age: string | undefined): number | null {
  if (!cacheControl) return null;
  let maxAge: number | null = null;
  let sharedMaxAge: number | null = null;
  for (const directive of cacheControl.split(',')) {
    const match = /^\s*(max-age|s-maxage)\s*=\s*"?(\d+)"?\s*$/i.exec(directive);
    if (!match) continue;
    if (match[1]!.toLowerCase() === 'max-age') maxAge = Number(match[2]);
    else sharedMaxAge = Number(match[2]);
  }
  const lifetime = maxAge ?? sharedMaxAge;
  if (lifetime === null) return null;
  const ageSec = age && /^\s*\d+\s*$/.test(age) ? Number(age) : 0;
  return Math.max(0, lifetime - ageSec);
}

/** Expires as an ISO date; null when absent or not a date (RFC 9111 reads those as "already expired"). */
export function parseExpires(value: string | undefined): string | null {
  if (!value || !/[a-z]/i.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}
