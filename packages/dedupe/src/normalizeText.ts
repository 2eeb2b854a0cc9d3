/**
 * Typographic normalisation: what two copies of one text may differ in without being different
 * texts. Curly and straight quotes, the dash family, non-breaking and zero-width spaces, soft
 * hyphens, ligatures and full-width forms (NFKC), letter case, runs of spaces. Line structure is
 * kept (one paragraph per line, at most one blank line in a row), because paragraphs are the unit
 * the fingerprint works on.
 */

const NON_ASCII = /[^\x00-\x7f]/;

const CHAR_MAP: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '\u0060': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2039': "'",
  '\u203a': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
  '\u00ad': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
};
const MAPPED = new RegExp(`[${Object.keys(CHAR_MAP).join('')}]`, 'g');

/** NFKC, then the quote, dash, space and invisible characters NFKC leaves alone. */
function foldTypography(text: string): string {
  return text.normalize('NFKC').replace(MAPPED, (c) => CHAR_MAP[c] ?? c);
}

export function normalizeText(text: string): string {
  let s = NON_ASCII.test(text) ? foldTypography(text) : text;
  s = s.toLowerCase().replace(/\r\n?/g, '\n');
  const out: string[] = [];
  let blank = true; // drops leading blank lines
  for (const raw of s.split('\n')) {
    const line = raw.replace(/[ \t\f\v]+/g, ' ').trim();
    if (line === '') {
      if (!blank) out.push('');
      blank = true;
    } else {
      out.push(line);
      blank = false;
    }
  }
  if (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
