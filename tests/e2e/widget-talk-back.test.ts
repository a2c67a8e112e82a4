import { describe, expect, it } from 'vitest';
import type { ContributionInput } from '../../api-client/contract';
import { createVigieClient } from '../../api-client/http';
import { aContribution } from '../support/contributions';
import { administrationOf, moderatorOf } from '../support/moderator';
import { axeViolations, context, openDemo, page, site, useWidgetDemo } from '../support/widget-e2e';

// Published on arrival, as `npm start` runs: what a test publishes through the API shows at once.
useWidgetDemo();

const widget = () => page.locator('vigie-feedback');
const api = () => createVigieClient({ baseUrl: site.platform.url });
const item = (text: string) => widget().locator('[part=list] > li').filter({ hasText: text });
const supportButton = (text: string) => item(text).getByRole('button', { name: 'Moi aussi' });
const liveNote = () => widget().locator('.share-note');

/** A contribution on the demo page's commitment, published at once; its words are unique. */
async function published(words: string, overrides: Partial<ContributionInput> = {}): Promise<ContributionInput> {
  const input = aContribution({ body: `${words} ${crypto.randomUUID()}`, ...overrides });
  const [result] = await api().submitBatch([input]);
  expect(result?.outcome).toBe('created');
  return input;
}

async function aReplyTo(parent: ContributionInput, words: string): Promise<ContributionInput> {
  return published(words, {
    kind: 'reply',
    parentId: parent.id,
    target: { url: parent.target.url, title: parent.target.title, selectors: [] },
    commitmentId: undefined,
  });
}

async function showList(): Promise<void> {
  await openDemo();
  await widget().getByRole('button', { name: 'Afficher les contributions publiées' }).click();
  await expect.poll(() => widget().locator('[part=list]').count(), { timeout: 15_000 }).toBe(1);
}

/** "Moi aussi" requests the platform answered (those tried offline fail before reaching it). */
const supportRequests: string[] = [];
const countSupportRequests = () =>
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('/support')) supportRequests.push(`${request.method()} ${request.url()}`);
  });

describe('"Moi aussi" in the widget', () => {
  it('pressed offline, it is kept on the device, shown at once, sent once when the network returns, and still pressed after a reload', async () => {
    const contribution = await published('Le tableau de bord n’est plus à jour.');
    supportRequests.length = 0;
    countSupportRequests();
    await showList();
    const button = supportButton(contribution.body);
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    expect(await item(contribution.body).textContent()).toContain('Personne n’a encore dit « moi aussi »');
    expect(await axeViolations()).toEqual([]);

    await context.setOffline(true);
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => item(contribution.body).textContent())
      .toContain('1 personne dit « moi aussi » (enregistré sur cet appareil, en attente d’envoi)');
    await expect.poll(() => liveNote().textContent()).toContain('partira au retour de la connexion');
    expect((await api().getContribution(contribution.id)).supportCount).toBe(0);
    expect(await axeViolations()).toEqual([]);

    await context.setOffline(false);
    await expect.poll(async () => (await api().getContribution(contribution.id)).supportCount).toBe(1);
    await expect.poll(() => item(contribution.body).textContent()).not.toContain('en attente d’envoi');
    expect(await item(contribution.body).textContent()).toContain('1 personne dit « moi aussi »');
    expect(supportRequests.filter((r) => r.startsWith('POST'))).toHaveLength(1);

    await page.reload();
    await widget().getByRole('button', { name: 'Afficher les contributions publiées' }).click();
    await expect.poll(() => supportButton(contribution.body).getAttribute('aria-pressed')).toBe('true');
    // Taken back: one DELETE, and the count goes down.
    await supportButton(contribution.body).click();
    await expect.poll(async () => (await api().getContribution(contribution.id)).supportCount).toBe(0);
    await expect.poll(() => supportButton(contribution.body).getAttribute('aria-pressed')).toBe('false');
    expect(supportRequests.filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });

  it('where the live stream cannot pass (a proxy that blocks it), the platform’s answer gives the count', async () => {
    const contribution = await published('Aucune date pour la prochaine mise à jour.');
    await context.route('**/v1/stream?*', (route) => route.abort('blockedbyclient'));
    try {
      await showList();
      const button = supportButton(contribution.body);
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
      await button.click();
      await expect.poll(async () => (await api().getContribution(contribution.id)).supportCount).toBe(1);
      await expect.poll(() => item(contribution.body).textContent()).not.toContain('en attente d’envoi');
      expect(await item(contribution.body).textContent()).toContain('1 personne dit « moi aussi »');
      // Taken back: the answer says none again.
      await button.click();
      await expect.poll(async () => (await api().getContribution(contribution.id)).supportCount).toBe(0);
      await expect.poll(() => item(contribution.body).textContent()).not.toContain('en attente d’envoi');
      expect(await item(contribution.body).textContent()).toContain('Personne n’a encore dit « moi aussi »');
    } finally {
      await context.unroute('**/v1/stream?*');
    }
  });

  it('pressed on, off and on offline, one support leaves; the list can be sorted by support', async () => {
    const quiet = await published('Aucun compte rendu depuis juin.');
    const supported = await published('Le lien vers les données est cassé.');
    supportRequests.length = 0;
    countSupportRequests();
    await showList();
    await context.setOffline(true);
    for (let i = 0; i < 3; i++) await supportButton(supported.body).click();
    await expect.poll(() => supportButton(supported.body).getAttribute('aria-pressed')).toBe('true');
    await context.setOffline(false);
    await expect.poll(async () => (await api().getContribution(supported.id)).supportCount).toBe(1);
    expect(supportRequests).toHaveLength(1);

    // The newest first by default: the supported one was published last, so make the quiet one newer.
    const newest = await published('Le calendrier du comité est introuvable.');
    await page.reload();
    await widget().getByRole('button', { name: 'Afficher les contributions publiées' }).click();
    const bodies = () => widget().locator('[part=list] > li .body').allTextContents();
    await expect.poll(async () => (await bodies())[0]).toBe(newest.body);
    await widget().getByRole('combobox', { name: 'Trier' }).selectOption('support');
    await expect.poll(async () => (await bodies())[0]).toBe(supported.body);
    expect((await bodies()).indexOf(quiet.body)).not.toBe(0);
    expect(await axeViolations()).toEqual([]);
  });
});

describe('replies in the widget', () => {
  it('shows replies on demand, oldest first, and sends a reply drafted offline once', async () => {
    const parent = await published('Les indicateurs de suivi ne sont pas publiés.');
    const first = await aReplyTo(parent, 'Même constat.');
    const second = await aReplyTo(parent, 'Toujours rien aujourd’hui.');
    await showList();
    const toggle = item(parent.body).getByRole('button', { name: '2 réponses' });
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    // Replies are not in the list itself: they come under their parent.
    expect(await widget().locator('[part=list] > li').filter({ hasText: first.body }).count()).toBe(0);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const replies = item(parent.body).locator('.replies > li .body');
    await expect.poll(() => replies.allTextContents()).toEqual([first.body, second.body]);
    expect(await axeViolations()).toEqual([]);

    await item(parent.body).getByRole('button', { name: 'Répondre' }).click();
    const box = item(parent.body).getByRole('textbox', { name: /^Votre réponse à/ });
    await expect.poll(() => box.evaluate((e) => e.matches(':focus'))).toBe(true);
    expect(await axeViolations()).toEqual([]);
    await context.setOffline(true);
    const words = `Je confirme, rien depuis mars ${crypto.randomUUID()}`;
    await box.fill(words);
    await item(parent.body).getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect
      .poll(() => item(parent.body).locator('.reply-status').textContent())
      .toContain('partira dès le retour de la connexion');
    expect(await axeViolations()).toEqual([]);
    await context.setOffline(false);
    await expect
      .poll(() => item(parent.body).locator('.reply-status').textContent(), { timeout: 15_000 })
      .toContain('a été reçue et publiée');
    const onPlatform = (await api().listReplies(parent.id)).items.filter((r) => r.body === words);
    expect(onPlatform).toHaveLength(1);
    // Published, it comes live under its parent, after the others.
    await expect.poll(() => replies.allTextContents()).toEqual([first.body, second.body, words]);
  });
});

/** The reply drafts in the widget's IndexedDB on this origin. */
const replyDraftsOnDevice = () =>
  page.evaluate(
    () =>
      new Promise<Array<{ parentId?: string; body?: string }>>((resolve, reject) => {
        const open = indexedDB.open('vigie-widget');
        open.onsuccess = () => {
          const all = open.result.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => {
            const drafts = all.result as Array<{ input: { kind?: string; parentId?: string; body?: string } }>;
            resolve(
              drafts
                .filter((d) => d.input.kind === 'reply')
                .map((d) => ({ parentId: d.input.parentId, body: d.input.body })),
            );
            open.result.close();
          };
          all.onerror = () => reject(new Error('drafts unreadable'));
        };
      }),
  );

/**
 * After a reload with words waiting on the device, the widget wakes by itself and reads the
 * list at once; otherwise the list waits behind its button.
 */
async function listShownAgain(): Promise<void> {
  const show = widget().getByRole('button', { name: 'Afficher les contributions publiées' });
  const list = widget().locator('[part=list]');
  await expect.poll(async () => (await show.count()) + (await list.count()), { timeout: 15_000 }).toBeGreaterThan(0);
  if ((await list.count()) === 0) await show.click();
  await expect.poll(() => list.count(), { timeout: 15_000 }).toBe(1);
}

describe('a reply being written', () => {
  it('comes back open with its words after a reload, and a refused one comes back with the reason', async () => {
    const parent = await published('La page des engagements ne dit pas qui contacter.');
    await showList();
    await item(parent.body).getByRole('button', { name: 'Répondre' }).click();
    const box = () => item(parent.body).getByRole('textbox', { name: /^Votre réponse à/ });
    const words = `Une réponse pas encore envoyée ${crypto.randomUUID()}`;
    await box().fill(words);
    // Kept within 250 ms of the last keystroke, on this device: a draft of kind reply under its parent.
    await expect.poll(() => replyDraftsOnDevice()).toContainEqual({ parentId: parent.id, body: words });
    await page.reload();
    await listShownAgain();
    await expect.poll(() => box().inputValue(), { timeout: 15_000 }).toBe(words);

    // Sent offline; meanwhile the parent leaves public view: the platform refuses the reply, the words stay.
    await context.setOffline(true);
    await item(parent.body).getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect.poll(() => item(parent.body).locator('.reply-status').textContent()).toContain('partira');
    await (await moderatorOf(site.platform)).hide(parent.id);
    await context.setOffline(false);
    // The parent leaves the list live; the refusal is kept with the draft, shown when it is listed again.
    await expect.poll(() => item(parent.body).count(), { timeout: 15_000 }).toBe(0);
    await (await moderatorOf(site.platform)).publish(parent.id);
    await page.reload();
    await listShownAgain();
    await expect.poll(() => box().inputValue(), { timeout: 15_000 }).toBe(words);
    expect(await item(parent.body).locator('.error').textContent()).toContain('Réponse refusée');
    expect(await box().getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('the list stays live', () => {
  it('shows new contributions, counts, replies, answers and removals without a reload, said politely', async () => {
    const parent = await published('Le rapport annuel manque.');
    await showList();
    await expect.poll(() => item(parent.body).count()).toBe(1);

    const arrived = await published('Publié pendant la lecture.');
    await expect.poll(() => item(arrived.body).count(), { timeout: 15_000 }).toBe(1);
    expect(await widget().locator('[part=list] > li .body').first().textContent()).toBe(arrived.body);
    await expect.poll(() => liveNote().textContent()).toBe('Une nouvelle contribution vient d’être publiée.');

    await api().supportContribution(parent.id, 'b'.repeat(64));
    await expect.poll(() => item(parent.body).textContent()).toContain('1 personne dit « moi aussi »');

    const reply = await aReplyTo(parent, 'Une réponse arrive.');
    await expect.poll(() => item(parent.body).getByRole('button', { name: '1 réponse' }).count()).toBe(1);
    await item(parent.body).getByRole('button', { name: '1 réponse' }).click();
    await expect.poll(() => item(parent.body).locator('.replies').textContent()).toContain(reply.body);

    // The ministry leading FR0067 answers: the answer shows under the contribution, said politely.
    const ministry = await administrationOf(site.platform, 'Ministère de l’Économie', ['--commitments', 'FR0067']);
    await ministry.answer(parent.id, { body: 'Le rapport paraîtra en avril.', status: 'in-progress' });
    await expect
      .poll(() => item(parent.body).locator('.answer').textContent(), { timeout: 15_000 })
      .toContain('Le rapport paraîtra en avril.');
    await expect.poll(() => liveNote().textContent()).toBe('Une contribution vient de recevoir une réponse.');

    // Hidden by a moderator: it leaves the list; the focus that was in it goes to the list.
    await supportButton(arrived.body).focus();
    await (await moderatorOf(site.platform)).hide(arrived.id);
    await expect.poll(() => item(arrived.body).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => liveNote().textContent()).toBe('Une contribution a été retirée de la liste.');
    await expect.poll(() => widget().evaluate((w) => w.shadowRoot?.activeElement?.id)).toBe('published-list');
    expect(await axeViolations()).toEqual([]);
  });
});
