// The campaigns domain, as other code may use it.
export { createCampaignsService, type CampaignsService } from './campaigns.service.ts';
export { campaignsRoutes } from './campaigns.routes.ts';
export { createCampaignEvents, type CampaignEvents } from './campaigns.events.ts';
export { directivePresets } from './campaign-presets.ts';
export { type ApprovalCheckItem, type ApprovalCheckSource, type ApprovalCongressRef, campaignsApprovalSource } from './approval-checklist.ts';
