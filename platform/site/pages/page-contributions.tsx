import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { ContributionCard } from '../components/contribution-card';
import { REPLIES_IN_LISTS } from '../components/talk-back';
import { CarriedFields } from '../components/forms';
import { Pagination } from '../components/pagination';
import { SortChoice } from '../components/sort-choice';
import { pageContext, type PageContext, type SiteOptions } from '../context';
import { tallyOf } from '../counts';
import { Layout } from '../layout';
import { checkPageExists, lastPage, listOrder, PAGE_SIZE, pageAddress, pageNumber } from '../params';
import { html } from '../respond';

function AddressForm({ page, value }: { page: PageContext; value: string }) {
  const w = page.words;
  return (
    <form method="get" action="/pages" class="fr-my-3w">
      <div class="fr-input-group">
        <label class="fr-label" for="page-url">
          {w['pages.label']}
        </label>
        <input class="fr-input" type="url" id="page-url" name="url" value={value} required />
      </div>
      <CarriedFields page={page} />
      <button class="fr-btn" type="submit">
        {w['pages.button']}
      </button>
    </form>
  );
}

/** GET /pages?url=…: every published contribution about one page, newest first or (`?tri=soutien`) most supported first. */
export async function pageContributionsPage(c: Context<AppEnv>, options: SiteOptions): Promise<Response> {
  const page = pageContext(c, options);
  const w = page.words;
  const url = pageAddress(c);
  const number = pageNumber(c);
  const order = listOrder(c);
  const bySupport = order === 'soutien';
  const { storage } = options;
  const [counts, entries, commitments] = url
    ? await Promise.all([
        storage.publicCounts({ url }),
        storage.listPublic({ url, limit: PAGE_SIZE, offset: (number - 1) * PAGE_SIZE, bySupport }),
        storage.listCommitments(page.locale),
      ])
    : [[], [], []];
  const total = tallyOf(counts).total;
  const replies = await storage.firstReplies(
    entries.map((entry) => entry.contribution.id),
    REPLIES_IN_LISTS,
  );
  const byId = new Map(commitments.map((commitment) => [commitment.id, commitment]));
  checkPageExists(number, total);
  const title = url ? w['pages.titleFor'] : w['pages.title'];
  const tri = bySupport ? order : undefined;
  const params = { url, tri, page: number === 1 ? undefined : number };
  return html(
    c,
    <Layout
      page={page}
      head={{ title, description: w['pages.intro'], params, trail: [{ label: title }], talk: entries.length > 0 }}
    >
      <h1>{title}</h1>
      <p class="fr-text--lead">{w['pages.intro']}</p>
      {url ? (
        <p>
          <a class="fr-link vigie-address" href={url} rel="external noopener noreferrer">
            {url}
          </a>
        </p>
      ) : null}
      <AddressForm page={page} value={url ?? ''} />
      {url ? (
        <section aria-labelledby="page-results">
          <h2 id="page-results" class="fr-h4">
            {w['pages.count'](total, bySupport)}
          </h2>
          {entries.length > 0 ? <SortChoice page={page} order={order} params={{ url }} /> : null}
          <div class="vigie-list">
            {entries.map((entry) => (
              <ContributionCard
                page={page}
                entry={entry}
                options={{ level: 3, commitments: byId }}
                replies={replies.get(entry.contribution.id) ?? []}
              />
            ))}
          </div>
          <Pagination page={page} current={number} last={lastPage(total)} params={{ url, tri }} />
        </section>
      ) : null}
    </Layout>,
    page.locale,
  );
}
