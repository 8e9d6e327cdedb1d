import type { Actor } from '../../platform/audit/audit.ts';
import { fail } from '../../platform/http/errors.ts';
import { type SheetSpec, writeWorkbook } from '../campaigns/dashboard-workbook.ts';
import { formatDateVi, formatNumberVi } from '../../../../shared/src/format.ts';
import {
  type Discipline,
  disciplineFormLabels,
  type Oversight,
  oversightKindLabels,
  oversightModeLabels,
  type RegisterQuery,
  type StudySession,
  subjectTypeLabels,
} from '../../../../shared/src/contracts/reports.ts';
import type { RegisterName, RegistersService } from './registers.service.ts';
import type { ResolutionsService } from './resolutions.service.ts';

const EXPORT_MAX_ROWS = 60_000;
const PAGE = 500;

/** Registers as Excel, with the dashboard export's formats (campaigns/dashboard-workbook.ts): text stays text. */
export function createRegisterExport(deps: { registers: RegistersService; resolutions: ResolutionsService }) {
  const { registers, resolutions } = deps;

  async function all<T>(page: (offset: number) => Promise<{ total: number; items: T[] }>): Promise<T[]> {
    const first = await page(0);
    if (first.total > EXPORT_MAX_ROWS) fail('EXPORT_TOO_LARGE', `Sổ có ${first.total.toLocaleString('vi-VN')} dòng, vượt ${EXPORT_MAX_ROWS.toLocaleString('vi-VN')}; hãy chọn phạm vi hoặc thời gian hẹp hơn.`);
    const out = [...first.items];
    for (let off = PAGE; off < first.total; off += PAGE) out.push(...(await page(off)).items);
    return out;
  }
  const periodText = (f: Omit<RegisterQuery, 'limit' | 'offset'>) => (f.from || f.to ? `Từ ${f.from ? formatDateVi(f.from) : '…'} đến ${f.to ? formatDateVi(f.to) : '…'}` : 'Toàn bộ thời gian');
  const yes = (b: boolean | null) => (b === null ? '' : b ? 'Có' : 'Không');

  const sheets: Record<RegisterName, (items: never[], f: Omit<RegisterQuery, 'limit' | 'offset'>) => SheetSpec> = {
    oversight: (items: Oversight[], f) => ({
      name: 'Kiểm tra, giám sát',
      title: f.kind ? `Sổ theo dõi ${oversightKindLabels[f.kind].toLowerCase()}` : 'Sổ theo dõi kiểm tra, giám sát',
      subtitle: `${periodText(f)} — ${items.length.toLocaleString('vi-VN')} dòng`,
      columns: [
        { header: 'Ngày', key: 'date', type: 'date' },
        { header: 'Loại', key: 'kind', width: 12 },
        { header: 'Hình thức', key: 'mode', width: 22 },
        { header: 'Đối tượng', key: 'subjectType', width: 14 },
        { header: 'Tên tổ chức / đảng viên', key: 'subject', width: 40 },
        { header: 'Cấp ủy viên', key: 'committee', width: 12 },
        { header: 'Đơn vị thực hiện', key: 'org', width: 36 },
        { header: 'Số quyết định', key: 'ref', width: 18 },
        { header: 'Có vi phạm', key: 'violation', width: 12 },
        { header: 'Kết luận', key: 'conclusion', width: 50 },
      ],
      rows: items.map((x) => ({
        date: x.startedOn,
        kind: oversightKindLabels[x.kind],
        mode: oversightModeLabels[x.mode],
        subjectType: subjectTypeLabels[x.subjectType],
        subject: x.subjectName,
        committee: x.subjectType === 'member' ? yes(x.committeeMember) : '',
        org: x.org.name,
        ref: x.decisionRef,
        violation: yes(x.violationFound),
        conclusion: x.conclusion,
      })),
    }),
    discipline: (items: Discipline[], f) => ({
      name: 'Kỷ luật',
      title: 'Sổ theo dõi thi hành kỷ luật',
      subtitle: `${periodText(f)} — ${items.length.toLocaleString('vi-VN')} dòng`,
      columns: [
        { header: 'Ngày quyết định', key: 'date', type: 'date' },
        { header: 'Đối tượng', key: 'subjectType', width: 14 },
        { header: 'Tên tổ chức / đảng viên', key: 'subject', width: 40 },
        { header: 'Cấp ủy viên', key: 'committee', width: 12 },
        { header: 'Hình thức', key: 'form', width: 14 },
        { header: 'Tổ chức quyết định', key: 'org', width: 36 },
        { header: 'Số quyết định', key: 'ref', width: 18 },
        { header: 'Lý do', key: 'reason', width: 50 },
      ],
      rows: items.map((x) => ({
        date: x.decidedOn,
        subjectType: subjectTypeLabels[x.subjectType],
        subject: x.subjectName,
        committee: x.subjectType === 'member' ? yes(x.committeeMember) : '',
        form: disciplineFormLabels[x.form],
        org: x.org.name,
        ref: x.decisionRef,
        reason: x.reason,
      })),
    }),
    studySession: (items: StudySession[], f) => ({
      name: 'Học tập nghị quyết',
      title: 'Sổ theo dõi học tập, quán triệt nghị quyết',
      subtitle: `${periodText(f)} — ${items.length.toLocaleString('vi-VN')} đợt`,
      columns: [
        { header: 'Từ ngày', key: 'from', type: 'date' },
        { header: 'Đến ngày', key: 'to', type: 'date' },
        { header: 'Nội dung', key: 'title', width: 50 },
        { header: 'Tổ chức đảng', key: 'org', width: 36 },
        { header: 'Số phải học', key: 'expected', type: 'int' },
        { header: 'Số dự học', key: 'attended', type: 'int' },
        { header: 'Tỷ lệ', key: 'pct', type: 'pct' },
        { header: 'Ghi chú', key: 'note', width: 40 },
      ],
      rows: items.map((x) => ({ from: x.heldFrom, to: x.heldTo, title: x.title, org: x.org.name, expected: x.expected, attended: x.attended, pct: x.pct / 100, note: x.note })),
    }),
  };

  return {
    async export(actor: Actor, name: RegisterName, f: Omit<RegisterQuery, 'limit' | 'offset'>) {
      const items = await all((offset) => registers.list(actor, name, { ...f, limit: PAGE, offset }));
      const sheet = sheets[name](items as never[], f);
      const stamp = (f.to ?? f.from ?? '').replaceAll('-', '');
      return { fileName: `so-theo-doi-${name}${stamp ? `-${stamp}` : ''}.xlsx`, body: await writeWorkbook([sheet]) };
    },

    async exportResolutions(actor: Actor, f: Omit<RegisterQuery, 'limit' | 'offset'>) {
      const items = await all((offset) => resolutions.list(actor, { ...f, limit: PAGE, offset }));
      const statusVi = { achieved: 'Đạt', notYet: 'Chưa đạt', noData: 'Chưa có số liệu' } as const;
      const sheet: SheetSpec = {
        name: 'Chỉ tiêu nghị quyết',
        title: 'Sổ theo dõi chỉ tiêu nghị quyết',
        subtitle: `${periodText(f)} — ${items.length.toLocaleString('vi-VN')} nghị quyết`,
        columns: [
          { header: 'Nghị quyết', key: 'resolution', width: 40 },
          { header: 'Số, ký hiệu', key: 'ref', width: 16 },
          { header: 'STT', key: 'position', type: 'int' },
          { header: 'Chỉ tiêu', key: 'name', width: 50 },
          { header: 'Đơn vị', key: 'unit', width: 10 },
          // Targets may be fractional (8,5 %): written as Vietnamese text, since the shared writer formats numbers as whole.
          { header: 'Mục tiêu', key: 'target', width: 12 },
          { header: 'Thực hiện', key: 'value', width: 12 },
          { header: 'Số liệu ngày', key: 'asOf', type: 'date' },
          { header: 'So với mục tiêu', key: 'progress', type: 'pct' },
          { header: 'Đánh giá', key: 'status', width: 16 },
        ],
        rows: items.flatMap((r) =>
          r.targets.map((t) => ({
            resolution: r.title,
            ref: r.ref,
            position: t.position,
            name: t.name,
            unit: t.unit,
            target: formatNumberVi(t.targetValue, Number.isInteger(t.targetValue) ? 0 : 2),
            value: t.latest.value === null ? null : formatNumberVi(t.latest.value, Number.isInteger(t.latest.value) ? 0 : 2),
            asOf: t.latest.valueAsOf,
            progress: t.latest.progressPct === null ? null : t.latest.progressPct / 100,
            status: statusVi[t.latest.status],
          })),
        ),
      };
      return { fileName: 'so-theo-doi-chi-tieu-nghi-quyet.xlsx', body: await writeWorkbook([sheet]) };
    },
  };
}
export type RegisterExportService = ReturnType<typeof createRegisterExport>;
