import type { Contribution } from '../../api-client/contract';
import type { PageCursor } from '../storage/storage';

/** An opaque page cursor: the last item's arrival time and id, base64url-encoded. */
export function encodeCursor(last: Pick<Contribution, 'receivedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([last.receivedAt, last.id])).toString('base64url');
}

export function decodeCursor(cursor: string): PageCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return { receivedAt: value[0] as string, id: value[1] as string };
    }
  } catch {
    // falls through: any undecodable cursor is simply invalid
  }
  return null;
}
