/** A quotation in the text: offsets of its opening and closing marks. */
export interface QuoteRegion {
  open: number;
  close: number;
}

/** The quotation (index into the sorted, non-overlapping regions) that contains offset `at`, or -1. */
export function quoteAt(quotes: QuoteRegion[], at: number): number {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid]!;
    if (at <= q.open) hi = mid - 1;
    else if (at >= q.close) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The index of the first quotation that opens at or after `at` (quotes.length if none). */
export function firstQuoteAfter(quotes: QuoteRegion[], at: number): number {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.open < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Quotation marks in the text: curly pairs, and straight quotes paired in order by which side of a word they stand. */
export function findQuoteRegions(text: string): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  let curlyOpen = -1;
  let straightOpen = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0xab) curlyOpen = i;
    else if ((c === 0x201d || c === 0xbb) && curlyOpen >= 0) {
      out.push({ open: curlyOpen, close: i });
      curlyOpen = -1;
    } else if (c === 0x22) {
      // A straight mark opens after a space and before a word, closes after a word; one that can
      // only open while a quotation is open means the earlier mark was stray, and a mark that can
      // only close with none open is stray itself.
      const before = i > 0 ? text[i - 1]! : ' ';
      const after = i + 1 < text.length ? text[i + 1]! : ' ';
      const opens = /[\s([{—–-]/.test(before) && /\S/.test(after);
      const closes = /\S/.test(before) && !/[\s([{]/.test(before);
      if (straightOpen < 0) {
        if (opens || !closes) straightOpen = i;
      } else if (closes || !opens) {
        out.push({ open: straightOpen, close: i });
        straightOpen = -1;
      } else {
        straightOpen = i;
      }
    } else if (c === 0x0a && text.charCodeAt(i + 1) === 0x0a) {
      // A quotation does not run over a paragraph break unopened; reset stray marks.
      curlyOpen = -1;
      straightOpen = -1;
    }
  }
  // Keep the outermost of nested or crossing quotations, so that regions never overlap.
  const kept: QuoteRegion[] = [];
  for (const q of out.sort((a, b) => a.open - b.open)) {
    const last = kept[kept.length - 1];
    if (last && q.open < last.close) continue;
    kept.push(q);
  }
  return kept;
}
