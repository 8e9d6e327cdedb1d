import type { Actor } from '../../platform/audit/audit.ts';
import { fail } from '../../platform/http/errors.ts';

/** ltree containment in JS, for rows already loaded: `path` is inside `scope` or equal to it. */
export function pathInside(path: string, scope: string): boolean {
  return path === scope || path.startsWith(scope + '.');
}

export function canWriteOrgs(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'organizer';
}

export function assertCanRead(actor: Actor, path: string): void {
  if (!pathInside(path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
}

export function assertCanWrite(actor: Actor, path: string): void {
  if (!canWriteOrgs(actor)) fail('FORBIDDEN_ROLE');
  if (!pathInside(path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
}
