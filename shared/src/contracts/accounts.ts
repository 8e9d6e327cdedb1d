import { z } from 'zod';

export const roles = ['admin', 'organizer', 'counter', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang');
export const passwordSchema = z.string().min(10, 'Mật khẩu tối thiểu 10 ký tự').max(200);

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const scopeOrgSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  scopeOrg: scopeOrgSchema,
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
  abilities: z.object({
    manageOrganizations: z.boolean(),
    manageUsers: z.boolean(),
    readAudit: z.boolean(),
  }),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  scopeOrg: scopeOrgSchema,
  active: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const createUserRequestSchema = z.strictObject({
  username: usernameSchema,
  fullName: z.string().trim().min(1).max(200),
  role: roleSchema,
  scopeOrgId: z.number().int().positive(),
  password: passwordSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.strictObject({
  fullName: z.string().trim().min(1).max(200).optional(),
  role: roleSchema.optional(),
  scopeOrgId: z.number().int().positive().optional(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgId: z.number().int().nullable(),
  summary: z.string(),
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
