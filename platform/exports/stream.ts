import type { ExportRow, PageCursor } from '../storage/storage';
import type { ExportWriter } from './formats';

export const PAGE_SIZE = 500;

/** One keyset page of an export, strictly after `after`. */
export type ExportPageReader = (limit: number, after: PageCursor | undefined) => Promise<ExportRow[]>;

/**
 * The export as a byte stream: one keyset page is read each time the consumer
 * asks for more, so a million rows never sit in memory at once, and a slow
 * download slows the reads instead of filling buffers.
 */
export function exportStream(readPage: ExportPageReader, writer: ExportWriter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: PageCursor | undefined;
  let started = false;
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = '';
        if (!started) {
          started = true;
          text += writer.start();
        }
        const rows = await readPage(PAGE_SIZE, after);
        for (const row of rows) {
          text += writer.row(row, first);
          first = false;
        }
        const last = rows.at(-1)?.contribution;
        if (last) after = { receivedAt: last.receivedAt, id: last.id };
        if (rows.length < PAGE_SIZE) {
          controller.enqueue(encoder.encode(text + writer.end()));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(text));
      },
    },
    { highWaterMark: 0 },
  );
}
