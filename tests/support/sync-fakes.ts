import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import {
  ContributionInput,
  explainIssues,
  type BatchItemResult,
  type Contribution,
  type ContributionInput as ContributionInputType,
} from '../../api-client/contract';
import {
  createDraftStore,
  type Draft,
  type DraftInput,
  type DraftState,
  type DraftStoreOptions,
} from '../../api-client/drafts';
import {
  VigieHttpError,
  VigieNetworkError,
  VigieTimeoutError,
  type RequestOptions,
  type VigieClient,
} from '../../api-client/http';
import { aContribution } from './contributions';

/** A clock the test moves by hand. */
export function createClock(start = Date.UTC(2026, 10, 27, 9, 30)) {
  let t = start;
  return {
    now: () => t,
    set: (value: number) => void (t = value),
    advance: (ms: number) => void (t += ms),
  };
}

/** Seeded uniform randomness in [0, 1), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A store over fake-indexeddb, on a database no other test uses. */
export function freshStore(options: Partial<DraftStoreOptions> = {}) {
  return createDraftStore({
    dbName: `drafts-test-${crypto.randomUUID()}`,
    indexedDB,
    IDBKeyRange,
    defaults: { source: 'widget', locale: 'fr' },
    ...options,
  });
}

/** Everything a valid contribution needs, as a draft holds it (no id: the draft has its own). */
export function aDraftInput(overrides: DraftInput = {}): DraftInput {
  const { id: _id, ...input } = aContribution();
  return { ...input, ...overrides };
}

let drafted = 0;
/** A stored draft record in `state`, its id and times counted up: for tests of what is shown of drafts. */
export function aDraft(state: DraftState, extra: Partial<Draft> = {}): Draft {
  drafted++;
  return {
    id: `00000000-0000-4000-8000-${String(drafted).padStart(12, '0')}`,
    input: {},
    state,
    attempts: 0,
    createdAt: drafted,
    updatedAt: drafted,
    ...extra,
  };
}

export type FakeFault =
  /** Connection refused: the platform never sees the request. */
  | { kind: 'network' }
  /** The platform stores the batch, then the answer is lost. */
  | { kind: 'lose-answer' }
  | { kind: 'timeout' }
  | { kind: 'http'; status: number; retryAfterSeconds?: number; detail?: string }
  /** The request never ends until the caller aborts it. */
  | { kind: 'hang' };

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The platform's batch semantics in memory (idempotent on the id, conflict on other
 * content), with faults on demand, so unit tests can count every request.
 */
export function createFakePlatform(options: { now?: () => number; status?: Contribution['status'] } = {}) {
  const stored = new Map<string, { contribution: Contribution; content: string }>();
  const requests: Array<{ ids: string[] }> = [];
  const queuedFaults: FakeFault[] = [];
  let always: FakeFault | undefined;
  const requestRefusals: Array<{
    when: (items: readonly ContributionInputType[]) => boolean;
    status: number;
    detail: string;
  }> = [];
  const itemRefusals = new Map<string, BatchItemResult>();
  const omitted = new Set<string>();
  let inFlight = 0;
  let maxInFlight = 0;

  const problem = (status: number, detail?: string) => ({
    type: status === 413 ? '/problems/payload-too-large' : '/problems/validation',
    title: `HTTP ${status}`,
    status,
    ...(detail ? { detail } : {}),
  });

  function ingest(items: readonly ContributionInputType[]): BatchItemResult[] {
    const receivedAt = new Date(options.now?.() ?? Date.now()).toISOString();
    return items.map((item): BatchItemResult => {
      const refusal = itemRefusals.get(item.id);
      if (refusal) return refusal;
      const parsed = ContributionInput.safeParse(item);
      if (!parsed.success) {
        const errors = explainIssues(parsed.error, 'fr');
        return {
          id: item.id,
          outcome: 'invalid',
          problem: {
            type: '/problems/validation',
            title: 'Contribution invalide',
            status: 422,
            detail: errors[0]?.detail,
            errors,
          },
        };
      }
      const content = canonical(parsed.data);
      const existing = stored.get(item.id);
      if (!existing) {
        const contribution: Contribution = { ...parsed.data, status: options.status ?? 'published', receivedAt };
        stored.set(item.id, { contribution, content });
        return { id: item.id, outcome: 'created', contribution };
      }
      if (existing.content === content)
        return { id: item.id, outcome: 'duplicate', contribution: existing.contribution };
      return {
        id: item.id,
        outcome: 'conflict',
        problem: {
          type: '/problems/conflict',
          title: 'Identifiant déjà utilisé',
          status: 409,
          detail: 'Une autre contribution a déjà été reçue sous cet identifiant.',
        },
      };
    });
  }

  const client: Pick<VigieClient, 'submitBatch'> = {
    async submitBatch(items: readonly ContributionInputType[], request?: RequestOptions) {
      requests.push({ ids: items.map((item) => item.id) });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        // One turn of the event loop, like a real round trip, so concurrent pushes can overlap.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const fault = queuedFaults.shift() ?? always;
        if (fault?.kind === 'network') throw new VigieNetworkError('fake://platform');
        if (fault?.kind === 'timeout') throw new VigieTimeoutError('fake://platform', 15_000);
        if (fault?.kind === 'http') {
          throw new VigieHttpError(fault.status, problem(fault.status, fault.detail), fault.retryAfterSeconds);
        }
        if (fault?.kind === 'hang') {
          await new Promise((_, reject) => {
            request?.signal?.addEventListener('abort', () => reject(request.signal!.reason as DOMException), {
              once: true,
            });
          });
        }
        const refusal = requestRefusals.find((r) => r.when(items));
        if (refusal) throw new VigieHttpError(refusal.status, problem(refusal.status, refusal.detail), undefined);
        const results = ingest(items).filter((result) => result.id === null || !omitted.has(result.id));
        if (fault?.kind === 'lose-answer') throw new VigieNetworkError('fake://platform');
        return results;
      } finally {
        inFlight--;
      }
    },
  };

  return {
    client,
    stored,
    requests,
    /** The next requests fail like this, in order. */
    fail: (...faults: FakeFault[]) => void queuedFaults.push(...faults),
    /** Every request fails like this until heal(). */
    failAlways: (fault: FakeFault) => void (always = fault),
    heal: () => {
      always = undefined;
      queuedFaults.length = 0;
    },
    /** Whole requests matching `when` are answered with this status (413, 422, 403…). */
    refuseRequests: (when: (items: readonly ContributionInputType[]) => boolean, status: number, detail: string) =>
      void requestRefusals.push({ when, status, detail }),
    /** This item is answered `invalid` with this sentence, whatever it holds. */
    refuseItem: (id: string, code: string, detail: string) =>
      void itemRefusals.set(id, {
        id,
        outcome: 'invalid',
        problem: {
          type: '/problems/validation',
          title: 'Contribution invalide',
          status: 422,
          detail,
          errors: [{ pointer: '/items/0/body', code, detail }],
        },
      }),
    acceptItem: (id: string) => void itemRefusals.delete(id),
    /** The answer leaves this item out (a platform bug): the client must not lose it. */
    omitFromAnswers: (id: string) => void omitted.add(id),
    includeInAnswers: (id: string) => void omitted.delete(id),
    /** How many times an id was put on the wire. */
    timesSent: (id: string) => requests.filter((r) => r.ids.includes(id)).length,
    maxConcurrentRequests: () => maxInFlight,
  };
}
