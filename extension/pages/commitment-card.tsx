import type { Commitment } from '../../api-client/contract';
import { pagesStrings } from '../i18n/pages';
import { pageLocale } from './locale';

/** The commitment(s) the page is about: from the platform's `pages`, or the page's data-commitment markup. */
export function CommitmentCard({ commitments }: { commitments: Commitment[] | undefined }) {
  const t = pagesStrings[pageLocale.value];
  return (
    <section aria-labelledby="commitment-title">
      <h2 id="commitment-title">{t.commitmentTitle(commitments?.length ?? 1)}</h2>
      {commitments === undefined ? (
        <p>{t.loading}</p>
      ) : commitments.length === 0 ? (
        <p>{t.noCommitment}</p>
      ) : (
        commitments.map((c) => (
          <article class="card" aria-labelledby={`commitment-${c.id}`}>
            <h3 id={`commitment-${c.id}`}>
              {c.id} — {c.title}
            </h3>
            <p class="meta">
              {t.leadInstitution} {c.leadInstitution} · {t.plan} {c.plan} · {t.commitmentStatus[c.status]}
            </p>
            {c.summary ? <p>{c.summary}</p> : null}
          </article>
        ))
      )}
    </section>
  );
}
