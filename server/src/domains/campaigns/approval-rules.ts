/**
 * The congress approval checklist (duyệt đại hội), pure: what the upper level looks at before
 * approving. Every domain contributes items; an item that is `blocking` and not `ok` stops the
 * approval unless the approver records an override reason (like held-before-approval).
 */
import { formatDateVi, formatNumberVi } from '../../../../shared/src/format.ts';

export type ApprovalCheckItem = { source: string; key: string; label: string; ok: boolean; detail: string | null; blocking: boolean };

export type ApprovalVerdict = { items: ApprovalCheckItem[]; open: ApprovalCheckItem[]; ready: boolean };

/** Open = blocking and not satisfied. Items from sources keep their order; sources keep theirs. */
export function verdictOf(items: ApprovalCheckItem[]): ApprovalVerdict {
  const open = items.filter((i) => i.blocking && !i.ok);
  return { items, open, ready: open.length === 0 };
}

/** What the approval needs given the checklist and the override reason the approver typed. */
export function approvalDecision(v: ApprovalVerdict, overrideReason: string | null | undefined): { ok: true; overridden: ApprovalCheckItem[] } | { ok: false; open: ApprovalCheckItem[] } {
  if (v.ready) return { ok: true, overridden: [] };
  return (overrideReason?.trim() ?? '') ? { ok: true, overridden: v.open } : { ok: false, open: v.open };
}

/** Facts of one congress the campaigns domain checks itself. */
export type CampaignApprovalFacts = {
  isPilot: boolean;
  plannedStart: string | null;
  plannedEnd: string | null;
  /** Rule breaches stored on the congress (already accepted with a reason when saved). */
  warnings: { code: string; message: string }[];
  warningsAcceptedReason: string | null;
  noticeDate: string | null;
  noticeWorkingDays: number | null;
  noticeNeeded: number;
  noticeLatest: string | null;
  /** Lessons recorded by the pilots of the same level (0 when none yet). */
  pilotLessons: number;
  /** How many of those lessons were there when the congress last confirmed reading them; null = never. */
  lessonsReadCount: number | null;
  lessonsReadBy: string | null;
  epidemicPlanActive: boolean;
  sessions: { preparatory: number; official: number };
};

const SOURCE = 'campaigns';
const dateRange = (s: string, e: string | null) => (e && e !== s ? `${formatDateVi(s)}–${formatDateVi(e)}` : formatDateVi(s));

const scheduleCodes = new Set(['DEADLINE_MISSED', 'TARGET_MISSED', 'BEFORE_WINDOW', 'DURATION_OVER_LIMIT', 'PREPARATORY_OVER_LIMIT']);

export function campaignApprovalItems(f: CampaignApprovalFacts): ApprovalCheckItem[] {
  const items: ApprovalCheckItem[] = [];

  // A breach accepted with a reason when the dates were saved is shown, not blocked again: the reason is on record.
  const breaches = f.warnings.filter((w) => scheduleCodes.has(w.code));
  items.push({
    source: SOURCE,
    key: 'dates',
    label: 'Ngày tổ chức đã định, trong thời hạn và thời gian tối đa của cấp',
    ok: f.plannedStart !== null && breaches.length === 0,
    blocking: f.plannedStart === null,
    detail:
      f.plannedStart === null
        ? 'Chưa định ngày khai mạc.'
        : breaches.length === 0
          ? `Dự kiến ${dateRange(f.plannedStart, f.plannedEnd)}.`
          : `Dự kiến ${dateRange(f.plannedStart, f.plannedEnd)}. ${breaches.map((b) => b.message).join(' ')}${f.warningsAcceptedReason ? ` Lý do đã ghi: ${f.warningsAcceptedReason}` : ''}`,
  });

  if (f.noticeNeeded > 0) {
    const short = f.noticeDate !== null && f.noticeWorkingDays !== null && f.noticeWorkingDays < f.noticeNeeded;
    items.push({
      source: SOURCE,
      key: 'notice',
      label: `Đã thông báo ngày khai mạc trước ít nhất ${formatNumberVi(f.noticeNeeded)} ngày làm việc`,
      ok: f.noticeDate !== null && !short,
      blocking: f.noticeDate === null,
      detail:
        f.noticeDate === null
          ? `Chưa ghi nhận ngày thông báo${f.noticeLatest ? `; hạn chậm nhất ${formatDateVi(f.noticeLatest)}` : ''}.`
          : `Thông báo ngày ${formatDateVi(f.noticeDate)}${f.noticeWorkingDays !== null ? `, trước khai mạc ${formatNumberVi(f.noticeWorkingDays)} ngày làm việc` : ''}.${short && f.warningsAcceptedReason ? ` Lý do đã ghi: ${f.warningsAcceptedReason}` : ''}`,
    });
  }

  if (!f.isPilot) {
    const none = f.pilotLessons === 0;
    const read = f.lessonsReadCount !== null && f.lessonsReadCount >= f.pilotLessons;
    items.push({
      source: SOURCE,
      key: 'pilotLessons',
      label: 'Đã nghiên cứu bài học rút kinh nghiệm của đại hội điểm cùng cấp',
      ok: none || read,
      blocking: true,
      detail: none
        ? 'Chưa có đại hội điểm cùng cấp nào ghi bài học.'
        : read
          ? `Đã xác nhận đọc ${formatNumberVi(f.pilotLessons)} bài học${f.lessonsReadBy ? ` (${f.lessonsReadBy})` : ''}.`
          : f.lessonsReadCount === null
            ? `Có ${formatNumberVi(f.pilotLessons)} bài học chưa được xác nhận đã đọc.`
            : `Có ${formatNumberVi(f.pilotLessons - f.lessonsReadCount)} bài học mới từ sau lần xác nhận trước.`,
    });
  }

  if (f.epidemicPlanActive) {
    const n = f.sessions.preparatory + f.sessions.official;
    items.push({
      source: SOURCE,
      key: 'safetyPlan',
      label: 'Có phương án phòng, chống dịch cho từng phiên họp',
      ok: f.sessions.official > 0,
      blocking: true,
      detail:
        n === 0
          ? 'Chưa lên các phiên họp để kiểm tra biện pháp phòng dịch.'
          : `${formatNumberVi(f.sessions.preparatory)} phiên trù bị, ${formatNumberVi(f.sessions.official)} phiên chính thức${f.sessions.official === 0 ? '; chưa có phiên chính thức.' : '.'}`,
    });
  }
  return items;
}
