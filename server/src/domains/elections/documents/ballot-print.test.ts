import { describe, expect, it } from 'vitest';
import { ballotsPdf } from './ballot-pdf.ts';
import { INLINE_BALLOTS, printBallots } from './ballot-print.ts';
import { ballotElectionFromView } from './from-view.ts';
import { setupView } from './test-fixtures.ts';
import { hasTool, pdfPageCount, pdfText } from './test-support.ts';

/** Runs `fn` and reports the longest time the event loop went without turning meanwhile. */
async function longestStall<T>(fn: () => Promise<T>): Promise<{ value: T; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  try {
    const value = await fn();
    stall = Math.max(stall, performance.now() - last);
    return { value, stall };
  } finally {
    clearInterval(timer);
  }
}

describe('printing a large run off the event loop', () => {
  it('lays out the ballots in a worker thread while the event loop keeps turning', async () => {
    const ballot = ballotElectionFromView(setupView())!;
    // Small runs stay in the request; warm pdfmake up with one so it is not measured below.
    const small = await printBallots(ballot, { from: 900, count: 1 });
    expect(pdfPageCount(small)).toBe(1);

    const count = INLINE_BALLOTS * 2 + 1;
    const { value: big, stall } = await longestStall(() => printBallots(ballot, { from: 1, count }));
    expect(big.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(big)).toBe(Math.ceil(count / 2)); // two ballots a sheet
    // The same run laid out in this thread stalls the loop for its whole duration.
    const inline = await longestStall(() => ballotsPdf(ballot, { from: 1, count }));
    console.info(`event-loop stall for ${count} ballots: ${Math.round(stall)} ms in a worker, ${Math.round(inline.stall)} ms inline`);
    expect(inline.stall).toBeGreaterThan(stall);
    if (!hasTool('pdftotext')) return;
    const lastPage = pdfText(big, Math.ceil(count / 2));
    expect(lastPage).toContain(`Số: ${String(count).padStart(4, '0')}`);
    expect(lastPage).toContain('Dương Văn Phúc');
  }, 60_000);
});
