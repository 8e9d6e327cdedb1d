import { Alert, Button, Card, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { ApprovalCard } from './ApprovalCard.tsx';
import { ElectionDocuments } from './ElectionDocuments.tsx';
import { documentUrls, type Election, electionKeys, type RoundResult } from './elections.api.ts';
import { ElectionHeading, WithElection } from './ElectionShell.tsx';
import { purposeLabel } from './labels.ts';
import { NextRoundPanel } from './NextRoundPanel.tsx';
import { ResultView } from './ResultView.tsx';
import { useElectionEvents } from './useElectionEvents.ts';

/** /elections/:id/results — the result of each round, the outcome across rounds, what comes next. */
export function ResultsPage() {
  const { t } = useTranslation();
  return <WithElection title={(e) => `${t('elections.result.title')} — ${e.title}`}>{(e) => <ResultsView election={e} />}</WithElection>;
}

function ResultsView({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useElectionEvents(e.id, e.status !== 'setup' ? [{ types: ['counted', 'published'], keys: (id) => [electionKeys.detail(id)], every: 0 }] : null);
  // Past rounds, then the round just counted (the server shows it to the chief and organizers before publication).
  const rounds: RoundResult[] = [...e.rounds];
  if (e.result && !rounds.some((r) => r.round === e.result!.round)) rounds.push(e.result);
  const nameOf = new Map(e.candidates.map((c) => [c.ballotNo, c.fullName]));
  const latest = rounds.at(-1);

  return (
    <div className="election-stack results-page">
      <Card>
        <ElectionHeading
          election={e}
          page={t('elections.result.title')}
          extra={<Button onClick={() => window.open(`/elections/${e.id}/projector`, '_blank', 'noopener')}>{t('elections.actions.projector')}</Button>}
        />
        {e.publishedAt && <Typography.Text type="secondary">{t('elections.result.publishedAt', { at: formatDateTime(e.publishedAt) })}</Typography.Text>}
      </Card>

      {rounds.length === 0 ? (
        <Card>
          <Empty description={e.status === 'counted' ? t('elections.result.notPublishedYet') : t('elections.result.none')} />
        </Card>
      ) : (
        <Card title={t('elections.result.roundsTitle')}>
          {e.status === 'counted' && <Alert type="info" showIcon message={t('elections.result.notPublished')} className="reconcile__waiting" />}
          {rounds.length === 1 ? (
            <ResultView result={rounds[0]!} invalidReasons={e.invalidReasons} />
          ) : (
            <Tabs
              defaultActiveKey={String(latest!.round)}
              items={rounds.map((r) => ({
                key: String(r.round),
                label: t('elections.roundTag', { n: r.round, purpose: purposeLabel(r.purpose) }),
                children: (
                  <>
                    <ResultView result={r} invalidReasons={e.invalidReasons} />
                    <Space className="results-page__round-docs">
                      <Button size="small" href={documentUrls(e.id).minutesDocx(r.round)} download>
                        {t('elections.documents.minutesDocxRound', { n: r.round })}
                      </Button>
                      <Button size="small" href={documentUrls(e.id).minutesPdf(r.round)} target="_blank" rel="noopener">
                        {t('elections.documents.minutesPdfRound', { n: r.round })}
                      </Button>
                    </Space>
                  </>
                ),
              }))}
            />
          )}
        </Card>
      )}

      {latest && e.status === 'published' && (rounds.length > 1 || !e.outcome.finished) && (
        <Card title={t('elections.result.outcomeTitle')}>
          <Typography.Paragraph>
            {t('elections.result.outcomeElected', { n: e.outcome.elected.length, seats: e.seats })}
            {e.outcome.finished ? <Tag color="green" className="results-page__tag">{t('elections.result.finished')}</Tag> : <Tag color="gold" className="results-page__tag">{t('elections.result.ongoing')}</Tag>}
          </Typography.Paragraph>
          <ol className="result-view__elected">
            {e.outcome.elected.map((n) => (
              <li key={n}>
                <span className="result-view__name">{nameOf.get(n) ?? n}</span>
              </li>
            ))}
          </ol>
          {e.outcome.vacantSeats.official > 0 && <Alert type="warning" showIcon message={t('elections.result.vacant', { n: formatCount(e.outcome.vacantSeats.official) })} />}
        </Card>
      )}

      {e.me.manage && e.status === 'published' && e.phase.kind !== 'closed' && (
        <Card title={t('elections.next.title')}>
          <NextRoundPanel election={e} />
        </Card>
      )}

      {e.status === 'published' && <ApprovalCard election={e} />}

      <Card title={t('elections.sections.documents')}>
        <ElectionDocuments election={e} />
      </Card>
      <div>
        <Button onClick={() => navigate(`/elections/${e.id}`)}>{t('elections.actions.back')}</Button>
      </div>
    </div>
  );
}
