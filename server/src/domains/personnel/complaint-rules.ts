/**
 * Complaints and denunciations (đơn thư) about a person: received → assigned → verified →
 * concluded, one step at a time. Until concluded, the person cannot enter an approved list;
 * a conclusion that the complaint is founded keeps them out too. Pure: no I/O.
 */
export const complaintStatuses = ['received', 'assigned', 'verified', 'concluded'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];
export type ComplaintOutcome = 'unfounded' | 'partlyFounded' | 'founded';

export const complaintStatusLabels: Record<ComplaintStatus, string> = {
  received: 'Đã tiếp nhận',
  assigned: 'Đã giao xác minh',
  verified: 'Đã xác minh',
  concluded: 'Đã kết luận',
};
export const complaintOutcomeLabels: Record<ComplaintOutcome, string> = {
  unfounded: 'Không có cơ sở',
  partlyFounded: 'Có cơ sở một phần',
  founded: 'Có cơ sở',
};

/** The only move allowed from each status. */
export const nextStatus = (s: ComplaintStatus): ComplaintStatus | null => {
  const i = complaintStatuses.indexOf(s);
  return complaintStatuses[i + 1] ?? null;
};

export type ComplaintFacts = { id: number; status: ComplaintStatus; outcome: ComplaintOutcome | null; receivedOn: string; summary: string };

/** Why the person may not be on an approved list, or null. */
export function complaintBlock(complaints: readonly ComplaintFacts[]): string | null {
  const open = complaints.filter((c) => c.status !== 'concluded');
  if (open.length > 0) {
    const c = open[0]!;
    return `còn ${open.length} đơn thư chưa giải quyết xong (đơn nhận ngày ${c.receivedOn.split('-').reverse().join('/')}: ${complaintStatusLabels[c.status].toLowerCase()})`;
  }
  const founded = complaints.find((c) => c.outcome === 'founded');
  if (founded) return `đơn thư nhận ngày ${founded.receivedOn.split('-').reverse().join('/')} đã được kết luận có cơ sở`;
  return null;
}
