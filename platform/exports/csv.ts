import { exportCsvColumns, type Contribution } from '../../api-client/contract';

/** Free text typed by citizens: what a spreadsheet could mistake for a formula. */
const freeText = new Set<(typeof exportCsvColumns)[number]>([
  'targetTitle',
  'quote',
  'body',
  'pseudonym',
  'replyBody',
  'answerOrganisation',
  'answerBody',
]);

/**
 * One RFC 4180 field: quoted when it holds a comma, a quote or a line break, with
 * quotes doubled. Citizen text that starts like a formula (= + - @) gets a leading
 * apostrophe, so opening the export in a spreadsheet never runs it (CSV injection).
 */
function field(value: string, guard: boolean): string {
  const safe = guard && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function cells(c: Contribution): Record<(typeof exportCsvColumns)[number], string> {
  const quote = c.target.selectors.find((s) => s.type === 'TextQuoteSelector');
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
    quote: quote?.type === 'TextQuoteSelector' ? quote.exact : '',
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
  };
}

/** The byte order mark and the header line: Excel reads UTF-8 (accents) only with the BOM. */
export function csvStart(): string {
  return '\uFEFF' + exportCsvColumns.join(',') + '\r\n';
}

export function csvRow(c: Contribution): string {
  const values = cells(c);
  return exportCsvColumns.map((column) => field(values[column], freeText.has(column))).join(',') + '\r\n';
}
