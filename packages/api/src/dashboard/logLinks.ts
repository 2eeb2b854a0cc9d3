/** Links into the browser of the log (`streamPages.ts`), from any page. */

/** The link to a stream's page in the browser of the log. */
export function streamPageHref(streamId: string, query: { order?: 'newest' | 'oldest'; after?: number } = {}): string {
  const params = new URLSearchParams();
  if (query.order === 'oldest') params.set('order', 'oldest');
  if (query.after !== undefined) params.set('after', String(query.after));
  const search = params.size > 0 ? `?${params}` : '';
  return `/streams/${encodeURIComponent(streamId)}/page${search}`;
}

/** The link to an event's page. */
export function eventPageHref(position: number): string {
  return `/events/${position}/page`;
}
