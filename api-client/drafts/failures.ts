import { message, type BatchItemResult, type Locale } from '../contract';
import { VigieHttpError, VigieNetworkError, VigieResponseError, VigieTimeoutError } from '../http';
import type { DraftError } from './schema';

/** Why a whole request failed, as the sync engine acts on it. */
export type RequestFailure =
  /** May pass by itself: retry the same items after a backoff (and Retry-After). */
  | { action: 'retry'; error: DraftError; retryAfterMs: number | undefined }
  /** Depends on the items (too large, malformed): split the batch to find the item at fault. */
  | { action: 'split'; error: DraftError }
  /** The platform refuses the request whatever it holds (401, 403, 404, 415…): wait long, keep the drafts. */
  | { action: 'hold'; error: DraftError; retryAfterMs: number | undefined }
  /** This engine was stopped while the request was in flight. */
  | { action: 'stopped' };

/** Codes of failures that are nobody's words: rendered by status.ts in either locale. */
export const syncFailureCodes = [
  'network',
  'timeout',
  'platform-unavailable',
  'platform-refused',
  'bad-response',
  'conflict',
  'missing-result',
] as const;
export type SyncFailureCode = (typeof syncFailureCodes)[number];

export const syncFailureSentences: Record<SyncFailureCode, Record<Locale, string>> = {
  network: {
    fr: 'Pas de connexion à la plateforme.',
    en: 'No connection to the platform.',
  },
  timeout: {
    fr: 'La plateforme a mis trop de temps à répondre.',
    en: 'The platform took too long to answer.',
  },
  'platform-unavailable': {
    fr: 'La plateforme est momentanément indisponible.',
    en: 'The platform is unavailable for the moment.',
  },
  'platform-refused': {
    fr: "La plateforme refuse la demande d'envoi.",
    en: 'The platform refuses the request to send.',
  },
  'bad-response': {
    fr: 'La réponse de la plateforme est illisible.',
    en: "The platform's answer cannot be read.",
  },
  conflict: {
    fr: 'Une autre contribution a déjà été reçue sous cet identifiant.',
    en: 'Another contribution was already received under this identifier.',
  },
  'missing-result': {
    fr: "La plateforme n'a pas répondu pour cette contribution.",
    en: 'The platform gave no answer for this contribution.',
  },
};

export function isSyncFailureCode(code: string | undefined): code is SyncFailureCode {
  return code !== undefined && (syncFailureCodes as readonly string[]).includes(code);
}

const ours = (code: SyncFailureCode, locale: Locale, status?: number): DraftError => ({
  sentence: syncFailureSentences[code][locale],
  code,
  ...(status === undefined ? {} : { status }),
});

/** A whole-request error from the client, sorted into what the engine does next. */
export function classifyFailure(error: unknown, locale: Locale, stopped: boolean): RequestFailure {
  if (stopped) return { action: 'stopped' };
  if (error instanceof VigieHttpError) {
    const retryAfterMs = error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000;
    const { status, problem } = error;
    if (status === 408 || status === 429 || status >= 500) {
      return { action: 'retry', error: ours('platform-unavailable', locale, status), retryAfterMs };
    }
    const first = problem.errors?.[0];
    const sentence = problem.detail ?? first?.detail ?? problem.title;
    if (status === 413 || status === 400 || status === 422) {
      const code = status === 413 ? 'batch.too-large' : (first?.code ?? 'field.invalid');
      return {
        action: 'split',
        error: { sentence, code, status, ...(problem.errors ? { errors: problem.errors } : {}) },
      };
    }
    return { action: 'hold', error: ours('platform-refused', locale, status), retryAfterMs };
  }
  if (error instanceof VigieTimeoutError)
    return { action: 'retry', error: ours('timeout', locale), retryAfterMs: undefined };
  if (error instanceof VigieResponseError) {
    return { action: 'retry', error: ours('bad-response', locale), retryAfterMs: undefined };
  }
  if (error instanceof VigieNetworkError)
    return { action: 'retry', error: ours('network', locale), retryAfterMs: undefined };
  // A custom client threw something else: assume the link, never the draft.
  return { action: 'retry', error: ours('network', locale), retryAfterMs: undefined };
}

/** The reason a refused item is kept for, from the platform's per-item problem. */
export function rejectionOf(result: BatchItemResult, locale: Locale): DraftError {
  const problem = result.problem;
  const first = problem?.errors?.[0];
  if (result.outcome === 'conflict') {
    return {
      sentence: problem?.detail ?? syncFailureSentences.conflict[locale],
      code: 'conflict',
      status: problem?.status ?? 409,
    };
  }
  return {
    sentence: problem?.detail ?? first?.detail ?? message('field.invalid', locale),
    code: first?.code ?? 'field.invalid',
    status: problem?.status ?? 422,
    ...(problem?.errors ? { errors: problem.errors } : {}),
  };
}
