import { useEffect } from 'react';
import { Alert, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { createElectionRequestSchema, electionKindLabels } from '../../../../shared/src/contracts/elections.ts';
import { formatCount, parseCount } from '../../lib/format.ts';
import { requiredRule, zodRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { type CongressKind, type CreateElectionRequest, type ElectionCongressOption, type ElectionKind, electionCongressesQuery, useCreateElection } from './elections.api.ts';
import { formatDateVi } from '../../../../shared/src/format.ts';
import { CandidateFileButton } from './CandidateFileButton.tsx';
import { congressKinds, electionKindOptions, exclusionLabel, exclusionsByCongress } from './labels.ts';

type Values = {
  congressId?: number;
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
  const congresses = useQuery(electionCongressesQuery(org.id));
  const congressId = Form.useWatch('congressId', form) ?? null;
  const congress = congresses.data?.find((c) => c.id === congressId) ?? null;
  // A delegates' congress with a register gives summoned (and, once checked in, the absent) itself: R1.18.
  const fromRegister = congress?.figures?.registered && congressKind === 'delegates' ? congress.figures : null;
  const exclusionsFromCheckIn = !!fromRegister && fromRegister.sessionsHeld > 0;

  // An election is usually held at the organization's congress that is coming or under way; one
  // whose results are already approved is offered but not assumed.
  useEffect(() => {
    if (!congresses.data || form.getFieldValue('congressId') !== undefined) return;
    const current = congresses.data.find((c) => c.status !== 'resultsApproved');
    form.setFieldsValue(current ? { congressId: current.id, congressKind: current.form } : { congressId: 0 });
  }, [congresses.data, form]);
  useEffect(() => {
    if (!fromRegister) return;
    form.setFieldValue('summoned', fromRegister.summoned);
    if (fromRegister.sessionsHeld > 0) form.setFieldValue('exclusions', { ...fromRegister.exclusions });
  }, [fromRegister, form]);

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
          ...(v.congressId ? { congressId: v.congressId } : {}),
          candidates: namesFromText(v.candidates).map((fullName) => ({ fullName, nominatedBy: 'conveningCommittee' })),
        };
        const created = await create.mutateAsync(body);
        navigate(`/elections/${created.id}`);
        return t('elections.create.done', { title: created.title });
      }}
    >
      {(congresses.data?.length ?? 0) > 0 && (
        <Form.Item name="congressId" label={t('elections.fields.congress')} extra={t('elections.create.congressHint')}>
          <Select<number>
            virtual={false}
            showSearch
            optionFilterProp="label"
            options={[
              ...(congresses.data ?? []).map((c) => ({ value: c.id, label: congressLabel(c, t(`elections.congressKind.${c.form}`)) })),
              // 0: held at no congress of a campaign (figures typed by hand).
              { value: 0, label: t('elections.create.noCongress') },
            ]}
            onChange={(id) => {
              const c = congresses.data?.find((x) => x.id === id);
              if (c) form.setFieldValue('congressKind', c.form);
            }}
          />
        </Form.Item>
      )}
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
          <CountField name="summoned" label={t(`elections.summonedLabel.${congressKind}`)} required min={1} max={10_000_000} disabled={!!fromRegister} />
        </Col>
      </Row>
      {fromRegister && (
        <Alert
          type="info"
          showIcon
          className="election-form__from-register"
          message={t('elections.create.fromRegister', { summoned: formatCount(fromRegister.summoned) })}
          description={exclusionsFromCheckIn ? t('elections.create.fromCheckIn', { sessions: fromRegister.sessionsHeld }) : t('elections.create.noCheckInYet')}
        />
      )}
      <fieldset className="election-form__exclusions">
        <legend>{t('elections.fields.exclusions')}</legend>
        <Typography.Paragraph type="secondary" className="election-form__hint">
          {t('elections.create.exclusionsHint')}
        </Typography.Paragraph>
        {exclusionsByCongress[congressKind].map((c) => (
          <Form.Item key={`${congressKind}.${c}`} name={['exclusions', c]} label={exclusionLabel(congressKind, c)} className="election-form__exclusion">
            <InputNumber<number> min={0} max={10_000_000} precision={0} style={{ width: '100%' }} formatter={(v) => formatCount(v ?? 0)} parser={parseCount} disabled={exclusionsFromCheckIn} />
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

function congressLabel(c: ElectionCongressOption, formLabel: string) {
  const when = c.plannedStart ? ` — ${formatDateVi(c.plannedStart)}` : '';
  return `${formLabel} (${c.campaignName})${when}`;
}

function CountField({ name, label, required, min, max, disabled }: { name: string; label: string; required?: boolean; min: number; max: number; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('validation.requiredField', { label }) }] : []}>
      <InputNumber<number> min={min} max={max} precision={0} style={{ width: '100%' }} formatter={(v) => formatCount(v ?? 0)} parser={parseCount} disabled={disabled} />
    </Form.Item>
  );
}
