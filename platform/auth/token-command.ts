import { parseArgs } from 'node:util';
import { Role, roles } from '../../api-client/contract';
import { ConfigError, readConfig } from '../config';
import { openStorage } from '../storage/open';
import type { Storage } from '../storage/storage';
import { issueToken } from './tokens';

export const tokenUsage = `  token create --role admin|moderator|ngo --name NAME
                  make an API token; it is printed once and only its hash is kept
  token list      the tokens: id, role, name, created, revoked
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

/** `npm run platform -- token …`: tokens are made on the server's machine, never over the API. */
export async function tokenCommand(args: string[], out: (text: string) => void): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'create') {
    const { values } = parseArgs({ args: rest, options: { role: { type: 'string' }, name: { type: 'string' } } });
    const role = Role.safeParse(values.role);
    if (!role.success) throw new ConfigError(`--role must be one of ${roles.join(', ')}.`);
    const name = values.name?.trim() ?? '';
    if (name.length < 1 || name.length > 200)
      throw new ConfigError('--name must say who the token is for (1 to 200 characters).');
    const { token, secret } = await withStorage((storage) => issueToken(storage, role.data, name));
    out(
      [
        `Token ${token.id} created for "${token.name}" (${token.role}).`,
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
      [t.id, t.role.padEnd(9), t.createdAt, t.revokedAt ? `revoked ${t.revokedAt}` : 'active'.padEnd(32), t.name].join(
        '  ',
      ),
    );
    out(
      ['id            role       created                   status                            name', ...lines, ''].join(
        '\n',
      ),
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
