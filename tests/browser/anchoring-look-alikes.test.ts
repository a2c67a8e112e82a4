import { expect, it, describe as suite } from 'vitest';
import { anchor, anchorAll, CONTEXT_LENGTH, type AnchorResult } from '../../api-client/anchoring';
import { describeWith, editText, rangeOfText, showPage, visibleText } from '../support/anchoring-dom';

/*
 * Written by hand, apart from the benchmark's generated pages: the look-alikes
 * legal texts are full of, each with its right answer. A look-alike is never
 * highlighted; it may be offered as a possible match, for the reader to say.
 */

const highlighted = (result: AnchorResult): string | null =>
  result.kind === 'anchored' ? visibleText(result.range) : null;
const offered = (result: AnchorResult): string | null =>
  result.kind === 'possible' ? visibleText(result.range) : null;

// Quotes recorded today keep 64 characters of context on each side; those stored before keep 32.
for (const context of new Set([CONTEXT_LENGTH, 32])) {
  const describe = describeWith(context);
  suite(`recorded with ${context} characters of context`, () => {
    const measures = (first: string, second: string) => `
  <article id="art-440"><h2>Article 440</h2>
    <p id="p1">La mesure de ${first} est prononcée par le juge des contentieux de la protection pour une durée qui ne peut excéder cinq ans ; elle peut être renouvelée par une décision spécialement motivée.</p>
    <p id="p2">La mesure de ${second} est prononcée par le juge des contentieux de la protection pour une durée qui ne peut excéder cinq ans ; elle peut être renouvelée par une décision spécialement motivée.</p>
  </article>
  <article id="art-441"><h2>Article 441</h2>
    <p>Le juge statue au vu d’un certificat circonstancié rédigé par un médecin choisi sur une liste établie par le procureur de la République.</p>
  </article>`;

    suite('sibling paragraphs that differ by one term', () => {
      it('the "tutelle" paragraph deleted: its quote is not highlighted on the "curatelle" one', () => {
        const body = showPage(measures('tutelle', 'curatelle'));
        const withTerm = describe(rangeOfText(body, 'La mesure de tutelle est prononcée'));
        // The term is not in these words, but in their context: the sibling reads the same words.
        const afterTerm = describe(rangeOfText(body, 'est prononcée par le juge des contentieux'));
        body.querySelector('#p1')!.remove();

        for (const result of [anchor(body, withTerm), anchor(body, afterTerm)]) {
          expect(highlighted(result)).toBeNull();
        }
        // Offered for the reader to judge, over the sibling's own words.
        expect(offered(anchor(body, withTerm))).toBe('La mesure de curatelle est prononcée');
        expect(offered(anchor(body, afterTerm))).toBe('est prononcée par le juge des contentieux');
      });

      it('a term longer than the recorded context makes no difference', () => {
        const authorities = (first: string, second: string) =>
          `<h2>Article 12</h2><p id="p1">Lorsque la demande est incomplète, ${first} invite le demandeur à la compléter dans un délai de quinze jours.</p>` +
          `<p id="p2">Lorsque la demande est incomplète, ${second} invite le demandeur à la compléter dans un délai de quinze jours.</p>` +
          '<h2>Article 13</h2><p>La décision est notifiée à l’intéressé.</p>';
        const term = 'la commission départementale de la nature, des paysages et des sites';
        const body = showPage(authorities(term, 'le maire'));
        const quote = describe(rangeOfText(body, 'invite le demandeur à la compléter'));
        // All of the prefix lies inside the term.
        expect(quote[0].prefix!.length).toBe(context);
        expect(`${term} `.endsWith(quote[0].prefix!)).toBe(true);
        body.querySelector('#p1')!.remove();
        expect(highlighted(anchor(body, quote))).toBeNull();
      });

      it('the quote in the kept sibling is still highlighted, its neighbour gone', () => {
        const body = showPage(measures('tutelle', 'curatelle'));
        const kept = describe(rangeOfText(body, 'elle peut être renouvelée par une décision spécialement motivée.', 1));
        body.querySelector('#p1')!.remove();
        const result = anchor(body, kept);
        expect(highlighted(result)).toBe('elle peut être renouvelée par une décision spécialement motivée.');
        expect(result.kind === 'anchored' && body.querySelector('#p2')!.contains(result.range.startContainer)).toBe(
          true,
        );
      });
    });

    const articles = (firstCopy: string) => `
  <article><h2>Article L. 211-2</h2>
    <p id="a1">Les décisions individuelles défavorables sont motivées. ${firstCopy} Le demandeur peut présenter des observations écrites.</p>
  </article>
  <article><h2>Article L. 211-3</h2>
    <p id="a2">Les décisions de retrait sont notifiées sans délai. Le délai de recours contentieux court à compter de la notification de la décision. Le silence gardé vaut rejet.</p>
  </article>`;
    const shared = 'Le délai de recours contentieux court à compter de la notification de la décision.';

    suite('a sentence two sibling articles share, word for word', () => {
      it('reworded in the quoted article: offered there, never highlighted in the other article', () => {
        const body = showPage(articles(shared));
        const quote = describe(rangeOfText(body, shared));
        editText(body.querySelector('#a1')!, 'court à compter', 'ne court qu’à compter');
        const result = anchor(body, quote);
        expect(highlighted(result)).toBeNull();
        expect(result.kind === 'possible' && body.querySelector('#a1')!.contains(result.range.startContainer)).toBe(
          true,
        );
      });

      it('deleted from the quoted article: not highlighted in the other one', () => {
        const body = showPage(articles(shared));
        const quote = describe(rangeOfText(body, shared));
        editText(body.querySelector('#a1')!, ` ${shared}`, '');
        expect(highlighted(anchor(body, quote))).toBeNull();
      });
    });

    suite('a short generic phrase said elsewhere in other words', () => {
      const page = `
    <h2>Article 509</h2><p id="x">Le jugement de divorce prononcée à l’étranger est transcrit à la demande de l’un des époux.</p>
    <h2>Article 510</h2><p>L’adoption prononcée à l’étranger produit en France les effets d’une adoption plénière.</p>
    <h2>Article 511</h2><p>Toute mesure de protection prononcée à l’étranger peut être rendue exécutoire par le juge.</p>`;

      it('its paragraph deleted, the phrase is an orphan', () => {
        const body = showPage(page);
        const quote = describe(rangeOfText(body, 'prononcée à l’étranger'));
        body.querySelector('#x')!.remove();
        expect(anchor(body, quote)).toEqual({ kind: 'orphan' });
      });

      it('its paragraph kept, the phrase is highlighted where it was, not at its first copy', () => {
        const body = showPage(page);
        const second = rangeOfText(body, 'prononcée à l’étranger', 1);
        const quote = describe(second);
        body.insertAdjacentHTML('afterbegin', '<p>Mis à jour le 3 mars 2025.</p>');
        const result = anchor(body, quote);
        expect(result.kind === 'anchored' && result.range.startContainer === second.startContainer).toBe(true);
      });
    });

    suite('what is still highlighted', () => {
      it('a quote whose neighbouring paragraphs changed, where its neighbours say the page moved', async () => {
        const body = showPage(
          '<h2>Article 1</h2><p>Premier alinéa sans rapport avec le reste du texte.</p>' +
            '<p id="target">Les pièces justificatives sont transmises par voie électronique.</p>' +
            '<p id="next">Un arrêté fixe la liste des pièces.</p><h2>Article 2</h2><p>Dernier alinéa du texte.</p>' +
            '<h2>Article 3</h2><p>Un article que rien ne change.</p>',
        );
        const quotes = [
          describe(rangeOfText(body, 'Premier alinéa sans rapport')),
          describe(rangeOfText(body, 'Les pièces justificatives sont transmises')),
          describe(rangeOfText(body, 'Dernier alinéa du texte.')),
          describe(rangeOfText(body, 'Un article que rien ne change.')),
        ];
        // A paragraph inserted before the quote, and the one after it rewritten.
        body
          .querySelector('#target')!
          .insertAdjacentHTML('beforebegin', '<p>Alinéa ajouté par la loi du 3 mars 2025.</p>');
        body.querySelector('#next')!.textContent = 'Le ministre chargé du budget fixe par arrêté la liste complète.';
        const results = await anchorAll(body, quotes);
        expect(results.map(highlighted)).toEqual([
          'Premier alinéa sans rapport',
          'Les pièces justificatives sont transmises',
          'Dernier alinéa du texte.',
          'Un article que rien ne change.',
        ]);
      });

      it('a quote whose apostrophes a republished page curled', () => {
        const body = showPage(
          "<p>Le droit d'accès aux documents s'exerce auprès de l'administration qui les détient.</p>",
        );
        const quote = describe(rangeOfText(body, "Le droit d'accès aux documents s'exerce"));
        const p = body.querySelector('p')!;
        p.textContent = p.textContent.replaceAll("'", '’');
        expect(highlighted(anchor(body, quote))).toBe('Le droit d’accès aux documents s’exerce');
      });
    });
  });
}
