// The reports domain, as other code may use it.
import type { Db } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CampaignsService } from '../campaigns/index.ts';
import { createRegistersService } from './registers.service.ts';
import { createResolutionsService } from './resolutions.service.ts';
import { createSummaryService } from './summary.service.ts';
import { createRegisterExport } from './register-export.ts';

export { reportsRoutes } from './reports.routes.ts';
export { summarySections, type SectionBuilder, type ReportContext } from './summary-sections.ts';

/** Registers, resolutions, their exports and the summary report, wired together. */
export function createReportsServices(deps: { db: Db; clock: Clock; campaigns: CampaignsService }) {
  const registers = createRegistersService({ db: deps.db });
  const resolutions = createResolutionsService({ db: deps.db, clock: deps.clock });
  return {
    registers,
    resolutions,
    summary: createSummaryService(deps),
    exports: createRegisterExport({ registers, resolutions }),
  };
}
export type ReportsServices = ReturnType<typeof createReportsServices>;
