import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildConsole } from '../../platform/console/build';
import { buildTalkScript } from '../../platform/site/build';
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

let siteScriptDir: Promise<string> | undefined;

/** The public pages' script built from the current sources into a temporary folder, for `serve --site-script DIR`. */
export function builtSiteScriptDir(): Promise<string> {
  siteScriptDir ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigie-site-script-'));
    await buildTalkScript(dir);
    return dir;
  })();
  return siteScriptDir;
}
