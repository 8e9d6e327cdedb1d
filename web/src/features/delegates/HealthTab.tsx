import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { healthSymptomLabels } from '../../../../shared/src/contracts/delegates.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDateVi } from '../../lib/format.ts';
import { healthLink, healthQuery, type Register, useHealthSettings, useIssueLinks } from './delegates.api.ts';
import { KindTag, SubstituteDialog } from './RegisterTab.tsx';

/** The organizers' side of the health watch: settings, personal links, who is missing declarations, who is flagged. */
export function HealthTab({ reg }: { reg: Register }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: h, error } = useQuery(healthQuery(reg.congress.id));
  const issue = useIssueLinks(reg.congress.id);
  const saveSettings = useHealthSettings(reg.congress.id);
  const [issued, setIssued] = useState<{ delegateId: number; fullName: string; token: string }[]>([]);
  const [onlyAttention, setOnlyAttention] = useState(false);
  const [settings, setSettings] = useState<{ days: number; feverFrom: number } | null>(null);
  const [replacing, setReplacing] = useState<number | null>(null);
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  if (!h) return null;
  const s = settings ?? { days: h.days, feverFrom: h.feverFrom };
  const rows = onlyAttention ? h.rows.filter((r) => r.flags.length > 0 || r.flaggedDays.length > 0 || r.missingDays.length > 0) : h.rows;
  // Flagged at any time in the window, even if the latest declaration is clean.
  const everFlagged = h.rows.filter((r) => r.flaggedDays.length > 0);
  const toReplace = replacing ? reg.delegates.find((d) => d.id === replacing) : undefined;

  const doIssue = async (delegateIds?: number[], reissue = false) => {
    try {
      const out = await issue.mutateAsync({ delegateIds, reissue });
      setIssued((prev) => [...out, ...prev.filter((p) => !out.some((o) => o.delegateId === p.delegateId))]);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Typography.Paragraph>{t('delegates.health.intro', { days: h.days })}</Typography.Paragraph>
      {h.window ? (
        <Alert type="info" showIcon message={t('delegates.health.window', { from: formatDateVi(h.window.from), to: formatDateVi(h.window.to) })} />
      ) : (
        <Alert type="warning" showIcon message={t('delegates.health.noDate')} />
      )}
      {everFlagged.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="delegates-card"
          data-testid="health-ever-flagged"
          message={t('delegates.health.everFlagged', { n: everFlagged.length })}
          description={
            <ul className="health-history-list">
              {everFlagged.map((r) => (
                <li key={r.delegateId}>
                  <strong>{r.fullName}</strong> ({r.delegation}): {r.flaggedDays.map((f) => `${formatDateVi(f.day)} — ${f.flags.join('; ')}`).join(' · ')}
                  {r.flags.length === 0 ? ` ${t('delegates.health.cleanNow')}` : ''}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {h.canEdit && (
        <Card size="small" className="delegates-card">
          <Space wrap>
            <span>{t('delegates.health.days')}</span>
            <InputNumber aria-label={t('delegates.health.days')} min={1} max={60} value={s.days} onChange={(v) => setSettings({ ...s, days: v ?? 14 })} />
            <span>{t('delegates.health.feverFrom')}</span>
            <InputNumber aria-label={t('delegates.health.feverFrom')} min={36} max={40} step={0.1} decimalSeparator="," value={s.feverFrom} onChange={(v) => setSettings({ ...s, feverFrom: v ?? 37.5 })} />
            <Button
              onClick={() =>
                void saveSettings
                  .mutateAsync(s)
                  .then(() => message.success(t('delegates.health.settingsSaved')))
                  .catch((e: unknown) => message.error(errorMessage(e)))
              }
            >
              {t('delegates.health.saveSettings')}
            </Button>
            <Button type="primary" onClick={() => void doIssue()} loading={issue.isPending}>
              {t('delegates.health.issue')}
            </Button>
          </Space>
        </Card>
      )}
      {issued.length > 0 && (
        <Card size="small" title={t('delegates.health.issued')} className="delegates-card">
          <Table
            size="small"
            rowKey="delegateId"
            pagination={false}
            dataSource={issued}
            columns={[
              { title: t('delegates.register.fullName'), dataIndex: 'fullName' },
              { title: t('delegates.health.link'), render: (_, l) => <Typography.Text copyable={{ text: healthLink(l.token) }} code>{healthLink(l.token)}</Typography.Text> },
            ]}
          />
        </Card>
      )}
      <Space className="delegates-card">
        <Switch checked={onlyAttention} onChange={setOnlyAttention} aria-label={t('delegates.health.filterFlagged')} />
        <span>{t('delegates.health.filterFlagged')}</span>
      </Space>
      <Table
        size="small"
        rowKey="delegateId"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('delegates.register.fullName'), render: (_, r) => <strong>{r.fullName}</strong> },
          { title: t('delegates.register.kind'), render: (_, r) => <KindTag kind={r.kind} /> },
          { title: t('delegates.register.delegation'), dataIndex: 'delegation' },
          { title: t('delegates.health.declared'), align: 'right', dataIndex: 'declaredDays' },
          {
            title: t('delegates.health.missing'),
            render: (_, r) => (r.missingDays.length ? <Tag color="orange">{`${r.missingDays.length}: ${r.missingDays.slice(-3).map(formatDateVi).join(', ')}`}</Tag> : null),
          },
          { title: t('delegates.health.flags'), render: (_, r) => r.flags.map((f) => <Tag key={f} color="red">{f}</Tag>) },
          {
            title: t('delegates.health.history'),
            render: (_, r) =>
              r.flaggedDays.length ? (
                <div className="health-history" data-testid={`health-history-${r.delegateId}`}>
                  {r.flaggedDays.map((f) => (
                    <div key={f.day}>{`${formatDateVi(f.day)}: ${f.flags.join('; ')}`}</div>
                  ))}
                </div>
              ) : null,
          },
          {
            title: t('delegates.health.lastDeclaration'),
            render: (_, r) =>
              r.lastDeclaration ? `${formatDateVi(r.lastDeclaration.day)}${r.lastDeclaration.temperature !== null ? ` · ${String(r.lastDeclaration.temperature).replace('.', ',')} °C` : ''}${r.lastDeclaration.symptoms.length ? ` · ${r.lastDeclaration.symptoms.map((x) => healthSymptomLabels[x]).join(', ')}` : ''}` : '—',
          },
          {
            title: t('delegates.register.actions'),
            render: (_, r) =>
              h.canEdit ? (
                <Space size={4} wrap>
                  <Tag color={r.hasLink ? 'green' : 'default'}>{r.hasLink ? t('delegates.health.hasLink') : t('delegates.health.noLink')}</Tag>
                  <Button size="small" onClick={() => void doIssue([r.delegateId], r.hasLink)}>
                    {r.hasLink ? t('delegates.health.reissue') : t('delegates.health.issue')}
                  </Button>
                  {r.kind === 'official' && (r.flags.length > 0 || r.flaggedDays.length > 0 || r.missingDays.length > 0) && (
                    <Button size="small" danger onClick={() => setReplacing(r.delegateId)}>
                      {t('delegates.health.replace')}
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      {toReplace && <SubstituteDialog reg={reg} delegate={toReplace} defaultReason="health" onClose={() => setReplacing(null)} />}
    </>
  );
}
