import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, List, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { candidacies, type FirstMeetingKind, firstMeetingKinds, postKinds, vettingStatuses, type CongressCandidate, type PersonnelPlan as CongressPersonnelPlan, sameRule, type TargetResult } from '../../../../shared/src/contracts/personnel.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PageSpinner } from '../../app/PageSpinner.tsx';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { formatDateTime, formatDateVi, formatNumberVi } from '../../lib/format.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import {
  type Complaint,
  type CongressPersonnel,
  congressPersonnelQuery,
  peopleQuery,
  presetsQuery,
  useAddCandidate,
  useApproveList,
  useCreateElection,
  useFirstMeeting,
  useRecordStep,
  useRemoveCandidate,
  useSavePlan,
  useSaveSteps,
  useSaveTargets,
  useUpdateCandidate,
} from './personnel.api.ts';
import { AdvanceComplaintDialog, ComplaintsTable } from './PersonPage.tsx';
import './personnel.css';

const statusColor = { met: 'green', missed: 'red', notApplicable: 'default' } as const;

function Unconfirmed() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('personnel.unconfirmedHelp')}>
      <Tag color="orange">{t('personnel.unconfirmed')}</Tag>
    </Tooltip>
  );
}

/** The personnel of one congress: plan and targets, the candidate list with eligibility, nomination steps, complaints, election and new committee. */
export function CongressPersonnelPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data, error } = useQuery(congressPersonnelQuery(id));
  usePageTitle(data ? t('personnel.congress.title', { org: data.congress.orgName }) : undefined);
  const [advancing, setAdvancing] = useState<Complaint | null>(null);
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  if (!data) return <PageSpinner />;
  const c = data.congress;
  return (
    <div className="page congress-personnel-page">
      <Breadcrumb
        items={[
          { title: <Link to="/personnel?tab=congresses">{t('personnel.title')}</Link> },
          { title: <Link to={`/congresses/${c.id}`}>{t('personnel.congress.toCongress')}</Link> },
          { title: c.orgName },
        ]}
      />
      <Typography.Title level={2}>{t('personnel.congress.title', { org: c.orgName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('personnel.congress.term', { term: `${c.termFrom}–${c.termTo}` })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <PlanCard data={data} />
        </Col>
        <Col xs={24} xl={16}>
          <TargetsCard data={data} />
        </Col>
        {data.plan && (
          <>
            <Col xs={24}>
              <CandidatesCard data={data} />
            </Col>
            <Col xs={24}>
              <StepsCard data={data} />
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('personnel.congress.complaints')}>
                <ComplaintsTable complaints={data.complaints} canEdit={data.can.edit} onAdvance={setAdvancing} showPerson />
              </Card>
            </Col>
            <Col xs={24}>
              <ElectionCard data={data} />
            </Col>
          </>
        )}
      </Row>
      {advancing && <AdvanceComplaintDialog complaint={advancing} onClose={() => setAdvancing(null)} />}
    </div>
  );
}

type PlanValues = { preset: '2020-2025' | '2025-2030'; committeeSize: number; standingSize: number; referenceMonth?: string; eligibilityRules?: '2020' | '2025'; mergedUnit: boolean; nominationPreset?: 'committee-default' | 'nd170-appointment'; termMonths?: number };

function PlanCard({ data }: { data: CongressPersonnel }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const save = useSavePlan(data.congress.id);
  const { data: presets } = useQuery(presetsQuery);
  const plan = data.plan;
  const L = (k: string): string => t(`personnel.congress.${k}` as never);
  const initial: PlanValues = plan
    ? {
        preset: plan.preset as PlanValues['preset'],
        committeeSize: plan.committeeSize,
        standingSize: plan.standingSize,
        referenceMonth: plan.referenceMonth,
        eligibilityRules: plan.eligibilityRules,
        mergedUnit: plan.mergedUnit,
        nominationPreset: plan.nominationPreset === 'custom' ? undefined : (plan.nominationPreset as PlanValues['nominationPreset']),
        termMonths: plan.termMonths,
      }
    : { preset: data.congress.termFrom >= 2025 ? '2025-2030' : '2020-2025', committeeSize: 15, standingSize: 5, mergedUnit: false, nominationPreset: 'committee-default' };
  const submit = async (v: PlanValues) => {
    try {
      await save.mutateAsync({ ...v, version: plan?.version, referenceMonth: v.referenceMonth || undefined });
      void message.success(L('planSaved'));
    } catch {
      // shown below
    }
  };
  const editable = data.can.edit;
  return (
    <Card size="small" title={L('plan')} extra={plan && <Tag color={plan.listStatus === 'approved' ? 'green' : 'gold'}>{t(`personnel.congress.listStatus.${plan.listStatus}`)}</Tag>}>
      {!plan && <Alert type="info" showIcon message={L('noPlan')} style={{ marginBottom: 12 }} />}
      <Form<PlanValues> key={plan?.version ?? 0} form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={!editable}>
        <Row gutter={12}>
          <Col xs={24}>
            <Form.Item name="preset" label={L('preset')}>
              <Select options={(presets?.composition ?? []).map((p) => ({ value: p.code, label: p.label }))} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="committeeSize" label={L('committeeSize')} rules={[{ required: true }]}>
              <InputNumber min={1} max={500} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="standingSize" label={L('standingSize')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="eligibilityRules" label={L('eligibilityRules')}>
              <Select
                allowClear
                options={[
                  { value: '2020', label: L('rules2020') },
                  { value: '2025', label: L('rules2025') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="referenceMonth"
              label={L('referenceMonth')}
              rules={[{ pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: 'YYYY-MM' }]}
              extra={
                plan?.referenceMonthSource && (
                  <Space size={4} wrap>
                    {t('personnel.congress.referenceMonthSource', { source: plan.referenceMonthSource })}
                    {!plan.referenceMonthConfirmed && <Unconfirmed />}
                  </Space>
                )
              }
            >
              <Input maxLength={7} placeholder="2020-06" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="nominationPreset" label={L('nomination')}>
              <Select placeholder={plan?.nominationPreset === 'custom' ? plan.nominationLabel : undefined} options={(presets?.nomination ?? []).map((n) => ({ value: n.code, label: n.label }))} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="termMonths"
              label={
                <Space size={4}>
                  {L('termMonths')}
                  <Unconfirmed />
                </Space>
              }
            >
              <InputNumber min={12} max={120} style={{ width: '100%' }} placeholder="60" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="mergedUnit" valuePropName="checked" label=" ">
              <Checkbox>{L('mergedUnit')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {plan && !plan.nominationConfirmed && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={
              <Space wrap>
                {plan.nominationLabel}
                <Unconfirmed />
              </Space>
            }
            description={plan.nominationSource}
          />
        )}
        {save.error && <Alert type="error" showIcon role="alert" message={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
        {editable && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {L('savePlan')}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function TargetCell({ r }: { r: TargetResult | undefined }) {
  const { t } = useTranslation();
  if (!r) return <Typography.Text type="secondary">{t('personnel.congress.notYet')}</Typography.Text>;
  return (
    <Space direction="vertical" size={0}>
      <Tag color={statusColor[r.status]}>{t(`personnel.congress.status.${r.status}`)}</Tag>
      <Typography.Text className="personnel-target-text">{r.text}</Typography.Text>
    </Space>
  );
}

type TargetRule = CongressPersonnelPlan['targets'][number]['rule'];
/** The two numbers a rule is edited with, in percent where it is a share. */
type RuleValues = { a?: number | null; b?: number | null };
type TargetsForm = { rules: Record<string, RuleValues>; ageBands: CongressPersonnelPlan['ageBands'] };

const toPct = (x: number) => Math.round(x * 10_000) / 100;
const fromPct = (x: number | null | undefined) => Math.round((x ?? 0) * 100) / 10_000;

function ruleValues(rule: TargetRule): RuleValues {
  switch (rule.kind) {
    case 'minShare':
      return { a: toPct(rule.value) };
    case 'shareRange':
      return { a: toPct(rule.min), b: toPct(rule.max) };
    case 'aboutShare':
      return { a: toPct(rule.value), b: toPct(rule.tolerance) };
    case 'minCount':
      return { a: rule.value };
    case 'allBands':
      return {};
  }
}

function ruleFrom(kind: TargetRule['kind'], v: RuleValues | undefined): TargetRule {
  switch (kind) {
    case 'minShare':
      return { kind, value: fromPct(v?.a) };
    case 'shareRange':
      return { kind, min: fromPct(v?.a), max: fromPct(v?.b) };
    case 'aboutShare':
      return { kind, value: fromPct(v?.a), tolerance: fromPct(v?.b) };
    case 'minCount':
      return { kind, value: v?.a ?? 0 };
    case 'allBands':
      return { kind };
  }
}

/** The inputs of one target's value, each named after the target for screen readers and tests. */
function RuleInputs({ target }: { target: CongressPersonnelPlan['targets'][number] }) {
  const { t } = useTranslation();
  const L = (k: string): string => t(`personnel.congress.rule.${k}` as never);
  const input = (slot: 'a' | 'b', label: string, max: number) => (
    <Form.Item key={slot} name={['rules', target.key, slot]} label={label} rules={[{ required: true, message: t('validation.requiredField', { label }) }]} style={{ marginBottom: 0 }}>
      <InputNumber min={0} max={max} step={1} precision={target.rule.kind === 'minCount' ? 0 : undefined} decimalSeparator="," aria-label={`${target.label} — ${label}`} style={{ width: 96 }} />
    </Form.Item>
  );
  switch (target.rule.kind) {
    case 'minShare':
      return <Space>{input('a', L('min'), 100)}</Space>;
    case 'shareRange':
      return <Space>{[input('a', L('min'), 100), input('b', L('max'), 100)]}</Space>;
    case 'aboutShare':
      return <Space>{[input('a', L('about'), 100), input('b', L('tolerance'), 100)]}</Space>;
    case 'minCount':
      return <Space>{input('a', L('count'), 500)}</Space>;
    case 'allBands':
      return <Typography.Text type="secondary">{L('allBands')}</Typography.Text>;
  }
}

function TargetsCard({ data }: { data: CongressPersonnel }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<TargetsForm>();
  const save = useSaveTargets(data.congress.id);
  const { data: presets } = useQuery(presetsQuery);
  const L = (k: string): string => t(`personnel.congress.${k}` as never);
  const plan = data.plan;
  const rows = data.composition.candidates;
  const find = (list: TargetResult[] | null, key: string) => list?.find((x) => x.key === key);
  const planTarget = new Map((plan?.targets ?? []).map((x) => [x.key, x]));
  const presetRule = new Map((presets?.composition.find((p) => p.code === plan?.preset)?.targets ?? []).map((x) => [x.key, x.rule]));
  const unitSet = (key: string) => presetRule.has(key) && !sameRule(presetRule.get(key), planTarget.get(key)?.rule);
  const submit = async (v: TargetsForm) => {
    if (!plan) return;
    try {
      await save.mutateAsync({ version: plan.version, targets: plan.targets.map((x) => ({ ...x, rule: ruleFrom(x.rule.kind, v.rules?.[x.key]) })), ageBands: v.ageBands });
      void message.success(L('targetsSaved'));
      setEditing(false);
    } catch {
      // shown below
    }
  };
  const initial: TargetsForm | undefined = plan ? { rules: Object.fromEntries(plan.targets.map((x) => [x.key, ruleValues(x.rule)])), ageBands: plan.ageBands } : undefined;
  return (
    <Card
      size="small"
      title={t('personnel.congress.targets')}
      className="personnel-targets"
      extra={
        plan &&
        data.can.edit &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)}>
            {L('editTargets')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{editing ? L('targetsEditHelp') : t('personnel.congress.targetsHelp')}</Typography.Paragraph>
      <Form<TargetsForm> form={form} initialValues={initial} onFinish={submit} layout="vertical" requiredMark={false} key={`${plan?.version ?? 0}-${editing}`} className="personnel-targets-form">
        <Table<TargetResult>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          tableLayout="fixed"
          columns={[
            {
              title: t('personnel.congress.targets'),
              dataIndex: 'label',
              width: 150,
              render: (l: string, r) => (
                <Space direction="vertical" size={0}>
                  <strong>{l}</strong>
                  {!r.confirmed && <Unconfirmed />}
                  {unitSet(r.key) && <Tag color="blue">{L('unitSet')}</Tag>}
                </Space>
              ),
            },
            ...(editing
              ? [{ title: L('targetValue'), width: 240, render: (_: unknown, r: TargetResult) => (planTarget.get(r.key) ? <RuleInputs target={planTarget.get(r.key)!} /> : null) }]
              : []),
            { title: t('personnel.congress.onList'), render: (_: unknown, r) => <TargetCell r={r} /> },
            ...(editing
              ? []
              : [
                  { title: t('personnel.congress.onBallot'), render: (_: unknown, r: TargetResult) => <TargetCell r={find(data.composition.ballot, r.key)} /> },
                  { title: t('personnel.congress.elected'), render: (_: unknown, r: TargetResult) => <TargetCell r={find(data.composition.elected, r.key)} /> },
                ]),
          ]}
        />
        {editing && (
          <>
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {L('bands')} {plan && !plan.ageBandsConfirmed && <Unconfirmed />}
            </Typography.Title>
            <Space wrap>
              {(['youngBelow', 'middleFrom', 'middleTo'] as const).map((k) => (
                <Form.Item key={k} name={['ageBands', k]} label={L(k)} rules={[{ required: true, message: t('validation.requiredField', { label: L(k) }) }]}>
                  <InputNumber min={18} max={80} precision={0} aria-label={L(k)} />
                </Form.Item>
              ))}
            </Space>
            {save.error && <Alert type="error" showIcon role="alert" message={errorMessage(save.error)} style={{ marginBottom: 12 }} />}
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {L('saveTargets')}
              </Button>
              <Button
                onClick={() => {
                  save.reset();
                  setEditing(false);
                }}
              >
                {t('common.cancel')}
              </Button>
            </Space>
          </>
        )}
      </Form>
    </Card>
  );
}

type AddValues = { personId?: number; candidacy: 'reelection' | 'firstTime'; postKind: (typeof postKinds)[number]; standingProposed: boolean };

function CandidatesCard({ data }: { data: CongressPersonnel }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const congressId = data.congress.id;
  const [q, setQ] = useState('');
  const people = useQuery(peopleQuery(undefined, q));
  const add = useAddCandidate(congressId);
  const update = useUpdateCandidate(congressId);
  const remove = useRemoveCandidate(congressId);
  const approve = useApproveList(congressId);
  const [form] = Form.useForm<AddValues>();
  const [opinions, setOpinions] = useState<CongressCandidate | null>(null);
  const plan = data.plan!;
  const draft = plan.listStatus === 'draft';
  const editable = data.can.edit && draft;
  const L = (k: string): string => t(`personnel.congress.${k}` as never);
  const onList = new Set(data.candidates.map((c) => c.personId));
  const submit = async (v: AddValues) => {
    if (!v.personId) return;
    try {
      await add.mutateAsync({ personId: v.personId, candidacy: v.candidacy, postKind: v.postKind, standingProposed: v.standingProposed });
      const name = people.data?.find((p) => p.id === v.personId)?.fullName ?? '';
      void message.success(t('personnel.congress.added', { name }));
      form.resetFields(['personId']);
    } catch {
      // shown below
    }
  };
  const approveError = approve.error && isApiError(approve.error) ? approve.error : null;
  return (
    <Card
      size="small"
      title={
        <Space>
          {L('candidates')}
          <Tag color={draft ? 'gold' : 'green'}>{t(`personnel.congress.listStatus.${plan.listStatus}`)}</Tag>
          <Typography.Text type="secondary">
            {data.candidates.length}/{plan.committeeSize}
          </Typography.Text>
        </Space>
      }
      extra={
        editable && (
          <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate(plan.version, { onSuccess: () => void message.success(L('approved')) })}>
            {L('approve')}
          </Button>
        )
      }
    >
      {editable && (
        <Form<AddValues> form={form} layout="inline" initialValues={{ candidacy: 'reelection', postKind: 'committee', standingProposed: false }} onFinish={submit} className="personnel-add">
          <Form.Item name="personId" label={L('person')} rules={[{ required: true, message: t('validation.requiredField', { label: L('person') }) }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setQ}
              style={{ width: 300 }}
              placeholder={L('personPlaceholder')}
              aria-label={L('person')}
              options={(people.data ?? []).filter((p) => !onList.has(p.id)).map((p) => ({ value: p.id, label: `${p.fullName} (${formatDateVi(p.birthDate)})` }))}
            />
          </Form.Item>
          <Form.Item name="candidacy" label={L('candidacy')}>
            <Select style={{ width: 170 }} options={candidacies.map((c) => ({ value: c, label: t(`personnel.candidacy.${c}`) }))} />
          </Form.Item>
          <Form.Item name="postKind" label={L('postKind')}>
            <Select style={{ width: 230 }} options={postKinds.map((p) => ({ value: p, label: t(`personnel.postKinds.${p}`) }))} />
          </Form.Item>
          <Form.Item name="standingProposed" valuePropName="checked">
            <Checkbox>{L('standing')}</Checkbox>
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {L('addCandidate')}
          </Button>
        </Form>
      )}
      {add.error && <Alert type="error" showIcon role="alert" message={errorMessage(add.error)} style={{ margin: '12px 0' }} />}
      {approveError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ margin: '12px 0' }}
          message={approveError.message}
          description={approveError.details.length > 1 ? <ul className="personnel-problems">{approveError.details.map((d, i) => <li key={i}>{d.message}</li>)}</ul> : undefined}
        />
      )}
      <Table<CongressCandidate>
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={data.candidates}
        scroll={{ x: 1300 }}
        style={{ marginTop: 12 }}
        columns={[
          { title: '#', dataIndex: 'position', width: 45 },
          {
            title: t('personnel.people.fullName'),
            width: 260,
            render: (_: unknown, c) => (
              <Space direction="vertical" size={0}>
                <Link to={`/personnel/people/${c.personId}`}>{c.fullName}</Link>
                <Typography.Text type="secondary">
                  {formatDateVi(c.birthDate)} · {t(`personnel.genders.${c.gender}`)} · {c.ethnicity}
                </Typography.Text>
                {c.posts.length > 0 && <Typography.Text type="secondary">{c.posts.join('; ')}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: L('candidacy'),
            width: 150,
            render: (_: unknown, c) => (
              <Space direction="vertical" size={0}>
                {t(`personnel.candidacy.${c.candidacy}`)}
                <Typography.Text type="secondary">{t(`personnel.postKinds.${c.postKind}`)}</Typography.Text>
                {c.standingProposed && <Tag>{L('standing')}</Tag>}
              </Space>
            ),
          },
          {
            title: L('eligibility'),
            width: 330,
            render: (_: unknown, c) => (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <Tag color={c.eligibility.eligible ? 'green' : 'red'}>
                    {c.eligibility.monthsLeft}/{c.eligibility.monthsNeeded}
                  </Tag>
                  {!c.eligibility.confirmed && <Unconfirmed />}
                </Space>
                <Typography.Text className="personnel-explain">{c.eligibility.explanation}</Typography.Text>
              </Space>
            ),
          },
          {
            title: L('vetting'),
            width: 190,
            render: (_: unknown, c) =>
              editable ? (
                <Select
                  size="small"
                  value={c.vetting}
                  aria-label={`${L('vetting')} — ${c.fullName}`}
                  style={{ width: 170 }}
                  onChange={(v) => update.mutate({ personId: c.personId, vetting: v })}
                  options={vettingStatuses.map((v) => ({ value: v, label: t(`personnel.vetting.${v}`) }))}
                />
              ) : (
                t(`personnel.vetting.${c.vetting}`)
              ),
          },
          {
            title: L('opinions'),
            width: 200,
            render: (_: unknown, c) => (
              <Space direction="vertical" size={0}>
                {c.workplaceOpinion && <Typography.Text>{c.workplaceOpinion}</Typography.Text>}
                {c.residenceOpinion && <Typography.Text>{c.residenceOpinion}</Typography.Text>}
                {editable && (
                  <Button size="small" type="link" onClick={() => setOpinions(c)}>
                    {L('opinions')}
                  </Button>
                )}
              </Space>
            ),
          },
          {
            title: L('passed'),
            width: 90,
            render: (_: unknown, c) => c.passedSteps.join(', '),
          },
          {
            title: '',
            width: 160,
            render: (_: unknown, c) => (
              <Space direction="vertical" size={0}>
                {c.blockedBy && (
                  <Tooltip title={c.blockedBy}>
                    <Tag color="red">{L('blocked')}</Tag>
                  </Tooltip>
                )}
                {editable && (
                  <Button size="small" danger type="link" onClick={() => remove.mutate(c.personId)}>
                    {L('remove')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {opinions && (
        <FormDialog<{ workplaceOpinion?: string; residenceOpinion?: string }>
          title={`${L('opinions')} — ${opinions.fullName}`}
          okText={t('personnel.people.save')}
          onClose={() => setOpinions(null)}
          initialValues={{ workplaceOpinion: opinions.workplaceOpinion ?? undefined, residenceOpinion: opinions.residenceOpinion ?? undefined }}
          onSubmit={async (v) => {
            await update.mutateAsync({ personId: opinions.personId, workplaceOpinion: v.workplaceOpinion?.trim() || null, residenceOpinion: v.residenceOpinion?.trim() || null });
            return t('personnel.people.saved');
          }}
        >
          <Form.Item name="workplaceOpinion" label={L('workplace')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="residenceOpinion" label={L('residence')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </FormDialog>
      )}
    </Card>
  );
}

type Step = CongressPersonnelPlan['nominationSteps'][number];
type PassKind = Step['passRule']['kind'];
/** One step as the editor holds it: the pass share in percent, and the number it had (null when new). */
type StepRow = {
  from: number | null;
  name: string;
  body?: string;
  ballot: Step['ballot'];
  ruleKind: PassKind;
  share?: number | null;
  quorumTwoThirds: boolean;
  announced: boolean;
  /** The kept step's rule and source: what the form has no input for (a preset's "differs from step 2") stays. */
  rule?: Step['passRule'];
  source?: string;
};
const passKinds: PassKind[] = ['shareOfSummoned', 'highestOverHalfElseThirty', 'highestOverHalfTieToHead', 'none'];

function passRuleOf(r: StepRow): Step['passRule'] {
  if (r.ruleKind === 'shareOfSummoned') return { kind: 'shareOfSummoned', share: fromPct(r.share) };
  if (r.rule && r.rule.kind === r.ruleKind) return r.rule;
  return { kind: r.ruleKind } as Step['passRule'];
}

function stepRuleText(t: (k: string, o?: Record<string, unknown>) => string, s: Step): string {
  const ballot = t(`personnel.congress.ballots.${s.ballot}`);
  const r = s.passRule;
  const rule = r.kind === 'shareOfSummoned' ? t('personnel.congress.passText', { pct: formatNumberVi(toPct(r.share), Number.isInteger(toPct(r.share)) ? 0 : 2) }) : t(`personnel.congress.passRules.${r.kind}`);
  const differs = r.kind === 'highestOverHalfElseThirty' && r.differsFromStep !== undefined ? `; ${t('personnel.congress.differsText', { no: r.differsFromStep })}` : '';
  return `${ballot} · ${rule}${differs}`;
}

/** Add, rename, remove, reorder the steps and set their thresholds; the server keeps held steps as they were. */
function StepsEditor({ data, onClose }: { data: CongressPersonnel; onClose: () => void }) {
  const { t } = useTranslation();
  const plan = data.plan!;
  const save = useSaveSteps(data.congress.id);
  const [form] = Form.useForm<{ steps: StepRow[] }>();
  const held = new Set(data.steps.map((s) => s.no));
  const L = (k: string, o?: Record<string, unknown>): string => String(t(`personnel.congress.${k}` as never, o ?? {}));
  const initial: StepRow[] = plan.nominationSteps.map((s) => ({
    from: s.no,
    name: s.name,
    body: s.body,
    ballot: s.ballot,
    ruleKind: s.passRule.kind,
    share: s.passRule.kind === 'shareOfSummoned' ? toPct(s.passRule.share) : 50,
    quorumTwoThirds: s.quorumTwoThirds,
    announced: s.announced,
    rule: s.passRule,
    source: s.source,
  }));
  // The dialog is long and its error sits at the top: bring it into view when the server refuses.
  useEffect(() => {
    if (save.error) document.querySelector('.form-dialog__error')?.scrollIntoView({ block: 'nearest' });
  }, [save.error]);
  const blank: StepRow = { from: null, name: '', body: '', ballot: 'secret', ruleKind: 'shareOfSummoned', share: 50, quorumTwoThirds: true, announced: true };
  return (
    <FormDialog<{ steps: StepRow[] }>
      title={L('stepsDialog')}
      okText={L('saveSteps')}
      onClose={onClose}
      width={980}
      form={form}
      initialValues={{ steps: initial }}
      onSubmit={async () => {
        // The store keeps each row's `from`, `announced`, rule and source, which have no input of their own.
        const rows = form.getFieldValue('steps') as StepRow[];
        await save.mutateAsync({
          version: plan.version,
          steps: rows.map((r) => {
            const passRule = passRuleOf(r);
            return {
              from: r.from ?? null,
              name: r.name,
              body: r.body ?? '',
              ballot: r.ballot,
              passRule,
              announced: r.announced ?? true,
              quorumTwoThirds: !!r.quorumTwoThirds,
              // A source speaks for the rule it came with only.
              ...(r.source && sameRule(r.rule, passRule) ? { source: r.source } : {}),
            };
          }),
        });
        return L('stepsSaved');
      }}
    >
      <Typography.Paragraph type="secondary">{L('stepsHelp')}</Typography.Paragraph>
      <Form.List name="steps">
        {(fields, { add, remove, move }) => (
          <>
            {fields.map((field, index) => {
              const from = form.getFieldValue(['steps', field.name, 'from']) as number | null;
              const n = index + 1;
              return (
                <fieldset key={field.key} className="personnel-step-edit" aria-label={L('stepNo', { no: n })}>
                  <Space className="personnel-step-edit__head" wrap>
                    <strong>{L('stepNo', { no: n })}</strong>
                    {from !== null && held.has(from) && <Tag color="blue">{L('held')}</Tag>}
                    <Button size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label={L('moveUp', { no: n })} disabled={index === 0} onClick={() => move(index, index - 1)} />
                    <Button size="small" icon={<ArrowDownOutlined aria-hidden />} aria-label={L('moveDown', { no: n })} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} />
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={L('removeStep', { no: n })} disabled={fields.length === 1} onClick={() => remove(index)} />
                  </Space>
                  <Row gutter={8}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'name']} label={L('stepName')} rules={[{ required: true, min: 2, message: t('validation.requiredField', { label: L('stepName') }) }]}>
                        <Input maxLength={200} aria-label={`${L('stepName')} ${n}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'body']} label={L('stepBody')}>
                        <Input maxLength={300} aria-label={`${L('stepBody')} ${n}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[field.name, 'ballot']} label={L('ballot')}>
                        <Select aria-label={`${L('ballot')} ${n}`} options={(['secret', 'open', 'none'] as const).map((b) => ({ value: b, label: L(`ballots.${b}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={9}>
                      <Form.Item name={[field.name, 'ruleKind']} label={L('passRule')}>
                        <Select aria-label={`${L('passRule')} ${n}`} options={passKinds.map((k) => ({ value: k, label: L(`passRules.${k}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item noStyle shouldUpdate={(a, b) => a.steps?.[field.name]?.ruleKind !== b.steps?.[field.name]?.ruleKind}>
                        {() =>
                          form.getFieldValue(['steps', field.name, 'ruleKind']) === 'shareOfSummoned' && (
                            <Form.Item name={[field.name, 'share']} label={L('share')} rules={[{ required: true, message: t('validation.requiredField', { label: L('share') }) }]}>
                              <InputNumber min={1} max={99} decimalSeparator="," aria-label={`${L('share')} ${n}`} style={{ width: '100%' }} />
                            </Form.Item>
                          )
                        }
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[field.name, 'quorumTwoThirds']} valuePropName="checked" label=" ">
                        <Checkbox aria-label={`${L('quorum')} ${n}`}>{L('quorum')}</Checkbox>
                      </Form.Item>
                    </Col>
                  </Row>
                </fieldset>
              );
            })}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ ...blank, name: L('newStep') })} disabled={fields.length >= 20}>
              {L('addStep')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDialog>
  );
}

type RecordValues = { heldOn?: Dayjs; summoned: number; present: number; votes: Record<string, number>; choicePersonId?: number; chosenBy?: string };

function StepsCard({ data }: { data: CongressPersonnel }) {
  const { t } = useTranslation();
  const plan = data.plan!;
  const record = useRecordStep(data.congress.id);
  const [stepNo, setStepNo] = useState<number | null>(null);
  const [editingSteps, setEditingSteps] = useState(false);
  const L = (k: string, o?: Record<string, unknown>): string => String(t(`personnel.congress.${k}` as never, o ?? {}));
  const editable = data.can.edit && plan.listStatus === 'draft';
  const names = new Map(data.candidates.map((c) => [c.personId, c.fullName]));
  const recording = stepNo === null ? null : plan.nominationSteps.find((s) => s.no === stepNo);
  const recorded = stepNo === null ? undefined : data.steps.find((x) => x.no === stepNo);
  const tieToHead = recording?.passRule.kind === 'highestOverHalfTieToHead';
  return (
    <Card
      size="small"
      title={
        <Space>
          {L('steps')}
          {!plan.nominationConfirmed && <Unconfirmed />}
        </Space>
      }
      extra={
        editable && (
          <Button size="small" onClick={() => setEditingSteps(true)}>
            {L('editSteps')}
          </Button>
        )
      }
    >
      {plan.nominationPreset === 'custom' && <Typography.Paragraph type="secondary">{plan.nominationLabel}</Typography.Paragraph>}
      <List
        size="small"
        dataSource={plan.nominationSteps}
        renderItem={(s) => {
          const r = data.steps.find((x) => x.no === s.no);
          const ruleLine = (
            <Typography.Text type="secondary" className="personnel-explain">
              {stepRuleText((k, o) => String(t(k as never, (o ?? {}) as never)), s)}
            </Typography.Text>
          );
          const source = s.source && (
            <Typography.Text type="secondary" className="personnel-explain">
              {L('ruleSource', { source: s.source })}
            </Typography.Text>
          );
          return (
            <List.Item
              actions={
                editable && s.ballot !== 'none' && data.candidates.length > 0
                  ? [
                      <Button key="rec" size="small" onClick={() => setStepNo(s.no)}>
                        {L('recordStep')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={`${s.no}. ${s.name}`}
                description={
                  r ? (
                    <Space direction="vertical" size={0}>
                      <Typography.Text>
                        {formatDateVi(r.heldOn)} · {r.quorumText}
                        {!r.quorumMet && <Tag color="red">✗</Tag>}
                      </Typography.Text>
                      {r.votes.map((v) => (
                        <Typography.Text key={v.personId} type={v.passed ? undefined : 'secondary'}>
                          {v.passed ? '✓' : '✗'} {names.get(v.personId) ?? v.personId}: {v.text}
                        </Typography.Text>
                      ))}
                      {r.awaitingChoice && (
                        <span>
                          <Tag color="orange">{L('awaitingChoice')}</Tag>
                        </span>
                      )}
                      {r.headChoice && (
                        <Typography.Text>
                          {L('headChoiceText', {
                            by: r.headChoice.chosenBy,
                            name: names.get(r.headChoice.personId) ?? r.headChoice.personId,
                            user: r.headChoice.recordedBy ?? '—',
                            at: formatDateTime(r.headChoice.recordedAt),
                          })}
                        </Typography.Text>
                      )}
                      {ruleLine}
                      {source}
                    </Space>
                  ) : (
                    <Space direction="vertical" size={0}>
                      <Typography.Text type="secondary">
                        {s.body ? `${s.body} — ` : ''}
                        {L('notHeld')}
                      </Typography.Text>
                      {ruleLine}
                      {source}
                    </Space>
                  )
                }
              />
            </List.Item>
          );
        }}
      />
      {editingSteps && <StepsEditor data={data} onClose={() => setEditingSteps(false)} />}
      {stepNo !== null && (
        <FormDialog<RecordValues>
          title={`${L('recordStep')} — ${recording?.name ?? ''}`}
          okText={L('recordStep')}
          onClose={() => setStepNo(null)}
          width={640}
          initialValues={recorded ? { heldOn: fromIsoDate(recorded.heldOn), summoned: recorded.summoned, present: recorded.present, choicePersonId: recorded.headChoice?.personId, chosenBy: recorded.headChoice?.chosenBy } : undefined}
          onSubmit={async (v) => {
            const choice = tieToHead && v.choicePersonId ? { personId: v.choicePersonId, chosenBy: (v.chosenBy ?? '').trim() } : undefined;
            await record.mutateAsync({
              no: stepNo,
              heldOn: toIsoDate(v.heldOn) ?? '',
              summoned: v.summoned,
              present: v.present,
              votes: data.candidates.map((c) => ({ personId: c.personId, votes: v.votes?.[String(c.personId)] ?? 0 })),
              // Cleared in the form: the recorded choice is withdrawn; never chosen: nothing to say.
              headChoice: choice ?? (recorded?.headChoice ? null : undefined),
            });
            return t('personnel.congress.stepSaved', { no: stepNo });
          }}
        >
          <Space wrap>
            <Form.Item name="heldOn" label={L('heldOn')} rules={[{ required: true, message: t('validation.requiredField', { label: L('heldOn') }) }]}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item name="summoned" label={L('summoned')} rules={[{ required: true }]}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="present" label={L('present')} rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          {data.candidates.map((c) => (
            <Form.Item key={c.personId} name={['votes', String(c.personId)]} label={`${L('votes')} — ${c.fullName}`} initialValue={recorded?.votes.find((v) => v.personId === c.personId)?.votes ?? 0}>
              <InputNumber min={0} />
            </Form.Item>
          ))}
          {tieToHead && (
            <Space wrap align="start">
              <Form.Item name="choicePersonId" label={L('headChoice')}>
                <Select allowClear style={{ width: 260 }} aria-label={L('headChoice')} options={data.candidates.map((c) => ({ value: c.personId, label: c.fullName }))} />
              </Form.Item>
              <Form.Item
                name="chosenBy"
                label={L('chosenBy')}
                dependencies={['choicePersonId']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_: unknown, value: string | undefined) =>
                      getFieldValue('choicePersonId') && (value ?? '').trim().length < 2 ? Promise.reject(new Error(t('validation.requiredField', { label: L('chosenBy') }))) : Promise.resolve(),
                  }),
                ]}
              >
                <Input maxLength={200} style={{ width: 360 }} aria-label={L('chosenBy')} />
              </Form.Item>
            </Space>
          )}
        </FormDialog>
      )}
    </Card>
  );
}

/** The first meeting's elections: whom each may take its candidates from (Charter Đ20 K1), and why one cannot start yet. */
function FirstMeetingCard({ data }: { data: CongressPersonnel }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const first = useFirstMeeting(data.congress.id);
  const [kind, setKind] = useState<FirstMeetingKind>('standingCommittee');
  const [seats, setSeats] = useState<number | null>(null);
  const [nominees, setNominees] = useState<number[]>([]);
  const [reelected, setReelected] = useState<number[]>([]);
  const [q, setQ] = useState('');
  const L = (k: string, o?: Record<string, unknown>): string => String(t(`personnel.congress.${k}` as never, o ?? {}));
  const pool = data.firstMeeting.find((p) => p.kind === kind);
  const outsideAllowed = pool?.from === 'committeeOrOutside';
  const people = useQuery({ ...peopleQuery(undefined, q), enabled: outsideAllowed });
  // Who the body offers now (the server's pool: the commission's deputy chairs leave out its chair).
  const members = (pool?.members ?? []).map((m) => ({ value: m.personId, label: m.fullName }));
  const inMembers = new Set(members.map((m) => m.value));
  const outsideOptions = (people.data ?? []).filter((p) => !inMembers.has(p.id)).map((p) => ({ value: p.id, label: L('outsideNominee', { name: p.fullName }) }));
  const options = outsideAllowed ? [...members, ...outsideOptions] : members;
  const outsideChosen = outsideAllowed ? nominees.filter((id) => !inMembers.has(id)) : [];
  const labelOf = new Map<number, string>(options.map((o) => [o.value, o.label]));
  return (
    <Card size="small" type="inner" title={L('firstMeeting')} style={{ marginTop: 12 }}>
      <Space wrap align="start">
        <Select
          aria-label={L('firstMeetingKind')}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setNominees([]);
            setReelected([]);
            first.reset();
          }}
          style={{ width: 300 }}
          options={firstMeetingKinds.map((k) => ({ value: k, label: `${L('firstMeetingKind')} ${t(`personnel.congress.kinds.${k}`)}` }))}
        />
        <InputNumber min={1} value={seats} onChange={setSeats} aria-label={L('seats')} placeholder={L('seats')} />
        <Select
          mode="multiple"
          optionFilterProp="label"
          showSearch
          onSearch={outsideAllowed ? setQ : undefined}
          aria-label={L('nominees')}
          placeholder={L('nominees')}
          style={{ minWidth: 280 }}
          value={nominees}
          onChange={(ids: number[]) => {
            setNominees(ids);
            setReelected((r) => r.filter((id) => ids.includes(id)));
          }}
          options={options}
        />
        {outsideChosen.length > 0 && (
          <Select
            mode="multiple"
            aria-label={L('reelectedToCommission')}
            placeholder={L('reelectedToCommission')}
            style={{ minWidth: 280 }}
            value={reelected}
            onChange={setReelected}
            options={outsideChosen.map((id) => ({ value: id, label: labelOf.get(id) ?? String(id) }))}
          />
        )}
        <Button
          disabled={!seats || nominees.length === 0 || pool?.ready === false}
          loading={first.isPending}
          onClick={() =>
            seats &&
            first.mutate(
              { kind, seats, personIds: nominees, ...(reelected.length > 0 ? { reelectedToCommission: reelected } : {}) },
              { onSuccess: () => void message.success(L('electionCreated')) },
            )
          }
        >
          {L('createFirstMeeting')}
        </Button>
      </Space>
      {pool && (
        <Space direction="vertical" size={0} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {L(`poolFrom.${pool.kind === 'inspectionDeputyChair' ? 'inspectionDeputyChair' : pool.from}`)} {!pool.confirmed && <Unconfirmed />}
          </Typography.Text>
          <Typography.Text type="secondary" className="personnel-explain">
            {L('ruleSource', { source: pool.source })}
          </Typography.Text>
          {outsideAllowed && (
            <Typography.Text type="secondary" className="personnel-explain">
              {L('reelectedHelp')}
            </Typography.Text>
          )}
        </Space>
      )}
      {pool?.ready && pool.note && <Alert type="warning" showIcon message={pool.note} style={{ marginTop: 8 }} />}
      {pool && !pool.ready && pool.why && <Alert type="info" showIcon message={pool.why} style={{ marginTop: 8 }} />}
      {first.error && <Alert type="error" showIcon role="alert" message={errorMessage(first.error)} style={{ marginTop: 8 }} />}
    </Card>
  );
}

function ElectionCard({ data }: { data: CongressPersonnel }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateElection(data.congress.id);
  const [summoned, setSummoned] = useState<number | null>(null);
  const L = (k: string): string => t(`personnel.congress.${k}` as never);
  const plan = data.plan!;
  const committeeElection = data.elections.find((e) => e.body === 'executiveCommittee');
  const members = data.committee.filter((m) => m.body === 'executiveCommittee');
  return (
    <Card size="small" title={L('election')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          {data.elections.length > 0 && (
            <List
              size="small"
              dataSource={data.elections}
              renderItem={(e) => (
                <List.Item>
                  <Link to={`/elections/${e.electionId}`}>{e.title}</Link>
                </List.Item>
              )}
            />
          )}
          {data.can.edit && plan.listStatus === 'approved' && !committeeElection && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <InputNumber min={1} value={summoned} onChange={(v) => setSummoned(v)} aria-label={L('electionSummoned')} placeholder={L('electionSummoned')} style={{ width: 260 }} />
                <Button
                  type="primary"
                  disabled={!summoned}
                  loading={create.isPending}
                  onClick={() => summoned && create.mutate({ summoned }, { onSuccess: () => void message.success(L('electionCreated')) })}
                >
                  {L('createElection')}
                </Button>
              </Space>
              {create.error && <Alert type="error" showIcon role="alert" message={errorMessage(create.error)} />}
            </Space>
          )}
          {plan.listStatus === 'draft' && <Typography.Text type="secondary">{L('listNotApproved')}</Typography.Text>}
        </Col>
        <Col xs={24} lg={14}>
          <Typography.Title level={5}>{L('committee')}</Typography.Title>
          {data.committee.length === 0 ? (
            <Typography.Text type="secondary">{L('noCommittee')}</Typography.Text>
          ) : (
            <Table
              size="small"
              rowKey={(m) => `${m.body}-${m.fullName}-${m.electionId}`}
              pagination={false}
              dataSource={data.committee}
              aria-label={L('committee')}
              columns={[
                { title: t('personnel.people.fullName'), dataIndex: 'fullName', render: (n: string, m) => (m.personId ? <Link to={`/personnel/people/${m.personId}`}>{n}</Link> : n) },
                { title: '', dataIndex: 'bodyLabel' },
                { title: t('campaigns.list.term'), render: (_: unknown, m) => `${m.termFrom}–${m.termTo}` },
                { title: '', dataIndex: 'electedOn', render: (d: string) => formatDateVi(d) },
              ]}
            />
          )}
          {data.can.edit && members.length > 0 && <FirstMeetingCard data={data} />}
        </Col>
      </Row>
    </Card>
  );
}
