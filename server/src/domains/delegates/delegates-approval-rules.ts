// What the delegates domain tells the congress approval checklist (duyệt đại hội). Pure: no I/O.
// Only a delegates' congress has items: a members' congress has no allocation and no delegations.
import type { ApprovalCheckItem } from '../campaigns/approval-rules.ts';
import { formatNumberVi } from '../../../../shared/src/format.ts';
import { viCollator } from '../../../../shared/src/text.ts';

export type DelegatesApprovalFacts = {
  form: 'members' | 'delegates';
  /** The convening organization's active, directly subordinate organizations. */
  subordinates: readonly { id: number; name: string }[];
  /** The recorded allocation; null when none was saved. */
  allocation: null | { decisionRef: string | null; lines: readonly { orgId: number; name: string; seats: number }[] };
  /** Officials registered per delegation as the lower congresses elected them (promoted alternates excluded). */
  officials: readonly { orgId: number; name: string; count: number }[];
  /** Delegates whose credentials the committee reviews (summoned seats, not alternates), and how many are still pending or refused. */
  credentials: { toReview: number; pending: number; rejected: number };
  /**
   * One person holding places in two entries of the register (an elected arrival kept beside the
   * person's other seat), not yet settled: the person's name and each entry's delegation. Optional: none.
   */
  samePerson?: readonly { fullName: string; delegations: readonly string[] }[];
};

const SOURCE = 'delegates';
const LISTED = 8;

/** "A, B, C và 4 đoàn khác": long lists stay readable on the checklist card. */
function listed(parts: string[], noun: string): string {
  const shown = parts.slice(0, LISTED).join('; ');
  return parts.length > LISTED ? `${shown}; và ${formatNumberVi(parts.length - LISTED)} ${noun} khác` : shown;
}

export function delegatesApprovalItems(f: DelegatesApprovalFacts): ApprovalCheckItem[] {
  if (f.form !== 'delegates') return [];
  const items: ApprovalCheckItem[] = [];
  const byName = (a: { name: string }, b: { name: string }) => viCollator.compare(a.name, b.name);

  // The allocation: without it the lower congresses do not know how many delegates to elect.
  if (f.subordinates.length > 0) {
    const label = 'Phân bổ đại biểu cho các tổ chức đảng trực thuộc đã được quyết định';
    if (!f.allocation) {
      items.push({ source: SOURCE, key: 'allocation', label, ok: false, blocking: true, detail: `Chưa lưu phương án phân bổ đại biểu cho ${formatNumberVi(f.subordinates.length)} tổ chức đảng trực thuộc.` });
    } else {
      const inPlan = new Set(f.allocation.lines.map((l) => l.orgId));
      const current = new Set(f.subordinates.map((s) => s.id));
      // The tree moved on since the allocation was saved: new units have no seats, gone ones still hold some.
      const missing = f.subordinates.filter((s) => !inPlan.has(s.id)).sort(byName);
      const gone = f.allocation.lines.filter((l) => !current.has(l.orgId) && l.seats > 0).sort(byName);
      const total = f.allocation.lines.reduce((n, l) => n + l.seats, 0);
      const head = `${formatNumberVi(total)} đại biểu bầu cho ${formatNumberVi(f.allocation.lines.length)} tổ chức trực thuộc${f.allocation.decisionRef ? ` (${f.allocation.decisionRef})` : ''}.`;
      const notes = [
        missing.length ? `Chưa có trong phương án: ${listed(missing.map((m) => m.name), 'tổ chức')}.` : '',
        gone.length ? `Không còn trực thuộc nhưng vẫn được phân bổ: ${listed(gone.map((g) => g.name), 'tổ chức')}.` : '',
      ].filter(Boolean);
      items.push({
        source: SOURCE,
        key: 'allocation',
        label,
        ok: notes.length === 0,
        blocking: false,
        detail: notes.length ? `${head} ${notes.join(' ')} Cần lưu lại phương án phân bổ.` : head,
      });
    }
  }

  // Each delegation against its seats: a lower congress not yet held, or one that elected fewer (QĐ 294 mục 11.4.4 a).
  if (f.allocation) {
    const seats = new Map(f.allocation.lines.map((l) => [l.orgId, l]));
    const registered = new Map(f.officials.map((o) => [o.orgId, o]));
    const orgIds = new Set([...seats.keys(), ...registered.keys()]);
    const rows = [...orgIds]
      .map((id) => ({ name: seats.get(id)?.name ?? registered.get(id)!.name, seats: seats.get(id)?.seats ?? 0, officials: registered.get(id)?.count ?? 0 }))
      .filter((r) => r.seats !== r.officials)
      .sort(byName);
    // Delegations whose congress has not sent anyone yet are counted, not spelled out one by one.
    const differ = rows.filter((r) => r.officials > 0);
    const none = rows.filter((r) => r.officials === 0);
    const officials = f.officials.reduce((n, o) => n + o.count, 0);
    items.push({
      source: SOURCE,
      key: 'delegationSeats',
      label: 'Số đại biểu chính thức của các đoàn khớp số được phân bổ',
      ok: rows.length === 0,
      blocking: false,
      detail: rows.length
        ? [
            differ.length ? `${formatNumberVi(differ.length)} đoàn chưa khớp: ${listed(differ.map((r) => `${r.name} có ${formatNumberVi(r.officials)}, được phân bổ ${formatNumberVi(r.seats)}`), 'đoàn')}.` : '',
            none.length ? `${formatNumberVi(none.length)} đoàn chưa có đại biểu chính thức${none.length <= 3 ? `: ${none.map((r) => r.name).join('; ')}` : ''}.` : '',
          ]
            .filter(Boolean)
            .join(' ')
        : `${formatNumberVi(officials)} đại biểu chính thức, đúng số được phân bổ.`,
    });
  }

  // One person in two delegations: the summoned count (the quorum's and every election's base) is off by one until settled.
  const twice = f.samePerson ?? [];
  if (twice.length > 0) {
    items.push({
      source: SOURCE,
      key: 'samePerson',
      label: 'Mỗi người chỉ thuộc một đoàn đại biểu',
      ok: false,
      blocking: true,
      detail: `${formatNumberVi(twice.length)} trường hợp một người có tên ở hai nơi trong danh sách: ${listed(
        twice.map((t) => `${t.fullName} (${t.delegations.join('; ')})`),
        'trường hợp',
      )}. Cần xác định đoàn đúng, không triệu tập hoặc không công nhận tư cách ở nơi kia.`,
    });
  }

  const c = f.credentials;
  items.push({
    source: SOURCE,
    key: 'credentials',
    label: 'Tư cách đại biểu đã được thẩm tra',
    ok: c.toReview > 0 && c.pending === 0,
    blocking: false,
    detail:
      c.toReview === 0
        ? 'Chưa có đại biểu nào trong danh sách.'
        : c.pending > 0
          ? `Còn ${formatNumberVi(c.pending)}/${formatNumberVi(c.toReview)} đại biểu chưa được thẩm tra tư cách.`
          : `Đã thẩm tra ${formatNumberVi(c.toReview)} đại biểu${c.rejected ? `, ${formatNumberVi(c.rejected)} không được công nhận` : ''}.`,
  });
  return items;
}
