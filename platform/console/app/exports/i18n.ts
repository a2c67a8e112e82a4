import type { Locale } from '../../../../api-client/contract';
import { lang } from '../i18n';

/** The choices of the export page, each with who it is for. */
export type ExportChoice = 'xlsx' | 'csv-fr' | 'csv' | 'json' | 'jsonld';

const fr = {
  formatLegend: 'Format du fichier',
  choices: {
    xlsx: 'Classeur Excel (.xlsx)',
    'csv-fr': 'CSV pour tableur français (.csv, séparé par des points-virgules)',
    csv: 'CSV standard (RFC 4180, séparé par des virgules)',
    json: 'JSON',
    jsonld: 'JSON-LD (W3C Web Annotation)',
  } satisfies Record<ExportChoice, string>,
  choiceHints: {
    xlsx: 'Recommandé pour ouvrir dans Excel, LibreOffice ou OnlyOffice : titres et valeurs en français, dates en heure de Paris, une colonne par champ, la modération et la réponse comprises.',
    'csv-fr':
      'S’ouvre d’un double clic dans Excel en français : mêmes colonnes que le classeur, points-virgules, dates en heure de Paris.',
    csv: 'Pour les programmes et les outils de données : colonnes nommées par leurs codes, valeurs en codes, heures en UTC (ISO 8601). Dans Excel en français, chaque ligne tiendrait dans une seule colonne.',
    json: 'Pour les développeurs : les contributions telles que l’API les donne, avec leur modération.',
    jsonld: 'Pour les outils d’annotation du Web (modèle W3C Web Annotation).',
  } satisfies Record<ExportChoice, string>,
  counting: 'Comptage des contributions…',
  nothing: 'Aucune contribution ne correspond à ces filtres : aucun fichier n’a été téléchargé.',
  downloaded: (n: number) => `Export téléchargé : ${n.toLocaleString('fr-FR')} contribution${n > 1 ? 's' : ''}.`,
};

type Strings = typeof fr;

const en: Strings = {
  formatLegend: 'File format',
  choices: {
    xlsx: 'Excel workbook (.xlsx)',
    'csv-fr': 'CSV for French spreadsheets (.csv, semicolon-separated)',
    csv: 'Standard CSV (RFC 4180, comma-separated)',
    json: 'JSON',
    jsonld: 'JSON-LD (W3C Web Annotation)',
  },
  choiceHints: {
    xlsx: 'Recommended to open in Excel, LibreOffice or OnlyOffice: headers and values in words, dates in Paris time, one column per field, moderation and answer included.',
    'csv-fr':
      'Opens with a double click in French Excel: the workbook’s columns, semicolons, dates in Paris time (French headers).',
    csv: 'For programs and data tools: columns named by their codes, values as codes, times in UTC (ISO 8601). French Excel would put each line in one column.',
    json: 'For developers: the contributions as the API gives them, with their moderation.',
    jsonld: 'For Web annotation tools (the W3C Web Annotation model).',
  },
  counting: 'Counting the contributions…',
  nothing: 'No contribution matches these filters: no file was downloaded.',
  downloaded: (n) => `Export downloaded: ${n.toLocaleString('en-GB')} contribution${n === 1 ? '' : 's'}.`,
};

const strings: Record<Locale, Strings> = { fr, en };

export function te(): Strings {
  return strings[lang.value];
}
