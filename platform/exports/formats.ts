import { exportCsvColumns, type CsvDialect, type ExportFormat } from '../../api-client/contract';
import type { ExportRow } from '../storage/storage';
import { ANNOTATION_CONTEXT, toAnnotation } from './annotation';
import { csvFormat } from './csv';
import type { ExportColumn } from './i18n';

/** How one text export format frames its rows: what comes first, each row (knowing whether it is the first), and last. */
export interface ExportWriter {
  contentType: string;
  extension: string;
  start(): string;
  row(row: ExportRow, first: boolean): string;
  end(): string;
}

/** A JSON export's item: the contribution, and for token holders its moderation (latest decision, journal). */
function jsonItem(row: ExportRow): unknown {
  return row.moderation ? { ...row.contribution, moderation: row.moderation } : row.contribution;
}

export interface ExportContext {
  /** The platform's own address as the caller reached it, for annotation ids. */
  baseUrl: string;
  /** The export's own address, the collection's id. */
  selfUrl: string;
  /** How many rows the export holds (the collection's `total`). */
  total: number;
  /** The CSV's dialect (RFC 4180 by default) and columns (the open data's by default). */
  dialect?: CsvDialect | undefined;
  columns?: readonly ExportColumn[] | undefined;
}

export function exportWriter(format: Exclude<ExportFormat, 'xlsx'>, context: ExportContext): ExportWriter {
  switch (format) {
    case 'csv': {
      const csv = csvFormat(context.dialect ?? 'rfc4180', context.columns ?? exportCsvColumns);
      return {
        contentType: 'text/csv; charset=utf-8; header=present',
        extension: 'csv',
        start: csv.start,
        row: csv.row,
        end: () => '',
      };
    }
    case 'json':
      return {
        contentType: 'application/json',
        extension: 'json',
        start: () => '{"items":[',
        row: (row, first) => (first ? '\n' : ',\n') + JSON.stringify(jsonItem(row)),
        end: () => '\n]}\n',
      };
    case 'jsonld': {
      // One collection holding one page with every annotation: the export is one
      // document, streamed, rather than pages a reader must follow.
      const head = {
        '@context': ANNOTATION_CONTEXT,
        id: context.selfUrl,
        type: 'AnnotationCollection',
        label: 'Vigie — contributions',
        total: context.total,
      };
      const page = { id: `${context.selfUrl}#page-1`, type: 'AnnotationPage', partOf: context.selfUrl, startIndex: 0 };
      return {
        contentType: `application/ld+json; profile="${ANNOTATION_CONTEXT}"`,
        extension: 'jsonld',
        start: () => `${JSON.stringify(head).slice(0, -1)},"first":${JSON.stringify(page).slice(0, -1)},"items":[`,
        row: (row, first) => (first ? '\n' : ',\n') + JSON.stringify(toAnnotation(row.contribution, context.baseUrl)),
        end: () => '\n]}}\n',
      };
    }
  }
}
