import { parentPort, workerData } from 'node:worker_threads';
import { ballotsPdf, type BallotElection, type BallotPrintRange } from './ballot-pdf.ts';

// Runs in a worker thread (see ballot-print.ts): lays out a print run without blocking
// the server's event loop, then hands the bytes back without copying.
const job = workerData as { entry: string; election: BallotElection; range: BallotPrintRange };
try {
  const pdf = await ballotsPdf(job.election, job.range);
  const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
  parentPort!.postMessage({ ok: true, pdf: bytes }, [bytes.buffer]);
} catch (err) {
  parentPort!.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
