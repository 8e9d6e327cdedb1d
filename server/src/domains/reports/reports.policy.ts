import type { Actor } from '../../platform/audit/audit.ts';

/**
 * Who may do what:
 * - read registers and summary reports: any signed-in role, inside the actor's subtree (a row
 *   belongs to the subtree of the organization that keeps it; a report covers one organization
 *   of a campaign, which must lie inside the actor's scope — outside is 403 ORG_OUT_OF_SCOPE);
 * - write registers: admin and organizer, for organizations inside their subtree.
 * The subtree checks themselves are organizations.policy.ts `pathInside`.
 */
export const canWriteRegister = (actor: Actor) => actor.role === 'admin' || actor.role === 'organizer';
