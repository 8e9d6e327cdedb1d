import type { Role } from '../../../../shared/src/contracts/accounts.ts';

/** What each role may do; the subtree limit is checked separately against the actor's scope. */
export const abilities = (role: Role) => ({
  manageOrganizations: role === 'admin' || role === 'organizer',
  manageUsers: role === 'admin',
  readAudit: role === 'admin',
});
