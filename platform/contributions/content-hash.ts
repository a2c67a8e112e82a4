import { createHash } from 'node:crypto';
import type { ContributionInput } from '../../api-client/contract';

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The fingerprint of what a citizen sent, independent of key order, so that a
 * retried request is recognised as the same contribution and another one is not.
 */
export function contentHash(input: ContributionInput): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}
