import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { ApiError, type ApiErrorCode } from './apiErrors.ts';

/** What Node's HTTP parser or its timers refused, by the registry code it means to a client. */
function codeOf(err: NodeJS.ErrnoException): ApiErrorCode {
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'TALLY_ERR_REQUEST_TIMEOUT';
  if (err.code === 'HPE_HEADER_OVERFLOW') return 'TALLY_ERR_HEADERS_TOO_LARGE';
  return 'TALLY_ERR_BAD_REQUEST';
}

/**
 * Answers what Node refuses before Fastify sees a request (a malformed request line or header,
 * headers over the limit, a request that did not arrive within `API_REQUEST_TIMEOUT_MS`) with a
 * body of the error registry, and closes the connection. Fastify's own handler answers with no
 * code; Node's answers with no body.
 */
export function clientErrorHandler(log: FastifyBaseLogger) {
  return (err: NodeJS.ErrnoException, socket: Duplex): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const e = new ApiError(codeOf(err));
    // The parser's message and raw packet are not logged: they hold whatever bytes the client sent.
    log.debug({ code: e.code, reason: err.code }, 'connection refused by the HTTP parser');
    // A response already under way cannot be replaced by another without corrupting it.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (!socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(e.toBody());
    const head = [
      `HTTP/1.1 ${e.statusCode} ${STATUS_CODES[e.statusCode] ?? 'Error'}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ].join('\r\n');
    // Sent, then closed: a client that keeps sending does not keep the socket.
    socket.end(`${head}\r\n\r\n${body}`, () => socket.destroy());
    setTimeout(() => socket.destroy(), 5000).unref();
  };
}
