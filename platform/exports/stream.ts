import type { Contribution } from '../../api-client/contract';
import type { PageCursor } from '../storage/storage';
import type { ExportWriter } from './formats';

const PAGE_SIZE = 500;

/**
 * The export as a byte stream: one keyset page is read each time the consumer
 * asks for more, so a million rows never sit in memory at once, and a slow
 * download slows the reads instead of filling buffers.
 */
export function exportStream(
  readPage: (limit: number, after: PageCursor | undefined) => Promise<Contribution[]>,
  writer: ExportWriter,
): ReadableStream<Uint8Array> {
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
        const last = rows.at(-1);
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
