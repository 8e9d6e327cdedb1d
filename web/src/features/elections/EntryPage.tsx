import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Card, Input, type InputRef, Progress, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { hasSecondGroup, KEYS_PER_GROUP, SECOND_GROUP_KEY } from '../../../../shared/src/ballot-keys.ts';
import type { BallotEntryInput } from '../../../../shared/src/contracts/elections.ts';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { BallotSheet } from './BallotSheet.tsx';
import { type BallotPreview, type BallotTypingHandle, BallotTypingInput, rulingReasons } from './BallotTypingInput.tsx';
import { type Election, electionKeys, saveBallot, type TeamProgress, teamProgressQuery } from './elections.api.ts';
import { ElectionHeading, ElectionLoadError, WithElection } from './ElectionShell.tsx';
import { describeEntry } from './labels.ts';
import { useElectionEvents } from './useElectionEvents.ts';

type Ack = { key: number; serial: number; text: string; changed: boolean; corrected: boolean; at: Date };

/** /elections/:id/entry — one team's typist enters the paper ballots, keyboard only. */
export function EntryPage() {
  const { t } = useTranslation();
  return <WithElection title={(e) => `${t('elections.entry.title')} — ${e.title}`}>{(e) => <EntryGate election={e} />}</WithElection>;
}

function EntryGate({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  // The typist's own saves update the count directly; other events matter only when the election moves on,
  // or when teammates type for the same team.
  const teammates = e.counters.filter((c) => c.team === e.me.team).length > 1;
  const live = useElectionEvents(e.id, [
    { types: ['counted', 'published'], keys: (id) => [electionKeys.detail(id)], every: 0 },
    ...(teammates ? [{ types: ['entry' as const], keys: (id: number) => [electionKeys.progress(id)], every: 3000 }] : []),
  ]);
  if (!e.me.team)
    return <Result status="403" title={t('elections.entry.notTypist')} extra={<Link to={`/elections/${e.id}`}>{t('elections.actions.back')}</Link>} />;
  if (e.status !== 'entry' || !e.round)
    return (
      <Result
        status="info"
        title={t('elections.entry.closed')}
        subTitle={t(`elections.status.${e.status}`)}
        extra={<Link to={`/elections/${e.id}`}>{t('elections.actions.back')}</Link>}
      />
    );
  return <EntryDesk key={`${e.id}:${e.currentRound}`} election={e} live={live} />;
}

/** First serial after `after` not yet entered by this team, wrapping to the first gap; null when all are entered. */
function nextSerial(after: number, issued: number, entered: ReadonlySet<number>): number | null {
  for (let s = after + 1; s <= issued; s++) if (!entered.has(s)) return s;
  for (let s = 1; s <= Math.min(after, issued); s++) if (!entered.has(s)) return s;
  return null;
}

function EntryDesk({ election: e, live }: { election: Election; live: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const progress = useQuery(teamProgressQuery(e.id));
  const round = e.round!;
  const team = e.me.team!;
  const issued = e.ballotsIssued ?? 0;
  const collected = e.ballotsCollected ?? 0;

  const [serial, setSerial] = useState('');
  const [serialTouched, setSerialTouched] = useState(false);
  const [preview, setPreview] = useState<BallotPreview | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [correction, setCorrection] = useState<{ serial: number; entry: BallotEntryInput } | null>(null);
  const [reason, setReason] = useState('');
  const [acks, setAcks] = useState<Ack[]>([]);
  const typing = useRef<BallotTypingHandle>(null);
  const serialRef = useRef<InputRef>(null);
  const reasonRef = useRef<InputRef>(null);
  const scan = useRef<{ buffer: string | null; at: number }>({ buffer: null, at: 0 });

  const entries = useMemo(() => new Map((progress.data?.entries ?? []).map((x) => [x.serial, x.entry])), [progress.data]);
  const entered = useMemo(() => new Set(entries.keys()), [entries]);
  const enteredCount = progress.data?.entered ?? 0;

  // The first ballot to type: the first serial this team has not entered yet.
  useEffect(() => {
    if (!progress.data || serialTouched || serial !== '') return;
    const s = nextSerial(0, issued, entered);
    if (s !== null) setSerial(String(s));
  }, [progress.data, serialTouched, serial, issued, entered]);

  useEffect(() => {
    typing.current?.focus();
  }, []);

  useEffect(() => {
    if (correction) reasonRef.current?.focus();
  }, [correction]);

  const serialNo = Number(serial);
  const serialValid = Number.isInteger(serialNo) && serialNo >= 1;
  const previous = serialValid ? entries.get(serialNo) : undefined;

  const save = async (entry: BallotEntryInput, correctionReason?: string) => {
    if (!serialValid) {
      setError(t('elections.entry.serialRequired'));
      serialRef.current?.focus();
      return;
    }
    const s = serialNo;
    setSaving(true);
    setError(null);
    try {
      const res = await saveBallot(e.id, { serial: s, entry, ...(correctionReason ? { correctionReason } : {}) });
      // Acknowledged: the server has committed it.
      setAcks((old) => [{ key: Date.now() + Math.random(), serial: s, text: describeEntry(entry, e.invalidReasons), changed: res.changed, corrected: !!correctionReason, at: new Date() }, ...old].slice(0, 200));
      const nextEntries = [...(progress.data?.entries ?? []).filter((x) => x.serial !== s), { serial: s, entry }];
      qc.setQueryData<TeamProgress>(electionKeys.progress(e.id), (old) => (old ? { ...old, entered: res.entered, entries: nextEntries } : old));
      const next = nextSerial(s, issued, new Set(nextEntries.map((x) => x.serial)));
      setSerial(next === null ? '' : String(next));
      setSerialTouched(true);
      setCorrection(null);
      setReason('');
      typing.current?.reset();
      typing.current?.focus();
    } catch (err) {
      setError(errorMessage(err));
      typing.current?.discardTypedAhead();
      if (isApiError(err) && err.code === 'BALLOT_CORRECTION_NEEDS_REASON') setCorrection({ serial: s, entry });
      else if (isApiError(err) && (err.code === 'BALLOT_SERIAL_UNKNOWN' || err.details.some((d) => d.field?.endsWith('serial')))) serialRef.current?.select();
      else typing.current?.focus();
    } finally {
      setSaving(false);
    }
  };

  /**
   * A scanner types the ballot's QR code ({"e":…,"r":…,"s":…}) followed by Enter: take the serial
   * from it, wherever the focus is, and swallow the Enter that follows.
   */
  const onKeyDownCapture = (ev: KeyboardEvent<HTMLDivElement>) => {
    const sc = scan.current;
    if (sc.buffer === null && ev.key === '{') sc.buffer = '';
    if (sc.buffer !== null) {
      ev.preventDefault();
      ev.stopPropagation();
      if (ev.key.length === 1) sc.buffer += ev.key;
      if (ev.key === '}') {
        const text = sc.buffer;
        sc.buffer = null;
        sc.at = Date.now();
        try {
          const qr = JSON.parse(text) as { e?: number; r?: number; s?: number };
          if (qr.e !== e.id) setError(t('elections.entry.scanOtherElection'));
          else if (qr.r !== round.number) setError(t('elections.entry.scanOtherRound', { round: qr.r, current: round.number }));
          else if (Number.isInteger(qr.s)) {
            setSerial(String(qr.s));
            setSerialTouched(true);
            setError(null);
            typing.current?.focus();
          }
        } catch {
          setError(t('elections.entry.scanUnreadable'));
        }
      }
      return;
    }
    if (ev.key === 'Enter' && Date.now() - sc.at < 250) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  };

  const onSerialKeyDown = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      typing.current?.focus();
    } else if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') {
      ev.preventDefault();
      const n = (serialValid ? serialNo : 0) + (ev.key === 'ArrowUp' ? 1 : -1);
      if (n >= 1) setSerial(String(n));
      setSerialTouched(true);
    }
  };

  const onReasonKeyDown = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      if (correction && reason.trim()) void save(correction.entry, reason.trim());
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      setCorrection(null);
      setError(null);
      typing.current?.focus();
    }
  };

  const done = collected > 0 && enteredCount >= collected;
  const missing = useMemo(() => {
    const out: number[] = [];
    for (let s = 1; s <= issued && out.length < 30; s++) if (!entered.has(s)) out.push(s);
    return out;
  }, [issued, entered]);

  if (progress.error) return <ElectionLoadError error={progress.error} />;

  return (
    <div className="election-stack entry-page" onKeyDownCapture={onKeyDownCapture}>
      <Card>
        <ElectionHeading election={e} page={t('elections.entry.heading', { team })} extra={<LiveBadge live={live} />} />
      </Card>
      <div className="entry-page__grid">
        <div className="entry-page__main">
          <Card className="entry-desk">
            <div className="entry-desk__count" aria-live="polite">
              <span className="entry-desk__count-figure" data-testid="team-count">
                {t('elections.entry.count', { entered: formatCount(enteredCount), collected: formatCount(collected) })}
              </span>
              <Progress percent={collected ? Math.min(100, Math.round((enteredCount * 100) / collected)) : 0} showInfo={false} />
            </div>
            {done && <Alert type="success" showIcon message={t('elections.entry.done', { team, n: formatCount(enteredCount) })} className="entry-desk__done" />}
            <div className="entry-desk__serial">
              <label htmlFor="ballot-serial" className="ballot-typing__label">
                {t('elections.entry.serial')}
              </label>
              <div className="entry-desk__serial-row">
                <Input
                  id="ballot-serial"
                  ref={serialRef}
                  size="large"
                  inputMode="numeric"
                  autoComplete="off"
                  value={serial}
                  onChange={(ev) => {
                    setSerial(ev.target.value.replace(/[^\d]/g, ''));
                    setSerialTouched(true);
                    setError(null);
                  }}
                  onKeyDown={onSerialKeyDown}
                  onFocus={(ev) => ev.target.select()}
                  readOnly={saving}
                  className="entry-desk__serial-input"
                />
                {previous && <Tag color="gold" className="entry-desk__previous">{t('elections.entry.alreadyEntered', { text: describeEntry(previous, e.invalidReasons) })}</Tag>}
              </div>
            </div>
            <BallotTypingInput
              ref={typing}
              id="ballot-marks"
              label={t(e.form === 'strike' ? 'elections.entry.numbersStrike' : 'elections.entry.numbersMarks')}
              form={e.form}
              n={round.candidates.length}
              keys={e.roundEntryKeys}
              seats={round.ballotSeats}
              reasons={e.invalidReasons}
              busy={saving || !!correction}
              onSubmit={(entry) => void save(entry)}
              onPreview={setPreview}
              onStar={() => serialRef.current?.focus()}
              onTyping={() => setError(null)}
            />
            {correction && (
              <div className="entry-desk__correction" role="group" aria-label={t('elections.entry.correctionTitle')}>
                <Alert
                  type="warning"
                  showIcon
                  message={error ?? t('elections.entry.correctionTitle')}
                  description={
                    <>
                      <div>{t('elections.entry.correctionWas', { serial: correction.serial, text: previous ? describeEntry(previous, e.invalidReasons) : '' })}</div>
                      <div>{t('elections.entry.correctionNow', { text: describeEntry(correction.entry, e.invalidReasons) })}</div>
                    </>
                  }
                />
                <label htmlFor="correction-reason" className="ballot-typing__label">
                  {t('elections.entry.correctionReason')}
                </label>
                <Input id="correction-reason" ref={reasonRef} value={reason} onChange={(ev) => setReason(ev.target.value)} onKeyDown={onReasonKeyDown} maxLength={500} autoComplete="off" readOnly={saving} />
              </div>
            )}
            {error && !correction && (
              <Alert type="error" showIcon role="alert" message={error} className="entry-desk__error" />
            )}
            {saving && <div className="muted">{t('elections.entry.saving')}</div>}
            <KeyHelp form={e.form} reasonsCount={rulingReasons(e.invalidReasons).length} keys={e.roundEntryKeys} names={round.candidates.length} />
          </Card>
          <Card title={t('elections.entry.savedTitle')} size="small" className="entry-saved">
            {acks.length === 0 ? (
              <Typography.Text type="secondary">{t('elections.entry.savedNone')}</Typography.Text>
            ) : (
              <ol className="entry-saved__list" aria-label={t('elections.entry.savedTitle')}>
                {acks.map((a) => (
                  <li key={a.key} data-serial={a.serial}>
                    <span className="entry-saved__serial">{t('elections.entry.savedSerial', { serial: a.serial })}</span>
                    <span className="entry-saved__text">{a.text}</span>
                    <Tag color={a.corrected ? 'gold' : a.changed ? 'green' : 'default'}>
                      {a.corrected ? t('elections.entry.savedCorrected') : a.changed ? t('elections.entry.saved') : t('elections.entry.savedSame')}
                    </Tag>
                  </li>
                ))}
              </ol>
            )}
            {missing.length > 0 && enteredCount > 0 && (
              <div className="entry-saved__missing muted">
                {t('elections.entry.missing', { list: missing.join(', ') + (missing.length >= 30 ? '…' : '') })}
              </div>
            )}
          </Card>
        </div>
        <Card className="entry-page__sheet" title={t('elections.entry.sheetTitle', { n: round.candidates.length, seats: round.ballotSeats })} size="small">
          <BallotSheet candidates={round.candidates} preview={preview} keys={e.roundEntryKeys} />
        </Card>
      </div>
    </div>
  );
}

export function LiveBadge({ live }: { live: boolean }) {
  const { t } = useTranslation();
  return <Badge status={live ? 'processing' : 'default'} text={live ? t('elections.live.on') : t('elections.live.off')} />;
}

function KeyHelp({ form, reasonsCount, keys, names }: { form: Election['form']; reasonsCount: number; keys: Election['roundEntryKeys']; names: number }) {
  const { t } = useTranslation();
  return (
    <details className="entry-keys" open>
      <summary>{t('elections.keys.title')}</summary>
      <ul>
        <li>
          {keys === 'keys' ? (
            <>
              <kbd>1</kbd>…<kbd>0</kbd> <kbd>a</kbd>… {t(form === 'strike' ? 'elections.keys.codesStrike' : 'elections.keys.codesMarks')}
            </>
          ) : (
            <>
              <kbd>0–9</kbd> {t(form === 'strike' ? 'elections.keys.numbersStrike' : 'elections.keys.numbersMarks')}
            </>
          )}
        </li>
        {keys === 'keys' && hasSecondGroup(names) && (
          <li>
            <kbd>{SECOND_GROUP_KEY}</kbd> {t('elections.keys.secondGroup', { first: KEYS_PER_GROUP + 1 })}
          </li>
        )}
        {form !== 'strike' && (
          <li>
            <kbd>+</kbd> <kbd>-</kbd> {t('elections.keys.modifiers')}
          </li>
        )}
        <li>
          <kbd>Enter</kbd> {t('elections.keys.enter')}
        </li>
        <li>
          <kbd>/</kbd> <kbd>1</kbd>–<kbd>{reasonsCount}</kbd> {t('elections.keys.invalid')}
        </li>
        <li>
          <kbd>*</kbd> {t('elections.keys.star')}
        </li>
        <li>
          <kbd>Esc</kbd> {t('elections.keys.escape')}
        </li>
      </ul>
    </details>
  );
}

