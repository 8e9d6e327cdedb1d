import { AlignmentType, convertMillimetersToTwip, Document, HeadingLevel, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { type CommentChannel, commentChannelLabels, responseKindLabels, type Theme } from '../../../../shared/src/contracts/documents.ts';
import { formatNumberVi } from '../../../../shared/src/format.ts';
import { dateVi, timeVi } from './vn-time.ts';
import { DOCX_FONT, DOCX_LINE } from '../elections/documents/minutes-docx.ts';

// The synthesis of comments as a Word document (Times New Roman 13 pt, line 1.2 for stacked
// diacritics), in the order of the draft's sections. Comment text is put into text runs only:
// the docx library escapes it as XML text, so "<script>" or "=SUM(…)" is printed as written.

export type SynthesisDocModel = {
  orgName: string;
  congressOrgName: string;
  title: string;
  documentTitle: string;
  versionNo: number;
  opensAt: Date;
  closesAt: Date;
  generatedAt: Date;
  totals: { total: number; visible: number; themed: number };
  byChannel: Record<CommentChannel, number>;
  wholeAudience: boolean;
  sections: { key: string; kind: 'heading' | 'paragraph'; text: string; total: number; visible: number; unthemed: number; themes: Theme[] }[];
};

const SIZE = 26;
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size ?? SIZE, font: DOCX_FONT });
const para = (children: TextRun[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; indent?: number; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {}) =>
  new Paragraph({
    children,
    heading: o.heading,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { line: DOCX_LINE, lineRule: LineRuleType.AUTO, before: o.before ?? 0, after: o.after ?? 80 },
    indent: o.indent ? { left: o.indent } : undefined,
  });

const excerpt = (s: string, n = 240) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export async function renderSynthesisDocx(m: SynthesisDocModel): Promise<Buffer> {
  const body: Paragraph[] = [
    para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true })], { align: AlignmentType.RIGHT }),
    para([run(m.orgName.toLocaleUpperCase('vi'), { bold: true })], { align: AlignmentType.LEFT }),
    para([run(`Ngày ${dateVi(m.generatedAt)}`, { italics: true })], { align: AlignmentType.RIGHT, after: 240 }),
    para([run('BÁO CÁO TỔNG HỢP Ý KIẾN GÓP Ý', { bold: true, size: 30 })], { align: AlignmentType.CENTER }),
    para([run(`${m.documentTitle} (bản dự thảo số ${m.versionNo})`, { bold: true })], { align: AlignmentType.CENTER }),
    para([run(`Đợt lấy ý kiến: ${m.title}, từ ${timeVi(m.opensAt)} đến ${timeVi(m.closesAt)}; văn kiện của ${m.congressOrgName}.`, { italics: true })], {
      align: AlignmentType.CENTER,
      after: 240,
    }),
    para([run('I. TÌNH HÌNH CHUNG', { bold: true })], { before: 120 }),
    para([
      run(
        `${m.wholeAudience ? 'Toàn bộ đối tượng được lấy ý kiến' : `Trong phạm vi ${m.orgName}`} đã gửi ${formatNumberVi(m.totals.total)} ý kiến; ${formatNumberVi(m.totals.visible)} ý kiến được tổng hợp (sau khi ẩn ý kiến không phù hợp và gộp ý kiến trùng), trong đó ${formatNumberVi(m.totals.themed)} ý kiến đã được xếp theo nhóm vấn đề.`,
      ),
    ]),
  ];
  if (m.wholeAudience) {
    const parts = (Object.keys(m.byChannel) as CommentChannel[]).filter((c) => m.byChannel[c] > 0).map((c) => `${commentChannelLabels[c]}: ${formatNumberVi(m.byChannel[c])}`);
    if (parts.length) body.push(para([run(`Theo kênh góp ý — ${parts.join('; ')}.`)]));
  }
  body.push(para([run('II. TỔNG HỢP THEO TỪNG PHẦN CỦA DỰ THẢO', { bold: true })], { before: 120 }));
  if (m.sections.length === 0) body.push(para([run('Chưa có ý kiến nào.', { italics: true })]));
  m.sections.forEach((s, i) => {
    body.push(
      para([run(`${i + 1}. ${s.kind === 'heading' ? s.text : `Đoạn “${excerpt(s.text, 160)}”`}`, { bold: true })], { before: 160 }),
      para([run(`${formatNumberVi(s.total)} ý kiến, ${formatNumberVi(s.visible)} được tổng hợp; ${formatNumberVi(s.themes.length)} nhóm vấn đề; ${formatNumberVi(s.unthemed)} ý kiến chưa xếp nhóm.`, { italics: true })]),
    );
    for (const t of s.themes) {
      body.push(para([run(`– ${t.title} `, { bold: true }), run(`(${formatNumberVi(t.count)} ý kiến${t.org.name !== m.orgName ? `; do ${t.org.name} tổng hợp` : ''})`)], { indent: 360 }));
      if (t.children.length)
        body.push(para([run(`Tổng hợp từ: ${t.children.map((c) => `${c.org.name} — “${c.title}” (${formatNumberVi(c.count)} ý kiến)`).join('; ')}.`, { italics: true })], { indent: 720 }));
      for (const q of t.quotes) body.push(para([run(`“${q.body}”`, { italics: true }), run(q.authorOrg ? ` (${q.authorOrg.name})` : q.authorName ? ` (${q.authorName})` : ' (nhân dân)')], { indent: 720 }));
      body.push(
        para([run('Tiếp thu, giải trình: ', { bold: true }), run(t.response ? `${responseKindLabels[t.response]}${t.responseText ? ` — ${t.responseText}` : ''}` : 'chưa có ý kiến trả lời.')], { indent: 720 }),
      );
    }
  });
  body.push(para([run('NƠI NHẬN', { bold: true, size: 22 })], { before: 360, align: AlignmentType.LEFT }), para([run('- Như trên; - Lưu Văn phòng.', { size: 22 })], { align: AlignmentType.LEFT }));
  const doc = new Document({
    creator: 'Đại Hội',
    title: `Tổng hợp ý kiến — ${m.documentTitle}`,
    styles: { default: { document: { run: { font: DOCX_FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(20) },
          },
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
