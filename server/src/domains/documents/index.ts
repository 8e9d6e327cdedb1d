// The documents domain, as other code may use it.
import type { Db } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ApprovalCheckSource } from '../campaigns/index.ts';
import { createDocumentsService, documentsApprovalSource as source } from './documents.service.ts';
import { createConsultationsService } from './consultations.service.ts';
import { createSynthesisService } from './synthesis.service.ts';

export { documentsRoutes } from './documents.routes.ts';
export type { DocumentsService } from './documents.service.ts';
export type { ConsultationsService } from './consultations.service.ts';
export type { SynthesisService } from './synthesis.service.ts';

/** Documents approved for a congress (required types approved or missing) feed the congress approval checklist. */
export const documentsApprovalSource: ApprovalCheckSource = source;

export function createDocumentsDomain(deps: { db: Db; clock: Clock }) {
  const documents = createDocumentsService(deps);
  const consultations = createConsultationsService(deps);
  const synthesis = createSynthesisService({ ...deps, consultations });
  return { documents, consultations, synthesis };
}
export type DocumentsDomain = ReturnType<typeof createDocumentsDomain>;
