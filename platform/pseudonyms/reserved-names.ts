import unhomoglyph from 'unhomoglyph';

/**
 * Pseudonyms that would pass for the people who answer: the moderators, the platform,
 * an administration, or an organisation holding a token. The contract already refuses
 * invisible and bidirectional characters; this is the part no client can check (it
 * needs Unicode's confusables table and the organisations' names), so it lives here.
 */
export const builtInReservedNames = ['Modération', 'Administration', 'Vigie'];

/**
 * UTS #39 skeleton: NFD, each character replaced by its prototype from Unicode's
 * confusables table (`unhomoglyph` is that table, confusables.txt 13.0), NFD again.
 * Two strings that look alike have the same skeleton.
 */
export function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD')).normalize('NFD');
}

/**
 * What a run of characters looks like, for comparison: the skeleton, without accents,
 * lower-cased, letters and digits only. Compatibility forms (full width, mathematical
 * letters) are folded first by NFKC.
 */
function looks(text: string): string {
  return skeleton(text.normalize('NFKC'))
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Shorter names must be a whole word: "DITP" should not forbid "Editpro".
const SHORT = 5;
const MIN_LETTERS = 3;

interface Reserved {
  /** Matches where the name starts, each letter in either case's look ("I" looks like "l"). */
  pattern: RegExp;
  short: boolean;
}

function reserved(name: string): Reserved | null {
  const letters = [...name.normalize('NFKD').replace(/\p{M}/gu, '')].filter((ch) => /[\p{L}\p{N}]/u.test(ch));
  // A token named "A" or "CI" would forbid every pseudonym holding that word: too little to impersonate.
  if (letters.length < MIN_LETTERS) return null;
  const classes = letters.map((ch) => {
    const forms = [...new Set([looks(ch.toLowerCase()), looks(ch.toUpperCase())])].filter(Boolean);
    return `(?:${forms.map(escape).join('|')})`;
  });
  const short = letters.length < SHORT;
  return { pattern: short ? new RegExp(`^${classes.join('')}$`, 'u') : new RegExp(classes.join(''), 'uy'), short };
}

/** A pseudonym cut into words: at spaces and punctuation, and where a capital follows a small letter. */
function words(pseudonym: string): string[] {
  return pseudonym
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .flatMap((word) => word.split(/(?<=\p{Ll})(?=\p{Lu})/u))
    .map(looks)
    .filter(Boolean);
}

/**
 * Whether a pseudonym looks like one of the names: a long name anywhere a word starts
 * (so "M o d é r a t i o n", "LaModération" and "Administration officielle ✔" are caught),
 * a short one as a whole word.
 */
export function impersonates(pseudonym: string, names: readonly string[]): boolean {
  const parts = words(pseudonym);
  const glued = parts.join('');
  const starts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    starts.push(offset);
    offset += part.length;
  }
  return names.some((name) => {
    const rule = reserved(name);
    if (!rule) return false;
    if (rule.short) return [...parts, glued].some((part) => rule.pattern.test(part));
    return starts.some((start) => {
      rule.pattern.lastIndex = start;
      return rule.pattern.test(glued);
    });
  });
}
