import { Worker } from 'node:worker_threads';
import { ballotsPdf, type BallotElection, type BallotPrintRange } from './ballot-pdf.ts';

// Laying out ballots is synchronous CPU work in pdfmake: about 7 ms a ballot for a list of
// 72 names, so a run of 2,000 ballots would hold the event loop for ~20 s while entry
// teams of other elections are saving ballots. Large runs therefore go to a worker
// thread, one at a time (a run may need about 1 GB while it is laid out).

/** Up to this many ballots are laid out in the request itself (well under a second). */
export const INLINE_BALLOTS = 60;

let queue: Promise<unknown> = Promise.resolve();

function inWorker(election: BallotElection, range: BallotPrintRange): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const worker = new Worker(new URL('./ballot-worker.boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./ballot-worker.ts', import.meta.url).href, election, range },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    let settled = false;
    worker.once('message', (m: { ok: true; pdf: Uint8Array } | { ok: false; message: string }) => {
      settled = true;
      if (m.ok) resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
      else reject(new Error(m.message));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`ballot worker exited with code ${code}`));
      settled = true;
    });
  });
}

/** The ballots as a PDF; large runs are laid out off the event loop, one run at a time. */
export function printBallots(election: BallotElection, range: BallotPrintRange): Promise<Buffer> {
  if (range.count <= INLINE_BALLOTS) return ballotsPdf(election, range);
  // Plain data only crosses to the worker.
  const plain: BallotElection = {
    id: election.id,
    orgName: election.orgName,
    congressKind: election.congressKind,
    title: election.title,
    seats: election.seats,
    alternateSeats: election.alternateSeats,
    round: { number: election.round.number, purpose: election.round.purpose, ballotSeats: election.round.ballotSeats },
    candidates: election.candidates.map((c) => ({ position: c.position, fullName: c.fullName })),
  };
  const run = queue.then(() => inWorker(plain, range));
  queue = run.catch(() => undefined);
  return run;
}
