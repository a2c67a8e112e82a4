import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContributionQuery, explainIssues, isMessageCode } from '../../api-client/contract';
import {
  platformMessage,
  platformMessageCodes,
  platformRuleSentence,
} from '../../api-client/contract/platform-messages';

const placeholders = (sentence: string) => [...sentence.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Said without values: the sentence as written, `{name}`s and all. */
const raw = (code: (typeof platformMessageCodes)[number], locale: 'fr' | 'en') =>
  (platformMessage as (code: string, locale: string) => string)(code, locale);

describe('the platform’s own sentences', () => {
  it('every code says it in French and English, with the same values in both', () => {
    expect(platformMessageCodes.length).toBeGreaterThan(30);
    for (const code of platformMessageCodes) {
      const fr = raw(code, 'fr');
      const en = raw(code, 'en');
      expect(fr.trim(), code).not.toBe('');
      expect(en.trim(), code).not.toBe('');
      expect(placeholders(fr), code).toEqual(placeholders(en));
    }
  });

  it('puts the values given in their place', () => {
    expect(platformMessage('request.too-large', 'en', { limit: 4096 })).toBe(
      'The request body is larger than 4096 bytes.',
    );
    expect(platformMessage('request.origin-not-allowed', 'fr', { origin: 'https://ailleurs.example' })).toBe(
      "Le site https://ailleurs.example n'est pas autorisé à envoyer des contributions à cette plateforme.",
    );
  });

  it('the rules of requests only the platform checks are said by the platform, and the clients do not carry them', () => {
    const result = ContributionQuery.safeParse({ commitmentId: 'FR0067', limit: '0' });
    if (result.success) throw new Error('the query should be refused');
    expect(explainIssues(result.error, 'fr', '', platformRuleSentence)).toEqual([
      { pointer: '/limit', code: 'limit.range', detail: 'La taille de page va de 1 à 100.' },
    ]);
    expect(isMessageCode('limit.range')).toBe(false);
    // A client explaining the same error keeps the code, with the generic sentence.
    expect(explainIssues(result.error, 'en')[0]).toMatchObject({
      code: 'limit.range',
      detail: 'This value is not valid.',
    });
  });

  it('every rule the contract names has a sentence in one of the two catalogues', () => {
    const contract = fileURLToPath(new URL('../../api-client/contract', import.meta.url));
    const named = new Set<string>();
    for (const file of readdirSync(contract).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(path.join(contract, file), 'utf8');
      for (const match of source.matchAll(/(?:rule\(|error: )'([a-z-]+\.[a-z-]+)'/g)) named.add(match[1]!);
    }
    expect(named.size).toBeGreaterThan(30);
    for (const code of named) expect(platformRuleSentence(code, 'fr'), code).toBeDefined();
  });

  it('no French or English sentence is written inline in the platform’s code (its UI catalogues aside: the console’s, the public pages’)', () => {
    const root = fileURLToPath(new URL('../../platform', import.meta.url));
    const inline = [
      /\bfr: ['"`]/, // a { fr, en } pair outside a catalogue
      /\bconst (?:fr|en) = /, // a flag that picks between two sentences further down
      /=== '(?:fr|en)'\s*\?\s*(['"`])[^'"`]* [^'"`]*\1/, // a ternary between two sentences
    ];
    const offenders: string[] = [];
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name === 'i18n.ts') continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (inline.some((pattern) => pattern.test(line)))
            offenders.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
