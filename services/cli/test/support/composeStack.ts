import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@tally/local-services';
import { type ComposeFile, type ComposeService, environmentOf, mountsOf } from './composeFile.ts';
import { repoRoot } from './launchedProcess.ts';

/** How one container of the compose file runs as a plain process on this machine. */
export interface PlainProcess {
  service: string;
  /** The image's entrypoint with the service's command, addresses mapped. */
  argv: string[];
  env: Record<string, string>;
}

/**
 * Maps the compose stack onto plain processes, as the containers would run them: each service's
 * command after the image's entrypoint, in the repository root (the image's WORKDIR), with the
 * environment compose gives it. What a container network provides is mapped, and nothing else:
 * service names become 127.0.0.1 and each service's port a free one (in addresses, listen
 * options and allowlists); `0.0.0.0` becomes 127.0.0.1 (nothing leaves loopback); a named volume
 * becomes a folder under `scratch` shared by every service that mounts it, a bind mount its host
 * path; each service gets a TALLY_DATA_DIR of its own, as each container has its own file system.
 * Redis and PostgreSQL are the test's (`servers`).
 */
export async function plainProcesses(
  file: ComposeFile,
  entrypoint: readonly string[],
  scratch: string,
  servers: { REDIS_URL: string; DATABASE_URL: string; QUEUE_PREFIX: string },
): Promise<PlainProcess[]> {
  const tally = Object.entries(file.services).filter(([, s]) => s.build !== undefined);
  const names = Object.keys(file.services);
  // Every `service:port` the file names, and the API's default port, get a free port of their own.
  const ports = new Map<string, number>();
  const text = JSON.stringify(file.services);
  for (const m of text.matchAll(new RegExp(`\\b(${names.join('|')}):(\\d+)\\b`, 'g'))) {
    if (!ports.has(`${m[1]}:${m[2]}`)) ports.set(`${m[1]}:${m[2]}`, await freePort());
  }
  const apiPort = await freePort();
  const mapText = (s: string, mounts: { target: string; host: string }[]) => {
    let out = s.replace(new RegExp(`\\b(${names.join('|')}):(\\d+)\\b`, 'g'), (all, name: string, port: string) =>
      ports.has(`${name}:${port}`) ? `127.0.0.1:${ports.get(`${name}:${port}`)}` : all,
    );
    // Host limits name hosts without a port (`newsroom=16/0`).
    out = out.replace(new RegExp(`(^|,)(${names.join('|')})=`, 'g'), '$1127.0.0.1=');
    for (const m of mounts)
      if (out === m.target || out.startsWith(`${m.target}/`)) out = m.host + out.slice(m.target.length);
    return out === '0.0.0.0' ? '127.0.0.1' : out;
  };

  const processes: PlainProcess[] = [];
  for (const [name, service] of tally) {
    const mounts = mountsOf(service, file).map((m) => {
      const host = m.named ? join(scratch, 'volumes', m.source) : join(repoRoot, m.source);
      if (m.named) mkdirSync(host, { recursive: true });
      return { target: m.target, host };
    });
    const command = (service.command ?? []).map((a) => mapText(a, mounts));
    // A service's own listening port: `--port N` in its command, else API_PORT for the API.
    for (let i = 0; i < command.length - 1; i++) {
      if (command[i] === '--port' && ports.has(`${name}:${command[i + 1]}`)) {
        command[i + 1] = String(ports.get(`${name}:${command[i + 1]}`));
      }
    }
    const env = Object.fromEntries(
      Object.entries(environmentOf(service)).map(([k, v]) => [k, mapText(v, mounts)]),
    ) as Record<string, string>;
    const dataDir = join(scratch, 'containers', name, '.tally');
    mkdirSync(dataDir, { recursive: true });
    processes.push({
      service: name,
      argv: [...entrypoint, ...command],
      env: {
        ...env,
        ...('REDIS_URL' in env ? { REDIS_URL: servers.REDIS_URL } : {}),
        ...('DATABASE_URL' in env ? { DATABASE_URL: servers.DATABASE_URL } : {}),
        QUEUE_PREFIX: servers.QUEUE_PREFIX,
        TALLY_DATA_DIR: dataDir,
        API_PORT: String(apiPort),
        // Each container has a port 9464 of its own; as plain processes each takes a free one.
        ...('METRICS_PORT' in env ? { METRICS_PORT: '0' } : {}),
        EXTRACT_THREADS: '1',
      },
    });
  }
  return processes;
}

export function serviceOf(p: readonly PlainProcess[], name: string): PlainProcess {
  const found = p.find((x) => x.service === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
}

export type { ComposeService };
