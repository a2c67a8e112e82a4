import { CommitmentId } from '../../../api-client/contract';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env';
import { GapFigures, MonthFigures } from '../components/chart';
import { ContributionCard } from '../components/contribution-card';
import { EVENT_ID_PLACEHOLDER, LiveRegion, liveAttributes } from '../components/live-region';
import { REPLIES_IN_LISTS } from '../components/talk-back';
import { Pagination } from '../components/pagination';
import { SortChoice } from '../components/sort-choice';
import { NotFoundPage, pageContext, type SiteOptions } from '../context';
import { tallyOf } from '../counts';
import { statusLabel } from '../i18n';
import { Layout } from '../layout';
import { checkPageExists, lastPage, listOrder, PAGE_SIZE, pageNumber } from '../params';
import { html } from '../respond';

/**
 * GET /engagements/{id}: one commitment, its figures (gap flags by type, contributions
 * per month: charts with their tables) and its published contributions, newest first or
 * (`?tri=soutien`) most supported first.
 */
export async function commitmentPage(c: Context<AppEnv>, options: SiteOptions): Promise<Response> {
  const page = pageContext(c, options);
  const w = page.words;
  const id = c.req.param('id') ?? '';
  const number = pageNumber(c);
  const order = listOrder(c);
  const bySupport = order === 'soutien';
  const { storage } = options;
  // What cannot be a commitment id is not looked up (PostgreSQL refuses some bytes outright).
  const commitment = CommitmentId.safeParse(id).success ? await storage.getCommitment(id, page.locale) : undefined;
  if (!commitment) throw new NotFoundPage();
  // Where the live events stand before anything is read: the page's stream resumes from
  // there, so nothing published while the page was being made is missed.
  const eventId = await storage.latestEventId();
  const [counts, months, entries] = await Promise.all([
    storage.publicCounts({ commitmentId: id }),
    storage.publicMonths(id),
    storage.listPublic({ commitmentId: id, limit: PAGE_SIZE, offset: (number - 1) * PAGE_SIZE, bySupport }),
  ]);
  const tally = tallyOf(counts);
  checkPageExists(number, tally.total);
  const replies = await storage.firstReplies(
    entries.map((entry) => entry.contribution.id),
    REPLIES_IN_LISTS,
  );
  const title = `${commitment.id} — ${commitment.title}`;
  const feedHref = page.href(`/engagements/${id}/flux.atom`);
  const description = w['commitment.summaryCounts'](tally.comments, tally.gaps, tally.answered);
  return html(
    c,
    <Layout
      page={page}
      head={{
        title,
        description: commitment.summary ?? description,
        params: { tri: bySupport ? order : undefined, page: number === 1 ? undefined : number },
        feed: { title: w['feed.commitmentTitle'](commitment.id, commitment.title), href: feedHref },
        openGraph: { title, description, type: 'website' },
        trail: [{ label: w['commitment.breadcrumb'](commitment.id) }],
        live: true,
        talk: true,
      }}
    >
      <h1>{title}</h1>
      <dl class="vigie-facts">
        <div>
          <dt>{w['commitment.lead']}</dt>
          <dd>{commitment.leadInstitution}</dd>
        </div>
        <div>
          <dt>{w['commitment.status']}</dt>
          <dd>
            <span class="fr-badge fr-badge--sm fr-badge--no-icon">{statusLabel(page.locale, commitment.status)}</span>
          </dd>
        </div>
        <div>
          <dt>{w['commitment.plan']}</dt>
          <dd>{commitment.plan}</dd>
        </div>
      </dl>
      <p class="fr-text--lead">{commitment.summary ?? w['commitment.noSummary']}</p>
      <p>
        <a class="fr-link" href={feedHref} type="application/atom+xml">
          {w['commitment.feed']}
        </a>
      </p>

      <section aria-labelledby="figures-title" class="fr-mt-4w">
        <h2 id="figures-title">{w['commitment.figures']}</h2>
        <p>{description}</p>
        <GapFigures page={page} tally={tally} />
        <MonthFigures page={page} months={months} />
      </section>

      <section
        aria-labelledby="contributions-title"
        class="fr-mt-4w"
        // New contributions go on top of the newest first only: most supported first, they have none yet.
        {...liveAttributes(page, { commitmentId: commitment.id, firstPage: number === 1 && !bySupport })}
      >
        <h2 id="contributions-title" tabIndex={-1}>
          {w['commitment.published'](tally.total)}
        </h2>
        <LiveRegion page={page} />
        {entries.length === 0 ? (
          <p data-live-none="">{w['commitment.none']}</p>
        ) : (
          <>
            <SortChoice page={page} order={order} />
            <p>{bySupport ? w['sort.bySupport'] : w['commitment.order']}</p>
          </>
        )}
        <div class="vigie-list" data-live-list="">
          {entries.map((entry) => (
            <ContributionCard
              page={page}
              entry={entry}
              options={{ level: 3 }}
              replies={replies.get(entry.contribution.id) ?? []}
            />
          ))}
        </div>
        {entries.length === 0 ? null : (
          <Pagination
            page={page}
            current={number}
            last={lastPage(tally.total)}
            params={{ tri: bySupport ? order : undefined }}
          />
        )}
      </section>
    </Layout>,
    page.locale,
    200,
    { placeholder: EVENT_ID_PLACEHOLDER, value: String(eventId) },
  );
}
