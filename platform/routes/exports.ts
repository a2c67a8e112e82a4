import type { Context, Hono } from 'hono';
import { ExportCount, ExportQuery, Problem } from '../../api-client/contract';
import { notYours, requireRole } from '../auth/require-role';
import { scopeOf } from '../auth/scope';
import { tokenExportColumns } from '../exports/cells';
import { exportWriter } from '../exports/formats';
import { exportStream } from '../exports/stream';
import { XLSX_CONTENT_TYPE, xlsxStream } from '../exports/xlsx';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { mountRoute } from '../http/route';
import type { ExportFilter, Storage } from '../storage/storage';

const refusals = {
  400: { description: 'A query parameter is wrong', schema: Problem },
  401: { description: 'No token, or an unknown or revoked one', schema: Problem },
  403: { description: 'Another organisation’s campaign', schema: Problem },
};

export function exportRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage, publicUrl: () => string): void {
  const exporters = requireRole(storage, ['admin', 'moderator', 'ngo', 'administration']);

  /** What the caller may export with these filters: an ngo its campaigns' published ones, an administration its scope. */
  async function filterOf(c: Context<AppEnv>, query: ExportQuery): Promise<ExportFilter> {
    const account = c.get('account');
    let campaignIds: string[] | undefined = query.campaignId === undefined ? undefined : [query.campaignId];
    if (account.role === 'ngo') {
      const own = (await storage.listCampaigns({ ownerTokenId: account.id })).map((campaign) => campaign.id);
      if (query.campaignId !== undefined && !own.includes(query.campaignId)) throw notYours(c.get('locale'));
      campaignIds ??= own;
    }
    return {
      campaignIds,
      commitmentId: query.commitmentId,
      kind: query.kind,
      status: query.status,
      // Moderators hid or rejected some for a reason (personal data): an NGO gets what the public sees.
      publishedOnly: account.role === 'ngo',
      scope: scopeOf(account),
      from: query.from,
      to: query.to,
      // Who moderated and why is the moderators' and the organisations' business, not an NGO's.
      withModeration: account.role !== 'ngo',
    };
  }

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/exports/contributions/count',
      summary: 'How many contributions the export with these filters would hold',
      description:
        'Counted by the database, so a client can say "nothing to export" instead of downloading an empty file.',
      tags: ['exports'],
      security: true,
      before: [exporters],
      query: ExportQuery,
      responses: { 200: { description: 'The count', schema: ExportCount }, ...refusals },
    },
    async (c, { query }) =>
      c.json({ count: await storage.countExport(await filterOf(c, query)) } satisfies ExportCount),
  );

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/exports/contributions',
      summary:
        'Export contributions as CSV (RFC 4180 or French), XLSX, JSON or W3C Web Annotations (JSON-LD), streamed',
      description:
        'Filters: campaignId, commitmentId, kind, status, and from/to on the arrival time (to excluded). ' +
        'CSV is RFC 4180 in UTF-8 with a byte order mark (columns by their codes, ISO 8601 UTC times); with ' +
        '`dialect=fr` it is what French spreadsheets open: `;` between fields, French headers, labels instead of ' +
        'codes, Europe/Paris times, the same byte order mark and formula guard. `xlsx` is a workbook with the French ' +
        'CSV’s columns (headers and labels in the caller’s language), times as dates. CSV, XLSX and JSON carry the ' +
        'latest moderation decision (reason, note, who, when) and the journal of decisions, except for an ngo. ' +
        'jsonld is an AnnotationCollection. An ngo token exports the published contributions of its own campaigns ' +
        'only, whatever status it asks; an administration, the contributions on its domains and on the commitments ' +
        'it leads (every status: it moderates them).',
      tags: ['exports'],
      security: true,
      before: [exporters],
      query: ExportQuery,
      responses: { 200: { description: 'The export, as an attachment' }, ...refusals },
    },
    async (c, { query }) => {
      const filter = await filterOf(c, query);
      const format = query.format ?? 'csv';
      const day = new Date().toISOString().slice(0, 10);
      const readPage = (limit: number, after: Parameters<Storage['exportContributions']>[2]) =>
        storage.exportContributions(filter, limit, after);
      const attachment = (extension: string) => `attachment; filename="vigie-contributions-${day}.${extension}"`;
      if (format === 'xlsx') {
        return new Response(xlsxStream(readPage, c.get('locale')), {
          status: 200,
          headers: {
            'content-type': XLSX_CONTENT_TYPE,
            'content-disposition': attachment('xlsx'),
            'cache-control': 'no-store',
          },
        });
      }
      // Absolute ids come from the configured public address, never from the Host header.
      const base = publicUrl();
      const self = new URL(c.req.url);
      const writer = exportWriter(format, {
        baseUrl: base,
        selfUrl: `${base}${self.pathname}${self.search}`,
        total: format === 'jsonld' ? await storage.countExport(filter) : 0,
        dialect: query.dialect,
        columns: filter.withModeration ? tokenExportColumns : undefined,
      });
      return new Response(exportStream(readPage, writer), {
        status: 200,
        headers: {
          'content-type': writer.contentType,
          'content-disposition': attachment(writer.extension),
          'cache-control': 'no-store',
        },
      });
    },
  );
}
