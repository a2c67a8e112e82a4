import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportCsvColumns,
  exportModerationColumns,
  type Contribution,
  type ContributionInput,
  type Selector,
} from '../../api-client/contract';
import { createVigieClient, type VigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { send } from '../support/platform-http';
import { forEachStorage, startPlatformOn, type StoragePlatform } from '../support/platform-storage';

/** An RFC 4180 reader, written for the test so the export is checked against the RFC, not against itself. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') throw new Error(`bare line break outside quotes at ${i}`);
    else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

/** What the test expects of the W3C Web Annotation model (typed here; the assertions below check it). */
interface TextualBody {
  type: string;
  value: string;
  format?: string;
  language?: string;
  purpose?: string;
}
interface WebAnnotation {
  type: string;
  id: string;
  motivation: string;
  body: TextualBody | TextualBody[];
  target: { source: string; selector?: Selector | Selector[] };
}
interface AnnotationCollection {
  '@context': string;
  type: string;
  id: string;
  total: number;
  first: { type: string; id: string; items: WebAnnotation[] };
}

/** The W3C Web Annotation model's required keys, checked on the whole collection. */
function expectWebAnnotationCollection(doc: AnnotationCollection, stored: Map<string, Contribution>): void {
  expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(doc.type).toBe('AnnotationCollection');
  expect(typeof doc.id).toBe('string');
  expect(doc.first.type).toBe('AnnotationPage');
  expect(typeof doc.first.id).toBe('string');
  expect(doc.total).toBe(doc.first.items.length);
  for (const annotation of doc.first.items) {
    expect(annotation.type).toBe('Annotation');
    expect(() => new URL(annotation.id)).not.toThrow();
    const id = annotation.id.split('/').at(-1)!;
    const c = stored.get(id)!;
    expect(c, id).toBeDefined();
    expect(annotation.motivation).toBe(c.kind === 'gap' ? 'assessing' : 'commenting');
    const bodies = Array.isArray(annotation.body) ? annotation.body : [annotation.body];
    expect(bodies[0]).toMatchObject({ type: 'TextualBody', value: c.body, format: 'text/plain', language: c.locale });
    if (c.kind === 'gap') expect(bodies).toContainEqual({ type: 'TextualBody', value: c.gapType, purpose: 'tagging' });
    expect(annotation.target.source).toBe(c.target.url);
    if (c.target.selectors.length === 0) {
      expect(annotation.target.selector).toBeUndefined();
      continue;
    }
    const selector = annotation.target.selector;
    const selectors = Array.isArray(selector) ? selector : selector ? [selector] : [];
    expect(selectors).toEqual(c.target.selectors);
    for (const selector of selectors) expect(['TextQuoteSelector', 'TextPositionSelector']).toContain(selector.type);
  }
}

forEachStorage((kind) => {
  describe('exports', () => {
    let platform: StoragePlatform;
    let client: VigieClient;
    const tokens = { admin: '', ngo: '', otherNgo: '', moderator: '' };
    const stored = new Map<string, Contribution>();
    let middle = '';
    const tricky =
      'Un texte, avec des virgules, des "guillemets"\net un saut de ligne ; l\'été à Nîmes — « ça marche » ?';

    async function submit(items: ContributionInput[]) {
      for (const result of await client.submitBatch(items)) stored.set(result.id!, result.contribution!);
    }

    beforeAll(async () => {
      platform = await startPlatformOn(kind, {
        env: { VIGIE_MODERATION: 'post', VIGIE_PUBLIC_URL: 'https://vigie.example.gouv.fr/' },
      });
      client = createVigieClient({ baseUrl: platform.url });
      [tokens.admin, tokens.ngo, tokens.otherNgo, tokens.moderator] = await Promise.all([
        platform.token('admin', 'DITP'),
        platform.token('ngo', 'Regards Citoyens'),
        platform.token('ngo', 'Anticor'),
        platform.token('moderator', 'Modération'),
      ]);
      const campaign = (id: string) => ({
        id,
        title: id,
        question: 'Q ?',
        targets: { commitmentIds: [], urlPatterns: [] },
        opensAt: '2020-01-01T00:00:00.000Z',
        closesAt: '2099-01-01T00:00:00.000Z',
      });
      await send('POST', `${platform.url}/v1/campaigns`, { token: tokens.ngo, body: campaign('marches-publics') });
      await send('POST', `${platform.url}/v1/campaigns`, { token: tokens.otherNgo, body: campaign('lobbying') });
      // An NGO's campaign takes contributions once an admin approved it.
      for (const id of ['marches-publics', 'lobbying']) {
        await send('POST', `${platform.url}/v1/campaigns/${id}/approve`, { token: tokens.admin });
      }
      await submit([
        aContribution({ body: tricky, campaignId: 'marches-publics', author: { pseudonym: 'Zoé' } }),
        aContribution({
          kind: 'gap',
          gapType: 'missing-data',
          body: '=HYPERLINK("http://x")',
          campaignId: 'marches-publics',
          commitmentId: 'FR0068',
        }),
        aContribution({ campaignId: 'lobbying', commitmentId: 'FR0069' }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 30));
      middle = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 30));
      await submit([
        aContribution({
          kind: 'gap',
          gapType: 'outdated',
          campaignId: 'marches-publics',
          target: { url: 'https://www.gouv.fr/a', title: 'A', selectors: [] },
        }),
        aContribution({ commitmentId: 'FR0068' }),
      ]);
    });
    afterAll(() => platform?.dispose());

    const exportOf = (query: string, token = tokens.admin) =>
      send('GET', `${platform.url}/v1/exports/contributions?${query}`, { token });

    it('CSV: UTF-8 with a byte order mark, RFC 4180 quoting, one row per contribution', async () => {
      const answer = await exportOf('format=csv');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(answer.headers['content-disposition']).toMatch(
        /^attachment; filename="vigie-contributions-\d{4}-\d\d-\d\d\.csv"$/,
      );
      expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(answer.text).toContain('"Un texte, avec des virgules, des ""guillemets""\net un saut de ligne');
      const [header, ...rows] = parseCsv(answer.text.slice(1));
      // A token holder's CSV: the open data's columns, then the moderation's.
      expect(header).toEqual([...exportCsvColumns, ...exportModerationColumns]);
      expect(rows).toHaveLength(5);
      const at = (row: string[], column: (typeof exportCsvColumns)[number]) => row[exportCsvColumns.indexOf(column)];
      const first = rows.find((row) => at(row, 'pseudonym') === 'Zoé')!;
      expect(at(first, 'body')).toBe(tricky);
      expect(at(first, 'quote')).toBe('rendre la commande publique plus transparente');
      // A formula typed by a citizen stays text in a spreadsheet.
      expect(rows.map((row) => at(row, 'body'))).toContain('\'=HYPERLINK("http://x")');
      expect(rows.map((row) => at(row, 'receivedAt'))).toEqual(rows.map((row) => at(row, 'receivedAt')).sort());
    });

    it('JSON: the contributions as the API shows them', async () => {
      const answer = await exportOf('format=json');
      expect(answer.headers['content-type']).toBe('application/json');
      const { items } = answer.json<{ items: Array<Contribution & { moderation: unknown }> }>();
      expect(items).toHaveLength(5);
      for (const { moderation, ...item } of items) {
        expect(item).toEqual(stored.get(item.id));
        // Nothing was decided yet: the journal is empty.
        expect(moderation).toEqual({ journal: [] });
      }
    });

    it('JSON-LD: a W3C Web Annotation collection, selectors as stored', async () => {
      const answer = await exportOf('format=jsonld');
      expect(answer.headers['content-type']).toContain('application/ld+json');
      const doc = answer.json<AnnotationCollection>();
      expect(doc.first.items).toHaveLength(5);
      expectWebAnnotationCollection(doc, stored);
      expect(doc.first.items.map((a) => a.motivation).sort()).toEqual([
        'assessing',
        'assessing',
        'commenting',
        'commenting',
        'commenting',
      ]);
      const empty = (await exportOf('format=jsonld&commitmentId=FR0001')).json<AnnotationCollection>();
      expect(empty.first.items).toEqual([]);
      expectWebAnnotationCollection(empty, stored);
    });

    it('JSON-LD: absolute ids come from VIGIE_PUBLIC_URL, never from the request’s Host header', async () => {
      const answer = await send('GET', `${platform.url}/v1/exports/contributions?format=jsonld`, {
        token: tokens.admin,
        headers: { host: 'attacker.example' },
      });
      const doc = answer.json<AnnotationCollection>();
      expect(doc.id).toBe('https://vigie.example.gouv.fr/v1/exports/contributions?format=jsonld');
      for (const annotation of doc.first.items) {
        expect(annotation.id).toMatch(/^https:\/\/vigie\.example\.gouv\.fr\/v1\/contributions\/[0-9a-f-]{36}$/);
      }
      expect(answer.text).not.toContain('attacker.example');
    });

    it('filters by campaign, commitment, kind, status and arrival date', async () => {
      const ids = async (query: string) =>
        (await exportOf(`format=json&${query}`)).json<{ items: Contribution[] }>().items.map((c) => c.id);
      expect(await ids('campaignId=marches-publics')).toHaveLength(3);
      expect(await ids('commitmentId=FR0068')).toHaveLength(2);
      expect(await ids('kind=gap')).toHaveLength(2);
      expect(await ids('kind=gap&campaignId=marches-publics&commitmentId=FR0068')).toHaveLength(1);
      expect(await ids(`from=${middle}`)).toHaveLength(2);
      expect(await ids(`to=${middle}`)).toHaveLength(3);
      expect(await ids('status=pending')).toHaveLength(0);
      expect(await ids('status=published')).toHaveLength(5);
      expect((await exportOf('format=xml')).status).toBe(400);
      expect((await exportOf(`from=${middle}&to=2000-01-01T00:00:00.000Z`)).status).toBe(400);
    });

    it('an ngo exports only its own campaigns’ contributions', async () => {
      const mine = (await exportOf('format=json', tokens.ngo)).json<{ items: Contribution[] }>().items;
      expect(mine).toHaveLength(3);
      expect(mine.every((c) => c.campaignId === 'marches-publics')).toBe(true);
      expect((await exportOf('format=json&campaignId=lobbying', tokens.ngo)).status).toBe(403);
      const theirs = (await exportOf('format=csv', tokens.otherNgo)).text;
      expect(parseCsv(theirs.slice(1))).toHaveLength(2);
      expect((await exportOf('format=json', tokens.moderator)).json<{ items: Contribution[] }>().items).toHaveLength(5);
      expect((await send('GET', `${platform.url}/v1/exports/contributions`)).status).toBe(401);
    });
  });
});
