import * as z from 'zod/mini';
import { ContributionKind } from './contribution';
import { CampaignId, CommitmentId, IsoDateTime, rule } from './fields';

export const exportFormats = ['csv', 'json', 'jsonld', 'xlsx'] as const;
export const ExportFormat = z.enum(exportFormats, { error: rule('format.unknown') });
/**
 * CSV as RFC 4180 says (`,`, the columns' codes, ISO 8601 UTC times), or as French
 * spreadsheets open it (`fr`: `;`, headers and values in French words, Europe/Paris times).
 */
export const csvDialects = ['rfc4180', 'fr'] as const;
export const CsvDialect = z.enum(csvDialects, { error: rule('dialect.unknown') });

/** GET /v1/exports/contributions: every filter is optional; dates bound `receivedAt`, `to` excluded. */
export const ExportQuery = z
  .strictObject({
    format: z.optional(ExportFormat),
    dialect: z.optional(CsvDialect),
    campaignId: z.optional(CampaignId),
    commitmentId: z.optional(CommitmentId),
    kind: z.optional(ContributionKind),
    status: z.optional(z.enum(['pending', 'published', 'hidden', 'rejected'], { error: rule('status.unknown') })),
    from: z.optional(IsoDateTime),
    to: z.optional(IsoDateTime),
  })
  .check(
    z.refine((q) => q.from === undefined || q.to === undefined || q.to > q.from, { error: 'date.order', path: ['to'] }),
    z.refine((q) => q.dialect === undefined || (q.format ?? 'csv') === 'csv', {
      error: 'dialect.csv-only',
      path: ['dialect'],
    }),
  );

/** The CSV columns, in order: one row per contribution. */
export const exportCsvColumns = [
  'id',
  'receivedAt',
  'createdAt',
  'status',
  'kind',
  'gapType',
  'commitmentId',
  'campaignId',
  'targetUrl',
  'targetTitle',
  'quote',
  'body',
  'pseudonym',
  'locale',
  'source',
  'replyBody',
  'replyAt',
  'answerStatus',
  'answerOrganisation',
  'answerBody',
  'answerAt',
  'parentId',
] as const;

/**
 * What token holders' tabular exports (CSV, XLSX) add after those columns: the latest
 * moderation decision (its reason, the moderator's note, who took it and when) and the
 * whole journal of decisions. The open data leaves them out.
 */
export const exportModerationColumns = [
  'moderationReason',
  'moderationNote',
  'moderatedBy',
  'moderatedAt',
  'journal',
] as const;

export type ExportFormat = z.infer<typeof ExportFormat>;
export type CsvDialect = z.infer<typeof CsvDialect>;
export type ExportQuery = z.infer<typeof ExportQuery>;
