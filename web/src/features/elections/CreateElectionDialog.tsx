import { Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { createElectionRequestSchema, electionKindLabels } from '../../../../shared/src/contracts/elections.ts';
import { formatCount, parseCount } from '../../lib/format.ts';
import { requiredRule, zodRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { type CongressKind, type CreateElectionRequest, type ElectionKind, useCreateElection } from './elections.api.ts';
import { CandidateFileButton } from './CandidateFileButton.tsx';
import { congressKinds, electionKindOptions, exclusionLabel, exclusionsByCongress } from './labels.ts';

type Values = {
  title: string;
  kind: ElectionKind;
  regulation: '2014' | '2024';
  congressKind: CongressKind;
  seats: number;
  alternateSeats?: number;
  summoned: number;
  exclusions?: Record<string, number | undefined>;
  candidates: string;
};

/**
 * Names as pasted from Excel or typed: one per line. A pasted row keeps its name cell — the first
 * cell that is not a number (an "STT" column before it is skipped).
 */
export function namesFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const cells = line.split('\t').map((c) => c.trim());
      return (cells.find((c) => c !== '' && !/^\d+[.)]?$/.test(c)) ?? '').replace(/^\d+[.)]\s+/, '').replace(/\s+/g, ' ');
    })
    .filter((n) => n !== '');
}

/** Tạo cuộc bầu cử: one election of this organization's congress, with its list of candidates. */
export function CreateElectionDialog({ org, onClose }: { org: { id: number; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateElection();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const congressKind = Form.useWatch('congressKind', form) ?? 'delegates';
  const kind = Form.useWatch('kind', form);
  const names = namesFromText(Form.useWatch('candidates', form) ?? '');

  return (
    <FormDialog<Values>
      form={form}
      title={t('elections.create.title', { org: org.name })}
      okText={t('elections.create.ok')}
      onClose={onClose}
      width={820}
      initialValues={{ kind: 'executiveCommittee', regulation: '2024', congressKind: 'delegates', alternateSeats: 0, candidates: '' }}
      onSubmit={async (v) => {
        const categories = exclusionsByCongress[v.congressKind];
        const exclusions = Object.fromEntries(categories.map((c) => [c, v.exclusions?.[c] ?? 0]).filter(([, n]) => Number(n) > 0));
        const body: CreateElectionRequest = {
          orgId: org.id,
          title: v.title.trim(),
          kind: v.kind,
          regulation: v.regulation,
          congressKind: v.congressKind,
          seats: v.seats,
          alternateSeats: v.alternateSeats ?? 0,
          summoned: v.summoned,
          exclusions,
          candidates: namesFromText(v.candidates).map((fullName) => ({ fullName, nominatedBy: 'conveningCommittee' })),
        };
        const created = await create.mutateAsync(body);
        navigate(`/elections/${created.id}`);
        return t('elections.create.done', { title: created.title });
      }}
    >
      <Form.Item name="title" label={t('elections.fields.title')} rules={[requiredRule(t('elections.fields.title')), zodRule(createElectionRequestSchema.shape.title)]}>
        <Input autoComplete="off" maxLength={300} placeholder={kind ? `${electionKindLabels[kind]} ${org.name}` : undefined} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="kind" label={t('elections.fields.kind')} rules={[{ required: true, message: t('validation.requiredField', { label: t('elections.fields.kind') }) }]}>
            <Select options={electionKindOptions} virtual={false} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="congressKind" label={t('elections.fields.congressKind')} rules={[{ required: true }]}>
            <Select options={congressKinds.map((k) => ({ value: k, label: t(`elections.congressKind.${k}`) }))} virtual={false} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="regulation" label={t('elections.fields.regulation')} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: '2024', label: t('elections.regulation.2024') },
            { value: '2014', label: t('elections.regulation.2014') },
          ]}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <CountField name="seats" label={t('elections.fields.seats')} required min={1} max={500} />
        </Col>
        <Col span={8}>
          <CountField name="alternateSeats" label={t('elections.fields.alternateSeats')} min={0} max={500} />
        </Col>
        <Col span={8}>
          <CountField name="summoned" label={t(`elections.summonedLabel.${congressKind}`)} required min={1} max={10_000_000} />
        </Col>
      </Row>
      <fieldset className="election-form__exclusions">
        <legend>{t('elections.fields.exclusions')}</legend>
        <Typography.Paragraph type="secondary" className="election-form__hint">
          {t('elections.create.exclusionsHint')}
        </Typography.Paragraph>
        {exclusionsByCongress[congressKind].map((c) => (
          <Form.Item key={`${congressKind}.${c}`} name={['exclusions', c]} label={exclusionLabel(congressKind, c)} className="election-form__exclusion">
            <InputNumber<number> min={0} max={10_000_000} precision={0} style={{ width: '100%' }} formatter={(v) => formatCount(v ?? 0)} parser={parseCount} />
          </Form.Item>
        ))}
      </fieldset>
      <Form.Item
        name="candidates"
        label={t('elections.fields.candidates')}
        extra={t('elections.create.candidatesHint', { count: names.length })}
        rules={[{ validator: async (_r, v: string) => (namesFromText(v ?? '').length === 0 ? Promise.reject(new Error(t('elections.create.candidatesRequired'))) : undefined) }]}
      >
        <Input.TextArea rows={8} placeholder={t('elections.create.candidatesPlaceholder')} spellCheck={false} />
      </Form.Item>
      <CandidateFileButton onNames={(list) => form.setFieldValue('candidates', list.join('\n'))} />
    </FormDialog>
  );
}

function CountField({ name, label, required, min, max }: { name: string; label: string; required?: boolean; min: number; max: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('validation.requiredField', { label }) }] : []}>
      <InputNumber<number> min={min} max={max} precision={0} style={{ width: '100%' }} formatter={(v) => formatCount(v ?? 0)} parser={parseCount} />
    </Form.Item>
  );
}
