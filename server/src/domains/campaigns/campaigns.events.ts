import { EventEmitter } from 'node:events';

export type CampaignEvent = {
  type: 'congress' | 'campaign';
  congressId?: number;
  /** ltree path of the congress' organization: listeners outside it are not told. Never sent to clients. */
  orgPath: string;
  status?: string;
  at: number;
};

/**
 * In-process notifications for live dashboards, per campaign: every status change, schedule,
 * postponement emits one. One instance serves one process (as elections.events.ts); several
 * processes would relay through PostgreSQL LISTEN/NOTIFY.
 */
export function createCampaignEvents() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    emit(campaignId: number, event: Omit<CampaignEvent, 'at'>) {
      emitter.emit(String(campaignId), { ...event, at: Date.now() });
    },
    subscribe(campaignId: number, listener: (e: CampaignEvent) => void): () => void {
      emitter.on(String(campaignId), listener);
      return () => emitter.off(String(campaignId), listener);
    },
    listenerCount: (campaignId: number) => emitter.listenerCount(String(campaignId)),
  };
}
export type CampaignEvents = ReturnType<typeof createCampaignEvents>;
