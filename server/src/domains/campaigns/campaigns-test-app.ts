/**
 * Tests of the campaigns domain run against the real app with the campaigns service built
 * without the approval-checklist sources of other domains (documents, personnel…): their
 * items depend on records these tests do not create, and those domains test their own sources.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import { buildApp } from '../../app.ts';
import { composeServices } from '../../composition.ts';
import { createCampaignsService } from './campaigns.service.ts';

export async function campaignsTestApp(db: Db, clock?: Clock) {
  const all = composeServices(db, { sessionTtlHours: 8, loginMaxFailures: 5, loginWindowMinutes: 15 }, clock);
  const services = { ...all, campaigns: createCampaignsService({ db, clock: all.clock, events: all.campaignEvents }) };
  const app = await buildApp({ cookieSecure: false, logLevel: 'silent', webDist: '/nonexistent', rateLimitMax: 100_000 }, services);
  return { app, services };
}
