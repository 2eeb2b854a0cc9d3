import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './launchedProcess.ts';

/** A service of docker-compose.yml, as compose reads it (merge keys applied). */
export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  env_file?: ({ path: string; required?: boolean } | string)[];
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  container_name?: string;
  hostname?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export const composePath = join(repoRoot, 'docker-compose.yml');
export const dockerfilePath = join(repoRoot, 'services', 'Dockerfile');

export function readCompose(): ComposeFile {
  return parse(readFileSync(composePath, 'utf8'), { merge: true }) as ComposeFile;
}

/** `${NAME:-default}` as compose reads it, with nothing set in the environment. */
export function interpolate(text: string): string {
  return text.replace(
    /\$\{(\w+)(?::?-([^}]*))?\}/g,
    (_, _name: string, fallback: string | undefined) => fallback ?? '',
  );
}

/** KEY=VALUE lines of an env file (comments and blank lines skipped). */
export function readEnvFile(path: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) env[m[1]!] = m[2]!.trim();
  }
  return env;
}

/** The env files a service names, with whether each must exist. */
export function envFilesOf(service: ComposeService): { path: string; required: boolean }[] {
  return (service.env_file ?? []).map((f) =>
    typeof f === 'string'
      ? { path: resolve(dirname(composePath), f), required: true }
      : { path: resolve(dirname(composePath), f.path), required: f.required ?? true },
  );
}

/** The environment a service's process gets: its env files in order, then `environment`. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env: Record<string, string> = {};
  for (const f of envFilesOf(service)) {
    try {
      Object.assign(env, readEnvFile(f.path));
    } catch (err) {
      if (f.required) throw err;
    }
  }
  for (const [k, v] of Object.entries(service.environment ?? {})) env[k] = interpolate(String(v));
  return env;
}

export interface Mount {
  source: string;
  target: string;
  readOnly: boolean;
  /** A named volume of the file's `volumes:` (else a path of the host, a bind mount). */
  named: boolean;
}

export function mountsOf(service: ComposeService, file: ComposeFile): Mount[] {
  return (service.volumes ?? []).map((spec) => {
    const [source = '', target = '', mode] = interpolate(spec).split(':');
    const named = !source.startsWith('.') && !isAbsolute(source) && !source.startsWith('~');
    if (named && !(file.volumes && source in file.volumes)) {
      throw new Error(`volume "${source}" is not declared under volumes:`);
    }
    return { source, target, readOnly: mode === 'ro', named };
  });
}

/** The image's ENTRYPOINT and the HEALTHCHECK's command, as JSON arrays in the Dockerfile. */
export function readDockerfile(): { entrypoint: string[]; healthcheck: string[]; text: string } {
  const text = readFileSync(dockerfilePath, 'utf8').replace(/\\\n/g, ' ');
  const json = (re: RegExp) => {
    const m = re.exec(text);
    return m ? (JSON.parse(m[1]!) as string[]) : [];
  };
  return {
    entrypoint: json(/^ENTRYPOINT\s+(\[.*\])\s*$/m),
    healthcheck: json(/^HEALTHCHECK\s.*?\bCMD\s+(\[.*\])\s*$/m),
    text,
  };
}
