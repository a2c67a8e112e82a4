import type { Context } from 'hono';
import { exportCsvColumns, type ExportFormat } from '../../../api-client/contract';
import { exportWriter } from '../../exports/formats';
import { exportStream } from '../../exports/stream';
import type { AppEnv } from '../../http/env';
import type { ExportFilter } from '../../storage/storage';
import { DataTable } from '../components/data-table';
import { pageContext, type SiteOptions } from '../context';
import { tallyOf } from '../counts';
import { Layout } from '../layout';
import { fieldMeanings } from '../open-data-fields';
import { html } from '../respond';

const LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

/**
 * What the public may read and nothing else: never pending, hidden, rejected, nor withdrawn
 * (whose rows are gone); a reply only while the contribution it answers is published.
 */
const PUBLISHED: ExportFilter = { status: 'published', readableByThePublic: true };

/** GET /donnees: what the open data holds, under which licence, how often it changes. */
export async function openDataPage(c: Context<AppEnv>, options: SiteOptions): Promise<Response> {
  const page = pageContext(c, options);
  const w = page.words;
  const total = tallyOf(await options.storage.publicCounts()).total;
  return html(
    c,
    <Layout
      page={page}
      head={{ title: w['data.title'], description: w['data.lead'], trail: [{ label: w['data.title'] }] }}
    >
      <h1>{w['data.title']}</h1>
      <p class="fr-text--lead">{w['data.lead']}</p>
      <p>{w['data.count'](total)}</p>

      <h2>{w['data.filesTitle']}</h2>
      <ul>
        <li>
          <a class="fr-link" href="/donnees/contributions.csv" type="text/csv" hreflang="fr">
            {w['data.csv']}
          </a>
        </li>
        <li>
          <a class="fr-link" href="/donnees/contributions.jsonld" type="application/ld+json">
            {w['data.jsonld']}
          </a>
        </li>
      </ul>

      <h2>{w['data.licenceTitle']}</h2>
      <p>
        <a class="fr-link" href={LICENCE_URL} rel="license external">
          {w['data.licence']}
        </a>
      </p>
      <p>{w['data.licenceText']}</p>

      <h2>{w['data.frequencyTitle']}</h2>
      <p>{w['data.frequency']}</p>

      <h2>{w['data.feedsTitle']}</h2>
      <p>
        {w['data.feeds']}{' '}
        <a class="fr-link" href={page.href('/flux.atom')} type="application/atom+xml">
          {w['nav.feed']}
        </a>
      </p>

      <h2>{w['data.fieldsTitle']}</h2>
      <DataTable
        caption={w['data.fieldsTitle']}
        columns={[w['data.field'], w['data.meaning']]}
        rows={exportCsvColumns.map((column) => [<code>{column}</code>, fieldMeanings[page.locale][column]])}
      />
    </Layout>,
    page.locale,
  );
}

/**
 * GET /donnees/contributions.csv and .jsonld: every published contribution, streamed with
 * the same writers as the exports, one keyset page at a time.
 */
export async function openDataFile(
  c: Context<AppEnv>,
  options: SiteOptions,
  format: Extract<ExportFormat, 'csv' | 'jsonld'>,
) {
  const { storage } = options;
  const base = options.publicUrl();
  const writer = exportWriter(format, {
    baseUrl: base,
    selfUrl: `${base}${c.req.path}`,
    total: format === 'jsonld' ? await storage.countExport(PUBLISHED) : 0,
  });
  return new Response(
    exportStream((limit, after) => storage.exportContributions(PUBLISHED, limit, after), writer),
    {
      status: 200,
      headers: {
        'content-type': writer.contentType,
        'content-disposition': `attachment; filename="vigie-contributions.${writer.extension}"`,
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
      },
    },
  );
}
