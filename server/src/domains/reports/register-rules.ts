/**
 * What makes a register entry consistent, pure. Each check returns the problems found, each
 * naming its field, so the service can refuse with REGISTER_ENTRY_INVALID and the form can
 * point at the field. The database has the same rules as CHECK constraints; these come first
 * so the user reads a sentence, not a constraint name.
 */
import { type DisciplineForm, disciplineFormLabels, disciplineFormsFor, type OversightKind, type OversightMode, type SubjectType } from '../../../../shared/src/contracts/reports.ts';

export type Issue = { field: string; code: string; message: string };

type Subject = { subjectType: SubjectType; subjectOrgId?: number | null | undefined; committeeMember: boolean };

function subjectIssues(e: Subject): Issue[] {
  const out: Issue[] = [];
  if (e.subjectType === 'organization' && e.committeeMember) out.push({ field: 'committeeMember', code: 'NOT_A_MEMBER', message: '“Là cấp ủy viên” chỉ áp dụng cho đảng viên.' });
  if (e.subjectType === 'member' && e.subjectOrgId != null) out.push({ field: 'subjectOrgId', code: 'NOT_AN_ORGANIZATION', message: 'Đối tượng là đảng viên thì không chọn tổ chức đảng.' });
  return out;
}

export function oversightIssues(e: Subject & { kind: OversightKind; mode: OversightMode }): Issue[] {
  const out = subjectIssues(e);
  if (e.kind === 'supervision' && e.mode === 'violationSigns')
    out.push({ field: 'mode', code: 'MODE_NOT_FOR_SUPERVISION', message: 'Giám sát chỉ có thường xuyên hoặc chuyên đề; “khi có dấu hiệu vi phạm” là kiểm tra.' });
  return out;
}

export function disciplineIssues(e: Subject & { form: DisciplineForm }): Issue[] {
  const out = subjectIssues(e);
  if (!disciplineFormsFor[e.subjectType].includes(e.form))
    out.push({
      field: 'form',
      code: 'FORM_NOT_FOR_SUBJECT',
      message: `Hình thức “${disciplineFormLabels[e.form]}” không áp dụng cho ${e.subjectType === 'member' ? 'đảng viên' : 'tổ chức đảng'} (Điều lệ Đảng: ${disciplineFormsFor[e.subjectType].map((f) => disciplineFormLabels[f].toLowerCase()).join(', ')}).`,
    });
  return out;
}

export function studySessionIssues(e: { heldFrom: string; heldTo: string; expected: number; attended: number }): Issue[] {
  const out: Issue[] = [];
  if (e.heldTo < e.heldFrom) out.push({ field: 'heldTo', code: 'OUT_OF_ORDER', message: 'Ngày kết thúc trước ngày bắt đầu.' });
  if (e.attended > e.expected) out.push({ field: 'attended', code: 'MORE_THAN_EXPECTED', message: 'Số dự học lớn hơn số phải học.' });
  return out;
}
