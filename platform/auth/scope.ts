import type { Context } from 'hono';
import { platformMessage } from '../../api-client/contract/platform-messages';
import type { AppEnv } from '../http/env';
import { ProblemError } from '../http/problems';
import type { ApiToken, OrganisationScope, Storage } from '../storage/storage';

/**
 * What a token may see of the contributions: an administration its scope (an empty one,
 * should a token lack it, holds nothing); every other role that reaches a contribution
 * route sees them all (undefined).
 */
export function scopeOf(account: ApiToken): OrganisationScope | undefined {
  if (account.role !== 'administration') return undefined;
  return account.scope ?? { domains: [], commitmentIds: [] };
}

/**
 * Lets the request go on with a contribution the token may act on: 404 when there is no
 * such contribution, 403 with a sentence when it is outside an administration's scope.
 */
export async function requireInScope(c: Context<AppEnv>, storage: Storage, id: string): Promise<void> {
  const locale = c.get('locale');
  const scope = scopeOf(c.get('account'));
  const inside = scope
    ? await storage.contributionInScope(id, scope)
    : (await storage.getContribution(id)) === undefined
      ? undefined
      : true;
  if (inside === undefined)
    throw new ProblemError('notFound', { detail: platformMessage('contribution.unknown', locale) });
  if (!inside) throw new ProblemError('forbidden', { detail: platformMessage('scope.outside', locale) });
}
