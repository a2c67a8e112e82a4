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
    parentId: c.parentId ?? '',
    moderationReason: m?.reason ?? '',
    moderationNote: m?.note ?? '',
    moderatedBy: m?.by ?? '',
    moderatedAt: m?.at ?? '',
    journal: journalInCodes(m?.journal ?? []),
  };
}

/**
 * Europe/Paris's offset from UTC at this instant, in minutes. It changes only on whole UTC
 * hours (summer time starts and ends at 01:00 UTC), so it is asked of Intl once per UTC hour
 * and kept: an export of 100,000 rows formats 500,000 times, which Intl alone makes slow.
 */
const offsets = new Map<string, number>();
const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});
function parisOffsetMinutes(instant: Date): number {
  const hour = instant.toISOString().slice(0, 13);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const at = new Date(`${hour}:00:00.000Z`);
    const p = Object.fromEntries(parisParts.formatToParts(at).map((part) => [part.type, Number(part.value)]));
    offset = (Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute) - at.getTime()) / 60_000;
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** The wall-clock time in Europe/Paris, as a Date whose UTC fields read it (a spreadsheet has no time zone). */
export function parisWallClock(iso: string): Date {
  const instant = new Date(iso);
  return new Date(instant.getTime() + parisOffsetMinutes(instant) * 60_000);
}

const two = (n: number) => String(n).padStart(2, '0');

/** A time as people in France read it: `30/11/2026 14:05:09`, Europe/Paris, summer time included. */
export function parisTime(iso: string): string {
  if (iso === '') return '';
  const d = parisWallClock(iso);
  return (
    `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
  );
}

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
