import { z } from 'zod';

// ---- Vocabulary (the server's pure rules use the same lists; a unit test keeps them equal) ----

export const congressStatuses = ['planned', 'documentsReady', 'personnelReady', 'approved', 'held', 'resultsApproved', 'closed', 'cancelled'] as const;
export type CongressStatus = (typeof congressStatuses)[number];
export const congressStatusLabels: Record<CongressStatus, string> = {
  planned: 'Đã có kế hoạch',
  documentsReady: 'Đã chuẩn bị xong văn kiện',
  personnelReady: 'Đã chuẩn bị xong nhân sự',
  approved: 'Cấp trên đã duyệt',
  held: 'Đã tổ chức',
  resultsApproved: 'Đã chuẩn y kết quả',
  closed: 'Đã kết thúc',
  cancelled: 'Không tổ chức',
};

export const congressForms = ['members', 'delegates'] as const;
export const congressFormLabels = { members: 'Đại hội đảng viên', delegates: 'Đại hội đại biểu' } as const;
export const congressContentsSchema = z.union([z.literal(4), z.literal(3), z.literal(2)]);
export type CongressContents = z.infer<typeof congressContentsSchema>;
export const congressContentsLabels: Record<CongressContents, string> = {
  4: 'Đại hội 4 nội dung',
  3: 'Đại hội 3 nội dung (chưa bầu cấp ủy khóa mới)',
  2: 'Đại hội 2 nội dung (cấp trên chỉ định cấp ủy)',
};
export const cellTermModes = ['twicePer5y', 'oncePer5y'] as const;
export const cellTermModeLabels = { twicePer5y: '5 năm 2 lần (Điều lệ Đảng)', oncePer5y: '5 năm 1 lần (thí điểm theo QĐ 294)' } as const;
export const postponeReasons = ['epidemic', 'documents', 'personnel', 'disaster', 'other'] as const;
export type PostponeReason = (typeof postponeReasons)[number];
export const postponeReasonLabels: Record<PostponeReason, string> = {
  epidemic: 'Dịch bệnh',
  documents: 'Văn kiện chưa hoàn thiện',
  personnel: 'Nhân sự chưa hoàn thiện',
  disaster: 'Thiên tai',
  other: 'Lý do khác',
};
export const directivePresetCodes = ['CT35-2019', 'CT45-2025'] as const;
export const assignmentDuties = ['direct', 'attend'] as const;
export const assignmentDutyLabels = { direct: 'Chỉ đạo', attend: 'Dự' } as const;
export const sessionKinds = ['preparatory', 'official'] as const;
export const sessionKindLabels = { preparatory: 'Phiên trù bị', official: 'Phiên chính thức' } as const;
export const scheduleWarningCodes = [
  'DEADLINE_MISSED',
  'TARGET_MISSED',
  'BEFORE_WINDOW',
  'DURATION_OVER_LIMIT',
  'PREPARATORY_OVER_LIMIT',
  'NOTICE_TOO_SHORT',
  'NOTICE_OVERDUE',
  'FORM_DIFFERS_FROM_RULE',
  'CONTENTS_NOT_IN_DIRECTIVE',
] as const;

const isoDate = z.string().date();
const id = z.number().int().positive().max(2_147_483_647);
const halfDays = (max: number) => z.number().min(0.5).max(max).multipleOf(0.5);
const text = (max: number) => z.string().trim().max(max);
/** A recorded exception: the reason the user keeps a schedule that breaks a rule, or marks held before approval. */
export const overrideSchema = z.strictObject({ reason: text(2000) });

// ---- Campaign ----

export const levelRuleSchema = z.strictObject({
  level: z.number().int().min(0).max(10),
  centralDeadline: isoDate.nullable(),
  provincialTarget: isoDate.nullable(),
  windowStart: isoDate.nullable(),
  maxDays: halfDays(30).nullable(),
  maxPreparatoryDays: halfDays(5).nullable(),
  /** A maximum for one organization type of the level (e.g. partialCommittee 1 day, subordinateCell ½ day). */
  maxDaysByType: z.array(z.strictObject({ typeCode: z.string().regex(/^[A-Za-z0-9]{1,40}$/), maxDays: halfDays(30) })).max(10).optional(),
  source: text(1000).default(''),
  confirmed: z.boolean().default(true),
});
export type LevelRule = z.infer<typeof levelRuleSchema>;

export const campaignSettingsSchema = z.strictObject({
  delegatesCongressMinMembers: z.number().int().min(1).max(1_000_000),
  noticeWorkingDays: z.number().int().min(0).max(200),
  contentsAllowed: z.array(congressContentsSchema).min(1).max(3),
  cellTermModeDefault: z.enum(cellTermModes),
  epidemicPlan: z.strictObject({
    active: z.boolean(),
    measures: z.array(z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_]{1,40}$/), label: text(200).min(1) })).max(30),
  }),
  extraOffDays: z.array(isoDate).max(200),
});
export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

export const createCampaignRequestSchema = z.strictObject({
  name: text(300).min(1),
  preset: z.enum(directivePresetCodes),
  rootOrgId: id,
  termFrom: z.number().int().min(1990).max(2100).optional(),
  termTo: z.number().int().min(1990).max(2100).optional(),
  directive: text(300).min(1).optional(),
  plan: text(300).optional(),
  /** Levels given here replace the preset's level of the same number. */
  levels: z.array(levelRuleSchema).max(11).optional(),
  settings: campaignSettingsSchema.partial().optional(),
});
export type CreateCampaignRequest = z.infer<typeof createCampaignRequestSchema>;

export const updateCampaignRequestSchema = z.strictObject({
  version: id,
  name: text(300).min(1).optional(),
  directive: text(300).min(1).optional(),
  plan: text(300).nullable().optional(),
  levels: z.array(levelRuleSchema).max(11).optional(),
  settings: campaignSettingsSchema.partial().optional(),
  status: z.enum(['active', 'closed']).optional(),
});
export type UpdateCampaignRequest = z.infer<typeof updateCampaignRequestSchema>;

const orgRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
const ruleInfo = z.object({ key: z.string(), label: z.string(), source: z.string(), confirmed: z.boolean() });

export const campaignSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  termFrom: z.number().int(),
  termTo: z.number().int(),
  preset: z.string(),
  directive: z.string(),
  plan: z.string().nullable(),
  rootOrg: orgRef,
  levels: z.array(levelRuleSchema.extend({ name: z.string() })),
  settings: campaignSettingsSchema,
  /** Each rule with its source; `confirmed: false` is shown as "chưa xác nhận". */
  rules: z.array(ruleInfo),
  status: z.enum(['active', 'closed']),
  congressCount: z.number().int(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), sync: z.boolean() }),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const presetSchema = z.object({
  code: z.enum(directivePresetCodes),
  label: z.string(),
  directive: z.string(),
  guidance: z.string(),
  termFrom: z.number().int(),
  termTo: z.number().int(),
  levels: z.array(levelRuleSchema),
  settings: campaignSettingsSchema,
  rules: z.array(ruleInfo),
});

// ---- Congress ----

export const updateCongressRequestSchema = z.strictObject({
  version: id,
  plannedStart: isoDate.nullable().optional(),
  plannedEnd: isoDate.nullable().optional(),
  /** Sum of the sessions in days, preparatory session included (0.5 steps); default: the calendar span. */
  durationDays: halfDays(30).nullable().optional(),
  preparatoryDays: z.number().min(0).max(5).multipleOf(0.5).optional(),
  noticeDate: isoDate.nullable().optional(),
  venue: text(300).nullable().optional(),
  expectedAttendance: z.number().int().min(0).max(1_000_000).nullable().optional(),
  form: z.enum(congressForms).optional(),
  contents: congressContentsSchema.optional(),
  contentsBasis: text(1000).nullable().optional(),
  cellTermMode: z.enum(cellTermModes).nullable().optional(),
  override: overrideSchema.optional(),
});
export type UpdateCongressRequest = z.infer<typeof updateCongressRequestSchema>;

export const transitionRequestSchema = z.strictObject({
  version: id,
  to: z.enum(congressStatuses),
  /** For "held": the actual dates (default: the planned ones). */
  actualStart: isoDate.optional(),
  actualEnd: isoDate.optional(),
  /** Decision number of the approval (duyệt) or of the chuẩn y. */
  decisionRef: text(300).optional(),
  /** Reason when going back, cancelling or restoring. */
  reason: text(2000).optional(),
  /** Held before approval: the recorded exception. */
  override: overrideSchema.optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

export const postponeRequestSchema = z.strictObject({
  version: id,
  /** null: postponed without a new date yet ("lùi, chưa định ngày"). */
  newStart: isoDate.nullable(),
  newEnd: isoDate.nullable().optional(),
  durationDays: halfDays(30).nullable().optional(),
  reasonCategory: z.enum(postponeReasons),
  reason: text(2000).default(''),
  decidedBy: text(300).default(''),
  decisionRef: text(300).optional(),
  override: overrideSchema.optional(),
});
export type PostponeRequest = z.infer<typeof postponeRequestSchema>;

export const pilotRequestSchema = z.strictObject({
  version: id,
  isPilot: z.boolean(),
  observerOrgIds: z.array(id).max(300).default([]),
});
export const lessonRequestSchema = z.strictObject({ text: text(20_000).min(1) });
export const createDirectorRequestSchema = z.strictObject({ orgId: id, fullName: text(200).min(2), position: text(300).min(1) });
export const assignmentsRequestSchema = z.strictObject({
  assignments: z.array(z.strictObject({ directorId: id, duty: z.enum(assignmentDuties) })).max(30),
});
export const villageElectionRequestSchema = z.strictObject({
  electionDate: isoDate,
  villageName: text(200).min(1),
  voters: z.number().int().min(1).max(1_000_000),
  votesForHead: z.number().int().min(0).max(1_000_000),
  headName: text(200).min(2),
  headIsSecretary: z.boolean(),
});
export const createSessionRequestSchema = z.strictObject({ label: text(200).min(1), date: isoDate, kind: z.enum(sessionKinds) });
export const safetyChecksRequestSchema = z.strictObject({
  checks: z.record(z.string().regex(/^[A-Za-z0-9_]{1,40}$/), z.boolean()),
  note: text(2000).optional(),
});

export const findingSchema = z.object({ code: z.string(), message: z.string(), days: z.number().optional() });

export const congressSummarySchema = z.object({
  id: z.number().int(),
  org: orgRef.extend({ typeCode: z.string() }),
  level: z.number().int(),
  status: z.enum(congressStatuses),
  form: z.enum(congressForms),
  contents: congressContentsSchema,
  start: isoDate.nullable(),
  end: isoDate.nullable(),
  isPilot: z.boolean(),
  postponeCount: z.number().int(),
  warningCodes: z.array(z.string()),
});
export type CongressSummary = z.infer<typeof congressSummarySchema>;

export const congressHistoryItemSchema = z.object({
  at: z.string(),
  actor: z.string().nullable(),
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const lessonFileSchema = z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), size: z.number().int() });

export const congressSchema = z.object({
  id: z.number().int(),
  campaign: z.object({ id: z.number().int(), name: z.string(), epidemicPlanActive: z.boolean() }),
  org: orgRef.extend({ typeCode: z.string(), members: z.number().int(), ancestors: z.array(orgRef) }),
  level: z.number().int(),
  levelName: z.string(),
  levelRule: levelRuleSchema.nullable(),
  status: z.enum(congressStatuses),
  form: z.enum(congressForms),
  formByRule: z.object({ form: z.enum(congressForms), basis: z.string() }),
  contents: congressContentsSchema,
  contentItems: z.array(z.object({ no: z.number().int(), label: z.string() })),
  contentsBasis: z.string().nullable(),
  cellTermMode: z.enum(cellTermModes).nullable(),
  plannedStart: isoDate.nullable(),
  plannedEnd: isoDate.nullable(),
  durationDays: z.number().nullable(),
  preparatoryDays: z.number(),
  actualStart: isoDate.nullable(),
  actualEnd: isoDate.nullable(),
  noticeDate: isoDate.nullable(),
  venue: z.string().nullable(),
  expectedAttendance: z.number().int().nullable(),
  isPilot: z.boolean(),
  postponeCount: z.number().int(),
  heldOverride: z.boolean(),
  approvalRef: z.string().nullable(),
  resultsRef: z.string().nullable(),
  /** Rule findings now (read time: includes NOTICE_OVERDUE) and the reason recorded when they were accepted. */
  warnings: z.array(findingSchema),
  warningsAcceptedReason: z.string().nullable(),
  facts: z.object({
    noticeLatest: isoDate.nullable(),
    noticeWorkingDays: z.number().int().nullable(),
    daysAfterDeadline: z.number().int().nullable(),
    calendarDays: z.number().int().nullable(),
    calendarGaps: z.array(z.object({ year: z.number().int(), missing: z.boolean(), notes: z.array(z.string()) })),
  }),
  history: z.array(congressHistoryItemSchema),
  observers: z.array(orgRef),
  lessons: z.array(z.object({ id: z.number().int(), text: z.string(), author: z.string().nullable(), createdAt: z.string(), files: z.array(lessonFileSchema) })),
  /** Lessons of the pilots of the same level, shown while this congress is not held yet. */
  pilotLessons: z.array(
    z.object({ lessonId: z.number().int(), congressId: z.number().int(), org: orgRef, heldOn: isoDate.nullable(), text: z.string(), createdAt: z.string(), files: z.array(lessonFileSchema) }),
  ),
  assignments: z.array(z.object({ directorId: z.number().int(), fullName: z.string(), position: z.string(), duty: z.enum(assignmentDuties), clashes: z.array(z.object({ congressId: z.number().int(), orgName: z.string(), start: isoDate.nullable() })) })),
  villageElection: z
    .object({ electionDate: isoDate, villageName: z.string(), voters: z.number().int(), votesForHead: z.number().int(), pct: z.number(), pctText: z.string(), headName: z.string(), headIsSecretary: z.boolean(), sameDayAsCongress: z.boolean() })
    .nullable(),
  sessions: z.array(
    z.object({
      id: z.number().int(),
      label: z.string(),
      date: isoDate,
      kind: z.enum(sessionKinds),
      checks: z.record(z.string(), z.boolean()),
      allChecked: z.boolean(),
      note: z.string().nullable(),
      checkedBy: z.string().nullable(),
      checkedAt: z.string().nullable(),
    }),
  ),
  safetyMeasures: z.array(z.object({ code: z.string(), label: z.string() })),
  nextSteps: z.array(z.object({ to: z.enum(congressStatuses), needs: z.enum(['nothing', 'reason', 'override']) })),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), postpone: z.boolean(), transition: z.boolean(), approve: z.boolean(), assign: z.boolean(), tickSafety: z.boolean(), recordLessons: z.boolean(), recordVillage: z.boolean() }),
});
export type Congress = z.infer<typeof congressSchema>;

/** The congress approval checklist (duyệt đại hội): items from every domain; blocking items not ok stop the approval unless overridden with a reason. */
export const approvalCheckItemSchema = z.object({ source: z.string(), key: z.string(), label: z.string(), ok: z.boolean(), detail: z.string().nullable(), blocking: z.boolean() });
export const approvalChecklistSchema = z.object({
  congressId: z.number().int(),
  items: z.array(approvalCheckItemSchema),
  /** Blocking items not satisfied. */
  open: z.number().int(),
  ready: z.boolean(),
  /** The reader is the upper level and the congress waits for approval. */
  canApprove: z.boolean(),
});
export type ApprovalChecklist = z.infer<typeof approvalChecklistSchema>;

export const congressListQuerySchema = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  level: z.coerce.number().int().min(0).max(10).optional(),
  status: z.enum(congressStatuses).optional(),
  pilot: z.enum(['true', 'false']).optional(),
  postponed: z.enum(['true', 'false']).optional(),
  warned: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

// ---- Dashboard ----

export const dashboardQuerySchema = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  /** Figures as of this day (default today): held, on time, progress. Statuses are always today's. */
  asOf: isoDate.optional(),
});
export const calendarQuerySchema = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  from: isoDate,
  to: isoDate,
  level: z.coerce.number().int().min(0).max(10).optional(),
});
export const seriesQuerySchema = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  asOf: isoDate.optional(),
});
export const exportQuerySchema = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  asOf: isoDate.optional(),
  view: z.enum(['dashboard', 'children', 'congresses', 'calendar', 'series']).default('dashboard'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const postponedFigures = z.object({ total: z.number().int(), byReason: z.record(z.enum(postponeReasons), z.number().int()) });
const trustedFigures = z.object({ cells: z.number().int(), secretaryIsHead: z.number().int(), pct: z.number(), pctText: z.string() });

export const levelFiguresSchema = z.object({
  level: z.number().int(),
  levelName: z.string(),
  total: z.number().int(),
  held: z.number().int(),
  heldPct: z.number(),
  heldPctText: z.string(),
  onTime: z.number().int(),
  heldAfterDeadline: z.number().int(),
  onTarget: z.number().int().nullable(),
  remaining: z.number().int(),
  centralDeadline: isoDate.nullable(),
  provincialTarget: isoDate.nullable(),
  completedOn: isoDate.nullable(),
  /** Positive: ahead of the deadline by so many days; negative: behind. */
  daysAheadOfDeadline: z.number().int().nullable(),
  daysAheadOfTarget: z.number().int().nullable(),
  deadlineStatus: z.enum(['done', 'doneLate', 'onTrack', 'overdue', 'noDeadline']),
  daysLeft: z.number().int().nullable(),
  daysOverdue: z.number().int().nullable(),
  statuses: z.record(z.enum(congressStatuses), z.number().int()),
  approvalsPending: z.number().int(),
  approvedNotHeld: z.number().int(),
  resultsApprovalPending: z.number().int(),
  pilots: z.object({ total: z.number().int(), held: z.number().int() }),
  postponed: postponedFigures,
  unscheduled: z.number().int(),
  warned: z.number().int(),
  heldWithoutApproval: z.number().int(),
  forms: z.object({ members: z.number().int(), delegates: z.number().int() }),
  contents: z.object({ 4: z.number().int(), 3: z.number().int(), 2: z.number().int() }),
  trustedByPeople: trustedFigures,
  ruleConfirmed: z.boolean(),
});
export type LevelFigures = z.infer<typeof levelFiguresSchema>;

export const dashboardChildSchema = z.object({
  org: orgRef.extend({ typeCode: z.string(), hasChildren: z.boolean() }),
  /** The child's own congress. */
  congress: z.object({ id: z.number().int(), status: z.enum(congressStatuses), start: isoDate.nullable(), end: isoDate.nullable(), isPilot: z.boolean() }).nullable(),
  total: z.number().int(),
  held: z.number().int(),
  heldPct: z.number(),
  heldPctText: z.string(),
  onTime: z.number().int(),
  approvalsPending: z.number().int(),
  postponed: z.number().int(),
  pilots: z.object({ total: z.number().int(), held: z.number().int() }),
  warned: z.number().int(),
  byLevel: z.array(z.object({ level: z.number().int(), total: z.number().int(), held: z.number().int(), onTime: z.number().int(), completedOn: isoDate.nullable() })),
});

export const dashboardSchema = z.object({
  campaign: z.object({ id: z.number().int(), name: z.string(), termFrom: z.number().int(), termTo: z.number().int() }),
  org: orgRef.extend({ level: z.number().int(), ancestors: z.array(orgRef) }),
  asOf: isoDate,
  today: isoDate,
  totals: z.object({
    total: z.number().int(),
    held: z.number().int(),
    heldPct: z.number(),
    heldPctText: z.string(),
    onTime: z.number().int(),
    approvalsPending: z.number().int(),
    pilots: z.object({ total: z.number().int(), held: z.number().int() }),
    postponed: postponedFigures,
    trustedByPeople: trustedFigures,
    warned: z.number().int(),
    unscheduled: z.number().int(),
  }),
  levels: z.array(levelFiguresSchema),
  children: z.array(dashboardChildSchema),
  /** "Dân tin, Đảng cử" for the whole campaign (the provincial figure), when the actor may see it. */
  campaignTrustedByPeople: trustedFigures.nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const seriesSchema = z.object({
  asOf: isoDate,
  levels: z.array(
    z.object({
      level: z.number().int(),
      levelName: z.string(),
      total: z.number().int(),
      points: z.array(z.object({ date: isoDate, held: z.number().int(), heldPct: z.number(), forecast: z.number().int(), forecastPct: z.number() })),
      targetLine: z.array(z.object({ date: isoDate, pct: z.number() })),
      centralDeadline: isoDate.nullable(),
      provincialTarget: isoDate.nullable(),
    }),
  ),
});

export const calendarSchema = z.object({
  from: isoDate,
  to: isoDate,
  days: z.array(z.object({ date: isoDate, held: z.number().int(), planned: z.number().int(), holiday: z.string().nullable(), workingDay: z.boolean() })),
  congresses: z.array(congressSummarySchema),
  truncated: z.boolean(),
});

export const directorSchema = z.object({ id: z.number().int(), org: orgRef, fullName: z.string(), position: z.string(), assignments: z.number().int() });
export const directorCalendarSchema = z.object({
  director: directorSchema,
  items: z.array(
    z.object({
      congress: congressSummarySchema,
      duty: z.enum(assignmentDuties),
      clash: z.boolean(),
    }),
  ),
});

export const holidaysSchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      complete: z.boolean(),
      notes: z.array(z.string()),
      sources: z.array(z.string()),
      off: z.array(z.object({ date: isoDate, name: z.string(), kind: z.string() })),
      workdays: z.array(z.object({ date: isoDate, name: z.string() })),
    }),
  ),
});
