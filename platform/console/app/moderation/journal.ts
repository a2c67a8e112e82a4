import { h } from 'preact';
import type { JournalEntry } from '../../../../api-client/contract';
import { dateTime } from '../format';
import { tm } from './i18n';

/** Every decision taken on the contribution, oldest first: who, when, what, why. */
export function Journal(props: { journal: readonly JournalEntry[] }) {
  const m = tm();
  return h(
    'section',
    { class: 'journal', 'aria-labelledby': 'journal-title' },
    h('h2', { id: 'journal-title', class: 'panel-title' }, m.journalTitle),
    props.journal.length === 0
      ? h('p', { class: 'hint' }, m.journalEmpty)
      : h(
          'ol',
          null,
          props.journal.map((entry) =>
            h(
              'li',
              { key: `${entry.at}-${entry.by}` },
              m.journalEntry(
                dateTime(entry.at),
                entry.by,
                m.decisionNames[entry.decision],
                entry.reason && m.reasonSentences[entry.reason],
                entry.bulk,
              ),
              entry.note ? [' ', h('q', { class: 'note' }, entry.note)] : null,
              entry.replied ? ` · ${m.journalReplied}` : '',
            ),
          ),
        ),
  );
}
