import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, Empty, Input, type InputRef, Popconfirm, Result, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { BallotEntryInput } from '../../../../shared/src/contracts/elections.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { BallotSheet } from './BallotSheet.tsx';
import { type BallotPreview, type BallotTypingHandle, BallotTypingInput } from './BallotTypingInput.tsx';
import { type Election, electionKeys, type EntrySide, type Reconciliation, reconciliationQuery, useCount, usePublish, useResolveBallot } from './elections.api.ts';
import { LiveBadge } from './EntryPage.tsx';
import { ElectionHeading, ElectionLoadError, WithElection } from './ElectionShell.tsx';
import { describeEntry } from './labels.ts';
import { ResultView } from './ResultView.tsx';
import { useElectionEvents } from './useElectionEvents.ts';

/** /elections/:id/reconcile — the counting chief settles what the two teams typed differently, counts, publishes. */
export function ReconcilePage() {
  const { t } = useTranslation();
  return <WithElection title={(e) => `${t('elections.reconcile.title')} — ${e.title}`}>{(e) => <ReconcileGate election={e} />}</WithElection>;
}

function ReconcileGate({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const live = useElectionEvents(e.id, [
    { types: ['entry', 'resolved'], keys: (id) => [electionKeys.reconciliation(id)], every: 1000 },
    { types: ['counted', 'published'], keys: (id) => [electionKeys.detail(id)], every: 0 },
  ]);
  if (!e.me.chief && !e.me.manage)
    return <Result status="403" title={t('elections.reconcile.notChief')} extra={<Link to={`/elections/${e.id}`}>{t('elections.actions.back')}</Link>} />;
  return <ReconcileDesk election={e} live={live} />;
}

function ReconcileDesk({ election: e, live }: { election: Election; live: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const rec = useQuery({ ...reconciliationQuery(e.id), enabled: e.status === 'entry' });
  const count = useCount(e.id);
  const publish = usePublish(e.id);
  const [error, setError] = useState<string | null>(null);
  const [lastReason, setLastReason] = useState('');

  const doCount = async () => {
    setError(null);
    try {
      await count.mutateAsync();
      void message.success(t('elections.reconcile.counted'));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const doPublish = async () => {
    setError(null);
    try {
      await publish.mutateAsync();
      void message.success(t('elections.reconcile.published'));
      navigate(`/elections/${e.id}/results`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="election-stack reconcile-page">
      <Card>
        <ElectionHeading election={e} page={t('elections.reconcile.title')} extra={<LiveBadge live={live} />} />
      </Card>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {e.status === 'setup' && <Alert type="info" showIcon message={t('elections.reconcile.notStarted')} />}
      {e.status === 'entry' && rec.error && <ElectionLoadError error={rec.error} />}
      {e.status === 'entry' && rec.data && (
        <>
          <ReconcileCounts rec={rec.data} />
          <Card
            title={t('elections.reconcile.problemsTitle', { count: rec.data.problems.length })}
            extra={
              e.me.chief && (
                <Button type="primary" size="large" disabled={!rec.data.canCount} loading={count.isPending} onClick={() => void doCount()}>
                  {t('elections.reconcile.count')}
                </Button>
              )
            }
          >
            {!rec.data.canCount && rec.data.problems.length === 0 && (
              <Alert type="info" showIcon message={t('elections.reconcile.waiting', { settled: rec.data.settled, collected: rec.data.collected })} className="reconcile__waiting" />
            )}
            {rec.data.canCount && <Alert type="success" showIcon message={t('elections.reconcile.ready', { n: rec.data.collected })} className="reconcile__waiting" />}
            {rec.data.problems.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('elections.reconcile.noProblems')} />
            ) : (
              <div className="reconcile__problems">
                {rec.data.problems.map((p, i) => (
                  <ProblemCard key={p.serial} election={e} problem={p} autoFocus={i === 0} canResolve={e.me.chief} lastReason={lastReason} onResolved={setLastReason} />
                ))}
              </div>
            )}
          </Card>
          {rec.data.resolved.length > 0 && <ResolvedList election={e} rec={rec.data} />}
        </>
      )}
      {(e.status === 'counted' || e.status === 'published') && e.result && (
        <Card
          title={t('elections.reconcile.resultTitle')}
          extra={
            e.status === 'counted' && e.me.chief ? (
              <Popconfirm title={t('elections.reconcile.publishConfirm')} okText={t('elections.reconcile.publish')} cancelText={t('common.cancel')} onConfirm={() => void doPublish()}>
                <Button type="primary" size="large" loading={publish.isPending}>
                  {t('elections.reconcile.publish')}
                </Button>
              </Popconfirm>
            ) : (
              <Button onClick={() => navigate(`/elections/${e.id}/results`)}>{t('elections.actions.results')}</Button>
            )
          }
        >
          {e.status === 'counted' && <Alert type="info" showIcon message={t('elections.result.notPublished')} className="reconcile__waiting" />}
          <ResultView result={e.result} invalidReasons={e.invalidReasons} />
        </Card>
      )}
    </div>
  );
}

function ReconcileCounts({ rec }: { rec: Reconciliation }) {
  const { t } = useTranslation();
  const items: [string, number | string, boolean?][] = [
    [t('elections.reconcile.settled'), `${formatCount(rec.settled)} / ${formatCount(rec.collected)}`],
    [t('elections.reconcile.agreed'), rec.counts.agreed],
    [t('elections.reconcile.differs'), rec.counts.differs, rec.counts.differs > 0],
    [t('elections.reconcile.missingA'), rec.counts.missingA, rec.counts.missingA > 0],
    [t('elections.reconcile.missingB'), rec.counts.missingB, rec.counts.missingB > 0],
    [t('elections.reconcile.resolved'), rec.counts.resolved],
  ];
  return (
    <Card>
      <div className="reconcile__counts" aria-label={t('elections.reconcile.countsLabel')}>
        {items.map(([title, value, warn]) => (
          <Statistic key={title} title={title} value={value} valueStyle={warn ? { color: '#d46b08' } : undefined} />
        ))}
      </div>
    </Card>
  );
}

function Side({ team, side, election }: { team: string; side: EntrySide; election: Election }) {
  const { t } = useTranslation();
  return (
    <div className={`reconcile__side${side ? '' : ' reconcile__side--missing'}`}>
      <div className="reconcile__side-title">{t('elections.counters.teamOf', { team })}</div>
      {side ? (
        <>
          <div className="reconcile__side-entry">{describeEntry(side.entry, election.invalidReasons)}</div>
          <div className="muted">
            {side.by} · {formatDateTime(side.at)}
            {side.reason && ` · ${t('elections.reconcile.correctedBecause', { reason: side.reason })}`}
          </div>
        </>
      ) : (
        <div className="reconcile__side-entry">{t('elections.reconcile.notEntered')}</div>
      )}
    </div>
  );
}

/** One ballot the teams disagree on: both readings side by side, and the chief's reading of the paper with a reason. */
function ProblemCard({
  election: e,
  problem: p,
  autoFocus,
  canResolve,
  lastReason,
  onResolved,
}: {
  election: Election;
  problem: Reconciliation['problems'][number];
  autoFocus: boolean;
  canResolve: boolean;
  lastReason: string;
  onResolved: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const resolve = useResolveBallot(e.id);
  const typing = useRef<BallotTypingHandle>(null);
  const reasonRef = useRef<InputRef>(null);
  const [entry, setEntry] = useState<BallotEntryInput | null>(null);
  // The reason of the previous ballot is offered again: the chief usually checks them all against the paper.
  const [reason, setReason] = useState(lastReason);

  useEffect(() => {
    if (autoFocus && canResolve) typing.current?.focus();
  }, [autoFocus, canResolve]);
  useEffect(() => {
    setReason((r) => r || lastReason);
  }, [lastReason]);
  const [preview, setPreview] = useState<BallotPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const round = e.round!;
  const id = `resolve-${p.serial}`;

  const submit = async (chosen: BallotEntryInput | null = entry) => {
    if (!chosen) {
      typing.current?.focus();
      return;
    }
    if (!reason.trim()) {
      setError(t('elections.reconcile.reasonRequired'));
      reasonRef.current?.focus();
      return;
    }
    setError(null);
    try {
      await resolve.mutateAsync({ serial: p.serial, entry: chosen, reason: reason.trim() });
      onResolved(reason.trim());
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const onReasonKeyDown = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      void submit();
    }
  };

  return (
    <section className="reconcile__problem" aria-label={t('elections.reconcile.problemLabel', { serial: p.serial })}>
      <div className="reconcile__problem-head">
        <Typography.Title level={5} className="reconcile__serial">
          {t('elections.reconcile.ballotNo', { serial: p.serial })}
        </Typography.Title>
        <Tag color="orange">{t(`elections.reconcile.state.${p.state}`)}</Tag>
      </div>
      <div className="reconcile__sides">
        <Side team="A" side={p.a} election={e} />
        <Side team="B" side={p.b} election={e} />
      </div>
      {canResolve && (
        <div className="reconcile__resolve">
          <div className="reconcile__resolve-input">
            <Space wrap className="reconcile__take">
              {p.a && (
                <Button size="small" onClick={() => typing.current?.setEntry(p.a!.entry)}>
                  {t('elections.reconcile.takeA')}
                </Button>
              )}
              {p.b && (
                <Button size="small" onClick={() => typing.current?.setEntry(p.b!.entry)}>
                  {t('elections.reconcile.takeB')}
                </Button>
              )}
            </Space>
            <BallotTypingInput
              ref={typing}
              id={id}
              label={t('elections.reconcile.paperSays')}
              form={e.form}
              n={round.candidates.length}
              keys={e.roundEntryKeys}
              seats={round.ballotSeats}
              reasons={e.invalidReasons}
              busy={resolve.isPending}
              onSubmit={(en) => {
                setEntry(en);
                if (reason.trim()) void submit(en);
                else reasonRef.current?.focus();
              }}
              onPreview={setPreview}
              onTyping={() => setEntry(null)}
            />
            <label htmlFor={`${id}-reason`} className="ballot-typing__label">
              {t('elections.reconcile.reason')}
            </label>
            <Input
              id={`${id}-reason`}
              ref={reasonRef}
              value={reason}
              onChange={(ev) => setReason(ev.target.value)}
              onKeyDown={onReasonKeyDown}
              placeholder={t('elections.reconcile.reasonPlaceholder')}
              maxLength={500}
              autoComplete="off"
            />
            {entry && <div className="reconcile__chosen">{t('elections.reconcile.willRecord', { text: describeEntry(entry, e.invalidReasons) })}</div>}
            {error && <Alert type="error" showIcon role="alert" message={error} className="entry-desk__error" />}
            <Button type="primary" onClick={() => void submit()} loading={resolve.isPending} disabled={!entry}>
              {t('elections.reconcile.resolve', { serial: p.serial })}
            </Button>
          </div>
          <BallotSheet candidates={round.candidates} preview={preview} compact keys={e.roundEntryKeys} />
        </div>
      )}
    </section>
  );
}

function ResolvedList({ election: e, rec }: { election: Election; rec: Reconciliation }) {
  const { t } = useTranslation();
  return (
    <Collapse
      items={[
        {
          key: 'resolved',
          label: t('elections.reconcile.resolvedTitle', { count: rec.resolved.length }),
          children: (
            <Table
              rowKey="serial"
              size="small"
              pagination={false}
              dataSource={rec.resolved}
              columns={[
                { key: 'serial', title: t('elections.entry.serial'), dataIndex: 'serial', width: 90 },
                { key: 'a', title: t('elections.counters.teamOf', { team: 'A' }), render: (_, r) => (r.a ? describeEntry(r.a.entry, e.invalidReasons) : t('elections.reconcile.notEntered')) },
                { key: 'b', title: t('elections.counters.teamOf', { team: 'B' }), render: (_, r) => (r.b ? describeEntry(r.b.entry, e.invalidReasons) : t('elections.reconcile.notEntered')) },
                { key: 'r', title: t('elections.reconcile.resolution'), render: (_, r) => (r.resolution ? describeEntry(r.resolution.entry, e.invalidReasons) : '') },
                { key: 'why', title: t('elections.reconcile.reason'), render: (_, r) => r.resolution?.reason ?? '' },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
