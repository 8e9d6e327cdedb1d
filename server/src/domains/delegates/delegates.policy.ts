import type { Actor } from '../../platform/audit/audit.ts';
import { fail } from '../../platform/http/errors.ts';
import { pathInside } from '../organizations/organizations.policy.ts';

/**
 * The register, allocation, check-in and health watch of a congress belong to the organization
 * that convenes it: read by any role whose scope contains that organization, changed by its
 * admins and organizers. A lower level does not see the upper congress' register. Out of scope
 * is 403 ORG_OUT_OF_SCOPE with no names. The health-declaration link needs no account: its
 * token is the only key, and it opens one delegate's own declaration.
 */
export const canWriteDelegates = (actor: Actor, congressOrgPath: string) => (actor.role === 'admin' || actor.role === 'organizer') && pathInside(congressOrgPath, actor.scopePath);

export function assertCanRead(actor: Actor, congressOrgPath: string) {
  if (!pathInside(congressOrgPath, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
}

export function assertCanWrite(actor: Actor, congressOrgPath: string) {
  if (!pathInside(congressOrgPath, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
  if (actor.role !== 'admin' && actor.role !== 'organizer') fail('FORBIDDEN_ROLE');
}
