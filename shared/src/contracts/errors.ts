import { z } from 'zod';

/** Every API error has this shape; `code` is stable, `message` is Vietnamese for the screen. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Per-field or per-row problems (imports, validation). */
    details: z
      .array(
        z.object({
          field: z.string().optional(),
          row: z.number().int().optional(),
          column: z.string().optional(),
          code: z.string(),
          message: z.string(),
        }),
      )
      .optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
export type ApiErrorDetail = NonNullable<ApiError['error']['details']>[number];
