import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  delegateKindLabels,
  delegateKinds,
  type DelegateKind,
  notSummonedLabels,
  notSummonedReasons,
  type NotSummonedReason,
  substitutionLabels,
  substitutionReasons,
  type SubstitutionReason,
} from '../../../../shared/src/contracts/delegates.ts';
import { formatCount, formatDateVi } from '../../lib/format.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { badgesUrl, type Delegate, type Register, useAddDelegate, useNotSummoned, useSubstitute } from './delegates.api.ts';
import { delegateBody, DelegateFields, type DelegateFormValues, EditDelegateDialog, useShowWarnings } from './DelegateForm.tsx';

const kindColor: Record<DelegateKind, string> = { official: 'blue', exOfficio: 'red', appointed: 'purple', alternate: 'default' };

export function KindTag({ kind }: { kind: DelegateKind }) {
  return <Tag color={kindColor[kind]}>{delegateKindLabels[kind].replace(/ \(.*\)$/, '')}</Tag>;
}

/** The alternate that would be promoted: votes, then party age, as the server orders them (shown as a hint; the server decides). */
function nextAlternate(reg: Register, d: Delegate): Delegate | undefined {
  return reg.delegates.find((x) => x.kind === 'alternate' && x.delegation.id === d.delegation.id && !x.notSummonedReason && x.credentials !== 'rejected');
}

export function SubstituteDialog({ reg, delegate, onClose, defaultReason }: { reg: Register; delegate: Delegate; onClose: () => void; defaultReason?: SubstitutionReason }) {
  const { t } = useTranslation();
  const substitute = useSubstitute();
  const next = nextAlternate(reg, delegate);
  return (
    <FormDialog<{ reason: SubstitutionReason; note: string }>
      title={t('delegates.register.substituteTitle', { name: delegate.fullName })}
      okText={t('delegates.register.substitute')}
      onClose={onClose}
      initialValues={{ reason: defaultReason ?? 'excused' }}
      onSubmit={async (v) => {
        await substitute.mutateAsync({ id: delegate.id, ...v });
        return t('delegates.register.substituted');
      }}
    >
      <Typography.Paragraph type="secondary">{next ? t('delegates.register.substituteHint', { next: next.fullName }) : t('delegates.register.noAlternate')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('delegates.register.reason')}>
        <Select options={substitutionReasons.map((r) => ({ value: r, label: substitutionLabels[r] }))} />
      </Form.Item>
      <Form.Item name="note" label={t('delegates.register.note')} rules={[requiredRule(t('delegates.register.note')), { min: 3 }]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}

export function RegisterTab({ reg }: { reg: Register }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<null | 'add' | { notSummoned: Delegate } | { substitute: Delegate } | { edit: Delegate }>(null);
  const add = useAddDelegate(reg.congress.id);
  const notSummoned = useNotSummoned();
  const showWarnings = useShowWarnings();
  const close = () => setOpen(null);

  const status = (d: Delegate) => (
    <Space size={4} wrap>
      {d.summoned ? <Tag color="green">{t('delegates.register.summoned')}</Tag> : null}
      {d.notSummonedReason && (
        <Tooltip title={d.notSummonedNote}>
          <Tag color="orange">{notSummonedLabels[d.notSummonedReason]}</Tag>
        </Tooltip>
      )}
      {d.replacedBy && <Tag color="default">{t('delegates.register.replacedBy', { name: d.replacedBy.fullName })}</Tag>}
      {d.replaces && <Tag color="cyan">{t('delegates.register.replaces', { name: d.replaces.fullName })}</Tag>}
      {d.credentials === 'rejected' && <Tag color="red">{t('delegates.credentials.rejected')}</Tag>}
      {d.sameNameAs.map((s) => (
        <Tag key={s.id} color="gold">
          {t('delegates.register.sameName', { delegation: s.delegation })}
        </Tag>
      ))}
      {d.warnings.map((w) => (
        <div key={`${w.code}:${w.message}`} className="delegates-row-warning" role="note" data-code={w.code}>
          {w.message}
        </div>
      ))}
    </Space>
  );
  const toSettle = reg.delegates.filter((d) => d.warnings.length > 0);
  const twice = toSettle.filter((d) => d.warnings.some((w) => w.code === 'DUPLICATE_PERSON')).length;
  const over = toSettle.filter((d) => d.warnings.some((w) => w.code === 'DELEGATION_OVER_SEATS')).length;

  return (
    <>
      <Space wrap className="delegates-card">
        <Tag color="green">
          {t('delegates.register.summoned')}: {formatCount(reg.summary.summoned)}
        </Tag>
        {delegateKinds.map((k) => (
          <Tag key={k}>
            {delegateKindLabels[k].replace(/ \(.*\)$/, '')}: {formatCount(reg.summary.byKind[k] ?? 0)}
          </Tag>
        ))}
        <Tag color="orange">
          {t('delegates.register.notSummoned')}: {formatCount(reg.summary.notSummoned)}
        </Tag>
        <Tag>
          {t('delegates.register.replaced')}: {formatCount(reg.summary.replaced)}
        </Tag>
      </Space>
      {toSettle.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="delegates-card"
          message={t('delegates.register.toSettle', { n: formatCount(toSettle.length) })}
          description={[twice ? t('delegates.register.toSettleTwice', { n: formatCount(twice) }) : '', over ? t('delegates.register.toSettleOver', { n: formatCount(over) }) : ''].filter(Boolean).join(' ')}
        />
      )}
      <Space wrap className="delegates-card">
        {reg.canEdit && (
          <Button type="primary" onClick={() => setOpen('add')}>
            {t('delegates.register.add')}
          </Button>
        )}
        {reg.canEdit && (
          <>
            <Button href={badgesUrl(reg.congress.id, 'a4')}>{t('delegates.register.badges')}</Button>
            <Button href={badgesUrl(reg.congress.id, 'a6')}>{t('delegates.register.badgesA6')}</Button>
          </>
        )}
      </Space>
      <Table
        size="small"
        rowKey="id"
        dataSource={reg.delegates}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('delegates.register.empty') }}
        columns={[
          {
            title: t('delegates.register.fullName'),
            render: (_, d) => (
              <>
                <strong>{d.fullName}</strong>
                {d.position && <div className="delegates-sub">{d.position}</div>}
                {d.note && <div className="delegates-sub">{d.note}</div>}
              </>
            ),
          },
          { title: t('delegates.register.kind'), render: (_, d) => <KindTag kind={d.kind} /> },
          { title: t('delegates.register.delegation'), render: (_, d) => (d.delegation.id === reg.congress.org.id ? t('delegates.register.ownDelegation') : d.delegation.name) },
          { title: t('delegates.register.birthDate'), render: (_, d) => formatDateVi(d.birthDate) },
          { title: t('delegates.register.status'), render: (_, d) => status(d) },
          ...(reg.canEdit
            ? [
                {
                  title: t('delegates.register.actions'),
                  render: (_: unknown, d: Delegate) => (
                    <Space size={4} wrap>
                      <Tooltip title={d.editLock.all}>
                        <Button size="small" aria-label={t('delegates.edit.actionOf', { name: d.fullName })} disabled={!!d.editLock.all} onClick={() => setOpen({ edit: d })}>
                          {t('delegates.edit.action')}
                        </Button>
                      </Tooltip>
                      {d.notSummonedReason ? (
                        <Button size="small" onClick={() => void notSummoned.mutateAsync({ id: d.id, reason: null })}>
                          {t('delegates.register.summonAgain')}
                        </Button>
                      ) : d.kind !== 'alternate' && !d.replacedBy ? (
                        <Button size="small" onClick={() => setOpen({ notSummoned: d })}>
                          {t('delegates.register.markNotSummoned')}
                        </Button>
                      ) : null}
                      {d.kind === 'official' && d.summoned && (
                        <Button size="small" onClick={() => setOpen({ substitute: d })}>
                          {t('delegates.register.substitute')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={4}>{t('delegates.register.delegations')}</Typography.Title>
      <Table
        size="small"
        rowKey={(g) => g.org.id}
        dataSource={reg.delegations}
        pagination={false}
        columns={[
          { title: t('delegates.register.delegation'), render: (_, g) => (g.org.id === reg.congress.org.id ? t('delegates.register.ownDelegation') : g.org.name) },
          { title: t('delegates.register.allocated'), align: 'right', render: (_, g) => (g.allocated === null ? '—' : formatCount(g.allocated)) },
          {
            title: t('delegates.register.officials'),
            align: 'right',
            render: (_, g) =>
              g.allocated !== null && g.officials > g.allocated ? (
                <Tooltip title={t('delegates.register.overSeats', { seats: formatCount(g.allocated), officials: formatCount(g.officials) })}>
                  <span className="delegates-over" aria-label={t('delegates.register.overSeats', { seats: formatCount(g.allocated), officials: formatCount(g.officials) })}>
                    {formatCount(g.officials)}
                  </span>
                </Tooltip>
              ) : (
                <span className={g.allocated !== null && g.officials < g.allocated ? 'delegates-under' : undefined}>{formatCount(g.officials)}</span>
              ),
          },
          { title: t('delegates.register.alternates'), align: 'right', render: (_, g) => formatCount(g.alternates) },
          { title: t('delegates.register.summoned'), align: 'right', render: (_, g) => formatCount(g.summoned) },
        ]}
      />
      {open === 'add' && (
        <FormDialog<DelegateFormValues>
          title={t('delegates.register.add')}
          okText={t('delegates.register.add')}
          onClose={close}
          width={640}
          initialValues={{ kind: 'official' }}
          onSubmit={async (v) => {
            const saved = await add.mutateAsync(delegateBody(v));
            showWarnings(saved.warnings);
            return t('delegates.register.added', { name: v.fullName });
          }}
        >
          <DelegateFields reg={reg} />
        </FormDialog>
      )}
      {open && typeof open === 'object' && 'edit' in open && <EditDelegateDialog reg={reg} delegate={open.edit} onClose={close} />}
      {open && typeof open === 'object' && 'notSummoned' in open && (
        <FormDialog<{ reason: NotSummonedReason; note?: string }>
          title={t('delegates.register.notSummonedTitle', { name: open.notSummoned.fullName })}
          okText={t('delegates.register.markNotSummoned')}
          danger
          onClose={close}
          onSubmit={async (v) => {
            await notSummoned.mutateAsync({ id: open.notSummoned.id, ...v });
            return t('delegates.register.notSummonedDone');
          }}
        >
          <Form.Item name="reason" label={t('delegates.register.reason')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={notSummonedReasons.map((r) => ({ value: r, label: notSummonedLabels[r] }))} />
          </Form.Item>
          <Form.Item name="note" label={t('delegates.register.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </FormDialog>
      )}
      {open && typeof open === 'object' && 'substitute' in open && <SubstituteDialog reg={reg} delegate={open.substitute} onClose={close} />}
    </>
  );
}
