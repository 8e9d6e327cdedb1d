import { describe, expect, it } from 'vitest';
import { ballotsPdf, chooseBallotLayout, formOf, MAX_BALLOTS_PER_PRINT, QR_BOX, STAMP_BOX } from './ballot-pdf.ts';
import { ballotElectionFromView, defaultBallotCount, mayPrintBallots } from './from-view.ts';
import { CM } from './pdf.ts';
import { ballotQrText, QR_QUIET_ZONE, qrRuns } from './qr.ts';
import { committeeView, longListView, noSurplusView, secretaryView, setupView, tiedView, unfilledView } from './test-fixtures.ts';
import { hasTool, pdfPageCount, pdfQrCodes, pdfText, pdfWords } from './test-support.ts';

const poppler = hasTool('pdftotext') && hasTool('pdftoppm');
const zbar = poppler && hasTool('zbarimg');
if (!poppler) console.warn('pdftotext/pdftoppm (poppler-utils) not installed: ballot text and layout checks are skipped');
if (!zbar) console.warn('zbarimg (zbar-tools) not installed: the QR codes are not decoded');

const ballotOf = (v: ReturnType<typeof setupView>) => {
  const b = ballotElectionFromView(v);
  if (!b) throw new Error('no ballot');
  return b;
};

describe('which ballot is printed', () => {
  it('is the round awaiting votes: the first list before the vote, the tie-break list after a tie', () => {
    const first = ballotOf(setupView());
    expect(first.round).toEqual({ number: 1, purpose: 'first', ballotSeats: 10 });
    expect(first.candidates.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(formOf(first)).toBe('strike');

    // After the tie, the ballot lists only the tied, renumbered 1..k on their own paper.
    const tie = ballotOf(tiedView());
    expect(tie.round).toEqual({ number: 2, purpose: 'tieBreak', ballotSeats: 1 });
    expect(tie.candidates).toEqual([
      { position: 1, fullName: 'Lê Văn Cường' },
      { position: 2, fullName: 'Phạm Thị Dung' },
    ]);
  });

  it('is none when the election is closed or waits for the congress to decide', () => {
    expect(ballotElectionFromView(committeeView())).toBeNull();
    expect(ballotElectionFromView(unfilledView())).toBeNull();
  });

  it('has the four-column form without surplus, and for a single name', () => {
    expect(formOf(ballotOf(noSurplusView()))).toBe('agreeDisagree');
    expect(formOf(ballotOf(secretaryView()))).toBe('single');
  });

  it('is printed by organizers and the counting chief only; before entry, one per person summoned', () => {
    expect(mayPrintBallots({ me: { manage: false, chief: false } })).toBe(false);
    expect(mayPrintBallots({ me: { manage: true, chief: false } })).toBe(true);
    expect(defaultBallotCount({ status: 'setup', summoned: 50, present: null, ballotsIssued: null })).toBe(50);
    expect(defaultBallotCount({ status: 'entry', summoned: 50, present: 47, ballotsIssued: 46 })).toBe(46);
  });
});

describe('ballot layout', () => {
  it('puts short lists two to an A4 sheet and long lists one to a page, in columns, never past the page', () => {
    expect(chooseBallotLayout('strike', ballotOf(setupView()).candidates.map((c) => c.fullName)).perPage).toBe(2);
    expect(chooseBallotLayout('agreeDisagree', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']).perPage).toBe(2);
    const long = chooseBallotLayout('strike', ballotOf(longListView()).candidates.map((c) => c.fullName));
    expect(long).toMatchObject({ perPage: 1, columns: 3 });
    const central = chooseBallotLayout('strike', Array.from({ length: 220 }, (_, i) => `Nguyễn Thị Phương ${i}`));
    expect(central.perPage).toBe(1);
    expect(central.columns).toBe(4);
  });

  it('prints a QR code of at least 2 cm even for the longest payload', () => {
    const { modules } = qrRuns(ballotQrText(2_147_483_647, 1000, 1_000_000));
    const code = (QR_BOX * (modules - 2 * QR_QUIET_ZONE)) / modules;
    expect(code).toBeGreaterThanOrEqual(2 * CM);
    // The stamp box takes a round seal of 3.5 cm.
    expect(Math.min(STAMP_BOX.w, STAMP_BOX.h)).toBeGreaterThanOrEqual(3.5 * CM - 0.01);
  });

  it('refuses an empty or oversized print run', async () => {
    const b = ballotOf(setupView());
    await expect(ballotsPdf(b, { from: 1, count: 0 })).rejects.toThrow(RangeError);
    await expect(ballotsPdf(b, { from: 1, count: MAX_BALLOTS_PER_PRINT + 1 })).rejects.toThrow(RangeError);
    await expect(ballotsPdf(b, { from: 0, count: 1 })).rejects.toThrow(RangeError);
  });
});

describe('ballots PDF', () => {
  it('prints 3 strike-out ballots on 2 sheets with serials, names with diacritics and the stamp box top left', async () => {
    const pdf = await ballotsPdf(ballotOf(setupView()), { from: 1, count: 3 });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(2);
    if (!poppler) return;
    const text = pdfText(pdf);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ MÓNG CÁI');
    expect(text.match(/PHIẾU BẦU CỬ/g)).toHaveLength(3);
    for (const serial of ['Số: 0001', 'Số: 0002', 'Số: 0003']) expect(text).toContain(serial);
    expect(text).toContain('11. Dương Văn Phúc');
    expect(text).toContain('7. Đặng Văn Hùng');
    expect(text).toContain('(Bầu 10 đồng chí)');
    expect(text).not.toContain('Không đồng ý');

    // Geometry: on each half sheet the stamp box's label sits top left, the serial top right.
    const { words, pageWidth, pageHeight } = pdfWords(pdf);
    const stamps = words.filter((w) => w.text === 'Dấu');
    const serials = words.filter((w) => w.text === 'Số:');
    const titles = words.filter((w) => w.text === 'PHIẾU');
    expect(stamps).toHaveLength(3);
    for (const s of stamps) expect(s.xMin).toBeLessThan(pageWidth * 0.3);
    for (const s of serials) expect(s.xMin).toBeGreaterThan(pageWidth * 0.7);
    const top = stamps.filter((s) => s.page === 1).map((s) => s.yMin);
    expect(top.filter((y) => y < pageHeight * 0.25)).toHaveLength(1);
    expect(top.filter((y) => y > pageHeight * 0.5 && y < pageHeight * 0.75)).toHaveLength(1);
    // Each stamp label is above its ballot's first name line, and at the height of "PHIẾU BẦU CỬ".
    for (const s of stamps) expect(titles.some((t) => t.page === s.page && Math.abs(t.yMin - s.yMin) < 2 * CM)).toBe(true);
  });

  it('prints the four-column form when the list has no surplus', async () => {
    const pdf = await ballotsPdf(ballotOf(noSurplusView()), { from: 7, count: 1 });
    expect(pdfPageCount(pdf)).toBe(1);
    if (!poppler) return;
    const text = pdfText(pdf);
    expect(text).toMatch(/STT\s+Họ và tên\s+Đồng ý\s+Không đồng ý/);
    expect(text).toContain('Phạm Thị Dung');
    expect(text).toContain('Số: 0007');
  });

  it('says the round on a tie-break ballot and lists only the tied', async () => {
    const pdf = await ballotsPdf(ballotOf(tiedView()), { from: 1, count: 1 });
    if (!poppler) return;
    const text = pdfText(pdf);
    expect(text).toContain('Vòng 2: bầu lại giữa những người ngang phiếu');
    expect(text).toContain('1. Lê Văn Cường');
    expect(text).toContain('2. Phạm Thị Dung');
    expect(text).not.toContain('Nguyễn Văn An');
  });

  it('prints each name’s one-key code after it, small, when the election is typed by codes (ADR 0007)', async () => {
    const keyed = { ...ballotOf(setupView()), entryKeys: 'keys' as const };
    const pdf = await ballotsPdf(keyed, { from: 1, count: 1 });
    if (!poppler) return;
    const { words } = pdfWords(pdf);
    // Name 11 (Dương Văn Phúc) has the code "a", name 10 the code "0", on the name's own line, right of it.
    const phuc = words.find((w) => w.text === 'Phúc')!;
    const codeA = words.find((w) => w.text === 'a' && Math.abs(w.yMin - phuc.yMin) < 6)!;
    expect(codeA.xMin).toBeGreaterThan(phuc.xMax);
    const tenth = words.filter((w) => w.text === '10.')[0]!;
    expect(words.some((w) => w.text === '0' && Math.abs(w.yMin - tenth.yMin) < 6 && w.xMin > tenth.xMax)).toBe(true);
    // Without the setting nothing is added.
    const plainWords = pdfWords(await ballotsPdf(ballotOf(setupView()), { from: 1, count: 1 })).words;
    expect(plainWords.some((w) => w.text === 'a')).toBe(false);
  });

  it('prints the second group’s codes with their dot on the provincial list (ADR 0008)', async () => {
    const keyed = { ...ballotOf(longListView()), entryKeys: 'keys' as const };
    expect(keyed.entryKeys).toBe('keys');
    const pdf = await ballotsPdf(keyed, { from: 1, count: 1 });
    expect(pdfPageCount(pdf)).toBe(1);
    if (!poppler) return;
    const { words } = pdfWords(pdf);
    // Name 43 carries ".1" and name 53 ".a", each on its own name's line, right of it.
    for (const [no, code] of [['43.', '.1'], ['53.', '.a'], ['72.', '.t']] as const) {
      const number = words.find((w) => w.text === no)!;
      expect(words.some((w) => w.text === code && Math.abs(w.yMin - number.yMin) < 6 && w.xMin > number.xMax), `${no} ${code}`).toBe(true);
    }
  });

  it('falls back to the numbers for a round longer than the codes', () => {
    expect(ballotElectionFromView({ ...longListView(85, 70), entryKeys: 'keys' })!.entryKeys).toBe('numbers');
    expect(ballotElectionFromView({ ...longListView(84, 70), entryKeys: 'keys' })!.entryKeys).toBe('keys');
    expect(ballotElectionFromView({ ...setupView(), entryKeys: 'keys' })!.entryKeys).toBe('keys');
  });

  it('lays the provincial list of 72 names on one page per ballot', async () => {
    const pdf = await ballotsPdf(ballotOf(longListView()), { from: 1, count: 2 });
    expect(pdfPageCount(pdf)).toBe(2);
    if (!poppler) return;
    const page1 = pdfText(pdf, 1);
    expect(page1).toContain('72.');
    expect(page1).toContain('Số: 0001');
    expect(page1).not.toContain('Số: 0002');
  });

  it.skipIf(!zbar)('carries scannable QR codes {e, r, s} matching the printed serials', async () => {
    const pdf = await ballotsPdf(ballotOf(setupView()), { from: 41, count: 3 });
    // 100 dpi is a poor office scan; the codes must still read.
    const codes = pdfQrCodes(pdf, 100).map((c) => JSON.parse(c) as { e: number; r: number; s: number });
    expect(codes.sort((a, b) => a.s - b.s)).toEqual([
      { e: 12, r: 1, s: 41 },
      { e: 12, r: 1, s: 42 },
      { e: 12, r: 1, s: 43 },
    ]);
    const tie = await ballotsPdf(ballotOf(tiedView()), { from: 5, count: 1 });
    expect(pdfQrCodes(tie).map((c) => JSON.parse(c))).toEqual([{ e: 31, r: 2, s: 5 }]);
  });
});
