import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { orgCodeSchema, orgNameSchema } from '../../../../../shared/src/contracts/organizations.ts';
import { DATE_FORMAT } from '../../../lib/dates.ts';
import { formatCount, parseCount } from '../../../lib/format.ts';
import { requiredRule, zodRule } from '../../../lib/forms.ts';

/** Form fields shared by "create", "edit" and "merge into a new unit", checked with the shared contract. */
export function OrgCodeField({ name = 'code', label }: { name?: string | string[]; label?: string }) {
  const { t } = useTranslation();
  const l = label ?? t('orgs.fields.code');
  return (
    <Form.Item name={name} label={l} rules={[requiredRule(l), zodRule(orgCodeSchema)]} extra={t('orgs.fields.codeHint')}>
      <Input autoComplete="off" maxLength={64} />
    </Form.Item>
  );
}

export function OrgNameField({ name = 'name', label }: { name?: string | string[]; label?: string }) {
  const { t } = useTranslation();
  const l = label ?? t('orgs.fields.name');
  return (
    <Form.Item name={name} label={l} rules={[requiredRule(l), zodRule(orgNameSchema)]}>
      <Input autoComplete="off" maxLength={300} />
    </Form.Item>
  );
}

export function OrgTypeField({ name = 'typeCode', options }: { name?: string | string[]; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const l = t('orgs.fields.type');
  return (
    <Form.Item name={name} label={l} rules={[{ required: true, message: t('validation.requiredField', { label: l }) }]}>
      <Select options={options} virtual={false} />
    </Form.Item>
  );
}

export function OrgKindField({ name = 'kindCode', options }: { name?: string | string[]; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const l = t('orgs.fields.kind');
  return (
    <Form.Item name={name} label={l} rules={[{ required: true, message: t('validation.requiredField', { label: l }) }]}>
      <Select options={options} virtual={false} />
    </Form.Item>
  );
}

export function MemberCountField({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label}>
      <InputNumber<number> min={0} max={10_000_000} precision={0} style={{ width: '100%' }} formatter={(v) => formatCount(v ?? 0)} parser={parseCount} />
    </Form.Item>
  );
}

export function DateField({ name, label, required }: { name: string; label: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('validation.requiredField', { label }) }] : []}>
      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
    </Form.Item>
  );
}
