import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../api-client/contract';
import type { PageCursor } from '../storage/storage';
import { timeColumns, tokenExportColumns, wordCells } from './cells';
import { exportWords, type ExportColumn } from './i18n';
import { PAGE_SIZE, type ExportPageReader } from './stream';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Room for each column, in characters: wide for texts, narrow for codes and dates. */
const widths: Partial<Record<ExportColumn, number>> = {
  id: 38,
  targetUrl: 40,
  targetTitle: 30,
  quote: 40,
  body: 60,
  replyBody: 40,
  answerBody: 40,
  moderationNote: 40,
  journal: 60,
};

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** The wall-clock time in Europe/Paris, as a Date whose UTC fields read it (a spreadsheet has no time zone). */
function parisWallClock(iso: string): Date {
  const parts = Object.fromEntries(
    parisParts.formatToParts(new Date(iso)).map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return new Date(
    Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second, Date.parse(iso) % 1000),
  );
}

/**
 * The export as an XLSX workbook, streamed: ExcelJS's streaming writer turns each committed
 * row into XML and zips it at once (no shared-strings table, which would keep every text until
 * the end). One keyset page is read at a time, and the next only once the download took what
 * was written, so memory holds about a page whatever the size. Times are real dates (Europe/
 * Paris, shown `dd/mm/yyyy hh:mm:ss`); texts are string cells, which a spreadsheet never runs
 * as formulas. Same columns as the French CSV, headers and labels in `locale`.
 */
export function xlsxStream(readPage: ExportPageReader, locale: Locale): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const words = exportWords[locale];
  const sheet = workbook.addWorksheet(words.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = tokenExportColumns.map((column) => ({
    header: words.headers[column],
    key: column,
    width: widths[column] ?? (timeColumns.has(column) ? 20 : 18),
    ...(timeColumns.has(column) ? { style: { numFmt: 'dd/mm/yyyy hh:mm:ss' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };

  const write = async () => {
    let after: PageCursor | undefined;
    for (;;) {
      const rows = await readPage(PAGE_SIZE, after);
      for (const row of rows) {
        const cells = wordCells(row, locale);
        const values: Record<string, string | Date | null> = {};
        for (const column of tokenExportColumns) {
          values[column] = timeColumns.has(column) ? timeOf(row, column) : cells[column] || null;
        }
        sheet.addRow(values).commit();
      }
      const last = rows.at(-1)?.contribution;
      if (last) after = { receivedAt: last.receivedAt, id: last.id };
      if (rows.length < PAGE_SIZE) break;
      // The download is slower than the database: wait for it before reading more.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** A time column as a date cell (null when empty). */
function timeOf(row: Parameters<typeof wordCells>[0], column: ExportColumn): Date | null {
  const c = row.contribution;
  const iso: Partial<Record<ExportColumn, string | undefined>> = {
    receivedAt: c.receivedAt,
    createdAt: c.createdAt,
    replyAt: c.reply?.at,
    answerAt: c.answer?.at,
    moderatedAt: row.moderation?.at,
  };
  const value = iso[column];
  return value ? parisWallClock(value) : null;
}
