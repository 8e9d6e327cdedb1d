import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Statistic, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { CountersEditor, CountersList } from './CountersEditor.tsx';
import { ElectionDocuments } from './ElectionDocuments.tsx';
import { type Election, electionKeys, reconciliationQuery, teamProgressQuery } from './elections.api.ts';
import { ElectionHeading, WithElection } from './ElectionShell.tsx';
import { statusStep } from './labels.ts';
import { NominationsCard } from './NominationsCard.tsx';
import { OpenEntryForm } from './OpenEntryForm.tsx';
import { CandidatesTable, DenominatorInfo, ListChecks, UnconfirmedRules } from './SetupInfo.tsx';
import { useElectionEvents } from './useElectionEvents.ts';

/** /elections/:id — the election's workflow: set up, vote and enter, count, publish. */
export function ElectionPage() {
  return <WithElection>{(e) => <ElectionView election={e} />}</WithElection>;
}

function ElectionView({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // While ballots come in, only the progress figures move; a count or publication changes the page.
  useElectionEvents(
    e.id,
    e.status === 'entry' || e.status === 'counted'
      ? [
          { types: ['entry', 'resolved'], keys: (id) => [electionKeys.reconciliation(id), electionKeys.progress(id)], every: 2000 },
          { types: ['counted', 'published'], keys: (id) => [electionKeys.one(id)], every: 0 },
        ]
      : null,
  );
  const counted = e.status === 'counted' || e.status === 'published';

  return (
    <div className="election-stack election-page">
      <Card>
        <ElectionHeading
          election={e}
          extra={
            <>
              {e.me.team && e.status === 'entry' && (
                <Button type="primary" onClick={() => navigate(`/elections/${e.id}/entry`)}>
                  {t('elections.actions.enter')}
                </Button>
              )}
              {(e.me.chief || e.me.manage) && e.status === 'entry' && (
                <Button type={e.me.chief ? 'primary' : 'default'} onClick={() => navigate(`/elections/${e.id}/reconcile`)}>
                  {t('elections.actions.reconcile')}
                </Button>
              )}
              {(counted || e.rounds.length > 0) && <Button onClick={() => navigate(`/elections/${e.id}/results`)}>{t('elections.actions.results')}</Button>}
              <Button onClick={() => window.open(`/elections/${e.id}/projector`, '_blank', 'noopener')}>{t('elections.actions.projector')}</Button>
            </>
          }
        />
        <Steps
          className="election-steps"
          current={statusStep[e.status]}
          status={e.status === 'published' ? 'finish' : 'process'}
          items={[
            { title: t('elections.steps.setup'), description: t('elections.steps.setupHint') },
            { title: t('elections.steps.entry'), description: t('elections.steps.entryHint') },
            { title: t('elections.steps.counted'), description: t('elections.steps.countedHint') },
            { title: t('elections.steps.published'), description: t('elections.steps.publishedHint') },
          ]}
        />
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} className="election-facts">
          <Descriptions.Item label={t('elections.fields.congressKind')}>{t(`elections.congressKind.${e.congressKind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('elections.fields.regulation')}>{t(`elections.regulation.${e.regulation}`)}</Descriptions.Item>
          <Descriptions.Item label={t('elections.fields.seats')}>{formatCount(e.seats)}</Descriptions.Item>
          {e.alternateSeats > 0 && <Descriptions.Item label={t('elections.fields.alternateSeats')}>{formatCount(e.alternateSeats)}</Descriptions.Item>}
          <Descriptions.Item label={t(`elections.summonedLabel.${e.congressKind}`)}>{formatCount(e.summoned)}</Descriptions.Item>
          {e.denominator && (
            <Descriptions.Item label={t('elections.denominator.short')}>
              {formatCount(e.denominator.value)} · {t('elections.denominator.thresholdValue', { n: formatCount(e.denominator.threshold) })}
            </Descriptions.Item>
          )}
          {e.present !== null && <Descriptions.Item label={t('elections.open.present')}>{formatCount(e.present)}</Descriptions.Item>}
          {e.ballotsIssued !== null && <Descriptions.Item label={t('elections.open.ballotsIssued')}>{formatCount(e.ballotsIssued)}</Descriptions.Item>}
          {e.ballotsCollected !== null && <Descriptions.Item label={t('elections.open.ballotsCollected')}>{formatCount(e.ballotsCollected)}</Descriptions.Item>}
        </Descriptions>
      </Card>

      {e.status === 'entry' && <EntryProgress election={e} />}
      {counted && e.result && (
        <Card title={t('elections.result.summaryTitle')}>
          <Typography.Paragraph>
            {t('elections.result.summary', { elected: e.result.elected.length, seats: e.result.elected.length + e.result.unfilledSeats.official + (e.result.tie?.seats ?? 0) })}
          </Typography.Paragraph>
          {e.status === 'counted' && <Alert type="info" showIcon message={t('elections.result.notPublished')} />}
        </Card>
      )}

      {e.status === 'setup' && (
        <Row gutter={16} className="election-grid">
          <Col xs={24} xl={12}>
            <Card title={t('elections.sections.list', { count: e.candidates.length })}>
              <ListChecks election={e} />
              <CandidatesTable election={e} />
            </Card>
            <Card title={t('elections.sections.nominations')}>
              <NominationsCard election={e} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('elections.denominator.title')}>
              <DenominatorInfo election={e} />
            </Card>
            <Card title={t('elections.sections.counters')}>{e.me.manage ? <CountersEditor election={e} /> : <CountersList counters={e.counters} />}</Card>
            {e.me.manage && (
              <Card title={t('elections.sections.open')}>
                <OpenEntryForm election={e} />
              </Card>
            )}
          </Col>
        </Row>
      )}

      {e.status !== 'setup' && (
        <Row gutter={16} className="election-grid">
          <Col xs={24} xl={12}>
            <Card title={t('elections.sections.counters')}>
              <CountersList counters={e.counters} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('elections.denominator.title')}>
              <DenominatorInfo election={e} />
            </Card>
          </Col>
        </Row>
      )}

      <Card title={t('elections.sections.documents')}>
        <ElectionDocuments election={e} />
      </Card>
      <UnconfirmedRules election={e} />
    </div>
  );
}

/** While ballots are entered: the typist's own team count, or for the chief and organizers how far the teams agree. */
function EntryProgress({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const overseer = e.me.chief || e.me.manage;
  const rec = useQuery({ ...reconciliationQuery(e.id), enabled: overseer });
  const mine = useQuery({ ...teamProgressQuery(e.id), enabled: !overseer && !!e.me.team });
  const collected = e.ballotsCollected ?? 0;

  if (overseer) {
    if (rec.error) return <Alert type="error" showIcon message={errorMessage(rec.error)} />;
    const r = rec.data;
    return (
      <Card title={t('elections.sections.progress')}>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('elections.reconcile.settled')} value={r ? `${formatCount(r.settled)} / ${formatCount(r.collected)}` : '…'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('elections.reconcile.agreed')} value={r?.counts.agreed ?? 0} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('elections.reconcile.problems')} value={r?.problems.length ?? 0} valueStyle={r?.problems.length ? { color: '#d46b08' } : undefined} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('elections.reconcile.resolved')} value={r?.counts.resolved ?? 0} />
          </Col>
        </Row>
        <Progress percent={r && r.collected ? Math.round((r.settled * 100) / r.collected) : 0} />
      </Card>
    );
  }
  if (!e.me.team) return null;
  return (
    <Card title={t('elections.sections.progress')}>
      <Statistic title={t('elections.entry.teamCount', { team: e.me.team })} value={`${formatCount(mine.data?.entered ?? 0)} / ${formatCount(collected)}`} />
    </Card>
  );
}
