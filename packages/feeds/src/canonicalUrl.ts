/**
 * Query parameters that identify a campaign or a click, never the document. Matched
 * case-insensitively; `utm_` is a prefix.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref_src',
  'ref_url',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  '_ga',
  '_gl',
  'rb_clickid',
  's_cid',
  'wt.mc_id',
  'cmpid',
  'ncid',
  'sr_share',
  'at_medium',
  'at_campaign',
  'spm',
]);

function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return key.startsWith('utm_') || TRACKING_PARAMS.has(key);
}

/**
 * The form of an article URL used to recognise the same article across feeds and polls: scheme and
 * host lower-cased, default port, fragment and tracking parameters dropped, remaining query
 * parameters sorted by name (values keep their order), and no trailing slash except on the root.
 * Returns null for anything that is not an absolute (or `base`-resolvable) http(s) URL.
 */
export function canonicalUrl(url: string, base?: string): string | null {
  const trimmed = url.trim();
  if (trimmed.length === 0) return null;
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.slice(0, -1);
  // Assigned even when empty: that also drops a bare trailing `?`.
  const kept = [...parsed.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  parsed.search = kept.length > 0 ? new URLSearchParams(kept).toString() : '';
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) {
    parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
  }
  return parsed.href;
}
