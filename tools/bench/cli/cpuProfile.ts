import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function's time goes, by the package or library its source belongs to. */
export function componentOf(url: string, functionName: string): string {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'native (program)';
  const rules: [RegExp, string][] = [
    [/packages\/extract(-pool)?\/|linkedom|htmlparser2|entities|css-select|domutils/, 'extraction'],
    [/packages\/claims\//, 'claims'],
    [/packages\/dedupe(-index)?\//, 'dedupe'],
    [/packages\/feeds\//, 'feed parsing'],
    [/packages\/projection(s|-store)\//, 'projector'],
    [/packages\/event-store\/|node_modules\/pg(-[a-z]+)?\//, 'event store (pg client)'],
    [/bullmq|ioredis|packages\/queues\/|msgpackr|cluster-key-slot/, 'queues (BullMQ, ioredis)'],
    [/packages\/http-fetch\/|undici/, 'HTTP client'],
    [/zod/, 'zod validation'],
    [/pino|sonic-boom|packages\/logger\//, 'logging'],
    [/packages\/events\//, 'events (ids, schemas)'],
    [/packages\/pipeline\/src\/poller/, 'poller'],
    [/packages\/pipeline\/src\/fetcher/, 'fetcher'],
    [/packages\/pipeline\/src\/analyzer/, 'analyzer'],
    [/packages\/pipeline\/src\/ingest/, 'ingest loop'],
    [/packages\/pipeline\//, 'pipeline stages'],
    [/tsx|esbuild|get-tsconfig/, 'TypeScript loader'],
    [/^node:/, 'node core'],
  ];
  for (const [re, name] of rules) if (re.test(url)) return name;
  return url ? 'other JavaScript' : 'native (other)';
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** Self time by the component of the function itself. */
  byComponent: [string, number][];
  /**
   * Self time by the nearest caller that belongs to a package or library (node core, native code
   * and the ESM loader charged to whoever called them): what each part of Tally costs.
   */
  byCaller: [string, number][];
  /**
   * Self time by the stage whose code is on the stack (projector, analyzer, fetcher, poller, the
   * ingest loop, in that order), else by caller: the cost of each stage, its store and queue calls
   * included.
   */
  byStage: [string, number][];
  topFunctions: [string, number][];
}

const stages = ['projector', 'analyzer', 'fetcher', 'poller', 'ingest loop'];
const generic = new Set(['node core', 'native (other)', 'native (program)', 'other JavaScript', 'garbage collection']);

/** Self time per component and the hottest functions of each `.cpuprofile` in a directory. */
export function summarizeProfiles(dir: string): ProfileSummary[] {
  const out: ProfileSummary[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const callerOf = new Map<number, string>();
    const caller = (id: number): string => {
      const known = callerOf.get(id);
      if (known) return known;
      const n = nodes.get(id)!;
      const own = componentOf(n.callFrame.url, n.callFrame.functionName);
      const up = parent.get(id);
      const result = !generic.has(own) || up === undefined ? own : caller(up);
      callerOf.set(id, result);
      return result;
    };
    const byCaller = new Map<string, number>();
    const stageOf = new Map<number, number>();
    /** Index in `stages` of the first stage on the stack (stages.length: none). */
    const stage = (id: number): number => {
      const known = stageOf.get(id);
      if (known !== undefined) return known;
      const n = nodes.get(id)!;
      const own = stages.indexOf(componentOf(n.callFrame.url, n.callFrame.functionName));
      const up = parent.get(id);
      const result = Math.min(own < 0 ? stages.length : own, up === undefined ? stages.length : stage(up));
      stageOf.set(id, result);
      return result;
    };
    const byStage = new Map<string, number>();
    const self = new Map<number, number>();
    for (const [i, id] of profile.samples.entries()) {
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
    const byComponent = new Map<string, number>();
    const byFunction = new Map<string, number>();
    let totalMs = 0;
    for (const [id, ms] of self) {
      const n = nodes.get(id)!;
      const component = componentOf(n.callFrame.url, n.callFrame.functionName);
      if (component === 'idle') continue;
      totalMs += ms;
      byComponent.set(component, (byComponent.get(component) ?? 0) + ms);
      const by = component === 'garbage collection' ? component : caller(id);
      byCaller.set(by, (byCaller.get(by) ?? 0) + ms);
      const st = component === 'garbage collection' ? component : (stages[stage(id)] ?? by);
      byStage.set(st, (byStage.get(st) ?? 0) + ms);
      const where = n.callFrame.url.replace(/^.*\/(packages|node_modules)\//, '$1/');
      const fn = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    }
    const sorted = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
    out.push({
      file,
      totalMs,
      byComponent: sorted(byComponent, 20),
      byCaller: sorted(byCaller, 20),
      byStage: sorted(byStage, 20),
      topFunctions: sorted(byFunction, 15),
    });
  }
  return out.sort((a, b) => b.totalMs - a.totalMs);
}
