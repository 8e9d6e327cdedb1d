import type { Actor } from '../../platform/audit/audit.ts';
import { fail } from '../../platform/http/errors.ts';
import { pathInside } from '../organizations/organizations.policy.ts';

/**
 * Who may do what, by role and subtree:
 * - read: any signed-in role, inside the actor's subtree (a district user sees the provincial
 *   campaign, but only their district's congresses and figures);
 * - write (schedule, postpone, mark held, pilots, lessons, safety): admin and organizer inside their subtree;
 * - approve a congress (duyệt) and its results (chuẩn y): the upper level only — the congress'
 *   organization lies strictly below the actor's scope (election-rules.md §2.7, default [U]);
 * - edit the campaign itself: admin and organizer whose scope contains the campaign's root.
 * Out of scope is always 403 ORG_OUT_OF_SCOPE, with no names.
 */
export const canWrite = (actor: Actor) => actor.role === 'admin' || actor.role === 'organizer';

export const campaignVisible = (actor: Actor, rootPath: string) => pathInside(rootPath, actor.scopePath) || pathInside(actor.scopePath, rootPath);

export function assertCampaignVisible(actor: Actor, rootPath: string) {
  if (!campaignVisible(actor, rootPath)) fail('ORG_OUT_OF_SCOPE');
}

export const canEditCampaign = (actor: Actor, rootPath: string) => canWrite(actor) && pathInside(rootPath, actor.scopePath);

export function assertCanEditCampaign(actor: Actor, rootPath: string) {
  if (!canWrite(actor)) fail('FORBIDDEN_ROLE');
  if (!pathInside(rootPath, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
}

export function assertCanReadOrg(actor: Actor, orgPath: string) {
  if (!pathInside(orgPath, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
}

export function assertCanWriteCongress(actor: Actor, orgPath: string) {
  if (!canWrite(actor)) fail('FORBIDDEN_ROLE');
  if (!pathInside(orgPath, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
}

export const isUpperLevelOf = (actor: Actor, orgPath: string) => orgPath !== actor.scopePath && pathInside(orgPath, actor.scopePath);

export function assertUpperLevel(actor: Actor, orgPath: string) {
  if (!isUpperLevelOf(actor, orgPath)) fail('CONGRESS_UPPER_LEVEL_ONLY');
}
