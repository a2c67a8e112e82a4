import type { PageContext, Params } from '../context';
import type { ListOrder } from '../params';

/**
 * The two orders of a list as plain links (they work without JavaScript): the newest
 * first, or the most supported first. The current one is said (`aria-current`); both
 * go back to the first page and keep the list's other parameters (`params`).
 */
export function SortChoice({ page, order, params = {} }: { page: PageContext; order: ListOrder; params?: Params }) {
  const w = page.words;
  const choices: Array<[ListOrder, string]> = [
    ['recent', w['sort.recent']],
    ['soutien', w['sort.support']],
  ];
  return (
    <nav class="vigie-sort fr-mb-2w" aria-label={w['sort.label']}>
      <ul class="vigie-sort__list">
        {choices.map(([value, label]) => (
          <li>
            <a
              class="fr-link fr-text--sm"
              href={page.href(page.path, { ...params, tri: value === 'recent' ? undefined : value })}
              aria-current={value === order ? 'true' : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
