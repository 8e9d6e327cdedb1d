import type { Role } from '../../../../shared/src/contracts/accounts.ts';
import { roles } from '../../../../shared/src/contracts/accounts.ts';

export { roles };
export type { Role };

/** Translation keys of the role names users know (Quản trị hệ thống…). */
export const roleLabelKey = {
  admin: 'roles.admin',
  organizer: 'roles.organizer',
  counter: 'roles.counter',
  viewer: 'roles.viewer',
} as const satisfies Record<Role, string>;

export const roleColor: Record<Role, string> = { admin: 'red', organizer: 'blue', counter: 'purple', viewer: 'default' };
