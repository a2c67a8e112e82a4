import { domainToASCII } from 'node:url';
import { canonicalUrl, type ModerationCountsQuery, type Locale } from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { ProblemError } from '../http/problems';
import type { ModerationFilter } from '../storage/storage';

/**
 * The console's page filter: an address (`http…`) is that page, canonicalised as clients
 * file it; anything else is read as a domain (`economie.gouv.fr`, that host and those below
 * it), lower-case and in ASCII as hosts are kept. Neither: 400 with a sentence.
 */
function pageFilter(text: string, locale: Locale): ModerationFilter['page'] {
  const value = text.trim();
  const refuse = () => {
    const detail = platformMessage('page-filter.invalid', locale);
    return new ProblemError('validation', {
      status: 400,
      detail,
      errors: [{ pointer: '/page', code: 'page-filter.invalid', detail }],
    });
  };
  if (/^https?:\/\//i.test(value)) {
    try {
      return { url: canonicalUrl(value) };
    } catch {
      throw refuse();
    }
  }
  const domain = domainToASCII(value.toLowerCase().replace(/^\*\./, '').replace(/\.$/, ''));
  if (domain === '' || !/^[a-z0-9.-]+$/.test(domain)) throw refuse();
  return { domain };
}

/** The query's filters as the storage reads them. */
export function moderationFilterOf(query: ModerationCountsQuery, locale: Locale): ModerationFilter {
  return {
    text: query.q,
    commitmentId: query.commitmentId,
    page: query.page === undefined ? undefined : pageFilter(query.page, locale),
    kind: query.kind,
    gapType: query.gapType,
    campaignId: query.campaignId,
    from: query.from,
    to: query.to,
    reported: query.reported === undefined ? undefined : query.reported === 'true',
  };
}
