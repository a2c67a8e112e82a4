import { describe, expect, it } from 'vitest';
import {
  BatchRequest,
  canonicalUrl,
  ContributionInput,
  ContributionQuery,
  explainIssues,
  pickLocale,
  TextPositionSelector,
  TextQuoteSelector,
  type ContributionInput as Input,
} from '../../api-client/contract';
import { aContribution } from '../support/contributions';

/** The errors a contribution gets, as { pointer: code }, and the French sentence of the first. */
function rejectionOf(value: unknown) {
  const result = ContributionInput.safeParse(value);
  if (result.success) throw new Error('expected a rejection, got a valid value');
  const errors = explainIssues(result.error, 'fr');
  return { codes: Object.fromEntries(errors.map((e) => [e.pointer, e.code])), first: errors[0]!.detail };
}

const withTarget = (patch: Partial<Input['target']>) =>
  aContribution({ target: { ...aContribution().target, ...patch } });

describe('a contribution', () => {
  it('accepts the example a client sends', () => {
    expect(ContributionInput.safeParse(aContribution()).success).toBe(true);
  });

  it('trims the body, then needs 1 to 5,000 characters', () => {
    expect(ContributionInput.parse(aContribution({ body: '  Bonjour  ' })).body).toBe('Bonjour');
    expect(rejectionOf(aContribution({ body: '   \n\t ' }))).toEqual({
      codes: { '/body': 'body.empty' },
      first: 'Le texte est vide.',
    });
    expect(ContributionInput.safeParse(aContribution({ body: 'é'.repeat(5000) })).success).toBe(true);
    expect(rejectionOf(aContribution({ body: 'é'.repeat(5001) }))).toEqual({
      codes: { '/body': 'body.too-long' },
      first: 'Le texte dépasse 5 000 caractères.',
    });
    // Spaces around a long body do not count against the limit.
    expect(ContributionInput.safeParse(aContribution({ body: `  ${'a'.repeat(5000)}  ` })).success).toBe(true);
  });

  it('needs a UUID made by the client as its id', () => {
    expect(rejectionOf(aContribution({ id: '42' }))).toEqual({
      codes: { '/id': 'id.not-uuid' },
      first: "L'identifiant doit être un UUID.",
    });
  });

  it('says which field is missing', () => {
    const { id: _id, ...withoutId } = aContribution();
    expect(rejectionOf(withoutId)).toEqual({ codes: { '/id': 'field.required' }, first: 'Ce champ est obligatoire.' });
  });

  it('refuses fields the contract does not know, at any depth', () => {
    expect(rejectionOf({ ...aContribution(), email: 'x@example.org' }).codes).toEqual({ '/email': 'field.unknown' });
    expect(rejectionOf(withTarget({ html: '<b>' } as never)).codes).toEqual({ '/target/html': 'field.unknown' });
  });

  it('is a comment or a gap, and only a gap has a gap type', () => {
    expect(rejectionOf(aContribution({ kind: 'praise' as never })).codes).toEqual({ '/kind': 'kind.unknown' });
    expect(rejectionOf(aContribution({ kind: 'gap' })).codes).toEqual({ '/gapType': 'gap-type.required' });
    expect(rejectionOf(aContribution({ kind: 'gap', gapType: 'secret' as never })).codes).toEqual({
      '/gapType': 'gap-type.unknown',
    });
    expect(rejectionOf(aContribution({ kind: 'comment', gapType: 'outdated' })).first).toBe(
      'Un commentaire ne porte pas de type de manque.',
    );
    expect(ContributionInput.safeParse(aContribution({ kind: 'gap', gapType: 'no-contact' })).success).toBe(true);
  });

  it('points only at http and https pages of at most 2,048 characters', () => {
    expect(rejectionOf(withTarget({ url: 'javascript:alert(1)' }))).toEqual({
      codes: { '/target/url': 'url.scheme' },
      first: "L'adresse de la page doit commencer par http:// ou https://.",
    });
    expect(rejectionOf(withTarget({ url: 'file:///etc/passwd' })).codes).toEqual({ '/target/url': 'url.scheme' });
    expect(rejectionOf(withTarget({ url: 'pas une adresse' })).codes).toEqual({ '/target/url': 'url.invalid' });
    expect(rejectionOf(withTarget({ url: `https://a.gouv.fr/${'x'.repeat(2048)}` })).codes).toEqual({
      '/target/url': 'url.too-long',
    });
  });

  it('has a page title of at most 300 characters', () => {
    expect(rejectionOf(withTarget({ title: 't'.repeat(301) })).codes).toEqual({ '/target/title': 'title.too-long' });
  });

  it('quotes with at most 4 selectors, each within its bounds', () => {
    const quote = { type: 'TextQuoteSelector' as const, exact: 'mot' };
    expect(rejectionOf(withTarget({ selectors: [quote, quote, quote, quote, quote] })).codes).toEqual({
      '/target/selectors': 'selectors.too-many',
    });
    expect(rejectionOf(withTarget({ selectors: [{ type: 'CssSelector', value: 'p' } as never] })).codes).toEqual({
      '/target/selectors/0/type': 'selector.unknown',
    });
  });

  it('keeps a pseudonym of 1 to 40 characters and nothing else about the author', () => {
    expect(ContributionInput.parse(aContribution({ author: { pseudonym: ' Marianne ' } })).author).toEqual({
      pseudonym: 'Marianne',
    });
    expect(rejectionOf(aContribution({ author: { pseudonym: '  ' } })).codes).toEqual({
      '/author/pseudonym': 'pseudonym.empty',
    });
    expect(rejectionOf(aContribution({ author: { pseudonym: 'p'.repeat(41) } })).first).toBe(
      'Le pseudonyme dépasse 40 caractères.',
    );
    expect(rejectionOf(aContribution({ author: { pseudonym: 'M', email: 'm@x.fr' } as never })).codes).toEqual({
      '/author/email': 'field.unknown',
    });
  });

  it('refuses C0 controls but tab and line breaks, and lone surrogates, in every text field, with one sentence', () => {
    for (const bad of ['\u0000', '\u0007', '\u001b', '\ud800', '\udc00']) {
      expect(rejectionOf(aContribution({ body: `avant${bad}après` }))).toEqual({
        codes: { '/body': 'text.control' },
        first: 'Le texte contient un caractère de contrôle ou mal encodé ; retirez-le.',
      });
      expect(rejectionOf(withTarget({ title: `T${bad}` })).codes).toEqual({ '/target/title': 'text.control' });
      expect(
        rejectionOf(withTarget({ selectors: [{ type: 'TextQuoteSelector', exact: 'a', prefix: bad, suffix: bad }] }))
          .codes,
      ).toEqual({ '/target/selectors/0/prefix': 'text.control', '/target/selectors/0/suffix': 'text.control' });
    }
    // A pair of surrogates is one character (an emoji), not a broken half.
    expect(ContributionInput.parse(aContribution({ body: 'a\tb\r\nc 😀' })).body).toBe('a\tb\r\nc 😀');
  });

  it('keeps text in NFC, so the same words typed in NFD are the same contribution', () => {
    const parsed = ContributionInput.parse(
      aContribution({ body: 'Re\u0301sume\u0301', author: { pseudonym: 'Zoe\u0301' } }),
    );
    expect(parsed.body).toBe('Résumé');
    expect(parsed.author?.pseudonym).toBe('Zoé');
  });

  it('refuses invisible and bidirectional characters in a pseudonym, but not emoji', () => {
    for (const pseudonym of [
      '\u200b',
      'Mod\u200bération',
      '\u202enoitarédoM',
      'Zoé\u2066',
      'a\u00adb',
      '\u3164',
      '\u2800',
    ]) {
      expect(rejectionOf(aContribution({ author: { pseudonym } })), pseudonym).toEqual({
        codes: { '/author/pseudonym': 'pseudonym.invisible' },
        first: 'Le pseudonyme contient un caractère invisible ou qui inverse le sens de lecture ; retirez-le.',
      });
    }
    for (const pseudonym of ['Camille ❤️', 'Jean-Luc 👩‍💻', '👍🏽 Ana']) {
      expect(ContributionInput.safeParse(aContribution({ author: { pseudonym } })).success, pseudonym).toBe(true);
    }
  });

  it('names its commitment and campaign by well-formed ids', () => {
    expect(rejectionOf(aContribution({ commitmentId: 'fr67' })).codes).toEqual({
      '/commitmentId': 'commitment-id.format',
    });
    expect(rejectionOf(aContribution({ campaignId: 'Pas Un Slug!' })).codes).toEqual({
      '/campaignId': 'campaign-id.format',
    });
    expect(ContributionInput.safeParse(aContribution({ campaignId: 'transparence-2026' })).success).toBe(true);
  });

  it('is written in French or English, from the extension or the widget', () => {
    expect(rejectionOf(aContribution({ locale: 'de' as never })).codes).toEqual({ '/locale': 'locale.unknown' });
    expect(rejectionOf(aContribution({ source: 'email' as never })).codes).toEqual({ '/source': 'source.unknown' });
  });

  it('carries its creation time as an ISO 8601 UTC date', () => {
    expect(rejectionOf(aContribution({ createdAt: '27/11/2026' })).codes).toEqual({ '/createdAt': 'date.invalid' });
    expect(rejectionOf(aContribution({ createdAt: '2026-11-27T10:00:00+01:00' })).codes).toEqual({
      '/createdAt': 'date.invalid',
    });
  });

  it('explains itself in English too', () => {
    const result = ContributionInput.safeParse(aContribution({ body: '' }));
    expect(result.success).toBe(false);
    expect(explainIssues(result.error!, 'en')[0]!.detail).toBe('The text is empty.');
  });
});

describe('the W3C selectors', () => {
  it('quote 1 to 2,000 characters with at most 64 of context', () => {
    const ok = { type: 'TextQuoteSelector', exact: 'a', prefix: 'p'.repeat(64), suffix: '' };
    expect(TextQuoteSelector.safeParse(ok).success).toBe(true);
    const codes = (value: unknown) => {
      const r = TextQuoteSelector.safeParse(value);
      return r.success ? {} : Object.fromEntries(explainIssues(r.error).map((e) => [e.pointer, e.code]));
    };
    expect(codes({ ...ok, exact: '' })).toEqual({ '/exact': 'quote.empty' });
    expect(codes({ ...ok, exact: 'x'.repeat(2001) })).toEqual({ '/exact': 'quote.too-long' });
    expect(codes({ ...ok, prefix: 'p'.repeat(65) })).toEqual({ '/prefix': 'quote.context-too-long' });
  });

  it('position a non-empty span of whole, non-negative offsets', () => {
    const codes = (value: unknown) => {
      const r = TextPositionSelector.safeParse(value);
      return r.success ? {} : Object.fromEntries(explainIssues(r.error).map((e) => [e.pointer, e.code]));
    };
    expect(codes({ type: 'TextPositionSelector', start: 0, end: 1 })).toEqual({});
    expect(codes({ type: 'TextPositionSelector', start: -1, end: 1 })).toEqual({ '/start': 'position.negative' });
    expect(codes({ type: 'TextPositionSelector', start: 5, end: 5 })).toEqual({ '/end': 'position.order' });
    expect(codes({ type: 'TextPositionSelector', start: 1.5, end: 3 })).toEqual({ '/start': 'field.type' });
  });
});

describe('a batch', () => {
  it('holds 1 to 100 contributions', () => {
    const codes = (items: unknown[]) => {
      const r = BatchRequest.safeParse({ items });
      return r.success ? {} : Object.fromEntries(explainIssues(r.error).map((e) => [e.pointer, e.code]));
    };
    expect(codes([])).toEqual({ '/items': 'batch.empty' });
    expect(codes(Array.from({ length: 100 }, () => aContribution()))).toEqual({});
    expect(codes(Array.from({ length: 101 }, () => aContribution()))).toEqual({ '/items': 'batch.too-large' });
  });
});

describe('a listing query', () => {
  it('needs a page or a commitment, and a page size from 1 to 100', () => {
    const codes = (query: unknown) => {
      const r = ContributionQuery.safeParse(query);
      return r.success ? {} : Object.fromEntries(explainIssues(r.error).map((e) => [e.pointer, e.code]));
    };
    expect(codes({ commitmentId: 'FR0067', limit: '20' })).toEqual({});
    expect(codes({})).toEqual({ '/url': 'filter.required' });
    expect(codes({ commitmentId: 'FR0067', limit: '0' })).toEqual({ '/limit': 'limit.range' });
    expect(codes({ commitmentId: 'FR0067', limit: '101' })).toEqual({ '/limit': 'limit.range' });
    expect(codes({ commitmentId: 'FR0067', limit: 'beaucoup' })).toEqual({ '/limit': 'limit.range' });
  });
});

describe('page addresses', () => {
  it('are filed without fragment or tracking parameters', () => {
    expect(canonicalUrl('https://www.Gouv.fr/plan?utm_source=x&id=3&xtor=RSS-1#engagement-12')).toBe(
      'https://www.gouv.fr/plan?id=3',
    );
    expect(canonicalUrl('https://www.gouv.fr:443/plan?utm_campaign=a')).toBe('https://www.gouv.fr/plan');
    expect(canonicalUrl('https://www.gouv.fr/plan?b=2&a=1')).toBe('https://www.gouv.fr/plan?b=2&a=1');
    expect(canonicalUrl('https://www.gouv.fr/plan?UTM_Source=x&Utm%5Fmedium=y&at_medium=z&mtm_kwd=k')).toBe(
      'https://www.gouv.fr/plan',
    );
  });

  it('are one address for one page, with or without a campaign tag: what is kept keeps its spelling', () => {
    for (const query of ['q=plan%20national', 'q=plan+national&lang', 'a=1&&b=%C3%A9t%C3%A9', 'x=%zz&utm=1']) {
      const bare = canonicalUrl(`https://www.gouv.fr/recherche?${query}`);
      expect(bare).toBe(`https://www.gouv.fr/recherche?${query}`);
      expect(canonicalUrl(`https://www.gouv.fr/recherche?utm_source=lettre&${query}&xtor=RSS-1`)).toBe(bare);
      expect(canonicalUrl(`https://www.gouv.fr/recherche?${query}&fbclid=abc#haut`)).toBe(bare);
    }
    // Not a tracking parameter: a name that merely starts like one, or a value that looks like one.
    expect(canonicalUrl('https://www.gouv.fr/p?utm=1&ref=utm_source')).toBe(
      'https://www.gouv.fr/p?utm=1&ref=utm_source',
    );
  });
});

describe('the reader language', () => {
  it('is French unless English is preferred', () => {
    expect(pickLocale(undefined)).toBe('fr');
    expect(pickLocale('en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(pickLocale('de-DE,fr;q=0.5,en;q=0.4')).toBe('fr');
    expect(pickLocale('de-DE')).toBe('fr');
  });
});
