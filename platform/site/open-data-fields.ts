import type { exportCsvColumns, Locale } from '../../api-client/contract';

type Column = (typeof exportCsvColumns)[number];

/** What each column of the open-data CSV holds, French first; the codes are the column names. */
export const fieldMeanings: Record<Locale, Record<Column, string>> = {
  fr: {
    id: 'Identifiant de la contribution (UUID) ; sa page est /c/{id}.',
    receivedAt: 'Date et heure de réception par la plateforme (ISO 8601, UTC).',
    createdAt: 'Date et heure d’écriture sur l’appareil du citoyen (ISO 8601, UTC).',
    status: 'Statut de modération : toujours « published » dans ces fichiers.',
    kind: '« comment » (commentaire), « gap » (manque de transparence signalé) ou « reply » (réponse d’un citoyen à une autre contribution).',
    gapType:
      'Pour un manque : missing-information, outdated, missing-data, broken-link, unclear-responsibility, no-contact, inaccessible ou other.',
    commitmentId: 'Engagement concerné (par exemple FR0067), s’il y en a un.',
    campaignId: 'Campagne d’une association à laquelle la contribution répond, s’il y en a une.',
    targetUrl: 'Adresse de la page commentée.',
    targetTitle: 'Titre de la page commentée.',
    quote: 'Passage de la page cité par le citoyen, s’il en a cité un.',
    body: 'Texte de la contribution, tel qu’écrit.',
    pseudonym: 'Pseudonyme choisi par le citoyen ; vide si la contribution est anonyme.',
    locale: 'Langue de la contribution (fr ou en).',
    source: 'Outil utilisé : « extension » ou « widget ».',
    replyBody: 'Réponse publiée par la modération de Vigie avec sa décision, s’il y en a une.',
    replyAt: 'Date et heure de cette réponse (ISO 8601, UTC).',
    answerStatus:
      'Où en est l’organisation concernée : received (reçue), in-progress (en cours de traitement), answered (réponse apportée) ou not-our-remit (hors de sa compétence) ; vide sans réponse.',
    answerOrganisation: 'Nom de l’organisation qui a répondu.',
    answerBody: 'Sa réponse, dans sa dernière version.',
    answerAt: 'Date et heure de cette version (ISO 8601, UTC).',
    parentId:
      'Pour une réponse d’un citoyen : l’identifiant de la contribution à laquelle elle répond (qui figure aussi dans le fichier) ; vide sinon.',
  },
  en: {
    id: 'The contribution’s identifier (a UUID); its page is /c/{id}.',
    receivedAt: 'When the platform received it (ISO 8601, UTC).',
    createdAt: 'When it was written on the citizen’s device (ISO 8601, UTC).',
    status: 'Moderation status: always “published” in these files.',
    kind: '“comment”, “gap” (a transparency gap reported) or “reply” (a citizen’s reply to another contribution).',
    gapType:
      'For a gap: missing-information, outdated, missing-data, broken-link, unclear-responsibility, no-contact, inaccessible or other.',
    commitmentId: 'The commitment it is about (e.g. FR0067), if any.',
    campaignId: 'The NGO campaign it answers, if any.',
    targetUrl: 'Address of the page commented on.',
    targetTitle: 'Title of the page commented on.',
    quote: 'The passage of the page the citizen quoted, if any.',
    body: 'The contribution’s text, as written.',
    pseudonym: 'The pseudonym the citizen chose; empty when the contribution is anonymous.',
    locale: 'The contribution’s language (fr or en).',
    source: 'The tool used: “extension” or “widget”.',
    replyBody: 'The reply Vigie’s moderators published with their decision, if any.',
    replyAt: 'When that reply was published (ISO 8601, UTC).',
    answerStatus:
      'Where the organisation concerned stands: received, in-progress, answered or not-our-remit; empty without an answer.',
    answerOrganisation: 'The name of the organisation that answered.',
    answerBody: 'Its answer, in its latest version.',
    answerAt: 'When that version was given (ISO 8601, UTC).',
    parentId:
      'For a citizen’s reply: the identifier of the contribution it answers (which is in the file too); empty otherwise.',
  },
};
