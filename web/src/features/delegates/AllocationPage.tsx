import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Row, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { AllocationSettings } from '../../../../shared/src/contracts/delegates.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PageSpinner } from '../../app/PageSpinner.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { type Allocation, allocationQuery, previewAllocation, useSaveAllocation } from './delegates.api.ts';
import './delegates.css';

type LineEdit = { extraSeats: number; seats?: number; reason?: string };
type Totals = { electedTotal: number | null; exOfficio: number; appointed: number; decisionRef: string };

const XIII: AllocationSettings = { basePerOrg: 13, membersPerSeat: 12_000, remainderThreshold: 6_001, countProbationary: true };

/** The allocation of a congress' elected seats among its subordinate organizations, recomputed live as the settings change. */
export function AllocationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const { data: saved, error } = useQuery(allocationQuery(id));
  usePageTitle(saved ? `${t('delegates.allocation.title')} — ${saved.congress.org.name}` : t('delegates.allocation.title'));
  const [settings, setSettings] = useState<AllocationSettings | null>(null);
  const [edits, setEdits] = useState<Record<number, LineEdit>>({});
  const [totals, setTotals] = useState<Totals | null>(null);
  const [view, setView] = useState<Allocation | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const save = useSaveAllocation(id);

  // Start from what is saved.
  useEffect(() => {
    if (!saved || settings) return;
    setSettings(saved.settings);
    setEdits(Object.fromEntries(saved.lines.map((l) => [l.org.id, { extraSeats: l.extraSeats, ...(l.adjustReason ? { seats: l.seats, reason: l.adjustReason } : {}) }])));
    setTotals({ electedTotal: saved.totals.electedTotal, exOfficio: saved.totals.exOfficio, appointed: saved.totals.appointed, decisionRef: saved.decisionRef ?? '' });
    setView(saved);
  }, [saved, settings]);

  const body = useMemo(
    () =>
      settings && totals
        ? {
            settings,
            electedTotal: totals.electedTotal,
            exOfficio: totals.exOfficio,
            appointed: totals.appointed,
            lines: Object.entries(edits).map(([orgId, e]) => ({ orgId: Number(orgId), extraSeats: e.extraSeats, ...(e.seats !== undefined ? { seats: e.seats, reason: e.reason ?? '' } : {}) })),
          }
        : null,
    [settings, totals, edits],
  );

  // Recompute on the server (the one formula) a moment after the last keystroke. An answer for
  // settings already changed again is dropped: a slow early answer must not overwrite a later one.
  useEffect(() => {
    if (!body) return;
    let current = true;
    const timer = setTimeout(() => {
      previewAllocation(id, body)
        .then((v) => {
          if (!current) return;
          setView(v);
          setPreviewError(null);
        })
        .catch((e: unknown) => current && setPreviewError(errorMessage(e)));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [id, body]);

  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  if (!saved || !settings || !totals || !view) return <PageSpinner />;
  const canEdit = saved.canEdit && saved.congress.form === 'delegates';
  const setLine = (orgId: number, patch: Partial<LineEdit>) => setEdits((all) => ({ ...all, [orgId]: { extraSeats: 0, ...all[orgId], ...patch } }));

  const onSave = async () => {
    try {
      // What the server saved is what is shown, whatever preview was still on its way.
      setView(await save.mutateAsync({ ...body!, decisionRef: totals.decisionRef, version: saved.saved ? saved.version : undefined }));
      void message.success(t('delegates.allocation.saved'));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <div className="page delegates-page">
      <Typography.Title level={2} className="page__title">
        {t('delegates.allocation.title')} — {saved.congress.org.name}
      </Typography.Title>
      <Space wrap className="delegates-links">
        <Link to={`/congresses/${id}`}>{t('delegates.nav.congress')}</Link>
        <Link to={`/congresses/${id}/delegates`}>{t('delegates.nav.register')}</Link>
      </Space>
      <Typography.Paragraph>{t('delegates.allocation.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('delegates.allocation.basis')}</Typography.Paragraph>
      {saved.congress.form !== 'delegates' && <Alert type="info" showIcon message={t('delegates.allocation.membersCongress')} />}
      {!saved.canEdit && <Alert type="info" showIcon message={t('delegates.allocation.readOnly')} />}
      <Card size="small" className="delegates-card">
        <Form layout="vertical" disabled={!canEdit}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item label={t('delegates.allocation.basePerOrg')}>
                <InputNumber aria-label={t('delegates.allocation.basePerOrg')} min={0} value={settings.basePerOrg} onChange={(v) => setSettings({ ...settings, basePerOrg: v ?? 0 })} className="full-width" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('delegates.allocation.membersPerSeat')}>
                <InputNumber aria-label={t('delegates.allocation.membersPerSeat')} min={1} value={settings.membersPerSeat} onChange={(v) => setSettings({ ...settings, membersPerSeat: v ?? 1 })} className="full-width" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('delegates.allocation.remainderThreshold')}>
                <InputNumber
                  aria-label={t('delegates.allocation.remainderThreshold')}
                  min={1}
                  value={settings.remainderThreshold}
                  placeholder={t('delegates.allocation.noRemainder')}
                  onChange={(v) => setSettings({ ...settings, remainderThreshold: v ?? null })}
                  className="full-width"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label=" ">
                <Checkbox checked={settings.countProbationary} onChange={(e) => setSettings({ ...settings, countProbationary: e.target.checked })}>
                  {t('delegates.allocation.countProbationary')}
                </Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Button size="small" onClick={() => setSettings(XIII)}>
            {t('delegates.allocation.xiii')}
          </Button>
          <Row gutter={16} className="delegates-totals-form">
            <Col xs={12} md={6}>
              <Form.Item label={t('delegates.allocation.electedTotal')}>
                <InputNumber aria-label={t('delegates.allocation.electedTotal')} min={0} value={totals.electedTotal} onChange={(v) => setTotals({ ...totals, electedTotal: v ?? null })} className="full-width" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('delegates.allocation.exOfficio')}>
                <InputNumber aria-label={t('delegates.allocation.exOfficio')} min={0} value={totals.exOfficio} onChange={(v) => setTotals({ ...totals, exOfficio: v ?? 0 })} className="full-width" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('delegates.allocation.appointed')}>
                <InputNumber aria-label={t('delegates.allocation.appointed')} min={0} value={totals.appointed} onChange={(v) => setTotals({ ...totals, appointed: v ?? 0 })} className="full-width" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('delegates.allocation.decisionRef')}>
                <Input aria-label={t('delegates.allocation.decisionRef')} value={totals.decisionRef} maxLength={200} onChange={(e) => setTotals({ ...totals, decisionRef: e.target.value })} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {previewError && <Alert type="error" showIcon message={previewError} />}
      {view.issues.length > 0 && <Alert type="warning" showIcon message={view.issues.map((i) => i.message).join(' ')} />}
      {view.mismatch && <Alert type="error" showIcon role="alert" message={view.mismatch} />}
      <Table
        size="small"
        rowKey={(l) => l.org.id}
        dataSource={view.lines}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('delegates.allocation.org'), render: (_, l) => l.org.name },
          { title: t('delegates.allocation.members'), align: 'right', render: (_, l) => formatCount(l.members) },
          {
            title: t('delegates.allocation.formula'),
            render: (_, l) => (
              <span title={`${formatCount(l.members)} = ${formatCount(l.formula.perQuota)} × ${formatCount(settings.membersPerSeat)} + ${formatCount(l.formula.remainder)}`}>
                {l.formula.base} + {l.formula.perQuota} + {l.formula.remainderSeat} = <strong>{l.formulaSeats}</strong>
              </span>
            ),
          },
          {
            title: t('delegates.allocation.extra'),
            render: (_, l) => <InputNumber size="small" min={0} aria-label={`${t('delegates.allocation.extra')} ${l.org.name}`} disabled={!canEdit} value={edits[l.org.id]?.extraSeats ?? 0} onChange={(v) => setLine(l.org.id, { extraSeats: v ?? 0 })} />,
          },
          {
            title: t('delegates.allocation.seats'),
            render: (_, l) => (
              <InputNumber
                size="small"
                min={0}
                aria-label={`${t('delegates.allocation.seats')} ${l.org.name}`}
                disabled={!canEdit}
                value={l.seats}
                status={l.seats !== l.formulaSeats + l.extraSeats && !l.adjustReason ? 'error' : undefined}
                onChange={(v) => setLine(l.org.id, { seats: v ?? 0 })}
              />
            ),
          },
          {
            title: t('delegates.allocation.reason'),
            render: (_, l) =>
              edits[l.org.id]?.seats !== undefined && edits[l.org.id]?.seats !== l.formulaSeats + l.extraSeats ? (
                <Input
                  size="small"
                  aria-label={`${t('delegates.allocation.reason')} ${l.org.name}`}
                  placeholder={t('delegates.allocation.reasonNeeded')}
                  disabled={!canEdit}
                  value={edits[l.org.id]?.reason ?? ''}
                  status={!edits[l.org.id]?.reason?.trim() ? 'error' : undefined}
                  onChange={(e) => setLine(l.org.id, { reason: e.target.value })}
                />
              ) : (
                <Typography.Text type="secondary">{l.adjustReason ?? ''}</Typography.Text>
              ),
          },
          { title: t('delegates.allocation.registered'), align: 'right', render: (_, l) => formatCount(l.registered) },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('delegates.allocation.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {formatCount(view.lines.reduce((s, l) => s + l.members, 0))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2}>{formatCount(view.lines.reduce((s, l) => s + l.formulaSeats, 0))}</Table.Summary.Cell>
            <Table.Summary.Cell index={3}>{formatCount(view.lines.reduce((s, l) => s + l.extraSeats, 0))}</Table.Summary.Cell>
            <Table.Summary.Cell index={4}>
              <strong data-testid="allocated-total">{formatCount(view.totals.allocated)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} colSpan={2} />
          </Table.Summary.Row>
        )}
      />
      <Descriptions size="small" column={{ xs: 1, md: 4 }} className="delegates-card">
        <Descriptions.Item label={t('delegates.allocation.electedTotal')}>{view.totals.electedTotal === null ? '—' : formatCount(view.totals.electedTotal)}</Descriptions.Item>
        <Descriptions.Item label={t('delegates.allocation.exOfficio')}>{formatCount(view.totals.exOfficio)}</Descriptions.Item>
        <Descriptions.Item label={t('delegates.allocation.appointed')}>{formatCount(view.totals.appointed)}</Descriptions.Item>
        <Descriptions.Item label={t('delegates.allocation.congressTotal')}>
          <strong>{formatCount(view.totals.congressTotal)}</strong>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {canEdit && (
          <Button type="primary" onClick={() => void onSave()} loading={save.isPending}>
            {t('delegates.allocation.save')}
          </Button>
        )}
        <Typography.Text type="secondary">
          {saved.saved && saved.updatedAt ? t('delegates.allocation.lastSaved', { who: saved.updatedBy ?? '', when: formatDateTime(saved.updatedAt) }) : t('delegates.allocation.notSaved')}
        </Typography.Text>
      </Space>
    </div>
  );
}
