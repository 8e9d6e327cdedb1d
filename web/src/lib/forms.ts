import type { FormInstance } from 'antd';
import type { FormRule as Rule } from 'antd';
import type { ZodType } from 'zod';
import i18n from '../app/i18n.ts';
import { fieldErrors } from './api.ts';
import './zod-messages.ts';

/** One schema at every edge: a form field checks itself with the shared contract's schema. */
export function zodRule(schema: ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? i18n.t('validation.format'));
    },
  };
}

export const requiredRule = (label: string): Rule => ({ required: true, whitespace: true, message: i18n.t('validation.requiredField', { label }) });

/**
 * Puts the server's per-field messages next to their fields; returns whether any landed,
 * so the caller can still show the general message above the form.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  const known = fieldErrors(error).filter((f) => isFieldRegistered(form, f.name));
  if (known.length) form.setFields(known.map((f) => ({ name: f.name, errors: f.errors })));
  return known.length > 0;
}

function isFieldRegistered(form: FormInstance, name: string[]): boolean {
  return form.getFieldsError().some((f) => f.name.join('.') === name.join('.'));
}
