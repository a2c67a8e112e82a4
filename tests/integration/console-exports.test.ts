import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportCount, Problem, type Contribution } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

// Exports a French office opens: the French CSV read back with a CSV parser, the XLSX opened
// with the library that wrote it (ExcelJS), a count before downloading.

/** What people in France read: `30/11/2026 14:05:09`, in Europe/Paris, computed here independently. */
function paris(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const tricky = 'Points-virgules ; « guillemets » "doubles"\net un saut de ligne';
const items = {
  tricky: aContribution({ body: tricky, author: { pseudonym: 'Zoé' } }),
  formula: aContribution({ body: '=SOMME(A1:A9)', kind: 'gap', gapType: 'missing-data' }),
  rejected: aContribution({ body: 'Publicité pour un site.', commitmentId: 'FR0054' }),
  answered: aContribution({
    body: 'Le registre n’est pas à jour.',
    target: { url: 'https://www.economie.gouv.fr/daj', title: 'DAJ', selectors: [] },
  }),
};

forEachStorage((kind) => {
  describe('exports a French office opens', () => {
    let platform: StoragePlatform;
    const tokens = { moderator: '', ministry: '', ngo: '' };
    const stored = new Map<string, Contribution>();
    const exportOf = (query: string, token = tokens.moderator, language = 'fr') =>
      send('GET', `${platform.url}/v1/exports/contributions?${query}`, {
        token,
        headers: { 'accept-language': language },
      });

    beforeAll(async () => {
      platform = await startPlatformOn(kind, { env: { VIGIE_MODERATION: 'pre' } });
      [tokens.moderator, tokens.ministry, tokens.ngo] = await Promise.all([
        platform.token('moderator', 'Modération DITP'),
        platform.token('administration', 'Ministère de l’Économie', '--domains', '*.economie.gouv.fr'),
        platform.token('ngo', 'Regards Citoyens'),
      ]);
      await createVigieClient({ baseUrl: platform.url }).submitBatch(Object.values(items));
      const rejected = await send('POST', `${platform.url}/v1/moderation/contributions/${items.rejected.id}/decision`, {
        token: tokens.moderator,
        body: { decision: 'reject', reason: 'other', note: 'Lien commercial ; sans rapport.' },
      });
      expect(rejected.status, rejected.text).toBe(200);
      const answered = await send('POST', `${platform.url}/v1/contributions/${items.answered.id}/answer`, {
        token: tokens.ministry,
        body: { body: 'Il le sera lundi.', status: 'answered' },
      });
      expect(answered.status, answered.text).toBe(201);
      const json = (await exportOf('format=json')).json<{ items: Contribution[] }>();
      for (const item of json.items) stored.set(item.id, item);
    });
    afterAll(() => platform?.dispose());

    it('CSV in the French dialect: `;`, French headers, labels, Paris times, BOM and the formula guard', async () => {
      const answer = await exportOf('format=csv&dialect=fr');
      expect(answer.status, answer.text).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse<Record<string, string>>(answer.bytes, { bom: true, delimiter: ';', columns: true });
      expect(rows).toHaveLength(4);
      expect(Object.keys(rows[0]!).slice(0, 6)).toEqual([
        'Identifiant',
        'Reçue le',
        'Écrite le',
        'Statut',
        'Nature',
        'Type de manque',
      ]);
      const row = (id: string) => rows.find((r) => r.Identifiant === id)!;
      expect(row(items.tricky.id)).toMatchObject({
        Texte: tricky,
        Pseudonyme: 'Zoé',
        Statut: 'En attente',
        Langue: 'Français',
      });
      expect(row(items.tricky.id)['Reçue le']).toBe(paris(stored.get(items.tricky.id)!.receivedAt));
      expect(row(items.tricky.id)['Écrite le']).toBe(paris(items.tricky.createdAt));
      // A formula typed by a citizen stays text.
      expect(row(items.formula.id)).toMatchObject({
        Texte: "'=SOMME(A1:A9)",
        Nature: 'Manque de transparence',
        'Type de manque': 'Données non publiées',
      });
      expect(row(items.rejected.id)).toMatchObject({
        Statut: 'Rejetée',
        'Motif de la décision': 'Autre',
        'Explication de la décision': 'Lien commercial ; sans rapport.',
        'Décision prise par': 'Modération DITP',
      });
      expect(row(items.rejected.id)['Journal des décisions']).toMatch(
        /^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d — Modération DITP — Rejetée — Autre : Lien commercial ; sans rapport\.$/,
      );
      expect(row(items.answered.id)).toMatchObject({
        'Statut de la réponse de l’organisation': 'Réponse apportée',
        'Organisation qui a répondu': 'Ministère de l’Économie',
        'Réponse de l’organisation': 'Il le sera lundi.',
      });
      // The RFC 4180 one stays as it was: codes and UTC.
      const rfc = parse<Record<string, string>>((await exportOf('format=csv')).bytes, { bom: true, columns: true });
      expect(rfc.find((r) => r.id === items.rejected.id)).toMatchObject({
        status: 'rejected',
        moderationReason: 'other',
        receivedAt: stored.get(items.rejected.id)!.receivedAt,
      });
    });

    it('XLSX through ExcelJS: the same columns, dates as dates in Paris time, the moderation and the answer', async () => {
      const answer = await exportOf('format=xlsx');
      expect(answer.status, answer.text.slice(0, 200)).toBe(200);
      expect(answer.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(answer.headers['content-disposition']).toMatch(/filename="vigie-contributions-\d{4}-\d\d-\d\d\.xlsx"/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(answer.bytes as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Contributions')!;
      expect(sheet.rowCount).toBe(5);
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      const frenchCsv: string[][] = parse((await exportOf('format=csv&dialect=fr')).bytes, {
        bom: true,
        delimiter: ';',
      });
      expect(headers).toEqual(frenchCsv[0]);
      const byId = new Map<string, Record<string, unknown>>();
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        const values = (row.values as unknown[]).slice(1);
        byId.set(String(values[0]), Object.fromEntries(headers.map((h, i) => [String(h), values[i]])));
      });
      const tricky = byId.get(items.tricky.id)!;
      expect(tricky.Texte).toBe(items.tricky.body);
      const received = tricky['Reçue le'];
      expect(received).toBeInstanceOf(Date);
      // A spreadsheet has no time zone: the cell holds the Paris wall-clock time.
      const shown = (received as Date)
        .toISOString()
        .replace(/^(\d{4})-(\d\d)-(\d\d)T(\d\d:\d\d:\d\d).*$/, '$3/$2/$1 $4');
      expect(shown).toBe(paris(stored.get(items.tricky.id)!.receivedAt));
      expect(sheet.getColumn(2).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
      // Text cells are never formulas: no apostrophe needed.
      expect(byId.get(items.formula.id)!.Texte).toBe('=SOMME(A1:A9)');
      expect(byId.get(items.rejected.id)).toMatchObject({
        Statut: 'Rejetée',
        'Motif de la décision': 'Autre',
        'Explication de la décision': 'Lien commercial ; sans rapport.',
      });
      expect(byId.get(items.answered.id)).toMatchObject({
        'Statut de la réponse de l’organisation': 'Réponse apportée',
        'Réponse de l’organisation': 'Il le sera lundi.',
      });
      // In English when asked so.
      const english = new ExcelJS.Workbook();
      await english.xlsx.load((await exportOf('format=xlsx', tokens.moderator, 'en')).bytes as unknown as ArrayBuffer);
      expect(english.getWorksheet('Contributions')!.getRow(1).getCell(2).value).toBe('Received on');
    });

    it('counts before downloading, within the caller’s scope; an ngo gets no moderation columns', async () => {
      const count = async (query: string, token = tokens.moderator) =>
        ExportCount.parse(
          (await send('GET', `${platform.url}/v1/exports/contributions/count?${query}`, { token })).json(),
        ).count;
      expect(await count('')).toBe(4);
      expect(await count('status=rejected')).toBe(1);
      expect(await count('commitmentId=FR0001')).toBe(0);
      expect(await count('', tokens.ministry)).toBe(1);
      expect(await count('', tokens.ngo)).toBe(0);
      const ngo: string[][] = parse((await exportOf('format=csv&dialect=fr', tokens.ngo)).bytes, {
        bom: true,
        delimiter: ';',
      });
      expect(ngo).toHaveLength(1);
      expect(ngo[0]).not.toContain('Motif de la décision');
      expect(ngo[0]).toContain('Réponse de l’organisation');
    });

    it('refuses a dialect other than rfc4180 or fr, and a dialect outside CSV, with a sentence', async () => {
      for (const query of ['format=csv&dialect=excel', 'format=json&dialect=fr', 'format=ods']) {
        const answer = await exportOf(query);
        expect(answer.status, query).toBe(400);
        expect(Problem.parse(answer.json()).detail, query).toMatch(/dialecte|format d'export/);
      }
    });
  });
});
