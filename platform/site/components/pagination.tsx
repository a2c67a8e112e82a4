import type { PageContext, Params } from '../context';

/** Which page numbers to show: the first, the last, and the current one with its neighbours. */
export function pageNumbers(current: number, last: number): Array<number | null> {
  const wanted = new Set([1, last, current - 1, current, current + 1].filter((n) => n >= 1 && n <= last));
  const sorted = [...wanted].sort((a, b) => a - b);
  const shown: Array<number | null> = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) shown.push(null);
    shown.push(n);
  });
  return shown;
}

/** DSFR pagination: plain links, so it works without JavaScript. */
export function Pagination({
  page,
  current,
  last,
  params = {},
}: {
  page: PageContext;
  current: number;
  last: number;
  params?: Params;
}) {
  if (last <= 1) return null;
  const w = page.words;
  const to = (n: number) => page.href(page.path, { ...params, page: n === 1 ? undefined : n });
  return (
    <nav role="navigation" class="fr-pagination fr-mt-4w" aria-label={w['pagination.label']}>
      <ul class="fr-pagination__list">
        <li>
          {current > 1 ? (
            <a
              class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
              href={to(current - 1)}
            >
              {w['pagination.previous']}
            </a>
          ) : (
            <a
              class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
              aria-disabled="true"
              role="link"
            >
              {w['pagination.previous']}
            </a>
          )}
        </li>
        {pageNumbers(current, last).map((n) =>
          n === null ? (
            <li>
              <span class="fr-pagination__link fr-displayed-lg">…</span>
            </li>
          ) : (
            <li>
              <a
                class="fr-pagination__link"
                href={to(n)}
                title={w['pagination.of'](n, last)}
                aria-current={n === current ? 'page' : undefined}
              >
                {n}
              </a>
            </li>
          ),
        )}
        <li>
          {current < last ? (
            <a
              class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
              href={to(current + 1)}
            >
              {w['pagination.next']}
            </a>
          ) : (
            <a
              class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
              aria-disabled="true"
              role="link"
            >
              {w['pagination.next']}
            </a>
          )}
        </li>
      </ul>
    </nav>
  );
}
