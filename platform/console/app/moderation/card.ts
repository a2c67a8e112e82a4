import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ModerationItem } from '../../../../api-client/contract';
import { answerStatusLabels } from '../../../../api-client/contract/labels';
import { commitmentTitle } from '../commitments';
import { dateTime } from '../format';
import { lang, t } from '../i18n';
import { DecisionPanel } from './decision';
import { tm } from './i18n';
import { selected, ticked, toggleTicked } from './state';

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

function kindOf(c: ModerationItem['contribution'], s: ReturnType<typeof t>): string {
  switch (c.kind) {
    case 'gap':
      return `${s.kindGap}${s.colon}${c.gapType ? s.gapTypes[c.gapType] : ''}`;
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

/** What a moderator needs to decide, in one card: what was said, where, about what, by whom, and what readers said. */
function CardBody(props: { item: ModerationItem; current: boolean }) {
  const { contribution: c, reports, decision, contributorOthers, parent } = props.item;
  const s = t();
  const m = tm();
  const quote = c.target.selectors.find((selector) => selector.type === 'TextQuoteSelector');
  // Only the selected card's controls take Tab: the queue is walked with j and k.
  const tabIndex = props.current ? 0 : -1;
  return h(
    'div',
    { class: 'card-body' },
    h(
      'p',
      { class: 'meta' },
      h('strong', null, kindOf(c, s)),
      ` · ${s.receivedOn} ${dateTime(c.receivedAt)}`,
      c.author ? ` · ${c.author.pseudonym}` : '',
      c.campaignId ? ` · ${m.campaignLine(c.campaignId)}` : '',
    ),
    h(
      'p',
      { class: 'commitment' },
      c.commitmentId ? m.commitmentLine(c.commitmentId, commitmentTitle(c.commitmentId)) : m.noCommitment,
    ),
    h('p', { class: 'body' }, c.body),
    c.parentId ? h(InReplyTo, { parent }) : null,
    quote && quote.type === 'TextQuoteSelector' ? h('blockquote', { 'aria-label': s.quote }, quote.exact) : null,
    h(
      'p',
      { class: 'page' },
      `${s.page}${s.colon}`,
      h(
        'a',
        { href: c.target.url, rel: 'noreferrer noopener', target: '_blank', tabIndex },
        c.target.title || c.target.url,
      ),
    ),
    reports.count > 0 || reports.since
      ? h(
          'p',
          { class: 'reports' },
          s.reports(reports.count),
          reports.reasons.length > 0 ? ` (${reports.reasons.map((r) => s.reasons[r]).join(', ')})` : '',
          reports.since ? ` · ${m.reportedSince(dateTime(reports.since))}` : '',
        )
      : null,
    contributorOthers === undefined ? null : h('p', { class: 'contributor' }, m.contributorOthers(contributorOthers)),
    decision
      ? h('p', { class: 'meta' }, m.lastDecision(s.statuses[decision.status], decision.by, dateTime(decision.at)))
      : null,
    c.reply ? h('p', { class: 'reply' }, h('strong', null, `${s.moderationReply}${s.colon}`), c.reply.body) : null,
    c.answer
      ? h(
          'p',
          { class: 'reply' },
          h(
            'strong',
            null,
            s.answerCurrent(
              c.answer.organisation,
              answerStatusLabels[lang.value][c.answer.status],
              dateTime(c.answer.at),
            ),
          ),
          ' ',
          c.answer.body,
        )
      : null,
  );
}

/**
 * One contribution of the queue. The selected one holds its decision right below it (reason,
 * note, reply or answer, buttons) and its journal: the decision sits with the contribution,
 * wherever it is in the list.
 */
export function QueueItem(props: { item: ModerationItem; index: number }) {
  const { contribution: c } = props.item;
  const current = props.index === selected.value;
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // The focus follows the selection within the queue (j/k, a decision that took the item out)
    // and lands on it when it was nowhere; it is never taken from where the moderator put it
    // (the navigation, a filter) when the queue arrives or reloads.
    const active = document.activeElement;
    const free = !active || active === document.body || active.closest('.queue') !== null;
    if (current && free && ref.current && !ref.current.contains(active)) ref.current.focus();
  }, [current, c.id]);
  return h(
    'li',
    {
      ref,
      class: current ? 'item selected' : 'item',
      tabIndex: current ? 0 : -1,
      'aria-current': current ? 'true' : undefined,
      'data-id': c.id,
      onClick: () => (selected.value = props.index),
      onFocus: () => (selected.value = props.index),
    },
    h(
      'div',
      { class: 'tick' },
      h('input', {
        type: 'checkbox',
        id: `tick-${c.id}`,
        class: 'tick-box',
        tabIndex: current ? 0 : -1,
        checked: ticked.value.has(c.id),
        'aria-label': tm().selectOne(excerpt(c.body)),
        onChange: () => toggleTicked(c.id),
      }),
    ),
    h(CardBody, { item: props.item, current }),
    current ? h(DecisionPanel, { item: props.item }) : null,
  );
}
