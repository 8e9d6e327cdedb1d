import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Radio, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { showFieldErrors } from '../../lib/forms.ts';
import { CountInput } from './OpenEntryForm.tsx';
import { type Election, type NominateBody, useNominate } from './elections.api.ts';

type Values = Omit<NominateBody, 'version'>;

/** Đề cử, ứng cử tại đại hội: each name with the show-of-hands vote on it; the server decides admission. */
export function NominationsCard({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const nominate = useNominate(e.id);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const pct = e.nominations.morethanPercentOfPresent;
  const present = Form.useWatch('present', form);

  const submit = async (v: Values) => {
    setError(null);
    try {
      const r = await nominate.mutateAsync({ ...v, version: e.version });
      if (r.admitted) void message.success(t('elections.nominations.admitted', { name: v.fullName }));
      else void message.warning(t('elections.nominations.notAdmitted', { name: v.fullName, approvals: formatCount(v.approvals), present: formatCount(v.present), needed: formatCount(r.needed) }));
      form.resetFields(['fullName', 'approvals']);
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorMessage(err));
    }
  };

  return (
    <section aria-label={t('elections.sections.nominations')}>
      <Typography.Paragraph type="secondary">{t('elections.nominations.intro', { pct, source: e.nominations.source })}</Typography.Paragraph>
      {e.me.manage && e.status === 'setup' && (
        <Form<Values> form={form} name="nomination" layout="vertical" onFinish={submit} disabled={nominate.isPending} initialValues={{ nominatedBy: 'floor', present: e.present ?? undefined }}>
          {error && <Alert type="error" showIcon role="alert" message={error} className="form-dialog__error" />}
          <Row gutter={12}>
            <Col xs={24} md={14}>
              <Form.Item name="fullName" label={t('elections.nominations.fullName')} rules={[{ required: true, min: 2, message: t('validation.requiredField', { label: t('elections.nominations.fullName') }) }]}>
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="nominatedBy" label={t('elections.nominations.nominatedBy')}>
                <Radio.Group optionType="button" options={[{ value: 'floor', label: t('elections.nominations.floor') }, { value: 'self', label: t('elections.nominations.self') }]} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <CountInput name="present" label={t('elections.nominations.present')} />
            </Col>
            <Col xs={24} md={12}>
              <CountInput
                name="approvals"
                label={t('elections.nominations.approvals')}
                // A preview of R1.11 as integers (more than pct % of present); the server decides and records.
                extra={present ? t('elections.nominations.needed', { n: formatCount(Math.floor((pct * present) / 100) + 1), pct, present: formatCount(present) }) : undefined}
              />
            </Col>
          </Row>
          <Button htmlType="submit" loading={nominate.isPending}>
            {t('elections.nominations.submit')}
          </Button>
        </Form>
      )}
      <Typography.Title level={5} className="election-nominations__title">
        {t('elections.nominations.votesTitle')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={e.nominations.votes}
        locale={{ emptyText: t('elections.nominations.none') }}
        columns={[
          { title: t('elections.nominations.fullName'), dataIndex: 'fullName' },
          { title: t('elections.nominations.nominatedBy'), dataIndex: 'nominatedBy', render: (v: 'floor' | 'self') => t(`elections.nominations.${v}`) },
          { title: t('elections.nominations.approvals'), key: 'tally', render: (_, v) => t('elections.nominations.tally', { approvals: formatCount(v.approvals), present: formatCount(v.present), needed: formatCount(v.needed) }) },
          { title: t('elections.nominations.result'), dataIndex: 'admitted', render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{t(ok ? 'elections.nominations.in' : 'elections.nominations.out')}</Tag> },
          { title: '', dataIndex: 'recordedAt', render: (at: string, v) => <Typography.Text type="secondary">{`${v.recordedBy}, ${formatDateTime(at)}`}</Typography.Text> },
        ]}
      />
    </section>
  );
}
