import type { Context } from 'hono';
import { renderToString } from 'preact-render-to-string';
import type { AppEnv } from '../../http/env';
import { ContributionCard } from '../components/contribution-card';
import { ReplyItem, REPLIES_IN_LISTS } from '../components/talk-back';
import { NotFoundPage, pageContext, type SiteOptions } from '../context';
import { pageHeaders } from '../respond';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /fragments/contributions/{id}: one public contribution as a list shows it (a reply
 * as an item of its parent's replies), for the live page's script to insert what the live
 * events announce. The same components as the pages: the same words, the same escaping.
 */
export async function contributionFragment(c: Context<AppEnv>, options: SiteOptions): Promise<Response> {
  const page = pageContext(c, options);
  const id = c.req.param('id') ?? '';
  const entry = UUID.test(id) ? await options.storage.getPublic(id.toLowerCase()) : undefined;
  if (!entry) throw new NotFoundPage();
  const contribution = entry.contribution;
  const replies = contribution.parentId
    ? undefined
    : ((await options.storage.firstReplies([contribution.id], REPLIES_IN_LISTS)).get(contribution.id) ?? []);
  const fragment = contribution.parentId ? (
    <ReplyItem page={page} entry={entry} />
  ) : (
    <ContributionCard page={page} entry={entry} options={{ level: 3 }} replies={replies} />
  );
  return c.html(renderToString(fragment), 200, { ...pageHeaders(page.locale), 'x-robots-tag': 'noindex' });
}
