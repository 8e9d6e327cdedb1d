import type { Actor } from '../../platform/audit/audit.ts';
import { fail } from '../../platform/http/errors.ts';
import { pathInside } from '../organizations/organizations.policy.ts';

/**
 * Who may do what with documents and consultations:
 * - a congress' documents (read; write = create, add versions, approve, open rounds, moderate):
 *   inside the actor's subtree, writing by admin and organizer only;
 * - comment: any signed-in member whose unit lies in the round's audience (members), an
 *   organizer for a unit in the audience and in their scope (organizations), anyone by the public
 *   link while the round is open;
 * - synthesize for an organization: the organization lies in the audience and in the actor's
 *   scope; it sees only comments written inside its subtree (another subtree: 403, no names).
 * Out of scope is always 403 ORG_OUT_OF_SCOPE.
 */
export const canWrite = (actor: Actor) => actor.role === 'admin' || actor.role === 'organizer';

export function assertRead(actor: Actor, orgPath: string) {
  if (!pathInside(orgPath, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
}

export function assertWrite(actor: Actor, orgPath: string) {
  if (!canWrite(actor)) fail('FORBIDDEN_ROLE');
  if (!pathInside(orgPath, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
}

/** The organization a synthesis is for: inside the audience and the actor's scope. */
export function assertSynthesisOrg(actor: Actor, orgPath: string, audiencePath: string) {
  if (!pathInside(orgPath, actor.scopePath) || !pathInside(orgPath, audiencePath)) fail('ORG_OUT_OF_SCOPE');
}

export const canManageRound = (actor: Actor, congressOrgPath: string) => canWrite(actor) && pathInside(congressOrgPath, actor.scopePath);
