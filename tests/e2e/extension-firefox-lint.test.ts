import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { buildExtension } from '../../extension/build';

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

it('the Firefox build passes addons-linter, Mozilla’s own review linter, with no error', async () => {
  const { firefoxMv2Dir: firefoxDir } = await buildExtension({ ifStale: true });
  const linter = createRequire(import.meta.url).resolve('addons-linter/bin/addons-linter');
  // The linter exits non-zero when it finds errors; its JSON report is what we read either way.
  const { stdout } = await promisify(execFile)(process.execPath, [linter, firefoxDir, '--output', 'json'], {
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[] };
  for (const w of report.warnings) console.log(`addons-linter warning ${w.code} in ${w.file ?? '?'}: ${w.message}`);
  expect(report.errors.map((e) => `${e.code} in ${e.file ?? '?'}: ${e.message}`)).toEqual([]);
});
