import type { RoundPurpose } from '../counting/index.ts';
import { effectiveEntryKeys, type EntryKeys } from '../../../../../shared/src/ballot-keys.ts';
import type { StoredResult } from '../round-result.ts';
import type { BallotElection } from './ballot-pdf.ts';
import type { EntryLogElection } from './entry-log.ts';
import type { MinutesElection } from './minutes-model.ts';

// From the election as ElectionsService.get presents it to the plain inputs of the
// generators. Pure: the routes fetch, these pick, the generators draw.

type RoundList = {
  number: number;
  purpose: RoundPurpose;
  ballotSeats: number;
  candidates: readonly { position: number; ballotNo: number; fullName: string }[];
};

/** The fields of the service's election view that the documents read. */
export type DocumentsView = MinutesElection &
  EntryLogElection & {
    status: 'setup' | 'entry' | 'counted' | 'published';
    /** The setting; the printed ballot shows codes only when every name of its round has one. */
    entryKeys: EntryKeys;
    /** What the election waits for; `next` is the round whose ballots are to be printed. */
    phase: { kind: string; next?: RoundList };
    round: RoundList | null;
    /** The latest round's result, when the viewer may see it. */
    result: StoredResult | null;
    /** Every counted round the viewer may see. */
    rounds: readonly StoredResult[];
    me: { manage: boolean; chief: boolean };
  };

/** The ballot of the round that awaits votes, or null when no round does. */
export function ballotElectionFromView(v: DocumentsView): BallotElection | null {
  const next = v.phase.kind === 'awaitingRound' ? v.phase.next : undefined;
  if (!next || next.candidates.length === 0) return null;
  return {
    id: v.id,
    orgName: v.orgName,
    congressKind: v.congressKind,
    title: v.title,
    seats: v.seats,
    alternateSeats: v.alternateSeats,
    round: { number: next.number, purpose: next.purpose, ballotSeats: next.ballotSeats },
    candidates: next.candidates.map((c) => ({ position: c.position, fullName: c.fullName })),
    entryKeys: effectiveEntryKeys(v.entryKeys, next.candidates.length),
  };
}

/**
 * The counted round the minutes are for: the given round, or by default the latest one
 * while the election is counted or published. Null when there is none to show.
 */
export function minutesResultFromView(v: DocumentsView, round?: number): StoredResult | null {
  if (round === undefined) {
    // No fallback to an earlier round: a null result means the viewer may not see it yet.
    if (v.status !== 'counted' && v.status !== 'published') return null;
    return v.result;
  }
  if (v.result && (v.result.round ?? 1) === round) return v.result;
  return v.rounds.find((r) => (r.round ?? 1) === round) ?? null;
}

/** Printing ballots is for those who run the election: its organizers and the counting chief. */
export function mayPrintBallots(v: Pick<DocumentsView, 'me'>): boolean {
  return v.me.manage || v.me.chief;
}

/** Default print run: the ballots issued in the round, else all who may vote. */
export function defaultBallotCount(v: Pick<DocumentsView, 'ballotsIssued' | 'present' | 'summoned' | 'status'>): number {
  // Before entry opens nothing is issued yet: print for everyone summoned.
  if (v.status === 'setup') return v.summoned;
  return v.ballotsIssued ?? v.present ?? v.summoned;
}
