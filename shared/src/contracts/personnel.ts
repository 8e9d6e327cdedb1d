import { z } from 'zod';

// ---- Vocabulary (the server's pure rules use the same lists; personnel contracts.test.ts keeps them equal) ----

export const genders = ['male', 'female'] as const;
export const genderLabels = { male: 'Nam', female: 'Nữ' } as const;
export const politicalTheoryLevels = ['none', 'elementary', 'intermediate', 'advanced'] as const;
export type PoliticalTheory = (typeof politicalTheoryLevels)[number];
export const politicalTheoryLabels: Record<PoliticalTheory, string> = { none: 'Chưa qua đào tạo', elementary: 'Sơ cấp', intermediate: 'Trung cấp', advanced: 'Cao cấp' };
export const postRoles = ['secretary', 'deputySecretary', 'standingMember', 'committeeMember', 'inspectionChair', 'peoplesCommitteeChair', 'peoplesCouncilChair', 'frontChair', 'other'] as const;
export type PostRole = (typeof postRoles)[number];
export const candidacies = ['reelection', 'firstTime'] as const;
export type Candidacy = (typeof candidacies)[number];
export const candidacyLabels: Record<Candidacy, string> = { reelection: 'Tái cử', firstTime: 'Tham gia lần đầu' };
export const postKinds = ['committee', 'deputyProvincialSecretary', 'inspectionCommission', 'stateFrontPost'] as const;
export type PostKind = (typeof postKinds)[number];
export const vettingStatuses = ['pending', 'cleared', 'concerns'] as const;
export type VettingStatus = (typeof vettingStatuses)[number];
export const vettingLabels: Record<VettingStatus, string> = { pending: 'Đang thẩm tra', cleared: 'Đã kết luận tiêu chuẩn chính trị', concerns: 'Có vấn đề chưa rõ' };
export const complaintKinds = ['complaint', 'denunciation'] as const;
export const complaintKindLabels = { complaint: 'Khiếu nại', denunciation: 'Tố cáo' } as const;
export const complaintStatuses = ['received', 'assigned', 'verified', 'concluded'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export const complaintOutcomes = ['unfounded', 'partlyFounded', 'founded'] as const;
export type ComplaintOutcome = (typeof complaintOutcomes)[number];
export const compositionPresetCodes = ['2020-2025', '2025-2030'] as const;
export const nominationPresetCodes = ['committee-default', 'nd170-appointment'] as const;
export const concurrentModels = ['secretaryChairsPeoplesCommittee', 'nonLocalSecretary', 'twoDeputySecretaries'] as const;
export type ConcurrentModel = (typeof concurrentModels)[number];
/** What the first meeting of the new committee elects, in the Charter's order (Đ20 K1). */
export const firstMeetingKinds = ['standingCommittee', 'secretary', 'deputySecretary', 'inspectionCommission', 'inspectionChair', 'inspectionDeputyChair'] as const;
export type FirstMeetingKind = (typeof firstMeetingKinds)[number];

const isoDate = z.iso.date();
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng theo dạng YYYY-MM');
const id = z.number().int().positive().max(2_147_483_647);
const text = (max: number) => z.string().trim().max(max);
const count = z.number().int().min(0).max(10_000_000);

// ---- People ----

export const postInputSchema = z.strictObject({
  orgId: id,
  role: z.enum(postRoles),
  title: text(200).min(2),
  nonLocal: z.boolean().default(false),
  fromDate: isoDate.nullable().default(null),
  toDate: isoDate.nullable().default(null),
});
export type PostInput = z.input<typeof postInputSchema>;

const personFields = {
  orgId: id,
  code: text(40).regex(/^[A-Za-z0-9._-]*$/, 'Mã chỉ gồm chữ, số, dấu chấm, gạch').nullable().default(null),
  fullName: text(200).min(2),
  birthDate: isoDate,
  gender: z.enum(genders),
  ethnicity: text(60).min(1).default('Kinh'),
  homePlace: text(300).nullable().default(null),
  education: text(200).nullable().default(null),
  politicalTheory: z.enum(politicalTheoryLevels).nullable().default(null),
  partyJoinDate: isoDate.nullable().default(null),
  sciTech: z.boolean().default(false),
  retirementDateEntered: isoDate.nullable().default(null),
  note: text(2000).nullable().default(null),
  posts: z.array(postInputSchema).max(20).default([]),
};
export const createPersonRequestSchema = z.strictObject(personFields);
export type CreatePersonRequest = z.input<typeof createPersonRequestSchema>;
export const updatePersonRequestSchema = z.strictObject({ ...personFields, version: z.number().int().positive() });
export type UpdatePersonRequest = z.input<typeof updatePersonRequestSchema>;

export const personListQuerySchema = z.strictObject({
  orgId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export type Retirement = { month: string; date: string; ageText: string; source: 'computed' | 'entered'; sourceText: string };
export type PersonPost = { id: number; orgId: number; orgName: string; role: PostRole; roleLabel: string; title: string; nonLocal: boolean; fromDate: string | null; toDate: string | null };
export type PersonSummary = {
  id: number;
  code: string | null;
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  ethnicity: string;
  org: { id: number; name: string };
  posts: string[];
  retirement: Retirement;
  openComplaints: number;
};
export type Complaint = {
  id: number;
  personId: number;
  personName: string;
  congressId: number | null;
  kind: 'complaint' | 'denunciation';
  kindLabel: string;
  receivedOn: string;
  sender: string | null;
  summary: string;
  status: ComplaintStatus;
  statusLabel: string;
  assignee: string | null;
  verification: string | null;
  conclusion: string | null;
  outcome: ComplaintOutcome | null;
  outcomeLabel: string | null;
  concludedOn: string | null;
  nextStatus: ComplaintStatus | null;
  /** The letter, verification minutes, conclusion… (PDF, Word, images). */
  files: ComplaintFile[];
  version: number;
};
export type ComplaintFile = { id: number; fileName: string; size: number; contentType: string; addedAt: string };
export type PersonDocument = { id: number; label: string; fileId: number; fileName: string; size: number; contentType: string; createdAt: string };
export type PersonProfile = PersonSummary & {
  homePlace: string | null;
  education: string | null;
  politicalTheory: PoliticalTheory | null;
  partyJoinDate: string | null;
  sciTech: boolean;
  retirementDateEntered: string | null;
  note: string | null;
  postsDetail: PersonPost[];
  documents: PersonDocument[];
  complaints: Complaint[];
  candidacies: { congressId: number; orgName: string; listStatus: 'draft' | 'approved' }[];
  committees: { orgName: string; body: string; termFrom: number; termTo: number }[];
  version: number;
  can: { edit: boolean };
};

// ---- Complaints ----

export const createComplaintRequestSchema = z.strictObject({
  kind: z.enum(complaintKinds),
  receivedOn: isoDate,
  sender: text(200).nullable().default(null),
  summary: text(4000).min(3),
  congressId: id.nullable().default(null),
});
export type CreateComplaintRequest = z.input<typeof createComplaintRequestSchema>;
/** One step forward; the fields the next status needs. */
export const advanceComplaintRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  to: z.enum(['assigned', 'verified', 'concluded']),
  assignee: text(200).min(2).optional(),
  verification: text(4000).min(3).optional(),
  conclusion: text(4000).min(3).optional(),
  outcome: z.enum(complaintOutcomes).optional(),
  concludedOn: isoDate.optional(),
});
export type AdvanceComplaintRequest = z.input<typeof advanceComplaintRequestSchema>;

// ---- Personnel plan of a congress ----

export const targetRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('minShare'), value: z.number().min(0).max(1) }),
  z.strictObject({ kind: z.literal('shareRange'), min: z.number().min(0).max(1), max: z.number().min(0).max(1) }),
  z.strictObject({ kind: z.literal('aboutShare'), value: z.number().min(0).max(1), tolerance: z.number().min(0).max(1) }),
  z.strictObject({ kind: z.literal('minCount'), value: z.number().int().min(0).max(500) }),
  z.strictObject({ kind: z.literal('allBands') }),
]);
export const compositionTargetSchema = z.strictObject({
  key: text(40).min(1),
  label: text(200).min(1),
  measure: z.enum(['female', 'young', 'middleAge', 'senior', 'sciTech', 'ethnicMinority', 'newMember', 'ageBands']),
  over: z.enum(['all', 'standing']),
  rule: targetRuleSchema,
  source: text(500),
  confirmed: z.boolean(),
  skipForMergedUnit: z.boolean().optional(),
  onlyProvinceOrCommune: z.boolean().optional(),
  overTerm: z.boolean().optional(),
});
export type CompositionTargetInput = z.infer<typeof compositionTargetSchema>;

const canonical = (r: object | undefined) => (r ? JSON.stringify(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : '');
/** Two flat rules (a target's, a step's pass rule) are the same whatever the order of their keys: jsonb reorders them. */
export const sameRule = (a: object | undefined, b: object | undefined): boolean => canonical(a) === canonical(b);
export const ageBandsSchema = z.strictObject({ youngBelow: z.number().int().min(18).max(80), middleFrom: z.number().int().min(18).max(80), middleTo: z.number().int().min(18).max(80) });

export const passRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('shareOfSummoned'), share: z.number().min(0).max(1) }),
  /** `differsFromStep`: a nominee other than the one chosen at that earlier step needs at least 2/3 (ND 170 Art. 33 step 3). */
  z.strictObject({ kind: z.literal('highestOverHalfElseThirty'), differsFromStep: z.number().int().min(1).max(20).optional() }),
  /** The single highest above 50 %; names tied at the top with 50 % or more → the head of the body chooses (ND 170 Art. 33 step 5). */
  z.strictObject({ kind: z.literal('highestOverHalfTieToHead') }),
]);
export const nominationStepSchema = z.strictObject({
  no: z.number().int().min(1).max(20),
  name: text(200).min(2),
  body: text(300),
  ballot: z.enum(['secret', 'open', 'none']),
  passRule: passRuleSchema,
  announced: z.boolean(),
  quorumTwoThirds: z.boolean(),
  /** Where the step and its pass rule come from (a preset's decree, article, step). */
  source: text(500).optional(),
});
export type NominationStepInput = z.infer<typeof nominationStepSchema>;

export const savePlanRequestSchema = z.strictObject({
  version: z.number().int().positive().optional(),
  preset: z.enum(compositionPresetCodes),
  committeeSize: z.number().int().min(1).max(500),
  standingSize: z.number().int().min(0).max(100),
  referenceMonth: yearMonth.optional(),
  eligibilityRules: z.enum(['2020', '2025']).optional(),
  mergedUnit: z.boolean().default(false),
  /** Omitted: the preset's targets; the ethnic minority share is set per unit here. */
  targets: z.array(compositionTargetSchema).max(30).optional(),
  ageBands: ageBandsSchema.optional(),
  nominationPreset: z.enum(nominationPresetCodes).optional(),
  nominationSteps: z.array(nominationStepSchema).min(1).max(20).optional(),
  termMonths: z.number().int().min(12).max(120).optional(),
  stateReferenceMonth: yearMonth.optional(),
});
export type SavePlanRequest = z.input<typeof savePlanRequestSchema>;

/** The unit's own values of the targets (e.g. the ethnic minority share "set per unit"), and the age bands. */
export const saveTargetsRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  targets: z.array(compositionTargetSchema).min(1).max(30),
  ageBands: ageBandsSchema.optional(),
});
export type SaveTargetsRequest = z.input<typeof saveTargetsRequestSchema>;

/** The nomination steps as edited: in their new order; `from` is the number a kept step had, null for a new one. */
export const stepEditSchema = nominationStepSchema.omit({ no: true }).extend({ from: z.number().int().min(1).max(20).nullable() });
export type StepEditInput = z.input<typeof stepEditSchema>;
export const saveStepsRequestSchema = z.strictObject({ version: z.number().int().positive(), steps: z.array(stepEditSchema).min(1).max(20) });
export type SaveStepsRequest = z.input<typeof saveStepsRequestSchema>;

export const addCandidateRequestSchema = z.strictObject({
  personId: id,
  candidacy: z.enum(candidacies),
  postKind: z.enum(postKinds).default('committee'),
  incumbent: z.boolean().optional(),
  standingProposed: z.boolean().default(false),
});
export type AddCandidateRequest = z.input<typeof addCandidateRequestSchema>;
export const updateCandidateRequestSchema = z.strictObject({
  vetting: z.enum(vettingStatuses).optional(),
  vettingNote: text(2000).nullable().optional(),
  workplaceOpinion: text(2000).nullable().optional(),
  residenceOpinion: text(2000).nullable().optional(),
  standingProposed: z.boolean().optional(),
});
export type UpdateCandidateRequest = z.input<typeof updateCandidateRequestSchema>;

export const recordStepRequestSchema = z.strictObject({
  heldOn: isoDate,
  summoned: z.number().int().min(1).max(100_000),
  present: count,
  votes: z.array(z.strictObject({ personId: id, votes: count })).min(1).max(1000),
  /** Names tied at the top with 50 % each (ND 170 step 5): whom the head of the body chose, and who the head is. */
  headChoice: z.strictObject({ personId: id, chosenBy: text(200).min(2) }).nullable().optional(),
});
export type RecordStepRequest = z.input<typeof recordStepRequestSchema>;

export const approveListRequestSchema = z.strictObject({ version: z.number().int().positive() });
export const createCommitteeElectionRequestSchema = z.strictObject({
  summoned: z.number().int().min(1).max(10_000_000),
  exclusions: z.record(z.string().max(64), count).default({}),
  title: text(300).min(3).optional(),
});
export type CreateCommitteeElectionRequest = z.input<typeof createCommitteeElectionRequestSchema>;
export const createFirstMeetingElectionRequestSchema = z.strictObject({
  kind: z.enum(firstMeetingKinds),
  seats: z.number().int().min(1).max(100),
  personIds: z.array(id).min(1).max(500),
  /** Nominees from outside the committee known to be re-elected to the commission (its age check: 42 months, not a full term). */
  reelectedToCommission: z.array(id).max(500).optional(),
});
export type CreateFirstMeetingElectionRequest = z.input<typeof createFirstMeetingElectionRequestSchema>;

export type EligibilityView = { eligible: boolean; monthsLeft: number; monthsNeeded: number; explanation: string; confirmed: boolean; source: string };
export type TargetResult = {
  key: string;
  label: string;
  status: 'met' | 'missed' | 'notApplicable';
  count: number;
  total: number;
  share: number | null;
  text: string;
  confirmed: boolean;
  source: string;
  /** A target over the term (CT 45 "trẻ dưới 42"): the same list on the term's last day. */
  projection?: { onDate: string; count: number; share: number };
};
export type StepOutcomeView = {
  no: number;
  name: string;
  heldOn: string;
  summoned: number;
  present: number;
  quorumMet: boolean;
  quorumText: string;
  stopped: boolean;
  /** Names tied at the top for the head of the body to choose between (ND 170 step 5); empty otherwise. */
  tied: number[];
  awaitingChoice: boolean;
  /** The head's recorded choice: whom, who chose, who recorded it and when. */
  headChoice: { personId: number; chosenBy: string; recordedBy: string | null; recordedAt: string } | null;
  votes: { personId: number; votes: number; passed: boolean; text: string }[];
};

export type CongressCandidate = {
  personId: number;
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  ethnicity: string;
  posts: string[];
  position: number;
  candidacy: Candidacy;
  postKind: PostKind;
  incumbent: boolean;
  standingProposed: boolean;
  vetting: VettingStatus;
  vettingNote: string | null;
  workplaceOpinion: string | null;
  residenceOpinion: string | null;
  eligibility: EligibilityView;
  /** Why the person cannot enter the approved list (complaint), or null. */
  blockedBy: string | null;
  passedSteps: number[];
};

export type PersonnelPlan = {
  preset: string;
  presetLabel: string;
  committeeSize: number;
  standingSize: number;
  referenceMonth: string;
  /** Why this month: the level's (or the commune's) rule with its source, the campaign's window, or entered. */
  referenceMonthSource: string | null;
  referenceMonthConfirmed: boolean;
  eligibilityRules: '2020' | '2025';
  mergedUnit: boolean;
  targets: CompositionTargetInput[];
  ageBands: z.infer<typeof ageBandsSchema>;
  ageBandsConfirmed: boolean;
  nominationPreset: string;
  nominationLabel: string;
  nominationConfirmed: boolean;
  nominationSource: string;
  nominationSteps: NominationStepInput[];
  termMonths: number;
  stateReferenceMonth: string;
  listStatus: 'draft' | 'approved';
  listApprovedAt: string | null;
  version: number;
};

export type CommitteeMember = { personId: number | null; fullName: string; body: string; bodyLabel: string; termFrom: number; termTo: number; electedOn: string; electionId: number };

/** Who may stand at each election of the first meeting, and the rule with its source. */
export type FirstMeetingPool = {
  kind: FirstMeetingKind;
  from: 'executiveCommittee' | 'standingCommittee' | 'inspectionCommission' | 'committeeOrOutside';
  rule: string;
  source: string;
  confirmed: boolean;
  ready: boolean;
  /** Why the election cannot be created yet, with what may be done (a further round, an appointment). */
  why: string | null;
  /** Ready, with something to know: the body was elected short, or the chair's election is still running. */
  note: string | null;
  /** Who may be nominated from the body now (for the commission: its committee members; outside people are searched). */
  members: { personId: number; fullName: string }[];
};

export type CongressPersonnel = {
  congress: { id: number; orgId: number; orgName: string; level: number; campaignId: number; termFrom: number; termTo: number; form: 'members' | 'delegates'; status: string };
  plan: PersonnelPlan | null;
  candidates: CongressCandidate[];
  composition: { candidates: TargetResult[]; ballot: TargetResult[] | null; elected: TargetResult[] | null };
  steps: StepOutcomeView[];
  complaints: Complaint[];
  elections: { electionId: number; body: string; title: string; status: string }[];
  committee: CommitteeMember[];
  firstMeeting: FirstMeetingPool[];
  can: { edit: boolean };
};

export type PersonnelCongressHit = { congressId: number; orgName: string; campaignName: string; term: string; listStatus: 'draft' | 'approved' | null; candidates: number };

export type PersonnelPresets = {
  composition: { code: string; label: string; targets: CompositionTargetInput[]; bands: z.infer<typeof ageBandsSchema>; bandsConfirmed: boolean; bandsSource: string }[];
  nomination: { code: string; label: string; confirmed: boolean; source: string; steps: NominationStepInput[] }[];
  retirementSource: string;
};

// ---- Concurrent posts ----

export const concurrentQuerySchema = z.strictObject({ orgId: z.coerce.number().int().positive().max(2_147_483_647).optional() });
export const concurrentTargetRequestSchema = z.strictObject({
  rootOrgId: id,
  model: z.enum(concurrentModels),
  level: z.number().int().min(1).max(10),
  targetKind: z.enum(['count', 'share']),
  targetValue: z.number().min(0).max(100_000),
  source: text(500).nullable().default(null),
});
export type ConcurrentTargetRequest = z.input<typeof concurrentTargetRequestSchema>;
export type ConcurrentFigure = {
  model: ConcurrentModel;
  modelLabel: string;
  level: number;
  levelName: string;
  units: number;
  base: number;
  applying: number;
  share: number | null;
  target: { kind: 'count' | 'share'; value: number; source: string | null } | null;
  met: boolean | null;
  text: string;
};
export type ConcurrentReport = { root: { id: number; name: string }; figures: ConcurrentFigure[] };

// ---- Import ----

export type PersonImportIssue = { row: number; column?: string; code: string; message: string };
export type PersonImportPreview = {
  batchId: string;
  fileName: string;
  totalRows: number;
  toCreate: number;
  toUpdate: number;
  errors: PersonImportIssue[];
  rows: { row: number; fullName: string; orgCode: string; birthDate: string; action: 'create' | 'update' }[];
  canApply: boolean;
};
