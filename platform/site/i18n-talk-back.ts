/**
 * The public pages' words for citizens talking back: support counts, replies, and the live
 * commitment page. Part of the site's catalogue (i18n.ts), which spreads them into its own;
 * kept apart because they are a feature of their own. French first; English must have
 * every French key (checked by the type below).
 */
const frNumber = (n: number) => n.toLocaleString('fr-FR');
const enNumber = (n: number) => n.toLocaleString('en-GB');

export const talkBackWordsFr = {
  'contribution.reply': 'Réponse',
  'support.one': '{n} personne dit « moi aussi »',
  'support.other': '{n} personnes disent « moi aussi »',
  'replies.heading': 'Réponses des citoyens ({n})',
  'replies.all': (n: number) => `Voir les ${frNumber(n)} réponses`,
  'replies.allOf': 'Réponses des citoyens, les plus anciennes d’abord',
  'replies.shown': (shown: number, total: number) =>
    `Les ${frNumber(shown)} premières réponses sur ${frNumber(total)} sont affichées.`,
  'reply.by': (who: string) => `Réponse de ${who}`,
  'reply.to': 'Voir la contribution à laquelle elle répond',
  'reply.title': (date: string) => `Réponse publiée le ${date}`,
  'reply.permalink': 'Lien permanent de la réponse',
  'talk.how':
    'Pour dire « moi aussi » ou répondre, utilisez le module Vigie sur le site de l’administration, ou l’extension Vigie.',
  'live.note':
    'Cette page se met à jour en direct : les nouvelles contributions, réponses et soutiens s’affichent sans la recharger.',
  'live.newContribution': (kind: string, who: string) => `Nouvelle contribution publiée : ${kind}, par ${who}.`,
  'live.newReply': (who: string) => `Nouvelle réponse de ${who}.`,
  'live.removed': 'Une contribution a été retirée de cette page.',
  'live.answered': 'Une contribution de cette page a reçu une réponse.',
  'live.reset': 'Des changements ont eu lieu pendant que la page était déconnectée.',
  'live.reload': 'Recharger la page',
  'param.sort': 'le tri doit être « recent » ou « soutien ».',
  'sort.label': 'Trier les contributions',
  'sort.recent': 'Les plus récentes d’abord',
  'sort.support': 'Les plus soutenues d’abord',
  'sort.bySupport': 'Les plus soutenues d’abord (« moi aussi »), puis les plus récentes.',
  'talk.support': 'Moi aussi',
  'talk.supportOffline': 'Votre « moi aussi » est gardé sur cet appareil : il partira au retour du réseau.',
  'talk.supportUnavailable': '« Moi aussi » n’est pas possible dans ce navigateur : il faut une connexion https.',
  'talk.reply': 'Répondre',
  'talk.replyTo': (who: string) => `Répondre à ${who}`,
  'talk.body': 'Votre réponse',
  'talk.bodyHint': 'Visible de tous une fois publiée : n’y mettez pas de données personnelles.',
  'talk.pseudonym': 'Pseudonyme (facultatif)',
  'talk.pseudonymHint': 'Sans pseudonyme, votre réponse est anonyme.',
  'talk.send': 'Envoyer la réponse',
  'talk.close': 'Fermer',
  'talk.ownReply': 'Votre réponse',
  'talk.saved': 'Votre réponse est gardée sur cet appareil : elle partira dès que possible.',
} as const;

type TalkBackWords = {
  [K in keyof typeof talkBackWordsFr]: (typeof talkBackWordsFr)[K] extends string
    ? string
    : (typeof talkBackWordsFr)[K];
};

export const talkBackWordsEn: TalkBackWords = {
  'contribution.reply': 'Reply',
  'support.one': '{n} person says “me too”',
  'support.other': '{n} people say “me too”',
  'replies.heading': 'Citizens’ replies ({n})',
  'replies.all': (n: number) => `See all ${enNumber(n)} replies`,
  'replies.allOf': 'Citizens’ replies, oldest first',
  'replies.shown': (shown: number, total: number) =>
    `The first ${enNumber(shown)} replies of ${enNumber(total)} are shown.`,
  'reply.by': (who: string) => `Reply by ${who}`,
  'reply.to': 'See the contribution it replies to',
  'reply.title': (date: string) => `Reply published on ${date}`,
  'reply.permalink': 'Permalink of the reply',
  'talk.how': 'To say “me too” or to reply, use the Vigie module on the administration’s site, or the Vigie extension.',
  'live.note': 'This page updates live: new contributions, replies and supports show without reloading it.',
  'live.newContribution': (kind: string, who: string) => `New contribution published: ${kind}, by ${who}.`,
  'live.newReply': (who: string) => `New reply by ${who}.`,
  'live.removed': 'A contribution was removed from this page.',
  'live.answered': 'A contribution on this page got an answer.',
  'live.reset': 'Things changed while the page was disconnected.',
  'live.reload': 'Reload the page',
  'param.sort': 'the order must be “recent” or “soutien”.',
  'sort.label': 'Sort the contributions',
  'sort.recent': 'Newest first',
  'sort.support': 'Most supported first',
  'sort.bySupport': 'Most supported first (“me too”), then newest.',
  'talk.support': 'Me too',
  'talk.supportOffline': 'Your “me too” is kept on this device: it will be sent when the network is back.',
  'talk.supportUnavailable': '“Me too” is not possible in this browser: it needs an https connection.',
  'talk.reply': 'Reply',
  'talk.replyTo': (who: string) => `Reply to ${who}`,
  'talk.body': 'Your reply',
  'talk.bodyHint': 'Visible to all once published: do not put personal data in it.',
  'talk.pseudonym': 'Pseudonym (optional)',
  'talk.pseudonymHint': 'Without a pseudonym, your reply is anonymous.',
  'talk.send': 'Send the reply',
  'talk.close': 'Close',
  'talk.ownReply': 'Your reply',
  'talk.saved': 'Your reply is kept on this device: it will be sent as soon as possible.',
};
