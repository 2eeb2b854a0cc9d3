import { TokenCommandRefusedError } from '@tally/api/tokens';
import { type TokenScope, tokenScopes } from '@tally/events';
import { Command } from 'commander';
import { cliConfig, UsageError } from '../context.ts';
import { withTokenOperator } from '../tokenOperator.ts';

/** `read,operator` → the scopes, each once; anything else is a usage error. */
function scopesOption(value: string): TokenScope[] {
  const given = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = given.filter((s) => !(tokenScopes as readonly string[]).includes(s));
  if (given.length === 0 || unknown.length > 0)
    throw new UsageError(`--scopes takes a comma-separated list of ${tokenScopes.join(', ')}, got "${value}"`);
  return tokenScopes.filter((s) => given.includes(s));
}

const issue = new Command('issue')
  .description(
    'Issue a named token with scopes (TokenIssued, keeping only its SHA-256); prints the token, shown this once.',
  )
  .requiredOption('--name <name>', 'who or what holds it')
  .requiredOption('--scopes <scopes>', `comma-separated: ${tokenScopes.join(', ')}`, scopesOption)
  .option('--json', 'print {tokenId, name, scopes, issuedAt, token} as one JSON line')
  .addHelpText('after', '\nExample:\n  tally tokens issue --name "figures dashboard" --scopes read')
  .action(async (opts: { name: string; scopes: TokenScope[]; json?: boolean }) => {
    const name = opts.name.trim();
    if (name.length === 0 || name.length > 100) throw new UsageError('--name takes 1 to 100 characters');
    await withTokenOperator(cliConfig(), async (operator) => {
      const { token, secret } = await operator.issue({ name, scopes: opts.scopes });
      if (opts.json) {
        const { revoked: _revoked, ...view } = token;
        process.stdout.write(`${JSON.stringify({ ...view, token: secret })}\n`);
      } else {
        process.stderr.write(
          `issued ${token.tokenId} (${token.scopes.join(', ')}) for ${token.name}: the token is shown this once\n`,
        );
        process.stdout.write(`${secret}\n`);
      }
    });
  });

const list = new Command('list')
  .description('List the tokens: id, live or revoked, scopes, name, issued at (never a token or its hash).')
  .option('--json', 'one JSON object per line')
  .option('--all', 'include revoked tokens')
  .action(async (opts: { json?: boolean; all?: boolean }) => {
    await withTokenOperator(cliConfig(), async (operator) => {
      for (const t of await operator.list()) {
        if (t.revoked && !opts.all) continue;
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(t)}\n`
            : `${t.tokenId}\t${t.revoked ? 'revoked' : 'live'}\t${t.scopes.join(',')}\t${t.name}\t${t.issuedAt}\n`,
        );
      }
    });
  });

const revoke = new Command('revoke')
  .description('Revoke tokens by id (TokenRevoked): refused from then on.')
  .argument('<tokenIds...>')
  .option('--reason <text>', 'why, recorded with the revocation')
  .action(async (ids: string[], opts: { reason?: string }) => {
    if ((opts.reason?.length ?? 0) > 500) throw new UsageError('--reason is at most 500 characters');
    await withTokenOperator(cliConfig(), async (operator) => {
      for (const id of ids) {
        try {
          await operator.revoke(id, opts.reason ?? 'revoked from the command line');
          process.stdout.write(`revoked\t${id}\n`);
        } catch (err) {
          if (!(err instanceof TokenCommandRefusedError)) throw err;
          process.stderr.write(`unknown\t${id}\t${err.message}\n`);
          process.exitCode = 1;
        }
      }
    });
  });

export default new Command('tokens')
  .description('Issue, list and revoke scoped API tokens (read, write, operator), without a restart.')
  .addCommand(issue)
  .addCommand(list)
  .addCommand(revoke);
