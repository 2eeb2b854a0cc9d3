import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody } from '../apiErrors.ts';
import type { FigureChangeFeed } from '../FigureChangeFeed.ts';
import { StreamHeaders, StreamQuery } from '../schemas.ts';
import { redactUrlCredentials } from '../urlCredentials.ts';

export interface FigureStreamOptions {
  /** A comment line is sent after this long without a change, so proxies keep the stream open. @defaultValue 15000 */
  heartbeatMs?: number;
  /** Streams open at once; more are refused with 429. @defaultValue 100 (config `API_MAX_STREAMS`) */
  maxStreams?: number;
  /**
   * Streams one client (an address, or the token's holder) may hold at once, so that one reader
   * cannot take every slot; more are refused with 429. @defaultValue 8 (config `API_MAX_STREAMS_PER_CLIENT`)
   */
  maxStreamsPerClient?: number;
  /** The reconnection delay suggested to clients (`retry:`). @defaultValue 2000 */
  retryMs?: number;
}

/** The open streams of one app: counted for the limit and the metrics, ended when the app closes. */
export class FigureStreams {
  readonly #open = new Map<AbortController, Promise<void>>();
  /** Open streams by client (see `clientKeyOf`); a client without streams has no entry. */
  readonly #byClient = new Map<string, number>();
  readonly feed: FigureChangeFeed;
  readonly heartbeatMs: number;
  readonly maxStreams: number;
  readonly maxStreamsPerClient: number;
  readonly retryMs: number;

  constructor(feed: FigureChangeFeed, options: FigureStreamOptions = {}) {
    this.feed = feed;
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.maxStreams = options.maxStreams ?? 100;
    this.maxStreamsPerClient = options.maxStreamsPerClient ?? 8;
    this.retryMs = options.retryMs ?? 2000;
  }

  get openCount(): number {
    return this.#open.size;
  }

  /** Throws the 429 to answer when a stream for `client` would pass a limit. */
  admit(client: string): void {
    if ((this.#byClient.get(client) ?? 0) >= this.maxStreamsPerClient) {
      throw new ApiError('TALLY_ERR_TOO_MANY_CLIENT_STREAMS');
    }
    if (this.openCount >= this.maxStreams) throw new ApiError('TALLY_ERR_TOO_MANY_STREAMS');
  }

  /** Sends the changes after `after` to `res`, then follows the log until the client or the app goes. */
  open(res: ServerResponse, after: number, log: FastifyBaseLogger, client: string): void {
    const ctl = new AbortController();
    res.on('close', () => ctl.abort());
    this.#byClient.set(client, (this.#byClient.get(client) ?? 0) + 1);
    const run = this.#run(res, after, ctl.signal, log).finally(() => {
      this.#open.delete(ctl);
      const left = (this.#byClient.get(client) ?? 1) - 1;
      if (left > 0) this.#byClient.set(client, left);
      else this.#byClient.delete(client);
    });
    this.#open.set(ctl, run);
  }

  async #run(res: ServerResponse, after: number, signal: AbortSignal, log: FastifyBaseLogger): Promise<void> {
    const write = async (chunk: string) => {
      if (!res.write(chunk)) await once(res, 'drain', { signal });
    };
    let cursor = after;
    let sent = 0;
    try {
      this.feed.start();
      await write(`retry: ${this.retryMs}\n\n`);
      while (!signal.aborted) {
        const page = await this.feed.read(cursor, 500);
        for (const change of page.changes) {
          if (signal.aborted) break;
          const data = redactUrlCredentials(JSON.stringify(change));
          await write(`id: ${change.position}\nevent: figure\ndata: ${data}\n\n`);
          cursor = change.position;
          sent++;
        }
        if (signal.aborted) break;
        cursor = page.next;
        if (cursor >= this.feed.indexedTo) {
          const moved = await this.feed.waitPast(cursor, this.heartbeatMs, signal);
          if (!moved && !signal.aborted) await write(': heartbeat\n\n');
        }
      }
    } catch (err) {
      // The client resumes with Last-Event-ID; nothing it received is lost or repeated.
      if (!signal.aborted) log.warn({ err, cursor }, 'figure stream failed');
    } finally {
      log.info({ after, cursor, sent }, 'figure stream closed');
      if (!res.writableEnded) res.end();
    }
  }

  /** Ends every stream (the app is closing) and waits for them to finish. */
  async closeAll(): Promise<void> {
    const running = [...this.#open];
    for (const [ctl] of running) ctl.abort();
    await Promise.allSettled(running.map(([, p]) => p));
  }
}

/**
 * `clientOf` names the client a request counts against (`clientKeyOf`): the route is open to
 * anonymous readers, so the per-client limit is what keeps one of them from taking every slot.
 */
export function figureStreamRoute(
  app: FastifyInstance,
  streams: FigureStreams,
  clientOf: (request: FastifyRequest) => string,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/figures/stream',
    {
      config: { access: 'read' },
      schema: {
        tags: ['figures'],
        summary: 'Figure changes as Server-Sent Events',
        description: [
          'Each `ClaimExtracted` and each `ArticleDuplicateDetected` that changes a figure is sent as an event `figure`',
          'whose `id` is its log position and whose `data` is a JSON `FigureChange` (position, type, figureKeys, claim or duplicate).',
          'Changes come in log order. To resume, reconnect with `Last-Event-ID` set to the last id received (browsers do it',
          'themselves): the stream continues right after it, so every change arrives exactly once. Without the header the',
          'stream starts after `after` (default 0: the whole history). A comment line is sent when idle (heartbeat).',
        ].join(' '),
        querystring: StreamQuery,
        headers: z.looseObject(StreamHeaders.shape),
        produces: ['text/event-stream'],
        response: {
          200: z.string().describe('A `text/event-stream` of `figure` events.'),
          400: ErrorBody,
          401: ErrorBody,
          429: ErrorBody.describe(
            '`TALLY_ERR_TOO_MANY_CLIENT_STREAMS` when this client holds its share of streams, `TALLY_ERR_TOO_MANY_STREAMS` when all are taken.',
          ),
        },
      },
    },
    async (request, reply) => {
      const client = clientOf(request);
      streams.admit(client);
      const header = request.headers['last-event-id'];
      const after = typeof header === 'string' ? Number(header) : (request.query.after ?? 0);
      reply.hijack();
      // The stream writes a heartbeat at least every heartbeatMs: the idle timeout must not end it
      // first, while a client that stops reading (no write completes) is still let go.
      const socket = reply.raw.socket;
      if (socket && socket.timeout !== undefined && socket.timeout > 0) {
        socket.setTimeout(Math.max(socket.timeout, 2 * streams.heartbeatMs));
      }
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      request.log.info({ after }, 'figure stream opened');
      streams.open(reply.raw, after, request.log, client);
    },
  );
}
