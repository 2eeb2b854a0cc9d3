import { describe, expect, it } from 'vitest';
import { countEvents, logFormat, statusLine, worthALine } from './consoleOutput.ts';

describe('logFormat', () => {
  it('writes text lines only when stdout and stderr are both terminals', () => {
    expect(logFormat('auto', { stdout: true, stderr: true })).toBe('text');
    expect(logFormat('auto', { stdout: false, stderr: true })).toBe('json');
    expect(logFormat('auto', { stdout: true, stderr: false })).toBe('json');
    expect(logFormat('auto', { stdout: false, stderr: false })).toBe('json');
  });

  it('follows LOG_FORMAT when it names a format, terminal or not', () => {
    expect(logFormat('json', { stdout: true, stderr: true })).toBe('json');
    expect(logFormat('text', { stdout: false, stderr: false })).toBe('text');
  });
});

describe('status lines', () => {
  const hour = 60 * 60_000;

  it('are written for new articles, claims or failures at once, for polls alone once an hour', () => {
    const polls = countEvents([{ type: 'FeedPolled' }, { type: 'FeedPolled' }]);
    expect(worthALine(polls, 60_000, hour)).toBe(false);
    expect(worthALine(polls, hour, hour)).toBe(true);
    expect(worthALine(countEvents([{ type: 'FeedPolled' }, { type: 'ArticleExtracted' }]), 60_000, hour)).toBe(true);
    expect(worthALine(countEvents([{ type: 'ArticleFetchFailed' }]), 60_000, hour)).toBe(true);
    expect(worthALine(countEvents([]), 2 * hour, hour)).toBe(false);
  });

  const at = new Date(2026, 11, 6, 14, 5, 0);

  it('count what the log gained since the last line', () => {
    const types = [
      'FeedPolled',
      'FeedPolled',
      'FeedPollFailed',
      'ArticleDiscovered',
      'ArticleFetched',
      'ArticleExtracted',
      'ArticleFetchFailed',
      'ArticleAnalyzed',
      'ClaimExtracted',
      'ClaimExtracted',
    ];
    const counts = countEvents(types.map((type) => ({ type })));
    expect(counts).toEqual({ events: 10, polls: 3, articles: 1, claims: 2, failures: 2 });
    expect(statusLine(at, { ...counts, head: 1245, queued: 0 })).toBe(
      '14:05:00  +10 events: 3 polls, 1 article, 2 claims, 2 failures · log at 1,245 · 0 jobs queued\n',
    );
  });

  it('say only what happened: polls alone make a short line', () => {
    const counts = countEvents([{ type: 'FeedPolled' }]);
    expect(statusLine(at, { ...counts, head: 9, queued: 1 })).toBe(
      '14:05:00  +1 event: 1 poll · log at 9 · 1 job queued\n',
    );
  });
});
