import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressBar } from './progress.ts';

/** What is written to stderr from now on, line by line as written. */
function captureStderr(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe('progress without a terminal', () => {
  const stderr = process.stderr as { isTTY?: boolean };
  const wasTTY = stderr.isTTY;
  beforeEach(() => {
    stderr.isTTY = false;
  });
  afterEach(() => {
    stderr.isTTY = wasTTY;
    vi.restoreAllMocks();
  });

  it('writes a line at most every two seconds, and the final state when stopped', () => {
    const lines = captureStderr();
    const bar = progressBar('ingesting', 10, 'events');
    bar.update(1, 10);
    bar.update(5, 12);
    bar.update(12, 12);
    bar.stop();
    expect(lines).toEqual(['ingesting: 1/10 events\n', 'ingesting: 12/12 events\n']);
  });

  it('writes nothing more when the last state was already written', () => {
    const lines = captureStderr();
    const bar = progressBar('replay', 3, 'events');
    bar.update(3);
    bar.stop();
    expect(lines).toEqual(['replay: 3/3 events\n']);
  });
});
