import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildConsole } from '../../platform/console/build';
import { buildWidget } from '../../widget/build';

let consoleDir: Promise<string> | undefined;
let widgetDir: Promise<string> | undefined;

/**
 * The console built from the sources as they are now, into a temporary folder (once per
 * test file), for `serve --console DIR`: dist/console may be older than the sources.
 */
export function builtConsoleDir(): Promise<string> {
  consoleDir ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigie-console-'));
    await buildConsole(dir);
    return dir;
  })();
  return consoleDir;
}

/** The widget built from the current sources into a temporary folder, for `serve --widget DIR`. */
export function builtWidgetDir(): Promise<string> {
  widgetDir ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigie-widget-'));
    await buildWidget(dir);
    return dir;
  })();
  return widgetDir;
}
