import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, Breadcrumb, Button, Calendar, Card, Form, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { assignmentDutyLabels } from '../../../../shared/src/contracts/campaigns.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PageSpinner } from '../../app/PageSpinner.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatCount, formatDateVi } from '../../lib/format.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { OrgPicker, type PickedOrg } from '../organizations/OrgPicker.tsx';
import { useMe } from '../accounts/session.tsx';
import { campaignQuery, type DirectorCalendar, directorCalendarQuery, directorsQuery, useCreateDirector } from './campaigns.api.ts';
import { StatusTag } from './labels.tsx';
import { mondayOf, WeekCalendar } from './WeekCalendar.tsx';
import './campaigns.css';

const range = (a: string | null, b: string | null) => (a ? `${formatDateVi(a)}${b && b !== a ? ` – ${formatDateVi(b)}` : ''}` : '');

/** The standing-committee members who direct and attend congresses of a campaign, each with their calendar. */
export function DirectorsPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const campaign = useQuery(campaignQuery(id));
  const { data, error } = useQuery(directorsQuery(id));
  const [adding, setAdding] = useState(false);
  const me = useMe();
  usePageTitle(t('campaigns.directors.title'));
  return (
    <div className="page">
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">{t('campaigns.title')}</Link> },
          { title: <Link to={`/campaigns/${id}`}>{campaign.data?.name ?? '…'}</Link> },
          { title: t('campaigns.directors.title') },
        ]}
      />
      <div className="page__head">
        <Typography.Title level={2} className="page__title">
          {t('campaigns.directors.title')}
        </Typography.Title>
        {me.abilities.manageOrganizations && <Button onClick={() => setAdding(true)}>{t('campaigns.directors.add')}</Button>}
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      <Card>
        <Table
          rowKey="id"
          size="small"
          loading={!data && !error}
          dataSource={data ?? []}
          pagination={false}
          locale={{ emptyText: t('campaigns.directors.empty') }}
          columns={[
            { title: t('campaigns.directors.fullName'), render: (_, d) => <Link to={`/campaigns/${id}/directors/${d.id}`}>{d.fullName}</Link> },
            { title: t('campaigns.directors.position'), dataIndex: 'position' },
            { title: t('campaigns.directors.committee'), render: (_, d) => d.org.name },
            { title: t('campaigns.directors.count'), align: 'right', render: (_, d) => formatCount(d.assignments) },
          ]}
        />
      </Card>
      {adding && <AddDirectorDialog campaignId={id} onClose={() => setAdding(false)} />}
    </div>
  );
}

type AddValues = { org?: PickedOrg; fullName: string; position: string };

function AddDirectorDialog({ campaignId, onClose }: { campaignId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateDirector();
  const orgLabel = t('campaigns.directors.committee');
  const nameLabel = t('campaigns.directors.fullName');
  const positionLabel = t('campaigns.directors.position');
  return (
    <FormDialog<AddValues>
      title={t('campaigns.directors.add')}
      okText={t('common.save')}
      onClose={onClose}
      onSubmit={async (v) => {
        const d = await create.mutateAsync({ campaignId, orgId: v.org!.value, fullName: v.fullName.trim(), position: v.position.trim() });
        return t('campaigns.assign.personAdded', { name: d.fullName });
      }}
    >
      <Form.Item name="org" label={orgLabel} htmlFor="director-org" rules={[{ required: true, message: t('validation.requiredField', { label: orgLabel }) }]}>
        <OrgPicker id="director-org" />
      </Form.Item>
      <Form.Item name="fullName" label={nameLabel} rules={[requiredRule(nameLabel)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="position" label={positionLabel} rules={[requiredRule(positionLabel)]}>
        <Input maxLength={300} placeholder={t('campaigns.assign.positionHint')} />
      </Form.Item>
    </FormDialog>
  );
}

type Item = DirectorCalendar['items'][number];

/** One director's congresses by date: a month or a week, and the full list with clashes marked. */
export function DirectorCalendarPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const directorId = Number(useParams().directorId);
  const campaign = useQuery(campaignQuery(id));
  const { data, error } = useQuery(directorCalendarQuery(id, directorId));
  usePageTitle(data?.director.fullName);
  const [mode, setMode] = useState<'month' | 'week'>('month');
  const [anchor, setAnchor] = useState<Dayjs | null>(null);
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  if (!data) return <PageSpinner />;
  const first = data.items.find((i) => i.congress.start)?.congress.start;
  const shown = anchor ?? dayjs(first ?? undefined);
  const dated = data.items.filter((i) => i.congress.start);
  const name = (i: Item) => (i.congress.id ? <Link to={`/congresses/${i.congress.id}`}>{i.congress.org.name}</Link> : <Typography.Text type="secondary">{t('campaigns.directors.hidden')}</Typography.Text>);
  const on = (iso: string) => dated.filter((i) => i.congress.start! <= iso && (i.congress.end ?? i.congress.start!) >= iso);

  return (
    <div className="page director-calendar">
      <Breadcrumb
        items={[
          { title: <Link to="/campaigns">{t('campaigns.title')}</Link> },
          { title: <Link to={`/campaigns/${id}`}>{campaign.data?.name ?? '…'}</Link> },
          { title: <Link to={`/campaigns/${id}/directors`}>{t('campaigns.directors.title')}</Link> },
          { title: data.director.fullName },
        ]}
      />
      <Typography.Title level={2} className="page__title">
        {t('campaigns.directors.calendarTitle', { name: data.director.fullName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {data.director.position} — {data.director.org.name}
      </Typography.Paragraph>

      <section aria-label={t('campaigns.dash.calendar')}>
        <Card title={t('campaigns.dash.calendar')}>
          <Segmented
            className="campaign-calendar__mode"
            aria-label={t('campaigns.week.mode')}
            value={mode}
            onChange={(v) => setMode(v as 'month' | 'week')}
            options={[
              { value: 'month', label: t('campaigns.week.month') },
              { value: 'week', label: t('campaigns.week.week') },
            ]}
          />
          {mode === 'month' ? (
            <Calendar
              className="campaign-calendar"
              aria-label={t('campaigns.directors.monthLabel')}
              value={shown}
              onPanelChange={(d) => setAnchor(d)}
              onSelect={(d, info) => info.source !== 'date' && setAnchor(d)}
              cellRender={(d, info) => {
                if (info.type !== 'date' || !d.isSame(shown, 'month')) return info.type === 'date' ? null : info.originNode;
                const list = on(d.format('YYYY-MM-DD'));
                return list.length ? (
                  <ul className="director-calendar__cell">
                    {list.map((i) => (
                      <li key={`${i.congress.id}-${i.congress.start}`}>
                        {name(i)} {i.clash && <Tag color="orange">{t('campaigns.directors.clash')}</Tag>}
                      </li>
                    ))}
                  </ul>
                ) : null;
              }}
            />
          ) : (
            <WeekCalendar
              monday={mondayOf(shown)}
              onChange={setAnchor}
              label={t('campaigns.directors.weekLabel')}
              entries={dated.map((i, k) => ({
                key: `${i.congress.id}-${k}`,
                start: i.congress.start!,
                end: i.congress.end,
                node: (
                  <Space size={4} wrap>
                    {name(i)}
                    <Tag>{assignmentDutyLabels[i.duty]}</Tag>
                    {i.clash && <Tag color="orange">{t('campaigns.directors.clash')}</Tag>}
                  </Space>
                ),
              }))}
            />
          )}
        </Card>
      </section>

      <section aria-label={t('campaigns.directors.listTitle')}>
        <Card title={t('campaigns.directors.listTitle')}>
          <Table<Item>
            rowKey={(i, k) => `${i.congress.id}-${k}`}
            size="small"
            pagination={false}
            dataSource={data.items}
            locale={{ emptyText: t('campaigns.congress.noAssignments') }}
            columns={[
              { title: t('campaigns.congress.dates'), render: (_, i) => range(i.congress.start, i.congress.end) || t('campaigns.directors.unscheduled') },
              { title: t('campaigns.congress.org'), render: (_, i) => name(i) },
              { title: t('campaigns.directors.duty'), render: (_, i) => assignmentDutyLabels[i.duty] },
              { title: t('campaigns.congress.status'), render: (_, i) => <StatusTag status={i.congress.status} /> },
              { title: t('campaigns.congress.warnings'), render: (_, i) => (i.clash ? <Tag color="orange">{t('campaigns.directors.clash')}</Tag> : null) },
            ]}
          />
        </Card>
      </section>
    </div>
  );
}
