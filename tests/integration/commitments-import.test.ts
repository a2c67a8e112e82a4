import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Commitment, CommitmentRecord, Problem } from '../../api-client/contract';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { getPage, text } from '../support/public-site';

const header =
  'id;title_fr;title_en;leadInstitution_fr;leadInstitution_en;status;summary_fr;summary_en;themes;plan;pages';

/** What French Excel writes: a byte order mark, semicolons, CRLF, quotes doubled, line breaks inside quotes. */
const excelPlan = [
  header,
  'FR0101;"Ouvrir les données ""essentielles""";Open the essential data;"Ministère de l’Économie; DGFiP";;in-progress;"Deux lignes\r\nde résumé";;Données | Marchés;2024-2026;https://www.economie.gouv.fr/a | https://www.data.gouv.fr/b',
  'FR0067;Rendre la commande publique plus transparente;Make public procurement more transparent;Ministère de l’Économie, des Finances et de la Relance;Ministry for the Economy, Finance and the Recovery;completed;;;;2021-2023;',
].join('\r\n');

forEachStorage((kind) => {
  describe('commitments an administration manages', () => {
    let platform: StoragePlatform;
    let database: TestDatabase | undefined;
    let admin: string;
    const files = mkdtempSync(path.join(tmpdir(), 'vigie-import-'));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-import-data-'));
    const file = (name: string, content: string | Buffer) => {
      const where = path.join(files, name);
      writeFileSync(where, content);
      return where;
    };
    const start = async () => startPlatformOn(kind, { dataDir, ...(database ? { database } : {}) });
    const getCommitment = async (id: string, lang = 'fr') =>
      Commitment.parse((await send('GET', `${platform.url}/v1/commitments/${id}?lang=${lang}`)).json());
    const importing = (args: string[]) => platform.cli(['commitments', 'import', ...args]);

    beforeAll(async () => {
      if (kind === 'postgres') database = await createTestDatabase();
      platform = await start();
      admin = await platform.token('admin', 'DITP');
    }, 60_000);
    afterAll(async () => {
      await platform?.dispose();
      await database?.drop();
      rmSync(files, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('imports a French Excel CSV: a dry run first reports and writes nothing, then the same report, written', async () => {
      const csv = file('plan.csv', '\uFEFF' + excelPlan);
      const dry = await importing([csv, '--dry-run']);
      expect(dry).toContain('2 commitments read from plan.csv.');
      expect(dry).toContain('Created (1): FR0101');
      // The seed's French lead has a straight apostrophe; this file, the typographic one.
      expect(dry).toContain('Updated (1): FR0067 (leadInstitution.fr, status)');
      expect(dry).toContain('Dry run (--dry-run): nothing was written.');
      expect((await send('GET', `${platform.url}/v1/commitments/FR0101`)).status).toBe(404);
      expect((await getCommitment('FR0067')).status).toBe('unverified');

      const written = await importing([csv]);
      expect(written).toContain('Created (1): FR0101');
      expect(written).toContain('Written in one transaction.');
      const fr = await getCommitment('FR0101');
      expect(fr).toEqual({
        id: 'FR0101',
        title: 'Ouvrir les données "essentielles"',
        summary: 'Deux lignes\nde résumé', // Excel's in-cell line break, kept as one LF
        leadInstitution: 'Ministère de l’Économie; DGFiP',
        status: 'in-progress',
        themes: ['Données', 'Marchés'],
        plan: '2024-2026',
        pages: ['https://www.economie.gouv.fr/a', 'https://www.data.gouv.fr/b'],
      });
      // English where the file gave it; French where it left English empty.
      const en = await getCommitment('FR0101', 'en');
      expect(en.title).toBe('Open the essential data');
      expect(en.leadInstitution).toBe('Ministère de l’Économie; DGFiP');
      expect(en.summary).toBe('Deux lignes\nde résumé');
      expect((await getCommitment('FR0067', 'en')).status).toBe('completed');

      // Idempotent: the same file again changes nothing.
      expect(await importing([csv])).toContain('Unchanged (2): FR0101, FR0067'); // in the file's order;
      // A comma-separated file with other case in its header, the delimiter found from the header.
      const comma = file(
        'plan-virgules.csv',
        'ID,Title_FR,leadinstitution_fr,PLAN,status\nFR0101,"Ouvrir les données, toutes",DGFiP,2024-2026,withdrawn\n',
      );
      expect(await importing([comma])).toMatch(
        /Updated \(1\): FR0101 \(title\.fr, title\.en, leadInstitution\.fr, summary\.fr, status, themes, pages\)/,
      );
    });

    it('refuses a file with bad lines: each with its number and a sentence, and nothing is written', async () => {
      const before = await platform.rows('SELECT id, title, status FROM commitments ORDER BY id');
      const bad = file(
        'bad.csv',
        [
          header,
          'FR0201;Bon engagement;;DITP;;;;;;2024-2026;', // line 2: fine
          'FR0202;Statut inconnu;;DITP;;done;;;;2024-2026;', // line 3
          'FR0203;"Un résumé', // line 4, a quoted cell over two lines…
          'sur deux lignes";;DITP;;;;;;2024-2026;', // …ending on line 5 (the title is the multi-line cell)
          'FR0204;;;DITP;;;;;;2024-2026;', // line 6: no French title
          'fr12;Identifiant;;DITP;;;;;;2024;ftp://exemple.gouv.fr', // line 7: id, plan and page
          'FR0201;Deux fois;;DITP;;;;;;2024-2026;', // line 8: repeated
          'FR0205;Avec\u0007cloche;;DITP;;;;;;2024-2026;', // line 9: a control character
        ].join('\n'),
      );
      const failed = await importing([bad]).then(
        () => ({ stderr: '', code: 0 }),
        (error: { stderr: string; code: number }) => error,
      );
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('bad.csv: 5 lines cannot be imported; nothing was written.');
      expect(failed.stderr).toContain(
        'line 3 (FR0202), column status: The commitment status must be: not-started, in-progress, completed, withdrawn or unverified',
      );
      expect(failed.stderr).toContain('line 6 (FR0204), column title_fr: This field is required.');
      expect(failed.stderr).toContain('line 7 (fr12), column id: The commitment must be an identifier such as FR0042.');
      expect(failed.stderr).toContain('line 7 (fr12), column plan: The action plan is written like 2021-2023.');
      expect(failed.stderr).toContain('line 7 (fr12), column pages: The page address must start with http://');
      expect(failed.stderr).toContain('line 8 (FR0201), FR0201 appears already (line 2 (FR0201))');
      expect(failed.stderr).toContain('line 9 (FR0205), column title_fr: The text holds a control character');
      expect(failed.stderr).not.toMatch(/^\s+line [245] /m);
      expect(await platform.rows('SELECT id, title, status FROM commitments ORDER BY id')).toEqual(before);

      // In French when the operator's locale is.
      const french = await platform
        .cli(['commitments', 'import', bad], { LANG: 'fr_FR.UTF-8' })
        .catch((error: { stderr: string }) => error.stderr);
      expect(french).toContain('bad.csv : 5 lignes ne peuvent pas être importées ; rien n’a été écrit.');
      expect(french).toContain("ligne 3 (FR0202), colonne status: Le statut de l'engagement doit être");
    });

    it('says what is wrong with the file itself: its columns, its encoding, its JSON', async () => {
      const refusal = (where: string, env: Record<string, string> = {}) =>
        platform.cli(['commitments', 'import', where], env).then(
          () => '',
          (error: { stderr: string }) => error.stderr,
        );
      expect(await refusal(file('cols.csv', 'id;titre;plan\nFR0301;T;2024-2026\n'))).toMatch(
        /Unknown columns: titre \(the columns are: id, title_fr, .*\)\.\n.*Required columns missing: title_fr, leadInstitution_fr\./s,
      );
      // Windows-1252, what French Excel writes when not told "CSV UTF-8": "Économie" is 0xC9.
      const latin1 = Buffer.from(`${header}\nFR0302;Donn\xe9es;;\xc9conomie;;;;;;2024-2026;\n`, 'latin1');
      expect(await refusal(file('latin1.csv', latin1))).toContain('The file is not UTF-8: save it as "CSV UTF-8"');
      expect(await refusal(file('broken.json', '{"commitments": [ {"id": "FR0303",'))).toContain(
        'This is not valid JSON',
      );
      expect(await refusal(file('shape.json', '{"engagements": []}'))).toContain(
        'The JSON must be a list of commitments',
      );
      expect(await refusal(file('quote.csv', `${header}\nFR0304;"Pas fermé;;DITP;;;;;;2024-2026;\n`))).toMatch(
        /line \d+: the CSV is malformed/,
      );
      expect(await refusal(file('nothing.csv', `${header}\n`))).toContain('The file holds no commitment.');
    });

    it('imports JSON in the shape of the platform’s commitments file, and a bare list', async () => {
      const seed = readFileSync(new URL('../../platform/seed/ogp-france-2021-2023-commitments.json', import.meta.url));
      const seeded = await importing([file('ogp.json', seed)]);
      expect(seeded).toContain('12 commitments read from ogp.json.');
      // FR0067 was imported with a status above: the seed file has none, so it is unverified again.
      expect(seeded).toContain('Updated (1): FR0067 (leadInstitution.fr, status)');
      expect(seeded).toMatch(/Unchanged \(11\): FR0051, FR0054/);
      const list = JSON.stringify([
        {
          id: 'FR0051',
          title: { fr: 'Soutenir les communs numériques', en: 'Support the digital commons' },
          leadInstitution: { fr: 'Ministère de l’Europe et des Affaires étrangères' },
          summary: { en: 'Only in English.' },
          status: 'completed',
          plan: '2021-2023',
        },
      ]);
      expect(await importing([file('one.json', list)])).toContain(
        'Updated (1): FR0051 (title.en, leadInstitution.fr, leadInstitution.en, summary.en, status)',
      );
      const fr = await getCommitment('FR0051');
      expect(fr.summary).toBe('Only in English.'); // a summary in one language is shown in either
      expect((await getCommitment('FR0051', 'en')).leadInstitution).toBe(
        'Ministère de l’Europe et des Affaires étrangères',
      );
    });

    it('PUT /v1/commitments/{id}: an admin creates (201) or replaces (200) a commitment, checked by the contract', async () => {
      const put = (id: string, body: unknown, token = admin) =>
        send('PUT', `${platform.url}/v1/commitments/${id}`, { token, body });
      const body = {
        title: { fr: 'Publier les avis de la CADA', en: 'Publish the CADA’s opinions' },
        leadInstitution: { fr: 'Premier ministre', en: 'Prime Minister' },
        status: 'not-started',
        themes: ['Accès aux documents'],
        plan: '2024-2026',
        pages: ['https://www.cada.fr/'],
      };
      const created = await put('FR0401', body);
      expect(created.status, created.text).toBe(201);
      expect(CommitmentRecord.parse(created.json())).toMatchObject({
        id: 'FR0401',
        summary: {},
        status: 'not-started',
      });
      const replaced = await put('FR0401', { ...body, status: 'withdrawn', themes: undefined, pages: undefined });
      expect(replaced.status).toBe(200);
      // A full replacement: what was left out is empty now.
      expect(replaced.json()).toMatchObject({ status: 'withdrawn', themes: [], pages: [] });
      expect((await getCommitment('FR0401', 'en')).title).toBe('Publish the CADA’s opinions');

      const invalid = await put('FR0401', { ...body, status: 'abandonné', title: { fr: ' ', en: 'x' }, extra: 1 });
      expect(invalid.status).toBe(422);
      const problem = Problem.parse(invalid.json());
      expect(problem.errors?.map((e) => [e.pointer, e.code])).toEqual(
        expect.arrayContaining([
          ['/title/fr', 'field.required'],
          ['/status', 'commitment-status.unknown'],
          ['/extra', 'field.unknown'],
        ]),
      );
      expect((await put('fr0401', body)).status).toBe(400);

      // The public pages' status filter and labels follow the statuses.
      const withdrawn = await getPage(platform, '/?statut=withdrawn');
      expect(withdrawn.status).toBe(200);
      const rows = [...withdrawn.document.querySelectorAll('tbody tr')].map((tr) => text(tr));
      expect(rows.some((row) => row.startsWith('FR0401') && row.includes('Abandonné'))).toBe(true);
      expect(rows.every((row) => row.includes('Abandonné'))).toBe(true);
      expect(withdrawn.document.querySelector('#filter-status option[value=withdrawn]')?.textContent).toBe('Abandonné');
    });

    it('keeps what was imported across a restart: the seed fills an empty database only', async () => {
      await platform.stop();
      platform = await start();
      expect((await getCommitment('FR0401')).status).toBe('withdrawn');
      expect((await getCommitment('FR0051')).status).toBe('completed');
      expect((await getCommitment('FR0051', 'en')).title).toBe('Support the digital commons');
    });
  });
});
