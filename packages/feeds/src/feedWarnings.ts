const MAX_WARNINGS = 20;

/** What a parse tolerated, each message once, at most 20. */
export class FeedWarnings {
  readonly list: string[] = [];
  private readonly seen = new Set<string>();
  add(message: string): void {
    if (this.list.length < MAX_WARNINGS && !this.seen.has(message)) {
      this.seen.add(message);
      this.list.push(message);
    }
  }
}
