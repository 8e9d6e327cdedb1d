import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { buildUrl } from '../../lib/api.ts';
import { electionKeys } from './elections.api.ts';

const EVENT_TYPES = ['entry', 'resolved', 'counted', 'published'] as const;

/**
 * Live pages: the server sends a bare event (no data) when ballots are saved, resolved, counted or
 * published; the page then refetches what it shows. Bursts are coalesced, so two teams typing
 * fast cost at most a few refetches per second. Returns whether the stream is connected.
 */
export function useElectionEvents(id: number, enabled = true): boolean {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void qc.invalidateQueries({ queryKey: electionKeys.one(id) });
      }, 250);
    };
    const source = new EventSource(buildUrl(`/elections/${id}/events`));
    // After a reconnect, something may have happened while the stream was down.
    source.onopen = () => {
      setLive(true);
      refresh();
    };
    source.onerror = () => setLive(false);
    for (const type of EVENT_TYPES) source.addEventListener(type, refresh);
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
      setLive(false);
    };
  }, [id, enabled, qc]);

  return live;
}
