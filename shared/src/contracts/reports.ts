import { z } from 'zod';
import { formatDateVi, formatNumberVi } from '../format.ts';

// ---- Vocabulary ----

export const oversightKinds = ['inspection', 'supervision'] as const;
export type OversightKind = (typeof oversightKinds)[number];
export const oversightKindLabels: Record<OversightKind, string> = { inspection: 'Kiểm tra', supervision: 'Giám sát' };
export const oversightModes = ['regular', 'thematic', 'violationSigns'] as const;
export type OversightMode = (typeof oversightModes)[number];
export const oversightModeLabels: Record<OversightMode, string> = { regular: 'Thường xuyên', thematic: 'Chuyên đề', violationSigns: 'Khi có dấu hiệu vi phạm' };
export const subjectTypes = ['organization', 'member'] as const;
export type SubjectType = (typeof subjectTypes)[number];
export const subjectTypeLabels: Record<SubjectType, string> = { organization: 'Tổ chức đảng', member: 'Đảng viên' };
export const disciplineForms = ['reprimand', 'warning', 'dismissal', 'expulsion', 'dissolution'] as const;
export type DisciplineForm = (typeof disciplineForms)[number];
export const disciplineFormLabels: Record<DisciplineForm, string> = { reprimand: 'Khiển trách', warning: 'Cảnh cáo', dismissal: 'Cách chức', expulsion: 'Khai trừ', dissolution: 'Giải tán' };
/** Điều lệ Đảng: the forms for a member and for an organization. */
export const disciplineFormsFor: Record<SubjectType, readonly DisciplineForm[]> = {
  member: ['reprimand', 'warning', 'dismissal', 'expulsion'],
  organization: ['reprimand', 'warning', 'dissolution'],
};
export const targetDirections = ['atLeast', 'atMost'] as const;
export const targetDirectionLabels = { atLeast: 'Đạt từ mức này trở lên', atMost: 'Không vượt quá mức này' } as const;

const isoDate = z.string().date();
const id = z.number().int().positive().max(2_147_483_647);
const text = (max: number) => z.string().trim().max(max);
const name = (max: number) => z.string().trim().min(1).max(max);
const version = z.strictObject({ version: z.number().int().positive() });
/** Query ids arrive as strings. */
const qid = z.coerce.number().int().positive().max(2_147_483_647);

// ---- Registers: the list query (subtree and period) ----

export const registerQuerySchema = z.strictObject({
  orgId: qid.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: z.enum(oversightKinds).optional(),
  q: text(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type RegisterQuery = z.infer<typeof registerQuerySchema>;
export const registerExportQuerySchema = registerQuerySchema.omit({ limit: true, offset: true });

export const registerOrgSchema = z.object({ id: z.number(), code: z.string(), name: z.string() });
const rowMeta = { id: z.number(), org: registerOrgSchema, version: z.number(), can: z.object({ edit: z.boolean() }) };

// Inspections and supervisions (kiểm tra, giám sát)
const oversightFields = {
  kind: z.enum(oversightKinds),
  mode: z.enum(oversightModes),
  subjectType: z.enum(subjectTypes),
  subjectOrgId: id.nullable().optional(),
  subjectName: name(300),
  committeeMember: z.boolean(),
  startedOn: isoDate,
  decisionRef: text(200).nullable().optional(),
  conclusion: text(4000).nullable().optional(),
  violationFound: z.boolean().nullable().optional(),
};
export const createOversightSchema = z.strictObject({ orgId: id, ...oversightFields, committeeMember: z.boolean().default(false) });
export const updateOversightSchema = z.strictObject({ ...version.shape, ...z.object(oversightFields).partial().shape });
export type CreateOversight = z.infer<typeof createOversightSchema>;
export type UpdateOversight = z.infer<typeof updateOversightSchema>;
export const oversightSchema = z.object({
  ...rowMeta,
  kind: z.enum(oversightKinds),
  mode: z.enum(oversightModes),
  subjectType: z.enum(subjectTypes),
  subjectOrg: registerOrgSchema.nullable(),
  subjectName: z.string(),
  committeeMember: z.boolean(),
  startedOn: z.string(),
  decisionRef: z.string().nullable(),
  conclusion: z.string().nullable(),
  violationFound: z.boolean().nullable(),
});
export type Oversight = z.infer<typeof oversightSchema>;

// Disciplinary measures (kỷ luật)
const disciplineFields = {
  subjectType: z.enum(subjectTypes),
  subjectOrgId: id.nullable().optional(),
  subjectName: name(300),
  committeeMember: z.boolean(),
  form: z.enum(disciplineForms),
  decidedOn: isoDate,
  decisionRef: text(200).nullable().optional(),
  reason: text(4000).nullable().optional(),
};
export const createDisciplineSchema = z.strictObject({ orgId: id, ...disciplineFields, committeeMember: z.boolean().default(false) });
export const updateDisciplineSchema = z.strictObject({ ...version.shape, ...z.object(disciplineFields).partial().shape });
export type CreateDiscipline = z.infer<typeof createDisciplineSchema>;
export type UpdateDiscipline = z.infer<typeof updateDisciplineSchema>;
export const disciplineSchema = z.object({
  ...rowMeta,
  subjectType: z.enum(subjectTypes),
  subjectOrg: registerOrgSchema.nullable(),
  subjectName: z.string(),
  committeeMember: z.boolean(),
  form: z.enum(disciplineForms),
  decidedOn: z.string(),
  decisionRef: z.string().nullable(),
  reason: z.string().nullable(),
});
export type Discipline = z.infer<typeof disciplineSchema>;

// Study sessions (học tập, quán triệt nghị quyết)
const studyFields = {
  title: name(300),
  subject: text(500).nullable().optional(),
  heldFrom: isoDate,
  heldTo: isoDate,
  expected: z.number().int().min(1).max(10_000_000),
  attended: z.number().int().min(0).max(10_000_000),
  note: text(2000).nullable().optional(),
};
export const createStudySessionSchema = z.strictObject({ orgId: id, ...studyFields });
export const updateStudySessionSchema = z.strictObject({ ...version.shape, ...z.object(studyFields).partial().shape });
export type CreateStudySession = z.infer<typeof createStudySessionSchema>;
export type UpdateStudySession = z.infer<typeof updateStudySessionSchema>;
export const studySessionSchema = z.object({
  ...rowMeta,
  title: z.string(),
  subject: z.string().nullable(),
  heldFrom: z.string(),
  heldTo: z.string(),
  expected: z.number(),
  attended: z.number(),
  pct: z.number(),
  note: z.string().nullable(),
});
export type StudySession = z.infer<typeof studySessionSchema>;

// A resolution's targets (nghị quyết, chỉ tiêu) and their progress
const resolutionFields = { title: name(500), ref: text(200).nullable().optional(), adoptedOn: isoDate, taskGroups: z.number().int().min(0).max(1000) };
export const createResolutionSchema = z.strictObject({ orgId: id, ...resolutionFields, taskGroups: resolutionFields.taskGroups.default(0) });
export const updateResolutionSchema = z.strictObject({ ...version.shape, ...z.object(resolutionFields).partial().shape });
export type CreateResolution = z.infer<typeof createResolutionSchema>;
export type UpdateResolution = z.infer<typeof updateResolutionSchema>;
const targetFields = {
  position: z.number().int().min(1).max(1000),
  name: name(500),
  unit: name(50),
  targetValue: z.number().finite().min(-1e12).max(1e12),
  direction: z.enum(targetDirections),
};
export const createTargetSchema = z.strictObject({ ...targetFields, direction: targetFields.direction.default('atLeast') });
export const updateTargetSchema = z.strictObject({ ...version.shape, ...z.object(targetFields).partial().shape });
export type CreateTarget = z.infer<typeof createTargetSchema>;
export type UpdateTarget = z.infer<typeof updateTargetSchema>;
export const recordProgressSchema = z.strictObject({ asOf: isoDate, value: z.number().finite().min(-1e12).max(1e12), note: text(1000).nullable().optional() });
export type RecordProgress = z.infer<typeof recordProgressSchema>;
export const targetSchema = z.object({
  id: z.number(),
  position: z.number(),
  name: z.string(),
  unit: z.string(),
  targetValue: z.number(),
  direction: z.enum(targetDirections),
  version: z.number(),
  progress: z.array(z.object({ asOf: z.string(), value: z.number(), note: z.string().nullable() })),
  latest: z.object({ value: z.number().nullable(), valueAsOf: z.string().nullable(), status: z.enum(['achieved', 'notYet', 'noData']), progressPct: z.number().nullable() }),
});
export type Target = z.infer<typeof targetSchema>;
export const resolutionSchema = z.object({
  ...rowMeta,
  title: z.string(),
  ref: z.string().nullable(),
  adoptedOn: z.string(),
  taskGroups: z.number(),
  targets: z.array(targetSchema),
  achieved: z.number(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

export const registerListSchema = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), items: z.array(item), can: z.object({ create: z.boolean() }) });
export type RegisterList<T> = { total: number; items: T[]; can: { create: boolean } };

// ---- The campaign's summary report ----

export const summaryQuerySchema = z.strictObject({
  orgId: qid.optional(),
  /** Registers (inspections, study sessions…) are counted from this day; default: the campaign's first congress. */
  from: isoDate.optional(),
  /** Figures as of this day; default: today. */
  asOf: isoDate.optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuerySchema>;

export const reportColumnTypes = ['text', 'int', 'pct', 'date', 'num'] as const;
export const reportTableSchema = z.object({
  title: z.string(),
  columns: z.array(z.object({ key: z.string(), header: z.string(), type: z.enum(reportColumnTypes) })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export type ReportTable = z.infer<typeof reportTableSchema>;
/** A report cell as every rendering shows it (page, DOCX): 1.234; 97,73%; dd/mm/yyyy; decimals only when there are any. */
export function reportCellText(v: string | number | null | undefined, type: ReportTable['columns'][number]['type']): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return type === 'pct' ? `${formatNumberVi(v, 2)}%` : formatNumberVi(v, type === 'num' && !Number.isInteger(v) ? 2 : 0);
  return type === 'date' ? formatDateVi(v) : v;
}
export const reportChartSchema = z.object({
  title: z.string(),
  /** `pct`: values are percentages 0–100; `count`: whole numbers. */
  unit: z.enum(['pct', 'count']),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number()) })),
});
export type ReportChart = z.infer<typeof reportChartSchema>;
export const reportSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** Sentences in Vietnamese with the figures, as the report reads. */
  paragraphs: z.array(z.string()),
  tables: z.array(reportTableSchema),
  chart: reportChartSchema.nullable(),
  /** The section's figures by name, for checks and for whoever reads the API. */
  figures: z.record(z.string(), z.number().nullable()),
  notes: z.array(z.string()),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;
export const summaryReportSchema = z.object({
  campaign: z.object({ id: z.number(), name: z.string(), termFrom: z.number(), termTo: z.number() }),
  org: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  from: z.string(),
  asOf: z.string(),
  sections: z.array(reportSectionSchema),
  /** Sections the report could not build yet (a domain not installed), by title. */
  missing: z.array(z.string()),
});
export type SummaryReport = z.infer<typeof summaryReportSchema>;
