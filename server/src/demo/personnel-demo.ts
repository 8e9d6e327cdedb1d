/**
 * Personnel of the demo province (issue 5):
 * - Móng Cái city: the 41 names of its waiting election as people with plausible profiles, the
 *   personnel plan of its congress (37 committee members, 11 standing) with the 2020–2025
 *   targets, the approved list, and that election linked to it, so the ballot is checked
 *   against the targets and the elected become the new committee when it closes;
 * - a ward of Móng Cái with a draft list held up by an unresolved denunciation, the denounced
 *   candidate's vetting still pending (both show on the congress approval checklist), and a
 *   concluded, unfounded complaint;
 * - secretaries of the province's territorial districts and communes with their concurrent
 *   posts, and the seed report's targets (report 000): secretary also chairman of the People's
 *   Committee in at least 3 districts and 75 % of communes; non-local secretaries in 100 % of
 *   districts and 75 % of communes; two deputy secretaries where the secretary chairs the
 *   People's Committee. Individual names, dates and posts are illustrative.
 */
import type { Db } from '../platform/db/db.ts';
import type { Services } from '../composition.ts';
import type { Actor } from '../platform/audit/audit.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { foldVietnamese } from '../../../shared/src/text.ts';
import { CELL_TYPE_CODES } from '../domains/campaigns/schedule-rules.ts';
import { compositionPresets } from '../domains/personnel/composition-rules.ts';

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const womenGiven = new Set(['Hương', 'Lan', 'Nga', 'Thảo', 'Yến', 'Uyên']);
const wards = ['phường Ka Long', 'phường Trần Phú', 'phường Hòa Lạc', 'phường Ninh Dương', 'phường Hải Hòa', 'phường Bình Ngọc', 'phường Trà Cổ', 'xã Hải Xuân', 'xã Vạn Ninh', 'xã Hải Sơn', 'xã Quảng Nghĩa', 'xã Hải Đông'];
const educations = ['Cử nhân Luật', 'Thạc sĩ Quản lý kinh tế', 'Cử nhân Kinh tế', 'Kỹ sư Xây dựng', 'Thạc sĩ Quản lý công', 'Cử nhân Hành chính', 'Kỹ sư Công nghệ thông tin', 'Tiến sĩ Kinh tế'];
const cityPosts = [
  'Bí thư Thành ủy',
  'Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố',
  'Phó Bí thư Thành ủy, Chủ tịch UBND thành phố',
  'Chủ nhiệm Ủy ban Kiểm tra Thành ủy',
  'Trưởng Ban Tổ chức Thành ủy',
  'Trưởng Ban Tuyên giáo Thành ủy',
  'Trưởng Ban Dân vận Thành ủy, Chủ tịch Ủy ban MTTQ thành phố',
  'Phó Chủ tịch UBND thành phố',
  'Phó Chủ tịch UBND thành phố',
  'Chỉ huy trưởng Ban Chỉ huy Quân sự thành phố',
  'Trưởng Công an thành phố',
  'Chánh Văn phòng Thành ủy',
  'Phó Chủ tịch HĐND thành phố',
];
const cityRoles = ['secretary', 'deputySecretary', 'deputySecretary', 'inspectionChair', 'standingMember', 'standingMember', 'standingMember', 'standingMember', 'standingMember', 'standingMember', 'standingMember', 'committeeMember', 'committeeMember'] as const;

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export async function seedPersonnelDemo(db: Db, services: Services, ids: Map<string, number>, campaignId: number): Promise<void> {
  const mcId = ids.get('QN-MC')!;
  const session = await services.accounts.resolveSession((await services.accounts.login('mongcai', 'MongCai@2020', 'seed')).token, 'seed');
  const actor: Actor = session.actor;
  const rnd = prng(2020_0527);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

  // ---- Móng Cái: the 41 names of the waiting election become people, a plan and an approved list ----
  const election = (await db.query<{ id: number }>(`SELECT id FROM elections WHERE org_id = $1 AND kind = 'executiveCommittee' ORDER BY id LIMIT 1`, [mcId])).rows[0];
  const congressId = (await db.query<{ id: number }>(`SELECT id FROM congresses WHERE campaign_id = $1 AND org_id = $2`, [campaignId, mcId])).rows[0]!.id;
  const names = election ? (await db.query<{ full_name: string }>(`SELECT full_name FROM election_candidates WHERE election_id = $1 ORDER BY ballot_no`, [election.id])).rows.map((r) => r.full_name) : [];
  const wardIds = Array.from({ length: 25 }, (_, i) => ids.get(`QN-MC-${String(i + 1).padStart(3, '0')}`)).filter((x): x is number => x !== undefined);
  // The ethnic minority share is set per unit (Móng Cái: Tày, Dao, Sán Dìu, Hoa communities): 10 % here, illustrative.
  const targets = compositionPresets['2020-2025'].targets.map((t) =>
    t.key === 'ethnicMinority' ? { ...t, rule: { kind: 'minShare' as const, value: 0.1 }, source: 'Thành ủy Móng Cái đặt theo cơ cấu dân tộc địa phương (minh họa)' } : t,
  );
  await services.congressPersonnel.savePlan(actor, congressId, { preset: '2020-2025', committeeSize: 37, standingSize: 11, nominationPreset: 'committee-default', targets });
  const personIds: number[] = [];
  for (const [i, fullName] of names.entries()) {
    const given = fullName.split(' ').pop()!;
    const female = fullName.includes(' Thị ') || womenGiven.has(given);
    const firstTime = i >= 26;
    // Re-election needs 30 months from 6/2020, a first term 60: the ages follow.
    const year = firstTime ? int(1972, 1988) : female ? int(1968, 1980) : i % 2 === 0 ? int(1963, 1969) : int(1970, 1978);
    const birthDate = iso(year, int(1, 12), int(1, 28));
    const onCity = i < cityPosts.length;
    const ward = wardIds[(i - cityPosts.length + wardIds.length) % wardIds.length]!;
    const wardName = wards[i % wards.length]!;
    const p = await services.people.create(actor, {
      orgId: mcId,
      code: `MC-${String(i + 1).padStart(3, '0')}`,
      fullName,
      birthDate,
      gender: female ? 'female' : 'male',
      ethnicity: i % 9 === 4 ? 'Tày' : i % 13 === 7 ? 'Dao' : i % 17 === 3 ? 'Sán Dìu' : 'Kinh',
      homePlace: `${wardName}, thành phố Móng Cái, tỉnh Quảng Ninh`,
      education: pick(educations),
      politicalTheory: onCity || i % 3 === 0 ? 'advanced' : 'intermediate',
      partyJoinDate: iso(Math.min(year + int(20, 28), 2015), int(1, 12), int(1, 28)),
      sciTech: i % 19 === 5,
      posts: onCity
        ? [{ orgId: mcId, role: cityRoles[i]!, title: cityPosts[i]! }]
        : [{ orgId: ward, role: 'secretary', title: `Bí thư Đảng ủy ${wardName}`, nonLocal: i % 4 !== 0 }],
    });
    personIds.push(p.id);
    await services.congressPersonnel.addCandidate(actor, congressId, { personId: p.id, candidacy: firstTime ? 'firstTime' : 'reelection', postKind: 'committee', standingProposed: i < 11 });
  }
  if (personIds.length > 0) {
    // One complaint about a candidate, received, verified and found unfounded before the list was approved.
    const c = await services.people.addComplaint(actor, personIds[5]!, { kind: 'complaint', receivedOn: '2020-04-20', sender: 'Đơn không ký tên', summary: 'Phản ánh việc kê khai tài sản, thu nhập năm 2019 chưa đầy đủ', congressId });
    const a = await services.people.advanceComplaint(actor, c.id, { version: c.version, to: 'assigned', assignee: 'Ủy ban Kiểm tra Thành ủy' });
    const v = await services.people.advanceComplaint(actor, c.id, { version: a.version, to: 'verified', verification: 'Đối chiếu bản kê khai và hồ sơ đất đai; làm việc với người bị phản ánh' });
    await services.people.advanceComplaint(actor, c.id, { version: v.version, to: 'concluded', conclusion: 'Kê khai đầy đủ, trung thực; nội dung phản ánh không có cơ sở', outcome: 'unfounded', concludedOn: '2020-05-08' });
    // Political vetting concluded for everyone before the list was approved (a pending one would hold it back).
    for (const id of personIds) await services.congressPersonnel.updateCandidate(actor, congressId, id, { vetting: 'cleared', vettingNote: 'Ban Tổ chức Thành ủy kết luận tiêu chuẩn chính trị' });
    const view = await services.congressPersonnel.view(actor, congressId);
    await services.congressPersonnel.approveList(actor, congressId, view.plan!.version);
    // The waiting election is the one this list feeds: link its names to the people.
    await db.transaction(async (tx) => {
      await tx.query(
        `UPDATE election_candidates ec SET person_id = p.id FROM persons p WHERE ec.election_id = $1 AND p.org_id = $2 AND p.full_name = ec.full_name AND p.code LIKE 'MC-%'`,
        [election!.id, mcId],
      );
      await tx.query(`INSERT INTO personnel_elections (election_id, congress_id, body) VALUES ($1, $2, 'executiveCommittee')`, [election!.id, congressId]);
      await recordAudit(tx, actor, { action: 'personnel.electionLinked', entityType: 'congressPersonnel', entityId: congressId, orgId: mcId, summary: 'Dữ liệu mẫu: cuộc bầu Ban Chấp hành lấy danh sách nhân sự đã duyệt' });
    });
  }

  // ---- A ward with a draft list held up by an unresolved denunciation ----
  const wardId = wardIds[0]!;
  const wardCongress = (await db.query<{ id: number }>(`SELECT id FROM congresses WHERE campaign_id = $1 AND org_id = $2`, [campaignId, wardId])).rows[0];
  if (wardCongress) {
    await services.congressPersonnel.savePlan(actor, wardCongress.id, { preset: '2020-2025', committeeSize: 5, standingSize: 0 });
    const wardPeople = [
      ['Tô Văn Quang', '1974-02-11', 'male'],
      ['Hà Thị Ngọc Lan', '1983-09-30', 'female'],
      ['Lý Văn Sáng', '1979-05-17', 'male'],
      ['Chìu Văn Minh', '1986-12-01', 'male'],
      ['Phùng Thị Hoa', '1976-07-22', 'female'],
      ['Đinh Đức Toàn', '1969-03-03', 'male'],
    ] as const;
    const created: number[] = [];
    for (const [i, [fullName, birthDate, gender]] of wardPeople.entries()) {
      const p = await services.people.create(actor, { orgId: wardId, fullName, birthDate, gender, ethnicity: fullName.startsWith('Chìu') ? 'Dao' : 'Kinh', homePlace: 'Thành phố Móng Cái', politicalTheory: 'intermediate' });
      created.push(p.id);
      await services.congressPersonnel.addCandidate(actor, wardCongress.id, { personId: p.id, candidacy: i < 3 ? 'reelection' : 'firstTime', postKind: 'committee', standingProposed: false });
    }
    // Vetting concluded for all but the denounced candidate, whose vetting waits for the denunciation.
    for (const id of created.filter((_, i) => i !== 2)) await services.congressPersonnel.updateCandidate(actor, wardCongress.id, id, { vetting: 'cleared' });
    const d = await services.people.addComplaint(actor, created[2]!, {
      kind: 'denunciation',
      receivedOn: '2020-05-04',
      sender: 'Một số đảng viên chi bộ khu 3',
      summary: 'Tố cáo vi phạm quy định về quản lý đất đai khi giữ chức vụ Chủ tịch UBND phường',
      congressId: wardCongress.id,
    });
    await services.people.advanceComplaint(actor, d.id, { version: d.version, to: 'assigned', assignee: 'Ủy ban Kiểm tra Thành ủy Móng Cái' });
  }
  await services.accounts.logout(session);

  // ---- Concurrent posts over the province: secretaries of territorial districts and communes ----
  const units = await db.query<{ id: number; level: number; name: string }>(
    `SELECT o.id, t.level, o.name FROM organizations o JOIN org_types t ON t.code = o.type_code
      WHERE o.status = 'active' AND o.kind_code = 'territorial' AND t.level IN (2, 3) AND NOT (o.type_code = ANY($1::text[]))
        AND NOT EXISTS (SELECT 1 FROM person_posts pp WHERE pp.org_id = o.id AND pp.role = 'secretary' AND pp.to_date IS NULL)
      ORDER BY t.level, o.path`,
    [CELL_TYPE_CODES],
  );
  const crnd = prng(2020_0000);
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Tô', 'Vi', 'Nông', 'Hà', 'Lục'];
  const middle = ['Văn', 'Đức', 'Minh', 'Thanh', 'Quang', 'Xuân', 'Thị', 'Ngọc', 'Hồng'];
  const given = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Trung', 'Tuấn', 'Việt', 'Hương', 'Lan', 'Thảo'];
  const nameOf = () => `${family[Math.floor(crnd() * family.length)]} ${middle[Math.floor(crnd() * middle.length)]} ${given[Math.floor(crnd() * given.length)]}`;
  type P = { orgId: number; fullName: string; birth: string; gender: 'male' | 'female'; posts: { role: string; title: string; nonLocal: boolean }[] };
  const people: P[] = [];
  let district = 0;
  let commune = 0;
  for (const u of units.rows) {
    const isDistrict = u.level === 2;
    const i = isDistrict ? district++ : commune++;
    // Districts: the secretary chairs the People's Committee in 4 (target ≥ 3); all but one non-local (target 100 %).
    // Communes: 4 of 5 chair the People's Committee (target 75 %), 7 of 10 non-local (target 75 %).
    const chairsPc = isDistrict ? i < 4 : i % 5 !== 4;
    const nonLocal = isDistrict ? i !== 2 : i % 10 < 7;
    const place = u.name.replace(/^Đảng bộ /, '');
    const unitWord = isDistrict ? (/thành phố|thị xã/.test(place) ? 'Thành ủy' : 'Huyện ủy') : 'Đảng ủy';
    const secretaryName = nameOf();
    const female = / Thị /.test(secretaryName) || ['Hương', 'Lan', 'Thảo'].some((g) => secretaryName.endsWith(g));
    people.push({
      orgId: u.id,
      fullName: secretaryName,
      birth: iso(1965 + Math.floor(crnd() * 18), 1 + Math.floor(crnd() * 12), 1 + Math.floor(crnd() * 28)),
      gender: female ? 'female' : 'male',
      posts: [
        { role: 'secretary', title: `Bí thư ${unitWord} ${place}`, nonLocal },
        ...(chairsPc ? [{ role: 'peoplesCommitteeChair', title: `Chủ tịch UBND ${place}`, nonLocal: false }] : []),
      ],
    });
    // Where the secretary chairs the People's Committee: two deputies (one chairs the Council, one the Front), in most communes.
    const deputies = chairsPc && (isDistrict || i % 6 !== 5) ? 2 : 1;
    for (let k = 0; k < deputies; k++) {
      people.push({
        orgId: u.id,
        fullName: nameOf(),
        birth: iso(1968 + Math.floor(crnd() * 18), 1 + Math.floor(crnd() * 12), 1 + Math.floor(crnd() * 28)),
        gender: crnd() < 0.3 ? 'female' : 'male',
        posts: [
          { role: 'deputySecretary', title: `Phó Bí thư ${unitWord} ${place}`, nonLocal: false },
          { role: k === 0 ? 'peoplesCouncilChair' : 'frontChair', title: k === 0 ? `Chủ tịch HĐND ${place}` : `Chủ tịch Ủy ban MTTQ ${place}`, nonLocal: false },
        ],
      });
    }
  }
  await db.transaction(async (tx) => {
    // Hundreds of rows: written set-wise, one audit entry for the lot.
    const r = await tx.query<{ id: number }>(
      `INSERT INTO persons (org_id, full_name, search_text, birth_date, gender, ethnicity)
       SELECT t.o, t.n, t.s, t.b::date, t.g, 'Kinh' FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(o, n, s, b, g, ord) ORDER BY t.ord RETURNING id`,
      [people.map((p) => p.orgId), people.map((p) => p.fullName), people.map((p) => foldVietnamese(p.fullName)), people.map((p) => p.birth), people.map((p) => p.gender)],
    );
    const posts = people.flatMap((p, i) => p.posts.map((x) => ({ personId: r.rows[i]!.id, orgId: p.orgId, ...x })));
    await tx.query(
      `INSERT INTO person_posts (person_id, org_id, role, title, non_local, from_date)
       SELECT t.p, t.o, t.r, t.t, t.nl, date '2015-10-01' FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::bool[]) AS t(p, o, r, t, nl)`,
      [posts.map((p) => p.personId), posts.map((p) => p.orgId), posts.map((p) => p.role), posts.map((p) => p.title), posts.map((p) => p.nonLocal)],
    );
    const root = ids.get('QN')!;
    const source = 'Dự thảo Báo cáo chính trị Đại hội Đảng bộ tỉnh Quảng Ninh nhiệm kỳ 2020–2025 (bản tin nguồn 000)';
    for (const [model, level, kind, value] of [
      ['secretaryChairsPeoplesCommittee', 2, 'count', 3],
      ['secretaryChairsPeoplesCommittee', 3, 'share', 75],
      ['nonLocalSecretary', 2, 'share', 100],
      ['nonLocalSecretary', 3, 'share', 75],
      ['twoDeputySecretaries', 3, 'share', 100],
    ] as const) {
      await tx.query(`INSERT INTO concurrent_post_targets (root_org_id, model, level, target_kind, target_value, source) VALUES ($1, $2, $3, $4, $5, $6)`, [root, model, level, kind, value, source]);
    }
    await recordAudit(tx, null, {
      action: 'person.imported',
      entityType: 'import',
      entityId: 'demo-personnel',
      orgId: root,
      summary: `Dữ liệu mẫu: ${people.length} cán bộ chủ chốt cấp huyện, cấp xã và mục tiêu mô hình nhất thể hóa`,
    });
  });
}
