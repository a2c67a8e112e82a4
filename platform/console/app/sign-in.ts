import { useSignal } from '@preact/signals';
import { h } from 'preact';
import type { Account } from '../../../api-client/contract';
import { account, ApiError, callJson, keepToken } from './api';
import { t } from './i18n';

export function SignIn() {
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const s = t();

  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const token = new FormData(form).get('token');
    const value = typeof token === 'string' ? token.trim() : '';
    if (!value) return;
    busy.value = true;
    error.value = null;
    try {
      // Checked before it is kept, so a wrong token never leaves this form.
      const me = await callJson<Account>('/v1/me', { headers: { authorization: `Bearer ${value}` } });
      keepToken(value);
      account.value = me;
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e);
    } finally {
      busy.value = false;
    }
  }

  return h(
    'section',
    { class: 'card sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, s.signInTitle),
    h('p', { id: 'sign-in-help' }, s.signInHelp),
    h(
      'form',
      { onSubmit: submit },
      h('label', { for: 'token' }, s.tokenLabel),
      h('input', {
        id: 'token',
        name: 'token',
        type: 'password',
        autocomplete: 'off',
        spellcheck: false,
        required: true,
        'aria-describedby': 'sign-in-help',
      }),
      h('button', { type: 'submit', disabled: busy.value }, s.signIn),
    ),
    error.value ? h('p', { class: 'error', role: 'alert' }, error.value) : null,
  );
}
