/**
 * A command-line usage error: printed as one line with its code, exit status 2. A module of its own
 * so that `main.ts` can catch it without importing what the commands need.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly code = 'usage',
  ) {
    super(message);
  }
}
