import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { BallotEntryInput, CreateElectionRequest, DenominatorSource, ElectionCongressOption, NextRoundRequest, electionKinds } from '../../../../shared/src/contracts/elections.ts';
import { api, buildUrl, isApiError } from '../../lib/api.ts';
import type { EntryKeys } from '../../../../shared/src/ballot-keys.ts';

export type { BallotEntryInput, CreateElectionRequest, DenominatorSource, ElectionCongressOption, NextRoundRequest };

// The shapes below are what GET /api/elections/:id and its siblings answer (ElectionsService.present & co.).

export type ElectionKind = (typeof electionKinds)[number];
export type ElectionStatus = 'setup' | 'entry' | 'counted' | 'published';
export type CongressKind = 'members' | 'delegates' | 'conference';
export type Team = 'A' | 'B';
export type RoundPurpose = 'first' | 'tieBreak' | 'further';
export type BallotForm = 'strike' | 'agreeDisagree' | 'single';

export type RoundCandidate = { position: number; ballotNo: number; fullName: string };
export type RoundInfo = { number: number; purpose: RoundPurpose; ballotSeats: number; candidates: RoundCandidate[] };

export type CandidateResult = {
  ballotNo: number;
  fullName: string;
  votes: number;
  percent: number;
  percentText: string;
  status: 'elected' | 'alternate' | 'tied' | 'awaitingTieBreak' | 'outranked' | 'belowThreshold' | string;
  rank: number;
};

export type RoundResult = {
  round: number;
  purpose: RoundPurpose;
  denominator: number;
  threshold: number;
  formula: string;
  source: string;
  ballots: { collected: number; valid: number; invalid: number; invalidReasons: Record<string, number> };
  candidates: CandidateResult[];
  elected: number[];
  alternates: number[];
  unfilledSeats: { official: number; alternate: number };
  tie: { ballotNos: number[]; seats: number } | null;
  outcome: { elected: number[]; alternates: number[]; vacantSeats: { official: number; alternate: number }; finished: boolean; upperAppointmentRequired: boolean };
  present: number;
  ballotsIssued: number;
};

export type ElectionPhase =
  | { kind: 'awaitingRound'; next: RoundInfo }
  | { kind: 'awaitingCongressDecision'; reason: 'TIE_PERSISTS' | 'SEATS_REMAIN'; remaining: { official: number; alternate: number }; tie: { candidates: RoundCandidate[]; seats: number } | null }
  | { kind: 'awaitingUpperAppointment'; reason: string; failedRounds: number; source: string }
  | { kind: 'closed' };

export type ListIssue = { code: string; severity: 'error' | 'warning'; messageVi: string; source: string; candidates?: string[]; details?: Record<string, unknown> };
export type UnconfirmedRule = {
  id: string;
  value: unknown;
  defaultValue: unknown;
  /** A closed choice (the UI offers a select), or null. */
  options: unknown[] | null;
  overridden: boolean;
  /** Changeable now: a setting, the election still being set up, and the user managing it. */
  editable: boolean;
  source: string;
  summary: string;
  explanation: string;
};
export type InvalidReason = { code: string; label: string; unconfirmed: boolean; derivedFromMarks?: boolean; requiresNote?: boolean };
export type Counter = { userId: number; username: string; fullName: string; isChief: boolean; team: Team | null };
export type DenominatorTerm = { category: string; count: number; labelVi: string; subtracted: boolean };

export type Election = {
  id: number;
  orgId: number;
  orgName: string;
  title: string;
  kind: ElectionKind;
  kindLabel: string;
  regulation: '2014' | '2024';
  congressKind: CongressKind;
  seats: number;
  alternateSeats: number;
  summoned: number;
  exclusions: Record<string, number>;
  exclusionCategories: string[];
  congressId: number | null;
  denominatorSource: DenominatorSource | null;
  /** The setting (ADR 0007) and what this round is typed with. */
  entryKeys: EntryKeys;
  /** Charter Đ11 K6 (b) as checked when entry opened (null where it did not apply). */
  subordinateOrgs: { total: number; withDelegatesPresent: number } | null;
  /** Seats left empty once the election finished, and the upper committee's appointments to them. */
  vacancies?: { vacant: number; appointed: { fullName: string; decisionNo: string; decisionDate: string; recordedBy: string; recordedAt: string }[]; canAppoint: boolean };
  /** A further round opened below two thirds of those summoned (allowed with a warning by the [U] default). */
  quorumWarning: string | null;
  roundEntryKeys: EntryKeys;
  maxKeyedNames: number;
  denominator: { value: number; threshold: number; formula: string; source: string; terms: DenominatorTerm[] } | null;
  present: number | null;
  ballotsIssued: number | null;
  ballotsCollected: number | null;
  listVote: { agree: number; disagree: number; present: number } | null;
  status: ElectionStatus;
  version: number;
  form: BallotForm;
  candidates: { ballotNo: number; fullName: string; nominatedBy: 'conveningCommittee' | 'floor' | 'self'; roundAdded: number }[];
  currentRound: number;
  round: RoundInfo | null;
  phase: ElectionPhase;
  outcome: { elected: number[]; alternates: number[]; vacantSeats: { official: number; alternate: number }; finished: boolean; upperAppointmentRequired: boolean; vacancyHandling: string | null };
  rounds: RoundResult[];
  decisions: { type: 'decision'; decision: { kind: string }; by: string; at: string }[];
  counters: Counter[];
  listIssues: ListIssue[];
  nominations: { morethanPercentOfPresent: number; source: string; votes: NominationVote[] };
  unconfirmedRules: UnconfirmedRule[];
  invalidReasons: InvalidReason[];
  result: RoundResult | null;
  publishedAt: string | null;
  /** Chuẩn y by the upper committee, and the deadlines counted from the day the election closed (ISO dates). */
  approval?: {
    status: 'notFinished' | 'pending' | 'approved';
    closedOn: string | null;
    /** The day the deadlines count from: the congress' closing day once recorded, else the election's. */
    countedFrom: { date: string; basis: 'congressClosed' | 'electionClosed' } | null;
    deadlines: { complaintsUntil: string; reportDue: string; ballotsKeptUntil: string; approvalDue: string | null } | null;
    decisionNo?: string | null;
    decisionDate?: string | null;
    approvedBy?: string | null;
    canApprove: boolean;
  };
  me: { manage: boolean; chief: boolean; team: Team | null; counter: boolean };
};

export type NominationVote = { id: number; fullName: string; nominatedBy: 'floor' | 'self'; present: number; approvals: number; needed: number; admitted: boolean; recordedBy: string; recordedAt: string };
export type NominateBody = { version: number; fullName: string; nominatedBy: 'floor' | 'self'; present: number; approvals: number };
export type NominateResult = { admitted: boolean; needed: number; election: Election };

export type ElectionSummary = { id: number; title: string; kind: ElectionKind; kindLabel: string; status: ElectionStatus; seats: number; createdAt: string };
export type MyElection = { id: number; title: string; orgName: string; status: ElectionStatus; team: Team | null; isChief: boolean };
export type EligibleCounter = { id: number; username: string; fullName: string; role: string; scopeOrgName: string };
export type TeamProgress = { team: Team; round: number; entered: number; ballotsCollected: number; ballotsIssued: number; entries: { serial: number; entry: BallotEntryInput }[] };
export type EntrySide = { entry: BallotEntryInput; by: string; at: string; reason: string | null } | null;
export type Reconciliation = {
  collected: number;
  settled: number;
  canCount: boolean;
  problems: { serial: number; state: 'differs' | 'missingA' | 'missingB'; a: EntrySide; b: EntrySide }[];
  resolved: { serial: number; a: EntrySide; b: EntrySide; resolution: EntrySide }[];
  counts: { agreed: number; differs: number; missingA: number; missingB: number; resolved: number };
};
export type Projector = { id: number; title: string; orgName: string; seats: number; status: ElectionStatus; result: RoundResult | null };
export type SavedBallot = { serial: number; team: Team; changed: boolean; entered: number };

// Every election query starts with 'elections', so one invalidation (an SSE event, a write) refreshes them all.
export const electionKeys = {
  all: ['elections'] as const,
  one: (id: number) => ['elections', id] as const,
  detail: (id: number) => ['elections', id, 'detail'] as const,
  progress: (id: number) => ['elections', id, 'progress'] as const,
  reconciliation: (id: number) => ['elections', id, 'reconciliation'] as const,
  projector: (id: number) => ['elections', id, 'projector'] as const,
  eligible: (id: number) => ['elections', id, 'eligible-counters'] as const,
  mine: () => ['elections', 'mine'] as const,
  ofOrg: (orgId: number) => ['elections', 'org', orgId] as const,
};

export const electionQuery = (id: number) => queryOptions({ queryKey: electionKeys.detail(id), queryFn: () => api<Election>(`/elections/${id}`), staleTime: 5_000 });
export const myElectionsQuery = queryOptions({ queryKey: electionKeys.mine(), queryFn: () => api<MyElection[]>('/elections/mine') });
export const electionCongressesQuery = (orgId: number) =>
  queryOptions({ queryKey: [...electionKeys.ofOrg(orgId), 'congresses'], queryFn: () => api<ElectionCongressOption[]>(`/orgs/${orgId}/election-congresses`) });
/** The register and check-in of the congress an election is held at, as they are now (for "có mặt" when a round opens). */
export const congressFiguresQuery = (orgId: number, congressId: number | null) =>
  queryOptions({
    queryKey: [...electionKeys.ofOrg(orgId), 'congresses', congressId],
    queryFn: async () => (await api<ElectionCongressOption[]>(`/orgs/${orgId}/election-congresses`)).find((c) => c.id === congressId)?.figures ?? null,
    enabled: congressId !== null,
  });
export const orgElectionsQuery = (orgId: number) => queryOptions({ queryKey: electionKeys.ofOrg(orgId), queryFn: () => api<ElectionSummary[]>(`/orgs/${orgId}/elections`) });
export const eligibleCountersQuery = (id: number) =>
  queryOptions({ queryKey: electionKeys.eligible(id), queryFn: () => api<EligibleCounter[]>(`/elections/${id}/eligible-counters`), staleTime: 60_000 });
export const teamProgressQuery = (id: number) => queryOptions({ queryKey: electionKeys.progress(id), queryFn: () => api<TeamProgress>(`/elections/${id}/ballots/mine`), staleTime: 0 });
export const reconciliationQuery = (id: number) =>
  queryOptions({ queryKey: electionKeys.reconciliation(id), queryFn: () => api<Reconciliation>(`/elections/${id}/reconciliation`), staleTime: 0 });
export const projectorQuery = (id: number) => queryOptions({ queryKey: electionKeys.projector(id), queryFn: () => api<Projector>(`/elections/${id}/projector`), staleTime: 0 });

/** Printable documents; they are generated by the server and downloaded as files. */
export const documentUrls = (id: number) => ({
  ballots: (count?: number) => buildUrl(`/elections/${id}/ballots.pdf`, { count }),
  minutesDocx: (round?: number) => buildUrl(`/elections/${id}/minutes.docx`, { round }),
  minutesPdf: (round?: number) => buildUrl(`/elections/${id}/minutes.pdf`, { round }),
  entryLog: () => buildUrl(`/elections/${id}/entry-log.xlsx`),
});

function useElectionMutation<TVars, TResult>(id: number | null, fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      // Writes answer with the fresh election: show it at once, then refresh the rest.
      if (id !== null && data && typeof data === 'object' && 'status' in data && 'version' in data) qc.setQueryData(electionKeys.detail(id), data as unknown as Election);
      return qc.invalidateQueries({ queryKey: id === null ? electionKeys.all : electionKeys.one(id) });
    },
    onError: (e) => (isApiError(e) && e.code === 'VERSION_CONFLICT' && id !== null ? qc.invalidateQueries({ queryKey: electionKeys.one(id) }) : undefined),
  });
}

export function useCreateElection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateElectionRequest) => api<Election>('/elections', { method: 'POST', body }),
    onSuccess: (e) => {
      qc.setQueryData(electionKeys.detail(e.id), e);
      return qc.invalidateQueries({ queryKey: electionKeys.ofOrg(e.orgId) });
    },
  });
}

export const useAssignCounters = (id: number) =>
  useElectionMutation(id, (counters: { userId: number; isChief: boolean; team: Team | null }[]) => api<Election>(`/elections/${id}/counters`, { method: 'PUT', body: { counters } }));

export type OpenEntryBody = {
  version: number;
  present: number;
  ballotsIssued: number;
  ballotsCollected: number;
  listVote: { agree: number; disagree: number; present: number };
  subordinateOrgs?: { total: number; withDelegatesPresent: number };
};
export const useSetEntryKeys = (id: number) =>
  useElectionMutation(id, (body: { version: number; entryKeys: EntryKeys }) => api<Election>(`/elections/${id}/entry-keys`, { method: 'PUT', body }));
export const useSetRuleSettings = (id: number) =>
  useElectionMutation(id, (body: { version: number; settings: Record<string, unknown> }) => api<Election>(`/elections/${id}/rule-settings`, { method: 'PUT', body }));
export const useOpenEntry = (id: number) => useElectionMutation(id, (body: OpenEntryBody) => api<Election>(`/elections/${id}/open-entry`, { method: 'POST', body }));
export function useNominate(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NominateBody) => api<NominateResult>(`/elections/${id}/nominations`, { method: 'POST', body }),
    onSuccess: (r) => {
      qc.setQueryData(electionKeys.detail(id), r.election);
      return qc.invalidateQueries({ queryKey: electionKeys.one(id) });
    },
    onError: (e) => (isApiError(e) && e.code === 'VERSION_CONFLICT' ? qc.invalidateQueries({ queryKey: electionKeys.one(id) }) : undefined),
  });
}
export const useResolveBallot = (id: number) =>
  useElectionMutation(id, (body: { serial: number; entry: BallotEntryInput; reason: string }) => api<Reconciliation>(`/elections/${id}/resolutions`, { method: 'POST', body }));
export const useCount = (id: number) => useElectionMutation(id, () => api<Election>(`/elections/${id}/count`, { method: 'POST' }));
export const usePublish = (id: number) => useElectionMutation(id, () => api<Election>(`/elections/${id}/publish`, { method: 'POST' }));
export const useAppoint = (id: number) =>
  useElectionMutation(id, (body: { version: number; fullName: string; decisionNo: string; decisionDate: string }) => api<Election>(`/elections/${id}/appointments`, { method: 'POST', body }));
export const useApprove = (id: number) =>
  useElectionMutation(id, (body: { version: number; decisionNo: string; decisionDate: string }) => api<Election>(`/elections/${id}/approve`, { method: 'POST', body }));
export const useNextRound = (id: number) => useElectionMutation(id, (body: NextRoundRequest) => api<Election>(`/elections/${id}/next-round`, { method: 'POST', body }));

/** Saving one ballot: the caller acknowledges it only when this resolves (the server has committed it). */
export const saveBallot = (id: number, body: { serial: number; entry: BallotEntryInput; correctionReason?: string }) =>
  api<SavedBallot>(`/elections/${id}/ballots`, { method: 'POST', body });
