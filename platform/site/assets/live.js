// The commitment page, live: a list marked data-live follows the platform's Server-Sent
// Events (from the event id the page was made at, so nothing between is missed). A new
// contribution or reply is fetched as the server renders it (/fragments/…, the same
// markup and escaping as the page) and put in place; counts are filled into the page's
// own word templates; what leaves public view leaves the page. Each change is said in a
// polite live region and never takes the focus; if the focus was in what left, it goes
// to the list's heading. Without JavaScript, or EventSource, the page is as served.
// No inline code: this file is what the pages' Content-Security-Policy allows.
const section = document.querySelector('[data-live]');
if (section instanceof HTMLElement && 'EventSource' in window) follow(section);

function follow(section) {
  const list = section.querySelector('[data-live-list]');
  const announcer = section.querySelector('[data-live-announcer]');
  const heading = section.querySelector('h2');
  const english = document.documentElement.lang === 'en';
  const lang = new URL(location.href).searchParams.get('lang');
  const words = section.dataset;
  const fill = (template, n) => template.replace('{n}', n.toLocaleString(english ? 'en-GB' : 'fr-FR'));
  const say = (text) => {
    if (announcer && text) announcer.textContent = text;
  };
  const find = (id) => section.querySelector(`[data-contribution="${CSS.escape(id)}"]`);
  const gone = new Set();

  async function rendered(id) {
    const url = new URL(words.fragments + encodeURIComponent(id), location.href);
    if (lang) url.searchParams.set('lang', lang);
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    if (!response.ok) return null;
    const parsed = new DOMParser().parseFromString(await response.text(), 'text/html');
    const element = parsed.body.firstElementChild;
    return element && !gone.has(id) ? document.adoptNode(element) : null;
  }

  async function added(contribution) {
    if (find(contribution.id)) return;
    if (contribution.parentId) {
      const replies = section.querySelector(`[data-replies-of="${CSS.escape(contribution.parentId)}"]`);
      if (!replies) return;
      const item = await rendered(contribution.id);
      if (!item || find(contribution.id)) return;
      replies.querySelector('ol')?.append(item);
      replies.hidden = false;
      say(item.dataset.announce);
    } else if ('firstPage' in words && list) {
      const card = await rendered(contribution.id);
      if (!card || find(contribution.id)) return;
      list.prepend(card);
      for (const none of section.querySelectorAll('[data-live-none]')) none.hidden = true;
      say(card.dataset.announce);
    }
  }

  async function answered(contribution) {
    const shown = find(contribution.id);
    if (!shown) return;
    const fresh = await rendered(contribution.id);
    if (!fresh) return;
    // The organisation's answer and the moderators' reply, as the server shows them now.
    const answers = [...fresh.querySelectorAll(':scope > .vigie-answer')];
    const old = [...shown.querySelectorAll(':scope > .vigie-answer, :scope > .vigie-no-answer')];
    const text = (elements) => elements.map((element) => element.textContent).join('\n');
    // Replayed after a reconnection, answers the page shows already are not news.
    if (answers.length === 0 || text(old) === text(answers)) return;
    const place = old[0] ?? shown.querySelector(':scope > [data-support-count]');
    place?.before(...answers);
    for (const element of old) element.remove();
    say(words.answered);
  }

  function counted({ id, supportCount, replyCount }) {
    const shown = find(id);
    if (!shown) return;
    const support = shown.querySelector(':scope > [data-support-count]');
    if (support) {
      const singular = english ? supportCount === 1 : supportCount <= 1;
      support.textContent = fill(singular ? words.supportOne : words.supportOther, supportCount);
      support.dataset.supportCount = String(supportCount);
      support.hidden = supportCount === 0;
      // The talk-back script adds this device's « moi aussi » not yet sent, without counting it twice.
      support.dispatchEvent(new CustomEvent('vigie:counted', { bubbles: true }));
    }
    const replies = section.querySelector(`[data-replies-of="${CSS.escape(id)}"]`);
    const count = replies?.querySelector('[data-reply-count]');
    if (replies && count) {
      count.textContent = fill(words.repliesHeading, replyCount);
      count.dataset.replyCount = String(replyCount);
      replies.hidden = replyCount === 0 && !replies.querySelector('li');
    }
  }

  function removed({ id }) {
    gone.add(id);
    const shown = find(id);
    if (!shown) return;
    const hadFocus = shown.contains(document.activeElement);
    shown.remove();
    if (hadFocus) heading?.focus();
    say(words.removed);
  }

  function reset(source) {
    source.close();
    const box = section.querySelector('[data-live-reset]');
    if (!box) return;
    const text = document.createElement('p');
    text.textContent = words.reset;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'fr-btn fr-btn--secondary fr-btn--sm';
    button.textContent = words.reload;
    button.addEventListener('click', () => location.reload());
    box.replaceChildren(text, button);
    box.hidden = false;
    say(words.reset);
  }

  const source = new EventSource(words.live);
  const note = section.querySelector('[data-live-note]');
  if (note) note.hidden = false;
  // One change at a time, in the order they happened: a removal never overtakes the insertion it undoes.
  let queue = Promise.resolve();
  const handle = (work) => (event) => {
    queue = queue.then(() => work(JSON.parse(event.data))).catch(() => undefined);
  };
  source.addEventListener('contribution', handle(added));
  source.addEventListener('answer', handle(answered));
  source.addEventListener('counts', handle(counted));
  source.addEventListener('removed', handle(removed));
  source.addEventListener('reset', () => reset(source));
  source.addEventListener('error', () => {
    // Refused (too many streams) or gone for good: the page stays as it is, no longer said to be live.
    if (source.readyState === EventSource.CLOSED && note) note.hidden = true;
  });
}
