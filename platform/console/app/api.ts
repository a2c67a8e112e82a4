import { signal } from '@preact/signals';
import type { Account, Problem } from '../../../api-client/contract';
import { lang, t } from './i18n';

const TOKEN_KEY = 'vigie.token';

/** The token lives in sessionStorage: gone when the tab closes, never sent anywhere but this platform. */
export const token = signal<string | null>(sessionStorage.getItem(TOKEN_KEY));
export const account = signal<Account | null>(null);

export function keepToken(value: string | null): void {
  token.value = value;
  if (value === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, value);
}

/** A refusal from the platform, carrying its problem+json sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

/** Every call of the console goes through here: same origin, the token, the reader's language. */
export async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('accept-language', lang.value);
  if (token.value && !headers.has('authorization')) headers.set('authorization', `Bearer ${token.value}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, { type: 'about:blank', title: '', status: 503, detail: t().networkError });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    // A token revoked while the console is open: back to the sign-in form.
    if (response.status === 401 && path !== '/v1/me') {
      keepToken(null);
      account.value = null;
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function callJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await call(path, init);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}
