import { z } from 'zod';

export const orgStatuses = ['active', 'closed', 'merged'] as const;
export const orgStatusSchema = z.enum(orgStatuses);

/** Organization codes appear in Excel files and URLs: keep them plain. */
export const orgCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang');
export const orgNameSchema = z.string().trim().min(1).max(300);
const isoDate = z.string().date();

export const orgSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  typeCode: z.string(),
  kindCode: z.string(),
  fullMembers: z.number().int(),
  probationaryMembers: z.number().int(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  status: orgStatusSchema,
  mergedIntoId: z.number().int().nullable(),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgWithAncestorsSchema = orgSchema.extend({
  ancestors: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
  canWrite: z.boolean(),
});
export type OrgWithAncestors = z.infer<typeof orgWithAncestorsSchema>;

export const createOrgRequestSchema = z.strictObject({
  code: orgCodeSchema,
  name: orgNameSchema,
  parentId: z.number().int().positive(),
  typeCode: z.string().min(1).max(64),
  kindCode: z.string().min(1).max(64),
  fullMembers: z.number().int().min(0).max(10_000_000).default(0),
  probationaryMembers: z.number().int().min(0).max(10_000_000).default(0),
  activeFrom: isoDate.optional(),
});
export type CreateOrgRequest = z.infer<typeof createOrgRequestSchema>;

export const updateOrgRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  name: orgNameSchema.optional(),
  code: orgCodeSchema.optional(),
  typeCode: z.string().min(1).max(64).optional(),
  kindCode: z.string().min(1).max(64).optional(),
  fullMembers: z.number().int().min(0).max(10_000_000).optional(),
  probationaryMembers: z.number().int().min(0).max(10_000_000).optional(),
  activeFrom: isoDate.nullable().optional(),
});
export type UpdateOrgRequest = z.infer<typeof updateOrgRequestSchema>;

export const moveOrgRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  newParentId: z.number().int().positive(),
});

export const closeOrgRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  date: isoDate,
  reason: z.string().trim().min(1).max(1000),
});

export const mergeOrgsRequestSchema = z.strictObject({
  /** Units that cease to exist. */
  sourceIds: z.array(z.number().int().positive()).min(1).max(500),
  /** Merge into an existing unit… */
  targetId: z.number().int().positive().optional(),
  /** …or form a new one (hợp nhất) under this parent. */
  newTarget: z
    .strictObject({ code: orgCodeSchema, name: orgNameSchema, parentId: z.number().int().positive(), typeCode: z.string(), kindCode: z.string() })
    .optional(),
  decisionNo: z.string().trim().min(1).max(100),
  decisionDate: isoDate,
  effectiveDate: isoDate,
  note: z.string().max(2000).optional(),
});
export type MergeOrgsRequest = z.infer<typeof mergeOrgsRequestSchema>;

export const mergeSchema = z.object({
  id: z.number().int(),
  decisionNo: z.string(),
  decisionDate: z.string(),
  effectiveDate: z.string(),
  target: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  sources: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
  /** Units that ceased to exist by this merge, sources and their merged-away descendants excluded. */
  unitsReduced: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type Merge = z.infer<typeof mergeSchema>;

export const rollupSchema = z.object({
  orgId: z.number().int(),
  totalOrgs: z.number().int(),
  fullMembers: z.number().int(),
  probationaryMembers: z.number().int(),
  byType: z.array(z.object({ typeCode: z.string(), level: z.number().int(), count: z.number().int() })),
  byKind: z.array(z.object({ kindCode: z.string(), count: z.number().int() })),
  byLevel: z.array(z.object({ level: z.number().int(), count: z.number().int() })),
  unitsReducedByMerges: z.number().int(),
});
export type Rollup = z.infer<typeof rollupSchema>;

export const referenceDataSchema = z.object({
  levels: z.array(z.object({ level: z.number().int(), nameVi: z.string(), nameEn: z.string() })),
  types: z.array(z.object({ code: z.string(), level: z.number().int(), nameVi: z.string(), nameEn: z.string(), isGrassroots: z.boolean() })),
  kinds: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() })),
});
export type ReferenceData = z.infer<typeof referenceDataSchema>;

export const orgSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  includeClosed: z.enum(['true', 'false']).optional(),
});

/** One row of the tree workbook, as the user keeps it. */
export const importRowSchema = z.object({
  row: z.number().int(),
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  typeCode: z.string(),
  kindCode: z.string(),
  fullMembers: z.number().int(),
  probationaryMembers: z.number().int(),
  activeFrom: z.string().nullable(),
  /** Existing org with this code will be updated, otherwise created. */
  action: z.enum(['create', 'update']),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importPreviewSchema = z.object({
  batchId: z.string(),
  fileName: z.string(),
  totalRows: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().optional(), code: z.string(), message: z.string() })),
  rows: z.array(importRowSchema),
  canApply: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
