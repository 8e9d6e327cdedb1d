/**
 * The congress lifecycle, pure: planned → documents ready → personnel ready → approved by
 * the upper level (duyệt đại hội) → held → results approved (chuẩn y) → closed. A
 * postponement changes the dates, never the status. Held before approval only with a
 * recorded override reason; a closed congress is never edited.
 */
export const congressStatuses = ['planned', 'documentsReady', 'personnelReady', 'approved', 'held', 'resultsApproved', 'closed', 'cancelled'] as const;
export type CongressStatus = (typeof congressStatuses)[number];

const preHeld: readonly CongressStatus[] = ['planned', 'documentsReady', 'personnelReady', 'approved'];
export const heldStatuses: readonly CongressStatus[] = ['held', 'resultsApproved', 'closed'];

export const isPreHeld = (s: CongressStatus) => preHeld.includes(s);
export const isHeld = (s: CongressStatus) => heldStatuses.includes(s);

export type TransitionKind = 'forward' | 'back' | 'heldWithoutApproval' | 'cancel' | 'restore';
export type TransitionError = 'CONGRESS_CLOSED' | 'CONGRESS_NOT_APPROVED' | 'CONGRESS_TRANSITION_INVALID' | 'CONGRESS_REASON_REQUIRED';
export type TransitionCheck = { ok: true; kind: TransitionKind } | { ok: false; code: TransitionError; message: string };

const statusLabel: Record<CongressStatus, string> = {
  planned: 'Đã có kế hoạch',
  documentsReady: 'Đã chuẩn bị xong văn kiện',
  personnelReady: 'Đã chuẩn bị xong nhân sự',
  approved: 'Cấp trên đã duyệt',
  held: 'Đã tổ chức',
  resultsApproved: 'Đã chuẩn y kết quả',
  closed: 'Đã kết thúc',
  cancelled: 'Không tổ chức',
};
export const congressStatusLabel = (s: CongressStatus) => statusLabel[s];

const invalid = (from: CongressStatus, to: CongressStatus): TransitionCheck => ({
  ok: false,
  code: 'CONGRESS_TRANSITION_INVALID',
  message: `Không thể chuyển từ "${statusLabel[from]}" sang "${statusLabel[to]}".`,
});

/** What may follow `from`, and what it needs: a reason (going back, cancelling) or an override reason. */
export function checkTransition(from: CongressStatus, to: CongressStatus, opts: { reason?: string | null; overrideReason?: string | null } = {}): TransitionCheck {
  const reason = opts.reason?.trim() ?? '';
  const override = opts.overrideReason?.trim() ?? '';
  if (from === 'closed') return { ok: false, code: 'CONGRESS_CLOSED', message: 'Đại hội đã kết thúc hồ sơ, không thể thay đổi.' };
  if (from === to) return invalid(from, to);
  if (from === 'cancelled') {
    if (to !== 'planned') return invalid(from, to);
    return reason ? { ok: true, kind: 'restore' } : { ok: false, code: 'CONGRESS_REASON_REQUIRED', message: 'Khôi phục đại hội phải ghi lý do.' };
  }
  if (to === 'cancelled') {
    if (!isPreHeld(from)) return invalid(from, to);
    return reason ? { ok: true, kind: 'cancel' } : { ok: false, code: 'CONGRESS_REASON_REQUIRED', message: 'Không tổ chức đại hội phải ghi lý do (ví dụ: tổ chức đảng đã hợp nhất).' };
  }
  const i = preHeld.indexOf(from);
  const j = preHeld.indexOf(to);
  if (i >= 0 && j >= 0) {
    if (j === i + 1) return { ok: true, kind: 'forward' };
    if (j < i) return reason ? { ok: true, kind: 'back' } : { ok: false, code: 'CONGRESS_REASON_REQUIRED', message: 'Trả lại bước trước phải ghi lý do.' };
    return { ok: false, code: 'CONGRESS_TRANSITION_INVALID', message: `Phải qua bước "${statusLabel[preHeld[i + 1]!]}" trước.` };
  }
  if (to === 'held') {
    if (from === 'approved') return { ok: true, kind: 'forward' };
    if (i >= 0) {
      return override
        ? { ok: true, kind: 'heldWithoutApproval' }
        : { ok: false, code: 'CONGRESS_NOT_APPROVED', message: 'Đại hội chưa được cấp trên duyệt. Chỉ được ghi nhận đã tổ chức khi ghi rõ lý do ngoại lệ.' };
    }
    return invalid(from, to);
  }
  if (from === 'held' && to === 'resultsApproved') return { ok: true, kind: 'forward' };
  if (from === 'resultsApproved' && to === 'closed') return { ok: true, kind: 'forward' };
  return invalid(from, to);
}

/** Steps the upper level takes: approving the congress and approving (chuẩn y) its results. */
export const needsUpperLevel = (to: CongressStatus) => to === 'approved' || to === 'resultsApproved';

export type NextStep = { to: CongressStatus; needs: 'nothing' | 'reason' | 'override' };

export function nextSteps(from: CongressStatus): NextStep[] {
  const out: NextStep[] = [];
  for (const to of congressStatuses) {
    const probe = checkTransition(from, to);
    if (probe.ok) out.push({ to, needs: 'nothing' });
    else if (probe.code === 'CONGRESS_REASON_REQUIRED') out.push({ to, needs: 'reason' });
    else if (probe.code === 'CONGRESS_NOT_APPROVED') out.push({ to, needs: 'override' });
  }
  return out;
}

/** Dates may change freely (no reason) before the upper level approves; after, only by postponement. */
export const canRescheduleFreely = (s: CongressStatus) => s === 'planned' || s === 'documentsReady' || s === 'personnelReady';
export const canPostpone = (s: CongressStatus) => isPreHeld(s);
export const canEditPlan = (s: CongressStatus) => isPreHeld(s);
