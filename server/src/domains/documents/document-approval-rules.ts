// What the documents domain tells the congress approval checklist. Pure: no I/O.
import { type DocumentType, documentTypeLabels } from '../../../../shared/src/contracts/documents.ts';

/**
 * Documents a congress must have approved before the upper level approves the congress.
 * [U] No source lists them per level; the default follows the four contents of CT 35 / CT 45
 * (political report; the outgoing committee's self-review). Shown as "chưa xác nhận".
 */
export const requiredDocumentTypes: { types: DocumentType[]; confirmed: boolean; note: string } = {
  types: ['politicalReport', 'committeeReview'],
  confirmed: false,
  note: 'Danh mục văn kiện bắt buộc theo mặc định (báo cáo chính trị, báo cáo kiểm điểm của Ban Chấp hành) — chưa xác nhận theo văn bản hướng dẫn.',
};

export type DocFact = { docType: DocumentType; title: string; approvedVersionNo: number | null; latestVersionNo: number | null };
type Item = { source: string; key: string; label: string; ok: boolean; detail: string | null; blocking: boolean };

export function documentApprovalItems(docs: readonly DocFact[], required: readonly DocumentType[]): Item[] {
  const items: Item[] = [];
  for (const t of required) {
    const ofType = docs.filter((d) => d.docType === t);
    const approved = ofType.find((d) => d.approvedVersionNo !== null);
    items.push({
      source: 'documents',
      key: `documents.${t}`,
      label: `${documentTypeLabels[t]} đã được thông qua (chưa xác nhận)`,
      ok: approved !== undefined,
      detail: approved
        ? `“${approved.title}”, bản số ${approved.approvedVersionNo}${approved.latestVersionNo !== null && approved.latestVersionNo > approved.approvedVersionNo! ? ` (đã có bản số ${approved.latestVersionNo} mới hơn)` : ''}`
        : ofType.length > 0
          ? `Có ${ofType.length} văn kiện, chưa có bản nào được thông qua`
          : 'Chưa có văn kiện',
      blocking: true,
    });
  }
  // Other documents are listed for information: not required, never blocking.
  for (const d of docs.filter((x) => !required.includes(x.docType))) {
    items.push({
      source: 'documents',
      key: `documents.other.${d.docType}.${d.title}`,
      label: `${documentTypeLabels[d.docType]}: “${d.title}”`,
      ok: d.approvedVersionNo !== null,
      detail: d.approvedVersionNo !== null ? `Bản số ${d.approvedVersionNo} đã được thông qua` : 'Chưa thông qua',
      blocking: false,
    });
  }
  return items;
}
