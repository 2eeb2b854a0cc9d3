import {
  decodeHtml,
  ExtractError,
  type ExtractErrorReason,
  type ExtractedArticle,
  extractArticle,
} from '@tally/extract';

/** A page sent to a worker. */
export interface ExtractionRequest {
  id: number;
  bytes: Uint8Array;
  contentType: string | null;
  url: string;
}

/** A worker's answer: the article, or the reason it could not be extracted. */
export type ExtractionReply =
  | { id: number; ok: true; article: ExtractedArticle; charset: string }
  | { id: number; ok: false; reason: ExtractErrorReason; message: string };

/**
 * Decodes and extracts one page. Errors cross the thread boundary as data: a structured clone keeps
 * an Error's message but not its class or its `reason`.
 */
export function runExtraction(request: ExtractionRequest): ExtractionReply {
  try {
    const { html, charset } = decodeHtml(request.bytes, request.contentType);
    const article = extractArticle(html, { url: request.url });
    return { id: request.id, ok: true, article, charset };
  } catch (err) {
    if (err instanceof ExtractError) return { id: request.id, ok: false, reason: err.reason, message: err.message };
    const message = err instanceof Error ? err.message : String(err);
    return { id: request.id, ok: false, reason: 'extract-error', message: `extraction failed: ${message}` };
  }
}
