import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
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

type Option = { value: string; label: string };

/** The fields of a unit, as both "Thêm tổ chức trực thuộc" and "Sửa, đổi tên" show them. */
export function OrgFormFields({ typeOptions, kindOptions }: { typeOptions: Option[]; kindOptions: Option[] }) {
  const { t } = useTranslation();
  return (
    <>
      <OrgNameField />
      <Row gutter={12}>
        <Col span={12}>
          <OrgCodeField />
        </Col>
        <Col span={12}>
          <DateField name="activeFrom" label={t('orgs.fields.activeFrom')} />
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <OrgTypeField options={typeOptions} />
        </Col>
        <Col span={12}>
          <OrgKindField options={kindOptions} />
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <MemberCountField name="fullMembers" label={t('orgs.fields.fullMembers')} />
        </Col>
        <Col span={12}>
          <MemberCountField name="probationaryMembers" label={t('orgs.fields.probationaryMembers')} />
        </Col>
      </Row>
    </>
  );
}
