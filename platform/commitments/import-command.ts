import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliLocale } from '../cli-locale';
import { ConfigError, readConfig } from '../config';
import { openStorage } from '../storage/open';
import { importWords } from './import-words';
import { readCommitmentsFile } from './read-file';

export const commitmentsUsage = `  commitments import FILE [--dry-run] [--delimiter ";"]
                  create or replace commitments from a CSV (id,title_fr,title_en,leadInstitution_fr,
                  leadInstitution_en,status,summary_fr,summary_en,themes,plan,pages) or a JSON file, in one
                  transaction; a bad line is reported with its number and nothing is written`;

/**
 * `npm run platform -- commitments import FILE`: an administration's plan, in one
 * transaction. Every line is checked before anything is written; the report says what
 * was created, what was updated (which fields) and what was already so. `--dry-run`
 * reports the same and writes nothing.
 */
export async function commitmentsCommand(args: string[]): Promise<{ code: number; message: string }> {
  const locale = cliLocale();
  const w = importWords[locale];
  const [action, ...rest] = args;
  if (action !== 'import')
    throw new ConfigError(`Unknown commitments command "${action ?? ''}". Use:\n${commitmentsUsage}`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' }, delimiter: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new ConfigError(`Say which file to import. Use:\n${commitmentsUsage}`);
  const delimiter = values.delimiter === '\\t' ? '\t' : values.delimiter;
  if (delimiter !== undefined && ![',', ';', '\t'].includes(delimiter)) {
    throw new ConfigError('--delimiter must be "," or ";" (or "\\t" for a tab).');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new ConfigError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const name = path.basename(file);
  const read = readCommitmentsFile(name, bytes, { locale, delimiter });
  if (!read.ok) {
    const lines = read.problems.flatMap((p) => p.sentences.map((s) => `  ${p.where ? `${p.where}, ` : ''}${s}`));
    return { code: 1, message: [w.refused(name, read.problems.length), ...lines, ''].join('\n') };
  }

  const config = readConfig(process.env);
  const storage = await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 1 });
  try {
    const dryRun = values['dry-run'] === true;
    const changes = await storage.importCommitments(read.commitments, { dryRun });
    const section = (title: string, items: string[]) =>
      items.length === 0 ? [] : [`${title} (${items.length}): ${items.join(', ')}`];
    return {
      code: 0,
      message: [
        w.read(name, read.commitments.length),
        ...section(w.created, changes.created),
        ...section(
          w.updated,
          changes.updated.map((u) => `${u.id} (${u.fields.join(', ')})`),
        ),
        ...section(w.unchanged, changes.unchanged),
        dryRun ? w.dryRun : w.written,
        '',
      ].join('\n'),
    };
  } finally {
    await storage.close();
  }
}
