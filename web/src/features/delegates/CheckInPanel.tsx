import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, List, Progress, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { formatCount, formatDateVi } from '../../lib/format.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { requiredRule } from '../../lib/forms.ts';
import { type CheckInResult, quorumQuery, type Register, useAddSession, useCheckIn, useManualCheckIn } from './delegates.api.ts';
import { QrScanner } from './QrScanner.tsx';

/** The live quorum panel (Charter Đ11 K6): present against 2/3 of those summoned, and organizations with a delegate present. */
export function QuorumPanel({ congressId, sessionId }: { congressId: number; sessionId: number | undefined }) {
  const { t } = useTranslation();
  const { data: q } = useQuery(quorumQuery(congressId, sessionId));
  if (!q) return null;
  return (
    <Card size="small" className="quorum-panel" title={t('delegates.quorum.title')} aria-live="polite" data-testid="quorum-panel">
      <Row gutter={16}>
        <Col xs={8}>
          <Statistic title={t('delegates.quorum.present')} value={formatCount(q.present)} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('delegates.quorum.summoned')} value={formatCount(q.summoned)} />
        </Col>
        <Col xs={8}>
          <Statistic title={t('delegates.quorum.needed')} value={formatCount(q.presentNeeded)} />
        </Col>
      </Row>
      <Progress percent={q.summoned ? Math.round((100 * q.present) / q.summoned) : 0} success={{ percent: q.summoned ? Math.round((100 * q.presentNeeded) / q.summoned) : 0 }} showInfo={false} />
      {q.subordinateOrgs && (
        <Typography.Paragraph>
          {t('delegates.quorum.orgs')}: <strong>{formatCount(q.subordinateOrgs.withDelegatesPresent)}</strong>/{formatCount(q.subordinateOrgs.total)} ({t('delegates.quorum.needed')}: {formatCount(q.subordinateOrgs.needed)})
        </Typography.Paragraph>
      )}
      <Alert
        type={q.ok ? 'success' : 'error'}
        showIcon
        message={q.ok ? t('delegates.quorum.ok') : t('delegates.quorum.notOk')}
        description={q.failures.map((f) => f.message).join(' ') || undefined}
      />
      <Typography.Text type="secondary">{t('delegates.quorum.rule')}</Typography.Text>
    </Card>
  );
}

/** Check-in at the door: a scanned or typed badge code, or a name from the list; usable on a phone. */
export function CheckInPanel({ reg }: { reg: Register }) {
  const { t } = useTranslation();
  const congressId = reg.congress.id;
  const [sessionId, setSessionId] = useState<number | undefined>(reg.sessions.at(-1)?.id);
  const [code, setCode] = useState('');
  const [results, setResults] = useState<(CheckInResult | { error: string; code: string })[]>([]);
  const [adding, setAdding] = useState(false);
  const checkIn = useCheckIn(congressId);
  const manual = useManualCheckIn(congressId);
  const addSession = useAddSession(congressId);

  const send = useCallback(
    async (raw: string, method: 'scan' | 'typed') => {
      if (!sessionId || !raw.trim()) return;
      try {
        const r = await checkIn.mutateAsync({ sessionId, code: raw.trim(), method });
        setResults((rs) => [r, ...rs].slice(0, 8));
        setCode('');
      } catch (e) {
        setResults((rs) => [{ error: errorMessage(e), code: raw }, ...rs].slice(0, 8));
      }
    },
    [sessionId, checkIn],
  );
  const onScan = useCallback((c: string) => void send(c, 'scan'), [send]);
  const summoned = reg.delegates.filter((d) => d.summoned);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={13}>
        <Space direction="vertical" className="checkin-panel full-width">
          <Space wrap>
            <Select
              aria-label={t('delegates.checkIn.session')}
              placeholder={t('delegates.checkIn.session')}
              value={sessionId}
              onChange={setSessionId}
              options={reg.sessions.map((s) => ({ value: s.id, label: `${s.label} (${formatDateVi(s.date)})` }))}
              style={{ minWidth: 240 }}
            />
            {reg.canEdit && <Button onClick={() => setAdding(true)}>{t('delegates.checkIn.addSession')}</Button>}
          </Space>
          {reg.sessions.length === 0 && <Alert type="info" showIcon message={t('delegates.checkIn.noSession')} />}
          {sessionId && reg.canEdit && (
            <>
              <Form layout="vertical" onFinish={() => void send(code, 'typed')}>
                <Form.Item label={t('delegates.checkIn.code')}>
                  <Space.Compact className="full-width">
                    <Input
                      className="checkin-code"
                      size="large"
                      autoComplete="off"
                      autoCapitalize="characters"
                      aria-label={t('delegates.checkIn.code')}
                      placeholder={t('delegates.checkIn.codePlaceholder')}
                      value={code}
                      onChange={(e) => setCode(e.target.value)}
                    />
                    <Button size="large" type="primary" htmlType="submit" loading={checkIn.isPending}>
                      {t('delegates.checkIn.submit')}
                    </Button>
                  </Space.Compact>
                </Form.Item>
              </Form>
              <QrScanner onCode={onScan} />
              <Select
                showSearch
                className="full-width"
                aria-label={t('delegates.checkIn.manual')}
                placeholder={t('delegates.checkIn.manual')}
                optionFilterProp="label"
                value={null}
                onChange={(delegateId: number) =>
                  void manual
                    .mutateAsync({ sessionId, delegateId })
                    .then((r) => setResults((rs) => [r, ...rs].slice(0, 8)))
                    .catch((e: unknown) => setResults((rs) => [{ error: errorMessage(e), code: '' }, ...rs].slice(0, 8)))
                }
                options={summoned.map((d) => ({ value: d.id, label: `${d.fullName} — ${d.delegation.name}` }))}
              />
            </>
          )}
          <List
            header={<strong>{t('delegates.checkIn.recent')}</strong>}
            size="small"
            dataSource={results}
            locale={{ emptyText: ' ' }}
            renderItem={(r) =>
              'error' in r ? (
                <List.Item>
                  <Alert type="error" showIcon message={r.error} className="full-width" role="alert" />
                </List.Item>
              ) : (
                <List.Item>
                  <Alert
                    type={r.status === 'checkedIn' ? 'success' : 'warning'}
                    showIcon
                    className="full-width"
                    message={r.message}
                    action={<Tag>{`${formatCount(r.present)}/${formatCount(r.summoned)}`}</Tag>}
                  />
                </List.Item>
              )
            }
          />
        </Space>
      </Col>
      <Col xs={24} lg={11}>
        <QuorumPanel congressId={congressId} sessionId={sessionId} />
      </Col>
      {adding && (
        <FormDialog<{ label: string; date: Dayjs; kind: 'preparatory' | 'official' }>
          title={t('delegates.checkIn.addSession')}
          okText={t('delegates.checkIn.addSession')}
          onClose={() => setAdding(false)}
          initialValues={{ kind: 'official', label: t('delegates.checkIn.official'), date: fromIsoDate(reg.congress.plannedStart) }}
          onSubmit={async (v) => {
            const r = await addSession.mutateAsync({ label: v.label, date: toIsoDate(v.date)!, kind: v.kind });
            setSessionId(r.id);
            return v.label;
          }}
        >
          <Form.Item name="label" label={t('delegates.checkIn.sessionLabel')} rules={[requiredRule(t('delegates.checkIn.sessionLabel'))]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="date" label={t('delegates.checkIn.sessionDate')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="kind" label={t('delegates.checkIn.sessionKind')}>
            <Select
              options={[
                { value: 'preparatory', label: t('delegates.checkIn.preparatory') },
                { value: 'official', label: t('delegates.checkIn.official') },
              ]}
            />
          </Form.Item>
        </FormDialog>
      )}
    </Row>
  );
}
