import type { ContributionInput } from '../../api-client/contract';

/** A valid contribution, with the fields a test cares about overridden. */
export function aContribution(overrides: Partial<ContributionInput> = {}): ContributionInput {
  return {
    id: crypto.randomUUID(),
    kind: 'comment',
    body: "Le jeu de données promis sur les marchés publics n'est toujours pas publié.",
    target: {
      url: 'https://www.modernisation.gouv.fr/plan-gouvernement-ouvert',
      title: 'Plan d’action national pour un gouvernement ouvert',
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'rendre la commande publique plus transparente',
          prefix: 'Engagement 12 : ',
          suffix: ' d’ici 2023.',
        },
        { type: 'TextPositionSelector', start: 1204, end: 1250 },
      ],
    },
    commitmentId: 'FR0067',
    locale: 'fr',
    source: 'widget',
    createdAt: '2026-11-27T09:30:00.000Z',
    ...overrides,
  };
}
