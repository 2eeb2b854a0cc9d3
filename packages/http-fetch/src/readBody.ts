import { Readable, type Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

/** The body grew past the cap (on the wire or once decoded). */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(
    readonly limit: number,
    readonly stage: 'wire' | 'decoded',
  ) {
    super(`body exceeds ${limit} bytes (${stage})`);
  }
}

/** Thrown inside the read to stop it at the cap when the caller wants the body cut there, not refused. */
class CapReached extends Error {
  override readonly name = 'CapReached';
}

/** The Content-Encoding is unknown or the compressed stream is corrupt. */
export class BadContentEncodingError extends Error {
  override readonly name = 'BadContentEncodingError';
}

const zlibCodes = /^(Z_|ERR_BROTLI|ERR_ZLIB|ERR__ZLIB)/;

/** Content codings in the order they were applied, without `identity`. */
export function contentCodings(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110) but some servers send raw deflate: the first
 * two bytes tell them apart (a zlib header is CM=8 and a multiple of 31).
 */
function looksZlibWrapped(first: Buffer): boolean {
  return first.length >= 2 && (first[0]! & 0x0f) === 8 && ((first[0]! << 8) | first[1]!) % 31 === 0;
}

function decoderFor(coding: string, first: Buffer): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return looksZlibWrapped(first) ? createInflate() : createInflateRaw();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new BadContentEncodingError(`unsupported Content-Encoding: ${coding}`);
  }
}

/**
 * Reads a response body into one Buffer, decoding its content codings as a stream and counting
 * both the wire bytes and the decoded bytes against `limit`. Decoding stops at the first decoded
 * chunk past the limit, so a compression bomb costs at most `limit` plus one zlib chunk (16 KiB)
 * of memory and never inflates in full. With `truncate`, a body past the cap is not refused: its
 * first `limit` decoded bytes are returned (what was decoded by then, when the wire bytes reach the
 * cap first) and the rest is never read.
 */
export async function readBody(
  body: Readable,
  codings: readonly string[],
  limit: number,
  truncate = false,
): Promise<Buffer> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let wireBytes = 0;
  const countWire = (chunk: Buffer): Buffer => {
    wireBytes += chunk.length;
    if (wireBytes > limit) throw truncate ? new CapReached() : new BodyTooLargeError(limit, 'wire');
    return chunk;
  };

  let first: IteratorResult<Buffer>;
  try {
    first = await iterator.next();
  } catch (err) {
    body.destroy();
    throw err;
  }
  if (first.done) return Buffer.alloc(0);
  if (codings.length === 0) return readPlain(body, iterator, first.value, limit, truncate);
  let decoders: Transform[];
  try {
    countWire(first.value);
    // Codings are listed in the order applied, so they come off in reverse.
    decoders = [...codings].reverse().map((c) => decoderFor(c, first.value));
  } catch (err) {
    body.destroy();
    throw err;
  }

  const source = Readable.from(
    (async function* () {
      try {
        yield first.value;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield countWire(next.value);
        }
      } finally {
        // Stopping early (too large, a decoder error) must close the connection too.
        if (!body.readableEnded) body.destroy();
      }
    })(),
    { objectMode: false },
  );

  const chunks: Buffer[] = [];
  let decodedBytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (decodedBytes + chunk.length > limit) {
        if (!truncate) {
          callback(new BodyTooLargeError(limit, 'decoded'));
          return;
        }
        const kept = chunk.subarray(0, limit - decodedBytes);
        chunks.push(kept);
        decodedBytes += kept.length;
        callback(new CapReached());
        return;
      }
      decodedBytes += chunk.length;
      chunks.push(chunk);
      callback();
    },
  });

  try {
    await pipeline([source, ...decoders, sink]);
  } catch (err) {
    if (err instanceof CapReached) return Buffer.concat(chunks, decodedBytes);
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && zlibCodes.test(code)) {
      throw new BadContentEncodingError(`corrupt ${codings.join(', ')} body: ${(err as Error).message}`, {
        cause: err,
      });
    }
    throw err;
  }
  return Buffer.concat(chunks, decodedBytes);
}

/**
 * A body without content codings (most pages): its chunks read straight off the response, with
 * none of the stream pipeline a decoder needs. That pipeline cost several promise and stream hops
 * per chunk on the thread that runs every job; the wire limit is the same check.
 */
async function readPlain(
  body: Readable,
  iterator: AsyncIterator<Buffer>,
  first: Buffer,
  limit: number,
  truncate: boolean,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for (let chunk: Buffer | null = first; chunk; ) {
      if (bytes + chunk.length > limit) {
        if (!truncate) throw new BodyTooLargeError(limit, 'wire');
        chunks.push(chunk.subarray(0, limit - bytes));
        bytes = limit;
        body.destroy();
        break;
      }
      chunks.push(chunk);
      bytes += chunk.length;
      const next = await iterator.next();
      chunk = next.done ? null : next.value;
    }
  } catch (err) {
    // Stopping early (too large, a broken connection) must close the connection too.
    if (!body.readableEnded) body.destroy();
    throw err;
  }
  return Buffer.concat(chunks, bytes);
}
