import type { Contribution, ExportFormat } from '../../api-client/contract';
import { ANNOTATION_CONTEXT, toAnnotation } from './annotation';
import { csvRow, csvStart } from './csv';

/** How one export format frames its rows: what comes first, each row (knowing whether it is the first), and last. */
export interface ExportWriter {
  contentType: string;
  extension: string;
  start(): string;
  row(contribution: Contribution, first: boolean): string;
  end(): string;
}

export interface ExportContext {
  /** The platform's own address as the caller reached it, for annotation ids. */
  baseUrl: string;
  /** The export's own address, the collection's id. */
  selfUrl: string;
  /** How many rows the export holds (the collection's `total`). */
  total: number;
}

export function exportWriter(format: ExportFormat, context: ExportContext): ExportWriter {
  switch (format) {
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8; header=present',
        extension: 'csv',
        start: csvStart,
        row: csvRow,
        end: () => '',
      };
    case 'json':
      return {
        contentType: 'application/json',
        extension: 'json',
        start: () => '{"items":[',
        row: (c, first) => (first ? '\n' : ',\n') + JSON.stringify(c),
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
        row: (c, first) => (first ? '\n' : ',\n') + JSON.stringify(toAnnotation(c, context.baseUrl)),
        end: () => '\n]}}\n',
      };
    }
  }
}
