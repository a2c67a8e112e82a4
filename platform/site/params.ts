import type { Context } from 'hono';
import { canonicalUrl, commitmentStatuses, HttpUrl, type Commitment } from '../../api-client/contract';
import type { AppEnv } from '../http/env';
import { BadParameter } from './context';

/** Items per page of every public list. */
export const PAGE_SIZE = 20;
const MAX_PAGE = 10_000;
export const SEARCH_MAX_LENGTH = 200;

// Query parameters of the pages. Unknown ones are ignored (a shared link may carry a
// campaign's tracking), wrong ones are a 400 page saying which and why.

/** `?page=N`, 1 when absent. */
export function pageNumber(c: Context<AppEnv>): number {
  const raw = c.req.query('page');
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE) throw new BadParameter('param.page');
  return Number(raw);
}

/** The last page of a list of `total` items; a page beyond it does not exist. */
export function lastPage(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function checkPageExists(page: number, total: number): void {
  if (page > lastPage(total)) throw new BadParameter('param.pageBeyond');
}

export function statusFilter(c: Context<AppEnv>): Commitment['status'] | undefined {
  const raw = c.req.query('statut');
  if (raw === undefined || raw === '') return undefined;
  if (!(commitmentStatuses as readonly string[]).includes(raw)) throw new BadParameter('param.status');
  return raw as Commitment['status'];
}

/** The lead institutions of the commitments: "A; B" leads are two institutions. */
export function institutionsOf(commitment: Commitment): string[] {
  return commitment.leadInstitution
    .split(';')
    .map((name) => name.trim())
    .filter(Boolean);
}

export function leadFilter(c: Context<AppEnv>, known: ReadonlySet<string>): string | undefined {
  const raw = c.req.query('porteur');
  if (raw === undefined || raw === '') return undefined;
  if (!known.has(raw)) throw new BadParameter('param.lead');
  return raw;
}

/** Control characters cannot be searched for, and PostgreSQL refuses NUL: they separate words like spaces. */
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

export function searchText(c: Context<AppEnv>): string {
  const raw = (c.req.query('q') ?? '').normalize('NFC').replace(CONTROLS, ' ').trim();
  if (raw.length > SEARCH_MAX_LENGTH) throw new BadParameter('param.q');
  return raw;
}

/** `?url=`: the page's address as contributions are filed under it; undefined when absent. */
export function pageAddress(c: Context<AppEnv>): string | undefined {
  const raw = c.req.query('url')?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (!HttpUrl.safeParse(raw).success) throw new BadParameter('param.url');
  return canonicalUrl(raw);
}

/** How a list of contributions is ordered: the newest first, or the most supported first. */
export const listOrders = ['recent', 'soutien'] as const;
export type ListOrder = (typeof listOrders)[number];

/** `?tri=`: `recent` (the default, also when absent) or `soutien`. */
export function listOrder(c: Context<AppEnv>): ListOrder {
  const raw = c.req.query('tri');
  if (raw === undefined || raw === '') return 'recent';
  if (!(listOrders as readonly string[]).includes(raw)) throw new BadParameter('param.sort');
  return raw as ListOrder;
}
