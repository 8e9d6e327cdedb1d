import type { Config } from './config.ts';
import type { Db } from './platform/db/db.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { createAccountsService } from './domains/accounts/accounts.service.ts';
import { createOrganizationsService } from './domains/organizations/organizations.service.ts';
import { createElectionsService } from './domains/elections/elections.service.ts';
import { createElectionEvents } from './domains/elections/elections.events.ts';
import { createCampaignEvents, createCampaignsService } from './domains/campaigns/index.ts';

/** The one place that sees everything: database → services. */
export function composeServices(db: Db, config: Pick<Config, 'sessionTtlHours' | 'loginMaxFailures' | 'loginWindowMinutes'>, clock: Clock = systemClock) {
  const electionEvents = createElectionEvents();
  const campaignEvents = createCampaignEvents();
  return {
    db,
    clock,
    electionEvents,
    elections: createElectionsService({ db, clock, events: electionEvents }),
    accounts: createAccountsService({ db, clock, ...config }),
    organizations: createOrganizationsService({ db }),
    campaignEvents,
    campaigns: createCampaignsService({ db, clock, events: campaignEvents }),
  };
}
export type Services = ReturnType<typeof composeServices>;
