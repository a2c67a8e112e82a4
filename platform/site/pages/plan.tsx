import type { Context } from 'hono';
import { commitmentStatuses, gapTypes, type Commitment } from '../../../api-client/contract';
import type { AppEnv } from '../../http/env';
import { DataTable } from '../components/data-table';
import { CarriedFields, SearchBar } from '../components/forms';
import { pageContext, type PageContext, type SiteOptions } from '../context';
import { emptyTally, tallyByCommitment, type Tally } from '../counts';
import { formatNumber } from '../format';
import { gapLabel, statusLabel } from '../i18n';
import { Layout } from '../layout';
import { institutionsOf, leadFilter, statusFilter } from '../params';
import { html } from '../respond';

function GapCell({ page, tally }: { page: PageContext; tally: Tally }) {
  const number = formatNumber(page);
  const types = gapTypes.filter((type) => tally.gapsByType[type] > 0);
  if (types.length === 0) return <>{page.words['gaps.none']}</>;
  return (
    <>
      <strong>{number(tally.gaps)}</strong>
      <ul class="vigie-gap-list fr-text--sm">
        {types.map((type) => (
          <li>{page.words['gaps.item'](gapLabel(page.locale, type), number(tally.gapsByType[type]))}</li>
        ))}
      </ul>
    </>
  );
}

function Filters({
  page,
  institutions,
  status,
  lead,
}: {
  page: PageContext;
  institutions: string[];
  status: string | undefined;
  lead: string | undefined;
}) {
  const w = page.words;
  return (
    <form method="get" action="/" class="vigie-filters fr-mb-3w">
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend fr-h6">{w['plan.filters']}</legend>
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-select-group">
            <label class="fr-label" for="filter-status">
              {w['plan.filterStatus']}
            </label>
            <select class="fr-select" id="filter-status" name="statut">
              <option value="">{w['plan.filterAny']}</option>
              {commitmentStatuses.map((s) => (
                <option value={s} selected={s === status}>
                  {statusLabel(page.locale, s)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-select-group">
            <label class="fr-label" for="filter-lead">
              {w['plan.filterLead']}
            </label>
            <select class="fr-select" id="filter-lead" name="porteur">
              <option value="">{w['plan.filterAny']}</option>
              {institutions.map((name) => (
                <option value={name} selected={name === lead}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="fr-fieldset__element fr-fieldset__element--inline vigie-filters__actions">
          <CarriedFields page={page} />
          <button class="fr-btn fr-btn--secondary" type="submit">
            {w['plan.filterApply']}
          </button>
          {status || lead ? (
            <a class="fr-link fr-ml-2w" href={page.href('/')}>
              {w['plan.filterReset']}
            </a>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}

/** GET /: every commitment of the plan with its counts, filtered by status and lead institution. */
export async function planPage(c: Context<AppEnv>, options: SiteOptions): Promise<Response> {
  const page = pageContext(c, options);
  const w = page.words;
  const [commitments, counts] = await Promise.all([
    options.storage.listCommitments(page.locale),
    options.storage.publicCounts(),
  ]);
  const institutions = [...new Set(commitments.flatMap(institutionsOf))].sort((a, b) =>
    a.localeCompare(b, page.locale),
  );
  const status = statusFilter(c);
  const lead = leadFilter(c, new Set(institutions));
  const shown = commitments.filter(
    (commitment: Commitment) =>
      (status === undefined || commitment.status === status) &&
      (lead === undefined || institutionsOf(commitment).includes(lead)),
  );
  const tallies = tallyByCommitment(counts);
  const plans = [...new Set(commitments.map((commitment) => commitment.plan))];
  const title = plans.length === 1 ? w['plan.title'](plans[0]!) : w['plan.titleAny'];
  const number = formatNumber(page);
  return html(
    c,
    <Layout
      page={page}
      head={{
        title,
        description: w['plan.lead'],
        feed: { title: w['feed.title'], href: page.href('/flux.atom') },
        openGraph: { title, description: w['plan.lead'], type: 'website' },
      }}
    >
      <h1 class="fr-mt-4w">{title}</h1>
      <p class="fr-text--lead">{w['plan.lead']}</p>
      <SearchBar page={page} id="plan-search" />
      <Filters page={page} institutions={institutions} status={status} lead={lead} />
      <p>{w['plan.shown'](shown.length, commitments.length)}</p>
      {shown.length === 0 ? (
        <p>{w['plan.none']}</p>
      ) : (
        <DataTable
          caption={w['plan.caption']}
          columns={[
            w['column.commitment'],
            w['column.lead'],
            w['column.status'],
            w['column.comments'],
            w['column.gaps'],
            w['column.answered'],
          ]}
          rows={shown.map((commitment) => {
            const tally = tallies.get(commitment.id) ?? emptyTally();
            return [
              <a href={page.href(`/engagements/${commitment.id}`)}>
                {commitment.id} — {commitment.title}
              </a>,
              commitment.leadInstitution,
              statusLabel(page.locale, commitment.status),
              number(tally.comments),
              <GapCell page={page} tally={tally} />,
              number(tally.answered),
            ];
          })}
        />
      )}
    </Layout>,
    page.locale,
  );
}
