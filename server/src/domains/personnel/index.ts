// The personnel domain, as other code may use it.
export { createPeopleService, type PeopleService } from './people.service.ts';
export { createCongressPersonnelService, type CongressPersonnelService, type CreateElectionIn } from './congress-personnel.service.ts';
export { createConcurrentPostsService, type ConcurrentPostsService } from './concurrent-posts.service.ts';
export { personnelRoutes } from './personnel.routes.ts';
export { checkComposition, compositionPresets } from './composition-rules.ts';

import type { ApprovalCheckSource } from '../campaigns/approval-checklist.ts';
import type { CongressPersonnelService } from './congress-personnel.service.ts';
/** The congress approval checklist's personnel items (wired in composition.ts). */
export const personnelApprovalSource = (svc: CongressPersonnelService): ApprovalCheckSource => svc.approvalSource;
