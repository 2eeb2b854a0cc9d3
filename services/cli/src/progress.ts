import cliProgress from 'cli-progress';

export interface Progress {
  update(value: number, total?: number): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; otherwise a line every few seconds. */
export function progressBar(label: string, total: number, unit: string): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | eta {eta_formatted}`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(Math.max(total, 1), 0, { rate: 0 });
    return {
      update(value, newTotal) {
        if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
        bar.update(value, { rate: Math.round(value / Math.max((Date.now() - started) / 1000, 0.001)) });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  let latest: string | null = null;
  let written: string | null = null;
  const write = (line: string) => {
    written = line;
    process.stderr.write(`${line}\n`);
  };
  return {
    update(value, newTotal) {
      latest = `${label}: ${value}/${newTotal ?? total} ${unit}`;
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      write(latest);
    },
    // The last state is always shown, so a log ends with where the work ended.
    stop() {
      if (latest !== null && latest !== written) write(latest);
    },
  };
}
