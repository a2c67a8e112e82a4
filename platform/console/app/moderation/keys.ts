import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import { account } from '../api';
import { decideSelected, focusField } from './decision';
import { tm } from './i18n';
import { items, selected, setShortcuts, shortcutsOn, toggleTicked } from './state';

/** Keys typed into a text field are text, not shortcuts; a checkbox or a button is not a text field. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

function focusSelected(): void {
  document.querySelector<HTMLElement>('.queue li.selected')?.focus();
}

/**
 * The queue's keys. Single-letter keys act only while the focus is inside the queue (a
 * contribution or its decision) and out of text fields, and can be turned off: a screen
 * reader's own single-key commands, used elsewhere on the page, are never taken (WCAG 2.1.4).
 * Escape in one of the queue's fields brings the focus back to its contribution.
 */
function onKey(event: KeyboardEvent): void {
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (!target?.closest('.queue') || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'Escape' && typing(target)) {
    event.preventDefault();
    focusSelected();
    return;
  }
  if (!shortcutsOn.value || typing(target)) return;
  const count = items.value.length;
  const current = items.value[selected.value];
  if (event.key === 'j' && count > 0) selected.value = Math.min(count - 1, selected.value + 1);
  else if (event.key === 'k' && count > 0) selected.value = Math.max(0, selected.value - 1);
  else if (event.key === 'x' && current) toggleTicked(current.contribution.id);
  else if (event.key === 'p') void decideSelected('publish');
  else if (event.key === 'h') void decideSelected('hide');
  else if (event.key === 'r') void decideSelected('reject');
  else if (event.key === 'm') focusField('decision-reason');
  else if (event.key === 'a') focusField(account.value?.role === 'administration' ? 'answer-body' : 'decision-reply');
  else return;
  event.preventDefault();
}

export function useQueueKeys(): void {
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** The keys, said on the page (a disclosure reachable by Tab), with the switch that turns them off. */
export function KeysHelp() {
  const m = tm();
  return h(
    'details',
    { class: 'keys card' },
    h('summary', null, m.keysTitle),
    h(
      'div',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id: 'shortcuts-on',
        checked: shortcutsOn.value,
        'aria-describedby': 'shortcuts-hint',
        onChange: (e: Event) => setShortcuts((e.currentTarget as HTMLInputElement).checked),
      }),
      h('label', { for: 'shortcuts-on' }, m.keysEnabled),
      h('p', { id: 'shortcuts-hint', class: 'hint' }, m.keysHint),
    ),
    h(
      'dl',
      { class: 'key-list' },
      m.keys.map(([key, what]) => [h('dt', { key }, h('kbd', null, key)), h('dd', { key: `${key}-what` }, what)]),
    ),
  );
}
