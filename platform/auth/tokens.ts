import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../api-client/contract';
import type { ApiToken, OrganisationScope, Storage } from '../storage/storage';

const TOKEN_PREFIX = 'vigie_';

/**
 * Tokens are 256 random bits, so a fast hash is enough to store them: bcrypt or
 * argon2 slow down guessing low-entropy passwords, and nobody guesses 2^256. A
 * fast hash also lets the platform find the token by its hash in one indexed read.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface IssuedToken {
  token: ApiToken;
  /** Shown once to whoever created it; only its hash is stored. */
  secret: string;
}

export async function issueToken(
  storage: Storage,
  role: Role,
  name: string,
  scope?: OrganisationScope,
  now = new Date(),
): Promise<IssuedToken> {
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const token: ApiToken = {
    id: randomBytes(6).toString('hex'),
    name,
    role,
    createdAt: now.toISOString(),
    revokedAt: null,
    ...(scope ? { scope } : {}),
  };
  await storage.createToken(token, hashToken(secret));
  return { token, secret };
}

/** The holder of a presented token, unless it is unknown or revoked. */
export async function authenticate(storage: Storage, presented: string): Promise<ApiToken | undefined> {
  if (!presented.startsWith(TOKEN_PREFIX) || presented.length > 200) return undefined;
  return storage.findToken(hashToken(presented));
}
