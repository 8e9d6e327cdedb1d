import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { healthSymptomLabels, healthSymptoms, type HealthSymptom } from '../../../../shared/src/contracts/delegates.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDateVi } from '../../lib/format.ts';
import { declareHealth, publicHealthQuery } from './delegates.api.ts';
import './delegates.css';

type Values = { symptoms: HealthSymptom[]; temperature: number | null; contact: boolean; isolation: boolean; note?: string };

/** The delegate's daily health declaration: opened from a personal link, no account, made for a phone screen. */
export function HealthDeclarationPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const qc = useQueryClient();
  const { data: h, error, isLoading } = useQuery(publicHealthQuery(token));
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  usePageTitle(t('delegates.declare.title'));

  if (isLoading) return <Spin className="health-declare" />;
  if (error || !h) {
    return (
      <main className="health-declare">
        <Result status="warning" title={t('delegates.declare.title')} subTitle={errorMessage(error)} />
      </main>
    );
  }
  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await declareHealth(token, { symptoms: v.symptoms ?? [], temperature: v.temperature ?? null, contact: v.contact, isolation: v.isolation, note: v.note });
      qc.setQueryData(publicHealthQuery(token).queryKey, next);
      setSent(true);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="health-declare">
      <Typography.Title level={3}>{t('delegates.declare.title')}</Typography.Title>
      <Typography.Paragraph>
        <strong>{t('delegates.declare.hello', { name: h.fullName })}</strong>
        <br />
        {h.congressName}
        <br />
        {t('delegates.declare.window', { from: formatDateVi(h.window.from), to: formatDateVi(h.window.to) })}
        <br />
        {t('delegates.declare.today', { date: formatDateVi(h.today) })} · {t('delegates.declare.declaredDays', { n: h.declaredDays })}
      </Typography.Paragraph>
      {h.state === 'notYet' && <Alert type="info" showIcon message={t('delegates.declare.notYet', { from: formatDateVi(h.window.from) })} />}
      {h.state === 'expired' && <Alert type="warning" showIcon message={t('delegates.declare.expired')} />}
      {sent && <Alert type="success" showIcon role="status" message={t('delegates.declare.sent')} className="delegates-card" />}
      {!sent && h.declaredToday && <Alert type="info" showIcon message={t('delegates.declare.again')} className="delegates-card" />}
      {problem && <Alert type="error" showIcon role="alert" message={problem} className="delegates-card" />}
      {h.state === 'open' && (
        <Card size="small">
          <Form<Values> layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ symptoms: [], temperature: null, contact: false, isolation: false }}>
            <Form.Item name="symptoms" label={t('delegates.declare.symptoms')}>
              <Checkbox.Group options={healthSymptoms.map((s) => ({ value: s, label: healthSymptomLabels[s] }))} />
            </Form.Item>
            <Form.Item name="temperature" label={t('delegates.declare.temperature')}>
              <InputNumber aria-label={t('delegates.declare.temperature')} min={34} max={43} step={0.1} decimalSeparator="," inputMode="decimal" size="large" />
            </Form.Item>
            <Form.Item name="contact" label={t('delegates.declare.contact')}>
              <Radio.Group optionType="button" options={[{ value: false, label: t('delegates.declare.no') }, { value: true, label: t('delegates.declare.yes') }]} />
            </Form.Item>
            <Form.Item name="isolation" label={t('delegates.declare.isolation')}>
              <Radio.Group optionType="button" options={[{ value: false, label: t('delegates.declare.no') }, { value: true, label: t('delegates.declare.yes') }]} />
            </Form.Item>
            <Form.Item name="note" label={t('delegates.declare.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              {t('delegates.declare.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </main>
  );
}
