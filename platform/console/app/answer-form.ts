import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { AnswerInput, AnswerStatus, Contribution } from '../../../api-client/contract';
import { answerStatusLabels } from '../../../api-client/contract/labels';
import { answerStatuses } from '../../../api-client/contract/limits';
import { ApiError, callJson } from './api';
import { lang, t } from './i18n';

/**
 * An administration answers the selected contribution under its own name, beside the
 * moderation decision: where it stands (received, in progress, answered, not its remit)
 * and its words. Sending again with other words or another status makes a new version.
 */
export function AnswerForm(props: {
  contribution: Contribution;
  onAnswered: (contribution: Contribution) => void;
  onMessage: (message: { text: string; error: boolean }) => void;
}) {
  const s = t();
  const { contribution } = props;
  const body = useSignal(contribution.answer?.body ?? '');
  const status = useSignal<AnswerStatus>(contribution.answer?.status ?? 'received');
  const sending = useSignal(false);

  // Another contribution selected: its own answer, or a blank one.
  useEffect(() => {
    body.value = contribution.answer?.body ?? '';
    status.value = contribution.answer?.status ?? 'received';
  }, [contribution.id]);

  async function send(event: Event) {
    event.preventDefault();
    if (body.value.trim() === '') {
      props.onMessage({ text: s.answerEmpty, error: true });
      return;
    }
    sending.value = true;
    try {
      const answer: AnswerInput = { body: body.value.trim(), status: status.value };
      const updated = await callJson<Contribution>(`/v1/contributions/${contribution.id}/answer`, {
        method: 'POST',
        body: JSON.stringify(answer),
      });
      props.onAnswered(updated);
      props.onMessage({ text: t().answerSaved, error: false });
    } catch (e) {
      props.onMessage({ text: e instanceof ApiError ? e.message : String(e), error: true });
    } finally {
      sending.value = false;
    }
  }

  const labels = answerStatusLabels[lang.value];
  return h(
    'form',
    { class: 'answer card', 'aria-labelledby': 'answer-title', 'aria-describedby': 'answer-help', onSubmit: send },
    h('h2', { id: 'answer-title' }, s.answerTitle),
    h('p', { id: 'answer-help', class: 'hint' }, s.answerHelp),
    h('label', { for: 'answer-status' }, s.answerStatus),
    h(
      'select',
      {
        id: 'answer-status',
        value: status.value,
        onChange: (e: Event) => (status.value = (e.currentTarget as HTMLSelectElement).value as AnswerStatus),
      },
      answerStatuses.map((value) => h('option', { value }, labels[value])),
    ),
    h('label', { for: 'answer-body' }, s.answerBody),
    h('textarea', {
      id: 'answer-body',
      rows: 4,
      maxLength: 2000,
      required: true,
      value: body.value,
      onInput: (e: Event) => (body.value = (e.currentTarget as HTMLTextAreaElement).value),
    }),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', disabled: sending.value }, contribution.answer ? s.answerUpdate : s.answerSend),
    ),
  );
}
