import { signal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ModerationDecision, ModerationItem, ModerationReason } from '../../../../api-client/contract';
import { account } from '../api';
import { AnswerForm } from '../answer-form';
import { t } from '../i18n';
import { tm } from './i18n';
import { Journal } from './journal';
import { decide, message, replaceContribution } from './state';

/** What the moderator typed for the selected contribution; cleared when another is selected. */
export const reason = signal<ModerationReason | ''>('');
export const note = signal('');
export const reply = signal('');

export const reasonCodes: ModerationReason[] = ['spam', 'offensive', 'off-topic', 'personal-data', 'other'];

/** Moves the focus to a field of the decision, by its id. */
export function focusField(id: string): void {
  document.getElementById(id)?.focus();
}

/**
 * Decides on the selected contribution, from a button or a key: hiding or rejecting needs a
 * reason, and "other" its explanation; each missing one is said, and the focus goes to it.
 */
export async function decideSelected(decision: ModerationDecision['decision']): Promise<void> {
  if (decision !== 'publish' && reason.value === '') {
    message.value = { text: t().needReason, error: true };
    focusField('decision-reason');
    return;
  }
  if (decision !== 'publish' && reason.value === 'other' && note.value.trim() === '') {
    message.value = { text: tm().needNote, error: true };
    focusField('decision-note');
    return;
  }
  const body: ModerationDecision = {
    decision,
    ...(decision !== 'publish' && reason.value !== '' ? { reason: reason.value } : {}),
    ...(decision !== 'publish' && note.value.trim() ? { note: note.value.trim() } : {}),
    ...(reply.value.trim() ? { reply: reply.value.trim() } : {}),
  };
  if (await decide(body)) {
    reason.value = '';
    note.value = '';
    reply.value = '';
  }
}

/** The reasons as sentences, for a select; "other" asks for its explanation below. */
export function ReasonSelect(props: {
  id: string;
  value: ModerationReason | '';
  onChange: (v: ModerationReason | '') => void;
}) {
  const m = tm();
  return h(
    'select',
    {
      id: props.id,
      value: props.value,
      onChange: (e: Event) => props.onChange((e.currentTarget as HTMLSelectElement).value as ModerationReason | ''),
    },
    h('option', { value: '' }, m.reasonChoose),
    reasonCodes.map((code) => h('option', { value: code }, m.reasonSentences[code])),
  );
}

/**
 * The decision on the selected contribution, right below it: the reason (as sentences), the
 * note "other" asks for, the moderators' public reply (an administration answers instead,
 * under its name), the three decisions, and the journal of earlier ones.
 */
export function DecisionPanel(props: { item: ModerationItem }) {
  const s = t();
  const m = tm();
  const id = props.item.contribution.id;
  useEffect(() => {
    reason.value = '';
    note.value = '';
    reply.value = '';
  }, [id]);
  // An organisation speaks through its signed answer, not the moderators' reply.
  const administration = account.value?.role === 'administration';
  return h(
    'div',
    { class: 'panel' },
    h(
      'form',
      {
        class: 'decision',
        'aria-labelledby': 'decision-title',
        onSubmit: (e: Event) => e.preventDefault(),
      },
      h('h2', { id: 'decision-title', class: 'panel-title' }, m.decisionTitle),
      h('label', { for: 'decision-reason' }, m.reasonLabel),
      h(ReasonSelect, { id: 'decision-reason', value: reason.value, onChange: (v) => (reason.value = v) }),
      reason.value === 'other'
        ? [
            h('label', { for: 'decision-note' }, m.noteLabel),
            h('textarea', {
              id: 'decision-note',
              rows: 2,
              maxLength: 500,
              required: true,
              'aria-describedby': 'decision-note-hint',
              value: note.value,
              onInput: (e: Event) => (note.value = (e.currentTarget as HTMLTextAreaElement).value),
            }),
            h('p', { id: 'decision-note-hint', class: 'hint' }, m.noteHint),
          ]
        : null,
      administration ? null : h('label', { for: 'decision-reply' }, m.replyLabel),
      administration
        ? null
        : h('textarea', {
            id: 'decision-reply',
            rows: 3,
            maxLength: 2000,
            value: reply.value,
            onInput: (e: Event) => (reply.value = (e.currentTarget as HTMLTextAreaElement).value),
          }),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'publish', onClick: () => decideSelected('publish') }, s.publish),
        h('button', { type: 'button', class: 'hide', onClick: () => decideSelected('hide') }, s.hide),
        h('button', { type: 'button', class: 'reject', onClick: () => decideSelected('reject') }, s.reject),
      ),
    ),
    administration
      ? h(AnswerForm, {
          contribution: props.item.contribution,
          onAnswered: replaceContribution,
          onMessage: (msg) => (message.value = msg),
        })
      : null,
    h(Journal, { journal: props.item.journal }),
  );
}
