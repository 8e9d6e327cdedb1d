import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { credentialCheckLabels, credentialChecks, type CredentialCheck, rejectionLabels, rejectionReasons, type RejectionReason } from '../../../../shared/src/contracts/delegates.ts';
import { errorMessage } from '../../lib/api.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { credentialsReportUrl, type Delegate, type Register, useCredentials } from './delegates.api.ts';
import { KindTag } from './RegisterTab.tsx';

/** The credentials committee's checklist per delegate, its decision with the Charter's grounds, and the report. */
export function CredentialsTab({ reg }: { reg: Register }) {
  const { t } = useTranslation();
  const decide = useCredentials();
  const [rejecting, setRejecting] = useState<Delegate | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const rows = reg.delegates.filter((d) => d.kind !== 'alternate' && !d.replacedBy && !d.notSummonedReason);
  const run = (p: Promise<unknown>) => p.then(() => setProblem(null)).catch((e: unknown) => setProblem(errorMessage(e)));
  const tick = (d: Delegate, c: CredentialCheck, v: boolean) => run(decide.mutateAsync({ id: d.id, decision: d.credentials === 'rejected' ? 'pending' : d.credentials, checks: { ...d.credentialsChecks, [c]: v } }));

  return (
    <>
      <Typography.Paragraph type="secondary">{t('delegates.credentials.intro')}</Typography.Paragraph>
      <Space wrap className="delegates-card">
        <Tag>
          {t('delegates.credentials.pending')}: {reg.summary.credentials.pending ?? 0}
        </Tag>
        <Tag color="green">
          {t('delegates.credentials.accepted')}: {reg.summary.credentials.accepted ?? 0}
        </Tag>
        <Tag color="red">
          {t('delegates.credentials.rejected')}: {reg.summary.credentials.rejected ?? 0}
        </Tag>
        <Button href={credentialsReportUrl(reg.congress.id)}>{t('delegates.credentials.report')}</Button>
      </Space>
      {problem && <Alert type="error" showIcon role="alert" message={problem} closable onClose={() => setProblem(null)} />}
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('delegates.register.fullName'), render: (_, d) => <strong>{d.fullName}</strong> },
          { title: t('delegates.register.kind'), render: (_, d) => <KindTag kind={d.kind} /> },
          { title: t('delegates.register.delegation'), render: (_, d) => (d.delegation.id === reg.congress.org.id ? t('delegates.register.ownDelegation') : d.delegation.name) },
          ...credentialChecks.map((c) => ({
            title: <span title={credentialCheckLabels[c]}>{credentialCheckLabels[c].split(/[,(]/)[0]}</span>,
            render: (_: unknown, d: Delegate) => (
              <Checkbox aria-label={`${credentialCheckLabels[c]} — ${d.fullName}`} disabled={!reg.canEdit || d.credentials !== 'pending'} checked={d.credentialsChecks[c] === true} onChange={(e) => void tick(d, c, e.target.checked)} />
            ),
          })),
          {
            title: t('delegates.register.status'),
            render: (_, d) =>
              d.credentials === 'accepted' ? (
                <Tag color="green">{t('delegates.credentials.accepted')}</Tag>
              ) : d.credentials === 'rejected' ? (
                <Tag color="red" title={d.credentialsNote ?? undefined}>
                  {t('delegates.credentials.rejected')}: {d.credentialsReason ? rejectionLabels[d.credentialsReason] : ''}
                </Tag>
              ) : (
                <Tag>{t('delegates.credentials.pending')}</Tag>
              ),
          },
          ...(reg.canEdit
            ? [
                {
                  title: t('delegates.register.actions'),
                  render: (_: unknown, d: Delegate) =>
                    d.credentials === 'pending' ? (
                      <Space size={4}>
                        <Button size="small" type="primary" aria-label={`${t('delegates.credentials.accept')} ${d.fullName}`} onClick={() => void run(decide.mutateAsync({ id: d.id, decision: 'accepted', checks: d.credentialsChecks }))}>
                          {t('delegates.credentials.accept')}
                        </Button>
                        <Button size="small" danger onClick={() => setRejecting(d)}>
                          {t('delegates.credentials.reject')}
                        </Button>
                      </Space>
                    ) : (
                      <Button size="small" onClick={() => void run(decide.mutateAsync({ id: d.id, decision: 'pending', checks: d.credentialsChecks }))}>
                        {t('delegates.credentials.reset')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {rejecting && (
        <FormDialog<{ reason: RejectionReason; note?: string }>
          title={t('delegates.credentials.rejectTitle', { name: rejecting.fullName })}
          okText={t('delegates.credentials.reject')}
          danger
          onClose={() => setRejecting(null)}
          onSubmit={async (v) => {
            await decide.mutateAsync({ id: rejecting.id, decision: 'rejected', checks: rejecting.credentialsChecks, ...v });
            return t('delegates.credentials.done');
          }}
        >
          <Form.Item name="reason" label={t('delegates.register.reason')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={rejectionReasons.map((r) => ({ value: r, label: rejectionLabels[r] }))} />
          </Form.Item>
          <Form.Item name="note" label={t('delegates.register.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </FormDialog>
      )}
    </>
  );
}
