import { EventEmitter } from 'node:events';

/**
 * In-process notifications for live pages (entry counts, projector). One instance serves
 * one process; several instances would relay these through PostgreSQL LISTEN/NOTIFY.
 */
export function createElectionEvents() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit(electionId: number, event: { type: 'setup' | 'entry' | 'resolved' | 'counted' | 'published' }) {
      emitter.emit(String(electionId), event);
    },
    subscribe(electionId: number, listener: (e: { type: string }) => void): () => void {
      emitter.on(String(electionId), listener);
      return () => emitter.off(String(electionId), listener);
    },
  };
}
export type ElectionEvents = ReturnType<typeof createElectionEvents>;
