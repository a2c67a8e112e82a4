import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../http/env';

/** Where the script's files are served: every name is content-hashed (platform/site/build.ts), so cached for good. */
const PREFIX = '/site/talk/';
/** The entry the pages load; the others are chunks it imports when a page has something to talk back to. */
export const TALK_ENTRY = /^talk-back-[\w-]+\.js$/;
const SAFE_NAME = /^[\w-]+\.js$/;

/**
 * The public pages' « Moi aussi » and « Répondre » script, as `npm run build` wrote it
 * (api-client/public-pages, bundled with the device's outbox from api-client/drafts).
 */
export interface TalkScript {
  /** The address of its entry, for the pages' `<script type="module">`. */
  entry: string;
  files: Map<string, string>;
}

/**
 * Reads the built script once, at start; undefined when it was not built (the pages then
 * say how to support or reply elsewhere, as they do without JavaScript).
 */
export function talkScriptOf(dir: string): TalkScript | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => SAFE_NAME.test(name));
  } catch {
    return undefined;
  }
  const entry = names.find((name) => TALK_ENTRY.test(name));
  if (!entry) return undefined;
  const files = new Map(names.map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
  return { entry: `${PREFIX}${entry}`, files };
}

/** Serves the script's files; a request is looked up in the map, never joined to a folder. */
export function talkScriptRoutes(app: Hono<AppEnv>, script: TalkScript | undefined): void {
  app.get(`${PREFIX}:file`, compress(), (c) => {
    const body = script?.files.get(c.req.param('file'));
    if (body === undefined) return c.notFound();
    return c.body(body, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });
}
