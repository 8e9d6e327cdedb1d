/** Known audit actions and their label keys; an unknown action shows its code as is. */
export const auditActionKeys = {
  'auth.login': 'audit.actions.authLogin',
  'auth.logout': 'audit.actions.authLogout',
  'auth.login_failed': 'audit.actions.authLoginFailed',
  'user.created': 'audit.actions.userCreated',
  'user.updated': 'audit.actions.userUpdated',
  'user.password_changed': 'audit.actions.userPasswordChanged',
  'organization.created': 'audit.actions.orgCreated',
  'organization.updated': 'audit.actions.orgUpdated',
  'organization.renamed': 'audit.actions.orgRenamed',
  'organization.moved': 'audit.actions.orgMoved',
  'organization.closed': 'audit.actions.orgClosed',
  'organization.merged': 'audit.actions.orgMerged',
  'organization.merged_away': 'audit.actions.orgMergedAway',
  'organization.imported': 'audit.actions.orgImported',
} as const;

export type KnownAuditAction = keyof typeof auditActionKeys;
export const isKnownAction = (a: string): a is KnownAuditAction => a in auditActionKeys;

const colors: Record<string, string> = { auth: 'default', user: 'purple', organization: 'blue' };
export const actionColor = (action: string) => (action.endsWith('merged') || action.endsWith('merged_away') ? 'orange' : (colors[action.split('.')[0] ?? ''] ?? 'default'));
