import type { CsvDialect, Locale } from '../../api-client/contract';
import type { ExportRow } from '../storage/storage';
import { codeCells, freeTextColumns, wordCells } from './cells';
import { exportWords, type ExportColumn } from './i18n';

/** Each dialect's separator: RFC 4180's comma, or the semicolon French spreadsheets split on. */
const separatorOf = (dialect: CsvDialect) => (dialect === 'fr' ? ';' : ',');

/**
 * One field: quoted when it holds the separator, a quote or a line break, with quotes
 * doubled. Free text that starts like a formula (= + - @, tab, carriage return) gets a
 * leading apostrophe, so opening the export in a spreadsheet never runs it (CSV injection).
 */
function field(value: string, guard: boolean, separator: string): string {
  const safe = guard && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A CSV in one dialect over these columns. Both start with the byte order mark: Excel reads
 * UTF-8 (accents) only with it. `rfc4180`: the columns' codes as headers, codes as values,
 * ISO 8601 UTC times; `fr`: French headers and labels, Europe/Paris times, `;` between fields.
 */
export function csvFormat(dialect: CsvDialect, columns: readonly ExportColumn[], locale: Locale = 'fr') {
  const separator = separatorOf(dialect);
  const words = dialect === 'fr' ? exportWords[locale] : undefined;
  const line = (values: string[]) => values.join(separator) + '\r\n';
  return {
    start: (): string => {
      const headers = columns.map((column) => (words ? words.headers[column] : column));
      return '\uFEFF' + line(headers.map((header) => field(header, false, separator)));
    },
    row: (row: ExportRow): string => {
      const cells = words ? wordCells(row, locale) : codeCells(row);
      return line(columns.map((column) => field(cells[column], freeTextColumns.has(column), separator)));
    },
  };
}
