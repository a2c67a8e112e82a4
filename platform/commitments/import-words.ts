import type { Locale } from '../../api-client/contract';

/** What `commitments import` says to the operator, French first (the CLI follows LANG). */
export const importWords = {
  fr: {
    notUtf8: 'Le fichier n’est pas en UTF-8 : enregistrez-le en « CSV UTF-8 » (ou en JSON UTF-8) puis recommencez.',
    unknownFormat: 'Format inconnu : le fichier doit finir par .csv ou .json (ou commencer par { ou [ pour du JSON).',
    badJson: (detail: string) => `Ce n’est pas du JSON valide : ${detail}`,
    badJsonShape:
      'Le JSON doit être une liste d’engagements, ou un objet { "plan": "2021-2023", "commitments": [ … ] } comme le fichier des engagements de la plateforme.',
    badCsv: (line: number, detail: string) => `ligne ${line} : le CSV est mal formé (${detail}).`,
    emptyFile: 'Le fichier ne contient aucun engagement.',
    missingColumns: (names: string[]) => `Colonnes obligatoires absentes : ${names.join(', ')}.`,
    unknownColumns: (names: string[], known: string[]) =>
      `Colonnes inconnues : ${names.join(', ')} (colonnes possibles : ${known.join(', ')}).`,
    repeatedColumn: (name: string) => `La colonne ${name} apparaît deux fois.`,
    tooManyCells: (cells: number, columns: number) =>
      `cette ligne a ${cells} cellules pour ${columns} colonnes : un séparateur de trop, ou un texte qui en contient sans guillemets ?`,
    line: (n: number) => `ligne ${n}`,
    entry: (n: number) => `entrée ${n}`,
    column: (name: string) => `colonne ${name}`,
    repeatedId: (id: string, first: string) => `${id} apparaît déjà (${first}) : un engagement par ligne.`,
    refused: (file: string, n: number) =>
      `${file} : ${n} ${n > 1 ? 'lignes ne peuvent' : 'ligne ne peut'} pas être importée${n > 1 ? 's' : ''} ; rien n’a été écrit.`,
    read: (file: string, n: number) => `${n} engagement${n > 1 ? 's' : ''} lu${n > 1 ? 's' : ''} dans ${file}.`,
    created: 'Créés',
    updated: 'Modifiés',
    unchanged: 'Inchangés',
    dryRun: 'Essai (--dry-run) : rien n’a été écrit.',
    written: 'Écrit en une seule transaction.',
  },
  en: {
    notUtf8: 'The file is not UTF-8: save it as "CSV UTF-8" (or UTF-8 JSON), then try again.',
    unknownFormat: 'Unknown format: the file must end in .csv or .json (or start with { or [ for JSON).',
    badJson: (detail: string) => `This is not valid JSON: ${detail}`,
    badJsonShape:
      'The JSON must be a list of commitments, or an object { "plan": "2021-2023", "commitments": [ … ] } like the platform’s commitments file.',
    badCsv: (line: number, detail: string) => `line ${line}: the CSV is malformed (${detail}).`,
    emptyFile: 'The file holds no commitment.',
    missingColumns: (names: string[]) => `Required columns missing: ${names.join(', ')}.`,
    unknownColumns: (names: string[], known: string[]) =>
      `Unknown columns: ${names.join(', ')} (the columns are: ${known.join(', ')}).`,
    repeatedColumn: (name: string) => `The column ${name} appears twice.`,
    tooManyCells: (cells: number, columns: number) =>
      `this line has ${cells} cells for ${columns} columns: one separator too many, or a text holding one without quotes?`,
    line: (n: number) => `line ${n}`,
    entry: (n: number) => `entry ${n}`,
    column: (name: string) => `column ${name}`,
    repeatedId: (id: string, first: string) => `${id} appears already (${first}): one commitment per line.`,
    refused: (file: string, n: number) =>
      `${file}: ${n} ${n > 1 ? 'lines' : 'line'} cannot be imported; nothing was written.`,
    read: (file: string, n: number) => `${n} commitment${n > 1 ? 's' : ''} read from ${file}.`,
    created: 'Created',
    updated: 'Updated',
    unchanged: 'Unchanged',
    dryRun: 'Dry run (--dry-run): nothing was written.',
    written: 'Written in one transaction.',
  },
} satisfies Record<Locale, Record<string, unknown>>;

export type ImportWords = (typeof importWords)[Locale];
