/// <reference types="vite/client" />
import { expect, it, describe as suite } from 'vitest';
import { anchor, buildTextModel, describe, DescribeError, type AnchorResult } from '../../api-client/anchoring';
import type { Selector } from '../../api-client/contract';
import planHtml from '../fixtures/plan-gouvernement-ouvert.html?raw';
import { editText, rangeBetween, rangeOfText, showPage, textNodeWith, visibleText } from '../support/anchoring-dom';

/** The range highlighted, or null when the result is a possible match or an orphan. */
const highlighted = (result: AnchorResult): Range | null => (result.kind === 'anchored' ? result.range : null);
/** The range offered as a possible match, or null. */
const offered = (result: AnchorResult): Range | null => (result.kind === 'possible' ? result.range : null);

const sameBoundaries = (result: AnchorResult, expected: Range): void => {
  const found = highlighted(result);
  expect(found).not.toBeNull();
  expect(found!.startContainer).toBe(expected.startContainer);
  expect(found!.startOffset).toBe(expected.startOffset);
  expect(found!.endContainer).toBe(expected.endContainer);
  expect(found!.endOffset).toBe(expected.endOffset);
};

suite('describe', () => {
  it('turns a selection across table cells into the words a reader sees, with 64 characters of context', () => {
    const body = showPage(planHtml);
    const [quote, position] = describe(rangeOfText(body, 'FR0067Rendre la commande'));
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'FR0067 Rendre la commande',
      prefix: " développement Ministère de l'Europe et des Affaires étrangères ",
      suffix: " publique plus transparente Ministère de l'Économie, des Finance",
    });
    const text = buildTextModel(body).text;
    const start = text.indexOf('FR0067 Rendre');
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 25 });
    expect(text.indexOf('FR0067 Rendre')).toBeGreaterThan(0);
  });

  it('reads a line break and the edge of a list item as one space', () => {
    const body = showPage(planHtml);
    expect(describe(rangeOfText(body, 'République'))[0].suffix).toBe(
      ' Française Transformation publique Engagements Calendrier Partic',
    );
    const [quote] = describe(rangeBetween(body, 'données commun.', 'Jalon 2'));
    expect(quote.exact).toBe('données commun. Jalon 2');
  });

  it('leaves out whitespace at the edges of the selection', () => {
    const body = showPage('<p>Un   premier paragraphe.</p>\n\n<p>  Un second.</p>');
    const range = document.createRange();
    range.setStart(textNodeWith(body, 'premier'), 2);
    range.setEnd(textNodeWith(body, 'second'), 2);
    const [quote, position] = describe(range);
    expect(quote.exact).toBe('premier paragraphe.');
    expect(position).toMatchObject({ start: 3, end: 22 });
  });

  it('refuses a selection with nothing visible in it, or longer than the contract allows', () => {
    const body = showPage('<p>Visible <span hidden>caché</span> texte.</p>' + `<p>${'mot '.repeat(600)}</p>`);
    const hidden = rangeOfText(body, 'caché');
    expect(() => describe(hidden)).toThrow(DescribeError);
    try {
      describe(hidden);
    } catch (error) {
      expect((error as DescribeError).code).toBe('quote.empty');
    }
    const long = rangeOfText(body, 'mot '.repeat(550));
    expect(() => describe(long)).toThrow(expect.objectContaining({ code: 'quote.too-long' }));
  });
});

suite('anchor', () => {
  it('finds every word of the page again at the very DOM points it was taken from', () => {
    const body = showPage(planHtml);
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let checked = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const word of node.data.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const selectors = describe(range);
        expect(selectors[0].exact).toBe(word[0]);
        sameBoundaries(anchor(body, selectors), range);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(350);
  });

  it('finds a quote across element boundaries again', () => {
    const body = showPage(planHtml);
    const range = rangeOfText(body, 'FR0067Rendre la commande');
    sameBoundaries(anchor(body, describe(range)), range);
  });

  it('finds a quote again after paragraphs are inserted before it', () => {
    const body = showPage(planHtml);
    const range = rangeOfText(body, 'Les données essentielles des marchés publics');
    const [quote, position] = describe(range);
    const added = [
      'Mise à jour du 3 mars : le calendrier a changé.',
      'Un nouvel engagement a été ajouté au plan.',
      'Consultez aussi la foire aux questions.',
    ];
    const h1 = body.querySelector('h1')!;
    for (const sentence of added) {
      const p = document.createElement('p');
      p.textContent = sentence;
      h1.before(p);
    }
    const found = anchor(body, [quote, position]);
    sameBoundaries(found, range);
    expect(describe(highlighted(found)!)[1].start).toBe(position.start + added.join(' ').length + 1);
  });

  it('offers a quote whose words were edited as a possible match, over the words as they now read', () => {
    const body = showPage(planHtml);
    const sentence =
      'Les données essentielles des marchés publics seront publiées dans un format ouvert et réutilisable.';
    const selectors = describe(rangeOfText(body, sentence));
    editText(body, 'seront publiées', 'sont désormais publiées');
    const found = anchor(body, selectors);
    expect(found.kind).toBe('possible');
    expect(visibleText(offered(found))).toBe(sentence.replace('seront publiées', 'sont désormais publiées'));
    expect(describe(offered(found)!)[1].start).toBe(selectors[1].start);
  });

  it('offers an edited quote when the page also moved and its context changed', () => {
    const body = showPage(planHtml);
    const selectors = describe(rangeOfText(body, 'Chaque engagement est porté par une institution pilote.'));
    editText(body, 'Chaque engagement est porté', 'Chacun des engagements est porté');
    body.querySelector('#engagements h2')!.textContent = 'Nos engagements';
    body.querySelector('h1')!.insertAdjacentHTML('beforebegin', `<p>${'Avis aux usagers. '.repeat(200)}</p>`);
    expect(visibleText(offered(anchor(body, selectors)))).toBe(
      'Chacun des engagements est porté par une institution pilote.',
    );
  });

  it('gives an orphan, not a neighbouring sentence, when the quoted words were deleted', () => {
    const body = showPage(planHtml);
    const sentence = describe(rangeBetween(body, 'La date de publication', 'encore connue.'));
    expect(sentence[0].exact).toBe("La date de publication de ce tableau de bord n'est pas encore connue.");
    const milestone = describe(rangeOfText(body, 'Jalon 2 : ouverture du portail aux acheteurs publics.'));

    const paragraph = textNodeWith(body, 'La date de publication');
    paragraph.data = 'Un tableau de bord de suivi sera mis à disposition du public.';
    [...body.querySelectorAll('li')].find((li) => li.textContent.startsWith('Jalon 2'))!.remove();

    expect(anchor(body, sentence)).toEqual({ kind: 'orphan' });
    expect(anchor(body, milestone)).toEqual({ kind: 'orphan' });
    // The neighbours are still there to be found.
    const neighbour = describe(rangeOfText(body, 'Jalon 3 : rapport annuel'));
    expect(visibleText(highlighted(anchor(body, neighbour)))).toBe('Jalon 3 : rapport annuel');
  });

  it('among repeated passages, the one whose context matches wins even when the page moved far', () => {
    const body = showPage(
      ['Transparence de la commande publique', 'Accès aux documents administratifs', 'Plan de relance']
        .map((h) => `<section><h2>${h}</h2><p>Les contributions sont publiées après modération.</p></section>`)
        .join('\n'),
    );
    const second = rangeOfText(body, 'Les contributions sont publiées après modération.', 1);
    const selectors = describe(second);
    body.insertAdjacentHTML('afterbegin', `<p>${'Information importante. '.repeat(40)}</p>`);
    sameBoundaries(anchor(body, selectors), second);
  });

  it('among passages repeated with the same context, the nearest to its old position wins; with no position, none', () => {
    const item = '<li>Pièce justificative : copie de la décision contestée.</li>';
    const body = showPage(`<h2>Pièces à fournir</h2><ul>${item.repeat(8)}</ul><p>Fin de la liste.</p>`);
    const third = rangeOfText(body, 'copie de la décision contestée.', 2);
    const [quote, position] = describe(third);
    const fourth = describe(rangeOfText(body, 'copie de la décision contestée.', 3));
    expect(fourth[0]).toEqual(quote);
    body.insertAdjacentHTML('afterbegin', '<p>Nouveau.</p>');
    sameBoundaries(anchor(body, [quote, position]), third);
    expect(anchor(body, [quote])).toEqual({ kind: 'orphan' });
  });

  it('does not mind re-indented markup, no-break spaces or line breaks', () => {
    const before = showPage('<h2>Mentions</h2><p>Accessibilité&nbsp;: non conforme —\n      Données personnelles</p>');
    const selectors = describe(rangeBetween(before, 'Accessibilité', 'personnelles'));
    expect(selectors[0].exact).toBe('Accessibilité : non conforme — Données personnelles');

    const after = showPage(
      '<h2>\n  Mentions\n</h2>\n<p>\n  Accessibilité\u202f: non\u00a0conforme&nbsp;—<br>Données <strong>personnelles</strong>\n</p>',
    );
    const found = highlighted(anchor(after, selectors));
    expect(found).not.toBeNull();
    // The <br> is a space on screen, though Range.toString() has none.
    expect(describe(found!)).toEqual(selectors);
  });

  it('does not count hidden, script, style, noscript or template text, but counts aria-hidden text', () => {
    const body = showPage(
      '<p>Le délai de recours est de <span hidden>trois</span><span style="display:none">quatre</span>deux' +
        '<script>var mois = 2;</script><style>p { color: inherit }</style><noscript>six</noscript><template>dix</template>' +
        ' mois <span aria-hidden="true">★</span> à compter de la trans&shy;mission.</p>',
    );
    const range = document.createRange();
    range.selectNodeContents(body.querySelector('p')!);
    const selectors = describe(range);
    expect(selectors[0].exact).toBe('Le délai de recours est de deux mois ★ à compter de la transmission.');

    body.querySelectorAll('[hidden], [style], script, style, noscript, template').forEach((e) => e.remove());
    const found = highlighted(anchor(body, selectors));
    expect(describe(found!)).toEqual(selectors);
  });

  it('trusts a position alone only while the page still has text there', () => {
    const body = showPage('<p>Court.</p>');
    const position: Selector = { type: 'TextPositionSelector', start: 0, end: 5 };
    expect(visibleText(highlighted(anchor(body, [position])))).toBe('Court');
    expect(anchor(body, [{ type: 'TextPositionSelector', start: 2, end: 50 }])).toEqual({ kind: 'orphan' });
  });
});
