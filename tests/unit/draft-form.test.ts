import { describe, expect, it } from 'vitest';
import { TITLE_MAX_LENGTH } from '../../api-client/contract';
import {
  checkDraft,
  fieldErrors,
  fieldErrorsIn,
  fieldOfPointer,
  formFieldsOf,
  inputOfFormFields,
  targetTitle,
} from '../../api-client/drafts';
import { aDraftInput } from '../support/sync-fakes';

describe('a draft as a form, and back (the widget and the extension share it)', () => {
  it('a comment carries no gap type and a blank pseudonym no author; a gap keeps its type', () => {
    expect(inputOfFormFields({ kind: 'comment', gapType: 'outdated', body: 'Le lien', pseudonym: '  ' })).toEqual({
      kind: 'comment',
      gapType: undefined,
      body: 'Le lien',
      author: undefined,
    });
    expect(inputOfFormFields({ kind: 'gap', gapType: 'outdated', body: 'Daté', pseudonym: 'Camille' })).toMatchObject({
      kind: 'gap',
      gapType: 'outdated',
      author: { pseudonym: 'Camille' },
    });
  });

  it('gives back the words a form holds, with defaults for what a fresh draft lacks', () => {
    expect(formFieldsOf({ input: {} })).toEqual({ kind: 'comment', body: '', pseudonym: '' });
    const fields = { kind: 'gap', gapType: 'no-contact', body: 'Aucun contact', pseudonym: 'Lou' } as const;
    expect(formFieldsOf({ input: inputOfFormFields(fields) })).toEqual(fields);
  });

  it('puts each of the contract’s sentences next to the field it is about, the first one per field', () => {
    expect(['/gapType', '/author/pseudonym', '/kind', '/target/title', '/body', '/locale'].map(fieldOfPointer)).toEqual(
      ['gapType', 'pseudonym', 'kind', 'target', 'body', 'body'],
    );
    const check = checkDraft({
      id: crypto.randomUUID(),
      input: aDraftInput({ kind: 'gap', gapType: undefined, body: '   ', author: { pseudonym: '' } }),
    });
    if (check.ok) throw new Error('the draft should be refused');
    const errors = fieldErrors(check.problems);
    expect(Object.keys(errors).sort()).toEqual(['body', 'gapType', 'pseudonym']);
    expect(errors.gapType).toEqual({ fr: 'Choisissez le type de manque.', en: 'Choose the kind of gap.' });
    expect(errors.body).toEqual({ fr: 'Le texte est vide.', en: 'The text is empty.' });
    expect(errors.pseudonym?.fr).not.toBe(errors.pseudonym?.en);
    expect(fieldErrorsIn(check.problems, 'en')).toMatchObject({ body: 'The text is empty.' });
  });

  it('cuts a page title to what the contract takes, never through a character', () => {
    expect(targetTitle('  Rapport annuel  ')).toBe('Rapport annuel');
    const long = 'Plan national '.repeat(40);
    expect(targetTitle(long).length).toBeLessThanOrEqual(TITLE_MAX_LENGTH);
    // An emoji straddling the limit is left out whole, not cut into a lone surrogate.
    const straddling = `${'a'.repeat(TITLE_MAX_LENGTH - 1)}🏛️ suite`;
    const cut = targetTitle(straddling);
    expect(cut).toBe('a'.repeat(TITLE_MAX_LENGTH - 1));
    expect(cut).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});
