import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCommitmentsFile } from '../../platform/commitments/read-file';

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (name: string, text: string) => readCommitmentsFile(name, bytes(text), { locale: 'en' });

describe('a commitments file', () => {
  it('finds its delimiter in the header line: semicolons from French Excel, commas, tabs', () => {
    expect(detectDelimiter('id;title_fr;plan\nFR0001;"a, b, c";2024-2026')).toBe(';');
    expect(detectDelimiter('id,title_fr,plan\nFR0001;a;b;c')).toBe(',');
    expect(detectDelimiter('id\ttitle_fr\tplan\n')).toBe('\t');
  });

  it('numbers a bad line where it starts, past quoted cells over several lines and blank lines', () => {
    const outcome = read(
      'plan.csv',
      [
        'id;title_fr;leadInstitution_fr;plan',
        'FR0001;"Sur',
        'trois',
        'lignes";DITP;2024-2026',
        '',
        'FR0002;Bon;DITP;2024-2026',
        'FR0003;Mauvais;DITP;24-26',
      ].join('\r\n'),
    );
    expect(outcome).toEqual({
      ok: false,
      problems: [{ where: 'line 7 (FR0003)', sentences: ['column plan: The action plan is written like 2021-2023.'] }],
    });
  });

  it('reads a good file into full replacements: left out is empty, a status left empty is unverified', () => {
    const outcome = read(
      'plan.csv',
      'id,title_fr,leadInstitution_fr,plan,themes\nFR0001,Titre,DITP,2024-2026, a | b |\n',
    );
    expect(outcome).toEqual({
      ok: true,
      commitments: [
        {
          id: 'FR0001',
          title: { fr: 'Titre' },
          leadInstitution: { fr: 'DITP' },
          summary: {},
          status: 'unverified',
          themes: ['a', 'b'],
          plan: '2024-2026',
          pages: [],
        },
      ],
    });
  });

  it('refuses more cells than columns, which a semicolon in an unquoted text makes', () => {
    const outcome = read('plan.csv', 'id;title_fr;leadInstitution_fr;plan\nFR0001;Titre;DITP; DGFiP;2024-2026\n');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]!.sentences[0]).toContain('5 cells for 4 columns');
  });

  it('tells JSON from CSV by its name, else by its first character', () => {
    const entry = { id: 'FR0001', title: { fr: 'T' }, leadInstitution: { fr: 'L' }, plan: '2024-2026' };
    expect(read('plan.json', JSON.stringify([entry])).ok).toBe(true);
    expect(
      read('plan', `\uFEFF  ${JSON.stringify({ plan: '2024-2026', commitments: [{ ...entry, plan: undefined }] })}`).ok,
    ).toBe(true);
    expect(read('plan.csv', JSON.stringify([entry])).ok).toBe(false);
  });
});
