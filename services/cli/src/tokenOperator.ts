import { createTokenCommands, TokenCommandRefusedError, type TokenView } from '@tally/api/tokens';
import type { Config } from '@tally/config';
import type { TokenScope } from '@tally/events';
import { withStore } from './context.ts';
import { answers, InstanceReadError } from './logReads.ts';
import { type RunningInstance, requestInstance, runningInstance } from './runningInstance.ts';

/** The token commands, the same whether the log is opened here or through a running instance. */
export interface TokenOperator {
  /** Issues a token; answers it with its secret (shown once). */
  issue(input: { name: string; scopes: readonly TokenScope[] }): Promise<{ token: TokenView; secret: string }>;
  /** Every token, revoked ones included, in issue order. */
  list(): Promise<TokenView[]>;
  /** @throws TokenCommandRefusedError for a token never issued or revoked already */
  revoke(tokenId: string, reason: string | null): Promise<void>;
}

/** The commands as a client of the running instance's API: they need a token with the operator scope (API_TOKEN). */
export function instanceTokenOperator(instance: RunningInstance, token: string | undefined): TokenOperator {
  const call = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response> => {
    const res = await requestInstance(instance, token, path, { method, body });
    if (res.ok || res.status === 404) return res;
    const answer = (await res.json().catch(() => ({}))) as { message?: string };
    if (res.status === 401 || res.status === 403) {
      throw new InstanceReadError(
        `the running tally at ${instance.url} asks for a token with the operator scope to manage tokens: set API_TOKEN as it has it (${answer.message ?? res.status})`,
        'running-instance-token',
      );
    }
    throw new InstanceReadError(
      `the running tally at ${instance.url} answered ${res.status}: ${answer.message ?? ''}`.trim(),
      'running-instance-failed',
    );
  };
  return {
    async issue(input) {
      const res = await call('POST', '/tokens', { name: input.name, scopes: input.scopes });
      const { token: secret, ...view } = (await res.json()) as Omit<TokenView, 'revoked'> & { token: string };
      return { token: { ...view, revoked: false }, secret };
    },
    async list() {
      const res = await call('GET', '/tokens');
      const { tokens } = (await res.json()) as { tokens: TokenView[] };
      return tokens.map(({ tokenId, name, scopes, issuedAt, revoked }) => ({
        tokenId,
        name,
        scopes,
        issuedAt,
        revoked,
      }));
    },
    async revoke(tokenId, reason) {
      const query = reason ? `?${new URLSearchParams({ reason })}` : '';
      const res = await call('DELETE', `/tokens/${encodeURIComponent(tokenId)}${query}`);
      if (res.status === 404) {
        const answer = (await res.json().catch(() => ({}))) as { message?: string };
        throw new TokenCommandRefusedError(answer.message ?? `no live token ${tokenId}`, 'token-not-found', tokenId);
      }
    },
  };
}

/**
 * Runs `fn` with the token commands: through the running instance when one holds the embedded log
 * (said on stderr), else on the log itself (with DATABASE_URL, the server's log, which any number
 * of processes open). Tokens issued on the log open the API's routes once its projector has folded
 * them (within seconds).
 */
export async function withTokenOperator<T>(config: Config, fn: (operator: TokenOperator) => Promise<T>): Promise<T> {
  const instance = config.DATABASE_URL ? null : runningInstance(config.TALLY_DATA_DIR);
  if (instance && (await answers(instance))) {
    process.stderr.write(`managing tokens through the running tally at ${instance.url}\n`);
    return fn(instanceTokenOperator(instance, config.API_TOKEN));
  }
  return withStore(config, (store) => {
    const commands = createTokenCommands(store);
    return fn({
      issue: async (input) => {
        const { token, secret } = await commands.issue(input);
        return { token, secret };
      },
      list: () => commands.list(),
      revoke: async (tokenId, reason) => {
        await commands.revoke(tokenId, reason);
      },
    });
  });
}
