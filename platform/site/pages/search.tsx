import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { ContributionCard } from '../components/contribution-card';
import { SearchBar } from '../components/forms';
import { Pagination } from '../components/pagination';
import { BadParameter, pageContext, type SiteOptions } from '../context';
import { Layout } from '../layout';
import { lastPage, PAGE_SIZE, pageNumber, searchText } from '../params';
import { html } from '../respond';

/** Matches are counted up to this: "more than 1,000" says enough, and costs no more than a rare word. */
const COUNT_UP_TO = 1000;

/**
 * GET /recherche?q=…: full-text search over the published contributions with the
 * database's own engine (SQLite FTS5, PostgreSQL's `french` configuration), blind to
 * accents and case; the most recently published first.
 */
export async function searchPage(c: Context<AppEnv>, options: SiteOptions): Promise<Response> {
  const page = pageContext(c, options);
  const w = page.words;
  const q = searchText(c);
  const number = pageNumber(c);
  const { storage } = options;
  const [result, accentBlind, commitments] = await Promise.all([
    q
      ? storage.searchPublic({
          text: q,
          limit: PAGE_SIZE,
          offset: (number - 1) * PAGE_SIZE,
          countUpTo: COUNT_UP_TO + 1,
        })
      : Promise.resolve({ items: [], total: 0 }),
    storage.searchIgnoresAccents(),
    q ? storage.listCommitments(page.locale) : Promise.resolve([]),
  ]);
  const capped = result.total > COUNT_UP_TO;
  const last = lastPage(Math.min(result.total, COUNT_UP_TO));
  if (number > last) throw new BadParameter('param.pageBeyond');
  const byId = new Map(commitments.map((commitment) => [commitment.id, commitment]));
  const title = q ? w['search.titleFor'](q) : w['search.title'];
  return html(
    c,
    <Layout
      page={page}
      head={{
        title,
        description: w['search.hint'],
        params: { q: q || undefined, page: number === 1 ? undefined : number },
        trail: [{ label: w['search.title'] }],
        talk: result.items.length > 0,
      }}
    >
      <h1>{title}</h1>
      <SearchBar page={page} value={q} id="search-page-q" />
      <p class="fr-text--sm">{w['search.hint']}</p>
      {accentBlind ? null : <p class="fr-text--sm">{w['search.accents']}</p>}
      {q ? (
        <section aria-labelledby="search-results">
          <h2 id="search-results" class="fr-h4">
            {w['search.count'](result.total, capped)}
          </h2>
          {result.items.length === 0 ? <p>{w['search.none']}</p> : null}
          <div class="vigie-list">
            {result.items.map((entry) => (
              <ContributionCard page={page} entry={entry} options={{ level: 3, commitments: byId }} />
            ))}
          </div>
          <Pagination page={page} current={number} last={last} params={{ q }} />
        </section>
      ) : null}
    </Layout>,
    page.locale,
  );
}
