import type { Config } from './config.ts';
import type { Db } from './platform/db/db.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { createAccountsService } from './domains/accounts/accounts.service.ts';
import { createOrganizationsService } from './domains/organizations/organizations.service.ts';
import { createElectionsService } from './domains/elections/elections.service.ts';
import { createElectionEvents } from './domains/elections/elections.events.ts';
import { createCampaignEvents, createCampaignsService } from './domains/campaigns/index.ts';
import { createReportsServices } from './domains/reports/index.ts';
import { createDocumentsDomain, documentsApprovalSource } from './domains/documents/index.ts';
import { createDelegatesService, delegatesOpeningCheck } from './domains/delegates/index.ts';
import { delegatesElectionFigures } from './domains/delegates/election-port.ts';
import { createConcurrentPostsService, createCongressPersonnelService, createPeopleService, personnelApprovalSource } from './domains/personnel/index.ts';

/** The one place that sees everything: database → services. */
export function composeServices(db: Db, config: Pick<Config, 'sessionTtlHours' | 'loginMaxFailures' | 'loginWindowMinutes'>, clock: Clock = systemClock) {
  const electionEvents = createElectionEvents();
  const campaignEvents = createCampaignEvents();
  // Delegates elected by a lower congress arrive in the upper congress' register when the election closes.
  const delegates = createDelegatesService({ db, clock });
  // Personnel creates elections from approved lists (elections.createIn, bound late) and learns who was elected.
  const congressPersonnel = createCongressPersonnelService({ db, clock, createElectionIn: (tx, actor, input) => elections.createIn(tx, actor, input) });
  const elections = createElectionsService({
    db,
    clock,
    events: electionEvents,
    onFinished: [(tx, finished) => delegates.onElectionFinished(tx, finished), (tx, finished) => congressPersonnel.onElectionFinished(tx, finished)],
    // An election held at a congress takes its summoned and absent-for-the-whole-congress counts from the register and check-in.
    congressFigures: delegatesElectionFigures(delegates.figuresFor, delegates.quorumFor),
  });
  const base = {
    db,
    clock,
    electionEvents,
    elections,
    delegates,
    accounts: createAccountsService({ db, clock, ...config }),
    organizations: createOrganizationsService({ db }),
    campaignEvents,
    // Approval checklist: each domain that feeds it adds its ApprovalCheckSource here (campaigns' own items are built in).
    campaigns: createCampaignsService({
      db,
      clock,
      events: campaignEvents,
      approvalChecks: [documentsApprovalSource, personnelApprovalSource(congressPersonnel), delegates.approvalSource],
      // Charter Đ11 K6: a congress whose check-in shows no quorum at the opening is not recorded as held.
      openingChecks: [delegatesOpeningCheck(delegates.quorumFor)],
    }),
    documents: createDocumentsDomain({ db, clock }),
    people: createPeopleService({ db, clock }),
    congressPersonnel,
    concurrentPosts: createConcurrentPostsService({ db }),
  };
  // Reports read every domain; they get the services they read from.
  return { ...base, reports: createReportsServices({ db, clock, campaigns: base.campaigns }) };
}
export type Services = ReturnType<typeof composeServices>;
