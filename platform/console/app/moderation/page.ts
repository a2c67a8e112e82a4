import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ModerationCounts } from '../../../../api-client/contract';
import { loadCommitments } from '../commitments';
import { lang, t } from '../i18n';
import { usePolling } from '../polling';
import { BulkBar } from './bulk';
import { QueueItem } from './card';
import { Filters } from './filters';
import { tm } from './i18n';
import { KeysHelp, useQueueKeys } from './keys';
import { counts, cursor, items, load, loading, message, refreshCounts, status, type QueueStatus } from './state';

const queueStatuses: QueueStatus[] = ['pending', 'published', 'hidden', 'rejected'];

/** The statuses as a navigation, each with how many contributions it holds with the filters, kept up to date. */
function StatusNav() {
  const m = tm();
  const current: ModerationCounts | null = counts.value;
  return h(
    'nav',
    { 'aria-label': m.statusNav, class: 'status-nav' },
    h(
      'ul',
      { class: 'tabs' },
      queueStatuses.map((value) =>
        h(
          'li',
          { key: value },
          h(
            'button',
            {
              type: 'button',
              'aria-current': value === status.value ? 'page' : undefined,
              onClick: () => {
                status.value = value;
                void load(false);
              },
            },
            m.statusTab(m.statusLabels[value], current?.[value]),
          ),
        ),
      ),
    ),
    current && current.reported > 0 ? h('p', { class: 'hint' }, m.reportedCount(current.reported)) : null,
    h('p', { class: 'hint' }, m.countsLive),
  );
}

/** The moderation page: search and filters, the statuses with their counts, bulk decisions, and the queue. */
export function Moderation() {
  const s = t();
  useQueueKeys();
  usePolling(() => void refreshCounts());
  useEffect(() => {
    void load(false);
  }, []);
  useEffect(() => loadCommitments(lang.value), [lang.value]);
  return h(
    'section',
    { 'aria-labelledby': 'queue-title' },
    h('h1', { id: 'queue-title' }, s.queueTitle),
    h(KeysHelp, null),
    h(Filters, null),
    h(StatusNav, null),
    h(
      'p',
      { class: message.value?.error ? 'error' : 'notice', role: 'status', 'aria-live': 'polite' },
      message.value?.text ?? '',
    ),
    h(BulkBar, null),
    loading.value && items.value.length === 0
      ? h('p', null, s.loading)
      : items.value.length === 0
        ? h('p', { class: 'empty' }, s.queueEmpty)
        : h(
            'ol',
            { class: 'queue', 'aria-labelledby': 'queue-title', 'aria-describedby': 'shortcuts-hint' },
            items.value.map((item, index) => h(QueueItem, { key: item.contribution.id, item, index })),
          ),
    cursor.value ? h('button', { type: 'button', onClick: () => load(true) }, s.loadMore) : null,
  );
}
