import type { Db, Queryable } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/clock.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { fail } from '../../platform/http/errors.ts';
import type { ApiErrorDetail } from '../../../../shared/src/contracts/errors.ts';
import { electionKindLabels, type CreateElectionRequest } from '../../../../shared/src/contracts/elections.ts';
import { sameRule } from '../../../../shared/src/contracts/personnel.ts';
import type {
  AddCandidateRequest,
  CommitteeMember,
  CongressCandidate,
  CongressPersonnel,
  CreateCommitteeElectionRequest,
  CreateFirstMeetingElectionRequest,
  PersonnelCongressHit,
  PersonnelPlan,
  PersonnelPresets,
  RecordStepRequest,
  SavePlanRequest,
  SaveStepsRequest,
  SaveTargetsRequest,
  StepOutcomeView,
  UpdateCandidateRequest,
} from '../../../../shared/src/contracts/personnel.ts';
import { foldVietnamese, viCollator } from '../../../../shared/src/text.ts';
import { assertCanRead, canWriteOrgs, pathInside } from '../organizations/organizations.policy.ts';
import { directivePresets, type DirectivePresetCode } from '../campaigns/campaign-presets.ts';
import type { ApprovalCheckItem, ApprovalCheckSource } from '../campaigns/approval-checklist.ts';
import { type AgeBands, checkComposition, isProvinceOrCommune, type CompositionPerson, type CompositionPresetCode, compositionPresets, type CompositionTarget, targetProblems } from './composition-rules.ts';
import { checkEligibility, DEFAULT_TERM_MONTHS, type EligibilityRuleSet, type PostKind, referenceMonthRule, referenceUnitOf, STATE_REFERENCE_MONTH_2025, type Candidacy } from './eligibility-rules.ts';
import { evaluateProcess, type HeadChoice, headChoiceProblem, heldStepProblems, nominationPresets, type NominationStep, planStepEdit, stepReferenceProblems } from './nomination-rules.ts';
import {
  type ElectionProgress,
  type FirstMeetingKind,
  firstMeetingKinds,
  firstMeetingPool,
  firstMeetingRules,
  type MeetingState,
  nomineeProblems,
  type OutsideNominee,
  outsideEligibilityProblems,
} from './first-meeting-rules.ts';
import { complaintBlock, type ComplaintFacts } from './complaint-rules.ts';
import { COMPLAINT_SELECT, type ComplaintRow, presentComplaints } from './people.service.ts';
import { retirementOf } from './retirement-rules.ts';
import { compactRows, readLists } from './compact-rows.ts';
import type { FinishedElection } from '../elections/elections.service.ts';

/** Creates an election inside the caller's transaction (the elections service's createIn). */
export type CreateElectionIn = (
  tx: Queryable,
  actor: Actor,
  input: Omit<CreateElectionRequest, 'candidates'> & { candidates: (CreateElectionRequest['candidates'][number] & { personId?: number })[] },
) => Promise<number>;

type CongressRow = {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  kind_code: string;
  level: number;
  campaign_id: number;
  form: 'members' | 'delegates';
  status: string;
  term_from: number;
  term_to: number;
  preset: string;
};

type PlanSettings = {
  termMonths: number;
  stateReferenceMonth: string;
  ageBands: AgeBands;
  nominationPreset: string;
  nominationLabel: string;
  nominationConfirmed: boolean;
  nominationSource: string;
  /** Why the reference month (plans saved before this was kept have none). */
  referenceMonthSource?: string;
  referenceMonthConfirmed?: boolean;
  /** The province or a commune (CT 45's "trẻ dưới 42" applies there); unknown on older plans. */
  provinceOrCommune?: boolean;
};
type PlanRow = {
  congress_id: number;
  preset: CompositionPresetCode;
  committee_size: number;
  standing_size: number;
  reference_month: string;
  eligibility_rules: EligibilityRuleSet;
  merged_unit: boolean;
  targets: CompositionTarget[];
  nomination_steps: NominationStep[];
  settings: PlanSettings;
  list_status: 'draft' | 'approved';
  list_approved_at: Date | null;
  version: number;
};

type CandidateRow = {
  person_id: number;
  full_name: string;
  birth_date: string;
  gender: 'male' | 'female';
  ethnicity: string;
  sci_tech: boolean;
  retirement_date_entered: string | null;
  position: number;
  candidacy: Candidacy;
  post_kind: PostKind;
  incumbent: boolean;
  standing_proposed: boolean;
  vetting: CongressCandidate['vetting'];
  vetting_note: string | null;
  workplace_opinion: string | null;
  residence_opinion: string | null;
};

const bodyOfKind: Record<string, string> = {
  executiveCommittee: 'executiveCommittee',
  standingCommittee: 'standingCommittee',
  secretary: 'secretary',
  deputySecretary: 'deputySecretary',
  inspectionCommission: 'inspectionCommission',
  inspectionChair: 'inspectionChair',
  inspectionDeputyChair: 'inspectionDeputyChair',
};
/** The posts that sit in the standing committee (the composition's "in the standing committee"). */
const STANDING_BODIES = new Set(['standingCommittee', 'secretary', 'deputySecretary']);
const bodyLabels: Record<string, string> = {
  executiveCommittee: 'Ban Chấp hành',
  standingCommittee: 'Ban Thường vụ',
  secretary: 'Bí thư',
  deputySecretary: 'Phó Bí thư',
  inspectionCommission: 'Ủy ban Kiểm tra',
  inspectionChair: 'Chủ nhiệm Ủy ban Kiểm tra',
  inspectionDeputyChair: 'Phó Chủ nhiệm Ủy ban Kiểm tra',
};

async function loadCongress(q: Queryable, id: number): Promise<CongressRow> {
  const r = await q.query<CongressRow>(
    `SELECT c.id, c.org_id, o.name AS org_name, o.path::text AS org_path, o.kind_code, c.level, c.campaign_id, c.form, c.status, k.term_from, k.term_to, k.preset
       FROM congresses c JOIN organizations o ON o.id = c.org_id JOIN campaigns k ON k.id = c.campaign_id WHERE c.id = $1`,
    [id],
  );
  const row = r.rows[0];
  if (!row) fail('CONGRESS_NOT_FOUND');
  return row!;
}

async function loadPlan(q: Queryable, congressId: number, forUpdate = false): Promise<PlanRow | null> {
  const r = await q.query<PlanRow>(`SELECT * FROM personnel_plans WHERE congress_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [congressId]);
  return r.rows[0] ?? null;
}

/**
 * The list as every reader needs it, in list order. One JSON cell (compactRows) since it may hold
 * a thousand names; sorted here, which costs less than sorting the built rows in the database.
 */
async function candidateRows(q: Queryable, congressId: number): Promise<CandidateRow[]> {
  const rows = await compactRows<CandidateRow & { id: number }>(
    q,
    {
      id: 'cc.id',
      person_id: 'cc.person_id',
      full_name: 'p.full_name',
      birth_date: 'p.birth_date',
      gender: 'p.gender',
      ethnicity: 'p.ethnicity',
      sci_tech: 'p.sci_tech',
      retirement_date_entered: 'p.retirement_date_entered',
      position: 'cc.position',
      candidacy: 'cc.candidacy',
      post_kind: 'cc.post_kind',
      incumbent: 'cc.incumbent',
      standing_proposed: 'cc.standing_proposed',
      vetting: 'cc.vetting',
      vetting_note: 'cc.vetting_note',
      workplace_opinion: 'cc.workplace_opinion',
      residence_opinion: 'cc.residence_opinion',
    },
    `FROM congress_candidates cc JOIN persons p ON p.id = cc.person_id WHERE cc.congress_id = $1`,
    [congressId],
  );
  return rows.sort((a, b) => a.position - b.position || a.id - b.id);
}

/** The people on a congress' list, as a subquery (no thousand-id parameter to send). */
const LISTED = `(SELECT person_id FROM congress_candidates WHERE congress_id = $1)`;

type ComplaintFactRow = { id: number; person_id: number; status: ComplaintFacts['status']; outcome: ComplaintFacts['outcome']; received_on: string; summary: string };

/** Complaints per person, oldest first (complaintBlock names the oldest open one). */
function factsByPerson(rows: readonly ComplaintFactRow[]): Map<number, ComplaintFacts[]> {
  const out = new Map<number, ComplaintFacts[]>();
  const sorted = [...rows].sort((a, b) => (a.received_on < b.received_on ? -1 : a.received_on > b.received_on ? 1 : a.id - b.id));
  for (const c of sorted) out.set(c.person_id, [...(out.get(c.person_id) ?? []), { id: c.id, status: c.status, outcome: c.outcome, receivedOn: c.received_on, summary: c.summary }]);
  return out;
}

async function complaintFacts(q: Queryable, congressId: number): Promise<Map<number, ComplaintFacts[]>> {
  const r = await q.query<ComplaintFactRow>(`SELECT id, person_id, status, outcome, received_on, summary FROM person_complaints WHERE person_id IN ${LISTED}`, [congressId]);
  return factsByPerson(r.rows);
}

const rulesOfCampaign = (c: Pick<CongressRow, 'preset' | 'term_from'>): EligibilityRuleSet => (c.preset === 'CT35-2019' ? '2020' : c.preset === 'CT45-2025' ? '2025' : c.term_from >= 2025 ? '2025' : '2020');
const regulationOf = (c: Pick<CongressRow, 'preset' | 'term_from'>): '2014' | '2024' => directivePresets[c.preset as DirectivePresetCode]?.regulation ?? (c.term_from >= 2025 ? '2024' : '2014');

function eligibilityOf(plan: PlanRow, c: Pick<CandidateRow, 'birth_date' | 'gender' | 'retirement_date_entered' | 'candidacy' | 'post_kind'>) {
  return checkEligibility({
    retirementMonth: retirementOf({ birthDate: c.birth_date, gender: c.gender, retirementDateEntered: c.retirement_date_entered }).month,
    referenceMonth: c.post_kind === 'stateFrontPost' ? plan.settings.stateReferenceMonth : plan.reference_month,
    candidacy: c.candidacy,
    post: c.post_kind,
    rules: plan.eligibility_rules,
    termMonths: plan.settings.termMonths,
  });
}

function compositionOf(plan: PlanRow, people: CompositionPerson[]) {
  return checkComposition(people, plan.targets, {
    onDate: `${plan.reference_month}-01`,
    bands: plan.settings.ageBands,
    mergedUnit: plan.merged_unit,
    termMonths: plan.settings.termMonths,
    ...(plan.settings.provinceOrCommune === undefined ? {} : { provinceOrCommune: plan.settings.provinceOrCommune }),
  });
}

const asComposition = (r: { gender: 'male' | 'female'; birth_date: string; ethnicity: string; sci_tech: boolean }, incumbent: boolean, standing: boolean): CompositionPerson => ({
  gender: r.gender,
  birthDate: r.birth_date,
  ethnicity: r.ethnicity,
  sciTech: r.sci_tech,
  incumbent,
  standing,
});

const nominationOf = (s: Pick<PlanSettings, 'nominationPreset' | 'nominationLabel' | 'nominationConfirmed' | 'nominationSource'>) => ({
  nominationPreset: s.nominationPreset,
  nominationLabel: s.nominationLabel,
  nominationConfirmed: s.nominationConfirmed,
  nominationSource: s.nominationSource,
});
/** Steps the unit set itself: its own decision, so nothing is left unconfirmed. */
const customNomination = nominationOf({ nominationPreset: 'custom', nominationLabel: 'Quy trình do đơn vị tự đặt', nominationConfirmed: true, nominationSource: 'Do đơn vị nhập' });

/** Steps that already have recorded votes. */
async function heldSteps(q: Queryable, congressId: number): Promise<Set<number>> {
  const r = await q.query<{ step_no: number }>(`SELECT step_no FROM nomination_step_results WHERE congress_id = $1`, [congressId]);
  return new Set(r.rows.map((x) => x.step_no));
}

type CommitteeRow = { person_id: number | null; full_name: string; body: string; term_from: number; term_to: number; elected_on: string; election_id: number };
const COMMITTEE_OF = `SELECT person_id, full_name, body, term_from, term_to, elected_on, election_id FROM committee_members WHERE congress_id = $1`;
const committeeOrder = ['secretary', 'deputySecretary', 'standingCommittee', 'executiveCommittee', 'inspectionChair', 'inspectionDeputyChair', 'inspectionCommission'];
function presentCommittee(rows: readonly CommitteeRow[]): CommitteeMember[] {
  return rows
    .map((m) => ({ personId: m.person_id, fullName: m.full_name, body: m.body, bodyLabel: bodyLabels[m.body] ?? m.body, termFrom: m.term_from, termTo: m.term_to, electedOn: m.elected_on, electionId: m.election_id }))
    .sort((a, b) => committeeOrder.indexOf(a.body) - committeeOrder.indexOf(b.body) || viCollator.compare(a.fullName, b.fullName));
}

type StepRow = {
  step_no: number;
  held_on: string;
  summoned: number;
  present: number;
  votes: { personId: number; votes: number }[];
  head_choice: (HeadChoice & { recordedBy?: string; recordedByUserId?: number; recordedAt: string }) | null;
};
const STEPS_OF = `SELECT step_no, held_on, summoned, present, votes, head_choice FROM nomination_step_results WHERE congress_id = $1`;
const asStepResult = (s: StepRow) => ({ no: s.step_no, summoned: s.summoned, present: s.present, votes: s.votes, headChoice: s.head_choice ? { personId: s.head_choice.personId, chosenBy: s.head_choice.chosenBy } : null });

/**
 * The elections linked to a congress, each with how far it got: read from the elections domain's
 * record (its status, closing day and the last counted round in its history), so a body elected
 * short, or waiting for the meeting's decision, is told apart from one still being counted.
 */
const ELECTIONS_OF = `SELECT pe.election_id, pe.body, e.title, e.status, e.seats, e.closed_on IS NOT NULL AS closed,
       lr.h->>'purpose' AS last_purpose, coalesce((lr.h->>'number')::int, 0) AS rounds,
       coalesce(jsonb_array_length(lr.h->'result'->'outcome'->'elected'), 0) AS elected,
       coalesce(jsonb_typeof(lr.h->'result'->'tie') = 'object', false) AS tie
  FROM personnel_elections pe JOIN elections e ON e.id = pe.election_id
  LEFT JOIN LATERAL (SELECT x.h FROM jsonb_array_elements(e.history) WITH ORDINALITY x(h, n) WHERE x.h->>'type' = 'round' ORDER BY x.n DESC LIMIT 1) lr ON true
 WHERE pe.congress_id = $1`;
type LinkedElection = { election_id: number; body: string; title: string; status: string; seats: number; closed: boolean; last_purpose: string | null; rounds: number; elected: number; tie: boolean };

function progressOf(e: LinkedElection): ElectionProgress {
  const stage = e.closed ? 'closed' : e.status !== 'published' ? 'running' : e.tie && e.last_purpose !== 'tieBreak' ? 'tieBreakNext' : 'awaitingDecision';
  return { stage, seats: e.seats, elected: e.elected, rounds: e.rounds };
}

/** The new committee's bodies so far, and the first-meeting elections created but not yet finished. */
function meetingState(committee: readonly CommitteeMember[], elections: readonly LinkedElection[]): MeetingState {
  const of = (body: string) => committee.filter((m) => m.body === body && m.personId !== null).map((m) => ({ personId: m.personId!, fullName: m.fullName }));
  const kinds = new Set<string>(firstMeetingKinds);
  const mine = elections.filter((e) => kinds.has(e.body));
  const progress: Partial<Record<FirstMeetingKind, ElectionProgress>> = {};
  for (const e of mine) progress[e.body as FirstMeetingKind] = progressOf(e);
  const unfinished = new Set(mine.filter((e) => !e.closed).map((e) => e.body as FirstMeetingKind));
  return {
    executive: of('executiveCommittee'),
    standing: of('standingCommittee'),
    inspection: of('inspectionCommission'),
    inspectionChair: of('inspectionChair'),
    inspectionDeputyChair: of('inspectionDeputyChair'),
    unfinished,
    progress,
  };
}

const firstMeetingView = (state: MeetingState): CongressPersonnel['firstMeeting'] =>
  firstMeetingKinds.map((kind) => {
    const pool = firstMeetingPool(kind, state);
    const rule = firstMeetingRules[kind];
    return {
      kind,
      from: pool.from,
      rule: rule.rule,
      source: rule.source,
      confirmed: rule.confirmed,
      ready: pool.ready,
      why: pool.why,
      note: pool.note,
      members: pool.members.map((m) => ({ personId: m.personId, fullName: m.fullName })),
    };
  });

export const presetsView = (): PersonnelPresets => ({
  composition: Object.values(compositionPresets).map((p) => ({ code: p.code, label: p.label, targets: p.targets, bands: p.bands, bandsConfirmed: p.bandsConfirmed, bandsSource: p.bandsSource })),
  nomination: Object.values(nominationPresets).map((n) => ({ code: n.preset, label: n.label, confirmed: n.confirmed, source: n.source, steps: n.steps })),
  retirementSource: 'Nghị định 135/2020/NĐ-CP (lộ trình tuổi nghỉ hưu)',
});

export function createCongressPersonnelService(deps: { db: Db; clock: Clock; createElectionIn: CreateElectionIn }) {
  const { db } = deps;

  const canEdit = (actor: Actor, c: CongressRow) => canWriteOrgs(actor) && pathInside(c.org_path, actor.scopePath);
  function assertEdit(actor: Actor, c: CongressRow) {
    if (!pathInside(c.org_path, actor.scopePath)) fail('ORG_OUT_OF_SCOPE');
    if (!canWriteOrgs(actor)) fail('FORBIDDEN_ROLE');
  }
  async function writable(tx: Queryable, actor: Actor, congressId: number, opts: { draft: boolean }) {
    const c = await loadCongress(tx, congressId);
    assertEdit(actor, c);
    const plan = await loadPlan(tx, congressId, true);
    if (!plan) fail('PERSONNEL_PLAN_NOT_FOUND');
    if (opts.draft && plan!.list_status === 'approved') fail('CANDIDATE_LIST_APPROVED');
    return { c, plan: plan! };
  }
  const audit = (tx: Queryable, actor: Actor | null, c: CongressRow, action: string, summary: string, details?: unknown) =>
    recordAudit(tx, actor, { action, entityType: 'congressPersonnel', entityId: c.id, orgId: c.org_id, summary, details });

  function presentPlan(p: PlanRow): PersonnelPlan {
    return {
      preset: p.preset,
      presetLabel: compositionPresets[p.preset]?.label ?? p.preset,
      committeeSize: p.committee_size,
      standingSize: p.standing_size,
      referenceMonth: p.reference_month,
      referenceMonthSource: p.settings.referenceMonthSource ?? null,
      referenceMonthConfirmed: p.settings.referenceMonthConfirmed ?? true,
      eligibilityRules: p.eligibility_rules,
      mergedUnit: p.merged_unit,
      targets: p.targets,
      ageBands: p.settings.ageBands,
      ageBandsConfirmed: compositionPresets[p.preset]?.bandsConfirmed ?? false,
      nominationPreset: p.settings.nominationPreset,
      nominationLabel: p.settings.nominationLabel,
      nominationConfirmed: p.settings.nominationConfirmed,
      nominationSource: p.settings.nominationSource,
      nominationSteps: p.nomination_steps,
      termMonths: p.settings.termMonths,
      stateReferenceMonth: p.settings.stateReferenceMonth,
      listStatus: p.list_status,
      listApprovedAt: p.list_approved_at ? p.list_approved_at.toISOString() : null,
      version: p.version,
    };
  }

  /** Why each candidate cannot go on the approved list, named and explained. */
  async function blockers(q: Queryable, plan: PlanRow, rows: CandidateRow[]): Promise<ApiErrorDetail[]> {
    const complaints = await complaintFacts(q, plan.congress_id);
    const out: ApiErrorDetail[] = [];
    for (const r of rows) {
      const el = eligibilityOf(plan, r);
      if (!el.eligible) out.push({ field: `candidates.${r.person_id}`, code: 'INELIGIBLE', message: `${r.full_name}: ${el.explanation}` });
      const block = complaintBlock(complaints.get(r.person_id) ?? []);
      if (block) out.push({ field: `candidates.${r.person_id}`, code: 'COMPLAINT_UNRESOLVED', message: `${r.full_name}: ${block}` });
      if (r.vetting === 'concerns') out.push({ field: `candidates.${r.person_id}`, code: 'VETTING_CONCERNS', message: `${r.full_name}: thẩm tra tiêu chuẩn chính trị còn vấn đề chưa rõ` });
      // Vetting not yet concluded holds the list back just as open concerns do.
      if (r.vetting === 'pending') out.push({ field: `candidates.${r.person_id}`, code: 'VETTING_PENDING', message: `${r.full_name}: chưa có kết luận thẩm tra chính trị` });
    }
    return out;
  }

  async function committeeOf(q: Queryable, congressId: number): Promise<CommitteeMember[]> {
    return presentCommittee((await q.query<CommitteeRow>(COMMITTEE_OF, [congressId])).rows);
  }

  return {
    presets: presetsView,

    /** Congresses in the actor's subtree (active campaigns), to open their personnel page; planned ones first. */
    async congresses(actor: Actor, q: string | undefined): Promise<PersonnelCongressHit[]> {
      const folded = q ? `%${foldVietnamese(q)}%` : null;
      const r = await db.query<{ id: number; org_name: string; campaign_name: string; term_from: number; term_to: number; list_status: string | null; candidates: number }>(
        `SELECT c.id, o.name AS org_name, k.name AS campaign_name, k.term_from, k.term_to, pl.list_status,
                (SELECT count(*)::int FROM congress_candidates cc WHERE cc.congress_id = c.id) AS candidates
           FROM congresses c JOIN organizations o ON o.id = c.org_id JOIN campaigns k ON k.id = c.campaign_id
           LEFT JOIN personnel_plans pl ON pl.congress_id = c.id
          WHERE c.org_path <@ $1::ltree AND k.status = 'active' AND ($2::text IS NULL OR o.search_text LIKE $2)
            AND ($2::text IS NOT NULL OR pl.congress_id IS NOT NULL)
          ORDER BY (pl.congress_id IS NULL), nlevel(c.org_path), c.id LIMIT 30`,
        [actor.scopePath, folded],
      );
      return r.rows.map((x) => ({ congressId: x.id, orgName: x.org_name, campaignName: x.campaign_name, term: `${x.term_from}–${x.term_to}`, listStatus: (x.list_status as 'draft' | 'approved' | null) ?? null, candidates: x.candidates }));
    },

    async view(actor: Actor, congressId: number): Promise<CongressPersonnel> {
      const c = await loadCongress(db, congressId);
      assertCanRead(actor, c.org_path);
      const plan = await loadPlan(db, congressId);
      const rows = plan ? await candidateRows(db, congressId) : [];
      const onList = new Set(rows.map((r) => r.person_id));
      // The page's short lists in one round trip (readLists): complaints about the listed people or
      // sent to this congress, current posts, steps held, linked elections, the new committee.
      const lists = await readLists<{
        complaints: ComplaintRow;
        posts: { person_id: number; title: string; id: number };
        steps: StepRow;
        elections: LinkedElection;
        committee: CommitteeRow;
      }>(
        db,
        {
          complaints: `${COMPLAINT_SELECT} WHERE c.person_id IN ${LISTED} OR c.congress_id = $1`,
          posts: `SELECT person_id, title, id FROM person_posts WHERE person_id IN ${LISTED} AND to_date IS NULL`,
          steps: STEPS_OF,
          elections: ELECTIONS_OF,
          committee: COMMITTEE_OF,
        },
        [congressId],
      );
      const complaintRows = lists.complaints.sort((a, b) => (a.received_on < b.received_on ? 1 : a.received_on > b.received_on ? -1 : b.id - a.id));
      const complaints = factsByPerson(complaintRows.filter((x) => onList.has(x.person_id)));
      const posts = new Map<number, string[]>();
      for (const p of lists.posts.sort((a, b) => a.id - b.id)) posts.set(p.person_id, [...(posts.get(p.person_id) ?? []), p.title]);
      const stepRows = lists.steps.sort((a, b) => a.step_no - b.step_no);
      const elections = lists.elections.sort((a, b) => a.election_id - b.election_id);
      const committee = presentCommittee(lists.committee);
      const steps: StepOutcomeView[] = [];
      const passedBy = new Map<number, number[]>();
      // Replayed in order from the recorded votes: a step may look back at an earlier one (ND 170 step 3).
      const outcomes = evaluateProcess(plan?.nomination_steps ?? [], stepRows.map(asStepResult));
      for (const s of stepRows) {
        const def = plan?.nomination_steps.find((x) => x.no === s.step_no);
        const o = outcomes.get(s.step_no);
        if (!def || !o) continue;
        for (const v of o.perPerson) if (v.passed) passedBy.set(v.personId, [...(passedBy.get(v.personId) ?? []), s.step_no]);
        steps.push({
          no: s.step_no,
          name: def.name,
          heldOn: s.held_on,
          summoned: s.summoned,
          present: s.present,
          quorumMet: o.quorumMet,
          quorumText: o.quorumText,
          stopped: o.stopped,
          tied: o.tied,
          awaitingChoice: o.awaitingChoice,
          headChoice: s.head_choice ? { personId: s.head_choice.personId, chosenBy: s.head_choice.chosenBy, recordedBy: s.head_choice.recordedBy ?? null, recordedAt: s.head_choice.recordedAt } : null,
          votes: o.perPerson.map((v) => ({ personId: v.personId, votes: v.votes, passed: v.passed, text: v.text })),
        });
      }
      const candidates: CongressCandidate[] = plan
        ? rows.map((r) => {
            const el = eligibilityOf(plan, r);
            return {
              personId: r.person_id,
              fullName: r.full_name,
              birthDate: r.birth_date,
              gender: r.gender,
              ethnicity: r.ethnicity,
              posts: posts.get(r.person_id) ?? [],
              position: r.position,
              candidacy: r.candidacy,
              postKind: r.post_kind,
              incumbent: r.incumbent,
              standingProposed: r.standing_proposed,
              vetting: r.vetting,
              vettingNote: r.vetting_note,
              workplaceOpinion: r.workplace_opinion,
              residenceOpinion: r.residence_opinion,
              eligibility: { eligible: el.eligible, monthsLeft: el.monthsLeft, monthsNeeded: el.monthsNeeded, explanation: el.explanation, confirmed: el.confirmed, source: el.source },
              blockedBy: complaintBlock(complaints.get(r.person_id) ?? []),
              passedSteps: passedBy.get(r.person_id) ?? [],
            };
          })
        : [];
      let ballot = null;
      let elected = null;
      if (plan) {
        const committeeElection = elections.find((e) => e.body === 'executiveCommittee');
        const byPerson = new Map(rows.map((r) => [r.person_id, r]));
        if (committeeElection) {
          // The ballot is the election's own list: names nominated at the congress count too when they have a profile.
          const b = await compactRows<{ person_id: number; gender: 'male' | 'female'; birth_date: string; ethnicity: string; sci_tech: boolean }>(
            db,
            { person_id: 'p.id', gender: 'p.gender', birth_date: 'p.birth_date', ethnicity: 'p.ethnicity', sci_tech: 'p.sci_tech' },
            `FROM election_candidates ec JOIN persons p ON p.id = ec.person_id WHERE ec.election_id = $1`,
            [committeeElection.election_id],
          );
          ballot = compositionOf(plan, b.map((x) => asComposition(x, byPerson.get(x.person_id)?.incumbent ?? false, byPerson.get(x.person_id)?.standing_proposed ?? false)));
        }
        const members = committee.filter((m) => m.body === 'executiveCommittee' && m.personId);
        if (members.length > 0) {
          const standing = new Set(committee.filter((m) => STANDING_BODIES.has(m.body)).map((m) => m.personId));
          const e = await db.query<{ id: number; gender: 'male' | 'female'; birth_date: string; ethnicity: string; sci_tech: boolean }>(
            `SELECT id, gender, birth_date, ethnicity, sci_tech FROM persons WHERE id = ANY($1::int[])`,
            [members.map((m) => m.personId)],
          );
          elected = compositionOf(plan, e.rows.map((x) => asComposition(x, byPerson.get(x.id)?.incumbent ?? false, standing.has(x.id))));
        }
      }
      return {
        congress: { id: c.id, orgId: c.org_id, orgName: c.org_name, level: c.level, campaignId: c.campaign_id, termFrom: c.term_from, termTo: c.term_to, form: c.form, status: c.status },
        plan: plan ? presentPlan(plan) : null,
        candidates,
        composition: {
          candidates: plan ? compositionOf(plan, rows.map((r) => asComposition(r, r.incumbent, r.standing_proposed))) : [],
          ballot,
          elected,
        },
        steps,
        complaints: await presentComplaints(db, complaintRows),
        elections: elections.map((e) => ({ electionId: e.election_id, body: e.body, title: e.title, status: e.status })),
        committee,
        firstMeeting: firstMeetingView(meetingState(committee, elections)),
        can: { edit: canEdit(actor, c) },
      };
    },

    async savePlan(actor: Actor, congressId: number, input: SavePlanRequest): Promise<CongressPersonnel> {
      await db.transaction(async (tx) => {
        const c = await loadCongress(tx, congressId);
        assertEdit(actor, c);
        const existing = await loadPlan(tx, congressId, true);
        if (existing && input.version !== existing.version) fail('VERSION_CONFLICT');
        if (input.standingSize >= input.committeeSize) fail('PERSONNEL_PLAN_INVALID', 'Số ủy viên Ban Thường vụ phải ít hơn số ủy viên Ban Chấp hành.', [{ field: 'standingSize', code: 'TOO_LARGE', message: 'Phải ít hơn số ủy viên Ban Chấp hành.' }]);
        const preset = compositionPresets[input.preset];
        const rules = input.eligibilityRules ?? existing?.eligibility_rules ?? rulesOfCampaign(c);
        // Only the plan needs the campaign's levels (a sizeable jsonb): read here, not on every view.
        const levels = await tx.query<{ window_start: string | null }>(
          `SELECT l->>'windowStart' AS window_start FROM campaigns k, jsonb_array_elements(k.levels) l WHERE k.id = $1 AND (l->>'level')::int = $2`,
          [c.campaign_id, c.level],
        );
        const windowStart = levels.rows[0]?.window_start;
        // The month age is counted from: a commune directly under the province has its own (CT 45: 7/2025),
        // otherwise the level's window in the campaign, else the rules' table; the unit may enter another.
        const unit = referenceUnitOf({ level: c.level, kindCode: c.kind_code, name: c.org_name });
        const rule = referenceMonthRule(rules, c.level, unit);
        const byDefault =
          unit === 'commune' || !windowStart
            ? { month: rule.month, source: `${rule.label} — ${rule.source}`, confirmed: rule.confirmed }
            : { month: windowStart.slice(0, 7), source: `Thời điểm bắt đầu đại hội cấp này trong kế hoạch của đợt đại hội (${rule.source})`, confirmed: true };
        const referenceMonth = input.referenceMonth ?? existing?.reference_month ?? byDefault.month;
        const reference =
          referenceMonth === byDefault.month
            ? byDefault
            : existing && referenceMonth === existing.reference_month && existing.settings.referenceMonthSource
              ? { source: existing.settings.referenceMonthSource, confirmed: existing.settings.referenceMonthConfirmed ?? true }
              : { source: 'Do đơn vị nhập', confirmed: true };
        const nomCode = (input.nominationPreset ?? existing?.settings.nominationPreset ?? 'committee-default') as keyof typeof nominationPresets;
        const nom = nominationPresets[nomCode] ?? nominationPresets['committee-default'];
        const customSteps = input.nominationSteps;
        if (customSteps) {
          const nos = customSteps.map((s) => s.no);
          if (new Set(nos).size !== nos.length) fail('PERSONNEL_PLAN_INVALID', 'Số thứ tự các bước giới thiệu bị trùng.', [{ field: 'nominationSteps', code: 'DUPLICATE_STEP', message: 'Số thứ tự bị trùng.' }]);
          const refs = stepReferenceProblems(customSteps);
          if (refs.length > 0) fail('PERSONNEL_PLAN_INVALID', refs[0]!.message, refs);
        }
        // Neither a preset nor steps given: the plan keeps its process, a unit's own steps included.
        const keepSteps = existing !== null && !customSteps && !input.nominationPreset;
        const steps = customSteps ?? (keepSteps ? existing!.nomination_steps : nom.steps);
        if (existing) {
          const held = await heldSteps(tx, congressId);
          const problems = heldStepProblems(existing.nomination_steps, held, (s) => steps.find((n) => n.no === s.no));
          if (problems.length > 0) fail('NOMINATION_STEP_HAS_VOTES', problems[0]!.message, problems);
        }
        const ageBands = input.ageBands ?? (existing && existing.preset === input.preset ? existing.settings.ageBands : preset.bands);
        const targets = input.targets ?? (existing && existing.preset === input.preset ? existing.targets : preset.targets);
        const problems = targetProblems(targets, ageBands);
        if (problems.length > 0) fail('PERSONNEL_PLAN_INVALID', problems[0]!.message, problems);
        const nomination = customSteps ? customNomination : keepSteps ? nominationOf(existing!.settings) : nominationOf({ nominationPreset: nom.preset, nominationLabel: nom.label, nominationConfirmed: nom.confirmed, nominationSource: nom.source });
        const settings: PlanSettings = {
          termMonths: input.termMonths ?? existing?.settings.termMonths ?? DEFAULT_TERM_MONTHS,
          stateReferenceMonth: input.stateReferenceMonth ?? existing?.settings.stateReferenceMonth ?? (rules === '2025' ? STATE_REFERENCE_MONTH_2025 : referenceMonth),
          ageBands,
          ...nomination,
          referenceMonthSource: reference.source,
          referenceMonthConfirmed: reference.confirmed,
          provinceOrCommune: isProvinceOrCommune({ level: c.level, kindCode: c.kind_code, name: c.org_name }),
        };
        await tx.query(
          `INSERT INTO personnel_plans (congress_id, preset, committee_size, standing_size, reference_month, eligibility_rules, merged_unit, targets, nomination_steps, settings)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb)
           ON CONFLICT (congress_id) DO UPDATE SET preset = EXCLUDED.preset, committee_size = EXCLUDED.committee_size, standing_size = EXCLUDED.standing_size,
             reference_month = EXCLUDED.reference_month, eligibility_rules = EXCLUDED.eligibility_rules, merged_unit = EXCLUDED.merged_unit, targets = EXCLUDED.targets,
             nomination_steps = EXCLUDED.nomination_steps, settings = EXCLUDED.settings, version = personnel_plans.version + 1, updated_at = now()`,
          [congressId, input.preset, input.committeeSize, input.standingSize, referenceMonth, rules, input.mergedUnit ?? false, JSON.stringify(targets), JSON.stringify(steps), JSON.stringify(settings)],
        );
        await audit(tx, actor, c, existing ? 'personnel.planUpdated' : 'personnel.planCreated', `Phương án nhân sự ${c.org_name}: ${input.committeeSize} ủy viên, ${input.standingSize} ủy viên Ban Thường vụ`, input);
      });
      return this.view(actor, congressId);
    },

    /** The unit's own target values (e.g. its ethnic minority share), checked at once against the list by the view. */
    async saveTargets(actor: Actor, congressId: number, input: SaveTargetsRequest): Promise<CongressPersonnel> {
      await db.transaction(async (tx) => {
        const { c, plan } = await writable(tx, actor, congressId, { draft: false });
        if (plan.version !== input.version) fail('VERSION_CONFLICT');
        const ageBands = input.ageBands ?? plan.settings.ageBands;
        const problems = targetProblems(input.targets, ageBands);
        if (problems.length > 0) fail('PERSONNEL_PLAN_INVALID', problems[0]!.message, problems);
        await tx.query(`UPDATE personnel_plans SET targets = $2::jsonb, settings = $3::jsonb, version = version + 1, updated_at = now() WHERE congress_id = $1`, [
          congressId,
          JSON.stringify(input.targets),
          JSON.stringify({ ...plan.settings, ageBands }),
        ]);
        const before = new Map(plan.targets.map((t) => [t.key, t.rule]));
        const changed = input.targets.filter((t) => !sameRule(before.get(t.key), t.rule)).map((t) => t.label);
        await audit(tx, actor, c, 'personnel.targetsUpdated', `Mục tiêu cơ cấu ${c.org_name}: ${changed.length ? `sửa ${changed.join(', ')}` : 'giữ nguyên giá trị'}`, {
          before: { targets: plan.targets, ageBands: plan.settings.ageBands },
          after: { targets: input.targets, ageBands },
        });
      });
      return this.view(actor, congressId);
    },

    /**
     * The unit's own nomination steps: add, rename, remove, reorder, change thresholds, while the
     * list is a draft. A step with recorded votes stays and is counted as it was; its results
     * follow it when the steps are renumbered.
     */
    async saveSteps(actor: Actor, congressId: number, input: SaveStepsRequest): Promise<CongressPersonnel> {
      await db.transaction(async (tx) => {
        const { c, plan } = await writable(tx, actor, congressId, { draft: true });
        if (plan.version !== input.version) fail('VERSION_CONFLICT');
        const edit = planStepEdit(plan.nomination_steps, await heldSteps(tx, congressId), input.steps);
        if (!edit.ok) fail(edit.code, edit.problems[0]!.message, edit.problems);
        const { steps, renumber } = edit as Extract<typeof edit, { ok: true }>;
        // Two moves so that swapping two held steps never meets the primary key half-way (numbers stay ≤ 20).
        for (const m of renumber) await tx.query(`UPDATE nomination_step_results SET step_no = $3 WHERE congress_id = $1 AND step_no = $2`, [congressId, m.from, m.to + 100]);
        if (renumber.length > 0) await tx.query(`UPDATE nomination_step_results SET step_no = step_no - 100 WHERE congress_id = $1 AND step_no > 100`, [congressId]);
        await tx.query(`UPDATE personnel_plans SET nomination_steps = $2::jsonb, settings = $3::jsonb, version = version + 1, updated_at = now() WHERE congress_id = $1`, [
          congressId,
          JSON.stringify(steps),
          JSON.stringify({ ...plan.settings, ...customNomination }),
        ]);
        await audit(tx, actor, c, 'personnel.stepsUpdated', `Quy trình giới thiệu nhân sự ${c.org_name}: ${steps.length} bước (${steps.map((s) => s.name).join('; ')})`, {
          before: plan.nomination_steps,
          after: steps,
          renumber,
        });
      });
      return this.view(actor, congressId);
    },

    async addCandidate(actor: Actor, congressId: number, input: Required<Omit<AddCandidateRequest, 'incumbent'>> & { incumbent?: boolean }): Promise<CongressPersonnel> {
      await db.transaction(async (tx) => {
        const { c, plan } = await writable(tx, actor, congressId, { draft: true });
        const p = await tx.query<Pick<CandidateRow, 'person_id' | 'full_name' | 'birth_date' | 'gender' | 'ethnicity' | 'sci_tech' | 'retirement_date_entered'> & { org_path: string }>(
          `SELECT p.id AS person_id, p.full_name, p.birth_date, p.gender, p.ethnicity, p.sci_tech, p.retirement_date_entered, o.path::text AS org_path
             FROM persons p JOIN organizations o ON o.id = p.org_id WHERE p.id = $1`,
          [input.personId],
        );
        const person = p.rows[0];
        if (!person) fail('PERSON_NOT_FOUND');
        assertCanRead(actor, person!.org_path);
        const dup = await tx.query(`SELECT 1 FROM congress_candidates WHERE congress_id = $1 AND person_id = $2`, [congressId, input.personId]);
        if (dup.rows.length > 0) fail('CANDIDATE_DUPLICATE', `Đồng chí ${person!.full_name} đã có trong danh sách nhân sự của đại hội.`, [{ field: 'personId', code: 'CANDIDATE_DUPLICATE', message: person!.full_name }]);
        const el = eligibilityOf(plan, { ...person!, candidacy: input.candidacy, post_kind: input.postKind });
        if (!el.eligible) fail('CANDIDATE_INELIGIBLE', `Đồng chí ${person!.full_name} không đủ điều kiện về tuổi: ${el.explanation}`, [{ field: 'personId', code: 'INELIGIBLE', message: el.explanation }]);
        const pos = await tx.query<{ n: number }>(`SELECT coalesce(max(position), 0)::int + 1 AS n FROM congress_candidates WHERE congress_id = $1`, [congressId]);
        await tx.query(
          `INSERT INTO congress_candidates (congress_id, person_id, position, candidacy, post_kind, incumbent, standing_proposed, added_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [congressId, input.personId, pos.rows[0]!.n, input.candidacy, input.postKind, input.incumbent ?? input.candidacy === 'reelection', input.standingProposed, actor.userId],
        );
        await audit(tx, actor, c, 'personnel.candidateAdded', `Đưa ${person!.full_name} vào danh sách nhân sự (${el.explanation})`, { ...input, eligibility: el });
      });
      return this.view(actor, congressId);
    },

    async updateCandidate(actor: Actor, congressId: number, personId: number, input: UpdateCandidateRequest): Promise<CongressPersonnel> {
      await db.transaction(async (tx) => {
        const { c } = await writable(tx, actor, congressId, { draft: true });
        const sets: string[] = [];
        const vals: unknown[] = [congressId, personId];
        const col = { vetting: 'vetting', vettingNote: 'vetting_note', workplaceOpinion: 'workplace_opinion', residenceOpinion: 'residence_opinion', standingProposed: 'standing_proposed' } as const;
        for (const [k, column] of Object.entries(col)) {
          const v = input[k as keyof UpdateCandidateRequest];
          if (v !== undefined) {
            vals.push(v);
            sets.push(`${column} = $${vals.length}`);
          }
        }
        if (sets.length === 0) return;
        const r = await tx.query<{ full_name: string }>(
          `UPDATE congress_candidates cc SET ${sets.join(', ')} FROM persons p WHERE p.id = cc.person_id AND cc.congress_id = $1 AND cc.person_id = $2 RETURNING p.full_name`,
          vals,
        );
        if (!r.rows[0]) fail('CANDIDATE_NOT_FOUND');
        await audit(tx, actor, c, 'personnel.candidateUpdated', `Cập nhật thẩm tra, lấy ý kiến: ${r.rows[0]!.full_name}`, { personId, ...input });
      });
      return this.view(actor, congressId);
    },

    async removeCandidate(actor: Actor, congressId: number, personId: number): Promise<CongressPersonnel> {
      await db.transaction(async (tx) => {
        const { c } = await writable(tx, actor, congressId, { draft: true });
        const r = await tx.query<{ person_id: number }>(`DELETE FROM congress_candidates WHERE congress_id = $1 AND person_id = $2 RETURNING person_id`, [congressId, personId]);
        if (!r.rows[0]) fail('CANDIDATE_NOT_FOUND');
        await audit(tx, actor, c, 'personnel.candidateRemoved', `Rút khỏi danh sách nhân sự: cán bộ #${personId}`, { personId });
      });
      return this.view(actor, congressId);
    },

    async recordStep(actor: Actor, congressId: number, stepNo: number, input: RecordStepRequest): Promise<CongressPersonnel> {
      await db.transaction(async (tx) => {
        const { c, plan } = await writable(tx, actor, congressId, { draft: true });
        const step = plan.nomination_steps.find((s) => s.no === stepNo);
        if (!step) fail('NOMINATION_STEP_INVALID', `Phương án không có bước ${stepNo}.`);
        const bad = (field: string, message: string) => fail('NOMINATION_STEP_INVALID', message, [{ field, code: 'NOMINATION_STEP_INVALID', message }]);
        if (input.present > input.summoned) bad('present', `Số có mặt (${input.present}) lớn hơn số được triệu tập (${input.summoned}).`);
        const names = new Map((await candidateRows(tx, congressId)).map((r) => [r.person_id, r.full_name]));
        const seen = new Set<number>();
        input.votes.forEach((v, i) => {
          if (!names.has(v.personId)) bad(`votes.${i}.personId`, `Dòng ${i + 1}: người này không có trong danh sách nhân sự của đại hội.`);
          if (seen.has(v.personId)) bad(`votes.${i}.personId`, `Dòng ${i + 1}: ${names.get(v.personId)} được ghi hai lần.`);
          seen.add(v.personId);
          if (v.votes > input.present) bad(`votes.${i}.votes`, `Dòng ${i + 1}: ${names.get(v.personId)} có ${v.votes} phiếu, nhiều hơn số có mặt (${input.present}).`);
        });
        // ND 170 step 5: names tied at the top with 50 % each are chosen between by the head of the body.
        // Omitted, a choice already recorded stays while the votes still tie; null clears it.
        const before = (await tx.query<StepRow>(`${STEPS_OF} AND step_no = $2`, [congressId, stepNo])).rows[0]?.head_choice ?? null;
        let headChoice: StepRow['head_choice'] = null;
        if (input.headChoice) {
          const problem = headChoiceProblem(step!, input, input.headChoice);
          if (problem) bad('headChoice.personId', problem);
          headChoice = { personId: input.headChoice.personId, chosenBy: input.headChoice.chosenBy, recordedBy: actor.username, recordedByUserId: actor.userId, recordedAt: deps.clock.now().toISOString() };
        } else if (input.headChoice === undefined && before && headChoiceProblem(step!, input, before) === null) {
          headChoice = before;
        }
        await tx.query(
          `INSERT INTO nomination_step_results (congress_id, step_no, held_on, summoned, present, votes, recorded_by, head_choice) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb)
           ON CONFLICT (congress_id, step_no) DO UPDATE SET held_on = EXCLUDED.held_on, summoned = EXCLUDED.summoned, present = EXCLUDED.present, votes = EXCLUDED.votes,
             recorded_by = EXCLUDED.recorded_by, recorded_at = now(), head_choice = EXCLUDED.head_choice`,
          [congressId, stepNo, input.heldOn, input.summoned, input.present, JSON.stringify(input.votes), actor.userId, headChoice ? JSON.stringify(headChoice) : null],
        );
        const all = (await tx.query<StepRow>(STEPS_OF, [congressId])).rows;
        const o = evaluateProcess(plan.nomination_steps, all.map(asStepResult)).get(stepNo)!;
        const passed = o.perPerson.filter((p) => p.passed).map((p) => names.get(p.personId));
        const choiceText =
          headChoice && headChoice !== before
            ? `; người đứng đầu (${headChoice.chosenBy}) lựa chọn ${names.get(headChoice.personId)} trong số người ngang phiếu`
            : o.awaitingChoice
              ? `; ${o.tied.map((id) => names.get(id)).join(', ')} ngang phiếu — chờ người đứng đầu lựa chọn`
              : '';
        await audit(tx, actor, c, 'personnel.stepRecorded', `Bước ${stepNo} — ${step!.name}: ${passed.length}/${input.votes.length} người đạt${passed.length ? ` (${passed.join(', ')})` : ''}${choiceText}`, {
          stepNo,
          ...input,
          headChoice,
          headChoiceBefore: before,
          outcome: o.perPerson.map((p) => ({ personId: p.personId, passed: p.passed, text: p.text })),
        });
      });
      return this.view(actor, congressId);
    },

    async approveList(actor: Actor, congressId: number, version: number): Promise<CongressPersonnel> {
      await db.transaction(async (tx) => {
        const { c, plan } = await writable(tx, actor, congressId, { draft: true });
        if (plan.version !== version) fail('VERSION_CONFLICT');
        const rows = await candidateRows(tx, congressId);
        if (rows.length < plan.committee_size)
          fail('CANDIDATE_LIST_BLOCKED', `Danh sách có ${rows.length} người, ít hơn số ủy viên cần bầu (${plan.committee_size}).`, [{ field: 'candidates', code: 'TOO_FEW', message: `${rows.length} < ${plan.committee_size}` }]);
        const problems = await blockers(tx, plan, rows);
        if (problems.length > 0) fail('CANDIDATE_LIST_BLOCKED', `Chưa duyệt được danh sách nhân sự — ${problems[0]!.message}${problems.length > 1 ? ` (và ${problems.length - 1} vướng mắc khác)` : ''}.`, problems);
        await tx.query(`UPDATE personnel_plans SET list_status = 'approved', list_approved_at = now(), list_approved_by = $2, version = version + 1, updated_at = now() WHERE congress_id = $1`, [
          congressId,
          actor.userId,
        ]);
        await audit(tx, actor, c, 'personnel.listApproved', `Duyệt danh sách nhân sự ${c.org_name}: ${rows.length} người cho ${plan.committee_size} ủy viên`, { candidates: rows.map((r) => r.person_id) });
      });
      return this.view(actor, congressId);
    },

    /** The approved list becomes the election's list, each name linked to its person (no retyping). */
    async createCommitteeElection(actor: Actor, congressId: number, input: Required<Omit<CreateCommitteeElectionRequest, 'title'>> & { title?: string }): Promise<{ electionId: number }> {
      return db.transaction(async (tx) => {
        const c = await loadCongress(tx, congressId);
        assertEdit(actor, c);
        const plan = await loadPlan(tx, congressId, true);
        if (!plan) fail('PERSONNEL_PLAN_NOT_FOUND');
        if (plan!.list_status !== 'approved') fail('CANDIDATE_LIST_NOT_APPROVED');
        const exists = await tx.query(`SELECT 1 FROM personnel_elections WHERE congress_id = $1 AND body = 'executiveCommittee'`, [congressId]);
        if (exists.rows.length > 0) fail('PERSONNEL_ELECTION_EXISTS');
        const rows = await candidateRows(tx, congressId);
        const electionId = await deps.createElectionIn(tx, actor, {
          orgId: c.org_id,
          title: input.title ?? `Bầu Ban Chấp hành ${c.org_name} nhiệm kỳ ${c.term_from}–${c.term_to}`,
          kind: 'executiveCommittee',
          regulation: regulationOf(c),
          congressKind: c.form,
          seats: plan!.committee_size,
          alternateSeats: 0,
          summoned: input.summoned,
          exclusions: input.exclusions,
          congressId,
          candidates: rows.map((r) => ({ fullName: r.full_name, nominatedBy: 'conveningCommittee' as const, personId: r.person_id })),
        });
        await tx.query(`INSERT INTO personnel_elections (election_id, congress_id, body) VALUES ($1, $2, 'executiveCommittee')`, [electionId, congressId]);
        await audit(tx, actor, c, 'personnel.electionCreated', `Tạo cuộc bầu Ban Chấp hành từ danh sách đã duyệt (${rows.length} người)`, { electionId });
        return { electionId };
      });
    },

    /**
     * The first meeting of the new committee (Charter Đ20 K1): the standing committee from the
     * committee; the secretary and deputies from the standing committee once one is elected; the
     * inspection commission from the committee or party members of the đảng bộ outside it, those
     * outside passing the commission's age check; its chair, and its deputy chairs, from the
     * commission. Everyone refused is named with the rule.
     */
    async createFirstMeetingElection(actor: Actor, congressId: number, input: CreateFirstMeetingElectionRequest): Promise<{ electionId: number }> {
      return db.transaction(async (tx) => {
        const c = await loadCongress(tx, congressId);
        assertEdit(actor, c);
        const plan = await loadPlan(tx, congressId, true);
        if (!plan) fail('PERSONNEL_PLAN_NOT_FOUND');
        const reelected = new Set(input.reelectedToCommission ?? []);
        if (reelected.size > 0 && input.kind !== 'inspectionCommission')
          fail('PERSONNEL_PLAN_INVALID', 'Chỉ ghi tái cử Ủy ban Kiểm tra khi bầu Ủy ban Kiểm tra.', [{ field: 'reelectedToCommission', code: 'NOT_APPLICABLE', message: 'Chỉ dùng khi bầu Ủy ban Kiểm tra.' }]);
        const committee = await committeeOf(tx, congressId);
        const linked = await tx.query<LinkedElection>(ELECTIONS_OF, [congressId]);
        const state = meetingState(committee, linked.rows);
        if (state.executive.length === 0) fail('NOT_A_COMMITTEE_MEMBER', 'Chưa có Ban Chấp hành khóa mới (cuộc bầu Ban Chấp hành chưa kết thúc).');
        if (linked.rows.some((l) => l.body === input.kind)) fail('PERSONNEL_ELECTION_EXISTS', `Đã tạo cuộc ${electionKindLabels[input.kind].toLowerCase()} của hội nghị lần thứ nhất.`);
        const pool = firstMeetingPool(input.kind, state);
        if (!pool.ready) fail('ELECTION_WRONG_STATUS', pool.why!);
        if (new Set(input.personIds).size !== input.personIds.length) fail('CANDIDATE_DUPLICATE', 'Một người được giới thiệu hai lần.');
        // Names (and, for someone outside the committee, the đảng bộ and the age facts) of everyone nominated, in scope.
        const found = await tx.query<{ id: number; full_name: string; org_path: string; birth_date: string; gender: 'male' | 'female'; retirement_date_entered: string | null }>(
          `SELECT p.id, p.full_name, o.path::text AS org_path, p.birth_date, p.gender, p.retirement_date_entered FROM persons p JOIN organizations o ON o.id = p.org_id WHERE p.id = ANY($1::int[])`,
          [input.personIds],
        );
        const people = new Map(found.rows.map((r) => [r.id, r]));
        const inPool = new Map(pool.members.map((m) => [m.personId, m]));
        const inBody = new Map([...pool.members, ...pool.taken].map((m) => [m.personId, m]));
        const nominees = input.personIds.map((id, i) => {
          const member = inBody.get(id);
          const p = people.get(id);
          if (!member && !p) fail('PERSON_NOT_FOUND', `Không tìm thấy người thứ ${i + 1} được giới thiệu.`, [{ field: `personIds.${i}`, code: 'PERSON_NOT_FOUND', message: `Người thứ ${i + 1}` }]);
          if (!member) assertCanRead(actor, p!.org_path);
          return { personId: id, fullName: member?.fullName ?? p!.full_name, inPartyOrganization: !!p && pathInside(p.org_path, c.org_path) };
        });
        const problems = nomineeProblems(pool, nominees);
        if (problems.length > 0) fail('NOT_A_COMMITTEE_MEMBER', problems.map((x) => x.message).join(' '), problems);
        if (input.seats > nominees.length) fail('PERSONNEL_PLAN_INVALID', `Số cần bầu (${input.seats}) lớn hơn số người được giới thiệu (${nominees.length}).`);
        const outside = nominees.filter((n) => !inPool.has(n.personId));
        const notOutside = [...reelected].filter((id) => !outside.some((n) => n.personId === id));
        if (notOutside.length > 0)
          fail('PERSONNEL_PLAN_INVALID', 'Chỉ ghi tái cử Ủy ban Kiểm tra cho người được giới thiệu từ ngoài Ban Chấp hành.', [
            { field: 'reelectedToCommission', code: 'NOT_AN_OUTSIDE_NOMINEE', message: notOutside.join(', ') },
          ]);
        // The commission's age check for those outside the committee (the committee's members were checked on the list).
        let outsideEligibility: { personId: number; candidacy: Candidacy; candidacyFrom: OutsideNominee['candidacyFrom']; explanation: string }[] = [];
        if (input.kind === 'inspectionCommission' && outside.length > 0) {
          const ids = outside.map((n) => n.personId);
          // On record as re-elected: in an earlier commission of this organization, its chair now, or listed for the commission as re-elected.
          const onRecord = await tx.query<{ person_id: number }>(
            `SELECT person_id FROM committee_members WHERE org_id = $1 AND body IN ('inspectionCommission', 'inspectionChair', 'inspectionDeputyChair') AND congress_id IS DISTINCT FROM $2 AND term_from < $3 AND person_id = ANY($4::int[])
             UNION SELECT person_id FROM person_posts WHERE org_id = $1 AND role = 'inspectionChair' AND to_date IS NULL AND person_id = ANY($4::int[])
             UNION SELECT person_id FROM congress_candidates WHERE congress_id = $2 AND post_kind = 'inspectionCommission' AND candidacy = 'reelection' AND person_id = ANY($4::int[])`,
            [c.org_id, c.id, c.term_from, ids],
          );
          const recorded = new Set(onRecord.rows.map((r) => r.person_id));
          const checks: OutsideNominee[] = outside.map((n) => {
            const p = people.get(n.personId)!;
            const candidacyFrom = reelected.has(n.personId) ? 'entered' : recorded.has(n.personId) ? 'records' : 'default';
            return {
              index: input.personIds.indexOf(n.personId),
              personId: n.personId,
              fullName: n.fullName,
              retirementMonth: retirementOf({ birthDate: p.birth_date, gender: p.gender, retirementDateEntered: p.retirement_date_entered }).month,
              candidacy: candidacyFrom === 'default' ? 'firstTime' : 'reelection',
              candidacyFrom,
            };
          });
          const ctx = { referenceMonth: plan!.reference_month, rules: plan!.eligibility_rules, termMonths: plan!.settings.termMonths };
          const ineligible = outsideEligibilityProblems(checks, ctx);
          if (ineligible.length > 0) fail('CANDIDATE_INELIGIBLE', ineligible.map((x) => x.message).join(' '), ineligible);
          outsideEligibility = checks.map((n) => ({
            personId: n.personId,
            candidacy: n.candidacy,
            candidacyFrom: n.candidacyFrom,
            explanation: checkEligibility({ retirementMonth: n.retirementMonth, referenceMonth: ctx.referenceMonth, candidacy: n.candidacy, post: 'inspectionCommission', rules: ctx.rules, termMonths: ctx.termMonths }).explanation,
          }));
        }
        const electionId = await deps.createElectionIn(tx, actor, {
          orgId: c.org_id,
          title: `${electionKindLabels[input.kind]} ${c.org_name} nhiệm kỳ ${c.term_from}–${c.term_to} (hội nghị lần thứ nhất)`,
          kind: input.kind,
          regulation: regulationOf(c),
          congressKind: 'conference',
          seats: input.seats,
          alternateSeats: 0,
          // The meeting is the new committee's: its members are the summoned (D = incumbent members).
          summoned: state.executive.length,
          exclusions: {},
          candidates: nominees.map((n) => ({ fullName: n.fullName, nominatedBy: 'conveningCommittee' as const, personId: n.personId })),
        });
        await tx.query(`INSERT INTO personnel_elections (election_id, congress_id, body) VALUES ($1, $2, $3)`, [electionId, congressId, input.kind]);
        const rule = firstMeetingRules[input.kind];
        await audit(
          tx,
          actor,
          c,
          'personnel.firstMeetingElectionCreated',
          `Hội nghị lần thứ nhất: tạo cuộc ${electionKindLabels[input.kind].toLowerCase()} (${nominees.length} người${outside.length ? `, ${outside.length} người ngoài Ban Chấp hành` : ''})`,
          { electionId, ...input, from: pool.from, outside: outside.map((n) => n.personId), outsideEligibility, rule: rule.rule, source: rule.source },
        );
        return { electionId };
      });
    },

    /** The elections service's onFinished hook: the elected become the new committee (or its posts). */
    async onElectionFinished(tx: Queryable, finished: FinishedElection): Promise<void> {
      const link = await tx.query<{ congress_id: number; body: string }>(`SELECT congress_id, body FROM personnel_elections WHERE election_id = $1`, [finished.electionId]);
      const l = link.rows[0];
      if (!l) return;
      const c = await loadCongress(tx, l.congress_id);
      const body = bodyOfKind[finished.kind] ?? l.body;
      for (const e of finished.elected) {
        await tx.query(
          `INSERT INTO committee_members (org_id, congress_id, election_id, person_id, full_name, ballot_no, body, term_from, term_to, elected_on)
           SELECT $1, $2, $3, ec.person_id, $5, $4, $6, $7, $8, $9 FROM (SELECT 1) x LEFT JOIN election_candidates ec ON ec.election_id = $3 AND ec.ballot_no = $4
           ON CONFLICT (election_id, ballot_no) DO NOTHING`,
          [c.org_id, c.id, finished.electionId, e.ballotNo, e.fullName, body, c.term_from, c.term_to, finished.closedOn],
        );
      }
      await audit(tx, null, c, 'personnel.committeeElected', `${bodyLabels[body] ?? body} ${c.org_name} nhiệm kỳ ${c.term_from}–${c.term_to}: ${finished.elected.length} người trúng cử`, {
        electionId: finished.electionId,
        elected: finished.elected,
      });
    },

    /** Items for the congress approval checklist (duyệt đại hội). */
    approvalSource: (async (q, ref): Promise<ApprovalCheckItem[]> => {
      const plan = await loadPlan(q, ref.id);
      if (!plan) return [{ source: 'personnel', key: 'plan', label: 'Phương án nhân sự cấp ủy', ok: false, detail: 'Chưa lập phương án nhân sự.', blocking: false }];
      const rows = await candidateRows(q, ref.id);
      const problems = await blockers(q, plan, rows);
      const complaintsOpen = problems.filter((p) => p.code === 'COMPLAINT_UNRESOLVED');
      const ineligible = problems.filter((p) => p.code !== 'COMPLAINT_UNRESOLVED');
      const composition = compositionOf(plan, rows.map((r) => asComposition(r, r.incumbent, r.standing_proposed))).filter((t) => t.status === 'missed');
      return [
        { source: 'personnel', key: 'plan', label: 'Phương án nhân sự cấp ủy', ok: true, detail: `${plan.committee_size} ủy viên, ${plan.standing_size} ủy viên Ban Thường vụ; ${rows.length} người trong danh sách.`, blocking: false },
        {
          source: 'personnel',
          key: 'complaints',
          label: 'Đơn thư liên quan đến nhân sự đã được giải quyết',
          ok: complaintsOpen.length === 0,
          detail: complaintsOpen.length ? complaintsOpen.map((p) => p.message).join('; ') : null,
          blocking: true,
        },
        { source: 'personnel', key: 'eligibility', label: 'Nhân sự đủ điều kiện về tuổi và tiêu chuẩn chính trị', ok: ineligible.length === 0, detail: ineligible.length ? ineligible.map((p) => p.message).join('; ') : null, blocking: true },
        { source: 'personnel', key: 'list', label: 'Danh sách nhân sự đã được duyệt', ok: plan.list_status === 'approved', detail: plan.list_status === 'approved' ? null : 'Danh sách còn là dự kiến.', blocking: false },
        {
          source: 'personnel',
          key: 'composition',
          label: 'Cơ cấu cấp ủy theo mục tiêu',
          ok: composition.length === 0,
          detail: composition.length ? composition.map((t) => t.text).join('; ') : null,
          blocking: false,
        },
      ];
    }) satisfies ApprovalCheckSource,
  };
}

export type CongressPersonnelService = ReturnType<typeof createCongressPersonnelService>;
