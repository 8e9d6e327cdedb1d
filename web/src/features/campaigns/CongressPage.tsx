import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, List, Row, Select, Space, Steps, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type CongressStatus, congressFormLabels, congressContentsLabels, cellTermModeLabels, postponeReasons, sessionKindLabels } from '../../../../shared/src/contracts/campaigns.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PageSpinner } from '../../app/PageSpinner.tsx';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { formatCount, formatDateTime, formatDateVi } from '../../lib/format.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { OrgPicker, type PickedOrg } from '../organizations/OrgPicker.tsx';
import {
  type Congress,
  congressQuery,
  useAddLesson,
  useAddSession,
  usePostpone,
  useSetPilot,
  useSetVillageElection,
  useTickSafety,
  useTransition,
  useUpdateCongress,
} from './campaigns.api.ts';
import { StatusTag } from './labels.tsx';
import './campaigns.css';
import { useRuleOverride } from './RuleOverride.tsx';
import { ApprovalChecklistCard, OpenApprovalItems } from './ApprovalChecklistCard.tsx';
import { AssignmentsCard } from './AssignmentsCard.tsx';
import { LessonFiles } from './LessonFiles.tsx';
import { approvalChecklistQuery } from './campaigns.api.ts';

const mainPath: CongressStatus[] = ['planned', 'documentsReady', 'personnelReady', 'approved', 'held', 'resultsApproved', 'closed'];
const span = (a: string | null, b: string | null) => (a ? `${formatDateVi(a)}${b && b !== a ? ` – ${formatDateVi(b)}` : ''}` : '');

/** One congress: facts, warnings, its steps and what the user may do next, pilots, people, sessions, history. */
export function CongressPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data: c, error } = useQuery(congressQuery(id));
  usePageTitle(c?.org.name);
  const { run, dialog } = useRuleOverride();
  const [open, setOpen] = useState<null | 'edit' | 'postpone' | 'village' | 'session' | { to: CongressStatus; needs: 'nothing' | 'reason' | 'override' }>(null);

  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  if (!c) return <PageSpinner />;
  const close = () => setOpen(null);
  const isCell = c.villageElection !== null || c.cellTermMode !== null;

  return (
    <div className="page congress-page">
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">{t('campaigns.title')}</Link> },
          { title: <Link to={`/campaigns/${c.campaign.id}`}>{c.campaign.name}</Link> },
          ...c.org.ancestors.map((a) => ({ title: <Link to={`/campaigns/${c.campaign.id}?orgId=${a.id}`}>{a.name}</Link> })),
          { title: c.org.name },
        ]}
      />
      <div className="page__head">
        <div>
          <Typography.Title level={2} className="page__title">
            {c.org.name}
          </Typography.Title>
          <Space wrap>
            <StatusTag status={c.status} />
            <Tag>{c.levelName}</Tag>
            {c.isPilot && <Tag color="purple">{t('campaigns.congress.pilot')}</Tag>}
            {c.postponeCount > 0 && (
              <Tag color="orange">
                {t('campaigns.congress.postponeCount')}: {c.postponeCount}
              </Tag>
            )}
          </Space>
          <nav aria-label={t('campaigns.congress.workAreas')} className="congress-links">
            <Space wrap>
              <Link to={`/congresses/${c.id}/personnel`}>{t('campaigns.congress.linkPersonnel')}</Link>
              <Link to={`/congresses/${c.id}/delegates`}>{t('campaigns.congress.linkDelegates')}</Link>
              <Link to={`/congresses/${c.id}/allocation`}>{t('campaigns.congress.linkAllocation')}</Link>
              <Link to={`/congresses/${c.id}/documents`}>{t('campaigns.congress.linkDocuments')}</Link>
            </Space>
          </nav>
        </div>
        <Space wrap>
          {c.can.edit && <Button onClick={() => setOpen('edit')}>{t('campaigns.congress.edit')}</Button>}
          {c.can.postpone && <Button onClick={() => setOpen('postpone')}>{t('campaigns.congress.postpone')}</Button>}
        </Space>
      </div>

      {c.warnings.length > 0 && (
        <section aria-label={t('campaigns.congress.warnings')}>
          <Alert
            type="warning"
            showIcon
            message={t('campaigns.congress.warnings')}
            description={
              <>
                <ul className="campaign-warnings__inline">
                  {c.warnings.map((w) => (
                    <li key={w.code}>{w.message}</li>
                  ))}
                </ul>
                {c.warningsAcceptedReason && <em>{t('campaigns.congress.acceptedReason', { reason: c.warningsAcceptedReason })}</em>}
              </>
            }
          />
        </section>
      )}

      <section aria-label={t('campaigns.congress.steps')}>
        <Card title={t('campaigns.congress.steps')}>
          {c.status === 'cancelled' ? (
            <StatusTag status="cancelled" />
          ) : (
            <Steps
              size="small"
              current={mainPath.indexOf(c.status)}
              items={mainPath.map((s) => ({ title: t(`campaigns.statuses.${s}`) }))}
              responsive
            />
          )}
          <div className="congress-page__next" role="group" aria-label={t('campaigns.congress.nextSteps')}>
            {c.nextSteps.length === 0 || !c.can.transition ? (
              <Typography.Text type="secondary">{t('campaigns.congress.noNextSteps')}</Typography.Text>
            ) : (
              <Space wrap>
                {c.nextSteps.map((s) => (
                  <Button key={s.to} type={s.needs === 'nothing' ? 'primary' : 'default'} danger={s.to === 'cancelled'} onClick={() => setOpen(s)}>
                    {t(`campaigns.statuses.${s.to}`)}
                  </Button>
                ))}
              </Space>
            )}
          </div>
        </Card>
      </section>

      {(['planned', 'documentsReady', 'personnelReady', 'approved'] as CongressStatus[]).includes(c.status) && <ApprovalChecklistCard c={c} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Facts c={c} />
        </Col>
        <Col xs={24} xl={10}>
          <PilotCard c={c} />
          {c.pilotLessons.length > 0 && <PilotLessons c={c} />}
        </Col>
      </Row>

      <AssignmentsCard c={c} />
      {(isCell || c.can.recordVillage) && c.org.typeCode.toLowerCase().includes('cell') && <Village c={c} onEdit={() => setOpen('village')} />}
      {c.campaign.epidemicPlanActive && <Sessions c={c} onAdd={() => setOpen('session')} />}
      <History c={c} />

      {open === 'edit' && <EditDialog c={c} run={run} onClose={close} />}
      {open === 'postpone' && <PostponeDialog c={c} run={run} onClose={close} />}
      {open === 'village' && <VillageDialog c={c} onClose={close} />}
      {open === 'session' && <SessionDialog c={c} onClose={close} />}
      {open && typeof open === 'object' && <TransitionDialog c={c} step={open} run={run} onClose={close} />}
      {dialog}
    </div>
  );
}

type Run = ReturnType<typeof useRuleOverride>['run'];

function Facts({ c }: { c: Congress }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('campaigns.congress.facts')}>
      <Card title={t('campaigns.congress.facts')}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('campaigns.congress.planned')}>{span(c.plannedStart, c.plannedEnd) || t('campaigns.congress.notScheduled')}</Descriptions.Item>
          {c.actualStart && <Descriptions.Item label={t('campaigns.congress.actual')}>{span(c.actualStart, c.actualEnd)}</Descriptions.Item>}
          {c.durationDays != null && <Descriptions.Item label={t('campaigns.congress.duration')}>{String(c.durationDays).replace('.', ',')}</Descriptions.Item>}
          <Descriptions.Item label={t('campaigns.congress.deadline')}>{formatDateVi(c.levelRule?.centralDeadline)}</Descriptions.Item>
          {c.levelRule?.provincialTarget && <Descriptions.Item label={t('campaigns.congress.target')}>{formatDateVi(c.levelRule.provincialTarget)}</Descriptions.Item>}
          <Descriptions.Item label={t('campaigns.congress.notice')}>
            {formatDateVi(c.noticeDate)}
            {c.facts.noticeLatest && (
              <Typography.Text type="secondary">
                {c.noticeDate ? ' · ' : ''}
                {t('campaigns.congress.noticeLatest', { date: formatDateVi(c.facts.noticeLatest), days: c.facts.noticeWorkingDays ?? 0 })}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.congress.form')}>
            {congressFormLabels[c.form]}
            <br />
            <Typography.Text type="secondary">{c.formByRule.basis}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.congress.contents')}>
            {congressContentsLabels[c.contents]}
            <ol className="congress-page__contents">
              {c.contentItems.map((i) => (
                <li key={i.no}>{i.label}</li>
              ))}
            </ol>
            {c.contentsBasis && <Typography.Text type="secondary">{c.contentsBasis}</Typography.Text>}
          </Descriptions.Item>
          {c.cellTermMode && <Descriptions.Item label={t('campaigns.congress.cellTermMode')}>{cellTermModeLabels[c.cellTermMode]}</Descriptions.Item>}
          <Descriptions.Item label={t('campaigns.congress.members')}>{formatCount(c.org.members)}</Descriptions.Item>
          {c.venue && <Descriptions.Item label={t('campaigns.congress.venue')}>{c.venue}</Descriptions.Item>}
          {c.expectedAttendance != null && <Descriptions.Item label={t('campaigns.congress.attendance')}>{formatCount(c.expectedAttendance)}</Descriptions.Item>}
          {c.approvalRef && <Descriptions.Item label={t('campaigns.congress.approvalRef')}>{c.approvalRef}</Descriptions.Item>}
          {c.resultsRef && <Descriptions.Item label={t('campaigns.congress.resultsRef')}>{c.resultsRef}</Descriptions.Item>}
        </Descriptions>
        {c.heldOverride && <Alert className="congress-page__note" type="info" showIcon message={t('campaigns.congress.heldOverride')} />}
      </Card>
    </section>
  );
}

function PilotCard({ c }: { c: Congress }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setPilot = useSetPilot();
  const addLesson = useAddLesson();
  const [isPilot, setIsPilot] = useState(c.isPilot);
  const [observers, setObservers] = useState<PickedOrg[]>(c.observers.map((o) => ({ value: o.id, label: o.name })));
  const [lesson, setLesson] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const save = async () => {
    setErr(null);
    try {
      await setPilot.mutateAsync({ id: c.id, version: c.version, isPilot, observerOrgIds: isPilot ? observers.map((o) => o.value) : [] });
      void message.success(t('campaigns.congress.pilotSaved'));
    } catch (e) {
      setErr(errorMessage(e));
    }
  };
  const record = async () => {
    setErr(null);
    try {
      await addLesson.mutateAsync({ id: c.id, text: lesson.trim() });
      setLesson('');
      void message.success(t('campaigns.congress.lessonAdded'));
    } catch (e) {
      setErr(errorMessage(e));
    }
  };
  return (
    <section aria-label={t('campaigns.congress.pilotSection')}>
      <Card title={t('campaigns.congress.pilotSection')}>
        {err && <Alert type="error" showIcon role="alert" message={err} className="form-dialog__error" />}
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Switch id="congress-pilot" checked={isPilot} disabled={!c.can.edit} onChange={setIsPilot} />
            <label htmlFor="congress-pilot">{t('campaigns.congress.isPilot')}</label>
          </Space>
          {isPilot && (
            <div>
              <label htmlFor="congress-observers">{t('campaigns.congress.observers')}</label>
              <OrgPicker id="congress-observers" mode="multiple" excludeIds={[c.org.id]} value={observers} onChange={setObservers} disabled={!c.can.edit} />
            </div>
          )}
          {c.can.edit && (isPilot !== c.isPilot || isPilot) && (
            <Button onClick={save} loading={setPilot.isPending}>
              {t('campaigns.congress.savePilot')}
            </Button>
          )}
        </Space>
        {(c.lessons.length > 0 || c.can.recordLessons) && (
          <>
            <Typography.Title level={5} className="congress-page__subtitle">
              {t('campaigns.congress.lessons')}
            </Typography.Title>
            <List
              size="small"
              dataSource={c.lessons}
              locale={{ emptyText: t('campaigns.dash.none') }}
              renderItem={(l) => (
                <List.Item>
                  <List.Item.Meta
                    description={
                      <>
                        {`${formatDateTime(l.createdAt)}${l.author ? ` · ${l.author}` : ''}`}
                        <LessonFiles congressId={c.id} lessonId={l.id} files={l.files} canAttach={c.can.recordLessons} />
                      </>
                    }
                    title={<span className="congress-page__lesson">{l.text}</span>}
                  />
                </List.Item>
              )}
            />
            {c.can.recordLessons && (
              <Space.Compact style={{ width: '100%' }}>
                <Input.TextArea aria-label={t('campaigns.congress.lessonText')} rows={2} value={lesson} onChange={(e) => setLesson(e.target.value)} maxLength={20000} />
                <Button onClick={record} disabled={!lesson.trim()} loading={addLesson.isPending}>
                  {t('campaigns.congress.addLesson')}
                </Button>
              </Space.Compact>
            )}
          </>
        )}
      </Card>
    </section>
  );
}

function PilotLessons({ c }: { c: Congress }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('campaigns.congress.pilotLessons')}>
      <Card title={t('campaigns.congress.pilotLessons')} className="congress-page__pilot-lessons">
        <List
          size="small"
          dataSource={c.pilotLessons.slice(0, 20)}
          renderItem={(l) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/congresses/${l.congressId}`}>{t('campaigns.congress.pilotLessonFrom', { org: l.org.name, date: formatDateVi(l.heldOn) })}</Link>}
                description={
                  <>
                    {l.text}
                    <LessonFiles congressId={l.congressId} lessonId={l.lessonId} files={l.files} canAttach={false} />
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}

function Village({ c, onEdit }: { c: Congress; onEdit: () => void }) {
  const { t } = useTranslation();
  const v = c.villageElection;
  return (
    <section aria-label={t('campaigns.congress.village')}>
      <Card title={t('campaigns.congress.village')} extra={c.can.recordVillage && <Button onClick={onEdit}>{t('campaigns.congress.villageEdit')}</Button>}>
        {v ? (
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('campaigns.congress.villageName')}>{v.villageName}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.congress.villageDate')}>
              {formatDateVi(v.electionDate)} {v.sameDayAsCongress && <Tag color="green">{t('campaigns.congress.sameDay')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.congress.headName')}>{v.headName}</Descriptions.Item>
            <Descriptions.Item label={t('campaigns.congress.votesForHead')}>
              {formatCount(v.votesForHead)}/{formatCount(v.voters)} ({v.pctText})
            </Descriptions.Item>
            <Descriptions.Item label={t('campaigns.congress.headIsSecretary')}>
              {v.headIsSecretary ? <Tag color="green">{t('campaigns.congress.yes')}</Tag> : <Tag>{t('campaigns.congress.no')}</Tag>}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('campaigns.congress.villageNone')}</Typography.Text>
        )}
      </Card>
    </section>
  );
}

function Sessions({ c, onAdd }: { c: Congress; onAdd: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tick = useTickSafety();
  const toggle = async (sessionId: number, checks: Record<string, boolean>) => {
    try {
      await tick.mutateAsync({ id: c.id, sessionId, checks });
      void message.success(t('campaigns.congress.checked'));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <section aria-label={t('campaigns.congress.sessions')}>
      <Card title={t('campaigns.congress.sessions')} extra={c.can.edit && <Button onClick={onAdd}>{t('campaigns.congress.addSession')}</Button>}>
        {c.sessions.length === 0 && <Typography.Text type="secondary">{t('campaigns.dash.none')}</Typography.Text>}
        {c.sessions.map((s) => (
          <Card key={s.id} size="small" type="inner" className="congress-page__session" title={`${s.label} — ${sessionKindLabels[s.kind]} — ${formatDateVi(s.date)}`} extra={s.allChecked && <Tag color="green">{t('campaigns.congress.allChecked')}</Tag>}>
            <Space wrap>
              {c.safetyMeasures.map((m) => (
                <Checkbox key={m.code} checked={!!s.checks[m.code]} disabled={!c.can.tickSafety || tick.isPending} onChange={(e) => void toggle(s.id, { ...s.checks, [m.code]: e.target.checked })}>
                  {m.label}
                </Checkbox>
              ))}
            </Space>
          </Card>
        ))}
      </Card>
    </section>
  );
}

function History({ c }: { c: Congress }) {
  const { t } = useTranslation();
  const kindLabel = (k: string) => {
    const key = `campaigns.congress.kinds.${k}` as const;
    return t(key as 'campaigns.congress.kinds.status', { defaultValue: k });
  };
  const describe = (h: Congress['history'][number]) => {
    const parts: string[] = [];
    if (h.fromStatus || h.toStatus) parts.push(`${h.fromStatus ? t(`campaigns.statuses.${h.fromStatus as CongressStatus}`) : ''} → ${h.toStatus ? t(`campaigns.statuses.${h.toStatus as CongressStatus}`) : ''}`);
    const d = h.details as Record<string, unknown>;
    for (const k of ['newStart', 'reasonCategory', 'reason', 'decidedBy', 'decisionRef']) {
      const v = d[k];
      if (typeof v === 'string' && v) parts.push(k === 'newStart' ? formatDateVi(v) : k === 'reasonCategory' ? t(`campaigns.reasons.${v as 'other'}`) : v);
    }
    const o = d.override as { reason?: string } | undefined;
    if (o?.reason) parts.push(o.reason);
    return parts.join(' · ');
  };
  return (
    <section aria-label={t('campaigns.congress.history')}>
      <Card title={t('campaigns.congress.history')}>
        <Table
          rowKey={(h, i) => `${h.at}-${i}`}
          size="small"
          pagination={false}
          dataSource={[...c.history].reverse()}
          locale={{ emptyText: t('campaigns.congress.historyEmpty') }}
          columns={[
            { title: t('campaigns.congress.at'), width: 150, render: (_, h) => formatDateTime(h.at) },
            { title: t('campaigns.congress.actor'), width: 120, render: (_, h) => h.actor ?? '' },
            { title: t('campaigns.congress.change'), render: (_, h) => `${kindLabel(h.kind)}${describe(h) ? `: ${describe(h)}` : ''}` },
          ]}
        />
      </Card>
    </section>
  );
}

// ---- Dialogs ----

function DateField({ name, label, required }: { name: string; label: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('validation.requiredField', { label }) }] : []}>
      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
    </Form.Item>
  );
}

type EditValues = { plannedStart?: Dayjs; plannedEnd?: Dayjs; noticeDate?: Dayjs; venue?: string; expectedAttendance?: number | null };

function EditDialog({ c, run, onClose }: { c: Congress; run: Run; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCongress();
  return (
    <FormDialog<EditValues>
      title={t('campaigns.congress.editTitle', { name: c.org.name })}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={{ plannedStart: fromIsoDate(c.plannedStart), plannedEnd: fromIsoDate(c.plannedEnd), noticeDate: fromIsoDate(c.noticeDate), venue: c.venue ?? '', expectedAttendance: c.expectedAttendance }}
      onSubmit={async (v) => {
        await run((override) =>
          update.mutateAsync({
            id: c.id,
            version: c.version,
            plannedStart: toIsoDate(v.plannedStart) ?? null,
            plannedEnd: toIsoDate(v.plannedEnd) ?? null,
            noticeDate: toIsoDate(v.noticeDate) ?? null,
            venue: v.venue?.trim() || null,
            expectedAttendance: v.expectedAttendance ?? null,
            override,
          }),
        );
        return t('campaigns.congress.saved');
      }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <DateField name="plannedStart" label={t('campaigns.congress.start')} />
        </Col>
        <Col span={12}>
          <DateField name="plannedEnd" label={t('campaigns.congress.end')} />
        </Col>
      </Row>
      <DateField name="noticeDate" label={t('campaigns.congress.notice')} />
      <Form.Item name="venue" label={t('campaigns.congress.venue')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="expectedAttendance" label={t('campaigns.congress.attendance')}>
        <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}

type PostponeValues = { noDate: boolean; newStart?: Dayjs; newEnd?: Dayjs; reasonCategory: (typeof postponeReasons)[number]; reason: string; decidedBy: string; decisionRef?: string };

function PostponeDialog({ c, run, onClose }: { c: Congress; run: Run; onClose: () => void }) {
  const { t } = useTranslation();
  const postpone = usePostpone();
  const [form] = Form.useForm<PostponeValues>();
  const noDate = Form.useWatch('noDate', form);
  const reasonLabel = t('campaigns.congress.reason');
  return (
    <FormDialog<PostponeValues>
      form={form}
      title={t('campaigns.congress.postponeTitle', { name: c.org.name })}
      okText={t('campaigns.congress.postpone')}
      onClose={onClose}
      initialValues={{ noDate: false, reasonCategory: 'epidemic', reason: '', decidedBy: '' }}
      onSubmit={async (v) => {
        await run((override) =>
          postpone.mutateAsync({
            id: c.id,
            version: c.version,
            newStart: v.noDate ? null : (toIsoDate(v.newStart) ?? null),
            newEnd: v.noDate ? null : (toIsoDate(v.newEnd) ?? null),
            reasonCategory: v.reasonCategory,
            reason: v.reason.trim(),
            decidedBy: v.decidedBy.trim(),
            decisionRef: v.decisionRef?.trim() || undefined,
            override,
          }),
        );
        return t('campaigns.congress.postponed');
      }}
    >
      <Form.Item name="noDate" valuePropName="checked">
        <Checkbox>{t('campaigns.congress.postponeNoDate')}</Checkbox>
      </Form.Item>
      {!noDate && (
        <Row gutter={12}>
          <Col span={12}>
            <DateField name="newStart" label={t('campaigns.congress.newStart')} required />
          </Col>
          <Col span={12}>
            <DateField name="newEnd" label={t('campaigns.congress.newEnd')} />
          </Col>
        </Row>
      )}
      <Form.Item name="reasonCategory" label={t('campaigns.congress.reasonCategory')}>
        <Select options={postponeReasons.map((r) => ({ value: r, label: t(`campaigns.reasons.${r}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={reasonLabel} rules={[requiredRule(reasonLabel)]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="decidedBy" label={t('campaigns.congress.decidedBy')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="decisionRef" label={t('campaigns.congress.decisionRef')}>
        <Input maxLength={300} />
      </Form.Item>
    </FormDialog>
  );
}

type TransitionValues = { actualStart?: Dayjs; actualEnd?: Dayjs; decisionRef?: string; reason?: string; overrideReason?: string };

function TransitionDialog({ c, step, run, onClose }: { c: Congress; step: { to: CongressStatus; needs: 'nothing' | 'reason' | 'override' }; run: Run; onClose: () => void }) {
  const { t } = useTranslation();
  const transition = useTransition();
  const status = t(`campaigns.statuses.${step.to}`);
  const reasonLabel = t('campaigns.congress.reason');
  const overrideLabel = t('campaigns.override.reason');
  const needsDecision = step.to === 'approved' || step.to === 'resultsApproved';
  const checklist = useQuery({ ...approvalChecklistQuery(c.id), enabled: step.to === 'approved' });
  const openItems = step.to === 'approved' ? (checklist.data?.items.filter((i) => i.blocking && !i.ok) ?? []) : [];
  return (
    <FormDialog<TransitionValues>
      title={t('campaigns.congress.transitionTitle', { status, name: c.org.name })}
      okText={status}
      danger={step.to === 'cancelled'}
      onClose={onClose}
      initialValues={{ actualStart: fromIsoDate(c.plannedStart), actualEnd: fromIsoDate(c.plannedEnd ?? c.plannedStart) }}
      onSubmit={async (v) => {
        await run((override) =>
          transition.mutateAsync({
            id: c.id,
            version: c.version,
            to: step.to,
            actualStart: step.to === 'held' ? toIsoDate(v.actualStart) : undefined,
            actualEnd: step.to === 'held' ? toIsoDate(v.actualEnd) : undefined,
            decisionRef: v.decisionRef?.trim() || undefined,
            reason: v.reason?.trim() || undefined,
            override: override ?? (v.overrideReason?.trim() ? { reason: v.overrideReason.trim() } : undefined),
          }),
        );
        return t('campaigns.congress.stepDone', { status });
      }}
    >
      {step.to === 'held' && (
        <Row gutter={12}>
          <Col span={12}>
            <DateField name="actualStart" label={t('campaigns.congress.start')} />
          </Col>
          <Col span={12}>
            <DateField name="actualEnd" label={t('campaigns.congress.end')} />
          </Col>
        </Row>
      )}
      {needsDecision && (
        <Form.Item name="decisionRef" label={t('campaigns.congress.decisionRef')}>
          <Input maxLength={300} />
        </Form.Item>
      )}
      {step.needs === 'reason' && (
        <Form.Item name="reason" label={reasonLabel} rules={[requiredRule(reasonLabel)]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {openItems.length > 0 && (
        <>
          <OpenApprovalItems items={openItems} />
          <Form.Item name="overrideReason" label={t('campaigns.approval.overrideReason')} rules={[requiredRule(t('campaigns.approval.overrideReason'))]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {step.needs === 'override' && (
        <>
          <Alert type="warning" showIcon message={t('campaigns.congress.heldOverride')} className="form-dialog__note" />
          <Form.Item name="overrideReason" label={overrideLabel} rules={[requiredRule(overrideLabel)]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

type VillageValues = { electionDate?: Dayjs; villageName: string; voters: number; votesForHead: number; headName: string; headIsSecretary: boolean };

function VillageDialog({ c, onClose }: { c: Congress; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetVillageElection();
  const v = c.villageElection;
  const req = (k: 'villageName' | 'headName') => [requiredRule(t(`campaigns.congress.${k}`))];
  return (
    <FormDialog<VillageValues>
      title={t('campaigns.congress.village')}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={
        v
          ? { electionDate: fromIsoDate(v.electionDate), villageName: v.villageName, voters: v.voters, votesForHead: v.votesForHead, headName: v.headName, headIsSecretary: v.headIsSecretary }
          : { electionDate: fromIsoDate(c.plannedStart), headIsSecretary: true }
      }
      onSubmit={async (x) => {
        await save.mutateAsync({ id: c.id, electionDate: toIsoDate(x.electionDate)!, villageName: x.villageName.trim(), voters: x.voters, votesForHead: x.votesForHead, headName: x.headName.trim(), headIsSecretary: x.headIsSecretary });
        return t('campaigns.congress.villageSaved');
      }}
    >
      <DateField name="electionDate" label={t('campaigns.congress.villageDate')} required />
      <Form.Item name="villageName" label={t('campaigns.congress.villageName')} rules={req('villageName')}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="voters" label={t('campaigns.congress.voters')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="votesForHead" label={t('campaigns.congress.votesForHead')} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="headName" label={t('campaigns.congress.headName')} rules={req('headName')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="headIsSecretary" valuePropName="checked">
        <Checkbox>{t('campaigns.congress.headIsSecretary')}</Checkbox>
      </Form.Item>
    </FormDialog>
  );
}

type SessionValues = { label: string; date?: Dayjs; kind: 'preparatory' | 'official' };

function SessionDialog({ c, onClose }: { c: Congress; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddSession();
  const label = t('campaigns.congress.sessionLabel');
  return (
    <FormDialog<SessionValues>
      title={t('campaigns.congress.addSession')}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={{ kind: 'official', date: fromIsoDate(c.plannedStart) }}
      onSubmit={async (v) => {
        await add.mutateAsync({ id: c.id, label: v.label.trim(), date: toIsoDate(v.date)!, kind: v.kind });
        return t('campaigns.congress.sessionAdded');
      }}
    >
      <Form.Item name="label" label={label} rules={[requiredRule(label)]}>
        <Input maxLength={200} />
      </Form.Item>
      <DateField name="date" label={t('campaigns.congress.sessionDate')} required />
      <Form.Item name="kind" label={t('campaigns.congress.sessionKind')}>
        <Select options={(['preparatory', 'official'] as const).map((k) => ({ value: k, label: sessionKindLabels[k] }))} />
      </Form.Item>
    </FormDialog>
  );
}
