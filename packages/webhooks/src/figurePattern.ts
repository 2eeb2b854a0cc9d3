/**
 * Which figures a webhook is told about: a figure-key pattern where `*` stands for any run of
 * characters (none included) and every other character for itself, matched against the whole key.
 * `*` alone matches every figure; `transfer:*` the transfers; `*:container` every figure counted in
 * containers. No other wildcard: figure keys hold `?`, `[` and `.` as plain characters.
 */
export type FigurePattern = (figureKey: string) => boolean;

export const MAX_PATTERN_LENGTH = 512;

export function compileFigurePattern(pattern: string): FigurePattern {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) {
    throw new RangeError(`a figure-key pattern has 1 to ${MAX_PATTERN_LENGTH} characters`);
  }
  if (/^\*+$/.test(pattern)) return () => true;
  const parts = pattern.split('*').map((p) => p.replace(/[\\^$.|?+()[\]{}]/g, '\\$&'));
  const re = new RegExp(`^${parts.join('.*')}$`, 's');
  return (figureKey) => re.test(figureKey);
}
