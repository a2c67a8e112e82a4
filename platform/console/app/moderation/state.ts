import { signal } from '@preact/signals';
import type {
  BulkDecision,
  BulkDecisionResult,
  Contribution,
  ModerationCounts,
  ModerationDecision,
  ModerationItem,
  ModerationQueue,
} from '../../../../api-client/contract';
import { ApiError, callJson } from '../api';
import { t } from '../i18n';
import { tm } from './i18n';

export type QueueStatus = Contribution['status'];
export type Message = { text: string; error: boolean };

/** The filters as the form holds them: text, as typed; empty means not set. */
export interface FilterValues {
  q: string;
  commitmentId: string;
  page: string;
  kind: string;
  gapType: string;
  campaignId: string;
  from: string;
  to: string;
  reported: string;
}

export const noFilters: FilterValues = {
  q: '',
  commitmentId: '',
  page: '',
  kind: '',
  gapType: '',
  campaignId: '',
  from: '',
  to: '',
  reported: '',
};

/** The moderation page's state, kept across tab switches so a moderator comes back where they were. */
export const status = signal<QueueStatus>('pending');
export const filters = signal<FilterValues>(noFilters);
export const items = signal<ModerationItem[]>([]);
export const cursor = signal<string | null>(null);
export const selected = signal(0);
export const loading = signal(true);
export const message = signal<Message | null>(null);
/** Ids ticked for a bulk decision. */
export const ticked = signal<ReadonlySet<string>>(new Set());
/** The counts of the queue's statuses with the current filters. */
export const counts = signal<ModerationCounts | null>(null);

const SHORTCUTS_KEY = 'vigie.shortcuts';
/** Single-key shortcuts can be turned off (WCAG 2.1.4), and the choice is kept on this device. */
export const shortcutsOn = signal(localStorage.getItem(SHORTCUTS_KEY) !== 'off');
export function setShortcuts(on: boolean): void {
  shortcutsOn.value = on;
  localStorage.setItem(SHORTCUTS_KEY, on ? 'on' : 'off');
}

const say = (e: unknown) => (message.value = { text: e instanceof ApiError ? e.message : String(e), error: true });

/** A day typed in a date field, as the instant it starts (local time); `to` includes its day. */
function dayBound(day: string, inclusiveEnd: boolean): string {
  const start = new Date(`${day}T00:00:00`);
  if (inclusiveEnd) start.setDate(start.getDate() + 1);
  return start.toISOString();
}

/** The filters as query parameters, those set only. */
export function filterParams(values: FilterValues = filters.value): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['q', 'commitmentId', 'page', 'kind', 'gapType', 'campaignId', 'reported'] as const) {
    const value = values[name].trim();
    if (value) params.set(name, value);
  }
  if (values.from) params.set('from', dayBound(values.from, false));
  if (values.to) params.set('to', dayBound(values.to, true));
  return params;
}

export function activeFilterCount(values: FilterValues = filters.value): number {
  return (Object.values(values) as string[]).filter((value) => value.trim() !== '').length;
}

export async function refreshCounts(): Promise<void> {
  try {
    counts.value = await callJson<ModerationCounts>(`/v1/moderation/counts?${filterParams()}`);
  } catch {
    // A missed refresh is tried again at the next tick; the queue says what went wrong.
  }
}

export async function load(append: boolean): Promise<void> {
  loading.value = true;
  try {
    const params = filterParams();
    params.set('status', status.value);
    params.set('limit', '50');
    if (append && cursor.value) params.set('cursor', cursor.value);
    const page = await callJson<ModerationQueue>(`/v1/moderation/queue?${params}`);
    items.value = append ? [...items.value, ...page.items] : page.items;
    cursor.value = page.nextCursor;
    if (!append) {
      selected.value = 0;
      ticked.value = new Set();
    }
  } catch (e) {
    say(e);
  } finally {
    loading.value = false;
  }
  void refreshCounts();
}

/** The item as it is now, after a decision or an answer that keeps it in this queue. */
async function reload(id: string): Promise<void> {
  const fresh = await callJson<ModerationItem>(`/v1/moderation/contributions/${id}`);
  items.value = items.value.map((item) => (item.contribution.id === id ? fresh : item));
}

/** Leaves out of the list what no longer belongs to the queue shown. */
function settle(updated: Array<{ id: string; status: QueueStatus }>): void {
  const gone = new Set(updated.filter((u) => u.status !== status.value).map((u) => u.id));
  items.value = items.value.filter((item) => !gone.has(item.contribution.id));
  ticked.value = new Set([...ticked.value].filter((id) => !gone.has(id)));
  selected.value = Math.min(selected.value, Math.max(0, items.value.length - 1));
}

export async function decide(body: ModerationDecision): Promise<boolean> {
  const current = items.value[selected.value];
  if (!current) return false;
  try {
    const updated = await callJson<Contribution>(`/v1/moderation/contributions/${current.contribution.id}/decision`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    message.value = { text: t().decided[updated.status], error: false };
    settle([{ id: updated.id, status: updated.status }]);
    if (updated.status === status.value) await reload(updated.id);
    void refreshCounts();
    return true;
  } catch (e) {
    say(e);
    return false;
  }
}

export async function decideTicked(body: Omit<BulkDecision, 'ids'>): Promise<boolean> {
  const ids = [...ticked.value];
  if (ids.length === 0) return false;
  try {
    const result = await callJson<BulkDecisionResult>('/v1/moderation/decisions', {
      method: 'POST',
      body: JSON.stringify({ ids, ...body } satisfies BulkDecision),
    });
    const decided = result.items.filter((item) => item.result === 'decided');
    const s = tm();
    const newStatus = decided[0]?.status ?? 'pending';
    message.value = {
      text: s.bulkDone(decided.length, s.bulkStatus[newStatus], result.items.length - decided.length),
      error: decided.length < result.items.length,
    };
    settle(decided.map((item) => ({ id: item.id, status: item.status ?? status.value })));
    ticked.value = new Set([...ticked.value].filter((id) => !decided.some((item) => item.id === id)));
    void refreshCounts();
    return true;
  } catch (e) {
    say(e);
    return false;
  }
}

export function toggleTicked(id: string): void {
  const next = new Set(ticked.value);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  ticked.value = next;
}

/** After an administration answered: the item shows its new answer. */
export function replaceContribution(updated: Contribution): void {
  items.value = items.value.map((item) =>
    item.contribution.id === updated.id ? { ...item, contribution: updated } : item,
  );
}
