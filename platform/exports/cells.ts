import {
  answerStatusLabels,
  exportCsvColumns,
  exportModerationColumns,
  gapTypeLabels,
  type JournalEntry,
  type Locale,
} from '../../api-client/contract';
import type { ExportRow } from '../storage/storage';
import { exportWords, type ExportColumn } from './i18n';

/** The columns of token holders' tabular exports: the open data's, then the moderation's. */
export const tokenExportColumns: readonly ExportColumn[] = [...exportCsvColumns, ...exportModerationColumns];

/** Columns holding times: ISO 8601 UTC as codes, Europe/Paris dates in words. */
export const timeColumns = new Set<ExportColumn>(['receivedAt', 'createdAt', 'replyAt', 'answerAt', 'moderatedAt']);

/** Free text typed by citizens, organisations or moderators: what a spreadsheet could mistake for a formula. */
export const freeTextColumns = new Set<ExportColumn>([
  'targetTitle',
  'quote',
  'body',
  'pseudonym',
  'replyBody',
  'answerOrganisation',
  'answerBody',
  'moderationNote',
  'moderatedBy',
  'journal',
]);

export type Cells = Record<ExportColumn, string>;

function quoteOf(row: ExportRow): string {
  const quote = row.contribution.target.selectors.find((s) => s.type === 'TextQuoteSelector');
  return quote?.type === 'TextQuoteSelector' ? quote.exact : '';
}

/** A journal line in codes: `time | who | decision | reason | note`, one per line. */
function journalInCodes(journal: readonly JournalEntry[]): string {
  return journal
    .map((e) => [e.at, e.by, e.decision, e.reason ?? '', e.note ?? '', e.bulk ? 'bulk' : ''].join(' | ').trimEnd())
    .join('\n');
}

/** Every column's value as programs read it: codes, and times in ISO 8601 UTC. */
export function codeCells(row: ExportRow): Cells {
  const c = row.contribution;
  const m = row.moderation;
  return {
    id: c.id,
    receivedAt: c.receivedAt,
    createdAt: c.createdAt,
    status: c.status,
    kind: c.kind,
    gapType: c.gapType ?? '',
    commitmentId: c.commitmentId ?? '',
    campaignId: c.campaignId ?? '',
    targetUrl: c.target.url,
    targetTitle: c.target.title,
    quote: quoteOf(row),
    body: c.body,
    pseudonym: c.author?.pseudonym ?? '',
    locale: c.locale,
    source: c.source,
    replyBody: c.reply?.body ?? '',
    replyAt: c.reply?.at ?? '',
    answerStatus: c.answer?.status ?? '',
    answerOrganisation: c.answer?.organisation ?? '',
    answerBody: c.answer?.body ?? '',
    answerAt: c.answer?.at ?? '',
    moderationReason: m?.reason ?? '',
    moderationNote: m?.note ?? '',
    moderatedBy: m?.by ?? '',
    moderatedAt: m?.at ?? '',
    journal: journalInCodes(m?.journal ?? []),
  };
}

/** A time as people in France read it: `30/11/2026 14:05:09`, Europe/Paris, summer time included. */
export function parisTime(iso: string): string {
  if (iso === '') return '';
  return parisFormat.format(new Date(iso)).replace(',', '');
}

const parisFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Every column's value in words: labels instead of codes, times in Europe/Paris. */
export function wordCells(row: ExportRow, locale: Locale): Cells {
  const w = exportWords[locale];
  const codes = codeCells(row);
  const c = row.contribution;
  const journal = (row.moderation?.journal ?? []).map((e) =>
    [
      parisTime(e.at),
      e.by,
      w.decisions[e.decision],
      e.reason === undefined ? '' : w.reasons[e.reason] + (e.note ? ` : ${e.note}` : ''),
      e.bulk ? w.bulk : '',
    ]
      .filter((part) => part !== '')
      .join(' — '),
  );
  const labelled: Partial<Cells> = {
    status: w.statuses[c.status],
    kind: w.kinds[c.kind],
    gapType: c.gapType === undefined ? '' : gapTypeLabels[locale][c.gapType],
    locale: w.locales[c.locale],
    source: w.sources[c.source],
    answerStatus: c.answer === undefined ? '' : answerStatusLabels[locale][c.answer.status],
    moderationReason: row.moderation?.reason === undefined ? '' : w.reasons[row.moderation.reason],
    journal: journal.join('\n'),
  };
  for (const column of timeColumns) labelled[column] = parisTime(codes[column]);
  return { ...codes, ...labelled };
}
