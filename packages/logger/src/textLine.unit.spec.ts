import { describe, expect, it } from 'vitest';
import { textLine } from './textLine.ts';

const at = Date.parse('2026-12-06T14:03:09Z');
const clock = new Date(at).toTimeString().slice(0, 8);

describe('textLine', () => {
  it('writes an info record as its time, message and own fields, without pino bookkeeping', () => {
    const line = textLine({
      level: 30,
      time: at,
      pid: 4242,
      hostname: 'box',
      name: 'tally',
      msg: 'api listening',
      url: 'http://127.0.0.1:3000',
    });
    expect(line).toBe(`${clock} api listening  url=http://127.0.0.1:3000\n`);
  });

  it('names levels other than info, quotes text with spaces and shows an error by type and message', () => {
    const line = textLine({
      level: 40,
      time: at,
      msg: 'article fetch failed',
      reason: 'http-404',
      message: 'Not Found at the origin',
      attempt: 2,
      permanent: true,
      err: { type: 'FetchError', message: 'HTTP 404', stack: 'FetchError: HTTP 404\n    at …' },
    });
    expect(line).toBe(
      `${clock} WARN article fetch failed  reason=http-404  message="Not Found at the origin"  attempt=2  permanent=true  err="FetchError: HTTP 404"\n`,
    );
    expect(line.split('\n')).toHaveLength(2);
  });

  it('cuts long values, so one record stays one line', () => {
    const line = textLine({ level: 50, time: at, msg: 'worker error', detail: 'x'.repeat(1000), text: 'a\nb' });
    expect(line.length).toBeLessThan(220);
    expect(line).toMatch(/^.* ERROR worker error {2}detail=x+… {2}text="a\\nb"\n$/);
  });
});
