import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** One file a build wrote, held in memory with what its answers need. */
export interface BuiltFile {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** A strong validator made from the content, quoted as HTTP wants it. */
  etag: string;
  /** `sha384-…` of the content, as Subresource Integrity writes it. */
  integrity: string;
}

/**
 * What is served, by extension. Source maps are not: every release a folder keeps
 * would hold its megabyte of them in memory, for the benefit of devtools only.
 */
const types: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** The names builds write: no slash, no leading dot, nothing a path could climb with. */
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

/**
 * Reads a build's output (its files and one level of folders) into a map keyed by
 * relative path (`vigie-feedback.js`, `chunks/runtime-abc.js`); null when the folder
 * does not exist. A request is answered by looking its path up in this map, never by
 * joining it to a folder, so no spelling of `..` can reach another file.
 */
export async function loadBuiltFiles(dir: string): Promise<Map<string, BuiltFile> | null> {
  const files = new Map<string, BuiltFile>();
  const visit = async (relative: string, depth: number): Promise<boolean> => {
    let entries;
    try {
      entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
    for (const entry of entries) {
      if (!SAFE_NAME.test(entry.name)) continue;
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth > 0) await visit(name, depth - 1);
      const type = types[entry.name.split('.').at(-1) ?? ''];
      if (!entry.isFile() || !type) continue;
      const body = new Uint8Array(await readFile(path.join(dir, name)));
      files.set(name, {
        body,
        type,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
      });
    }
    return true;
  };
  return (await visit('', 1)) ? files : null;
}

/** Whether an If-None-Match header names this validator (weakly, as RFC 9110 says for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/** The file, or 304 when the caller holds it already; `headers` go on both. */
export function builtFileResponse(
  file: BuiltFile,
  ifNoneMatch: string | undefined,
  headers: Record<string, string>,
): Response {
  const common = { ...headers, etag: file.etag };
  if (matchesEtag(ifNoneMatch, file.etag)) return new Response(null, { status: 304, headers: common });
  return new Response(file.body, { status: 200, headers: { ...common, 'content-type': file.type } });
}
