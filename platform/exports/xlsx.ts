import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../api-client/contract';
import type { PageCursor } from '../storage/storage';
import { parisWallClock, timeColumns, tokenExportColumns, wordCells } from './cells';
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
      await roomFor(sheet, out);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** A stream of Node's or of the `readable-stream` package (which ExcelJS's zip uses): its writable side's state. */
type AnyWritable = Writable & { _writableState?: { length?: number } };

/** How much may wait for the compressor: a few pages of rows, so it works while the next page is read. */
const BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * Waits until what was written has moved on: into the zip, and out to the download. ExcelJS's
 * sheet stream writes into the zip's entry without waiting for it, and SQLite's driver answers
 * without ever yielding to the event loop, so without this wait the compressor never runs and the
 * whole sheet would sit in memory until the end. The sheet stream's `pipes` are ExcelJS's own
 * (lib/utils/stream-buf.js), read because no public API says how much is pending; the entry is a
 * `readable-stream` PassThrough, whose buffered length is in its state. The bench measures the outcome.
 */
async function roomFor(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  for (;;) {
    const pipes = (sheet as unknown as { stream?: { pipes?: AnyWritable[] } }).stream?.pipes ?? [];
    const full = [...pipes, out as AnyWritable].find(
      (stream) => (stream.writableLength ?? stream._writableState?.length ?? 0) > BACKLOG_BYTES,
    );
    if (!full) return;
    // A download given up (the client went away) closes `out`: stop writing rather than wait forever.
    const done = new AbortController();
    await Promise.race([once(full, 'drain', { signal: done.signal }), once(out, 'close', { signal: done.signal })]);
    done.abort(); // the listener that did not fire goes too
    if (out.destroyed) throw new Error('The XLSX download was closed before its end.');
  }
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
