import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates.ts';
import { formatDateVi } from '../../lib/format.ts';
import { showFieldErrors } from '../../lib/forms.ts';
import { type Election, useApprove, useAppoint } from './elections.api.ts';

type Values = { decisionNo: string; decisionDate?: Dayjs };

/**
 * After the election: results wait for the upper committee's approval (chuẩn y); the complaint
 * window and the reporting deadlines run from the day it closed, on the working-day calendar
 * (the server computes the dates). A committee above the congress records the approval here.
 */
export function ApprovalCard({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const a = e.approval;
  if (!a) return null;
  const d = a.deadlines;
  return (
    <Card
      title={
        <>
          {t('elections.after.title')}{' '}
          <Tag color={a.status === 'approved' ? 'green' : a.status === 'pending' ? 'gold' : 'default'}>{t(`elections.after.status.${a.status}`)}</Tag>
        </>
      }
    >
      {a.status === 'notFinished' ? (
        <Typography.Paragraph type="secondary">{t('elections.after.notFinished')}</Typography.Paragraph>
      ) : (
        <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} className="election-after__dates">
          <Descriptions.Item label={t('elections.after.closedOn')}>{formatDateVi(a.closedOn)}</Descriptions.Item>
          {a.countedFrom && (
            <Descriptions.Item label={t('elections.after.countedFrom')}>
              {formatDateVi(a.countedFrom.date)} <span className="muted">{t(`elections.after.basis.${a.countedFrom.basis}`)}</span>
            </Descriptions.Item>
          )}
          {d && (
            <>
              <Descriptions.Item label={t('elections.after.complaintsUntil')}>
                <strong data-testid="complaints-until">{formatDateVi(d.complaintsUntil)}</strong> <span className="muted">{t('elections.after.complaintsRule')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('elections.after.reportDue')}>
                {formatDateVi(d.reportDue)} <span className="muted">{t('elections.after.reportRule')}</span>
              </Descriptions.Item>
              {d.approvalDue && (
                <Descriptions.Item label={t('elections.after.approvalDue')}>
                  {formatDateVi(d.approvalDue)} <span className="muted">{t('elections.after.approvalRule')}</span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('elections.after.ballotsKeptUntil')}>
                {formatDateVi(d.ballotsKeptUntil)} <span className="muted">{t('elections.after.ballotsRule')}</span>
              </Descriptions.Item>
            </>
          )}
          {a.status === 'approved' && (
            <Descriptions.Item label={t('elections.after.approvedBy')} span={2}>
              {t('elections.after.approvedText', { no: a.decisionNo ?? '', date: formatDateVi(a.decisionDate), by: a.approvedBy ?? '' })}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {e.vacancies && e.vacancies.vacant > 0 && <Vacancies election={e} />}
      {a.canApprove && <ApproveForm election={e} />}
    </Card>
  );
}

type AppointValues = { fullName: string; decisionNo: string; decisionDate?: Dayjs };

/** Seats the election left empty (QĐ 294 mục 23.3; the congress' decision to stop): the upper committee's appointments to them. */
function Vacancies({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const appoint = useAppoint(e.id);
  const [form] = Form.useForm<AppointValues>();
  const [error, setError] = useState<string | null>(null);
  const v = e.vacancies!;
  const submit = async (x: AppointValues) => {
    setError(null);
    try {
      await appoint.mutateAsync({ version: e.version, fullName: x.fullName.trim(), decisionNo: x.decisionNo.trim(), decisionDate: toIsoDate(x.decisionDate) ?? '' });
      void message.success(t('elections.vacancies.recorded', { name: x.fullName.trim() }));
      form.resetFields();
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorMessage(err));
    }
  };
  return (
    <section className="election-after__vacancies" aria-label={t('elections.vacancies.title')}>
      <Typography.Title level={5}>{t('elections.vacancies.title')}</Typography.Title>
      <Typography.Paragraph>{t('elections.vacancies.summary', { vacant: v.vacant, appointed: v.appointed.length })}</Typography.Paragraph>
      {v.appointed.length > 0 && (
        <ul>
          {v.appointed.map((x) => (
            <li key={`${x.decisionNo}-${x.fullName}`}>{t('elections.vacancies.item', { name: x.fullName, no: x.decisionNo, date: formatDateVi(x.decisionDate), by: x.recordedBy })}</li>
          ))}
        </ul>
      )}
      {v.canAppoint && (
        <Form<AppointValues> form={form} layout="vertical" onFinish={submit} disabled={appoint.isPending}>
          {error && <Alert type="error" showIcon role="alert" message={error} className="form-dialog__error" />}
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="fullName" label={t('elections.vacancies.fullName')} rules={[{ required: true, whitespace: true, message: t('validation.requiredField', { label: t('elections.vacancies.fullName') }) }]}>
                <Input autoComplete="off" maxLength={200} />
              </Form.Item>
            </Col>
            <DecisionFields span={8} />
          </Row>
          <Button htmlType="submit" loading={appoint.isPending}>
            {t('elections.vacancies.record')}
          </Button>
        </Form>
      )}
    </section>
  );
}

function ApproveForm({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const approve = useApprove(e.id);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    try {
      await approve.mutateAsync({ version: e.version, decisionNo: v.decisionNo.trim(), decisionDate: toIsoDate(v.decisionDate) ?? '' });
      void message.success(t('elections.after.approved'));
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorMessage(err));
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={approve.isPending} className="election-after__approve">
      <Typography.Title level={5}>{t('elections.after.approveTitle')}</Typography.Title>
      {error && <Alert type="error" showIcon role="alert" message={error} className="form-dialog__error" />}
      <Row gutter={12}>
        <DecisionFields span={12} />
      </Row>
      <Button type="primary" htmlType="submit" loading={approve.isPending}>
        {t('elections.after.approve')}
      </Button>
    </Form>
  );
}

/** The number and date of an upper committee's decision, required: for the chuẩn y and for an appointment. */
function DecisionFields({ span }: { span: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Col xs={24} md={span}>
        <Form.Item name="decisionNo" label={t('elections.after.decisionNo')} rules={[{ required: true, whitespace: true, message: t('validation.requiredField', { label: t('elections.after.decisionNo') }) }]}>
          <Input autoComplete="off" maxLength={100} placeholder={t('merge.decisionNoPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={span}>
        <Form.Item name="decisionDate" label={t('elections.after.decisionDate')} rules={[{ required: true, message: t('validation.requiredField', { label: t('elections.after.decisionDate') }) }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
        </Form.Item>
      </Col>
    </>
  );
}
