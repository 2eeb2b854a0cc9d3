import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config, loadConfig } from '@tally/config';
import type {} from '@tally/local-services/vitest-setup';
import { stageNames } from '@tally/pipeline';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { commandList } from '../src/commandList.ts';
import {
  type ComposeFile,
  envFilesOf,
  environmentOf,
  mountsOf,
  readCompose,
  readDockerfile,
} from './support/composeFile.ts';
import { type PlainProcess, plainProcesses, serviceOf } from './support/composeStack.ts';
import { freshDatabase } from './support/freshDatabase.ts';
import { type Exit, LaunchedProcess, repoRoot } from './support/launchedProcess.ts';

const WORKERS = ['poller', 'fetcher', 'analyzer', 'projector', 'webhooks'];
/** Node's own variables, which the image's processes may be given besides Tally's configuration. */
const NODE_VARIABLES = new Set(['NODE_OPTIONS']);

/**
 * docker-compose.yml and services/Dockerfile, checked without a Docker engine: the file read as
 * compose reads it, then the stack run as the containers would run it, each service's command
 * after the image's entrypoint as a plain process (see composeStack.ts for what is mapped).
 */
describe('docker-compose.yml', () => {
  const compose: ComposeFile = readCompose();
  const docker = readDockerfile();
  const tallyServices = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);

  it('runs every Tally service as a command of the CLI, through node itself (no npm or npx to swallow SIGTERM)', () => {
    expect(docker.entrypoint.slice(0, 2)).toEqual(['node', 'services/cli/bin/tally.mjs']);
    expect(tallyServices.map(([name]) => name).sort()).toEqual(
      ['analyzer', 'api', 'fetcher', 'newsroom', 'poller', 'projector', 'webhooks'].sort(),
    );
    const commands = new Set(commandList.map((c) => c.name));
    for (const [name, service] of tallyServices) {
      const [command, stage] = service.command ?? [];
      expect(commands.has(command ?? ''), `${name}: ${command}`).toBe(true);
      if (command === 'worker') expect([...stageNames, 'webhooks'], name).toContain(stage);
    }
    expect(JSON.stringify(compose)).not.toMatch(/\bnpx\b|\bnpm\b/);
    expect(docker.text).not.toMatch(/^(CMD|ENTRYPOINT).*\bnpx\b/m);
  });

  it('gives the services only variables that packages/config knows, with values it accepts', () => {
    const known = new Set(Object.keys(Config.shape));
    for (const [name, service] of tallyServices) {
      const env = environmentOf(service);
      const unknown = Object.keys(env).filter((k) => !known.has(k) && !NODE_VARIABLES.has(k));
      expect(unknown, name).toEqual([]);
      const tallyEnv = Object.fromEntries(Object.entries(env).filter(([k]) => known.has(k)));
      expect(() => loadConfig({}, tallyEnv), name).not.toThrow();
    }
  });

  it('serves /metrics from every worker and the API inside the network, published to no host port', () => {
    for (const [name, service] of tallyServices) {
      if (name === 'newsroom') continue;
      const config = loadConfig({}, environmentOf(service));
      expect([config.METRICS_PORT, config.METRICS_HOST], name).toEqual([9464, '0.0.0.0']);
      expect(JSON.stringify(service.ports ?? []), name).not.toContain('9464');
    }
  });

  it('sets an API_TOKEN from an env file, so the API on 0.0.0.0 takes writes', () => {
    const api = compose.services.api!;
    expect(envFilesOf(api).some((f) => f.required)).toBe(true);
    expect(loadConfig({}, environmentOf(api)).API_TOKEN).toEqual(expect.any(String));
  });

  it('keeps data in named volumes, and mounts host folders read-only', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const m of mountsOf(service, compose)) {
        expect(m.named || m.readOnly, `${name}: ${m.source}:${m.target}`).toBe(true);
      }
    }
    const volumeAt = (service: string, target: string) =>
      mountsOf(compose.services[service]!, compose).find((m) => m.target === target);
    expect(volumeAt('postgres', '/var/lib/postgresql/data')?.named).toBe(true);
    expect(volumeAt('redis', '/data')?.named).toBe(true);
  });

  it('checks the health of every service, and starts each after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.healthcheck?.test?.length, name).toBeGreaterThan(0);
      for (const [dep, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(compose.services[dep], `${name} -> ${dep}`).toBeDefined();
        expect(condition, `${name} -> ${dep}`).toBe('service_healthy');
      }
    }
    expect(docker.healthcheck.length).toBeGreaterThan(0);
  });

  it('lets the workers be scaled (--scale): no fixed name, host port or hostname', () => {
    for (const name of WORKERS) {
      const s = compose.services[name]!;
      expect({ name, container_name: s.container_name, ports: s.ports, hostname: s.hostname }).toEqual({
        name,
        container_name: undefined,
        ports: undefined,
        hostname: undefined,
      });
    }
  });
});

describe('the compose stack run as plain processes', () => {
  let scratch: string;
  let db: { url: string; drop(): Promise<void> };
  let processes: PlainProcess[];
  const running = new Map<string, LaunchedProcess>();
  const health: Record<string, { before: number | null; after: number | null }> = {};
  const exits: Record<string, Exit> = {};
  let figures = 0;

  const start = (p: PlainProcess) => {
    const [node, ...args] = p.argv;
    const launched = new LaunchedProcess(node === 'node' ? process.execPath : node!, args, p.env);
    running.set(p.service, launched);
    return launched;
  };
  const ready = (p: PlainProcess) => {
    const l = running.get(p.service)!;
    const line =
      p.service === 'api' ? 'api listening' : p.service === 'newsroom' ? 'newsroom serving' : 'service started';
    return l.waitFor(`${p.service} to start`, () => l.logged(line).length > 0, 180_000);
  };
  /** The service's health check, run as the container runtime runs it (`CMD` form). */
  const checkHealth = (p: PlainProcess) => {
    const [, node, ...args] = readCompose().services[p.service]!.healthcheck!.test;
    const r = spawnSync(node === 'node' ? process.execPath : node!, args, {
      cwd: repoRoot,
      env: { ...process.env, ...p.env },
      encoding: 'utf8',
    });
    return r.status;
  };

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'tally-compose-'));
    db = await freshDatabase(inject('databaseUrl'), 'compose');
    processes = await plainProcesses(readCompose(), readDockerfile().entrypoint, scratch, {
      REDIS_URL: inject('redisUrl'),
      DATABASE_URL: db.url,
      QUEUE_PREFIX: `compose${process.pid}`,
    });
    // As compose orders them: the newsroom first (the poller waits for it to be healthy).
    const newsroom = serviceOf(processes, 'newsroom');
    start(newsroom);
    await ready(newsroom);
    const rest = processes.filter((p) => p.service !== 'newsroom');
    for (const p of rest) start(p);
    for (const p of rest) await ready(p);
    for (const p of processes) health[p.service] = { before: checkHealth(p), after: null };

    // The stack does the job: the demo's reports become figures behind the API.
    const api = `http://127.0.0.1:${serviceOf(processes, 'api').env.API_PORT}`;
    const deadline = Date.now() + 240_000;
    while (Date.now() < deadline && figures === 0) {
      const answer = (await (await fetch(`${api}/figures`)).json()) as { figures: unknown[] };
      figures = answer.figures.length;
      if (figures === 0) await new Promise((r) => setTimeout(r, 1000));
    }

    for (const p of processes) {
      const launched = running.get(p.service)!;
      launched.signal('SIGTERM');
      exits[p.service] = await launched.exit;
      health[p.service]!.after = checkHealth(p);
    }
  });

  afterAll(async () => {
    for (const l of running.values()) l.killGroup();
    await db?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('starts every Tally service, each healthy by its health check', () => {
    expect(Object.fromEntries(Object.entries(health).map(([s, h]) => [s, h.before]))).toEqual(
      Object.fromEntries(processes.map((p) => [p.service, 0])),
    );
  });

  it('turns the demo newsroom’s reports into figures served by the API', () => {
    expect(figures).toBeGreaterThan(0);
  });

  it('stops every service cleanly on SIGTERM (exit 0), after which its health check fails', () => {
    expect(exits).toEqual(Object.fromEntries(processes.map((p) => [p.service, { code: 0, signal: null }])));
    expect(Object.fromEntries(Object.entries(health).map(([s, h]) => [s, h.after]))).toEqual(
      Object.fromEntries(processes.map((p) => [p.service, 1])),
    );
  });
});
