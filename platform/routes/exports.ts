import type { Hono } from 'hono';
import { ExportQuery, Problem } from '../../api-client/contract';
import { notYours, requireRole } from '../auth/require-role';
import { scopeOf } from '../auth/scope';
import { exportWriter } from '../exports/formats';
import { exportStream } from '../exports/stream';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { mountRoute } from '../http/route';
import type { ExportFilter, Storage } from '../storage/storage';

export function exportRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage, publicUrl: () => string): void {
  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/exports/contributions',
      summary: 'Export contributions as CSV, JSON or W3C Web Annotations (JSON-LD), streamed',
      description:
        'Filters: campaignId, commitmentId, kind, status, and from/to on the arrival time (to excluded). ' +
        'CSV is RFC 4180 in UTF-8 with a byte order mark; jsonld is an AnnotationCollection. ' +
        'An ngo token exports the published contributions of its own campaigns only, whatever status it asks; an ' +
        'administration, the contributions on its domains and on the commitments it leads (every status: it moderates them).',
      tags: ['exports'],
      security: true,
      before: [requireRole(storage, ['admin', 'moderator', 'ngo', 'administration'])],
      query: ExportQuery,
      responses: {
        200: { description: 'The export, as an attachment' },
        400: { description: 'A query parameter is wrong', schema: Problem },
        401: { description: 'No token, or an unknown or revoked one', schema: Problem },
        403: { description: 'Another organisation’s campaign', schema: Problem },
      },
    },
    async (c, { query }) => {
      const account = c.get('account');
      let campaignIds: string[] | undefined = query.campaignId === undefined ? undefined : [query.campaignId];
      if (account.role === 'ngo') {
        const own = (await storage.listCampaigns({ ownerTokenId: account.id })).map((campaign) => campaign.id);
        if (query.campaignId !== undefined && !own.includes(query.campaignId)) throw notYours(c.get('locale'));
        campaignIds ??= own;
      }
      const filter: ExportFilter = {
        campaignIds,
        commitmentId: query.commitmentId,
        kind: query.kind,
        status: query.status,
        // Moderators hid or rejected some for a reason (personal data): an NGO gets what the public sees.
        publishedOnly: account.role === 'ngo',
        scope: scopeOf(account),
        from: query.from,
        to: query.to,
      };
      const format = query.format ?? 'csv';
      // Absolute ids come from the configured public address, never from the Host header.
      const base = publicUrl();
      const self = new URL(c.req.url);
      const writer = exportWriter(format, {
        baseUrl: base,
        selfUrl: `${base}${self.pathname}${self.search}`,
        total: format === 'jsonld' ? await storage.countExport(filter) : 0,
      });
      const day = new Date().toISOString().slice(0, 10);
      return new Response(
        exportStream((limit, after) => storage.exportContributions(filter, limit, after), writer),
        {
          status: 200,
          headers: {
            'content-type': writer.contentType,
            'content-disposition': `attachment; filename="vigie-contributions-${day}.${writer.extension}"`,
            'cache-control': 'no-store',
          },
        },
      );
    },
  );
}
