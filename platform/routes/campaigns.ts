import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import {
  Campaign,
  CampaignId,
  CampaignInput,
  CampaignList,
  CampaignLookupQuery,
  CampaignPatch,
  message,
  Problem,
} from '../../api-client/contract';
import { platformMessage } from '../../api-client/contract/platform-messages';
import { notYours, requireRole } from '../auth/require-role';
import { openCampaignsFor } from '../campaigns/lookup';
import type { AppEnv } from '../http/env';
import type { OpenApiDocument } from '../http/openapi';
import { ProblemError } from '../http/problems';
import { mountRoute } from '../http/route';
import type { Storage } from '../storage/storage';

const idParam = z.object({ id: CampaignId });
const unauthorized = { description: 'No token, or an unknown or revoked one', schema: Problem };
const forbidden = { description: 'Not an ngo or admin token, or another organisation’s campaign', schema: Problem };

function notFound(c: Context<AppEnv>): ProblemError {
  return new ProblemError('notFound', { detail: message('campaign.unknown', c.get('locale')) });
}

/**
 * Public: which approved campaigns are open for a page. Behind a token: NGOs create and
 * run their own campaigns (the token that created one manages it: a namesake token does
 * not), and an admin approves them before any citizen sees them.
 */
export function campaignRoutes(app: Hono<AppEnv>, doc: OpenApiDocument, storage: Storage): void {
  const managers = requireRole(storage, ['admin', 'ngo']);
  const admins = requireRole(storage, ['admin']);

  /** The campaign, if this token may manage it. */
  async function managed(c: Context<AppEnv>, id: string): Promise<Campaign> {
    const [campaign, ownerTokenId] = await Promise.all([storage.getCampaign(id), storage.campaignOwnerTokenId(id)]);
    if (!campaign) throw notFound(c);
    const account = c.get('account');
    if (account.role !== 'admin' && ownerTokenId !== account.id) throw notYours(c.get('locale'));
    return campaign;
  }

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/campaigns',
      summary: 'The approved campaigns open now, for a page (url) or a commitment, or all of them',
      tags: ['campaigns'],
      query: CampaignLookupQuery,
      responses: {
        200: { description: 'Open campaigns', schema: CampaignList },
        400: { description: 'A query parameter is wrong', schema: Problem },
      },
    },
    async (c, { query }) =>
      c.json({ items: await openCampaignsFor(storage, query, new Date().toISOString()) } satisfies CampaignList),
  );

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/campaigns/{id}',
      summary: 'One approved campaign, open or not',
      tags: ['campaigns'],
      params: idParam,
      responses: {
        200: { description: 'The campaign', schema: Campaign },
        400: { description: 'The id is not a campaign id', schema: Problem },
        404: { description: 'No such campaign, or not approved yet', schema: Problem },
      },
    },
    async (c, { params }) => {
      const campaign = await storage.getCampaign(params.id);
      // Until an admin approved it, a campaign is nobody's business but its owner's.
      if (!campaign || campaign.approval !== 'approved') throw notFound(c);
      return c.json(campaign satisfies Campaign);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'get',
      path: '/v1/me/campaigns',
      summary: 'The campaigns this token manages: its own for an ngo, all for an admin',
      tags: ['campaigns'],
      security: true,
      before: [managers],
      responses: {
        200: { description: 'Campaigns, newest first', schema: CampaignList },
        401: unauthorized,
        403: forbidden,
      },
    },
    async (c) => {
      const account = c.get('account');
      const items = await storage.listCampaigns(account.role === 'admin' ? {} : { ownerTokenId: account.id });
      return c.json({ items } satisfies CampaignList);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/campaigns',
      summary: 'Create a campaign',
      tags: ['campaigns'],
      security: true,
      before: [managers],
      body: CampaignInput,
      responses: {
        201: { description: 'Created', schema: Campaign },
        401: unauthorized,
        403: forbidden,
        409: { description: 'A campaign with this id exists', schema: Problem },
        422: { description: 'A field is wrong', schema: Problem },
      },
    },
    async (c, { body }) => {
      const account = c.get('account');
      // An NGO's campaign waits for an admin; an admin's own needs no one's approval.
      const approval = account.role === 'admin' ? 'approved' : 'pending';
      const campaign: Campaign = { ...body, owner: account.name, approval };
      if (!(await storage.createCampaign(campaign, account.id))) {
        throw new ProblemError('conflict', { detail: platformMessage('campaign.id-taken', c.get('locale')) });
      }
      return c.json(campaign satisfies Campaign, 201);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'patch',
      path: '/v1/campaigns/{id}',
      summary: 'Change a campaign: its title, question, targets or dates',
      description: "An NGO's change sends its campaign back for an admin's approval.",
      tags: ['campaigns'],
      security: true,
      before: [managers],
      params: idParam,
      body: CampaignPatch,
      responses: {
        200: { description: 'The campaign as it is now', schema: Campaign },
        401: unauthorized,
        403: forbidden,
        404: { description: 'No such campaign', schema: Problem },
        422: { description: 'A field is wrong', schema: Problem },
      },
    },
    async (c, { params, body }) => {
      const byNgo = c.get('account').role !== 'admin';
      // What was approved is what the admin read: an NGO's change is read again.
      const campaign: Campaign = {
        ...(await managed(c, params.id)),
        ...body,
        ...(byNgo ? { approval: 'pending' } : {}),
      };
      if (Date.parse(campaign.closesAt) <= Date.parse(campaign.opensAt)) {
        const detail = platformMessage('campaign.dates', c.get('locale'));
        throw new ProblemError('validation', {
          detail,
          errors: [{ pointer: '/closesAt', code: 'campaign.dates', detail }],
        });
      }
      await storage.updateCampaign(campaign);
      return c.json(campaign satisfies Campaign);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/campaigns/{id}/close',
      summary: 'Close a campaign now: it takes no more contributions',
      tags: ['campaigns'],
      security: true,
      before: [managers],
      params: idParam,
      responses: {
        200: { description: 'The closed campaign', schema: Campaign },
        401: unauthorized,
        403: forbidden,
        404: { description: 'No such campaign', schema: Problem },
      },
    },
    async (c, { params }) => {
      const campaign = await managed(c, params.id);
      const now = new Date().toISOString();
      if (Date.parse(campaign.closesAt) <= Date.parse(now)) return c.json(campaign satisfies Campaign);
      // A campaign closed before it opened never opens: both dates become now.
      const closed: Campaign = {
        ...campaign,
        opensAt: Date.parse(campaign.opensAt) < Date.parse(now) ? campaign.opensAt : now,
        closesAt: now,
      };
      await storage.updateCampaign(closed);
      return c.json(closed satisfies Campaign);
    },
  );

  mountRoute(
    app,
    doc,
    {
      method: 'post',
      path: '/v1/campaigns/{id}/approve',
      summary: 'Approve a campaign: from now on citizens see it and may answer it while it is open',
      tags: ['campaigns'],
      security: true,
      before: [admins],
      params: idParam,
      responses: {
        200: { description: 'The approved campaign', schema: Campaign },
        401: unauthorized,
        403: { description: 'Not an admin token', schema: Problem },
        404: { description: 'No such campaign', schema: Problem },
      },
    },
    async (c, { params }) => {
      const campaign = await storage.getCampaign(params.id);
      if (!campaign) throw notFound(c);
      const approved: Campaign = { ...campaign, approval: 'approved' };
      await storage.updateCampaign(approved);
      return c.json(approved satisfies Campaign);
    },
  );
}
