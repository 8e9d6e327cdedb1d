import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { formatCount, parseCount } from '../../lib/format.ts';
import { showFieldErrors } from '../../lib/forms.ts';
import { congressFiguresQuery, type Election, useOpenEntry } from './elections.api.ts';

type Values = { present: number; ballotsIssued: number; ballotsCollected: number; listAgree: number; listDisagree: number; listPresent: number; orgsTotal?: number | null; orgsPresent?: number | null };

/** Present, ballots issued and ballots collected: asked when a round opens (first or later). */
export function AttendanceFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <CountInput name="present" label={t('elections.open.present')} />
      </Col>
      <Col xs={24} md={8}>
        <CountInput name="ballotsIssued" label={t('elections.open.ballotsIssued')} />
      </Col>
      <Col xs={24} md={8}>
        <CountInput name="ballotsCollected" label={t('elections.open.ballotsCollected')} />
      </Col>
    </Row>
  );
}

export function CountInput({ name, label, extra, optional }: { name: string | string[]; label: string; extra?: string; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} extra={extra} rules={optional ? [] : [{ required: true, message: t('validation.requiredField', { label }) }]}>
      <InputNumber<number> min={0} max={10_000_000} precision={0} style={{ width: '100%' }} formatter={(v) => formatCount(v ?? 0)} parser={parseCount} />
    </Form.Item>
  );
}

/**
 * Bắt đầu bỏ phiếu: attendance, ballots issued and collected, and the show-of-hands vote that
 * approved the list. The server refuses below the 2/3 quorum or without an approved list, and says why.
 */
export function OpenEntryForm({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const open = useOpenEntry(e.id);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  // Held at a delegates' congress: the register and check-in give the denominator and, usually, "có mặt".
  const figures = useQuery(congressFiguresQuery(e.orgId, e.congressKind === 'delegates' ? e.congressId : null)).data;
  const latest = figures?.latestSession ?? null;
  useEffect(() => {
    if (latest && !form.isFieldTouched('present')) form.setFieldsValue({ present: latest.present, ...(form.isFieldTouched('listPresent') ? {} : { listPresent: latest.present }) });
  }, [latest, form]);

  const submit = async (v: Values) => {
    setError(null);
    try {
      await open.mutateAsync({
        version: e.version,
        present: v.present,
        ballotsIssued: v.ballotsIssued,
        ballotsCollected: v.ballotsCollected,
        listVote: { agree: v.listAgree, disagree: v.listDisagree, present: v.listPresent },
        ...(v.orgsTotal != null && v.orgsPresent != null ? { subordinateOrgs: { total: v.orgsTotal, withDelegatesPresent: v.orgsPresent } } : {}),
      });
      void message.success(t('elections.open.done'));
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorMessage(err));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      disabled={open.isPending}
      onValuesChange={(changed: Partial<Values>) => {
        // Those present usually all vote on the list: follow "có mặt" until the user types another figure.
        if (changed.present !== undefined && !form.isFieldTouched('listPresent')) form.setFieldValue('listPresent', changed.present);
      }}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} className="form-dialog__error" />}
      {figures?.registered && (
        <Alert
          type="info"
          showIcon
          className="election-open__figures"
          message={t('elections.denominator.fromCongress', {
            summoned: formatCount(figures.summoned),
            absent: formatCount(figures.sessionsHeld > 0 ? figures.exclusions.convenerMembersAbsentWhole + figures.exclusions.delegatesAbsentWholeNotReplaced : 0),
          })}
          description={
            latest ? (
              <>
                {t('elections.denominator.latestSession', { label: latest.label, present: formatCount(latest.present) })}
                {latest.subordinateOrgs && <div>{t('elections.open.orgsFromCheckIn', { present: formatCount(latest.subordinateOrgs.withDelegatesPresent), total: formatCount(latest.subordinateOrgs.total) })}</div>}
              </>
            ) : undefined
          }
        />
      )}
      <AttendanceFields />
      {/* Charter Đ11 K6 (b): typed only where check-in does not already say it. */}
      {e.congressKind === 'delegates' && !latest?.subordinateOrgs && (
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <CountInput name="orgsTotal" label={t('elections.open.orgsTotal')} optional />
          </Col>
          <Col xs={24} md={8}>
            <CountInput name="orgsPresent" label={t('elections.open.orgsPresent')} extra={t('elections.open.orgsHint')} optional />
          </Col>
        </Row>
      )}
      <Typography.Text strong>{t('elections.open.listVote')}</Typography.Text>
      <Row gutter={12} className="election-open__vote">
        <Col xs={24} md={8}>
          <CountInput name="listPresent" label={t('elections.open.listPresent')} />
        </Col>
        <Col xs={24} md={8}>
          <CountInput name="listAgree" label={t('elections.open.listAgree')} />
        </Col>
        <Col xs={24} md={8}>
          <CountInput name="listDisagree" label={t('elections.open.listDisagree')} />
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={open.isPending}>
        {t('elections.open.submit')}
      </Button>
    </Form>
  );
}
