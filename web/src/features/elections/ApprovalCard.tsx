import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates.ts';
import { formatDateVi } from '../../lib/format.ts';
import { showFieldErrors } from '../../lib/forms.ts';
import { type Election, useApprove } from './elections.api.ts';

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
      {a.canApprove && <ApproveForm election={e} />}
    </Card>
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
        <Col xs={24} md={12}>
          <Form.Item name="decisionNo" label={t('elections.after.decisionNo')} rules={[{ required: true, whitespace: true, message: t('validation.requiredField', { label: t('elections.after.decisionNo') }) }]}>
            <Input autoComplete="off" maxLength={100} placeholder={t('merge.decisionNoPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="decisionDate" label={t('elections.after.decisionDate')} rules={[{ required: true, message: t('validation.requiredField', { label: t('elections.after.decisionDate') }) }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={approve.isPending}>
        {t('elections.after.approve')}
      </Button>
    </Form>
  );
}
