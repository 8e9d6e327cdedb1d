import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format.ts';
import type { CandidateResult, InvalidReason, RoundResult } from './elections.api.ts';
import { purposeLabel } from './labels.ts';

export const candidateStatusColor: Record<string, string> = {
  elected: 'green',
  alternate: 'cyan',
  tied: 'gold',
  awaitingTieBreak: 'gold',
  outranked: 'default',
  belowThreshold: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = ['elected', 'alternate', 'tied', 'awaitingTieBreak', 'outranked', 'belowThreshold'];
  return <Tag color={candidateStatusColor[status] ?? 'default'}>{known.includes(status) ? t(`elections.candidateStatus.${status as 'elected'}`) : status}</Tag>;
}

/** Those elected in this round, in vote order as the server placed them. */
export function electedInOrder(r: RoundResult): CandidateResult[] {
  const by = new Map(r.candidates.map((c) => [c.ballotNo, c]));
  return r.elected.map((n) => by.get(n)).filter((c): c is CandidateResult => !!c);
}

/**
 * One counted round: D and the threshold, the ballots, every candidate's votes and % of D (the
 * server's figures, 2 decimals), those elected in vote order, a tie at the cut-off and seats left.
 */
export function ResultView({ result: r, invalidReasons = [] }: { result: RoundResult; invalidReasons?: InvalidReason[] }) {
  const { t } = useTranslation();
  // Seats this round had to fill: those filled plus those left (a later round fills fewer than the election's seats).
  const seats = r.elected.length + r.unfilledSeats.official + (r.tie?.seats ?? 0);
  const elected = electedInOrder(r);
  const alternates = r.alternates.map((n) => r.candidates.find((c) => c.ballotNo === n)).filter((c): c is CandidateResult => !!c);
  const tied = r.tie ? r.candidates.filter((c) => r.tie!.ballotNos.includes(c.ballotNo)) : [];
  const reasons = Object.entries(r.ballots.invalidReasons).filter(([, n]) => n > 0);

  return (
    <div className="result-view">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} className="result-view__facts">
        <Descriptions.Item label={t('elections.result.round')}>{t('elections.roundTag', { n: r.round, purpose: purposeLabel(r.purpose) })}</Descriptions.Item>
        <Descriptions.Item label={t('elections.denominator.d')}>
          <strong data-testid="result-d">{formatCount(r.denominator)}</strong> <span className="muted">(D = {r.formula.replace(/^\d+ = /, '')})</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('elections.denominator.threshold')}>
          {r.purpose === 'tieBreak' ? t('elections.result.mostVotes') : <strong data-testid="result-threshold">{t('elections.denominator.thresholdValue', { n: formatCount(r.threshold) })}</strong>}
        </Descriptions.Item>
        <Descriptions.Item label={t('elections.open.present')}>{formatCount(r.present)}</Descriptions.Item>
        <Descriptions.Item label={t('elections.open.ballotsIssued')}>{formatCount(r.ballotsIssued)}</Descriptions.Item>
        <Descriptions.Item label={t('elections.open.ballotsCollected')}>
          <span data-testid="result-collected">{formatCount(r.ballots.collected)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('elections.result.valid')}>
          <span data-testid="result-valid">{formatCount(r.ballots.valid)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('elections.result.invalid')} span={2}>
          <span data-testid="result-invalid">{formatCount(r.ballots.invalid)}</span>
          {reasons.length > 0 && <span className="muted"> — {reasons.map(([code, n]) => `${t('elections.result.reasonCount', { label: invalidReasons.find((x) => x.code === code)?.label ?? code, n })}`).join('; ')}</span>}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" className="election-source">
        {t('elections.source', { source: r.source })}
      </Typography.Paragraph>

      {r.tie && (
        <Alert
          type="warning"
          showIcon
          className="result-view__alert"
          message={t('elections.result.tie', { names: tied.map((c) => c.fullName).join(', '), votes: tied[0]?.votes ?? 0, seats: r.tie.seats })}
          description={t('elections.result.tieHint')}
        />
      )}
      {r.unfilledSeats.official > 0 && !r.tie && (
        <Alert type="warning" showIcon className="result-view__alert" message={t('elections.result.unfilled', { n: r.unfilledSeats.official, seats })} description={t('elections.result.unfilledHint')} />
      )}

      <section aria-label={t('elections.result.electedTitle')}>
        <Typography.Title level={5}>{t('elections.result.electedTitle')}</Typography.Title>
        {elected.length === 0 ? (
          <Typography.Text type="secondary">{t('elections.result.noneElected')}</Typography.Text>
        ) : (
          <ol className="result-view__elected" data-testid="elected-list">
            {elected.map((c) => (
              <li key={c.ballotNo}>
                <span className="result-view__name">{c.fullName}</span>
                <span className="result-view__votes">{t('elections.result.votes', { n: formatCount(c.votes) })}</span>
                <span className="result-view__pct">{c.percentText}</span>
              </li>
            ))}
          </ol>
        )}
        {alternates.length > 0 && (
          <>
            <Typography.Title level={5}>{t('elections.result.alternatesTitle')}</Typography.Title>
            <ol className="result-view__elected">
              {alternates.map((c) => (
                <li key={c.ballotNo}>
                  <span className="result-view__name">{c.fullName}</span>
                  <span className="result-view__votes">{t('elections.result.votes', { n: formatCount(c.votes) })}</span>
                  <span className="result-view__pct">{c.percentText}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-label={t('elections.result.allTitle')}>
        <Typography.Title level={5}>{t('elections.result.allTitle')}</Typography.Title>
        <Table<CandidateResult>
          rowKey="ballotNo"
          size="small"
          pagination={false}
          dataSource={r.candidates}
          data-testid="result-table"
          columns={[
            { key: 'no', title: t('elections.candidates.no'), dataIndex: 'ballotNo', width: 60, align: 'right' },
            { key: 'name', title: t('elections.candidates.name'), dataIndex: 'fullName' },
            {
              key: 'votes',
              title: t('elections.result.votesCol'),
              dataIndex: 'votes',
              width: 110,
              align: 'right',
              sorter: (a, b) => a.votes - b.votes,
              render: (v: number) => formatCount(v),
            },
            { key: 'pct', title: t('elections.result.percentCol'), dataIndex: 'percentText', width: 130, align: 'right' },
            { key: 'rank', title: t('elections.result.rankCol'), dataIndex: 'rank', width: 80, align: 'right' },
            { key: 'status', title: t('elections.fields.status'), width: 200, render: (_, c) => <StatusTag status={c.status} /> },
          ]}
        />
      </section>
    </div>
  );
}
