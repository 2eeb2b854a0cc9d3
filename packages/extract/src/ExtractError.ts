/**
 * Why extraction failed. Each reason is a reason code of the event catalog:
 * - `not-html`: the bytes are a PDF, an image or another binary format, or the page has no body;
 * - `bad-encoding`: the bytes cannot be decoded as text in any charset the page or server claims;
 * - `empty`: a page was parsed but holds no article text (an index page, a login wall, a stub);
 * - `extract-error`: the DOM or Readability threw on the page;
 * - `extract-timeout`: the page exceeded its time budget in the extraction pool.
 */
export type ExtractErrorReason = 'empty' | 'extract-error' | 'not-html' | 'bad-encoding' | 'extract-timeout';

export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  readonly reason: ExtractErrorReason;

  constructor(reason: ExtractErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}
