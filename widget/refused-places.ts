import type { TextQuoteSelector } from '../api-client/contract';

/*
 * The places a citizen answered "Ce n'est pas ici" about, for a draft's quote:
 * not offered again. In localStorage, beside the draft-hint: the widget keeps
 * its drafts in this site's storage already (IndexedDB), and these are only the
 * page's own words. Bounded: the oldest drafts' answers go first.
 */
const KEY = 'vigie:refused-places';
const MAX_DRAFTS = 50;
const MAX_PLACES = 10;

type Refusals = Record<string, TextQuoteSelector[]>;

function read(): Refusals {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Refusals) : {};
  } catch {
    return {};
  }
}

export function refusedPlaces(draftId: string): TextQuoteSelector[] {
  const places = read()[draftId];
  return Array.isArray(places) ? places.filter((p) => typeof p?.exact === 'string') : [];
}

export function refusePlace(draftId: string, place: TextQuoteSelector): void {
  const all = read();
  const before = refusedPlaces(draftId);
  delete all[draftId]; // put back last: the most recent
  all[draftId] = [...before, place].slice(-MAX_PLACES);
  const ids = Object.keys(all);
  for (const old of ids.slice(0, Math.max(0, ids.length - MAX_DRAFTS))) delete all[old];
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // storage blocked: the citizen may be asked again, nothing else is lost
  }
}
