import { useEffect, useRef, useState } from 'react';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { buildUrl } from '../../lib/api.ts';
import { electionKeys } from './elections.api.ts';

export type ElectionEventType = 'entry' | 'resolved' | 'counted' | 'published';

/** Which queries an event makes stale, and how often at most they are refetched (ms). */
export type EventRoute = { types: ElectionEventType[]; keys: (id: number) => QueryKey[]; every: number };

const everything = (id: number) => [electionKeys.one(id)];

/**
 * Live pages: the server sends a bare event (no data) when ballots are saved, resolved, counted or
 * published; the page then refetches only what that event changes, at most once per `every` ms.
 * Two teams typing a ballot every two seconds must not turn every screen in the hall into a
 * stream of requests (they all come through the same address and share its rate limit).
 * Returns whether the stream is connected.
 */
export function useElectionEvents(id: number, routes: EventRoute[] | null = [{ types: ['entry', 'resolved', 'counted', 'published'], keys: everything, every: 1000 }]): boolean {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);
  // The routes are read when an event comes; a new array each render must not reconnect the stream.
  const routesRef = useRef(routes);
  routesRef.current = routes;
  const enabled = routes !== null && routes.length > 0;

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    // Per route (by its place in the list): a pending refetch, and when the last one ran.
    const timers = new Map<number, ReturnType<typeof setTimeout>>();
    const last = new Map<number, number>();
    const refresh = (index: number) => {
      const route = routesRef.current?.[index];
      if (!route || timers.has(index)) return;
      const wait = Math.max(0, (last.get(index) ?? 0) + route.every - Date.now());
      timers.set(
        index,
        setTimeout(() => {
          timers.delete(index);
          last.set(index, Date.now());
          for (const key of route.keys(id)) void qc.invalidateQueries({ queryKey: key });
        }, Math.max(wait, 100)),
      );
    };
    const onEvent = (type: ElectionEventType) => () => {
      (routesRef.current ?? []).forEach((route, i) => route.types.includes(type) && refresh(i));
    };
    const source = new EventSource(buildUrl(`/elections/${id}/events`));
    let opened = false;
    // After a reconnect, something may have happened while the stream was down.
    source.onopen = () => {
      setLive(true);
      if (opened) (routesRef.current ?? []).forEach((_, i) => refresh(i));
      opened = true;
    };
    source.onerror = () => setLive(false);
    for (const type of ['entry', 'resolved', 'counted', 'published'] as const) source.addEventListener(type, onEvent(type));
    return () => {
      for (const t of timers.values()) clearTimeout(t);
      source.close();
      setLive(false);
    };
  }, [id, enabled, qc]);

  return live;
}
