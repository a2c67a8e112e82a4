import { useSignal } from '@preact/signals';
import { h } from 'preact';
import type { BulkDecision, ModerationReason } from '../../../../api-client/contract';
import { t } from '../i18n';
import { ReasonSelect } from './decision';
import { tm } from './i18n';
import { decideTicked, items, message, ticked } from './state';

/**
 * One decision on the contributions ticked (x, or their boxes), with one reason: one request,
 * and the result of each said in one sentence (those outside an administration's scope are
 * left as they were).
 */
export function BulkBar() {
  const s = t();
  const m = tm();
  const reason = useSignal<ModerationReason | ''>('');
  const note = useSignal('');
  const count = ticked.value.size;
  const all = items.value.length > 0 && items.value.every((item) => ticked.value.has(item.contribution.id));

  async function bulk(decision: BulkDecision['decision']) {
    if (decision !== 'publish' && reason.value === '') {
      message.value = { text: s.needReason, error: true };
      document.getElementById('bulk-reason')?.focus();
      return;
    }
    if (decision !== 'publish' && reason.value === 'other' && note.value.trim() === '') {
      message.value = { text: m.needNote, error: true };
      document.getElementById('bulk-note')?.focus();
      return;
    }
    const done = await decideTicked({
      decision,
      ...(decision !== 'publish' && reason.value !== '' ? { reason: reason.value } : {}),
      ...(decision !== 'publish' && note.value.trim() ? { note: note.value.trim() } : {}),
    });
    if (done) {
      reason.value = '';
      note.value = '';
    }
  }

  return h(
    'section',
    { class: 'bulk card', 'aria-labelledby': 'bulk-title' },
    h('h2', { id: 'bulk-title', class: 'panel-title' }, m.bulkTitle),
    h(
      'div',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id: 'bulk-all',
        checked: all,
        onChange: (e: Event) =>
          (ticked.value = (e.currentTarget as HTMLInputElement).checked
            ? new Set(items.value.map((item) => item.contribution.id))
            : new Set()),
      }),
      h('label', { for: 'bulk-all' }, m.bulkSelectAll),
    ),
    h('p', { id: 'bulk-count', 'aria-live': 'polite' }, m.bulkSelected(count)),
    count === 0
      ? null
      : h(
          'div',
          { class: 'bulk-form' },
          h('label', { for: 'bulk-reason' }, m.reasonLabel),
          h(ReasonSelect, { id: 'bulk-reason', value: reason.value, onChange: (v) => (reason.value = v) }),
          reason.value === 'other'
            ? [
                h('label', { for: 'bulk-note' }, m.noteLabel),
                h('textarea', {
                  id: 'bulk-note',
                  rows: 2,
                  maxLength: 500,
                  value: note.value,
                  onInput: (e: Event) => (note.value = (e.currentTarget as HTMLTextAreaElement).value),
                }),
              ]
            : null,
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', class: 'publish', onClick: () => bulk('publish') }, m.bulkPublish),
            h('button', { type: 'button', class: 'hide', onClick: () => bulk('hide') }, m.bulkHide),
            h('button', { type: 'button', class: 'reject', onClick: () => bulk('reject') }, m.bulkReject),
          ),
        ),
  );
}
