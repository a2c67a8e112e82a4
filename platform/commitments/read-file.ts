import { parse as parseCsv } from 'csv-parse/sync';
import { CommitmentInput, explainIssues, type CommitmentRecord, type Locale } from '../../api-client/contract';
import { platformRuleSentence } from '../../api-client/contract/platform-messages';
import { recordOf } from './record';
import { importWords } from './import-words';

/** One line (CSV) or entry (JSON) that cannot be imported, said in sentences. */
export interface ImportProblem {
  /** "line 4" or "entry 3", and the id when it has one. */
  where: string;
  sentences: string[];
}

export type ReadOutcome = { ok: true; commitments: CommitmentRecord[] } | { ok: false; problems: ImportProblem[] };

/**
 * The CSV columns. Required: id, title_fr, leadInstitution_fr, plan. An English column
 * left empty shows the French; status empty is `unverified`; themes and pages hold several
 * values separated by `|`. Names are matched whatever their case.
 */
export const csvColumns = [
  'id',
  'title_fr',
  'title_en',
  'leadInstitution_fr',
  'leadInstitution_en',
  'status',
  'summary_fr',
  'summary_en',
  'themes',
  'plan',
  'pages',
] as const;
type CsvColumn = (typeof csvColumns)[number];
const requiredColumns: CsvColumn[] = ['id', 'title_fr', 'leadInstitution_fr', 'plan'];

/** The column a field's JSON Pointer comes from, to name it to whoever fills the spreadsheet. */
function columnOf(pointer: string): string {
  const [field = '', language] = pointer.split('/').slice(1);
  if (field === 'themes' || field === 'pages') return field;
  return language === 'fr' || language === 'en' ? `${field}_${language}` : field;
}

function problemsOf(error: Parameters<typeof explainIssues>[0], locale: Locale, column: boolean): string[] {
  const w = importWords[locale];
  return explainIssues(error, locale, '', platformRuleSentence).map((issue) => {
    const where = column ? w.column(columnOf(issue.pointer)) : issue.pointer || '/';
    return `${where}: ${issue.detail}`;
  });
}

/** Checks each line against the contract and gathers the commitments, or every problem with its place. */
function collector(locale: Locale, fromCsv: boolean) {
  const w = importWords[locale];
  const commitments: CommitmentRecord[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, string>();
  return {
    problem(where: string, sentence: string) {
      problems.push({ where, sentences: [sentence] });
    },
    accept(input: unknown, where: string) {
      const parsed = CommitmentInput.safeParse(input);
      if (!parsed.success) {
        problems.push({ where, sentences: problemsOf(parsed.error, locale, fromCsv) });
        return;
      }
      const first = seen.get(parsed.data.id);
      if (first !== undefined) {
        problems.push({ where, sentences: [w.repeatedId(parsed.data.id, first)] });
        return;
      }
      seen.set(parsed.data.id, where);
      const { id, ...fields } = parsed.data;
      commitments.push(recordOf(id, fields));
    },
    outcome(): ReadOutcome {
      return problems.length > 0 ? { ok: false, problems } : { ok: true, commitments };
    },
  };
}

/** `;` from French Excel, `,` elsewhere, or tab: whichever the header line holds most. */
export function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

const list = (cell: string | undefined) =>
  (cell ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);

/** Whose cell is empty gives nothing: a field left out, which the contract fills in or refuses. */
function rowToInput(row: Partial<Record<CsvColumn, string>>): Record<string, unknown> {
  const cell = (name: CsvColumn) => (row[name]?.trim() ? row[name] : undefined);
  const bilingual = (base: 'title' | 'leadInstitution' | 'summary') => {
    const french = cell(`${base}_fr`);
    const english = cell(`${base}_en`);
    return { ...(french === undefined ? {} : { fr: french }), ...(english === undefined ? {} : { en: english }) };
  };
  const summary = bilingual('summary');
  return {
    id: row.id?.trim() ?? '',
    // The contract says which required text is missing, by its pointer.
    title: { fr: cell('title_fr'), ...bilingual('title') },
    leadInstitution: { fr: cell('leadInstitution_fr'), ...bilingual('leadInstitution') },
    ...(Object.keys(summary).length === 0 ? {} : { summary }),
    ...(cell('status') === undefined ? {} : { status: cell('status')!.trim() }),
    ...(list(row.themes).length === 0 ? {} : { themes: list(row.themes) }),
    plan: row.plan?.trim() ?? '',
    ...(list(row.pages).length === 0 ? {} : { pages: list(row.pages) }),
  };
}

function readCsv(source: string, locale: Locale, delimiter: string | undefined): ReadOutcome {
  const w = importWords[locale];
  // One kind of line break, so lines count as an editor counts them (and a line break
  // inside a quoted cell, which Excel writes as LF, is kept as LF).
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    records = parseCsv(text, {
      delimiter: delimiter ?? detectDelimiter(text),
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      raw: true,
    }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return { ok: false, problems: [{ where: w.line(e.lines ?? 1), sentences: [w.badCsv(e.lines ?? 1, e.message)] }] };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, problems: [{ where: w.line(1), sentences: [w.emptyFile] }] };
  const known = new Map(csvColumns.map((name) => [name.toLowerCase(), name]));
  const names = header.record.map((name) => name.trim());
  const columns = names.map((name) => known.get(name.toLowerCase()));
  const unknown = names.filter((_, i) => columns[i] === undefined);
  const missing = requiredColumns.filter((name) => !columns.includes(name));
  const repeated = columns.find((name, i) => name !== undefined && columns.indexOf(name) !== i);
  const headerProblems = [
    ...(unknown.length > 0 ? [w.unknownColumns(unknown, [...csvColumns])] : []),
    ...(missing.length > 0 ? [w.missingColumns(missing)] : []),
    ...(repeated ? [w.repeatedColumn(repeated)] : []),
  ];
  if (headerProblems.length > 0) return { ok: false, problems: [{ where: w.line(1), sentences: headerProblems }] };
  if (rows.length === 0) return { ok: false, problems: [{ where: w.line(1), sentences: [w.emptyFile] }] };

  const lines = collector(locale, true);
  for (const { record, info, raw } of rows) {
    // A record ends on `info.lines`, and starts as many lines before as its quoted cells
    // hold line breaks (the blank lines skipped before it and its own line break aside).
    const line = info.lines - (raw.replace(/^\n+/, '').replace(/\n$/, '').match(/\n/g)?.length ?? 0);
    const row = Object.fromEntries(columns.map((name, i) => [name!, record[i] ?? ''])) as Record<CsvColumn, string>;
    const id = row.id.trim();
    const where = `${w.line(line)}${id ? ` (${id})` : ''}`;
    if (record.length > columns.length && record.slice(columns.length).some((cell) => cell.trim() !== '')) {
      lines.problem(where, w.tooManyCells(record.length, columns.length));
      continue;
    }
    lines.accept(rowToInput(row), where);
  }
  return lines.outcome();
}

function readJson(text: string, locale: Locale): ReadOutcome {
  const w = importWords[locale];
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ where: '', sentences: [w.badJson((error as Error).message)] }] };
  }
  // A bare list, or the shape of the platform's own commitments file: its plan applies to each entry.
  const wrapper = !Array.isArray(document) && typeof document === 'object' && document !== null;
  const entries: unknown[] | undefined = Array.isArray(document)
    ? (document as unknown[])
    : wrapper && Array.isArray((document as { commitments?: unknown }).commitments)
      ? (document as { commitments: unknown[] }).commitments
      : undefined;
  if (!entries) return { ok: false, problems: [{ where: '', sentences: [w.badJsonShape] }] };
  if (entries.length === 0) return { ok: false, problems: [{ where: '', sentences: [w.emptyFile] }] };
  const plan = wrapper ? (document as { plan?: unknown }).plan : undefined;
  const lines = collector(locale, false);
  entries.forEach((entry, index) => {
    const input: unknown =
      typeof entry === 'object' && entry !== null && !Array.isArray(entry) && plan !== undefined && !('plan' in entry)
        ? { ...entry, plan }
        : entry;
    const id = typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : undefined;
    lines.accept(input, `${w.entry(index + 1)}${id ? ` (${id})` : ''}`);
  });
  return lines.outcome();
}

/**
 * Reads a commitments file, CSV or JSON (by its name's ending, else by its first
 * character), and checks every line against the contract before anything is written:
 * either every commitment, or every problem with its line.
 */
export function readCommitmentsFile(
  name: string,
  bytes: Uint8Array,
  options: { locale: Locale; delimiter?: string | undefined },
): ReadOutcome {
  const w = importWords[options.locale];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, problems: [{ where: '', sentences: [w.notUtf8] }] };
  }
  const lower = name.toLowerCase();
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (lower.endsWith('.json') || (!lower.endsWith('.csv') && (start === '{' || start === '['))) {
    return readJson(text, options.locale);
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || start !== undefined) {
    return readCsv(text, options.locale, options.delimiter);
  }
  return { ok: false, problems: [{ where: '', sentences: [w.unknownFormat] }] };
}
