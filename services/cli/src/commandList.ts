import type { Command } from 'commander';

/**
 * Every `tally` command, by name, with what `tally --help` lists for it, and the module that
 * builds it. Only the command being run is imported: a command module pulls in its whole stage
 * (the log, Redis, the extraction pool, …), and importing all of them made every start, `--help`
 * included, pay for everything. `commandList.unit.spec.ts` checks the table against the modules.
 */
export interface CommandEntry {
  name: string;
  /** As the help lists it: the name, `[options]` when it has some, its arguments. */
  term: string;
  description: string;
  load: () => Promise<{ default: Command }>;
}

export const commandList: readonly CommandEntry[] = [
  {
    name: 'start',
    term: 'start [options]',
    description:
      'Run everything in one process on the embedded defaults: the demo newsroom, every worker, the projector and the API.',
    load: () => import('./commands/start.ts'),
  },
  {
    name: 'ingest',
    term: 'ingest [options]',
    description: 'Poll feeds once and run the whole pipeline until every job it caused is done.',
    load: () => import('./commands/ingest.ts'),
  },
  {
    name: 'figures',
    term: 'figures [options]',
    description: 'Print the current figures: latest statement, who said it and when, statements and sources behind it.',
    load: () => import('./commands/figures.ts'),
  },
  {
    name: 'feeds',
    term: 'feeds',
    description: 'Register, list, edit, pause, resume, poll and remove feeds (every change is an event in the log).',
    load: () => import('./commands/feeds.ts'),
  },
  {
    name: 'tokens',
    term: 'tokens',
    description: 'Issue, list and revoke scoped API tokens (read, write, operator), without a restart.',
    load: () => import('./commands/tokens.ts'),
  },
  {
    name: 'events',
    term: 'events [options]',
    description: 'Print the event log in order of position.',
    load: () => import('./commands/events.ts'),
  },
  {
    name: 'replay',
    term: 'replay',
    description: 'Rebuild every projection from position 0 into fresh tables, then swap them in.',
    load: () => import('./commands/replay.ts'),
  },
  {
    name: 'worker',
    term: 'worker <stage>',
    description: 'Run one pipeline stage in this process (distributed mode: set REDIS_URL and DATABASE_URL).',
    load: () => import('./commands/worker.ts'),
  },
  {
    name: 'api',
    term: 'api [options]',
    description: 'Serve the API, live stream, figures page, queue dashboard and metrics.',
    load: () => import('./commands/api.ts'),
  },
  {
    name: 'health',
    term: 'health [options]',
    description: 'Exit 0 when the tally services running here are healthy (a container HEALTHCHECK).',
    load: () => import('./commands/health.ts'),
  },
  {
    name: 'newsroom',
    term: 'newsroom [options]',
    description: 'Serve the demo newsroom alone: five real reports as the pages and feeds of invented outlets.',
    load: () => import('./commands/newsroom.ts'),
  },
  {
    name: 'doctor',
    term: 'doctor [options]',
    description:
      'Report what is in the data directory: the log, its lock and manifest, checkpoints, the private Redis.',
    load: () => import('./commands/doctor.ts'),
  },
  {
    name: 'parse-feed',
    term: 'parse-feed [options] <files...>',
    description: 'Parse RSS, RDF, Atom or JSON Feed files offline and print one JSON line per file.',
    load: () => import('./commands/parseFeed.ts'),
  },
  {
    name: 'extract',
    term: 'extract [options] <files...>',
    description: 'Extract the article text and metadata of saved HTML pages and print one JSON line per file.',
    load: () => import('./commands/extract.ts'),
  },
  {
    name: 'similar',
    term: 'similar [options] <files...>',
    description: 'Group plain-text files into near-duplicates: which are copies of which (offline, nothing indexed).',
    load: () => import('./commands/similar.ts'),
  },
  {
    name: 'quantities',
    term: 'quantities [options]',
    description:
      'Extract the quantities of sentences: reads JSON lines {"id","text"} on stdin, prints one JSON line each.',
    load: () => import('./commands/quantities.ts'),
  },
  {
    name: 'claims',
    term: 'claims [options] [files...]',
    description: 'Extract the claims of articles: who did what to whom, how much, said by whom, when.',
    load: () => import('./commands/claims.ts'),
  },
];
