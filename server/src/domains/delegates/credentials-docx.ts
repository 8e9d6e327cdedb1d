import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatDateVi, formatNumberVi } from '../../../../shared/src/format.ts';
import {
  credentialCheckLabels,
  credentialChecks,
  type Register,
  notSummonedLabels,
  rejectionLabels,
  substitutionLabels,
} from '../../../../shared/src/contracts/delegates.ts';
import { DOCX_FONT, DOCX_LINE } from '../elections/documents/minutes-docx.ts';

// The credentials committee's report (báo cáo thẩm tra tư cách đại biểu), read to the congress
// before it votes to accept the delegates (Charter Đ11 K5). Same typography as the minutes:
// Times New Roman 13 pt, line spacing 1.2 for stacked diacritics.

const SIZE = 26;
const t = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, font: DOCX_FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics });
const p = (children: TextRun[], align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.JUSTIFIED, after = 80) =>
  new Paragraph({ children, alignment: align, spacing: { line: DOCX_LINE, lineRule: LineRuleType.AUTO, after } });
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cell = (text: string, bold = false, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT) =>
  new TableCell({ children: [p([t(text, { bold, size: 24 })], align, 0)], borders: { top: thin, bottom: thin, left: thin, right: thin } });

export async function credentialsReportDocx(reg: Register, today: string): Promise<Buffer> {
  const ds = reg.delegates;
  const summoned = ds.filter((d) => d.summoned);
  const n = (x: number) => formatNumberVi(x);
  const count = (k: string) => summoned.filter((d) => d.kind === k).length;
  const notSummoned = ds.filter((d) => d.notSummonedReason && d.kind !== 'alternate');
  const replaced = ds.filter((d) => d.replacedBy);
  const accepted = summoned.filter((d) => d.credentials === 'accepted');
  const rejected = ds.filter((d) => d.credentials === 'rejected');
  const pending = summoned.filter((d) => d.credentials === 'pending');
  const women = summoned.filter((d) => d.gender === 'female').length;
  const body: (Paragraph | Table)[] = [
    p([t('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true })], AlignmentType.RIGHT, 0),
    p([t(`ĐẠI HỘI ${reg.congress.org.name.toLocaleUpperCase('vi')}`, { bold: true })], AlignmentType.LEFT, 0),
    p([t('BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU', { bold: true })], AlignmentType.LEFT, 200),
    p([t('BÁO CÁO', { bold: true, size: 30 })], AlignmentType.CENTER, 0),
    p([t('Thẩm tra tư cách đại biểu dự đại hội', { bold: true })], AlignmentType.CENTER, 240),
    p([t('1. Số đại biểu được triệu tập', { bold: true })]),
    p([t(`Tổng số đại biểu chính thức được triệu tập: ${n(summoned.length)} đồng chí, gồm: ${n(count('exOfficio'))} đồng chí ủy viên Ban Chấp hành đương nhiên là đại biểu; ${n(count('official'))} đồng chí do đại hội cấp dưới bầu; ${n(count('appointed'))} đồng chí được chỉ định. Đại biểu nữ: ${n(women)} đồng chí.`)]),
  ];
  body.push(p([t('2. Các trường hợp không triệu tập, thay thế', { bold: true })]));
  if (notSummoned.length === 0 && replaced.length === 0) body.push(p([t('Không có.')]));
  for (const d of notSummoned) body.push(p([t(`– Đồng chí ${d.fullName} (đoàn ${d.delegation.name}): ${notSummonedLabels[d.notSummonedReason!]}${d.notSummonedNote ? `. ${d.notSummonedNote}` : ''}.`)]));
  for (const d of replaced)
    body.push(p([t(`– Đồng chí ${d.replacedBy!.fullName} (đại biểu dự khuyết) thay thế đồng chí ${d.fullName} (đoàn ${d.delegation.name}): ${d.substitutionReason ? substitutionLabels[d.substitutionReason] : ''}${d.substitutionNote ? `. ${d.substitutionNote}` : ''}.`)]));
  body.push(p([t('3. Kết quả thẩm tra', { bold: true })]));
  for (const c of credentialChecks) {
    const ok = summoned.filter((d) => d.credentialsChecks[c] === true).length;
    body.push(p([t(`– ${credentialCheckLabels[c]}: ${n(ok)}/${n(summoned.length)} đại biểu.`)]));
  }
  body.push(p([t(`Ban Thẩm tra tư cách đại biểu đề nghị đại hội biểu quyết công nhận tư cách ${n(accepted.length)} đại biểu.`, { bold: true })]));
  if (pending.length > 0) body.push(p([t(`Còn ${n(pending.length)} đại biểu chưa thẩm tra xong.`, { italics: true })]));
  if (rejected.length > 0) {
    body.push(p([t('Không công nhận tư cách đại biểu (Điều 11, khoản 5 Điều lệ Đảng):')]));
    for (const d of rejected) body.push(p([t(`– Đồng chí ${d.fullName} (đoàn ${d.delegation.name}): ${d.credentialsReason ? rejectionLabels[d.credentialsReason] : ''}${d.credentialsNote ? `. ${d.credentialsNote}` : ''}.`)]));
  }
  body.push(p([t('4. Đại biểu theo đoàn', { bold: true })], AlignmentType.LEFT, 120));
  body.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell('Đoàn đại biểu', true), cell('Phân bổ', true, AlignmentType.CENTER), cell('Chính thức', true, AlignmentType.CENTER), cell('Dự khuyết', true, AlignmentType.CENTER), cell('Được triệu tập', true, AlignmentType.CENTER)] }),
        ...reg.delegations.map(
          (g) =>
            new TableRow({
              children: [
                cell(g.org.id === reg.congress.org.id ? 'Ủy viên Ban Chấp hành (đương nhiên), chỉ định' : g.org.name),
                cell(g.allocated === null ? '—' : n(g.allocated), false, AlignmentType.CENTER),
                cell(n(g.officials), false, AlignmentType.CENTER),
                cell(n(g.alternates), false, AlignmentType.CENTER),
                cell(n(g.summoned), false, AlignmentType.CENTER),
              ],
            }),
        ),
      ],
    }),
  );
  body.push(p([t(`Ngày ${formatDateVi(today)}`, { italics: true })], AlignmentType.RIGHT, 0));
  body.push(p([t('TM. BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU', { bold: true })], AlignmentType.RIGHT, 0));
  body.push(p([t('TRƯỞNG BAN', { bold: true })], AlignmentType.RIGHT, 0));
  const doc = new Document({
    creator: 'Đại Hội',
    title: `Báo cáo thẩm tra tư cách đại biểu — ${reg.congress.org.name}`,
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children: body }],
  });
  return Packer.toBuffer(doc);
}
