import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { showFieldErrors } from '../../lib/forms.ts';
import { namesFromText } from './CreateElectionDialog.tsx';
import { type Election, type NextRoundRequest, useNextRound } from './elections.api.ts';
import { purposeLabel } from './labels.ts';
import { AttendanceFields } from './OpenEntryForm.tsx';

type Values = { decision?: 'furtherRound' | 'repeatTieBreak' | 'stop'; keepBallotNos?: number[]; addCandidates?: string; present?: number; ballotsIssued?: number; ballotsCollected?: number };

/**
 * After a published round: a tie-break round follows by itself (only attendance and ballots are
 * asked); when seats remain or a tie persists, the organizer records the congress' decision.
 */
export function NextRoundPanel({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const next = useNextRound(e.id);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const decision = Form.useWatch('decision', form);
  const phase = e.phase;

  if (phase.kind === 'closed') return <Alert type="success" showIcon message={t('elections.next.closed')} />;
  if (phase.kind === 'awaitingUpperAppointment')
    return <Alert type="warning" showIcon message={t('elections.next.upperAppointment', { rounds: phase.failedRounds })} description={t('elections.source', { source: phase.source })} />;

  const decided = e.outcome.elected.concat(e.outcome.alternates);
  const remaining = e.candidates.filter((c) => !decided.includes(c.ballotNo));
  const needsCounts = phase.kind === 'awaitingRound' || decision === 'furtherRound' || decision === 'repeatTieBreak';

  const submit = async (v: Values) => {
    setError(null);
    const body: NextRoundRequest = {
      version: e.version,
      ...(phase.kind === 'awaitingCongressDecision' ? { decision: v.decision } : {}),
      ...(v.decision === 'furtherRound' ? { keepBallotNos: v.keepBallotNos ?? [], addCandidates: namesFromText(v.addCandidates ?? '') } : {}),
      ...(needsCounts ? { present: v.present, ballotsIssued: v.ballotsIssued, ballotsCollected: v.ballotsCollected } : {}),
    };
    try {
      const updated = await next.mutateAsync(body);
      void message.success(updated.status === 'entry' ? t('elections.next.opened', { n: updated.currentRound }) : t('elections.next.recorded'));
      form.resetFields();
    } catch (err) {
      showFieldErrors(form, err);
      setError(errorMessage(err));
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={next.isPending} initialValues={{ keepBallotNos: remaining.map((c) => c.ballotNo) }}>
      {error && <Alert type="error" showIcon role="alert" message={error} className="form-dialog__error" />}
      {phase.kind === 'awaitingRound' ? (
        <Alert
          type="info"
          showIcon
          className="next-round__intro"
          message={t('elections.next.awaitingRound', { n: phase.next.number, purpose: purposeLabel(phase.next.purpose), seats: phase.next.ballotSeats })}
          description={t('elections.next.onBallot', { names: phase.next.candidates.map((c) => c.fullName).join(', ') })}
        />
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            className="next-round__intro"
            message={phase.reason === 'TIE_PERSISTS' ? t('elections.next.tiePersists', { names: phase.tie?.candidates.map((c) => c.fullName).join(', ') ?? '' }) : t('elections.next.seatsRemain', { n: phase.remaining.official })}
            description={t('elections.next.congressDecides')}
          />
          <Form.Item name="decision" label={t('elections.next.decision')} rules={[{ required: true, message: t('elections.next.decisionRequired') }]}>
            <Radio.Group>
              <Radio value="furtherRound">{t('elections.next.furtherRound')}</Radio>
              {phase.reason === 'TIE_PERSISTS' && <Radio value="repeatTieBreak">{t('elections.next.repeatTieBreak')}</Radio>}
              <Radio value="stop">{t('elections.next.stop')}</Radio>
            </Radio.Group>
          </Form.Item>
          {decision === 'furtherRound' && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="keepBallotNos" label={t('elections.next.keep')}>
                  <Checkbox.Group className="next-round__keep" options={remaining.map((c) => ({ value: c.ballotNo, label: `${c.ballotNo}. ${c.fullName}` }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="addCandidates" label={t('elections.next.add')} extra={t('elections.next.addHint')}>
                  <Input.TextArea rows={5} spellCheck={false} />
                </Form.Item>
              </Col>
            </Row>
          )}
          {decision === 'stop' && <Typography.Paragraph type="secondary">{t('elections.next.stopHint')}</Typography.Paragraph>}
        </>
      )}
      {needsCounts && <AttendanceFields />}
      <Button type="primary" htmlType="submit" loading={next.isPending}>
        {phase.kind === 'awaitingRound' ? t('elections.next.open', { n: phase.next.number }) : t('elections.next.record')}
      </Button>
    </Form>
  );
}
