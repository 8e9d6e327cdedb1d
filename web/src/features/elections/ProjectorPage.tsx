import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { electionKeys, projectorQuery } from './elections.api.ts';
import { useElectionId } from './ElectionShell.tsx';
import { purposeLabel } from './labels.ts';
import { electedInOrder, StatusTag } from './ResultView.tsx';
import { useElectionEvents } from './useElectionEvents.ts';

/**
 * /elections/:id/projector — for the hall's screen: dark, large type, no menus. It shows nothing
 * of the result until the chief publishes it, then updates by itself (server-sent events).
 */
export function ProjectorPage() {
  const id = useElectionId();
  if (id === null) return <NotFoundPage />;
  return <Projector id={id} />;
}

function Projector({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(projectorQuery(id));
  useElectionEvents(id, [{ types: ['counted', 'published'], keys: (i) => [electionKeys.projector(i)], every: 0 }]);
  usePageTitle(data ? `${t('elections.projector.title')} — ${data.title}` : t('elections.projector.title'));

  useEffect(() => {
    document.body.classList.add('projector-body');
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'f' || e.key === 'F') void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen?.());
    };
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('projector-body');
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  if (error) return <main className="projector projector--message">{errorMessage(error)}</main>;
  if (!data) return <main className="projector projector--message">{t('common.loading')}</main>;
  const r = data.result;
  const many = (r?.candidates.length ?? 0) > 16;
  // Those not elected, by votes: the full table with ballot order is on the results page and in the minutes.
  const others = r ? r.candidates.filter((c) => !r.elected.includes(c.ballotNo) && !r.alternates.includes(c.ballotNo)).sort((a, b) => b.votes - a.votes || a.ballotNo - b.ballotNo) : [];

  return (
    <main className="projector" aria-live="polite">
      <header className="projector__head">
        <div className="projector__org">{data.orgName}</div>
        <h1 className="projector__title">{data.title}</h1>
        {r && r.round > 1 && <div className="projector__round">{t('elections.roundTag', { n: r.round, purpose: purposeLabel(r.purpose) })}</div>}
      </header>
      {!r ? (
        <div className="projector__waiting" role="status">
          {t('elections.projector.waiting')}
        </div>
      ) : (
        <>
          <div className="projector__facts">
            <Fact label={t('elections.projector.d')} value={formatCount(r.denominator)} />
            <Fact label={t('elections.projector.threshold')} value={r.purpose === 'tieBreak' ? t('elections.projector.mostVotes') : formatCount(r.threshold)} />
            <Fact label={t('elections.projector.collected')} value={formatCount(r.ballots.collected)} />
            <Fact label={t('elections.projector.valid')} value={formatCount(r.ballots.valid)} />
            <Fact label={t('elections.projector.invalid')} value={formatCount(r.ballots.invalid)} />
          </div>
          <section className="projector__elected" aria-label={t('elections.result.electedTitle')}>
            <h2>{t('elections.projector.elected', { n: r.elected.length })}</h2>
            <ol className={many ? 'projector__list projector__list--many' : 'projector__list'}>
              {electedInOrder(r).map((c) => (
                <li key={c.ballotNo}>
                  <span className="projector__name">{c.fullName}</span>
                  <span className="projector__votes">{formatCount(c.votes)}</span>
                  <span className="projector__pct">{c.percentText}</span>
                </li>
              ))}
            </ol>
            {r.tie && <p className="projector__note">{t('elections.projector.tie', { names: r.candidates.filter((c) => r.tie!.ballotNos.includes(c.ballotNo)).map((c) => c.fullName).join(', '), seats: r.tie.seats })}</p>}
            {r.unfilledSeats.official > 0 && !r.tie && <p className="projector__note">{t('elections.projector.unfilled', { n: r.unfilledSeats.official })}</p>}
          </section>
          {others.length > 0 && (
            <section className="projector__others" aria-label={t('elections.projector.others')}>
              <h2>{t('elections.projector.others')}</h2>
              <ul className={many ? 'projector__list projector__list--many' : 'projector__list'}>
                {others.map((c) => (
                  <li key={c.ballotNo}>
                    <span className="projector__name">{c.fullName}</span>
                    <span className="projector__votes">{formatCount(c.votes)}</span>
                    <span className="projector__pct">{c.percentText}</span> <StatusTag status={c.status} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </main>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="projector__fact">
      <div className="projector__fact-value">{value}</div>
      <div className="projector__fact-label">{label}</div>
    </div>
  );
}
