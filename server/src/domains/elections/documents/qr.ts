import QRCode from 'qrcode';

// QR codes drawn as vector rectangles (one per run of dark modules in a row), so
// they stay sharp at any printer resolution. The quiet zone (4 modules, ISO/IEC 18004)
// is part of the drawing: nothing else can be printed into it.

export const QR_QUIET_ZONE = 4;

/** The content of a ballot's QR code: election, round, serial. */
export type BallotQrPayload = { e: number; r: number; s: number };

export function ballotQrText(electionId: number, round: number, serial: number): string {
  const payload: BallotQrPayload = { e: electionId, r: round, s: serial };
  return JSON.stringify(payload);
}

export type QrMatrix = { size: number; dark: (row: number, col: number) => boolean };

export function qrMatrix(text: string): QrMatrix {
  // Level M restores up to 15 % of the modules: a stamp or a fold over a corner is fine.
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  return { size, dark: (r, c) => data[r * size + c] === 1 };
}

/** Runs of dark modules, row by row, in module units with the quiet zone added. */
export function qrRuns(text: string): { modules: number; runs: { x: number; y: number; w: number }[] } {
  const m = qrMatrix(text);
  const runs: { x: number; y: number; w: number }[] = [];
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && m.dark(r, c)) c++;
      runs.push({ x: start + QR_QUIET_ZONE, y: r + QR_QUIET_ZONE, w: c - start });
    }
  }
  return { modules: m.size + 2 * QR_QUIET_ZONE, runs };
}
