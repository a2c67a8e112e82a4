import { parseArgs } from 'node:util';
import { Role, roles } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { cliLocale } from '../cli-locale';
import { ConfigError, readConfig } from '../config';
import { scopeFromOptions } from '../organisations/scope-options';
import { openStorage } from '../storage/open';
import type { ApiToken, Storage } from '../storage/storage';
import { issueToken } from './tokens';

export const tokenUsage = `  token create --role admin|moderator|ngo --name NAME
  token create --role administration --name NAME --domains "*.example.gouv.fr,example.gouv.fr" [--commitments FR0067,…]
                  make an API token; it is printed once and only its hash is kept. An administration
                  sees, moderates, exports and answers only what is filed on its domains (example.gouv.fr:
                  that host; *.example.gouv.fr: any host below it) or on the commitments it leads
  token list      the tokens: id, role, name, created, revoked (and an administration's domains, commitments)
  token revoke ID revoke a token at once`;

async function withStorage<T>(run: (storage: Storage) => Promise<T>): Promise<T> {
  const config = readConfig(process.env);
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 1 });
  try {
    return await run(storage);
  } finally {
    await storage.close();
  }
}

function scopeLine(token: ApiToken): string {
  if (!token.scope) return '';
  const { domains, commitmentIds } = token.scope;
  return [...domains, ...commitmentIds].join(',');
}

/** `npm run platform -- token …`: tokens are made on the server's machine, never over the API. */
export async function tokenCommand(args: string[], out: (text: string) => void): Promise<void> {
  const locale = cliLocale();
  const [action, ...rest] = args;
  if (action === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        domains: { type: 'string' },
        commitments: { type: 'string' },
      },
    });
    const role = Role.safeParse(values.role);
    if (!role.success) throw new ConfigError(`--role must be one of ${roles.join(', ')}.`);
    const name = values.name?.trim() ?? '';
    if (name.length < 1 || name.length > 200)
      throw new ConfigError('--name must say who the token is for (1 to 200 characters).');
    const scoped = values.domains !== undefined || values.commitments !== undefined;
    if (role.data !== 'administration' && scoped) {
      throw new ConfigError(platformMessage('token.scope-only-administration', locale));
    }
    const scope = role.data === 'administration' ? scopeFromOptions(values, locale) : undefined;
    const { token, secret } = await withStorage(async (storage) => {
      if (scope) {
        const known = await storage.knownCommitments(scope.commitmentIds);
        const unknown = scope.commitmentIds.find((id) => !known.has(id));
        if (unknown)
          throw new ConfigError(`--commitments ${unknown}: ${platformMessage('token.commitment-unknown', locale)}`);
      }
      return issueToken(storage, role.data, name, scope);
    });
    out(
      [
        `Token ${token.id} created for "${token.name}" (${token.role}).`,
        ...(scope
          ? [
              `It sees, moderates, exports and answers what is filed on: ${scope.domains.join(', ') || '(no domain)'}` +
                (scope.commitmentIds.length > 0 ? `; and on the commitments ${scope.commitmentIds.join(', ')}.` : '.'),
            ]
          : []),
        'Copy it now: it is shown only this once, and only its hash is kept.',
        '',
        secret,
        '',
      ].join('\n'),
    );
    return;
  }
  if (action === 'list') {
    const tokens = await withStorage((storage) => storage.listTokens());
    if (tokens.length === 0) {
      out('No token yet. Make one with: npm run platform -- token create --role admin --name "…"\n');
      return;
    }
    const lines = tokens.map((t) =>
      [
        t.id,
        t.role.padEnd(14),
        t.createdAt,
        t.revokedAt ? `revoked ${t.revokedAt}` : 'active'.padEnd(32),
        t.name,
        ...(t.scope ? [`[${scopeLine(t)}]`] : []),
      ].join('  '),
    );
    out(
      [
        'id            role            created                   status                            name',
        ...lines,
        '',
      ].join('\n'),
    );
    return;
  }
  if (action === 'revoke') {
    const id = rest[0];
    if (!id) throw new ConfigError('Say which token to revoke: npm run platform -- token revoke ID (see token list).');
    const revoked = await withStorage((storage) => storage.revokeToken(id, new Date().toISOString()));
    if (!revoked) throw new ConfigError(`There is no active token ${id} (see token list).`);
    out(`Token ${id} revoked: it opens nothing any more.\n`);
    return;
  }
  throw new ConfigError(`Unknown token command "${action ?? ''}". Use:\n${tokenUsage}`);
}
