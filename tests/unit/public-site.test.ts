import { describe, expect, it } from 'vitest';
import type { Contribution } from '../../api-client/contract';
import { monthRange } from '../../platform/site/components/chart';
import { pageNumbers } from '../../platform/site/components/pagination';
import { excerpt, pageLink } from '../../platform/site/format';
import { fts5Query } from '../../platform/storage/kysely/search';

describe('the search words given to SQLite FTS5', () => {
  it('quotes every word, so nothing typed is read as FTS5 syntax', () => {
    expect(fts5Query('données AND NOT "école" NEAR(x) body:*')).toBe(
      '"données"* "AND"* "NOT"* "école"* "NEAR"* "body"*',
    );
    expect(fts5Query('"\'*^()-:')).toBeNull();
  });

  it('matches the start of words of three letters or more, like PostgreSQL’s stemming would', () => {
    expect(fts5Query('donnee publi')).toBe('"donnee"* "publi"*');
    expect(fts5Query('l’école de 2024')).toBe('"école"* "de" "2024"');
  });

  it('keeps one-letter words only when they are all there is', () => {
    expect(fts5Query('a')).toBe('"a"');
  });
});

describe('pagination', () => {
  it('shows the first, the last, and the current page with its neighbours', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 10)).toEqual([1, 2, null, 10]);
    expect(pageNumbers(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageNumbers(10, 10)).toEqual([1, null, 9, 10]);
    expect(pageNumbers(2, 3)).toEqual([1, 2, 3]);
  });
});

describe('contributions per month', () => {
  it('fills the months without any, from the first to the last, at most the last 24', () => {
    expect(
      monthRange([
        { month: '2025-11', count: 2 },
        { month: '2026-02', count: 1 },
      ]),
    ).toEqual([
      { label: '2025-11', value: 2 },
      { label: '2025-12', value: 0 },
      { label: '2026-01', value: 0 },
      { label: '2026-02', value: 1 },
    ]);
    const long = monthRange([
      { month: '2020-01', count: 1 },
      { month: '2026-12', count: 3 },
    ]);
    expect(long).toHaveLength(24);
    expect(long.at(-1)).toEqual({ label: '2026-12', value: 3 });
    expect(monthRange([])).toEqual([]);
  });
});

describe('the link to the page a contribution was written on', () => {
  const on = (exact?: string) =>
    ({
      target: {
        url: 'https://www.gouv.fr/a?b=1',
        title: 'A',
        selectors: exact ? [{ type: 'TextQuoteSelector', exact }] : [],
      },
    }) as unknown as Contribution;

  it('scrolls to the quoted passage with a text fragment, its delimiters escaped', () => {
    expect(pageLink(on())).toBe('https://www.gouv.fr/a?b=1');
    expect(pageLink(on('les données, mises à jour'))).toBe(
      'https://www.gouv.fr/a?b=1#:~:text=les%20donn%C3%A9es%2C%20mises%20%C3%A0%20jour',
    );
    expect(pageLink(on('pré-remplie & co'))).toBe('https://www.gouv.fr/a?b=1#:~:text=pr%C3%A9%2Dremplie%20%26%20co');
  });

  it('names a long passage by its first and last words', () => {
    const words = Array.from({ length: 30 }, (_, i) => `mot${i}`).join(' ');
    expect(pageLink(on(words))).toBe(
      'https://www.gouv.fr/a?b=1#:~:text=mot0%20mot1%20mot2%20mot3%20mot4,mot25%20mot26%20mot27%20mot28%20mot29',
    );
  });
});

describe('excerpts for descriptions', () => {
  it('cuts at a word and flattens line breaks', () => {
    expect(excerpt('Court.\nTexte.')).toBe('Court. Texte.');
    expect(excerpt('un deux trois quatre', 12)).toBe('un deux…');
  });
});
