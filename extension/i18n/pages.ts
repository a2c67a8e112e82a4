import type { Commitment } from '../../api-client/contract';
import type { UiLocale } from './locale';

/** French counts 0 and 1 as singular. */
const plural = (n: number, one: string, other: string) => (n <= 1 ? one : other);

/** The words of the extension's own pages: side panel, popup, options. */
export const pagesStrings = {
  fr: {
    // side panel
    sidePanelTitle: 'Vigie',
    thisPage: 'Cette page',
    noPage: 'Vigie ne peut pas lire cet onglet (page du navigateur, ou page encore en chargement).',
    commitmentTitle: (n: number) => (n > 1 ? 'Engagements liés à cette page' : 'Engagement lié à cette page'),
    noCommitment: 'Aucun engagement n’est indiqué pour cette page.',
    leadInstitution: 'Porté par',
    plan: 'Plan',
    commitmentStatus: {
      'not-started': 'Non commencé',
      'in-progress': 'En cours',
      completed: 'Réalisé',
      unverified: 'Avancement non vérifié',
    } satisfies Record<Commitment['status'], string>,
    published: (n: number) => `Contributions publiées sur cette page (${n})`,
    noneYet: 'Aucune contribution publiée pour le moment.',
    loading: 'Chargement…',
    lookupFailed: 'Les contributions publiées n’ont pas pu être chargées.',
    notAllowed:
      'Ce site n’est pas dans votre liste : Vigie n’y demande rien à la plateforme tant que vous n’envoyez pas de contribution.',
    editAllowList: 'Modifier la liste des sites',
    orphansTitle: (n: number) => `Passages introuvables (${n})`,
    orphansHint:
      'Ces contributions citent un passage qui n’a pas été retrouvé sur la page : il a peut-être changé depuis.',
    mine: 'Mes contributions',
    noDrafts: 'Vous n’avez encore rien écrit avec Vigie.',
    untitledPage: 'Page sans titre',
    continue: 'Continuer',
    sendAgain: 'Renvoyer',
    remove: 'Supprimer',
    confirmRemove: 'Confirmer la suppression',
    cancel: 'Annuler',
    removed: 'Contribution supprimée de cet appareil.',
    send: 'Envoyer',
    kindComment: 'Commentaire',
    kindGap: 'Manque signalé',
    quoted: 'Passage cité',
    onPage: 'Sur',
    fixErrors: (n: number) => `${n} ${plural(n, 'champ', 'champs')} à corriger avant l’envoi.`,
    // popup
    waiting: (n: number) =>
      n === 0
        ? 'Aucune contribution en attente'
        : `${n} ${plural(n, 'contribution en attente', 'contributions en attente')}`,
    openSidePanel: 'Ouvrir le panneau latéral',
    openOptions: 'Réglages',
    // options
    optionsTitle: 'Réglages de Vigie',
    platformUrl: 'Adresse de la plateforme',
    platformUrlHint: 'Là où vos contributions sont envoyées, par exemple https://vigie.example.gouv.fr',
    allowList: 'Sites où Vigie affiche les contributions publiées',
    allowListHint:
      'Un nom de domaine par ligne ; « *.gouv.fr » couvre tous les sites en gouv.fr. Sur ces sites seulement, Vigie demande à la plateforme les contributions de la page lue. Ailleurs, rien n’est envoyé tant que vous n’agissez pas.',
    language: 'Langue',
    languageAuto: 'Celle du navigateur',
    pseudonym: 'Pseudonyme par défaut (facultatif)',
    pseudonymHint: 'Proposé dans chaque contribution ; sans pseudonyme, vos contributions sont anonymes.',
    save: 'Enregistrer',
    saved: 'Réglages enregistrés.',
    allowListProblem: (entry: string) =>
      `« ${entry} » n’est pas un nom de domaine (exemples : service-public.fr, *.gouv.fr).`,
  },
  en: {
    sidePanelTitle: 'Vigie',
    thisPage: 'This page',
    noPage: 'Vigie cannot read this tab (a browser page, or a page still loading).',
    commitmentTitle: (n: number) => (n > 1 ? 'Commitments related to this page' : 'Commitment related to this page'),
    noCommitment: 'No commitment is given for this page.',
    leadInstitution: 'Led by',
    plan: 'Plan',
    commitmentStatus: {
      'not-started': 'Not started',
      'in-progress': 'In progress',
      completed: 'Completed',
      unverified: 'Progress not verified',
    } satisfies Record<Commitment['status'], string>,
    published: (n: number) => `Contributions published on this page (${n})`,
    noneYet: 'No contribution published yet.',
    loading: 'Loading…',
    lookupFailed: 'The published contributions could not be loaded.',
    notAllowed: 'This site is not on your list: Vigie asks the platform nothing here unless you send a contribution.',
    editAllowList: 'Edit the list of sites',
    orphansTitle: (n: number) => `Passages not found (${n})`,
    orphansHint: 'These contributions quote a passage that was not found on the page: it may have changed since.',
    mine: 'My contributions',
    noDrafts: 'You have not written anything with Vigie yet.',
    untitledPage: 'Untitled page',
    continue: 'Continue',
    sendAgain: 'Send again',
    remove: 'Delete',
    confirmRemove: 'Confirm deletion',
    cancel: 'Cancel',
    removed: 'Contribution deleted from this device.',
    send: 'Send',
    kindComment: 'Comment',
    kindGap: 'Gap reported',
    quoted: 'Quoted passage',
    onPage: 'On',
    fixErrors: (n: number) => `${n} field${n === 1 ? '' : 's'} to fix before sending.`,
    waiting: (n: number) => (n === 0 ? 'No contribution waiting' : `${n} contribution${n === 1 ? '' : 's'} waiting`),
    openSidePanel: 'Open the side panel',
    openOptions: 'Settings',
    optionsTitle: 'Vigie settings',
    platformUrl: 'Platform address',
    platformUrlHint: 'Where your contributions are sent, for example https://vigie.example.gouv.fr',
    allowList: 'Sites where Vigie shows published contributions',
    allowListHint:
      'One domain name per line; “*.gouv.fr” covers every site under gouv.fr. On these sites only, Vigie asks the platform for the contributions of the page you read. Elsewhere, nothing is sent until you act.',
    language: 'Language',
    languageAuto: 'The browser’s',
    pseudonym: 'Default pseudonym (optional)',
    pseudonymHint: 'Offered in every contribution; without a pseudonym, your contributions are anonymous.',
    save: 'Save',
    saved: 'Settings saved.',
    allowListProblem: (entry: string) => `“${entry}” is not a domain name (examples: service-public.fr, *.gouv.fr).`,
  },
} satisfies Record<UiLocale, unknown>;

export type PagesStrings = (typeof pagesStrings)[UiLocale];
