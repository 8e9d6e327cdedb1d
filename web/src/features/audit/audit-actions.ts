import { auditVi } from './audit.i18n.ts';

/** Every action the server writes has a label (audit-actions.test.ts); an unknown one shows its code as is. */
export type KnownAuditAction = keyof typeof auditVi.actions;
export const knownAuditActions = Object.keys(auditVi.actions) as KnownAuditAction[];
export const isKnownAction = (a: string): a is KnownAuditAction => Object.hasOwn(auditVi.actions, a);

type Prefix = keyof typeof auditVi.prefixes;
export type AuditDomain = keyof typeof auditVi.domains;

/** The domains as the filter groups them, each with the action prefixes it writes and its tag colour. */
export const auditDomains: readonly { domain: AuditDomain; prefixes: readonly Prefix[]; color: string }[] = [
  { domain: 'signIn', prefixes: ['auth'], color: 'default' },
  { domain: 'accounts', prefixes: ['user'], color: 'purple' },
  { domain: 'organizations', prefixes: ['organization'], color: 'blue' },
  { domain: 'campaigns', prefixes: ['campaign', 'congress'], color: 'gold' },
  { domain: 'personnel', prefixes: ['personnel', 'person', 'complaint'], color: 'cyan' },
  { domain: 'delegates', prefixes: ['delegates'], color: 'green' },
  { domain: 'elections', prefixes: ['election', 'ballot'], color: 'red' },
  { domain: 'documents', prefixes: ['document', 'consultation', 'synthesis'], color: 'geekblue' },
  { domain: 'reports', prefixes: ['report'], color: 'magenta' },
];

const prefixOf = (action: string) => action.split('.')[0] ?? '';
export const domainOf = (action: string) => auditDomains.find((d) => (d.prefixes as readonly string[]).includes(prefixOf(action)));

/** Merges of organizations stand out in orange: they change the tree for good. */
const merges: readonly string[] = ['organization.merged', 'organization.merged_away'];
export const actionColor = (action: string) => (merges.includes(action) ? 'orange' : (domainOf(action)?.color ?? 'default'));

/** The known actions of one prefix, in the order of the label file (the order of the work). */
export const actionsWithPrefix = (prefix: Prefix) => knownAuditActions.filter((a) => prefixOf(a) === prefix);
