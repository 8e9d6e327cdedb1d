import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Alert, App, Breadcrumb, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { cellTermModeLabels, cellTermModes, congressContentsLabels, type CongressContents } from '../../../../shared/src/contracts/campaigns.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PageSpinner } from '../../app/PageSpinner.tsx';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { requiredRule } from '../../lib/forms.ts';
import { type Campaign, campaignQuery, useUpdateCampaign } from './campaigns.api.ts';
import './campaigns.css';

type LevelValues = {
  level: number;
  name: string;
  centralDeadline?: Dayjs;
  provincialTarget?: Dayjs;
  windowStart?: Dayjs;
  maxDays?: number | null;
  maxPreparatoryDays?: number | null;
  /** Per organization type: "partialCommittee=1" lines, edited as a small list. */
  maxDaysByType: { typeCode: string; maxDays: number }[];
  source: string;
  confirmed: boolean;
};
type Values = {
  name: string;
  plan?: string;
  levels: LevelValues[];
  delegatesCongressMinMembers: number;
  noticeWorkingDays: number;
  contentsAllowed: CongressContents[];
  cellTermModeDefault: Campaign['settings']['cellTermModeDefault'];
  epidemicActive: boolean;
};

/** Organization types that may carry their own maximum duration (election-rules.md §2.2). */
const typeOptions = ['partialCommittee', 'subordinateCell', 'subordinateCellL5', 'grassrootsCommittee', 'grassrootsCell', 'district', 'province'] as const;

const toValues = (c: Campaign): Values => ({
  name: c.name,
  plan: c.plan ?? '',
  levels: c.levels
    .filter((l) => l.level > 0)
    .map((l) => ({
      level: l.level,
      name: l.name,
      centralDeadline: fromIsoDate(l.centralDeadline),
      provincialTarget: fromIsoDate(l.provincialTarget),
      windowStart: fromIsoDate(l.windowStart),
      maxDays: l.maxDays,
      maxPreparatoryDays: l.maxPreparatoryDays,
      maxDaysByType: l.maxDaysByType ?? [],
      source: l.source,
      confirmed: l.confirmed,
    })),
  delegatesCongressMinMembers: c.settings.delegatesCongressMinMembers,
  noticeWorkingDays: c.settings.noticeWorkingDays,
  contentsAllowed: c.settings.contentsAllowed,
  cellTermModeDefault: c.settings.cellTermModeDefault,
  epidemicActive: c.settings.epidemicPlan.active,
});

/** The campaign's per-level deadlines, durations and settings, editable by the organizer whose scope holds its root. */
export function CampaignSettingsPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { data: c, error } = useQuery(campaignQuery(id));
  usePageTitle(t('campaigns.settings.title'));
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  if (!c) return <PageSpinner />;
  return <SettingsForm key={c.version} c={c} />;
}

function SettingsForm({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const update = useUpdateCampaign();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<{ message: string; details: { field: string; message: string }[] } | null>(null);
  const readOnly = !c.can.edit;
  const badLevels = new Set((errors?.details ?? []).map((d) => /^levels\.(\d+)$/.exec(d.field)?.[1]).filter(Boolean).map(Number));

  const submit = async (v: Values) => {
    setErrors(null);
    try {
      await update.mutateAsync({
        id: c.id,
        version: c.version,
        name: v.name.trim(),
        plan: v.plan?.trim() || null,
        // Only the fields with a form control come back in `v`; the level's number, source and confirmation stay as stored.
        levels: toValues(c).levels.map((base, i) => ({ ...base, ...v.levels[i] })).map((l) => ({
          level: l.level,
          centralDeadline: toIsoDate(l.centralDeadline) ?? null,
          provincialTarget: toIsoDate(l.provincialTarget) ?? null,
          windowStart: toIsoDate(l.windowStart) ?? null,
          maxDays: l.maxDays ?? null,
          maxPreparatoryDays: l.maxPreparatoryDays ?? null,
          maxDaysByType: (l.maxDaysByType ?? []).filter((x) => x.typeCode && x.maxDays),
          source: l.source,
          confirmed: l.confirmed,
        })),
        settings: {
          delegatesCongressMinMembers: v.delegatesCongressMinMembers,
          noticeWorkingDays: v.noticeWorkingDays,
          contentsAllowed: v.contentsAllowed,
          cellTermModeDefault: v.cellTermModeDefault,
          epidemicPlan: { ...c.settings.epidemicPlan, active: v.epidemicActive },
        },
      });
      void message.success(t('campaigns.settings.saved'));
      navigate(`/campaigns/${c.id}`);
    } catch (e) {
      setErrors({ message: errorMessage(e), details: isApiError(e) ? e.details.map((d) => ({ field: d.field ?? '', message: d.message ?? '' })) : [] });
    }
  };

  const dateCol = (key: 'centralDeadline' | 'provincialTarget' | 'windowStart', title: string) => ({
    title,
    width: 150,
    render: (_: unknown, l: LevelValues, i: number) => (
      <Form.Item name={['levels', i, key]} noStyle>
        <DatePicker aria-label={`${title} — ${l.name}`} format={DATE_FORMAT} disabled={readOnly} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
      </Form.Item>
    ),
  });
  const daysCol = (key: 'maxDays' | 'maxPreparatoryDays', title: string, max: number) => ({
    title,
    width: 110,
    render: (_: unknown, l: LevelValues, i: number) => (
      <Form.Item name={['levels', i, key]} noStyle>
        <InputNumber aria-label={`${title} — ${l.name}`} min={0.5} max={max} step={0.5} decimalSeparator="," disabled={readOnly} style={{ width: '100%' }} />
      </Form.Item>
    ),
  });

  return (
    <div className="page campaign-settings">
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">{t('campaigns.title')}</Link> },
          { title: <Link to={`/campaigns/${c.id}`}>{c.name}</Link> },
          { title: t('campaigns.settings.title') },
        ]}
      />
      <Typography.Title level={2} className="page__title">
        {t('campaigns.settings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {c.directive}
        {c.plan ? ` · ${c.plan}` : ''} · {t('campaigns.settings.term', { from: c.termFrom, to: c.termTo })}
      </Typography.Paragraph>
      {readOnly && <Alert type="info" showIcon message={t('campaigns.settings.readOnly')} className="campaign-settings__note" />}
      {errors && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="campaign-settings__note"
          message={errors.message}
          description={
            errors.details.length > 1 ? (
              <ul className="campaign-warnings__inline">
                {errors.details.map((d, i) => (
                  <li key={i}>{d.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={toValues(c)} onFinish={submit} disabled={readOnly}>
        <Card title={t('campaigns.settings.general')}>
          <Form.Item name="name" label={t('campaigns.create.name')} rules={[requiredRule(t('campaigns.create.name'))]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="plan" label={t('campaigns.settings.plan')}>
            <Input maxLength={300} />
          </Form.Item>
        </Card>

        <section aria-label={t('campaigns.settings.levels')}>
          <Card title={t('campaigns.settings.levels')} className="campaign-settings__card">
            <Table<LevelValues>
                  rowKey="level"
                  size="small"
                  pagination={false}
                  scroll={{ x: 1100 }}
                  dataSource={form.getFieldValue('levels') ?? toValues(c).levels}
                  rowClassName={(l) => (badLevels.has(l.level) ? 'campaign-settings__bad' : '')}
                  columns={[
                    {
                      title: t('campaigns.congress.level'),
                      width: 200,
                      render: (_, l) => (
                        <Space direction="vertical" size={0}>
                          <span>{l.name}</span>
                          {!l.confirmed && (
                            <Tooltip title={l.source}>
                              <Tag color="gold">{t('campaigns.settings.unconfirmed')}</Tag>
                            </Tooltip>
                          )}
                        </Space>
                      ),
                    },
                    dateCol('windowStart', t('campaigns.settings.windowStart')),
                    dateCol('provincialTarget', t('campaigns.settings.provincialTarget')),
                    dateCol('centralDeadline', t('campaigns.settings.centralDeadline')),
                    daysCol('maxDays', t('campaigns.settings.maxDays'), 30),
                    daysCol('maxPreparatoryDays', t('campaigns.settings.maxPreparatoryDays'), 5),
                    {
                      title: t('campaigns.settings.byType'),
                      width: 300,
                      render: (_, l, i) => <ByTypeField index={i} levelName={l.name} disabled={readOnly} />,
                    },
                  ]}
                />
            <Typography.Paragraph type="secondary" className="campaign-settings__hint">
              {t('campaigns.settings.levelsHint')}
            </Typography.Paragraph>
          </Card>
        </section>

        <section aria-label={t('campaigns.settings.rules')}>
          <Card title={t('campaigns.settings.rules')} className="campaign-settings__card">
            <Space wrap size="large" align="start">
              <Form.Item name="delegatesCongressMinMembers" label={t('campaigns.settings.delegatesMin')} rules={[{ required: true, message: t('validation.requiredField', { label: t('campaigns.settings.delegatesMin') }) }]}>
                <InputNumber min={1} max={1_000_000} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="noticeWorkingDays" label={t('campaigns.settings.noticeDays')} rules={[{ required: true, message: t('validation.requiredField', { label: t('campaigns.settings.noticeDays') }) }]}>
                <InputNumber min={0} max={200} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="contentsAllowed" label={t('campaigns.settings.contents')} rules={[{ required: true, type: 'array', min: 1, message: t('campaigns.settings.contentsRequired') }]}>
                <Checkbox.Group options={([4, 3, 2] as const).map((n) => ({ value: n, label: congressContentsLabels[n] }))} />
              </Form.Item>
              <Form.Item name="cellTermModeDefault" label={t('campaigns.congress.cellTermMode')}>
                <Select style={{ width: 320 }} options={cellTermModes.map((m) => ({ value: m, label: cellTermModeLabels[m] }))} />
              </Form.Item>
              <Form.Item name="epidemicActive" label={t('campaigns.settings.epidemic')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
            <ul className="campaign-settings__rules">
              {c.rules.map((r) => (
                <li key={r.key}>
                  {r.label} {!r.confirmed && <Tag color="gold">{t('campaigns.settings.unconfirmed')}</Tag>}
                  <Typography.Text type="secondary"> — {r.source}</Typography.Text>
                </li>
              ))}
            </ul>
          </Card>
        </section>

        {!readOnly && (
          <Space className="campaign-settings__actions">
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
            <Link to={`/campaigns/${c.id}`}>
              <Button tabIndex={-1}>{t('common.cancel')}</Button>
            </Link>
          </Space>
        )}
      </Form>
    </div>
  );
}

/** A level's type-specific maxima: pairs of organization type and days. */
function ByTypeField({ index, levelName, disabled }: { index: number; levelName: string; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name={['levels', index, 'maxDaysByType']}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" size={4}>
          {fields.map((f) => (
            <Space key={f.key} size={4}>
              <Form.Item name={[f.name, 'typeCode']} noStyle>
                <Select
                  aria-label={`${t('campaigns.settings.type')} — ${levelName}`}
                  style={{ width: 170 }}
                  options={typeOptions.map((x) => ({ value: x, label: t(`campaigns.settings.types.${x}`) }))}
                  disabled={disabled}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'maxDays']} noStyle>
                <InputNumber aria-label={`${t('campaigns.settings.typeDays')} — ${levelName}`} min={0.5} max={30} step={0.5} decimalSeparator="," style={{ width: 70 }} disabled={disabled} />
              </Form.Item>
              {!disabled && (
                <Button size="small" onClick={() => remove(f.name)}>
                  {t('campaigns.settings.removeType')}
                </Button>
              )}
            </Space>
          ))}
          {!disabled && (
            <Button size="small" type="link" onClick={() => add({ typeCode: 'partialCommittee', maxDays: 1 })}>
              {t('campaigns.settings.addType')}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}
