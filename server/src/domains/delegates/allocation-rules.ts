// Allocation of a delegates' congress' elected seats among its subordinate organizations
// (election-rules.md §2.5, QĐ 29 mục 11.2: "căn cứ vào số lượng đảng viên, số lượng đảng bộ
// trực thuộc, vị trí quan trọng"). The formula the 13th National Congress used, with its
// figures as settings: base seats per organization + 1 per `membersPerSeat` members + 1 more
// when the remainder reaches `remainderThreshold`, plus extra seats for important units.
// Integers only: a convening committee checks every figure by hand.

export type AllocationSettings = {
  /** Seats every subordinate organization gets (XIII: 13). */
  basePerOrg: number;
  /** One more seat per this many members (XIII: 12,000). */
  membersPerSeat: number;
  /** A remainder of at least this many members adds one seat (XIII: 6,001); null: no remainder seat. */
  remainderThreshold: number | null;
  /** Probationary members counted with full members (XIII counted "đảng viên"). */
  countProbationary: boolean;
};

export const XIII_NATIONAL_SETTINGS: AllocationSettings = { basePerOrg: 13, membersPerSeat: 12_000, remainderThreshold: 6_001, countProbationary: true };

export type AllocationSettingsIssue = { field: keyof AllocationSettings; code: 'NOT_A_COUNT' | 'THRESHOLD_OUT_OF_RANGE'; message: string };

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

export function checkSettings(s: AllocationSettings): AllocationSettingsIssue[] {
  const out: AllocationSettingsIssue[] = [];
  if (!isCount(s.basePerOrg)) out.push({ field: 'basePerOrg', code: 'NOT_A_COUNT', message: 'Số đại biểu cơ bản của mỗi đảng bộ phải là số nguyên không âm.' });
  if (!isCount(s.membersPerSeat) || s.membersPerSeat < 1)
    out.push({ field: 'membersPerSeat', code: 'NOT_A_COUNT', message: 'Số đảng viên cho mỗi đại biểu phải là số nguyên dương.' });
  if (s.remainderThreshold !== null) {
    if (!isCount(s.remainderThreshold) || s.remainderThreshold < 1)
      out.push({ field: 'remainderThreshold', code: 'NOT_A_COUNT', message: 'Ngưỡng số dư phải là số nguyên dương.' });
    else if (isCount(s.membersPerSeat) && s.membersPerSeat >= 1 && s.remainderThreshold >= s.membersPerSeat)
      out.push({ field: 'remainderThreshold', code: 'THRESHOLD_OUT_OF_RANGE', message: 'Ngưỡng số dư phải nhỏ hơn số đảng viên cho mỗi đại biểu.' });
  }
  return out;
}

export type FormulaSeats = { base: number; perQuota: number; remainder: number; remainderSeat: 0 | 1; seats: number };

/** The formula for one organization, with each term, so the page can show the arithmetic. */
export function formulaSeats(members: number, s: AllocationSettings): FormulaSeats {
  const remainder = members % s.membersPerSeat;
  const perQuota = (members - remainder) / s.membersPerSeat;
  const remainderSeat: 0 | 1 = s.remainderThreshold !== null && remainder >= s.remainderThreshold ? 1 : 0;
  return { base: s.basePerOrg, perQuota, remainder, remainderSeat, seats: s.basePerOrg + perQuota + remainderSeat };
}

export type AllocationOrg = { orgId: number; fullMembers: number; probationaryMembers: number; extraSeats?: number };
export type AllocationLine = { orgId: number; members: number; formula: FormulaSeats; formulaSeats: number; extraSeats: number; seats: number };

export const countedMembers = (o: Pick<AllocationOrg, 'fullMembers' | 'probationaryMembers'>, s: AllocationSettings) =>
  o.fullMembers + (s.countProbationary ? o.probationaryMembers : 0);

export function computeAllocation(orgs: readonly AllocationOrg[], s: AllocationSettings): AllocationLine[] {
  return orgs.map((o) => {
    const members = countedMembers(o, s);
    const formula = formulaSeats(members, s);
    const extraSeats = o.extraSeats ?? 0;
    return { orgId: o.orgId, members, formula, formulaSeats: formula.seats, extraSeats, seats: formula.seats + extraSeats };
  });
}

export type SeatEdit = { orgId: number; seats: number; reason?: string | null };
export type RecordedLine = { orgId: number; formulaSeats: number; extraSeats: number; seats: number; adjustReason: string | null };
export type AllocationIssue = { orgId?: number; code: 'ALLOCATION_NEEDS_REASON' | 'ALLOCATION_UNKNOWN_ORG' | 'ALLOCATION_NOT_A_COUNT'; message: string };

/** Applies hand edits: a seat count other than formula + extra needs a reason. */
export function applyEdits(lines: readonly Pick<AllocationLine, 'orgId' | 'formulaSeats' | 'extraSeats' | 'seats'>[], edits: readonly SeatEdit[]): { lines: RecordedLine[]; issues: AllocationIssue[] } {
  const issues: AllocationIssue[] = [];
  const byOrg = new Map(edits.map((e) => [e.orgId, e]));
  const known = new Set(lines.map((l) => l.orgId));
  for (const e of edits) if (!known.has(e.orgId)) issues.push({ orgId: e.orgId, code: 'ALLOCATION_UNKNOWN_ORG', message: 'Tổ chức không thuộc danh sách phân bổ của đại hội.' });
  const out = lines.map((l): RecordedLine => {
    const e = byOrg.get(l.orgId);
    if (!e) return { orgId: l.orgId, formulaSeats: l.formulaSeats, extraSeats: l.extraSeats, seats: l.seats, adjustReason: null };
    if (!isCount(e.seats)) {
      issues.push({ orgId: l.orgId, code: 'ALLOCATION_NOT_A_COUNT', message: 'Số đại biểu phải là số nguyên không âm.' });
      return { orgId: l.orgId, formulaSeats: l.formulaSeats, extraSeats: l.extraSeats, seats: l.seats, adjustReason: null };
    }
    const reason = e.reason?.trim() || null;
    const byFormula = l.formulaSeats + l.extraSeats;
    if (e.seats !== byFormula && !reason) issues.push({ orgId: l.orgId, code: 'ALLOCATION_NEEDS_REASON', message: `Số đại biểu khác công thức (${byFormula}) phải ghi lý do.` });
    return { orgId: l.orgId, formulaSeats: l.formulaSeats, extraSeats: l.extraSeats, seats: e.seats, adjustReason: e.seats === byFormula ? null : reason };
  });
  return { lines: out, issues };
}

export type AllocationTotals = { allocated: number; electedTotal: number | null; exOfficio: number; appointed: number; congressTotal: number; difference: number | null };

/** The figures of the whole congress; `difference` = allocated − decided total (0 when they agree). */
export function allocationTotals(lines: readonly { seats: number }[], t: { electedTotal: number | null; exOfficio: number; appointed: number }): AllocationTotals {
  const allocated = lines.reduce((s, l) => s + l.seats, 0);
  return {
    allocated,
    electedTotal: t.electedTotal,
    exOfficio: t.exOfficio,
    appointed: t.appointed,
    congressTotal: allocated + t.exOfficio + t.appointed,
    difference: t.electedTotal === null ? null : allocated - t.electedTotal,
  };
}

/** A message for totals that do not add up, or null. */
export function totalsMismatch(t: AllocationTotals): string | null {
  if (t.difference === null || t.difference === 0) return null;
  return t.difference > 0
    ? `Tổng số đại biểu phân bổ (${t.allocated}) vượt số đại biểu bầu đã quyết định (${t.electedTotal}) ${t.difference} đại biểu.`
    : `Tổng số đại biểu phân bổ (${t.allocated}) còn thiếu ${-t.difference} so với số đại biểu bầu đã quyết định (${t.electedTotal}).`;
}
