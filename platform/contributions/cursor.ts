import type { Contribution } from '../../api-client/contract';
import type { PageCursor, QueueCursor, SupportCursor } from '../storage/storage';

// An opaque page cursor: the last item's arrival time and id (and, in the moderation
// queue, whether it was reported), base64url-encoded. Decoded strictly: its values go
// into SQL, and a forged one (a NUL, a stray string) is a bad cursor, never a crash.
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(last: Pick<Contribution, 'receivedAt' | 'id'>, reported?: 0 | 1): string {
  const value = reported === undefined ? [last.receivedAt, last.id] : [last.receivedAt, last.id, reported];
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decode(cursor: string): unknown[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string') return null;
    return isoInstant.test(value[0]) && uuid.test(value[1]) ? value : null;
  } catch {
    return null; // any undecodable cursor is simply invalid
  }
}

export function decodeCursor(cursor: string): PageCursor | null {
  const value = decode(cursor);
  return value?.length === 2 ? { receivedAt: value[0] as string, id: value[1] as string } : null;
}

export function decodeQueueCursor(cursor: string): QueueCursor | null {
  const value = decode(cursor);
  if (value?.length !== 3 || (value[2] !== 0 && value[2] !== 1)) return null;
  return { receivedAt: value[0] as string, id: value[1] as string, reported: value[2] };
}

/** A list by support resumes past the last item's count, arrival and id. */
export function encodeSupportCursor(last: Pick<Contribution, 'receivedAt' | 'id' | 'supportCount'>): string {
  return Buffer.from(JSON.stringify([last.receivedAt, last.id, 'support', last.supportCount ?? 0])).toString(
    'base64url',
  );
}

export function decodeSupportCursor(cursor: string): SupportCursor | null {
  const value = decode(cursor);
  if (value?.length !== 4 || value[2] !== 'support' || !Number.isSafeInteger(value[3]) || (value[3] as number) < 0) {
    return null;
  }
  return { receivedAt: value[0] as string, id: value[1] as string, supportCount: value[3] as number };
}
