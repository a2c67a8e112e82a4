/** The longest campaign identifier the contract takes (CampaignId: 3 to 64 characters). */
const MAX_LENGTH = 64;

/**
 * A campaign identifier made from its title: accents folded (é → e, œ → oe), lower-case,
 * every run of other characters a single hyphen, none at either end, 64 characters at most
 * (cut at a hyphen when one is near). Empty when the title has fewer than three letters or
 * digits: the contract wants three at least.
 */
export function slugFromTitle(title: string): string {
  const folded = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = folded.slice(0, MAX_LENGTH);
  if (folded.length > MAX_LENGTH) {
    const cut = slug.lastIndexOf('-');
    slug = cut >= MAX_LENGTH - 20 ? slug.slice(0, cut) : slug;
  }
  slug = slug.replace(/-+$/, '');
  return slug.length >= 3 ? slug : '';
}

/** A `datetime-local` value (local time, to the minute) for this instant. */
export function localInput(date: Date): string {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The dates a new campaign is proposed: from now (to the minute), for 30 days. */
export function defaultCampaignDates(now = new Date()): { opens: string; closes: string } {
  const opens = new Date(now);
  opens.setSeconds(0, 0);
  const closes = new Date(opens);
  closes.setDate(closes.getDate() + 30);
  return { opens: localInput(opens), closes: localInput(closes) };
}
