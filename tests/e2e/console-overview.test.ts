import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CampaignList } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { consoleWorld, expectAccessible, openConsole, signIn, tabTo } from '../support/console-page';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import type { StoragePlatform } from '../support/platform-storage';

// The admin's other pages with the keyboard alone: the dashboard's charts and tables, exports
// that say which format to pick and that there is nothing to export, the campaign form's proposals.

let platform: StoragePlatform;
let browser: Browser;
let token = '';
const problems: string[] = [];

beforeAll(async () => {
  ({ platform, browser } = await consoleWorld());
  token = await platform.token('admin', 'DITP');
  await createVigieClient({ baseUrl: platform.url }).submitBatch([
    aContribution({ kind: 'gap', gapType: 'outdated', body: 'Données ; périmées « depuis » 2024.' }),
    aContribution({ commitmentId: 'FR0054', body: '=1+1' }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await platform?.dispose();
});

async function section(page: Page, name: string): Promise<void> {
  await tabTo(page, { text: name });
  await page.keyboard.press('Enter');
}

/** Submits the export form with Enter from the commitment field; resolves with the download, if any came. */
async function exportWith(page: Page, commitment: string): Promise<Download | null> {
  await tabTo(page, '#export-commitment');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (commitment) await page.keyboard.type(commitment);
  const download = page.waitForEvent('download', { timeout: 5_000 }).catch(() => null);
  await page.keyboard.press('Enter');
  return download;
}

describe('the console’s overview, exports and campaigns, with the keyboard alone', () => {
  it('draws the dashboard with the public pages’ chart, each beside its table; axe finds nothing', async () => {
    const page = await openConsole(browser, platform.url, problems);
    await signIn(page, token);
    await section(page, 'Tableau de bord');
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    await page.locator('#chart-pending-age-heading').waitFor();
    // Five charts, each an image named by its title, and the same figures in a table.
    expect(await page.locator('svg.vigie-chart[role="img"]').count()).toBe(5);
    expect(await page.locator('table.figures').count()).toBe(5);
    const status = page.locator('section.figure', { has: page.locator('#chart-status-heading') });
    expect(await status.locator('tbody tr').allTextContents()).toEqual([
      'en attente2',
      'publiée0',
      'masquée0',
      'rejetée0',
    ]);
    expect(await page.locator('#chart-gaps-title').textContent()).toBe('Manques signalés, par type');
    expect(await page.locator('#chart-gaps-desc').textContent()).toContain('« information périmée »');
    await expectAccessible(page, 'the dashboard');
    await section(page, 'English');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expectAccessible(page, 'the dashboard in English');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('exports: says when nothing matches, downloads the French CSV and the XLSX a French office opens', async () => {
    const page = await openConsole(browser, platform.url, problems);
    await signIn(page, token);
    await section(page, 'Exports');
    await page.getByText('Recommandé pour ouvrir dans Excel').waitFor();
    await expectAccessible(page, 'the exports page');

    // Nothing on FR0001: said, and no file.
    expect(await exportWith(page, 'FR0001')).toBeNull();
    await page
      .getByText('Aucune contribution ne correspond à ces filtres : aucun fichier n’a été téléchargé.')
      .waitFor();

    // The French CSV: the radio group is walked with the arrows.
    await tabTo(page, '#export-xlsx', { back: true });
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#export-csv-fr').isChecked()).toBe(true);
    const csv = await exportWith(page, '');
    expect(csv?.suggestedFilename()).toMatch(/^vigie-contributions-\d{4}-\d\d-\d\d\.csv$/);
    await page.getByText('Export téléchargé : 2 contributions.').waitFor();
    const rows = parse<Record<string, string>>(await readFile(await csv!.path()), {
      bom: true,
      delimiter: ';',
      columns: true,
    });
    expect(rows.map((row) => row.Texte).sort()).toEqual(["'=1+1", 'Données ; périmées « depuis » 2024.']);
    expect(rows.every((row) => row.Statut === 'En attente')).toBe(true);

    // The workbook, opened with the library that wrote it.
    await tabTo(page, '#export-csv-fr', { back: true });
    await page.keyboard.press('ArrowUp');
    const xlsx = await exportWith(page, 'FR0054');
    expect(xlsx?.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await xlsx!.path())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Contributions')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(12).value).toBe('Texte');
    expect(sheet.getRow(2).getCell(12).value).toBe('=1+1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('proposes a campaign’s identifier from its title and its dates, and marks what is required', async () => {
    const page = await openConsole(browser, platform.url, problems);
    await signIn(page, token);
    await section(page, 'Campagnes');
    await section(page, 'Nouvelle campagne');
    await page.getByText('Les champs marqués d’un astérisque (*) sont obligatoires.').waitFor();
    await tabTo(page, '#campaign-title');
    await page.keyboard.type('Marchés publics : données & œuvres 2026');
    expect(await page.locator('#campaign-id').inputValue()).toBe('marches-publics-donnees-oeuvres-2026');
    const day = (offset: number) => {
      const d = new Date();
      d.setDate(d.getDate() + offset);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    expect((await page.locator('#campaign-opensAt').inputValue()).slice(0, 10)).toBe(day(0));
    expect((await page.locator('#campaign-closesAt').inputValue()).slice(0, 10)).toBe(day(30));
    // Required fields say so: an asterisk people see, `required` for assistive technology.
    for (const id of ['campaign-title', 'campaign-id', 'campaign-question', 'campaign-opensAt', 'campaign-closesAt']) {
      expect(await page.locator(`label[for="${id}"] .required`).count(), id).toBe(1);
      expect(await page.locator(`#${id}`).getAttribute('required'), id).not.toBeNull();
    }
    expect(await page.locator('label[for="campaign-commitments"] .required').count()).toBe(0);
    // An identifier typed by hand is kept when the title changes.
    await tabTo(page, '#campaign-id');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('marches-2026');
    await tabTo(page, '#campaign-title', { back: true });
    await page.keyboard.press('End'); // Tab selects the field's text
    await page.keyboard.type(' bis');
    expect(await page.locator('#campaign-id').inputValue()).toBe('marches-2026');
    await tabTo(page, '#campaign-question');
    await page.keyboard.type('Quelles données manquent ?');
    await expectAccessible(page, 'the campaign form');
    await tabTo(page, { text: 'Enregistrer' });
    await page.keyboard.press('Enter');
    await page.getByText('Campagne enregistrée.').waitFor();
    const mine = CampaignList.parse((await send('GET', `${platform.url}/v1/me/campaigns`, { token })).json());
    expect(mine.items).toEqual([
      expect.objectContaining({ id: 'marches-2026', title: 'Marchés publics : données & œuvres 2026 bis' }),
    ]);
    const { opensAt, closesAt } = mine.items[0]!;
    expect(Math.round((Date.parse(closesAt) - Date.parse(opensAt)) / 86_400_000)).toBe(30);
    expect(problems).toEqual([]);
    await page.close();
  });
});
