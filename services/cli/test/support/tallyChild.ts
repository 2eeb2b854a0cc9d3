import { type Exit, LaunchedProcess } from './launchedProcess.ts';
import { tallyBin } from './tallyProcess.ts';

/**
 * A `tally` command running in a process of its own, as an operator starts it (in the test's own
 * process group and folder): its output is kept so the test can wait for a line, and it can be sent
 * signals.
 */
export class TallyChild extends LaunchedProcess {
  constructor(args: readonly string[], env: Record<string, string>) {
    super(process.execPath, [tallyBin, ...args], env, { cwd: process.cwd(), ownGroup: false, waitBoundMs: 180_000 });
  }

  /** Sends `signal` unless it has ended already; its exit. */
  async stop(signal: NodeJS.Signals): Promise<Exit> {
    if (this.running) this.signal(signal);
    return this.exit;
  }
}
