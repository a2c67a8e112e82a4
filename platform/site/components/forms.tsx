import type { PageContext } from '../context';

/** The language a reader chose in the address, carried by a form's GET. */
export function CarriedFields({ page }: { page: PageContext }) {
  return (
    <>
      {Object.entries(page.carried).map(([name, value]) => (
        <input type="hidden" name={name} value={String(value)} />
      ))}
    </>
  );
}

/** The DSFR search bar, a plain GET form to /recherche. */
export function SearchBar({ page, value = '', id = 'search-q' }: { page: PageContext; value?: string; id?: string }) {
  const w = page.words;
  return (
    <form role="search" action="/recherche" method="get" class="fr-search-bar fr-search-bar--lg fr-my-3w">
      <label class="fr-label" for={id}>
        {w['search.label']}
      </label>
      <input class="fr-input" type="search" id={id} name="q" value={value} maxLength={200} />
      <CarriedFields page={page} />
      <button class="fr-btn" type="submit">
        {w['search.button']}
      </button>
    </form>
  );
}
