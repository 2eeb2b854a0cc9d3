const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-cased words of a text: letters and digits, everything else is a separator. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
