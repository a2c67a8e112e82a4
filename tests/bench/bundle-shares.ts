import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

/** Who wrote the bytes: the library a source file comes from, or Vigie's own code. */
function ownerOf(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source)?.[1];
  if (!pkg) return 'Vigie (widget, contract, client, drafts, anchoring)';
  if (pkg === 'lit' || pkg === 'lit-html' || pkg === 'lit-element' || pkg === '@lit/reactive-element') return 'Lit';
  return pkg;
}

export interface Share {
  owner: string;
  bytes: number;
  /** gzip -9 of this owner's bytes on their own: the parts add up to a little more than the whole. */
  gzip: number;
}

/**
 * Splits built chunks by the source their bytes map back to (through the build's source
 * maps) and gzips each owner's bytes on its own.
 */
export function bundleShares(dir: string, files: readonly string[]): Share[] {
  const text = new Map<string, string[]>();
  for (const file of files) {
    const code = readFileSync(path.join(dir, file), 'utf8');
    const map = new SourceMapConsumer(readFileSync(path.join(dir, `${file}.map`), 'utf8'));
    const lineStarts = [0];
    for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
    const marks: Array<{ at: number; owner: string }> = [];
    map.eachMapping((m) =>
      marks.push({ at: lineStarts[m.generatedLine - 1]! + m.generatedColumn, owner: ownerOf(m.source ?? '') }),
    );
    marks.sort((a, b) => a.at - b.at);
    marks.forEach((mark, i) => {
      const piece = code.slice(mark.at, marks[i + 1]?.at ?? code.length);
      const pieces = text.get(mark.owner) ?? [];
      pieces.push(piece);
      text.set(mark.owner, pieces);
    });
  }
  return [...text]
    .map(([owner, pieces]) => {
      const joined = pieces.join('');
      return { owner, bytes: Buffer.byteLength(joined), gzip: gzipSync(joined, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}
