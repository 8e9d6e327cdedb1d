// Demo data of issue 6 (documents and consultation): the draft political report of the
// provincial congress (two versions, the second approved), a consultation round open to members,
// organizations and the public, a few hundred comments generated from templates, and part of
// the synthesis (province themes with responses, a Móng Cái theme rolled up into one of them).
import type { Db } from '../platform/db/db.ts';
import type { Services } from '../composition.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { documentsRepo, type NewComment } from '../domains/documents/documents.repository.ts';
import { hashBody } from '../domains/documents/consultations.service.ts';
import { mulberry32 } from './seed.ts';

export const demoDraftV1 = `BÁO CÁO CHÍNH TRỊ CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XIV TRÌNH ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XV
PHẦN THỨ NHẤT
I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI XIV ĐẢNG BỘ TỈNH, NHIỆM KỲ 2015 – 2020
1. Về phát triển kinh tế
Kinh tế của tỉnh tăng trưởng nhanh và bền vững, tốc độ tăng trưởng bình quân đạt 10,2%/năm; quy mô nền kinh tế tăng gấp 1,6 lần so với đầu nhiệm kỳ.
Hạ tầng giao thông chiến lược được đầu tư đồng bộ, hoàn thành các tuyến cao tốc, cảng hàng không quốc tế Vân Đồn, cảng tàu khách quốc tế Hạ Long.
Thu ngân sách nhà nước trên địa bàn luôn đứng trong nhóm dẫn đầu cả nước; môi trường đầu tư, kinh doanh được cải thiện rõ rệt.
2. Về văn hóa, xã hội, bảo vệ môi trường
Công tác giảm nghèo, bảo đảm an sinh xã hội được quan tâm; các huyện miền núi, hải đảo có nhiều đổi thay.
Chất lượng giáo dục, đào tạo, y tế được nâng lên; môi trường vịnh Hạ Long và các khu vực khai thác than được cải thiện.
3. Về công tác xây dựng Đảng và hệ thống chính trị
Công tác xây dựng Đảng về chính trị, tư tưởng, đạo đức được chú trọng; tổ chức bộ máy được sắp xếp tinh gọn, giảm đầu mối.
Mô hình bí thư chi bộ đồng thời là trưởng thôn, bản, khu phố theo phương châm "Dân tin, Đảng cử" được thực hiện 100%.
II. HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM
Một số chỉ tiêu chưa đạt; chất lượng nguồn nhân lực chưa đáp ứng yêu cầu phát triển; cải cách hành chính ở một số nơi còn chậm.
PHẦN THỨ HAI
I. PHƯƠNG HƯỚNG, MỤC TIÊU NHIỆM KỲ 2020 – 2025
Xây dựng Đảng bộ tỉnh trong sạch, vững mạnh; phát triển nhanh và bền vững dựa trên ba trụ cột: con người, thiên nhiên, văn hóa.
Phấn đấu tốc độ tăng trưởng kinh tế bình quân trên 10%/năm; đến năm 2025 Quảng Ninh là tỉnh dịch vụ, công nghiệp hiện đại.
II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
Đẩy mạnh chuyển đổi số, xây dựng chính quyền số; phát triển kinh tế biển, du lịch chất lượng cao.
Tập trung phát triển nguồn nhân lực chất lượng cao; chăm lo đời sống đồng bào vùng dân tộc thiểu số, miền núi, biên giới, hải đảo.
Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng; xây dựng đội ngũ cán bộ các cấp đủ phẩm chất, năng lực, uy tín.`;

/** The second draft: growth figure corrected, a paragraph on the epidemic added, one on resources sharpened. */
export const demoDraftV2 = demoDraftV1.replace('bình quân đạt 10,2%/năm', 'bình quân đạt 10,6%/năm')
  .replace(
    'Thu ngân sách nhà nước trên địa bàn luôn đứng trong nhóm dẫn đầu cả nước; môi trường đầu tư, kinh doanh được cải thiện rõ rệt.',
    'Thu ngân sách nhà nước trên địa bàn luôn đứng trong nhóm dẫn đầu cả nước; môi trường đầu tư, kinh doanh được cải thiện rõ rệt.\nỨng phó kịp thời, hiệu quả với dịch Covid-19, vừa phòng, chống dịch vừa phục hồi sản xuất, kinh doanh.',
  )
  .replace('Tập trung phát triển nguồn nhân lực chất lượng cao;', 'Tập trung phát triển nguồn nhân lực chất lượng cao, nhất là nhân lực cho chuyển đổi số và du lịch;');

const openers = ['Tôi đề nghị', 'Chi bộ thống nhất đề nghị', 'Đề nghị Ban soạn thảo', 'Tôi nhất trí với dự thảo, tuy nhiên đề nghị', 'Đảng bộ chúng tôi đề nghị', 'Qua thảo luận, đề nghị'];
const bySection: Record<string, string[]> = {
  economy: [
    'bổ sung phân tích nguyên nhân tăng trưởng cao để rút ra bài học',
    'làm rõ đóng góp của ngành than và khu vực dịch vụ vào tăng trưởng',
    'nêu rõ tác động của dịch Covid-19 đến các chỉ tiêu năm 2020',
    'đánh giá thêm hiệu quả các dự án hạ tầng lớn đã hoàn thành',
    'bổ sung số liệu so sánh với bình quân cả nước',
  ],
  society: [
    'đánh giá rõ hơn kết quả giảm nghèo ở các xã đặc biệt khó khăn',
    'bổ sung nội dung về chăm sóc sức khỏe nhân dân vùng biên giới, hải đảo',
    'nêu cụ thể kết quả xử lý ô nhiễm môi trường tại các khu khai thác than',
  ],
  party: [
    'bổ sung đánh giá về chất lượng sinh hoạt chi bộ',
    'nêu rõ kết quả thực hiện mô hình "Dân tin, Đảng cử" và bài học kinh nghiệm',
    'đánh giá thêm việc sắp xếp tổ chức bộ máy sau hợp nhất Hoành Bồ vào Hạ Long',
  ],
  limits: ['nêu rõ trách nhiệm của tập thể, cá nhân đối với các hạn chế', 'bổ sung hạn chế trong công tác cải cách thủ tục hành chính cấp xã'],
  goals: [
    'cân nhắc chỉ tiêu tăng trưởng trên 10%/năm cho phù hợp bối cảnh dịch bệnh',
    'bổ sung chỉ tiêu về kinh tế số và tỷ lệ dịch vụ công trực tuyến',
    'làm rõ nội hàm ba trụ cột con người, thiên nhiên, văn hóa',
  ],
  tasks: [
    'có giải pháp cụ thể thu hút nhân lực chất lượng cao về làm việc tại tỉnh',
    'ưu tiên nguồn lực cho các huyện miền núi Bình Liêu, Ba Chẽ, Tiên Yên',
    'bổ sung giải pháp phát triển du lịch bốn mùa, giảm phụ thuộc vào vịnh Hạ Long',
    'tăng cường kiểm tra, giám sát việc thực hiện nghị quyết ở cơ sở',
  ],
};
const closers = ['', ' để báo cáo thêm thuyết phục.', ' cho phù hợp với thực tiễn.', ' nhằm bảo đảm tính khả thi.', ' để cơ sở dễ triển khai.'];
const publicVoices = [
  'Là người dân ở Cô Tô, tôi mong tỉnh quan tâm hơn đến giao thông ra đảo.',
  'Đề nghị có chính sách hỗ trợ ngư dân chuyển đổi nghề phù hợp.',
  'Mong tỉnh tiếp tục giữ gìn cảnh quan, môi trường vịnh Hạ Long.',
  'Đề nghị nâng cấp trạm y tế xã và bổ sung bác sĩ cho vùng cao.',
  'Tôi đề nghị đẩy mạnh dịch vụ công trực tuyến để người dân đỡ đi lại.',
];

function topicOf(text: string, kind: string): string | null {
  if (kind === 'heading') return null;
  if (/tăng trưởng|hạ tầng|ngân sách|Covid/u.test(text)) return 'economy';
  if (/giảm nghèo|giáo dục|môi trường vịnh/u.test(text)) return 'society';
  if (/xây dựng Đảng về|Dân tin|tổ chức cơ sở đảng/u.test(text)) return 'party';
  if (/chỉ tiêu chưa đạt/u.test(text)) return 'limits';
  if (/Phấn đấu|ba trụ cột/u.test(text)) return 'goals';
  return 'tasks';
}

export async function seedDocumentsDemo(db: Db, services: Services, ids: Map<string, number>, campaignId: number) {
  const session = await services.accounts.resolveSession((await services.accounts.login('admin', 'QuangNinh@2020', 'seed')).token, 'seed');
  const actor = session.actor;
  const { documents, consultations, synthesis } = services.documents;
  const congress = await db.query<{ id: number }>(`SELECT id FROM congresses WHERE campaign_id = $1 AND org_id = $2`, [campaignId, ids.get('QN')!]);
  const congressId = congress.rows[0]!.id;
  const doc = await documents.createDocument(actor, congressId, { docType: 'politicalReport', title: 'Báo cáo chính trị trình Đại hội đại biểu Đảng bộ tỉnh lần thứ XV' });
  await documents.addVersion(actor, doc.id, { text: demoDraftV1, note: 'Dự thảo lần 1 (Ban Thường vụ Tỉnh ủy)' });
  await documents.addVersion(actor, doc.id, { text: demoDraftV2, note: 'Dự thảo lần 2, sau góp ý của các sở, ngành' });
  await documents.createDocument(actor, congressId, { docType: 'committeeReview', title: 'Báo cáo kiểm điểm của Ban Chấp hành Đảng bộ tỉnh khóa XIV' });
  const full = await documents.getDocument(actor, doc.id);
  const v2 = full.versions[1]!;
  const now = services.clock.now();
  const round = await consultations.create(actor, doc.id, {
    versionId: v2.id,
    title: 'Lấy ý kiến đóng góp dự thảo Báo cáo chính trị Đại hội XV Đảng bộ tỉnh',
    audienceOrgId: ids.get('QN')!,
    members: true,
    orgs: true,
    public: true,
    opensAt: new Date(now.getTime() - 10 * 86_400_000).toISOString(),
    closesAt: new Date(now.getTime() + 90 * 86_400_000).toISOString(),
  });

  // A few hundred comments from units across the province, generated from templates.
  const sections = await documentsRepo.sections(db, v2.id);
  const units = await db.query<{ id: number; path: string; district: string }>(
    `SELECT o.id, o.path::text AS path, d.code AS district FROM organizations o JOIN organizations d ON d.id = subpath(o.path, 1, 1)::text::int
      WHERE o.path <@ $1::ltree AND nlevel(o.path) IN (2, 3) AND o.status = 'active' ORDER BY o.path`,
    [String(ids.get('QN')!)],
  );
  const rnd = mulberry32(1506);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const mc = units.rows.filter((u) => u.district === 'QN-MC');
  const rows: NewComment[] = [];
  const seen = new Set<string>();
  const commentable = sections.filter((s) => topicOf(s.text, s.kind) !== null);
  for (let i = 0; rows.length < 360 && i < 5000; i++) {
    const s = i % 4 === 0 ? commentable[0]! : pick(commentable);
    const unit = i % 3 === 0 && mc.length ? pick(mc) : pick(units.rows);
    const body = `${pick(openers)} ${pick(bySection[topicOf(s.text, s.kind)!]!)}${pick(closers) || '.'}`;
    const key = `${s.key}|${body}|${unit.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      sectionKey: s.key,
      channel: i % 5 === 0 ? 'org' : 'member',
      authorOrgId: unit.id,
      authorOrgPath: unit.path,
      authorUserId: null,
      authorName: null,
      authorPlace: null,
      body,
      bodyHash: hashBody(body),
      ipHash: null,
    });
  }
  publicVoices.forEach((body, i) =>
    rows.push({ sectionKey: commentable[commentable.length - 1 - (i % 3)]!.key, channel: 'public', authorOrgId: null, authorOrgPath: String(ids.get('QN')!), authorUserId: null, authorName: null, authorPlace: pick(['Cô Tô', 'Hạ Long', 'Móng Cái', 'Bình Liêu']), body, bodyHash: hashBody(body), ipHash: null }),
  );
  await db.transaction(async (tx) => {
    await documentsRepo.insertComments(tx, round.id, rows);
    await recordAudit(tx, actor, { action: 'consultation.commentsImported', entityType: 'consultation', entityId: round.id, orgId: ids.get('QN')!, summary: `Dữ liệu mẫu: ${rows.length} ý kiến góp ý` });
  });

  // Part of the synthesis: Móng Cái groups its comments on the growth paragraph; the province rolls that up and answers.
  const growth = commentable[0]!;
  const mcId = ids.get('QN-MC')!;
  const mcSection = await synthesis.section(actor, round.id, { orgId: mcId, sectionKey: growth.key, offset: 0, limit: 200 });
  const mcTheme = await synthesis.createTheme(actor, round.id, { orgId: mcId, sectionKey: growth.key, title: 'Làm rõ nguyên nhân và động lực tăng trưởng' });
  const mcPicked = mcSection.unthemed.items.filter((c) => /nguyên nhân|đóng góp/u.test(c.body)).map((c) => c.id);
  if (mcPicked.length) await synthesis.assign(actor, round.id, { orgId: mcId, commentIds: mcPicked, themeId: mcTheme.id });
  const prov = await synthesis.section(actor, round.id, { sectionKey: growth.key, offset: 0, limit: 200 });
  const groups: [string, RegExp, 'accepted' | 'explained' | 'notAccepted', string][] = [
    ['Bổ sung phân tích tác động của dịch Covid-19', /Covid/u, 'accepted', 'Đã bổ sung đoạn đánh giá tác động của dịch Covid-19 (dự thảo lần 3).'],
    ['So sánh với bình quân cả nước', /cả nước/u, 'explained', 'Số liệu so sánh đã có trong phụ lục kèm theo báo cáo.'],
    ['Đánh giá hiệu quả các dự án hạ tầng', /hạ tầng/u, 'notAccepted', 'Nội dung thuộc báo cáo chuyên đề về đầu tư công.'],
  ];
  let first = 0;
  for (const [title, re, response, responseText] of groups) {
    const theme = await synthesis.createTheme(actor, round.id, { orgId: ids.get('QN')!, sectionKey: growth.key, title });
    if (!first) first = theme.id;
    const picked = prov.unthemed.items.filter((c) => re.test(c.body)).map((c) => c.id);
    if (picked.length) {
      await synthesis.assign(actor, round.id, { orgId: ids.get('QN')!, commentIds: picked, themeId: theme.id });
      await synthesis.setQuotes(actor, theme.id, picked.slice(0, 2));
    }
    await synthesis.updateTheme(actor, theme.id, { version: 1, response, responseText });
  }
  const cause = await synthesis.createTheme(actor, round.id, { orgId: ids.get('QN')!, sectionKey: growth.key, title: 'Nguyên nhân tăng trưởng và bài học kinh nghiệm' });
  await synthesis.updateTheme(actor, mcTheme.id, { version: mcTheme.version, parentId: cause.id });
  await synthesis.updateTheme(actor, cause.id, { version: 1, response: 'accepted', responseText: 'Tiếp thu, bổ sung mục "Nguyên nhân của những kết quả đạt được".' });
  await services.accounts.logout(session);
  return { documentId: doc.id, consultationId: round.id, comments: rows.length };
}
