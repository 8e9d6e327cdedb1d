import { describe, expect, it } from 'vitest';
import { documentApprovalItems } from './document-approval-rules.ts';

describe('documents on the congress approval checklist', () => {
  it('a required type is ok once a version is approved; missing or unapproved blocks; others inform', () => {
    const items = documentApprovalItems(
      [
        { docType: 'politicalReport', title: 'Báo cáo chính trị', approvedVersionNo: 2, latestVersionNo: 3 },
        { docType: 'committeeReview', title: 'Kiểm điểm', approvedVersionNo: null, latestVersionNo: 1 },
        { docType: 'actionProgram', title: 'Chương trình hành động', approvedVersionNo: null, latestVersionNo: 1 },
      ],
      ['politicalReport', 'committeeReview', 'draftResolution'],
    );
    expect(items.map((i) => [i.key, i.ok, i.blocking])).toEqual([
      ['documents.politicalReport', true, true],
      ['documents.committeeReview', false, true],
      ['documents.draftResolution', false, true],
      ['documents.other.actionProgram.Chương trình hành động', false, false],
    ]);
    expect(items[0]!.detail).toContain('bản số 3 mới hơn');
    expect(items[2]!.detail).toBe('Chưa có văn kiện');
  });
});
