import { CommitmentId, message, type Locale } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { ConfigError } from '../config';
import type { OrganisationScope } from '../storage/storage';
import { checkDomainPattern } from './domains';

const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * An administration's scope from `--domains` and `--commitments`, each a comma-separated
 * list, or a sentence naming the first value that cannot be: a mistake here would show an
 * organisation what is not its own, so nothing doubtful is kept with a warning.
 */
export function scopeFromOptions(
  options: { domains?: string | undefined; commitments?: string | undefined },
  locale: Locale,
): OrganisationScope {
  const domains: string[] = [];
  for (const raw of list(options.domains)) {
    const checked = checkDomainPattern(raw);
    if (!checked.ok) throw new ConfigError(`--domains "${raw}": ${platformMessage(checked.code, locale)}`);
    if (!domains.includes(checked.pattern)) domains.push(checked.pattern);
  }
  const commitmentIds: string[] = [];
  for (const raw of list(options.commitments)) {
    const id = raw.toUpperCase();
    if (!CommitmentId.safeParse(id).success) {
      throw new ConfigError(`--commitments "${raw}": ${message('commitment-id.format', locale)}`);
    }
    if (!commitmentIds.includes(id)) commitmentIds.push(id);
  }
  if (domains.length === 0 && commitmentIds.length === 0) {
    throw new ConfigError(platformMessage('token.scope-required', locale));
  }
  return { domains, commitmentIds };
}
