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
  return {
    update(value, newTotal) {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      process.stderr.write(`${label}: ${value}/${newTotal ?? total} ${unit}\n`);
    },
    stop() {},
  };
}
