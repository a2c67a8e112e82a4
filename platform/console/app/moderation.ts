import { useSignal } from '@preact/signals';
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type {
  Contribution,
  ModerationDecision,
  ModerationItem,
  ModerationQueue,
  ModerationReason,
} from '../../../api-client/contract';
import { answerStatusLabels } from '../../../api-client/contract/labels';
import { account, ApiError, callJson } from './api';
import { AnswerForm } from './answer-form';
import { lang, t } from './i18n';

type QueueStatus = Contribution['status'];
const queueStatuses: QueueStatus[] = ['pending', 'published', 'hidden', 'rejected'];

/** Keys typed into a field are text, not shortcuts. */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

function date(iso: string): string {
  return new Date(iso).toLocaleString(lang.value === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

function kindOf(c: ModerationItem['contribution'], s: ReturnType<typeof t>): string {
  switch (c.kind) {
    case 'gap':
      return `${s.kindGap} : ${c.gapType ? s.gapTypes[c.gapType] : ''}`;
    case 'reply':
      return s.kindReply;
    case 'comment':
      return s.kindComment;
  }
}

/** A reply is judged with the words it answers beside it. */
function InReplyTo({ parent }: { parent: ModerationItem['parent'] }) {
  const s = t();
  if (!parent) return h('p', { class: 'parent' }, s.parentGone);
  return h(
    'div',
    { class: 'parent' },
    h('p', { class: 'meta' }, s.inReplyTo(parent.author?.pseudonym)),
    h('blockquote', { 'aria-label': s.inReplyTo(undefined) }, parent.body),
    parent.status === 'published' ? null : h('p', null, s.parentNotPublic),
  );
}

function Item(props: { item: ModerationItem; selected: boolean; onSelect: () => void }) {
  const { contribution: c, reports, parent } = props.item;
  const s = t();
  const quote = c.target.selectors.find((selector) => selector.type === 'TextQuoteSelector');
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (props.selected && ref.current && !ref.current.contains(document.activeElement)) ref.current.focus();
  }, [props.selected]);
  return h(
    'li',
    {
      ref,
      class: props.selected ? 'item selected' : 'item',
      tabIndex: props.selected ? 0 : -1,
      'aria-current': props.selected ? 'true' : undefined,
      'data-id': c.id,
      onClick: props.onSelect,
      onFocus: props.onSelect,
    },
    h(
      'p',
      { class: 'meta' },
      h('strong', null, kindOf(c, s)),
      ` · ${s.receivedOn} ${date(c.receivedAt)}`,
      c.author ? ` · ${c.author.pseudonym}` : '',
      reports.count > 0
        ? h(
            'span',
            { class: 'reports' },
            ` · ${s.reports(reports.count)} (${reports.reasons.map((r) => s.reasons[r]).join(', ')})`,
          )
        : null,
    ),
    h('p', { class: 'body' }, c.body),
    c.parentId ? InReplyTo({ parent }) : null,
    quote && quote.type === 'TextQuoteSelector' ? h('blockquote', { 'aria-label': s.quote }, quote.exact) : null,
    h(
      'p',
      { class: 'page' },
      `${s.page}${s.colon}`,
      h('a', { href: c.target.url, rel: 'noreferrer noopener', target: '_blank' }, c.target.title || c.target.url),
    ),
    c.reply ? h('p', { class: 'reply' }, h('strong', null, `${s.moderationReply}${s.colon}`), c.reply.body) : null,
    c.answer
      ? h(
          'p',
          { class: 'reply' },
          h(
            'strong',
            null,
            s.answerCurrent(c.answer.organisation, answerStatusLabels[lang.value][c.answer.status], date(c.answer.at)),
          ),
          ' ',
          c.answer.body,
        )
      : null,
  );
}

export function Moderation() {
  const s = t();
  const status = useSignal<QueueStatus>('pending');
  const items = useSignal<ModerationItem[]>([]);
  const cursor = useSignal<string | null>(null);
  const selected = useSignal(0);
  const reason = useSignal<ModerationReason | ''>('');
  const reply = useSignal('');
  const message = useSignal<{ text: string; error: boolean } | null>(null);
  const loading = useSignal(true);
  const reasonRef = useRef<HTMLSelectElement>(null);

  async function load(append: boolean) {
    loading.value = true;
    try {
      const params = new URLSearchParams({ status: status.value, limit: '50' });
      if (append && cursor.value) params.set('cursor', cursor.value);
      const page = await callJson<ModerationQueue>(`/v1/moderation/queue?${params}`);
      items.value = append ? [...items.value, ...page.items] : page.items;
      cursor.value = page.nextCursor;
      if (!append) selected.value = 0;
    } catch (e) {
      message.value = { text: e instanceof ApiError ? e.message : String(e), error: true };
    } finally {
      loading.value = false;
    }
  }

  async function decide(decision: ModerationDecision['decision']) {
    const current = items.value[selected.value];
    if (!current) return;
    if (decision !== 'publish' && reason.value === '') {
      message.value = { text: t().needReason, error: true };
      reasonRef.current?.focus();
      return;
    }
    const body: ModerationDecision = {
      decision,
      ...(decision !== 'publish' && reason.value !== '' ? { reason: reason.value } : {}),
      ...(reply.value.trim() ? { reply: reply.value.trim() } : {}),
    };
    try {
      const updated = await callJson<Contribution>(`/v1/moderation/contributions/${current.contribution.id}/decision`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      message.value = { text: t().decided[updated.status], error: false };
      const rest = items.value.filter((item) => item.contribution.id !== updated.id);
      items.value =
        updated.status === status.value
          ? items.value.map((item) => (item.contribution.id === updated.id ? { ...item, contribution: updated } : item))
          : rest;
      selected.value = Math.min(selected.value, Math.max(0, items.value.length - 1));
      reason.value = '';
      reply.value = '';
    } catch (e) {
      message.value = { text: e instanceof ApiError ? e.message : String(e), error: true };
    }
  }

  useEffect(() => {
    void load(false);
  }, [status.value]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const count = items.value.length;
      if (event.key === 'j' && count > 0) selected.value = Math.min(count - 1, selected.value + 1);
      else if (event.key === 'k' && count > 0) selected.value = Math.max(0, selected.value - 1);
      else if (event.key === 'p') void decide('publish');
      else if (event.key === 'h') void decide('hide');
      else if (event.key === 'r') void decide('reject');
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const current = items.value[selected.value];
  // An organisation speaks through its signed answer, not the moderators' reply.
  const administration = account.value?.role === 'administration';
  const replace = (updated: Contribution) =>
    (items.value = items.value.map((item) =>
      item.contribution.id === updated.id ? { ...item, contribution: updated } : item,
    ));
  return h(
    'section',
    { 'aria-labelledby': 'queue-title' },
    h('h1', { id: 'queue-title' }, s.queueTitle),
    h('p', { id: 'shortcuts', class: 'hint' }, s.shortcuts),
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'queue-status' }, s.statusFilter),
      h(
        'select',
        {
          id: 'queue-status',
          value: status.value,
          onChange: (e: Event) => (status.value = (e.currentTarget as HTMLSelectElement).value as QueueStatus),
        },
        queueStatuses.map((value) => h('option', { value }, s.statuses[value])),
      ),
    ),
    h(
      'p',
      { class: message.value?.error ? 'error' : 'notice', role: 'status', 'aria-live': 'polite' },
      message.value?.text ?? '',
    ),
    loading.value && items.value.length === 0
      ? h('p', null, s.loading)
      : items.value.length === 0
        ? h('p', { class: 'empty' }, s.queueEmpty)
        : h(
            'ol',
            { class: 'queue', 'aria-label': s.queueTitle, 'aria-describedby': 'shortcuts' },
            items.value.map((item, index) =>
              h(Item, {
                key: item.contribution.id,
                item,
                selected: index === selected.value,
                onSelect: () => (selected.value = index),
              }),
            ),
          ),
    cursor.value ? h('button', { type: 'button', onClick: () => load(true) }, s.loadMore) : null,
    current
      ? h(
          'form',
          { class: 'decision card', 'aria-label': s.selected, onSubmit: (e: Event) => e.preventDefault() },
          h('label', { for: 'decision-reason' }, s.reasonLabel),
          h(
            'select',
            {
              id: 'decision-reason',
              ref: reasonRef,
              value: reason.value,
              onChange: (e: Event) =>
                (reason.value = (e.currentTarget as HTMLSelectElement).value as ModerationReason | ''),
            },
            h('option', { value: '' }, s.reasonNone),
            (Object.keys(s.reasons) as ModerationReason[]).map((value) => h('option', { value }, s.reasons[value])),
          ),
          administration ? null : h('label', { for: 'decision-reply' }, s.replyLabel),
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
            h('button', { type: 'button', class: 'publish', onClick: () => decide('publish') }, s.publish),
            h('button', { type: 'button', class: 'hide', onClick: () => decide('hide') }, s.hide),
            h('button', { type: 'button', class: 'reject', onClick: () => decide('reject') }, s.reject),
          ),
        )
      : null,
    current && administration
      ? h(AnswerForm, {
          contribution: current.contribution,
          onAnswered: replace,
          onMessage: (m) => (message.value = m),
        })
      : null,
  );
}
