import * as z from 'zod/mini';
import { ContributionKind } from './contribution';
import { CampaignId, CommitmentId, IsoDateTime, rule } from './fields';

export const exportFormats = ['csv', 'json', 'jsonld'] as const;
export const ExportFormat = z.enum(exportFormats, { error: rule('format.unknown') });

/** GET /v1/exports/contributions: every filter is optional; dates bound `receivedAt`, `to` excluded. */
export const ExportQuery = z
  .strictObject({
    format: z.optional(ExportFormat),
    campaignId: z.optional(CampaignId),
    commitmentId: z.optional(CommitmentId),
    kind: z.optional(ContributionKind),
    status: z.optional(z.enum(['pending', 'published', 'hidden', 'rejected'], { error: rule('status.unknown') })),
    from: z.optional(IsoDateTime),
    to: z.optional(IsoDateTime),
  })
  .check(
    z.refine((q) => q.from === undefined || q.to === undefined || q.to > q.from, { error: 'date.order', path: ['to'] }),
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

export type ExportFormat = z.infer<typeof ExportFormat>;
export type ExportQuery = z.infer<typeof ExportQuery>;
