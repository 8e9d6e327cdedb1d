import { z } from 'zod';

// ---- Vocabulary (the server's pure rules import these lists) ----

export const delegateKinds = ['official', 'alternate', 'exOfficio', 'appointed'] as const;
export type DelegateKind = (typeof delegateKinds)[number];
export const delegateKindLabels: Record<DelegateKind, string> = {
  official: 'Chính thức (do đại hội cấp dưới bầu)',
  alternate: 'Dự khuyết',
  exOfficio: 'Đương nhiên (cấp ủy viên cấp triệu tập)',
  appointed: 'Chỉ định',
};

/** R1.33 (HD 04-HD/TW 2024): not summoned. */
export const notSummonedReasons = ['suspended', 'prosecuted', 'irregularElection', 'retired', 'transferredOut'] as const;
export type NotSummonedReason = (typeof notSummonedReasons)[number];
export const notSummonedLabels: Record<NotSummonedReason, string> = {
  suspended: 'Bị đình chỉ sinh hoạt đảng / sinh hoạt cấp ủy trước khai mạc',
  prosecuted: 'Bị khởi tố bị can, truy tố trước khai mạc',
  irregularElection: 'Được bầu nhưng không đúng nguyên tắc, thủ tục bầu cử',
  retired: 'Cấp ủy viên có quyết định/thông báo nghỉ hưu trước khai mạc',
  transferredOut: 'Cấp ủy viên có quyết định chuyển công tác ra ngoài đảng bộ trước khai mạc',
};

/** QĐ 294-QĐ/TW mục 11.4.3: when an alternate takes an official's place. */
export const substitutionReasons = ['movedOut', 'excused', 'health', 'deceased'] as const;
export type SubstitutionReason = (typeof substitutionReasons)[number];
export const substitutionLabels: Record<SubstitutionReason, string> = {
  movedOut: 'Chuyển công tác đến đơn vị không trực thuộc cấp ủy triệu tập đại hội',
  excused: 'Xin không tham dự, được cấp ủy triệu tập đại hội đồng ý',
  health: 'Không bảo đảm sức khỏe (theo dõi y tế), được cấp ủy triệu tập đồng ý',
  deceased: 'Từ trần',
};

/** Charter Đ11 K5: the only grounds for not accepting a delegate's credentials (and R1.33's irregular election). */
export const rejectionReasons = ['suspended', 'prosecuted', 'detained', 'irregularElection'] as const;
export type RejectionReason = (typeof rejectionReasons)[number];
export const rejectionLabels: Record<RejectionReason, string> = {
  suspended: 'Đang bị đình chỉ sinh hoạt đảng, sinh hoạt cấp ủy',
  prosecuted: 'Bị khởi tố, truy tố',
  detained: 'Bị tạm giam',
  irregularElection: 'Được bầu không đúng nguyên tắc, thủ tục bầu cử',
};

export const credentialChecks = ['electedProperly', 'notSuspended', 'notProsecuted', 'recordsComplete'] as const;
export type CredentialCheck = (typeof credentialChecks)[number];
export const credentialCheckLabels: Record<CredentialCheck, string> = {
  electedProperly: 'Được bầu (hoặc là cấp ủy viên, được chỉ định) đúng nguyên tắc, thủ tục',
  notSuspended: 'Không bị đình chỉ sinh hoạt đảng, sinh hoạt cấp ủy',
  notProsecuted: 'Không bị khởi tố, truy tố, tạm giam',
  recordsComplete: 'Hồ sơ, biên bản bầu cử đầy đủ',
};
export const credentialStatuses = ['pending', 'accepted', 'rejected'] as const;
export type CredentialStatus = (typeof credentialStatuses)[number];

export const healthSymptoms = ['fever', 'cough', 'soreThroat', 'breathing', 'tiredness', 'lossOfSmell'] as const;
export type HealthSymptom = (typeof healthSymptoms)[number];
export const healthSymptomLabels: Record<HealthSymptom, string> = {
  fever: 'Sốt',
  cough: 'Ho',
  soreThroat: 'Đau họng',
  breathing: 'Khó thở',
  tiredness: 'Mệt mỏi',
  lossOfSmell: 'Mất vị giác, khứu giác',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd');
const id = z.number().int().positive().max(2_147_483_647);
const count = z.number().int().min(0).max(1_000_000_000);
const text = (max: number) => z.string().trim().max(max);
const orgRef = z.object({ id: z.number().int(), name: z.string() });

// ---- Allocation ----

export const allocationSettingsSchema = z.strictObject({
  basePerOrg: z.number().int().min(0).max(1000),
  membersPerSeat: z.number().int().min(1).max(10_000_000),
  remainderThreshold: z.number().int().min(1).max(10_000_000).nullable(),
  countProbationary: z.boolean(),
});
export type AllocationSettings = z.infer<typeof allocationSettingsSchema>;

export const allocationLineInputSchema = z.strictObject({
  orgId: id,
  extraSeats: z.number().int().min(0).max(1000).default(0),
  /** The recorded seats; omitted = formula + extra. */
  seats: z.number().int().min(0).max(100_000).optional(),
  reason: text(500).optional(),
});
export const allocationPreviewRequestSchema = z.strictObject({
  settings: allocationSettingsSchema,
  lines: z.array(allocationLineInputSchema).max(5000).default([]),
  electedTotal: z.number().int().min(0).max(100_000).nullable().default(null),
  exOfficio: z.number().int().min(0).max(10_000).default(0),
  appointed: z.number().int().min(0).max(10_000).default(0),
});
export const saveAllocationRequestSchema = allocationPreviewRequestSchema.extend({
  decisionRef: text(200).optional(),
  /** The version read; omitted on the first save. */
  version: z.number().int().optional(),
});
export type SaveAllocationRequest = z.input<typeof saveAllocationRequestSchema>;

export const allocationLineSchema = z.object({
  org: orgRef,
  members: z.number().int(),
  formula: z.object({ base: z.number().int(), perQuota: z.number().int(), remainder: z.number().int(), remainderSeat: z.number().int() }),
  formulaSeats: z.number().int(),
  extraSeats: z.number().int(),
  seats: z.number().int(),
  adjustReason: z.string().nullable(),
  adjustedBy: z.string().nullable(),
  adjustedAt: z.string().nullable(),
  /** Officials registered for this delegation so far. */
  registered: z.number().int(),
});
export const allocationSchema = z.object({
  congress: z.object({ id: z.number().int(), org: orgRef, campaignId: z.number().int(), form: z.string() }),
  saved: z.boolean(),
  version: z.number().int(),
  settings: allocationSettingsSchema,
  decisionRef: z.string().nullable(),
  lines: z.array(allocationLineSchema),
  totals: z.object({
    allocated: z.number().int(),
    electedTotal: z.number().int().nullable(),
    exOfficio: z.number().int(),
    appointed: z.number().int(),
    congressTotal: z.number().int(),
    difference: z.number().int().nullable(),
  }),
  mismatch: z.string().nullable(),
  issues: z.array(z.object({ orgId: z.number().int().optional(), code: z.string(), message: z.string() })),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type Allocation = z.infer<typeof allocationSchema>;

// ---- Register ----

/** A delegate's details other than name and kind: the same fields for registration and for an edit. */
const delegateDetails = {
  /** The delegation (a subordinate organization); ex-officio and appointed delegates default to the congress' own. */
  delegationOrgId: id.optional(),
  personId: id.nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  gender: z.enum(['male', 'female']).nullable().optional(),
  partyJoinDate: isoDate.nullable().optional(),
  position: text(300).nullable().optional(),
  alternateRank: z.number().int().min(1).max(10_000).nullable().optional(),
  votes: count.nullable().optional(),
  note: text(1000).nullable().optional(),
};

export const createDelegateRequestSchema = z.strictObject({ fullName: text(200).min(2), kind: z.enum(delegateKinds), ...delegateDetails });
export type CreateDelegateRequest = z.input<typeof createDelegateRequestSchema>;

/** What registration or an edit wants the clerk to look at, without refusing (a bare name match, a personnel record that differs). */
export const delegateWarningSchema = z.object({ code: z.string(), field: z.string(), message: z.string() });
export type DelegateWarning = z.infer<typeof delegateWarningSchema>;
export const delegateSavedSchema = z.object({ id: z.number().int(), version: z.number().int(), warnings: z.array(delegateWarningSchema) });
export type DelegateSaved = z.infer<typeof delegateSavedSchema>;

/**
 * An edit of a delegate's details: omitted = unchanged, null = cleared. `version` is the one read
 * (optimistic: another clerk's change in between is refused with VERSION_CONFLICT).
 */
export const updateDelegateRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  fullName: text(200).min(2).optional(),
  kind: z.enum(delegateKinds).optional(),
  ...delegateDetails,
});
export type UpdateDelegateRequest = z.input<typeof updateDelegateRequestSchema>;

export const notSummonedRequestSchema = z.strictObject({ reason: z.enum(notSummonedReasons).nullable(), note: text(1000).optional() });
export const substituteRequestSchema = z.strictObject({ reason: z.enum(substitutionReasons), note: text(1000).min(3), alternateId: id.optional() });
export const credentialsRequestSchema = z.strictObject({
  checks: z.partialRecord(z.enum(credentialChecks), z.boolean()).default({}),
  decision: z.enum(credentialStatuses),
  reason: z.enum(rejectionReasons).optional(),
  note: text(1000).optional(),
});

export const delegateSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  kind: z.enum(delegateKinds),
  delegation: orgRef,
  personId: z.number().int().nullable(),
  birthDate: isoDate.nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  partyJoinDate: isoDate.nullable(),
  position: z.string().nullable(),
  alternateRank: z.number().int().nullable(),
  votes: z.number().int().nullable(),
  fromElection: z.boolean(),
  summoned: z.boolean(),
  notSummonedReason: z.enum(notSummonedReasons).nullable(),
  notSummonedNote: z.string().nullable(),
  replacedBy: z.object({ id: z.number().int(), fullName: z.string() }).nullable(),
  replaces: z.object({ id: z.number().int(), fullName: z.string() }).nullable(),
  substitutionReason: z.enum(substitutionReasons).nullable(),
  substitutionNote: z.string().nullable(),
  credentials: z.enum(credentialStatuses),
  credentialsReason: z.enum(rejectionReasons).nullable(),
  credentialsNote: z.string().nullable(),
  credentialsChecks: z.partialRecord(z.enum(credentialChecks), z.boolean()),
  /** Another delegate with the same name (no birth date to tell them apart): check by hand. */
  sameNameAs: z.array(z.object({ id: z.number().int(), delegation: z.string() })),
  /**
   * What the organizers must settle on this row: DUPLICATE_PERSON (the same person holds another
   * place in the register: an elected arrival kept beside it), DELEGATION_OVER_SEATS (an official
   * beyond the delegation's allocated seats).
   */
  warnings: z.array(delegateWarningSchema),
  badgeCode: z.string().nullable(),
  sessionsAttended: z.array(z.number().int()),
  note: z.string().nullable(),
  /** Why the details may not be edited (substituted), or why kind and delegation are fixed; null = free. */
  editLock: z.object({ all: z.string().nullable(), kindAndDelegation: z.string().nullable() }),
  version: z.number().int(),
});
export type Delegate = z.infer<typeof delegateSchema>;

export const sessionRefSchema = z.object({ id: z.number().int(), label: z.string(), date: isoDate, kind: z.string() });
export const registerSchema = z.object({
  congress: z.object({
    id: z.number().int(),
    org: orgRef,
    campaignId: z.number().int(),
    form: z.string(),
    status: z.string(),
    plannedStart: isoDate.nullable(),
    plannedEnd: isoDate.nullable(),
  }),
  delegates: z.array(delegateSchema),
  delegations: z.array(z.object({ org: orgRef, allocated: z.number().int().nullable(), officials: z.number().int(), alternates: z.number().int(), summoned: z.number().int() })),
  summary: z.object({
    summoned: z.number().int(),
    byKind: z.record(z.string(), z.number().int()),
    notSummoned: z.number().int(),
    replaced: z.number().int(),
    credentials: z.record(z.string(), z.number().int()),
  }),
  sessions: z.array(sessionRefSchema),
  canEdit: z.boolean(),
});
export type Register = z.infer<typeof registerSchema>;

// ---- Check-in and quorum ----

export const createAttendanceSessionRequestSchema = z.strictObject({ label: text(200).min(1), date: isoDate, kind: z.enum(['preparatory', 'official']) });
export const checkInRequestSchema = z.strictObject({ sessionId: id, code: text(64).min(3), method: z.enum(['scan', 'typed']).default('typed') });
export const manualCheckInRequestSchema = z.strictObject({ sessionId: id, delegateId: id });

export const quorumSchema = z.object({
  session: sessionRefSchema.nullable(),
  summoned: z.number().int(),
  present: z.number().int(),
  presentNeeded: z.number().int(),
  subordinateOrgs: z.object({ total: z.number().int(), withDelegatesPresent: z.number().int(), needed: z.number().int(), ok: z.boolean() }).nullable(),
  ok: z.boolean(),
  failures: z.array(z.object({ code: z.string(), message: z.string() })),
  /** May the congress open: a failed quorum leaves only postponement or re-summons. */
  canOpen: z.boolean(),
  source: z.string(),
});
export type Quorum = z.infer<typeof quorumSchema>;

export const checkInResultSchema = z.object({
  status: z.enum(['checkedIn', 'already']),
  message: z.string(),
  delegate: z.object({ id: z.number().int(), fullName: z.string(), delegation: z.string(), kind: z.enum(delegateKinds) }),
  checkedInAt: z.string(),
  present: z.number().int(),
  summoned: z.number().int(),
});
export type CheckInResult = z.infer<typeof checkInResultSchema>;

/** What an election of this congress takes for its denominator (R1.18; QĐ 294 mục 11.4.4). */
export const electionFiguresSchema = z.object({
  congressId: z.number().int(),
  summoned: z.number().int(),
  present: z.number().int(),
  exclusions: z.object({ convenerMembersAbsentWhole: z.number().int(), delegatesAbsentWholeNotReplaced: z.number().int() }),
  replaced: z.number().int(),
  notSummoned: z.number().int(),
  sessionsHeld: z.number().int(),
  note: z.string(),
});
export type ElectionFigures = z.infer<typeof electionFiguresSchema>;

// ---- Health watch ----

export const healthSettingsRequestSchema = z.strictObject({ days: z.number().int().min(1).max(60), feverFrom: z.number().min(36).max(40) });
export const issueLinksRequestSchema = z.strictObject({ delegateIds: z.array(id).max(5000).optional(), reissue: z.boolean().default(false) });
export const issuedLinksSchema = z.array(z.object({ delegateId: z.number().int(), fullName: z.string(), token: z.string() }));

export const healthOverviewSchema = z.object({
  window: z.object({ from: isoDate, to: isoDate, days: z.number().int() }).nullable(),
  today: isoDate,
  feverFrom: z.number(),
  days: z.number().int(),
  rows: z.array(
    z.object({
      delegateId: z.number().int(),
      fullName: z.string(),
      delegation: z.string(),
      kind: z.enum(delegateKinds),
      hasLink: z.boolean(),
      declaredDays: z.number().int(),
      missingDays: z.array(isoDate),
      /** The latest declaration's flags. */
      flags: z.array(z.string()),
      /** Every day of the watch window with a flag, whatever was declared after (a declaration sent again that day included). */
      flaggedDays: z.array(z.object({ day: isoDate, flags: z.array(z.string()) })),
      lastDeclaration: z.object({ day: isoDate, temperature: z.number().nullable(), symptoms: z.array(z.enum(healthSymptoms)), contact: z.boolean(), isolation: z.boolean() }).nullable(),
    }),
  ),
  canEdit: z.boolean(),
});
export type HealthOverview = z.infer<typeof healthOverviewSchema>;

export const healthDeclarationRequestSchema = z.strictObject({
  symptoms: z.array(z.enum(healthSymptoms)).max(10).default([]),
  temperature: z.number().min(34).max(43).nullable().default(null),
  contact: z.boolean(),
  isolation: z.boolean(),
  note: text(500).optional(),
});
export type HealthDeclarationRequest = z.input<typeof healthDeclarationRequestSchema>;
export const publicHealthSchema = z.object({
  fullName: z.string(),
  congressName: z.string(),
  window: z.object({ from: isoDate, to: isoDate, days: z.number().int() }),
  today: isoDate,
  state: z.enum(['notYet', 'open', 'expired']),
  declaredToday: z.boolean(),
  declaredDays: z.number().int(),
});
export type PublicHealth = z.infer<typeof publicHealthSchema>;
