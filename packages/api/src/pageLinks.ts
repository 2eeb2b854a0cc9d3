import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The RFC 8288 `Link` header of a list page: `rel="next"`, the request's own path and query with
 * `after` set to the page's `next` cursor (every other parameter kept, `limit` and filters alike),
 * as a reference relative to the request: no Host header is trusted to build it. Nothing is set
 * on the last page.
 */
export function linkNextPage(request: FastifyRequest, reply: FastifyReply, next: string | number | null): void {
  if (next === null) return;
  const url = new URL(request.url, 'http://tally.invalid');
  url.searchParams.set('after', String(next));
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
}
