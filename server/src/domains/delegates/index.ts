// The delegates domain, as other code may use it.
export { createDelegatesService, type DelegatesService } from './delegates.service.ts';
export { delegatesRoutes, publicHealthRoutes } from './delegates.routes.ts';
export { delegatesOpeningCheck } from './opening-check.ts';
