import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from '../http/env';
import { ProblemError } from '../http/problems';
import type { Storage } from '../storage/storage';
import { authenticate } from './tokens';

/**
 * Lets the request through only with a valid token of one of these roles:
 * 401 without a usable token (RFC 6750's WWW-Authenticate says why), 403 with a
 * token of another role. The holder lands in `c.get('account')`.
 */
export function requireRole(storage: Storage, roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const locale = c.get('locale');
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      throw new ProblemError('unauthorized', {
        detail: platformMessage('token.missing', locale),
        headers: { 'www-authenticate': 'Bearer realm="vigie"' },
      });
    }
    const account = await authenticate(storage, match[1]!);
    if (!account) {
      throw new ProblemError('unauthorized', {
        detail: platformMessage('token.invalid', locale),
        headers: { 'www-authenticate': 'Bearer realm="vigie", error="invalid_token"' },
      });
    }
    if (!roles.includes(account.role)) {
      throw new ProblemError('forbidden', {
        detail: platformMessage('token.not-allowed', locale),
        headers: { 'www-authenticate': 'Bearer realm="vigie", error="insufficient_scope"' },
      });
    }
    c.set('account', account);
    await next();
  };
}

/** The forbidden answer for a resource an ngo token does not own. */
export function notYours(locale: 'fr' | 'en'): ProblemError {
  return new ProblemError('forbidden', {
    detail: platformMessage('campaign.not-yours', locale),
  });
}
